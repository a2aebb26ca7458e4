//! Data-task and chart-task steps: checked on the result, anticipated wrong answers,
//! hints, reveal, skip, progress that survives, `pack check` and `play` (library and CLI).

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::{assert_ok, datajam, json, json_lines, play_answers, play_reference, text};

use datajam::i18n::Lang;
use datajam::workshop::Status;
use datajam::workshop::StepAt;
use datajam::{Error, Workshop};
use serde_json::{json, Value};

const PACK: &str = "datajam-tchad";
const LESSON: &str = "premiers-pas";
const DATA: &str = "tableau-moins-peuplees";
const CHART: &str = "tracer-graphique";

fn open(dir: &Path) -> (Workshop, String) {
    let mut w = Workshop::open(dir, Lang::Fr).unwrap();
    let id = w.create_profile("Achta").unwrap().id;
    (w, id)
}

fn sort_limit(column: &str, desc: bool, n: u64) -> Value {
    json!({"steps": [
        {"op": "sort", "keys": [{"column": column, "desc": desc}]},
        {"op": "limit", "n": n}
    ]})
}

#[test]
fn a_data_task_is_checked_on_its_result_with_anticipated_messages() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path());

    // A pipeline that cannot run: not saved, not counted.
    let bad = json!({"steps": [{"op": "sort", "keys": [{"column": "nulle_part"}]}]});
    let o = w
        .submit_pipeline(&StepAt::new(&p, PACK, LESSON, DATA), &bad)
        .unwrap();
    assert_eq!(o.verdict, "invalid");
    assert!(!o.saved && o.event_id.is_none());
    assert!(o.message.contains("nulle_part"), "{}", o.message);
    assert_eq!(o.step.attempts, 0);

    // The anticipated wrong answer: the 5 most populated.
    let o = w
        .submit_pipeline(
            &StepAt::new(&p, PACK, LESSON, DATA),
            &sort_limit("population_2009_a", true, 5),
        )
        .unwrap();
    assert_eq!(o.verdict, "wrong");
    assert!(o.saved && o.event_id.is_some());
    assert!(o.message.contains("plus** peuplées"), "{}", o.message);
    assert_eq!(o.result.as_ref().unwrap().rows.len(), 5);

    // An unanticipated wrong answer: the generic message, which gives no figure away.
    let o = w
        .submit_pipeline(
            &StepAt::new(&p, PACK, LESSON, DATA),
            &json!({"steps": [{"op": "limit", "n": 4}]}),
        )
        .unwrap();
    assert_eq!(o.verdict, "wrong");
    assert!(
        o.message
            .starts_with("Votre tableau a 4 lignes ; le tableau attendu en a 5."),
        "{}",
        o.message
    );

    // Right rows in the wrong order: the task asks for an order.
    let o = w
        .submit_pipeline(&StepAt::new(&p, PACK, LESSON, DATA), &json!({"steps": [
                {"op": "filter", "conditions": [{"column": "population_2009_a", "cmp": "lt", "value": 260000}]},
                {"op": "sort", "keys": [{"column": "population_2009_a", "desc": true}]}
            ]}))
        .unwrap();
    assert_eq!(o.verdict, "wrong");
    assert!(o.message.contains("pas dans l'ordre"), "{}", o.message);
    assert!(
        w.table_info("provinces_moins_peuplees").is_err(),
        "no result table before the right answer"
    );

    // Another way to the right result (a filter instead of a limit) is right.
    let o = w
        .submit_pipeline(&StepAt::new(&p, PACK, LESSON, DATA), &json!({"steps": [
                {"op": "filter", "conditions": [{"column": "population_2009_a", "cmp": "lt", "value": 260000}]},
                {"op": "sort", "keys": [{"column": "population_2009_a", "desc": false}]}
            ]}))
        .unwrap();
    assert_eq!(o.verdict, "correct", "{}", o.message);
    assert_eq!(o.step.status, Status::Done);
    assert_eq!(o.step.attempts, 4);
    assert!(o.step.explanation_html.is_some());
    let saved = w.table_info("provinces_moins_peuplees").unwrap();
    assert_eq!(saved.rows, 5);
    assert_eq!(
        saved.columns[3].name, "population_2009_a",
        "the saved table keeps the reference's column names"
    );
    let task = o.step.data_task().cloned().unwrap();
    assert_eq!(task.dataset, "provinces_2009");
    assert!(task.table.is_some());
    assert_eq!(task.reference, None, "not revealed");
}

