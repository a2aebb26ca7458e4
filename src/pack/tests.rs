use std::collections::HashSet;

use super::*;

fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect()
}

const MANIFEST: &str = r#"schema = 1
id = "test"
version = "1.0.0"
licence = "CC-BY-4.0"
lessons = ["lessons/a.md"]
title = { fr = "Essai" }
"#;

#[test]
fn builtin_pack_is_valid() {
    let pack = Pack::builtin().unwrap_or_else(|e| panic!("{e}"));
    assert!(pack.lessons.len() >= 10, "a two-day workshop");
    assert!(pack.lessons.iter().all(|l| l.steps.len() >= 4));
    // Every kind of step the engine has is used somewhere in the workshop.
    let kinds: HashSet<&str> = pack
        .lessons
        .iter()
        .flat_map(|l| &l.steps)
        .map(|s| s.exercise.kind())
        .collect();
    for k in [
        "read",
        "question",
        "collect",
        "chart",
        "reflection",
        "data",
        "chart_task",
        "import",
    ] {
        assert!(kinds.contains(k), "the built-in pack lacks a {k} step");
    }
    // Every dataset of the built-in pack names its sources and licence.
    assert!(pack.warnings.is_empty(), "{:?}", pack.warnings);
    assert!(pack
        .datasets
        .iter()
        .all(|d| !d.sources.is_empty() && !d.licenses.is_empty()));
    // premiers-pas keeps all its step ids.
    let first = pack.lesson("premiers-pas").expect("premiers-pas is kept");
    let ids: Vec<&str> = first.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "bienvenue",
            "collecte-ecole",
            "plus-peuplee",
            "ecart-sila",
            "graphique-population",
            "moins-peuplees",
            "tableau-moins-peuplees",
            "tracer-graphique",
            "reflexion",
            "conclusion"
        ]
    );
}

#[test]
fn lesson_steps_and_line_numbers() {
    let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n\n## Un {#un}\n\nTexte.\n\n## Deux {#deux}\n\n```exercise\nkind = \"question\"\ntype = \"number\"\nanswer = 3\nhints = [\"trois\"]\n```\n";
    let (pack, problems) = parse(
        files(&[("pack.toml", MANIFEST), ("lessons/a.md", lesson)]),
        Origin::Builtin,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let pack = pack.unwrap();
    let steps = &pack.lessons[0].steps;
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0].body, "Texte.");
    assert_eq!(steps[1].line, 10);
    assert_eq!(steps[1].exercise.kind(), "question");
    assert_eq!(steps[1].body, "");
}

#[test]
fn problems_name_file_and_line() {
    let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n## Sans id\n\n## Double {#x}\n## Double {#x}\n\n```exercise\nkind = \"question\"\ntype = \"choice\"\nanswer = \"z\"\nchoices = [{ value = \"a\", label = \"A\" }]\n```\n<script>alert(1)</script>\n";
    let (_, problems) = parse(
        files(&[("pack.toml", MANIFEST), ("lessons/a.md", lesson)]),
        Origin::Builtin,
    );
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text.iter()
            .any(|p| p.starts_with("lessons/a.md:5: step heading needs a stable id")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|p| p.starts_with("lessons/a.md:8: step id `x` used twice")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|p| p.contains("reference answer `z` is not one of the choices")),
        "{text:?}"
    );
    assert!(text.iter().any(|p| p.contains("raw HTML")), "{text:?}");
}

#[test]
fn unsafe_paths_and_bad_manifests_are_refused() {
    assert!(!is_safe_relative_path("../etc/passwd"));
    assert!(!is_safe_relative_path("/etc/passwd"));
    assert!(!is_safe_relative_path("C:/x"));
    assert!(!is_safe_relative_path("a\\..\\b"));
    assert!(is_safe_relative_path("lessons/a.md"));
    let (_, problems) = parse(
        files(&[("pack.toml", "schema = 99\nid=\"x\"")]),
        Origin::Builtin,
    );
    assert_eq!(problems.len(), 1);
    let (_, problems) = parse(files(&[("pack.toml", "not toml [")]), Origin::Builtin);
    assert_eq!(problems[0].file, "pack.toml");
}

