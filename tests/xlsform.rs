//! XLSForm workbooks (KoboToolbox/ODK) turned into collect forms: translations, each
//! supported type, constraints, broken workbooks named by sheet and row, and a pack whose
//! collect step uses an XLSForm, checked, built into a `.datajam` file and loaded back.

#[path = "support/workbook.rs"]
mod workbook;

use std::collections::BTreeMap;

use datajam::i18n::Lang;
use datajam::lesson::form::{FieldType, Limit};
use datajam::pack::xlsform;
use datajam::pack::{Exercise, Pack};

type Rows<'a> = &'a [&'a [&'a str]];

/// A workbook with these sheets, each a grid of text cells (empty strings are left blank).
fn workbook(sheets: &[(&str, Rows)]) -> Vec<u8> {
    workbook::grid(sheets, workbook::Cells::Numbers)
}

const SURVEY: Rows = &[
    &[
        "type",
        "name",
        "label::Français (fr)",
        "label::English (en)",
        "hint::fr",
        "required",
        "constraint",
        "constraint_message::fr",
    ],
    &["start", "start", "", "", "", "", "", ""],
    &["begin group", "ecole", "École", "School", "", "", "", ""],
    &[
        "text",
        "nom_ecole",
        "Nom de l'école",
        "School name",
        "Comme sur le panneau",
        "yes",
        "",
        "",
    ],
    &[
        "text",
        "code",
        "Code",
        "Code",
        "",
        "",
        "regex(., '^[A-Z]{2}-[0-9]{3}$')",
        "Le code s'écrit comme GR-012.",
    ],
    &[
        "integer",
        "eleves",
        "Nombre d'élèves",
        "Pupils",
        "",
        "true()",
        ". >= 0 and . <= 5000",
        "Entre 0 et 5 000.",
    ],
    &[
        "decimal",
        "distance",
        "Distance au puits (km)",
        "Distance",
        "",
        "",
        ". >= 0",
        "",
    ],
    &["end group", "", "", "", "", "", "", ""],
    &[
        "date",
        "jour",
        "Date de la visite",
        "Visit date",
        "",
        "yes",
        ". >= date('2024-01-01') and . <= today()",
        "",
    ],
    &[
        "select_one province",
        "province",
        "Province",
        "Province",
        "",
        "yes",
        "",
        "",
    ],
    &[
        "select_multiple equip",
        "equipements",
        "Équipements",
        "Facilities",
        "",
        "",
        "",
        "",
    ],
    &[
        "select_one etat",
        "etat",
        "État du bâtiment",
        "Building",
        "",
        "",
        "",
        "",
    ],
    &["geopoint", "lieu", "Position", "Location", "", "", "", ""],
    &["note", "merci", "Merci !", "Thanks!", "", "", "", ""],
    &["calculate", "total", "", "", "", "", "", ""],
];

const CHOICES: Rows = &[
    &[
        "list_name",
        "name",
        "label::Français (fr)",
        "label::English (en)",
    ],
    &["province", "TD-GR", "Guéra", "Guera"],
    &["province", "TD-ND", "Ville de N'Djamena", "N'Djamena"],
    &["equip", "eau", "Point d'eau", "Water point"],
    &["equip", "latrines", "Latrines", "Latrines"],
    &["etat", "bon", "Bon", "Good"],
    &["etat", "mauvais", "Mauvais", "Poor"],
];

const SETTINGS: Rows = &[
    &["form_id", "form_title"],
    &["enquete_ecoles", "Enquête écoles"],
];

fn good() -> Vec<u8> {
    workbook(&[
        ("survey", SURVEY),
        ("choices", CHOICES),
        ("settings", SETTINGS),
    ])
}