/// A right answer's result table and its attempt are one transaction: when the attempt
/// cannot be written, the table is not saved either (and the error is reported).
#[test]
fn a_right_answer_saves_its_table_and_its_attempt_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path());
    let right = json!({"steps": [
        {"op": "filter", "conditions": [{"column": "population_2009_a", "cmp": "lt", "value": 260000}]},
        {"op": "sort", "keys": [{"column": "population_2009_a", "desc": false}]}
    ]});
    // The disk fills up under the workshop: a second connection to its database adds the
    // failure.
    let store = datajam::store::Store::open(dir.path()).unwrap();
    store
        .conn()
        .execute_batch(
            "CREATE TRIGGER no_events BEFORE INSERT ON events
             BEGIN SELECT RAISE(ABORT, 'disque plein'); END;",
        )
        .unwrap();
    let e = w
        .submit_pipeline(&StepAt::new(&p, PACK, LESSON, DATA), &right)
        .unwrap_err();
    assert!(e.to_string().contains("disque plein"), "{e}");
    assert!(
        w.table_info("provinces_moins_peuplees").is_err(),
        "no result table without its attempt"
    );
    assert!(w.events(&p, PACK).unwrap().is_empty());

    store
        .conn()
        .execute_batch("DROP TRIGGER no_events;")
        .unwrap();
    let o = w
        .submit_pipeline(&StepAt::new(&p, PACK, LESSON, DATA), &right)
        .unwrap();
    assert_eq!(o.verdict, "correct", "{}", o.message);
    assert_eq!(o.step.attempts, 1);
    assert_eq!(w.table_info("provinces_moins_peuplees").unwrap().rows, 5);
}

#[test]
fn hints_escalate_with_a_counter_and_reveal_shows_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path());
    let h1 = w.hint(&StepAt::new(&p, PACK, LESSON, DATA)).unwrap();
    let h2 = w.hint(&StepAt::new(&p, PACK, LESSON, DATA)).unwrap();
    assert_eq!((h1.index, h1.total), (1, 3));
    assert_eq!((h2.index, h2.total), (2, 3));
    assert!(h2.text.contains("plus petit au plus grand"));
    assert_eq!(h2.step.hints.len(), 2);
    let v = w.reveal(&StepAt::new(&p, PACK, LESSON, DATA)).unwrap();
    assert!(v.revealed);
    let task = v.data_task().cloned().unwrap();
    assert_eq!(
        task.solution_steps,
        vec![
            "Trier par population_2009_a, du plus petit au plus grand",
            "Garder les 5 premières lignes"
        ]
    );
    assert_eq!(task.reference.unwrap()["steps"][1]["n"], 5);
    assert!(v.solution.unwrap().starts_with("1. Trier"));
    assert_eq!(v.status, Status::Started, "revealing does not do the step");

    let v = w.reveal(&StepAt::new(&p, PACK, LESSON, CHART)).unwrap();
    assert_eq!(
        v.chart_task().cloned().unwrap().reference.unwrap()["kind"],
        "hbar"
    );
    assert!(v.solution.unwrap().contains("barres horizontales"));
}

#[test]
fn skipping_a_data_task_saves_the_reference_table_for_later_steps() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path());
    assert!(w.table_info("provinces_moins_peuplees").is_err());
    let v = w.skip(&StepAt::new(&p, PACK, LESSON, DATA)).unwrap();
    assert_eq!(v.status, Status::Skipped);
    let t = w.table_view("provinces_moins_peuplees", 10).unwrap();
    assert_eq!(t.rows.len(), 5);
    assert_eq!(t.rows[0][1], "Tibesti", "sorted like the reference");
    // Skipping a chart task only records it.
    let v = w.skip(&StepAt::new(&p, PACK, LESSON, CHART)).unwrap();
    assert_eq!(v.status, Status::Skipped);
}

