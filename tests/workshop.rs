//! The thin slice through the core, as the desktop app drives it: a profile, the built-in
//! pack, a read step, a collect form, questions with feedback and hints, a chart, and the
//! same state after the workshop is closed and reopened.

#[path = "support/workshop.rs"]
mod fixture;

use datajam::i18n::Lang;
use datajam::workshop::Status;
use datajam::workshop::StepAt;
use datajam::{Error, Workshop};
use serde_json::json;

const PACK: &str = "datajam-tchad";
const LESSON: &str = "premiers-pas";

/// A step of the built-in pack's first lesson, for this profile.
fn at(profile: &str, step: &str) -> StepAt {
    StepAt::new(profile, PACK, LESSON, step)
}

#[test]
fn the_slice_saves_everything_and_resumes_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let profile_id;
    {
        let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
        let p = w.create_profile("Aïcha").unwrap();
        profile_id = p.id.clone();
        assert!(p.resume.is_none());

        let packs = w.packs(Some(&p.id)).unwrap();
        assert_eq!(packs[0].id, PACK);
        assert!(packs[0].builtin);
        assert!(packs[0].title.starts_with("DataJam Tchad"));

        let lesson = w.lesson(&p.id, PACK, LESSON).unwrap();
        assert_eq!(lesson.current, "bienvenue");
        assert!(lesson.steps.iter().all(|s| s.status == Status::Todo));

        // Read.
        let read = w.step(&at(&p.id, "bienvenue")).unwrap();
        assert!(read.html.contains("<strong>données ouvertes</strong>"));
        let read = w.complete(&at(&p.id, "bienvenue")).unwrap();
        assert_eq!(read.status, Status::Done);

        // Collect: invalid input is refused in French and not saved.
        let out = fixture::submit(
            &mut w,
            &at(&p.id, "collecte-ecole"),
            &[
                ("nom_ecole", "École de Mongo"),
                ("province", "TD-GR"),
                ("eleves", "-5"),
            ],
        );
        assert!(!out.saved);
        assert_eq!(out.errors.len(), 1);
        assert_eq!(out.errors[0].field, "eleves");
        assert_eq!(
            out.errors[0].message,
            "La valeur doit être comprise entre 1 et 5\u{202F}000."
        );
        assert!(out.step.records().is_empty());
        let out = fixture::submit_saved(
            &mut w,
            &at(&p.id, "collecte-ecole"),
            &[
                ("nom_ecole", "École de Mongo"),
                ("province", "TD-GR"),
                ("eleves", "240"),
                ("filles", ""),
            ],
        );
        assert_eq!(out.step.records().len(), 1);
        assert_eq!(out.step.records()[0]["eleves"], 240);
        assert_eq!(out.step.records()[0]["filles"], serde_json::Value::Null);
        assert_eq!(out.step.status, Status::Done);

        // Analyse: a wrong answer with its message, a hint, the right answer.
        let q = w.step(&at(&p.id, "plus-peuplee")).unwrap();
        let table = q.table().unwrap();
        assert_eq!(table.rows.len(), 23);
        assert_eq!(q.hints_total, 2);
        let out = w
            .answer(&at(&p.id, "plus-peuplee"), &json!("TD-LR"))
            .unwrap();
        assert_eq!(out.verdict, "wrong");
        assert!(out.message.starts_with("Presque"));
        assert!(out.saved);
        let hint = w.hint(&at(&p.id, "plus-peuplee")).unwrap();
        assert_eq!((hint.index, hint.total), (1, 2));
        assert_eq!(hint.step.attempts, 1, "a hint is never an attempt");
        let out = w
            .answer(&at(&p.id, "plus-peuplee"), &json!("TD-ND"))
            .unwrap();
        assert_eq!(out.verdict, "correct");
        assert_eq!(out.message, "Bonne réponse !");
        assert!(out.step.explanation_html.unwrap().contains("951 418"));

        // An unreadable answer is neither saved nor counted.
        let out = w
            .answer(&at(&p.id, "ecart-sila"), &json!("beaucoup"))
            .unwrap();
        assert_eq!(out.verdict, "invalid");
        assert!(!out.saved);
        assert_eq!(out.step.attempts, 0);
        let out = w
            .answer(&at(&p.id, "ecart-sila"), &json!("97 685"))
            .unwrap();
        assert_eq!(out.verdict, "correct");

        // Visualise.
        let chart = w.step(&at(&p.id, "graphique-population")).unwrap();
        let svg = chart.chart_svg().map(str::to_string).unwrap();
        assert!(svg.contains("Population recensée en 2009 par province"));
        assert!(svg.contains("Ouaddaï"));
    }

    // Reopen: same profile, same place, same answers.
    let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let profiles = w.profiles().unwrap();
    assert_eq!(profiles.len(), 1);
    let resume = profiles[0].resume.clone().unwrap();
    assert_eq!(
        (
            resume.pack_id.as_str(),
            resume.lesson_id.as_str(),
            resume.step_id.as_str()
        ),
        (PACK, LESSON, "graphique-population")
    );
    let lesson = w.lesson(&profile_id, PACK, LESSON).unwrap();
    assert_eq!(lesson.current, "graphique-population");
    let done: Vec<&str> = lesson
        .steps
        .iter()
        .filter(|s| s.status == Status::Done)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        done,
        ["bienvenue", "collecte-ecole", "plus-peuplee", "ecart-sila"]
    );
    let q = w.step(&at(&profile_id, "plus-peuplee")).unwrap();
    assert_eq!(q.attempts, 2);
    assert_eq!(q.hints.len(), 1);
    assert_eq!(q.last_answer, Some(json!("TD-ND")));
    assert_eq!(q.last_correct, Some(true));
    let c = w.step(&at(&profile_id, "collecte-ecole")).unwrap();
    assert_eq!(c.records().len(), 1);
    let packs = w.packs(Some(&profile_id)).unwrap();
    let summary = packs[0]
        .lessons
        .iter()
        .find(|l| l.id == LESSON)
        .expect("the lesson");
    assert_eq!((summary.done, summary.steps), (4, lesson.steps.len()));
}

