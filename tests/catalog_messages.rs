//! The sentences of the core's lessons, packs and progress come from the message catalog:
//! with their arguments and plurals in both languages, every key used existing in both,
//! and no message of those areas' catalog files left unused; every Arabic message has the
//! French one's arguments and references.

use std::path::Path;

use datajam::i18n::catalog;
use datajam::i18n::Lang;

/// The areas whose sentences live in `src/i18n/ftl/<lang>/<area>.ftl`, keyed `<area>-…`,
/// and the source folders (or files) using them.
const AREAS: &[(&str, &[&str])] = &[
    ("lesson", &["src/lesson"]),
    ("pack", &["src/pack"]),
    // The play driver replays lessons through the Workshop's door, with progress's words.
    ("progress", &["src/progress", "src/workshop/play.rs"]),
];

fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
    if dir.is_file() {
        let text = std::fs::read_to_string(dir).unwrap();
        out.push((dir.display().to_string(), text));
        return;
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

/// The string literals `"<area>-…"` of the files: the message keys they use.
fn keys_used(area: &str, files: &[(String, String)]) -> Vec<(String, String)> {
    let re = regex::Regex::new(&format!(r#""({area}-[a-z0-9-]+)""#)).unwrap();
    files
        .iter()
        .flat_map(|(path, text)| {
            re.captures_iter(text)
                .map(|c| (path.clone(), c[1].to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_key_used_exists_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (area, dirs) in AREAS {
        let mut files = Vec::new();
        for dir in dirs.iter() {
            rust_files(&root.join(dir), &mut files);
        }
        let used = keys_used(area, &files);
        assert!(used.len() > 10, "{area}: {} keys found", used.len());
        for (path, key) in &used {
            for lang in [Lang::Fr, Lang::En] {
                assert!(catalog::has(lang, key), "{path}: {key} missing in {lang:?}");
            }
        }
    }
}

#[test]
fn every_key_of_an_area_file_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (area, dirs) in AREAS {
        let mut files = Vec::new();
        for dir in dirs.iter() {
            rust_files(&root.join(dir), &mut files);
        }
        let used: Vec<String> = keys_used(area, &files)
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        let ftl =
            std::fs::read_to_string(root.join(format!("src/i18n/ftl/fr/{area}.ftl"))).unwrap();
        for key in catalog::keys(Lang::Fr)
            .into_iter()
            .filter(|k| k.starts_with(&format!("{area}-")))
        {
            // A message may be used by another one only (`{ pack-refused }`).
            let referenced = ftl.contains(&format!("{{ {key} }}"));
            assert!(
                used.contains(&key) || referenced,
                "{area}.ftl: {key} is used nowhere in {dirs:?}"
            );
        }
    }
}

#[test]
fn messages_with_arguments_and_plurals() {
    use datajam::lesson::datatask::{chart_choice, describe_chart};
    use datajam::lesson::task::Mismatch;
    use datajam::pack::packfile::PackFileError;
    use datajam::progress::{BadFile, FileProblem, ProgressError};
    use serde_json::json;

    // French: 0 and 1 are singular, English keeps its "row(s)".
    let rows = |got, lang| Mismatch::RowCount { expected: 3, got }.message(lang);
    for (got, fr) in [
        (0, "0 ligne"),
        (1, "1 ligne"),
        (2, "2 lignes"),
        (1500, "1500 lignes"),
    ] {
        assert_eq!(
            rows(got, Lang::Fr),
            format!("Votre tableau a {fr} ; le tableau attendu en a 3. Vérifiez vos filtres et vos regroupements.")
        );
    }
    assert_eq!(
        rows(1, Lang::En),
        "Your table has 1 row(s); the expected one has 3. Check your filters and groupings."
    );

    // Arabic selects among its own categories: 3 to 10, 11 to 99, a hundred.
    for (got, word) in [
        (3, "3 صفوف؛"),
        (11, "11 صفًّا؛"),
        (100, "100 صف؛"),
        (2, "2 صفّان؛"),
    ] {
        let ar = rows(got, Lang::Ar);
        assert!(ar.starts_with(&format!("في جدولك {word} ")), "{ar}");
    }

    // A chart's kind and calculation are chosen by their codes; unknown codes show as they are.
    let chart =
        json!({"kind": "stacked", "x": "province", "y": "pop", "agg": "mean", "sort": true});
    assert_eq!(
        describe_chart(&chart_choice(&chart), Lang::Fr),
        "barres empilées ; catégories : province ; valeurs : moyenne de pop ; barres triées"
    );
    assert_eq!(
        describe_chart(&chart_choice(&chart), Lang::En),
        "stacked ; categories: province ; values: mean of pop ; bars sorted"
    );
    let odd = json!({"kind": "radar", "x": "a", "y": "b", "agg": "max"});
    assert_eq!(
        describe_chart(&chart_choice(&odd), Lang::Fr),
        "radar ; catégories : a ; valeurs : max de b"
    );

    // A message using another one (`{ pack-refused }`), with numbers passed as text.
    let e = PackFileError::TooLarge {
        entry: "data/big.csv".into(),
    };
    assert_eq!(
        e.message(Lang::Fr),
        "Le fichier de paquet est trop gros (« data/big.csv ») : au plus 20 Mo par fichier et 100 Mo en tout. \
         Ce fichier de paquet est refusé et rien n'a été installé. Demandez à l'animateur un fichier reconstruit avec « datajam pack build »."
    );
    assert_eq!(
        e.message(Lang::En),
        "The pack file is too large (\"data/big.csv\"): at most 20 MB per file and 100 MB in all. \
         This pack file is refused and nothing was installed. Ask the facilitator for a file rebuilt with \"datajam pack build\"."
    );

    // A list of refused files, each with its own message.
    let err = ProgressError::BadFiles(vec![
        BadFile {
            path: "ali.json".into(),
            problem: FileProblem::TooLarge {
                bytes: 30 << 20,
                limit: 20 << 20,
            },
        },
        BadFile {
            path: "zara.json".into(),
            problem: FileProblem::TooNew { version: 9 },
        },
    ]);
    let supported = datajam::progress::VERSION;
    assert_eq!(
        err.message(Lang::Fr),
        format!(
            "Fusion annulée, rien n'a été écrit : 2 fichier(s) refusé(s). Retirez-les ou remplacez-les, puis recommencez.\n  \
             « ali.json » trop gros (30 Mo ; au plus 20 Mo)\n  \
             « zara.json » vient d'une version plus récente de DataJam Atelier (format 9, celle-ci lit le format {supported}) : mettez l'application à jour"
        )
    );
    assert_eq!(
        err.message(Lang::En),
        format!(
            "Merge cancelled, nothing was written: 2 file(s) refused. Remove or replace them, then try again.\n  \
             « ali.json » too large (30 MB; at most 20 MB)\n  \
             « zara.json » comes from a newer DataJam Atelier (format 9, this one reads format {supported}): update the app"
        )
    );
    let line = datajam::workshop::play::parse_action(
        r#"{"lesson":"l","step":"s","record":{"n":[1]}}"#,
        4,
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(
        line.message(Lang::Fr),
        "Fichier de réponses, ligne 4 : « record » doit être un objet {champ: texte} (champ « n »). Les lignes précédentes sont enregistrées."
    );
}

/// The arguments (`$x`) and the messages referenced (`{ other-message }`) of a message's
/// Fluent source.
fn placeables(text: &str) -> std::collections::BTreeSet<String> {
    let re = regex::Regex::new(r"\$[a-zA-Z_][a-zA-Z0-9_-]*|\{\s*[a-z][a-z0-9-]*\s*\}").unwrap();
    re.find_iter(text)
        .map(|m| {
            m.as_str()
                .trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace())
                .to_string()
        })
        .collect()
}

#[test]
fn every_arabic_message_has_the_french_ones_placeables() {
    let fr: std::collections::BTreeMap<String, String> =
        catalog::messages(Lang::Fr).into_iter().collect();
    let ar = catalog::messages(Lang::Ar);
    assert!(ar.len() > 400, "{} Arabic messages", ar.len());
    let mut keys = std::collections::BTreeSet::new();
    for (key, text) in &ar {
        assert!(keys.insert(key), "{key} twice in Arabic");
        let french = fr.get(key).unwrap_or_else(|| panic!("{key}: Arabic only"));
        assert_eq!(
            placeables(text),
            placeables(french),
            "{key}:\n{text}\n{french}"
        );
    }
}

#[test]
fn the_placeables_check_sees_arguments_and_references() {
    let got = placeables("x = { $n ->\n [one] { $count } a\n *[other] { pack-refused } { $n }\n}");
    let want: std::collections::BTreeSet<String> =
        ["$n", "$count", "pack-refused"].map(String::from).into();
    assert_eq!(got, want);
    assert_ne!(placeables("x = { $count }"), placeables("x = { $rows }"));
}
