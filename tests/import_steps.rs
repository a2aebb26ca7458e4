//! Import steps (`kind = "import"`): the preview in the step's view, the import and its
//! event, skip, on-demand import for later steps, re-import, refusal to replace a table of
//! another origin, the copy of the file, `pack check`, `play`, and progress merges. Also a
//! pack dataset keeping its HXL hashtag row.

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::{assert_ok, datajam, json_lines, play_answers, play_reference, text};

use datajam::i18n::Lang;
use datajam::import::ImportOptions;
use datajam::pack::Pack;
use datajam::workshop::Status;
use datajam::workshop::StepAt;
use datajam::{Error, Workshop};
use serde_json::{json, Value};

const PACK: &str = "essai-import";
const LESSON: &str = "ushahidi";
const IMPORT: &str = "importer";
const DATA: &str = "par-province";
const CHART: &str = "graphique";
const QUESTION: &str = "combien";
const USHAHIDI: &[u8] = include_bytes!("fixtures/import/ushahidi_v3_export.csv");

const LESSON_MD: &str = r#"+++
id = "ushahidi"
title = { fr = "Des signalements Ushahidi" }
+++

## Importer les signalements {#importer}

Regardez l'aperçu, puis importez le fichier.

```exercise
kind = "import"
file = "fichiers/ushahidi_signalements.csv"
table = "signalements"
hints = ["La deuxième ligne porte des balises HXL."]
explanation = "La ligne de balises n'est pas une ligne de données."
```

## Signalements par province {#par-province}

```exercise
kind = "data"
dataset = "signalements"
result = "signalements_par_province"
[reference]
steps = [ { op = "group", by = ["province"], aggregates = [{ fn = "count", as = "n" }] } ]
[[feedback]]
message = "Comptez les lignes, ne les additionnez pas."
pipeline = { steps = [ { op = "group", by = ["province"], aggregates = [{ fn = "sum", column = "personnes_touchees", as = "n" }] } ] }
```

## Un graphique {#graphique}

```exercise
kind = "chart_task"
dataset = "signalements"
[expect]
kinds = ["bar", "hbar"]
x = "province"
agg = ["count"]
[reference]
kind = "hbar"
x = "province"
agg = "count"
```

## Combien ? {#combien}

```exercise
kind = "question"
type = "number"
answer = 12
dataset = "signalements"
```
"#;

/// A pack folder with the Ushahidi practice file, an import step and later steps using its
/// table; its dataset keeps an HXL row under its header.
fn write_pack(root: &Path, lesson: &str) {
    for d in ["lessons", "data", "fichiers"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    std::fs::write(
        root.join("pack.toml"),
        format!("schema = 1\nid = \"{PACK}\"\nversion = \"1.0.0\"\nlicence = \"CC0\"\nlessons = [\"lessons/a.md\"]\ntitle = {{ fr = \"Essai\" }}\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("datapackage.json"),
        r#"{"resources": [{"name": "besoins", "path": "data/besoins.csv", "schema": {"fields": [
            {"name": "province", "type": "string", "constraints": {"required": true}},
            {"name": "personnes", "type": "integer", "constraints": {"minimum": 0}}]}}]}"#,
    )
    .unwrap();
    std::fs::write(
        root.join("data/besoins.csv"),
        "province,personnes\n#adm1+name,#inneed\nLac,1200\nSila,800\n",
    )
    .unwrap();
    std::fs::write(root.join("fichiers/ushahidi_signalements.csv"), USHAHIDI).unwrap();
    std::fs::write(root.join("lessons/a.md"), lesson).unwrap();
}

fn open(data: &Path, pack: &Path) -> (Workshop, String) {
    let mut w = Workshop::open(data, Lang::Fr).unwrap();
    w.add_pack(Pack::from_dir(pack).unwrap_or_else(|e| panic!("{e}")))
        .unwrap();
    let id = w.create_profile("Hawa").unwrap().id;
    (w, id)
}