#[test]
fn hints_run_out_and_are_counted_once_each() {
    let (_dir, mut w, p) = fixture::with_trainee("Moussa");
    let h1 = w.hint(&at(&p, "ecart-sila")).unwrap();
    let h2 = w.hint(&at(&p, "ecart-sila")).unwrap();
    let h3 = w.hint(&at(&p, "ecart-sila")).unwrap();
    assert_eq!((h1.index, h2.index), (1, 2));
    assert!(h1.saved && h2.saved && !h3.saved);
    assert_eq!(h3.text, "Il n'y a plus d'indice pour cette étape.");
    assert_eq!(h3.step.hints.len(), 2);
}

#[test]
fn profiles_are_separate() {
    let (_dir, mut w, a) = fixture::with_trainee("Aïcha");
    let b = w.create_profile("Brahim").unwrap();
    w.answer(&at(&a, "plus-peuplee"), &json!("TD-ND")).unwrap();
    let vb = w.step(&at(&b.id, "plus-peuplee")).unwrap();
    assert_eq!(vb.attempts, 0);
    assert_eq!(vb.status, Status::Todo);
    assert!(matches!(
        w.create_profile("aïcha"),
        Err(Error::ProfileExists(_))
    ));
}

#[test]
fn wrong_ids_give_typed_errors_with_french_messages() {
    let (_dir, mut w, p) = fixture::with_trainee("Zara");
    let e = w.step(&at(&p, "nope")).unwrap_err();
    assert_eq!(e.code(), "step.not_found");
    assert!(e.message(Lang::Fr).contains("introuvable"));
    let e = w.answer(&at(&p, "bienvenue"), &json!("x")).unwrap_err();
    assert_eq!(e.code(), "step.wrong_kind");
    let e = w
        .step(&StepAt::new("ghost", PACK, LESSON, "bienvenue"))
        .unwrap_err();
    assert_eq!(e.code(), "profile.not_found");
    assert_eq!(
        e.message(Lang::En),
        "This profile does not exist. Pick another profile or create one."
    );
}

