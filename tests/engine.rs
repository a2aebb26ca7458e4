//! The exercise engine through the Workshop: lesson completion rules and the collect form
//! field types, with a small pack written to a temporary folder.

#[path = "support/workshop.rs"]
mod fixture;

use std::path::Path;

use datajam::i18n::Lang;
use datajam::pack::Pack;
use datajam::workshop::StepAt;
use datajam::workshop::{LessonStatus, Status};
use datajam::Workshop;
use serde_json::json;

const MANIFEST: &str = r#"schema = 1
id = "essai-moteur"
version = "1.0.0"
licence = "CC-BY-4.0"
lessons = ["lessons/a.md", "lessons/b.md"]
title = { fr = "Essai du moteur" }
"#;

const LESSON_A: &str = r#"+++
id = "a"
title = { fr = "Deux sur trois" }
completion = { min = 2 }
+++

## Lire {#lire}

Texte.

## Question {#q}

```exercise
kind = "question"
type = "number"
min = 45
max = 55
[[feedback]]
min = 0
max = 1
message = "En pourcentage, pas en fraction."
```

## Relire {#relire}

Texte.
"#;

const LESSON_B: &str = r#"+++
id = "b"
title = { fr = "Tout" }
+++

## Lire {#lire}

Texte.

## Visite {#visite}

```exercise
kind = "collect"

[form]
table = "visites"

[[form.fields]]
name = "jour"
label = "Date"
type = "date"
required = true
min = "2024-01-01"
max = "today"

[[form.fields]]
name = "province"
label = "Province"
type = "province"
required = true

[[form.fields]]
name = "equipements"
label = "Équipements"
type = "multiple"
choices = [{ value = "eau", label = "Point d'eau" }, { value = "latrines", label = "Latrines" }]

[[form.fields]]
name = "lieu"
label = "Position"
type = "location"
within_chad = true

[[form.fields]]
name = "code"
label = "Code"
type = "text"
pattern = "[A-Z]{2}-[0-9]{3}"
constraint_message = "Le code s'écrit comme GR-012."
```
"#;

fn write_pack(dir: &Path) {
    std::fs::create_dir_all(dir.join("lessons")).unwrap();
    std::fs::write(dir.join("pack.toml"), MANIFEST).unwrap();
    std::fs::write(dir.join("lessons/a.md"), LESSON_A).unwrap();
    std::fs::write(dir.join("lessons/b.md"), LESSON_B).unwrap();
}

fn open() -> (tempfile::TempDir, Workshop, String) {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    write_pack(&src);
    let mut w = Workshop::open(&dir.path().join("data"), Lang::Fr).unwrap();
    w.add_pack(Pack::from_dir(&src).unwrap_or_else(|e| panic!("{e}")))
        .unwrap();
    let p = w.create_profile("Fatimé").unwrap();
    (dir, w, p.id)
}

fn summary(w: &Workshop, profile: &str, lesson: &str) -> (usize, usize, LessonStatus) {
    let packs = w.packs(Some(profile)).unwrap();
    let pack = packs.iter().find(|p| p.id == "essai-moteur").unwrap();
    let l = pack.lessons.iter().find(|l| l.id == lesson).unwrap();
    (l.done, l.required, l.status)
}

#[test]
fn completion_rule_m_of_n_steps() {
    let (_dir, mut w, p) = open();
    assert_eq!(summary(&w, &p, "a"), (0, 2, LessonStatus::Todo));
    let view = w.lesson(&p, "essai-moteur", "a").unwrap();
    assert_eq!(view.status, LessonStatus::Todo);
    assert_eq!(view.required, 2);

    w.complete(&StepAt::new(&p, "essai-moteur", "a", "lire"))
        .unwrap();
    assert_eq!(summary(&w, &p, "a"), (1, 2, LessonStatus::InProgress));
    // A range feedback, then a right answer inside the range.
    let out = w
        .answer(&StepAt::new(&p, "essai-moteur", "a", "q"), &json!("0,5"))
        .unwrap();
    assert_eq!(out.verdict, "wrong");
    assert_eq!(out.message, "En pourcentage, pas en fraction.");
    assert_eq!(summary(&w, &p, "a"), (1, 2, LessonStatus::InProgress));
    let out = w
        .answer(&StepAt::new(&p, "essai-moteur", "a", "q"), &json!("48,5"))
        .unwrap();
    assert_eq!(out.verdict, "correct");
    // Two of three steps: done, though `relire` is still to do.
    assert_eq!(summary(&w, &p, "a"), (2, 2, LessonStatus::Done));
    let view = w.lesson(&p, "essai-moteur", "a").unwrap();
    assert_eq!(view.status, LessonStatus::Done);
    assert_eq!(view.steps[2].status, Status::Todo);
    // The revealed solution of a range reads as a range.
    let v = w
        .reveal(&StepAt::new(&p, "essai-moteur", "a", "q"))
        .unwrap();
    assert_eq!(v.solution.as_deref(), Some("entre 45 et 55"));
}