#[test]
fn a_chart_task_is_checked_on_kind_fields_and_calculation() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path());
    let o = w
        .submit_chart(
            &StepAt::new(&p, PACK, LESSON, CHART),
            &json!({"kind": "", "x": "province"}),
        )
        .unwrap();
    assert_eq!(o.verdict, "invalid");
    assert!(!o.saved);

    let o = w
        .submit_chart(
            &StepAt::new(&p, PACK, LESSON, CHART),
            &json!({"kind": "line", "x": "province", "y": "population_2009_a", "agg": "sum"}),
        )
        .unwrap();
    assert_eq!(o.verdict, "wrong");
    assert!(o.message.starts_with("Une courbe relie"), "{}", o.message);

    let o = w
        .submit_chart(
            &StepAt::new(&p, PACK, LESSON, CHART),
            &json!({"kind": "bar", "x": "province", "y": "population_2009_b", "agg": "sum"}),
        )
        .unwrap();
    assert!(o.message.contains("source B"), "{}", o.message);

    // Not anticipated: the generic message of task::check_chart.
    let o = w
        .submit_chart(
            &StepAt::new(&p, PACK, LESSON, CHART),
            &json!({"kind": "bar", "x": "province", "y": "population_2009_a", "agg": "mean"}),
        )
        .unwrap();
    assert_eq!(o.verdict, "wrong");
    assert!(o.message.contains("pas le bon calcul"), "{}", o.message);

    // Extra keys (title, source) are ignored.
    let o = w
        .submit_chart(
            &StepAt::new(&p, PACK, LESSON, CHART),
            &json!({"kind": "hbar", "x": "province", "y": "population_2009_a", "agg": "sum",
                    "group": null, "title": "Ma population", "source": "RGPH2"}),
        )
        .unwrap();
    assert_eq!(o.verdict, "correct", "{}", o.message);
    assert_eq!(o.step.status, Status::Done);
    assert_eq!(o.step.attempts, 4);
    let t = o.step.chart_task().cloned().unwrap();
    assert!(t
        .table
        .unwrap()
        .columns
        .iter()
        .any(|c| c.name == "province"));
}

#[test]
fn wrong_kind_and_progress_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let p = {
        let (mut w, p) = open(dir.path());
        let e = w
            .submit_pipeline(&StepAt::new(&p, PACK, LESSON, CHART), &json!({"steps": []}))
            .unwrap_err();
        assert_eq!(e.code(), "step.wrong_kind");
        let e = w
            .submit_chart(
                &StepAt::new(&p, PACK, LESSON, DATA),
                &json!({"kind": "bar"}),
            )
            .unwrap_err();
        assert!(matches!(e, Error::WrongStepKind { .. }));
        w.submit_pipeline(
            &StepAt::new(&p, PACK, LESSON, DATA),
            &sort_limit("population_2009_a", false, 5),
        )
        .unwrap();
        w.hint(&StepAt::new(&p, PACK, LESSON, CHART)).unwrap();
        p
    };
    let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let v = w.step(&StepAt::new(&p, PACK, LESSON, DATA)).unwrap();
    assert_eq!(v.status, Status::Done);
    assert_eq!(v.attempts, 1);
    assert_eq!(v.last_answer.unwrap()["steps"][1]["n"], 5);
    let v = w.step(&StepAt::new(&p, PACK, LESSON, CHART)).unwrap();
    assert_eq!(v.hints.len(), 1);
    assert_eq!(v.hints_total, 3);
    assert_eq!(v.status, Status::Started);
}

fn write_pack(root: &Path, lesson: &str) {
    std::fs::create_dir_all(root.join("lessons")).unwrap();
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::write(
        root.join("pack.toml"),
        "schema = 1\nid = \"essai\"\nversion = \"1.0.0\"\nlicence = \"CC0\"\nlessons = [\"lessons/a.md\"]\ntitle = { fr = \"Essai\" }\n",
    )
    .unwrap();
    std::fs::write(
        root.join("datapackage.json"),
        r#"{"licenses": [{"name": "CC0-1.0"}], "resources": [{"name": "ecoles", "path": "data/ecoles.csv",
            "sources": [{"title": "Données d'essai"}], "schema": {"fields": [
            {"name": "province", "type": "string"}, {"name": "milieu", "type": "string"},
            {"name": "ecoles", "type": "integer"}]}}]}"#,
    )
    .unwrap();
    std::fs::write(
        root.join("data/ecoles.csv"),
        "province,milieu,ecoles\nLac,rural,12\nLac,urbain,3\nSila,rural,7\nGuéra,rural,30\nGuéra,urbain,5\n",
    )
    .unwrap();
    std::fs::write(root.join("lessons/a.md"), lesson).unwrap();
}

const LESSON_OK: &str = r#"+++
id = "a"
title = { fr = "A" }
+++

## Total par province {#total}

Combien d'écoles par province ?

```exercise
kind = "data"
dataset = "ecoles"
result = "ecoles_par_province"
hints = ["Regroupez par province.", "Faites la somme de « ecoles »."]

[reference]
steps = [ { op = "group", by = ["province"], aggregates = [{ fn = "sum", column = "ecoles", as = "total" }] } ]

[[feedback]]
message = "Vous avez compté les lignes : faites la somme des écoles."
pipeline = { steps = [ { op = "group", by = ["province"], aggregates = [{ fn = "count", as = "total" }] } ] }
```

