//! The facilitator's guide of a pack (`guide = "…"` in `pack.toml`) and the datasets'
//! sources and licences, as the app gets them from the core.

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::{assert_ok, assert_stderr_has, datajam, json, text};

use datajam::i18n::Lang;
use datajam::pack::{Pack, PackError};
use datajam::workshop::StepAt;
use datajam::Workshop;

const PACK: &str = "datajam-tchad";
const LESSON: &str = "premiers-pas";

const GUIDE: &str = "# Guide de l'animateur : atelier d'essai

Ce guide accompagne les deux journées.

## Jour 1

| Heure | Séance | Leçon |
|---|---|---|
| 8 h 30 – 9 h 00 | Accueil | — |
| 9 h 00 – 10 h 30 | Premiers pas | `premiers-pas` |

### Difficultés fréquentes

- Confondre la source A et la source B.
- [Un lien piégé](javascript:alert(1)) et ![une image distante](https://example.org/pixel.png)

## Jour 2

1. Récupérer la progression de chaque stagiaire (`datajam progress export`).
";

/// A small pack folder: one lesson, one dataset with its source and licence, and the guide
/// when `guide` is given.
fn write_pack(root: &Path, id: &str, guide: Option<&str>) {
    let mut manifest = format!(
        "schema = 1\nid = \"{id}\"\nversion = \"1.0.0\"\nlicence = \"CC0\"\nlessons = [\"lessons/a.md\"]\n"
    );
    if guide.is_some() {
        manifest.push_str("guide = \"guide/animateur.md\"\n");
    }
    manifest.push_str("title = { fr = \"Atelier d'essai\", en = \"Test workshop\" }\n");
    let files = [
        ("pack.toml", manifest.as_str()),
        (
            "lessons/a.md",
            "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n## Lire {#lire}\n\n```exercise\nkind = \"question\"\ntype = \"number\"\nanswer = 2\ndataset = \"ecoles_essai\"\n```\n",
        ),
        (
            "datapackage.json",
            r#"{ "licenses": [{ "name": "ODbL-1.0", "title": "Open Database License 1.0" }],
                 "resources": [{ "name": "ecoles_essai", "path": "data/ecoles.csv", "title": "Écoles (exemple)",
                   "description": "Deux écoles inventées pour le test.",
                   "sources": [{ "title": "Inventé pour le test", "path": "tests/pack_guide.rs" }],
                   "schema": { "fields": [{ "name": "ecole", "type": "string" }, { "name": "eleves", "type": "integer" }] } }] }"#,
        ),
        ("data/ecoles.csv", "ecole,eleves\nA,10\nB,20\n"),
    ];
    for (path, text) in files
        .into_iter()
        .chain(guide.map(|g| ("guide/animateur.md", g)))
    {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

#[test]
fn a_pack_guide_is_shown_sanitised_with_its_contents() {
    let data = tempfile::tempdir().unwrap();
    let src = tempfile::tempdir().unwrap();
    write_pack(src.path(), "essai-guide", Some(GUIDE));
    let mut w = Workshop::open(data.path(), Lang::Fr).unwrap();
    w.add_pack(Pack::from_dir(src.path()).unwrap()).unwrap();

    let packs = w.packs(None).unwrap();
    let summary = packs.iter().find(|p| p.id == "essai-guide").unwrap();
    assert!(summary.has_guide);

    let g = w.pack_guide("essai-guide").unwrap();
    assert_eq!(g.pack_title, "Atelier d'essai");
    assert_eq!(g.title, "Guide de l'animateur : atelier d'essai");
    // The title is the screen's heading, not repeated in the body.
    assert!(!g.html.contains("<h1>"), "{}", g.html);
    assert!(g.html.contains("<table>"), "{}", g.html);
    assert!(g.html.contains("<th>Heure</th>"), "{}", g.html);
    assert!(g.html.contains("<td>9 h 00 – 10 h 30</td>"), "{}", g.html);
    assert!(g.html.contains("<ol>"), "{}", g.html);
    let lower = g.html.to_lowercase();
    for bad in [
        "<script",
        "javascript:",
        "example.org",
        "onerror",
        "onclick",
    ] {
        assert!(!lower.contains(bad), "{bad} in {}", g.html);
    }
    let toc: Vec<(u8, &str)> = g.toc.iter().map(|e| (e.level, e.text.as_str())).collect();
    assert_eq!(
        toc,
        [(2, "Jour 1"), (3, "Difficultés fréquentes"), (2, "Jour 2")]
    );
    assert_eq!(g.toc.iter().map(|e| e.index).collect::<Vec<_>>(), [0, 1, 2]);

    // In English, the pack's title follows; the guide is the author's text.
    let mut w = Workshop::open(data.path(), Lang::En).unwrap();
    w.add_pack(Pack::from_dir(src.path()).unwrap()).unwrap();
    let g = w.pack_guide("essai-guide").unwrap();
    assert_eq!(g.pack_title, "Test workshop");
    assert_eq!(g.title, "Guide de l'animateur : atelier d'essai");
}

#[test]
fn a_pack_without_a_guide_says_so() {
    let data = tempfile::tempdir().unwrap();
    let src = tempfile::tempdir().unwrap();
    write_pack(src.path(), "essai-sans-guide", None);
    let mut w = Workshop::open(data.path(), Lang::Fr).unwrap();
    w.add_pack(Pack::from_dir(src.path()).unwrap()).unwrap();
    let packs = w.packs(None).unwrap();
    assert!(
        !packs
            .iter()
            .find(|p| p.id == "essai-sans-guide")
            .unwrap()
            .has_guide
    );
    let e = w.pack_guide("essai-sans-guide").unwrap_err();
    assert_eq!(e.code(), "pack.no_guide");
    assert_eq!(
        e.message(Lang::Fr),
        "Le paquet « essai-sans-guide » n'a pas de guide de l'animateur."
    );
    assert_eq!(
        e.message(Lang::En),
        "Pack \"essai-sans-guide\" has no facilitator's guide."
    );
    assert_eq!(w.pack_guide("absent").unwrap_err().code(), "pack.not_found");
}

#[test]
fn a_guide_with_raw_html_or_outside_the_pack_is_refused() {
    let src = tempfile::tempdir().unwrap();
    write_pack(
        src.path(),
        "essai-html",
        Some("# Guide\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n"),
    );
    let Err(PackError::Invalid(p)) = Pack::from_dir(src.path()) else {
        panic!("raw HTML in the guide must refuse the pack");
    };
    let text: Vec<String> = p.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        text,
        [
            "guide/animateur.md:3: raw HTML is not allowed in the guide: <script>alert(1)</script>",
            "guide/animateur.md:5: raw HTML is not allowed in the guide: <img src=x onerror=alert(2)>"
        ]
    );

    let src = tempfile::tempdir().unwrap();
    write_pack(src.path(), "essai-chemin", Some(GUIDE));
    let toml = src.path().join("pack.toml");
    let manifest = std::fs::read_to_string(&toml).unwrap().replace(
        "guide = \"guide/animateur.md\"",
        "guide = \"../../etc/passwd\"",
    );
    std::fs::write(&toml, manifest).unwrap();
    let Err(PackError::Invalid(p)) = Pack::from_dir(src.path()) else {
        panic!("a guide outside the pack must refuse it");
    };
    assert!(
        p[0].to_string()
            .starts_with("pack.toml: guide `../../etc/passwd`: the path must be relative"),
        "{p:?}"
    );
}

#[test]
fn a_guide_travels_in_the_pack_file() {
    let src = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_pack(src.path(), "essai-fichier", Some(GUIDE));
    let file = out.path().join("essai.datajam");
    datajam::pack::packfile::build(src.path(), &file).unwrap();
    let pack = datajam::pack::packfile::read(&file).unwrap();
    assert_eq!(pack.guide_markdown(), Some(GUIDE));
}

#[test]
fn the_builtin_dataset_shows_its_sources_and_licence() {
    let data = tempfile::tempdir().unwrap();
    let mut w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let all = w.pack_datasets(Some(PACK)).unwrap();
    let d = all.iter().find(|d| d.name == "provinces_2009").unwrap();
    assert_eq!(d.pack_id, PACK);
    assert!(
        d.title.starts_with("Population des 23 provinces"),
        "{}",
        d.title
    );
    assert!(d.description.contains("RGPH2"), "{}", d.description);
    assert_eq!(d.rows, Some(23));
    assert!(d.sources.len() >= 2, "{:?}", d.sources);
    assert!(d.sources.iter().all(|s| !s.title.is_empty()));
    assert!(
        d.sources
            .iter()
            .any(|s| s.path.as_deref().is_some_and(|p| p.starts_with("https://"))),
        "{:?}",
        d.sources
    );
    assert!(d.credit.starts_with("Sources : "), "{}", d.credit);
    assert!(d.credit.contains(" · Licence : "), "{}", d.credit);
    assert!(d.credit.contains(&d.sources[0].title), "{}", d.credit);
    assert_eq!(d.derived_from, None);

    // The same view for the table name (Analyse screen, list of tables), none for the
    // trainee's own tables.
    let info = w.dataset_info("provinces_2009").unwrap().unwrap();
    assert_eq!(info.credit, d.credit);
    assert!(w.dataset_info("mes_donnees").unwrap().is_none());

    // Every step showing or using the dataset carries it.
    let p = w.create_profile("Aïcha").unwrap();
    for step in [
        "plus-peuplee",
        "ecart-sila",
        "graphique-population",
        "tableau-moins-peuplees",
        "tracer-graphique",
    ] {
        let v = w.step(&StepAt::new(&p.id, PACK, LESSON, step)).unwrap();
        let info = v
            .dataset_info
            .unwrap_or_else(|| panic!("{step}: no dataset info"));
        assert_eq!(info.name, "provinces_2009", "{step}");
        assert_eq!(info.credit, d.credit, "{step}");
    }
    for step in ["bienvenue", "collecte-ecole", "reflexion"] {
        let v = w.step(&StepAt::new(&p.id, PACK, LESSON, step)).unwrap();
        assert!(v.dataset_info.is_none(), "{step}");
    }

    // A table a data task saves is credited to the dataset it was built from.
    assert!(w
        .dataset_info("provinces_moins_peuplees")
        .unwrap()
        .is_some_and(|i| i.rows.is_none()));
    w.skip(&StepAt::new(&p.id, PACK, LESSON, "tableau-moins-peuplees"))
        .unwrap();
    let info = w.dataset_info("provinces_moins_peuplees").unwrap().unwrap();
    assert_eq!(info.derived_from.as_deref(), Some("provinces_2009"));
    assert_eq!(info.rows, Some(5));
    assert!(
        info.credit
            .starts_with("D'après « provinces_2009 » · Sources : "),
        "{}",
        info.credit
    );

    // In English.
    let w = Workshop::open(data.path(), Lang::En).unwrap();
    let info = w.dataset_info("provinces_2009").unwrap().unwrap();
    assert!(info.credit.starts_with("Sources: "), "{}", info.credit);
    assert!(info.credit.contains(" · Licence: "), "{}", info.credit);
}

#[test]
fn an_installed_pack_lists_its_datasets_with_the_package_licence() {
    let data = tempfile::tempdir().unwrap();
    let src = tempfile::tempdir().unwrap();
    write_pack(src.path(), "essai-donnees", None);
    let mut w = Workshop::open(data.path(), Lang::Fr).unwrap();
    w.add_pack(Pack::from_dir(src.path()).unwrap()).unwrap();
    let d = w.pack_datasets(Some("essai-donnees")).unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].title, "Écoles (exemple)");
    assert_eq!(d[0].rows, Some(2));
    assert_eq!(
        d[0].credit,
        "Source : Inventé pour le test · Licence : Open Database License 1.0"
    );
    // Every pack's datasets when no pack is named.
    let all = w.pack_datasets(None).unwrap();
    assert!(all.iter().any(|x| x.name == "provinces_2009"));
    assert!(all.iter().any(|x| x.name == "ecoles_essai"));
    let p = w.create_profile("Brahim").unwrap();
    let v = w
        .step(&StepAt::new(&p.id, "essai-donnees", "a", "lire"))
        .unwrap();
    assert_eq!(v.dataset_info.unwrap().pack_id, "essai-donnees");
    assert_eq!(
        w.pack_datasets(Some("absent")).unwrap_err().code(),
        "pack.not_found"
    );
}