#[test]
fn a_workbook_becomes_a_form_with_french_labels() {
    let x = xlsform::parse("forms/enquete.xlsx", &good()).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(x.form.table, "enquete_ecoles");
    assert_eq!(x.title.as_deref(), Some("Enquête écoles"));
    let names: Vec<&str> = x.form.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "nom_ecole",
            "code",
            "eleves",
            "distance",
            "jour",
            "province",
            "equipements",
            "etat",
            "lieu"
        ]
    );
    let f = |n: &str| x.form.fields.iter().find(|f| f.name == n).unwrap();
    assert_eq!(f("nom_ecole").label, "Nom de l'école");
    assert_eq!(f("nom_ecole").help.as_deref(), Some("Comme sur le panneau"));
    assert!(f("nom_ecole").required);
    assert!(!f("distance").required);
    assert_eq!(f("code").pattern.as_deref(), Some("^[A-Z]{2}-[0-9]{3}$"));
    assert_eq!(
        f("code").constraint_message.as_deref(),
        Some("Le code s'écrit comme GR-012.")
    );
    assert_eq!(f("eleves").field_type, FieldType::Integer);
    assert_eq!(f("eleves").min, Some(Limit::Number(0.0)));
    assert_eq!(f("eleves").max, Some(Limit::Number(5000.0)));
    assert_eq!(f("distance").field_type, FieldType::Decimal);
    assert_eq!(f("jour").field_type, FieldType::Date);
    assert_eq!(f("jour").min, Some(Limit::Date("2024-01-01".into())));
    assert_eq!(f("jour").max, Some(Limit::Date("today".into())));
    // A list of province codes makes a province field (any spelling accepted).
    assert_eq!(f("province").field_type, FieldType::Province);
    assert_eq!(f("province").choices.len(), 2);
    assert_eq!(f("equipements").field_type, FieldType::Multiple);
    assert_eq!(f("equipements").choices[0].label, "Point d'eau");
    assert_eq!(f("etat").field_type, FieldType::Choice);
    assert_eq!(f("lieu").field_type, FieldType::Location);
    // start and calculate are left out with warnings naming sheet and row.
    let w: Vec<String> = x.warnings.iter().map(|p| p.to_string()).collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].starts_with("forms/enquete.xlsx:2: sheet `survey`, row 2: metadata `start`"),
        "{w:?}"
    );
    assert!(
        w[1].contains("row 15: calculate `total` is left out"),
        "{w:?}"
    );

    // The form validates like a TOML one.
    let input: BTreeMap<String, String> = [
        ("nom_ecole", "École de Mongo"),
        ("code", "GR-012"),
        ("eleves", "240"),
        ("jour", "15/03/2025"),
        ("province", "guera"),
        ("equipements", "eau"),
        ("lieu", "12.18 18.69"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let values = x.form.validate(&input, Lang::Fr).unwrap();
    assert!(values.contains(&(
        "province".into(),
        datajam::lesson::form::Value::Text("TD-GR".into())
    )));
    let mut bad = input.clone();
    bad.insert("eleves".into(), "6000".into());
    bad.insert("code".into(), "12".into());
    let errs = x.form.validate(&bad, Lang::Fr).unwrap_err();
    assert_eq!(errs[0].message, "Le code s'écrit comme GR-012.");
    assert_eq!(errs[1].message, "Entre 0 et 5 000.");
}

#[test]
fn untranslated_and_english_only_columns() {
    let survey: Rows = &[
        &["type", "name", "label", "label::English (en)"],
        &["text", "nom", "Nom", "Name"],
    ];
    let x = xlsform::parse("forms/simple.xlsx", &workbook(&[("survey", survey)])).unwrap();
    assert_eq!(x.form.fields[0].label, "Nom");
    // No settings: the table is named after the file.
    assert_eq!(x.form.table, "simple");
    let english: Rows = &[
        &["type", "name", "label::English (en)"],
        &["integer", "age", "Age"],
    ];
    let x = xlsform::parse("f/age-form.xlsx", &workbook(&[("survey", english)])).unwrap();
    assert_eq!(x.form.fields[0].label, "Age");
    assert_eq!(x.form.table, "age_form");
}

#[test]
fn broken_workbooks_give_problems_with_sheet_and_row() {
    let survey: Rows = &[
        &[
            "type",
            "name",
            "label",
            "required",
            "constraint",
            "relevant",
        ],
        &["text", "nom", "Nom", "peut-être", "", ""],
        &["image", "photo", "Photo", "", "", ""],
        &["select_one absente", "choix", "Choix", "", "", ""],
        &["integer", "Age Enfant", "Âge", "", "", ""],
        &["integer", "age", "Âge", "", "string-length(.) > 3", ""],
        &["text", "code", "Code", "", "regex(., '[A-Z')", ""],
        &["text", "autre", "Autre", "", "", "${age} > 3"],
        &["begin repeat", "enfants", "Enfants", "", "", ""],
    ];
    let problems = xlsform::parse(
        "forms/casse.xlsx",
        &workbook(&[
            ("survey", survey),
            ("settings", &[&["form_id"], &["Mon Formulaire"]]),
        ]),
    )
    .unwrap_err();
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    for needle in [
        "forms/casse.xlsx:2: sheet `survey`, row 2: required `peut-être` is not yes or no",
        "forms/casse.xlsx:3: sheet `survey`, row 3: type `image` is not supported",
        "forms/casse.xlsx:4: sheet `survey`, row 4: choice list `absente` is not in the choices sheet",
        "forms/casse.xlsx:5: sheet `survey`, row 5: name `Age Enfant` must match",
        "forms/casse.xlsx:6: sheet `survey`, row 6: constraint `string-length(.) > 3` is not supported",
        "forms/casse.xlsx:8: sheet `survey`, row 8: column `relevant` is not supported",
        "forms/casse.xlsx:9: sheet `survey`, row 9: type `begin repeat` is not supported",
        "settings form_id `Mon Formulaire` cannot name a table",
        "field `code`: invalid pattern `[A-Z`",
    ] {
        assert!(text.iter().any(|t| t.contains(needle)), "{needle}\n{text:#?}");
    }
    assert_eq!(text.len(), 9, "{text:#?}");

    let p = xlsform::parse("x.xlsx", b"not a zip").unwrap_err();
    assert!(p[0].message.contains("not a readable XLSX"), "{p:?}");
    let p = xlsform::parse("x.xlsx", &workbook(&[("feuille", &[&["a"]])])).unwrap_err();
    assert!(p[0].message.contains("no `survey` sheet"));
    let choices: Rows = &[
        &["list_name", "name", "label"],
        &["l", "a", "A"],
        &["l", "a", "A bis"],
    ];
    let survey: Rows = &[&["type", "name", "label"], &["select_one l", "c", "C"]];
    let p = xlsform::parse(
        "x.xlsx",
        &workbook(&[("survey", survey), ("choices", choices)]),
    )
    .unwrap_err();
    assert!(
        p[0].to_string()
            .contains("sheet `choices`, row 3: choice `a` is twice in list `l`"),
        "{p:?}"
    );
}

const MANIFEST: &str = r#"schema = 1
id = "essai-xlsform"
version = "1.0.0"
licence = "CC-BY-4.0"
lessons = ["lessons/a.md"]
title = { fr = "Essai XLSForm" }
"#;

fn lesson(exercise: &str) -> String {
    format!("+++\nid = \"a\"\ntitle = {{ fr = \"A\" }}\n+++\n\n## Enquête {{#enquete}}\n\n```exercise\n{exercise}\n```\n")
}

#[test]
fn a_pack_with_an_xlsform_checks_builds_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("lessons")).unwrap();
    std::fs::create_dir_all(src.join("forms")).unwrap();
    std::fs::write(src.join("pack.toml"), MANIFEST).unwrap();
    std::fs::write(
        src.join("lessons/a.md"),
        lesson("kind = \"collect\"\nxlsform = \"forms/enquete.xlsx\"\nmin_records = 2"),
    )
    .unwrap();
    std::fs::write(src.join("forms/enquete.xlsx"), good()).unwrap();
    let pack = Pack::from_dir(&src).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pack.warnings.len(), 2);
    let Exercise::Collect(c) = &pack.lessons[0].steps[0].exercise else {
        panic!("collect step expected")
    };
    assert_eq!(c.form.table, "enquete_ecoles");
    assert_eq!(c.min_records, 2);

    // Built into a .datajam file, the workbook travels with the pack and loads again.
    let out = dir.path().join("essai.datajam");
    datajam::pack::packfile::build(&src, &out).unwrap();
    let loaded = datajam::pack::packfile::read(&out).unwrap();
    assert!(loaded.file("forms/enquete.xlsx").is_some());
    let Exercise::Collect(c2) = &loaded.lessons[0].steps[0].exercise else {
        panic!("collect step expected")
    };
    assert_eq!(c2.form, c.form);

    // Missing file, both form and xlsform, neither: problems at the step.
    for (exercise, needle) in [
        ("kind = \"collect\"\nxlsform = \"forms/absent.xlsx\"", "XLSForm file forms/absent.xlsx not found"),
        (
            "kind = \"collect\"\nxlsform = \"forms/enquete.xlsx\"\n[form]\ntable = \"t\"\n[[form.fields]]\nname = \"a\"\nlabel = \"A\"\ntype = \"text\"",
            "not both",
        ),
        ("kind = \"collect\"", "needs a form ([form]) or an XLSForm"),
    ] {
        std::fs::write(src.join("lessons/a.md"), lesson(exercise)).unwrap();
        match Pack::from_dir(&src) {
            Err(datajam::pack::PackError::Invalid(p)) => {
                assert!(
                    p.iter().any(|p| p.file == "lessons/a.md" && p.line == 6 && p.message.contains(needle)),
                    "{needle}: {p:?}"
                );
            }
            other => panic!("{needle}: {other:?}"),
        }
    }
    // A broken workbook refuses the pack, naming the workbook's sheet and row.
    std::fs::write(
        src.join("lessons/a.md"),
        lesson("kind = \"collect\"\nxlsform = \"forms/enquete.xlsx\""),
    )
    .unwrap();
    std::fs::write(
        src.join("forms/enquete.xlsx"),
        workbook(&[(
            "survey",
            &[&["type", "name", "label"], &["audio", "son", "Son"]],
        )]),
    )
    .unwrap();
    match Pack::from_dir(&src) {
        Err(datajam::pack::PackError::Invalid(p)) => {
            assert_eq!(p[0].file, "forms/enquete.xlsx");
            assert_eq!(p[0].line, 2);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_cli_prints_the_form_as_toml_to_paste_in_a_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enquete.xlsx");
    std::fs::write(&path, good()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_datajam"))
        .args(["xlsform", path.to_str().unwrap()])
        .env("DATAJAM_DATA_DIR", dir.path().join("data"))
        .env("DATAJAM_LANG", "fr")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Avertissement :"), "{stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    // The printed TOML is a collect exercise that reads back to the same form.
    let ex: Exercise = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let Exercise::Collect(c) = ex else {
        panic!("{text}")
    };
    let expected = xlsform::parse("x", &good()).unwrap().form;
    assert_eq!(c.form, expected);

    std::fs::write(&path, b"pas un classeur").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_datajam"))
        .args(["xlsform", path.to_str().unwrap(), "--json"])
        .env("DATAJAM_DATA_DIR", dir.path().join("data"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert!(v["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("XLSX"));
}