## Le plus d'écoles {#top}

```exercise
kind = "data"
dataset = "ecoles_par_province"
ordered = true
result = "meilleure_province"
[reference]
steps = [ { op = "sort", keys = [{ column = "total", desc = true }] }, { op = "limit", n = 1 } ]
```

## Un graphique {#graphique}

```exercise
kind = "chart_task"
dataset = "ecoles_par_province"
[expect]
kinds = ["bar", "hbar"]
x = "province"
y = "total"
[reference]
kind = "bar"
x = "province"
y = "total"
[[feedback]]
message = "Pas de courbe ici."
chart = { kind = "line" }
```
"#;

#[test]
fn cli_pack_check_proves_references_and_feedback_and_play_uses_them() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    write_pack(&pack, LESSON_OK);
    let data = dir.path().join("data");
    let out = datajam(&data, &["pack", "check", pack.to_str().unwrap()]);
    assert_ok(&out);

    // --reference plays every step, the second one on the first one's result table.
    let out = play_reference(&data, pack.to_str().unwrap(), "Zara");
    assert_ok(&out);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines.iter().all(|l| l["correct"] == true), "{lines:?}");

    // An answers file with pipeline and chart lines.
    let answers = dir.path().join("answers.jsonl");
    std::fs::write(
        &answers,
        concat!(
            r#"{"lesson": "a", "step": "total", "pipeline": {"steps": [{"op": "group", "by": ["province"], "aggregates": [{"fn": "count", "as": "n"}]}]}}"#,
            "\n",
            r#"{"lesson": "a", "step": "total", "hint": true}"#,
            "\n",
            r#"{"lesson": "a", "step": "graphique", "chart": {"kind": "line", "x": "province", "y": "total"}}"#,
            "\n",
            r#"{"lesson": "a", "step": "graphique", "chart": {"kind": "hbar", "x": "province", "y": "total", "title": "T"}}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = play_answers(&data, pack.to_str().unwrap(), "Mahamat", &answers);
    assert_ok(&out);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0]["correct"], false);
    assert_eq!(
        lines[0]["message"],
        "Vous avez compté les lignes : faites la somme des écoles."
    );
    assert_eq!(lines[1]["kind"], "hint");
    assert_eq!(lines[2]["message"], "Pas de courbe ici.");
    assert_eq!(lines[3]["correct"], true);
}