/// The facilitator reads the guide and the datasets' credits from the command line too.
#[test]
fn cli_prints_the_guide_and_the_datasets_with_their_credits() {
    let data = tempfile::tempdir().unwrap();
    let src = tempfile::tempdir().unwrap();
    write_pack(src.path(), "essai-guide", Some(GUIDE));
    let folder = src.path().to_str().unwrap();

    let out = datajam(data.path(), &["pack", "guide", folder]);
    assert_ok(&out);
    assert_eq!(text(&out.stdout), GUIDE);

    let out = datajam(data.path(), &["pack", "datasets", folder, "--json"]);
    assert_ok(&out);
    let v = json(&out);
    assert_eq!(v[0]["name"], "ecoles_essai");
    assert_eq!(v[0]["title"], "Écoles (exemple)");
    assert_eq!(
        v[0]["credit"],
        "Source : Inventé pour le test · Licence : Open Database License 1.0"
    );

    // The built-in pack by default: its guide, and every dataset credited.
    let out = datajam(data.path(), &["pack", "guide"]);
    assert!(text(&out.stdout).starts_with("# Guide de l'animateur"));
    let out = datajam(data.path(), &["pack", "datasets"]);
    let listed = text(&out.stdout);
    assert!(listed.lines().count() >= 7, "{listed}");
    assert!(listed.lines().all(|l| l.contains("Licence")), "{listed}");

    // A pack without a guide says so, in French, and fails.
    let bare = tempfile::tempdir().unwrap();
    write_pack(bare.path(), "sans-guide", None);
    let out = datajam(
        data.path(),
        &["pack", "guide", bare.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "n'a pas de guide de l'animateur");
}