#[test]
fn completion_all_by_default_and_skips_do_not_count() {
    let (_dir, mut w, p) = open();
    w.step(&StepAt::new(&p, "essai-moteur", "b", "lire"))
        .unwrap();
    // Opening a step records a position, not progress.
    assert_eq!(summary(&w, &p, "b").2, LessonStatus::Todo);
    w.complete(&StepAt::new(&p, "essai-moteur", "b", "lire"))
        .unwrap();
    w.skip(&StepAt::new(&p, "essai-moteur", "b", "visite"))
        .unwrap();
    assert_eq!(summary(&w, &p, "b"), (1, 2, LessonStatus::InProgress));
    let json = serde_json::to_value(w.lesson(&p, "essai-moteur", "b").unwrap()).unwrap();
    assert_eq!(json["status"], "in_progress");
    assert_eq!(json["required"], 2);
}

#[test]
fn collect_with_new_field_types_through_the_workshop() {
    let (_dir, mut w, p) = open();
    let visite = StepAt::new(&p, "essai-moteur", "b", "visite");
    let view = w.step(&visite).unwrap();
    let form = view.form().unwrap();
    // The province list is built for the UI from the reference table.
    assert_eq!(form.fields[1].choices.len(), 23);
    let json = serde_json::to_value(form).unwrap();
    assert_eq!(json["fields"][0]["max"], "today");
    assert_eq!(
        json["fields"][4]["constraint_message"],
        "Le code s'écrit comme GR-012."
    );

    let out = fixture::submit(
        &mut w,
        &visite,
        &[
            ("jour", "2023-12-31"),
            ("province", "Paris"),
            ("lieu", "48.85 2.35"),
            ("code", "gr-12"),
        ],
    );
    assert!(!out.saved);
    let fields: Vec<&str> = out.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["jour", "province", "lieu", "code"]);
    assert_eq!(out.errors[3].message, "Le code s'écrit comme GR-012.");
    assert!(out.step.records().is_empty());

    let out = fixture::submit_saved(
        &mut w,
        &visite,
        &[
            ("jour", "02/03/2025"),
            ("province", "N'Djaména"),
            ("equipements", "latrines eau"),
            ("lieu_lat", "12,1348"),
            ("lieu_lon", "15,0557"),
            ("code", "ND-001"),
        ],
    );
    let r = &out.step.records()[0];
    assert_eq!(r["jour"], "2025-03-02");
    assert_eq!(r["province"], "TD-ND");
    assert_eq!(r["equipements"], "eau latrines");
    assert_eq!(r["lieu_lat"], 12.1348);
    assert_eq!(r["lieu_lon"], 15.0557);
    assert_eq!(out.step.status, Status::Done);
    assert_eq!(summary(&w, &p, "b"), (1, 2, LessonStatus::InProgress));
}

#[test]
fn the_builtin_school_visit_form_has_province_date_and_multiple_fields() {
    let (_dir, mut w, p) = fixture::with_trainee("Idriss");
    let (pack, lesson) = ("datajam-tchad", "premiers-pas");
    let collecte = StepAt::new(&p, pack, lesson, "collecte-ecole");
    let view = w.step(&collecte).unwrap();
    let form = view.form().cloned().unwrap();
    let ty = |n: &str| {
        form.fields
            .iter()
            .find(|f| f.name == n)
            .map(|f| f.field_type)
            .unwrap()
    };
    use datajam::lesson::form::FieldType;
    assert_eq!(ty("province"), FieldType::Province);
    assert_eq!(ty("date_visite"), FieldType::Date);
    assert_eq!(ty("equipements"), FieldType::Multiple);
    // The same school visit, on this date, with this equipment.
    let visit = |date, equipements| {
        [
            ("nom_ecole", "École de Mongo"),
            ("province", "Guera"),
            ("eleves", "240"),
            ("date_visite", date),
            ("equipements", equipements),
        ]
    };
    let out = fixture::submit(&mut w, &collecte, &visit("01/01/2019", "eau cantine"));
    assert!(!out.saved);
    assert_eq!(out.errors.len(), 1);
    assert_eq!(
        out.errors[0].message,
        "La date de la visite doit être entre le 01/01/2020 et aujourd'hui."
    );
    let out = fixture::submit_saved(&mut w, &collecte, &visit("2025-03-15", "cantine eau"));
    let r = &out.step.records()[0];
    assert_eq!(r["province"], "TD-GR");
    assert_eq!(r["date_visite"], "2025-03-15");
    assert_eq!(r["equipements"], "eau cantine");
}