#[test]
fn folder_with_a_link_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.toml"), MANIFEST).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("lien")).unwrap();
        match Pack::from_dir(dir.path()) {
            Err(PackError::Invalid(p)) => assert!(p[0].message.contains("links")),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn completion_rule_in_front_matter() {
    let lesson = |fm: &str| {
        format!("+++\nid = \"a\"\ntitle = {{ fr = \"A\" }}\n{fm}\n+++\n## Un {{#un}}\n## Deux {{#deux}}\n## Trois {{#trois}}\n")
    };
    let parse_with = |fm: &str| {
        parse(
            files(&[("pack.toml", MANIFEST), ("lessons/a.md", &lesson(fm))]),
            Origin::Builtin,
        )
    };
    let (pack, problems) = parse_with("");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(pack.unwrap().lessons[0].completion, Completion::All);
    let (pack, problems) = parse_with("completion = { min = 2 }");
    assert!(problems.is_empty(), "{problems:?}");
    let l = &pack.unwrap().lessons[0];
    assert_eq!(l.completion, Completion::Min(2));
    assert_eq!(l.completion.required(l.steps.len()), 2);
    assert_eq!(Completion::All.required(3), 3);
    let (_, problems) = parse_with("completion = { min = 4 }");
    assert!(
        problems[0].message.contains("between 1 and the 3 step(s)"),
        "{problems:?}"
    );
    let (_, problems) = parse_with("completion = \"most\"");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, "lessons/a.md");
}

#[test]
fn a_dataset_breaking_its_schema_refuses_the_pack() {
    let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n## Un {#un}\n";
    let dp = r#"{ "licenses": [{ "name": "CC0-1.0" }], "resources": [
        { "name": "pop", "path": "data/pop.csv", "sources": [{ "title": "Essai" }], "schema": { "fields": [
            { "name": "code", "type": "string", "constraints": { "required": true } },
            { "name": "n", "type": "integer", "constraints": { "minimum": 0 } } ],
          "primaryKey": "code" } },
        { "name": "sans_schema", "path": "data/pop.csv", "sources": [{ "title": "Essai" }] },
        { "name": "externe", "path": "data/pop.csv", "sources": [{ "title": "Essai" }], "schema": "schemas/absent.json" } ] }"#;
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in [
        ("pack.toml", MANIFEST),
        ("lessons/a.md", lesson),
        ("datapackage.json", dp),
        ("data/pop.csv", "code,n\nTD-ND,3\nTD-ND,-1\n"),
    ] {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let Err(PackError::Invalid(problems)) = Pack::from_dir(dir.path()) else {
        panic!("a pack whose dataset breaks its schema must be refused");
    };
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    for needle in [
        "data/pop.csv:3: primary key `TD-ND` already on line 2",
        "data/pop.csv:3: `n`: `-1` is below the minimum 0",
        "datapackage.json: resource `sans_schema` has no Table Schema",
        "datapackage.json: resource `externe`: schema file schemas/absent.json not found",
    ] {
        assert!(
            text.iter().any(|t| t == needle || t.starts_with(needle)),
            "{needle}: {text:?}"
        );
    }
    assert_eq!(text.len(), 4, "{text:?}");
}