fn setup() -> (tempfile::TempDir, Workshop, String) {
    let dir = tempfile::tempdir().unwrap();
    write_pack(&dir.path().join("pack"), LESSON_MD);
    let (w, p) = open(&dir.path().join("data"), &dir.path().join("pack"));
    (dir, w, p)
}

fn count_pipeline() -> Value {
    json!({"steps": [{"op": "group", "by": ["province"], "aggregates": [{"fn": "count", "as": "n"}]}]})
}

#[test]
fn the_step_shows_the_preview_then_imports_once_and_is_done() {
    let (_dir, mut w, p) = setup();
    let v = w.step(&StepAt::new(&p, PACK, LESSON, IMPORT)).unwrap();
    assert_eq!(v.kind(), "import");
    assert_eq!(v.status, Status::Todo);
    assert_eq!(v.hints_total, 1);
    assert!(v.explanation_html.is_none());
    let iv = v.import().cloned().expect("an import view");
    assert_eq!(iv.file, "ushahidi_signalements.csv");
    assert_eq!(iv.bytes, USHAHIDI.len() as u64);
    assert_eq!(iv.table, "signalements");
    assert!(iv.imported.is_none() && !iv.taken);
    let pv = iv.preview.expect("a preview");
    assert_eq!(pv.format, "csv");
    assert_eq!(pv.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(pv.delimiter.as_deref(), Some(","));
    assert_eq!((pv.header_row, pv.hxl_row), (1, 2));
    assert_eq!(pv.columns.len(), 15);
    assert_eq!(pv.columns[11].name, "province");
    assert_eq!(pv.columns[11].hxl.as_deref(), Some("#adm1+name"));
    assert_eq!(pv.rows.len(), 12);
    assert!(pv
        .warnings
        .iter()
        .any(|w| w.starts_with("Ligne de balises HXL reconnue (ligne 2)")));
    // Showing the step imports nothing.
    assert!(w.table_info("signalements").is_err());

    let o = w
        .import_step(&StepAt::new(&p, PACK, LESSON, IMPORT))
        .unwrap();
    assert!(o.event_id.is_some());
    assert_eq!(o.report.rows, 12);
    assert_eq!(
        o.message,
        "Tableau « signalements » importé : 12 lignes, 15 colonnes."
    );
    assert_eq!(o.step.status, Status::Done);
    assert!(o
        .step
        .explanation_html
        .as_ref()
        .unwrap()
        .contains("ligne de balises"));
    let imported = o
        .step
        .import()
        .cloned()
        .unwrap()
        .imported
        .expect("imported by the step");
    assert_eq!(imported.rows, 12);
    assert_eq!(imported.source_file, "ushahidi_signalements.csv");
    let info = w.table_info("signalements").unwrap();
    assert_eq!(info.columns[12].hxl.as_deref(), Some("#geo+lat"));

    // Again: the table is made afresh, the step is not done twice.
    let again = w
        .import_step(&StepAt::new(&p, PACK, LESSON, IMPORT))
        .unwrap();
    assert!(again.event_id.is_none());
    assert_eq!(again.report.rows, 12);
    assert_eq!(w.table_info("signalements").unwrap().rows, 12);
    let events = w.events(&p, PACK).unwrap();
    assert_eq!(
        events
            .iter()
            .filter(|e| e.kind == datajam::store::EventKind::Import)
            .count(),
        1
    );

    // Later steps work on it.
    let o = w
        .submit_pipeline(&StepAt::new(&p, PACK, LESSON, DATA), &count_pipeline())
        .unwrap();
    assert_eq!(o.verdict, "correct", "{}", o.message);

    // A copy of the practice file, for the Data screen.
    let copy = _dir.path().join("copie.csv");
    let n = w.save_import_copy(PACK, LESSON, IMPORT, &copy).unwrap();
    assert_eq!(n, USHAHIDI.len() as u64);
    assert_eq!(std::fs::read(&copy).unwrap(), USHAHIDI);
    assert!(matches!(
        w.save_import_copy(PACK, LESSON, DATA, &copy),
        Err(Error::WrongStepKind { .. })
    ));
    assert!(matches!(
        w.import_step(&StepAt::new(&p, PACK, LESSON, DATA)),
        Err(Error::WrongStepKind { .. })
    ));
}

#[test]
fn skipping_imports_the_table_and_later_steps_import_on_demand() {
    let (_dir, mut w, p) = setup();
    let v = w.skip(&StepAt::new(&p, PACK, LESSON, IMPORT)).unwrap();
    assert_eq!(v.status, Status::Skipped);
    assert_eq!(w.table_info("signalements").unwrap().rows, 12);
    assert!(v.import().cloned().unwrap().imported.is_some());

    // Another trainee on a fresh workspace jumps straight to the later steps.
    let dir = tempfile::tempdir().unwrap();
    write_pack(&dir.path().join("pack"), LESSON_MD);
    let (mut w, p) = open(&dir.path().join("data"), &dir.path().join("pack"));
    // A question answered without opening the step first (as `play` does).
    let o = w
        .answer(&StepAt::new(&p, PACK, LESSON, QUESTION), &json!("12"))
        .unwrap();
    assert_eq!(o.verdict, "correct");
    assert_eq!(o.step.table().cloned().unwrap().rows.len(), 12);
    assert_eq!(
        w.step(&StepAt::new(&p, PACK, LESSON, IMPORT))
            .unwrap()
            .status,
        Status::Todo,
        "imported on demand, the import step is still to do"
    );

    let dir = tempfile::tempdir().unwrap();
    write_pack(&dir.path().join("pack"), LESSON_MD);
    let (mut w, p) = open(&dir.path().join("data"), &dir.path().join("pack"));
    let v = w.step(&StepAt::new(&p, PACK, LESSON, CHART)).unwrap();
    assert_eq!(v.chart_task().cloned().unwrap().table.unwrap().rows, 12);

    // Skipping the data task on the import's table makes both tables.
    let dir = tempfile::tempdir().unwrap();
    write_pack(&dir.path().join("pack"), LESSON_MD);
    let (mut w, p) = open(&dir.path().join("data"), &dir.path().join("pack"));
    w.skip(&StepAt::new(&p, PACK, LESSON, DATA)).unwrap();
    assert_eq!(w.table_info("signalements_par_province").unwrap().rows, 10);
}

#[test]
fn a_table_of_another_origin_is_never_replaced() {
    let (dir, mut w, p) = setup();
    // The trainee imported a file of their own under the step's table name.
    let own = dir.path().join("mes_signalements.csv");
    std::fs::write(&own, "Province,Cas\nLac,1\n").unwrap();
    w.import(
        &own,
        &ImportOptions {
            table: Some("signalements".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let v = w.step(&StepAt::new(&p, PACK, LESSON, IMPORT)).unwrap();
    let iv = v.import().cloned().unwrap();
    assert!(iv.taken && iv.imported.is_none());
    let e = w
        .import_step(&StepAt::new(&p, PACK, LESSON, IMPORT))
        .unwrap_err();
    assert_eq!(e.code(), "import_step.table_taken");
    assert!(
        e.message(Lang::Fr).contains("« signalements » existe déjà"),
        "{}",
        e.message(Lang::Fr)
    );
    let info = w.table_info("signalements").unwrap();
    assert_eq!(
        (info.rows, info.source_file.as_str()),
        (1, "mes_signalements.csv")
    );
    assert!(w.events(&p, PACK).unwrap().is_empty(), "nothing recorded");
    // Skipping still works, and leaves the trainee's table alone.
    assert_eq!(
        w.skip(&StepAt::new(&p, PACK, LESSON, IMPORT))
            .unwrap()
            .status,
        Status::Skipped
    );
    assert_eq!(w.table_info("signalements").unwrap().rows, 1);

    // Once the step imported it, the trainee replacing it makes it theirs again.
    let dir = tempfile::tempdir().unwrap();
    write_pack(&dir.path().join("pack"), LESSON_MD);
    let (mut w, p) = open(&dir.path().join("data"), &dir.path().join("pack"));
    w.import_step(&StepAt::new(&p, PACK, LESSON, IMPORT))
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    w.import(
        &own,
        &ImportOptions {
            table: Some("signalements".into()),
            replace: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(w
        .import_step(&StepAt::new(&p, PACK, LESSON, IMPORT))
        .is_err());
    assert_eq!(w.table_info("signalements").unwrap().rows, 1);
}

#[test]
fn progress_files_carry_the_import_event_and_the_class_view_counts_it_done() {
    let (dir, mut w, p) = setup();
    w.import_step(&StepAt::new(&p, PACK, LESSON, IMPORT))
        .unwrap();
    let out = dir.path().join("hawa.json");
    w.export_progress("Hawa", &out).unwrap();
    let file = datajam::progress::read_file(&out).unwrap();
    assert_eq!(file.events[0].kind, "import");
    assert_eq!(file.events[0].payload["rows"], 12);
    let view = datajam::progress::merge(&[file.clone(), file]);
    let step = &view.trainees[0].steps[0];
    assert_eq!((step.step_id.as_str(), step.status), (IMPORT, "done"));
    assert_eq!(view.events, 1, "merging twice adds nothing");
}

fn check(pack: &Path) -> (bool, String) {
    let data = pack.parent().unwrap().join("data-check");
    let out = datajam(&data, &["pack", "check", pack.to_str().unwrap()]);
    (out.status.success(), text(&out.stdout) + &text(&out.stderr))
}

#[test]
fn cli_pack_check_proves_the_import_step_and_play_performs_it() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    write_pack(&pack, LESSON_MD);
    let (ok, out) = check(&pack);
    assert!(ok, "{out}");

    let data = dir.path().join("data");
    let out = play_reference(&data, pack.to_str().unwrap(), "Zara");
    assert_ok(&out);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0]["kind"], "import");
    assert_eq!(lines[0]["step"], IMPORT);
    assert!(lines[1..].iter().all(|l| l["correct"] == true), "{lines:?}");

    // An answers file: the import line, then a wrong count.
    let answers = dir.path().join("answers.jsonl");
    std::fs::write(
        &answers,
        concat!(
            r#"{"lesson": "ushahidi", "step": "importer", "import": true}"#,
            "\n",
            r#"{"lesson": "ushahidi", "step": "combien", "answer": 13}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = play_answers(&data, pack.to_str().unwrap(), "Mahamat", &answers);
    assert_ok(&out);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["kind"], "import");
    assert!(lines[0]["message"].as_str().unwrap().contains("12 lignes"));
    assert_eq!(lines[1]["correct"], false);
}

#[test]
fn cli_pack_check_refuses_a_bad_file_or_a_clashing_table() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "file = \"fichiers/ushahidi_signalements.csv\"",
            "file = \"fichiers/absent.csv\"",
            "file fichiers/absent.csv not found in the pack",
        ),
        (
            "file = \"fichiers/ushahidi_signalements.csv\"",
            "file = \"data/besoins.csv\"",
            "is the dataset `besoins` of datapackage.json: name the step's table `besoins` too",
        ),
        (
            "file = \"fichiers/ushahidi_signalements.csv\"",
            "file = \"lessons/a.md\"",
            "not a file the import reads",
        ),
        (
            "table = \"signalements\"",
            "table = \"besoins\"",
            "table `besoins` is already a dataset",
        ),
        (
            "table = \"signalements\"",
            "table = \"Signalements\"",
            "must be a table name",
        ),
        (
            "result = \"signalements_par_province\"",
            "result = \"signalements\"",
            "already the result of a data task",
        ),
        (
            "kind = \"import\"",
            "kind = \"import\"\nsheet = \"Feuil1\"",
            "it has no sheets",
        ),
    ];
    for (from, to, needle) in cases {
        let dir = tempfile::tempdir().unwrap();
        let pack = dir.path().join("pack");
        write_pack(&pack, &LESSON_MD.replacen(from, to, 1));
        let (ok, out) = check(&pack);
        assert!(!ok, "{to}: the check must fail");
        assert!(out.contains(needle), "{to}: {out}");
        assert!(out.contains("lessons/a.md:"), "{to}: located: {out}");
    }
    // A later step on a table nothing makes.
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    write_pack(
        &pack,
        &LESSON_MD.replacen("table = \"signalements\"", "table = \"autre\"", 1),
    );
    let (ok, out) = check(&pack);
    assert!(!ok);
    assert!(
        out.contains("nor the result of an earlier data task or import step"),
        "{out}"
    );
    assert!(
        out.contains(
            "neither in datapackage.json nor a table that an import step or a data task makes"
        ),
        "{out}"
    );
    // Two import steps making one table.
    let twice = LESSON_MD.replacen(
        "## Signalements par province",
        "## Encore {#encore}\n\n```exercise\nkind = \"import\"\nfile = \"fichiers/ushahidi_signalements.csv\"\ntable = \"signalements\"\n```\n\n## Signalements par province",
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    write_pack(&pack, &twice);
    let (ok, out) = check(&pack);
    assert!(!ok);
    assert!(out.contains("already made by another import step"), "{out}");
}

#[test]
fn a_pack_dataset_keeps_its_hxl_row_and_its_tags() {
    let (_dir, w, _p) = setup();
    let info = w.table_info("besoins").unwrap();
    assert_eq!(info.rows, 2, "the hashtag row is not data");
    assert_eq!(info.columns[0].hxl.as_deref(), Some("#adm1+name"));
    assert_eq!(info.columns[1].hxl.as_deref(), Some("#inneed"));
    assert_eq!(
        info.columns[1].column_type,
        datajam::import::ColumnType::Integer
    );
}

/// A practice file may also be a resource of datapackage.json (its schema, sources and
/// licence then apply and are shown): the step imports it under the resource's name, and
/// opening the pack does not load it beforehand.
#[test]
fn a_practice_file_described_in_datapackage_is_imported_by_its_step_only() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    let lesson = "+++\nid = \"besoins\"\ntitle = { fr = \"Des besoins\" }\n+++\n\n## Importer {#importer}\n\nImportez le fichier.\n\n```exercise\nkind = \"import\"\nfile = \"data/besoins.csv\"\ntable = \"besoins\"\n```\n";
    write_pack(&pack, lesson);
    let (ok, out) = check(&pack);
    assert!(ok, "{out}");
    let loaded = Pack::from_dir(&pack).unwrap();
    assert!(loaded.datasets[0].import_step);

    let (mut w, p) = open(&dir.path().join("data"), &pack);
    assert!(
        w.tables().unwrap().iter().all(|t| t.name != "besoins"),
        "not loaded when the pack opens"
    );
    let o = w
        .import_step(&StepAt::new(&p, PACK, "besoins", "importer"))
        .unwrap();
    assert!(o.event_id.is_some());
    assert_eq!(
        w.table_info("besoins").unwrap().rows,
        2,
        "the HXL row is not data"
    );
    // The step's table is the dataset: its source line is the resource's.
    assert!(w.dataset_info("besoins").unwrap().is_some());
    // Named otherwise, the step is refused: the file already has a table name.
    let dir2 = tempfile::tempdir().unwrap();
    write_pack(
        &dir2.path().join("pack"),
        &lesson.replace("table = \"besoins\"", "table = \"autre\""),
    );
    let (ok, out) = check(&dir2.path().join("pack"));
    assert!(!ok);
    assert!(out.contains("name the step's table `besoins` too"), "{out}");
}