#[test]
fn cli_pack_check_catches_a_failing_reference_and_a_feedback_that_passes() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    let broken = LESSON_OK
        // The feedback now gives the reference's result: it would be accepted.
        .replace(
            r#"aggregates = [{ fn = "count", as = "total" }]"#,
            r#"aggregates = [{ fn = "sum", column = "ecoles", as = "nb" }]"#,
        )
        // The reference sorts on a column that does not exist.
        .replace(r#"column = "total", desc = true"#, r#"column = "totale""#)
        // The anticipated wrong chart is the expected one.
        .replace(
            r#"chart = { kind = "line" }"#,
            r#"chart = { kind = "bar", x = "province", y = "total" }"#,
        );
    write_pack(&pack, &broken);
    let out = datajam(dir.path(), &["pack", "check", pack.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("lessons/a.md:19: step `total`: feedback 1: its pipeline passes the check"),
        "{err}"
    );
    assert!(
        err.contains("lessons/a.md:31: step `top`: the reference pipeline fails")
            && err.contains("totale"),
        "{err}"
    );
    assert!(
        err.contains("lessons/a.md:48: step `graphique`: feedback 1: its chart passes the check"),
        "{err}"
    );
    // JSON output names file and line too.
    let out = datajam(
        dir.path(),
        &["pack", "check", pack.to_str().unwrap(), "--json"],
    );
    let v = json(&out);
    assert_eq!(v["ok"], false);
    let problems = v["problems"].as_array().unwrap();
    assert!(problems
        .iter()
        .any(|p| p["file"] == "lessons/a.md" && p["line"] == 31));

    // A dataset that is neither in the pack nor an earlier result; a chart column that
    // does not exist.
    let wrong = LESSON_OK
        .replace(
            r#"dataset = "ecoles_par_province"
ordered"#,
            r#"dataset = "inconnu"
ordered"#,
        )
        .replace(
            "[expect]\nkinds = [\"bar\", \"hbar\"]\nx = \"province\"",
            "[expect]\nkinds = [\"bar\", \"hbar\"]\nx = \"region\"",
        );
    write_pack(&pack, &wrong);
    let out = datajam(dir.path(), &["pack", "check", pack.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(err.contains("table `inconnu` is neither"), "{err}");
    assert!(err.contains("column `region` is not in table"), "{err}");
}

#[test]
fn cli_play_reference_completes_the_whole_builtin_workshop() {
    let dir = tempfile::tempdir().unwrap();
    let out = play_reference(dir.path(), "builtin", "Fatimé");
    assert_ok(&out);
    let w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let p = w.find_profile("Fatimé").unwrap().id;
    let packs = w.packs(Some(&p)).unwrap();
    // The whole two-day workshop: every lesson done, every step of each.
    assert!(packs[0].lessons.len() >= 10);
    for lesson in &packs[0].lessons {
        assert_eq!(
            lesson.status,
            datajam::workshop::LessonStatus::Done,
            "lesson {} is done",
            lesson.id
        );
        assert_eq!(
            lesson.done, lesson.steps,
            "every step of {} done",
            lesson.id
        );
    }
    // One JSON line per committed event: well over a hundred.
    let events = text(&out.stdout).lines().count();
    assert!(events > 100, "{events} events");
    assert_eq!(w.events(&p, PACK).unwrap().len(), events);
    assert!(w.table_info("provinces_moins_peuplees").is_ok());
}

#[test]
fn skipping_a_task_on_an_earlier_result_makes_the_whole_chain() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("pack");
    write_pack(&src, LESSON_OK);
    let (mut w, p) = open(&dir.path().join("data"));
    w.add_pack(datajam::pack::Pack::from_dir(&src).unwrap())
        .unwrap();
    // The second step works on the first one's result, not made yet: opening it makes
    // that table from the first task's reference, so the trainee sees what to work on.
    assert!(w.table_info("ecoles_par_province").is_err());
    let v = w.step(&StepAt::new(&p, "essai", "a", "top")).unwrap();
    assert_eq!(
        v.data_task().cloned().unwrap().table.expect("shown").rows,
        3
    );
    assert_eq!(w.table_info("ecoles_par_province").unwrap().rows, 3);
    // Neither step is done by it.
    let packs = w.packs(Some(&p)).unwrap();
    let essai = packs.iter().find(|k| k.id == "essai").unwrap();
    assert!(essai.lessons.iter().all(|l| l.done == 0));
    // Skipping it makes its own result.
    w.skip(&StepAt::new(&p, "essai", "a", "top")).unwrap();
    let best = w.table_view("meilleure_province", 5).unwrap();
    assert_eq!(best.rows, vec![vec!["Guéra".to_string(), "35".to_string()]]);
    assert_eq!(w.table_info("ecoles_par_province").unwrap().rows, 3);
}

/// A trainee who opens a later lesson first finds the tables it builds on: a chart task, a
/// question and a data task on tables that earlier data tasks save are shown with them,
/// made from the earlier tasks' references (joins included).
#[test]
fn later_steps_find_the_tables_earlier_data_tasks_make() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path());
    for t in ["filles_par_province", "filles_2010", "parite_regions"] {
        assert!(w.table_info(t).is_err(), "{t} is not there yet");
    }
    // A chart task on the result of a join in another lesson.
    let v = w
        .step(&StepAt::new(
            &p,
            PACK,
            "openstat-visualiser",
            "carte-filles",
        ))
        .unwrap();
    let table = v
        .chart_task()
        .cloned()
        .unwrap()
        .table
        .expect("the table is shown");
    assert_eq!(table.rows, 23, "one row per province, BET copied onto four");
    // A question showing a table the lesson's previous step saves.
    let v = w
        .step(&StepAt::new(&p, PACK, "openstat-visualiser", "lire-barres"))
        .unwrap();
    assert_eq!(v.table().cloned().expect("shown").rows.len(), 20);
    // Two data tasks deep: parite_regions needs frequentation_par_sexe first.
    let v = w
        .step(&StepAt::new(
            &p,
            PACK,
            "openstat-visualiser",
            "choisir-graphique",
        ))
        .unwrap();
    assert_eq!(v.chart_task().cloned().unwrap().table.unwrap().rows, 20);
    assert!(w.table_info("frequentation_par_sexe").is_ok());
    // Nothing is marked done by it.
    let packs = w.packs(Some(&p)).unwrap();
    assert!(packs[0].lessons.iter().all(|l| l.done == 0));
}