/// A folder pack of one lesson with `extra` files; `pack.toml` gets `manifest_tail`.
fn folder(manifest_tail: &str, extra: &[(&str, &str)]) -> tempfile::TempDir {
    let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n## Un {#un}\n";
    let dir = tempfile::tempdir().unwrap();
    let manifest = MANIFEST.replace(
        "lessons = [\"lessons/a.md\"]\n",
        &format!("lessons = [\"lessons/a.md\"]\n{manifest_tail}"),
    );
    for (path, text) in [("pack.toml", manifest.as_str()), ("lessons/a.md", lesson)]
        .into_iter()
        .chain(extra.iter().copied())
    {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn problems_of(dir: &tempfile::TempDir) -> Vec<String> {
    match Pack::from_dir(dir.path()) {
        Err(PackError::Invalid(p)) => p.iter().map(|p| p.to_string()).collect(),
        Err(e) => panic!("{e}"),
        Ok(_) => Vec::new(),
    }
}

#[test]
fn a_guide_is_optional_checked_and_kept() {
    let pack = Pack::from_dir(folder("", &[]).path()).unwrap();
    assert_eq!(pack.manifest.guide, None);
    assert_eq!(pack.guide_markdown(), None);

    let md = "# Guide de l'animateur\n\n## Jour 1\n\n| Heure | Séance |\n|---|---|\n| 8 h 30 | Accueil |\n";
    let dir = folder(
        "guide = \"guide/animateur.md\"\n",
        &[("guide/animateur.md", md)],
    );
    let pack = Pack::from_dir(dir.path()).unwrap();
    assert_eq!(pack.manifest.guide.as_deref(), Some("guide/animateur.md"));
    assert_eq!(pack.guide_markdown(), Some(md));

    for (key, needle) in [
        (
            "guide = \"../animateur.md\"\n",
            "pack.toml: guide `../animateur.md`: the path must be relative",
        ),
        (
            "guide = \"/etc/passwd\"\n",
            "pack.toml: guide `/etc/passwd`: the path must be relative",
        ),
        (
            "guide = \"guide/absent.md\"\n",
            "pack.toml: guide file guide/absent.md not found",
        ),
    ] {
        let p = problems_of(&folder(key, &[("guide/animateur.md", md)]));
        assert!(p.len() == 1 && p[0].starts_with(needle), "{needle}: {p:?}");
    }
    let p = problems_of(&folder(
        "guide = \"guide/animateur.md\"\n",
        &[(
            "guide/animateur.md",
            "# G\n\nBonjour <b onclick=\"x()\">vous</b>.\n",
        )],
    ));
    assert_eq!(
        p,
        [
            "guide/animateur.md:3: raw HTML is not allowed in the guide: <b onclick=\"x()\">",
            "guide/animateur.md:3: raw HTML is not allowed in the guide: </b>"
        ]
    );
    // An unknown key is still refused (deny_unknown_fields).
    let p = problems_of(&folder("guides = \"x.md\"\n", &[]));
    assert!(p[0].contains("guides"), "{p:?}");
}

#[test]
fn every_dataset_needs_a_titled_source_and_a_licence() {
    let csv = ("data/d.csv", "n\n1\n");
    let schema = r#""schema": { "fields": [{ "name": "n", "type": "integer" }] }"#;
    let dp = |package: &str, resource: &str| {
        format!(
            r#"{{ {package} "resources": [{{ "name": "d", "path": "data/d.csv", "title": "D", "description": " Un jeu. ", {resource} {schema} }}] }}"#
        )
    };
    // Resource licence, several sources (an untitled one is dropped).
    let text = dp(
        "",
        r#""sources": [{ "title": "INSEED", "path": "https://inseed.td" }, { "path": "x" }, { "title": "B" }],
           "licenses": [{ "name": "CC-BY-4.0", "title": "CC BY 4.0" }],"#,
    );
    let pack = Pack::from_dir(folder("", &[("datapackage.json", &text), csv]).path()).unwrap();
    let d = &pack.datasets[0];
    assert_eq!(d.description, "Un jeu.");
    assert_eq!(
        d.sources,
        [
            Source {
                title: "INSEED".into(),
                path: Some("https://inseed.td".into())
            },
            Source {
                title: "B".into(),
                path: None
            }
        ]
    );
    assert_eq!(d.licenses[0].label(), "CC BY 4.0");
    // The package's licence when the resource has none.
    let text = dp(
        r#""licenses": [{ "name": "ODbL-1.0" }],"#,
        r#""sources": [{ "title": "INSEED" }],"#,
    );
    let pack = Pack::from_dir(folder("", &[("datapackage.json", &text), csv]).path()).unwrap();
    assert_eq!(pack.datasets[0].licenses[0].label(), "ODbL-1.0");
    // Neither: two warnings naming the resource (a pack written before sources were
    // shown still loads).
    let text = dp(
        "",
        r#""sources": [{ "path": "https://x" }], "licenses": [{ "title": "?" }],"#,
    );
    let pack = Pack::from_dir(folder("", &[("datapackage.json", &text), csv]).path()).unwrap();
    let p: Vec<String> = pack.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p[0].starts_with("datapackage.json: resource `d` needs a source with a title"),
        "{p:?}"
    );
    assert!(
        p[1].starts_with("datapackage.json: resource `d` needs a licence"),
        "{p:?}"
    );
}