#[test]
fn data_dir_that_is_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let e = Workshop::open(&file, Lang::Fr).err().unwrap();
    assert_eq!(e.code(), "store.data_dir");
    assert!(e.message(Lang::Fr).contains("DATAJAM_DATA_DIR"));
}

#[test]
fn only_workspace_tables_can_be_viewed() {
    let dir = tempfile::tempdir().unwrap();
    let w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let v = w.table_view("provinces_2009", 5).unwrap();
    assert_eq!(v.rows.len(), 5);
    assert_eq!(v.columns[0], "code_iso");
    for private in ["events", "profiles", "workspace_tables", "sqlite_master"] {
        assert_eq!(
            w.table_view(private, 5).unwrap_err().code(),
            "table.not_found",
            "{private}"
        );
    }
}

#[test]
fn a_step_is_always_recoverable_solution_and_skip() {
    let (_dir, mut w, p) = fixture::with_trainee("Khadija");
    let before = w.step(&at(&p, "ecart-sila")).unwrap();
    assert!(!before.revealed && before.solution.is_none() && before.explanation_html.is_none());
    let v = w.reveal(&at(&p, "ecart-sila")).unwrap();
    assert!(v.revealed);
    assert_eq!(v.solution.as_deref(), Some("97\u{202F}685 habitants"));
    assert!(v.explanation_html.unwrap().contains("97 685"));
    assert_eq!(v.status, Status::Started, "a revealed step is not done");
    w.reveal(&at(&p, "ecart-sila")).unwrap();
    let v = w.reveal(&at(&p, "plus-peuplee")).unwrap();
    assert_eq!(v.solution.as_deref(), Some("Ville de N'Djamena"));

    let v = w.skip(&at(&p, "collecte-ecole")).unwrap();
    assert_eq!(v.status, Status::Skipped);
    assert!(v.records().is_empty());
    assert_eq!(
        w.skip(&at(&p, "bienvenue")).unwrap_err().code(),
        "step.wrong_kind"
    );
    assert_eq!(
        w.reveal(&at(&p, "collecte-ecole")).unwrap_err().code(),
        "step.wrong_kind"
    );

    // Recorded once each, and a later right answer makes the step done.
    let events = w.events(&p, PACK).unwrap();
    let count = |k: &str| events.iter().filter(|e| e.kind.as_str() == k).count();
    assert_eq!((count("reveal"), count("skip")), (2, 1));
    let out = w.answer(&at(&p, "ecart-sila"), &json!("97685")).unwrap();
    assert_eq!(out.step.status, Status::Done);
    let packs = w.packs(Some(&p)).unwrap();
    let summary = packs[0]
        .lessons
        .iter()
        .find(|l| l.id == LESSON)
        .expect("the lesson");
    assert_eq!(summary.done, 1, "a skipped step is not done");
}

#[test]
fn reflections_are_kept_not_graded() {
    let (_dir, mut w, p) = fixture::with_trainee("Hawa");
    let v = w.step(&at(&p, "reflexion")).unwrap();
    let datajam::workshop::StepBody::Reflection { min_length, .. } = v.body else {
        panic!("a reflection step");
    };
    assert_eq!((v.kind(), min_length), ("reflection", 20));
    let out = w.reflect(&at(&p, "reflexion"), "  trop court ").unwrap();
    assert!(!out.saved);
    assert_eq!(
        out.message,
        "Écrivez au moins 20 caractères (vous en avez écrit 10)."
    );
    assert_eq!(out.step.status, Status::Todo);
    let text = "L'accès des filles au collège dans le Lac : il faut les effectifs par sexe.";
    let out = w.reflect(&at(&p, "reflexion"), text).unwrap();
    assert!(out.saved && out.event_id.is_some());
    assert_eq!(out.step.status, Status::Done);
    assert_eq!(
        out.step.reflection().map(str::to_string).as_deref(),
        Some(text)
    );
    let long = "x".repeat(6000);
    assert!(!w.reflect(&at(&p, "reflexion"), &long).unwrap().saved);
    assert_eq!(
        w.reflect(&at(&p, "bienvenue"), text).unwrap_err().code(),
        "step.wrong_kind"
    );
}
