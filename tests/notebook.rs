//! « Mon carnet »: a trainee's reflections, answers and charts, lesson by lesson, as data
//! and as one self-contained HTML file; and a done lesson read again changes nothing.

use std::path::Path;

use datajam::i18n::Lang;
use datajam::workshop::notebook::NotebookItem;
use datajam::workshop::{LessonStatus, Status, StepAt};
use datajam::Workshop;
use serde_json::json;

const PACK: &str = "datajam-tchad";
const LESSON: &str = "premiers-pas";

fn open(dir: &Path, lang: Lang) -> (Workshop, String) {
    let mut w = Workshop::open(dir, lang).unwrap();
    let id = w.create_profile("Achta <b>&</b>").unwrap().id;
    (w, id)
}

fn at(p: &str, step: &str) -> StepAt {
    StepAt::new(p, PACK, LESSON, step)
}

/// A reflection with markup in it, a wrong then a right answer, a chart task answered.
fn work(w: &mut Workshop, p: &str) {
    w.reflect(
        &at(p, "reflexion"),
        "Les <script>alert(1)</script> données & moi : une belle découverte.",
    )
    .unwrap();
    w.answer(&at(p, "plus-peuplee"), &json!("TD-LR")).unwrap();
    w.answer(&at(p, "plus-peuplee"), &json!("TD-ND")).unwrap();
    let chart = json!({"kind": "hbar", "x": "province", "y": "population_2009_a", "agg": "sum"});
    let o = w.submit_chart(&at(p, "tracer-graphique"), &chart).unwrap();
    assert_eq!(o.verdict, "correct", "{}", o.message);
    w.complete(&at(p, "graphique-population")).unwrap();
}

#[test]
fn the_notebook_holds_reflections_answers_and_charts_in_pack_order() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path(), Lang::Fr);
    assert!(w.notebook(&p).unwrap().packs.is_empty());
    work(&mut w, &p);

    let n = w.notebook(&p).unwrap();
    assert_eq!(n.name, "Achta <b>&</b>");
    assert_eq!(n.packs.len(), 1);
    let lesson = &n.packs[0].lessons[0];
    assert_eq!(lesson.id, LESSON);
    let ids: Vec<&str> = lesson.entries.iter().map(|e| e.step_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "plus-peuplee",
            "graphique-population",
            "tracer-graphique",
            "reflexion"
        ],
        "pack order"
    );
    match &lesson.entries[0].item {
        NotebookItem::Answers { question, answers } => {
            assert!(!question.is_empty());
            let given: Vec<(&str, Option<bool>)> = answers
                .iter()
                .map(|a| (a.text.as_str(), a.correct))
                .collect();
            assert_eq!(
                given,
                [
                    ("Logone Oriental", Some(false)),
                    ("Ville de N'Djamena", Some(true))
                ]
            );
        }
        other => panic!("{other:?}"),
    }
    for e in &lesson.entries[1..3] {
        match &e.item {
            NotebookItem::Chart { svg, note, .. } => {
                assert!(
                    svg.as_deref().is_some_and(|s| s.contains("<svg")),
                    "{note:?}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(n.entries(), 4);
}

#[test]
fn the_notebook_file_is_self_contained_escaped_and_french() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path(), Lang::Fr);
    work(&mut w, &p);
    let out = dir.path().join(w.notebook_file_name(&p).unwrap());
    assert!(out.ends_with("carnet-achta_b_b.html"), "{}", out.display());
    let r = w.export_notebook(&p, &out).unwrap();
    assert_eq!(r.entries, 4);
    let html = std::fs::read_to_string(&out).unwrap();

    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("<title>Mon carnet"));
    assert!(html.contains("<style>") && html.contains("@media print"));
    // The reflection is there, its markup escaped; the name too.
    assert!(
        html.contains("Les &lt;script&gt;alert(1)&lt;/script&gt; données &amp; moi"),
        "{html}"
    );
    assert!(html.contains("Achta &lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(!html.contains("<script"), "no script");
    assert!(!html.contains("<b>"));
    // Answers with their verdicts, charts inline as SVG.
    assert!(html.contains("Logone Oriental <span class=\"ko\">"));
    assert!(html.contains("Ville de N&#39;Djamena <span class=\"ok\">"));
    assert_eq!(html.matches("<svg").count(), 2);
    assert!(!html.contains("<?xml"));
    // Nothing fetched: no link, image, font or import from anywhere.
    for remote in [
        "src=", "href=", "url(", "@import", "<link", "<img", "<iframe",
    ] {
        assert!(!html.contains(remote), "{remote}");
    }
    assert!(!html.contains("http"), "no address at all");
}

#[test]
fn the_notebook_speaks_english_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path(), Lang::En);
    let out = dir.path().join("nb.html");
    assert_eq!(w.export_notebook(&p, &out).unwrap().entries, 0);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("My notebook"));
    assert!(html.contains("Nothing yet"));
    work(&mut w, &p);
    assert_eq!(w.notebook_file_name(&p).unwrap(), "notebook-achta_b_b.html");
}

#[test]
fn a_done_lesson_read_again_adds_no_event_and_keeps_its_status() {
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path(), Lang::Fr);
    for a in w.reference_actions(PACK).unwrap() {
        if a.lesson() == LESSON {
            w.play(&p, PACK, &a).unwrap();
        }
    }
    let before = w.events(&p, PACK).unwrap();
    let lesson = w.lesson(&p, PACK, LESSON).unwrap();
    assert_eq!(lesson.status, LessonStatus::Done);

    // Reading every step again, as the lesson screen does.
    let lesson = w.lesson(&p, PACK, LESSON).unwrap();
    for s in &lesson.steps {
        let v = w.step(&at(&p, &s.id)).unwrap();
        assert_eq!(v.status, s.status, "{}", s.id);
        if v.kind() == "question" {
            assert!(
                v.last_answer.is_some() && v.last_correct == Some(true),
                "{}",
                s.id
            );
        }
        if v.kind() == "reflection" {
            assert!(v.reflection().is_some_and(|r| !r.is_empty()));
        }
    }
    assert!(lesson.steps.iter().all(|s| s.status == Status::Done));
    assert_eq!(w.events(&p, PACK).unwrap(), before, "no event added");
    assert_eq!(
        w.lesson(&p, PACK, LESSON).unwrap().status,
        LessonStatus::Done
    );
}

#[test]
fn the_notebook_holds_the_tables_built_and_the_records_entered() {
    use datajam::workshop::play::{reference_actions, Action};
    let dir = tempfile::tempdir().unwrap();
    let (mut w, p) = open(dir.path(), Lang::Fr);
    let pack = w.pack(PACK).unwrap().clone();
    // The reference record and pipeline of the lesson, as a trainee would give them.
    for action in reference_actions(&pack) {
        match &action {
            Action::Record {
                lesson,
                step,
                values,
            } if lesson == LESSON => {
                w.submit_record(&at(&p, step), values).unwrap();
            }
            Action::Pipeline {
                lesson,
                step,
                pipeline,
            } if lesson == LESSON => {
                let o = w.submit_pipeline(&at(&p, step), pipeline).unwrap();
                assert_eq!(o.verdict, "correct", "{}", o.message);
            }
            _ => {}
        }
    }
    let n = w.notebook(&p).unwrap();
    let entries = &n.packs[0].lessons[0].entries;
    let record = entries
        .iter()
        .find_map(|e| match &e.item {
            NotebookItem::Records { fields, rows } => Some((fields, rows)),
            _ => None,
        })
        .expect("the records entered");
    assert_eq!(record.1.len(), 1);
    assert_eq!(record.0.len(), record.1[0].len());
    assert!(record.1[0].iter().any(|v| !v.is_empty()));
    let table = entries
        .iter()
        .find_map(|e| match &e.item {
            NotebookItem::Table { steps, correct } => Some((steps, *correct)),
            _ => None,
        })
        .expect("the table built");
    assert_eq!(table.1, Some(true));
    assert!(!table.0.is_empty() && table.0.iter().all(|s| !s.contains('{')));

    let out = dir.path().join("carnet.html");
    w.export_notebook(&p, &out).unwrap();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Mes fiches") && html.contains("<table>"),
        "{html}"
    );
    assert!(html.contains("Mon tableau, étape par étape"));
    assert!(html.contains(&format!("<li>{}</li>", table.0[0].replace('\'', "&#39;"))));
}
