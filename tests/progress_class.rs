//! The facilitator's class kept on the laptop: progress files added (a bad one named and
//! the rest still shown, nothing of it kept), added again (nothing doubled), more files
//! later (the view updated), the stuck trainee's own wrong answers and each step's
//! figures; the class survives closing the workshop and can be emptied.

use std::path::{Path, PathBuf};

use datajam::i18n::Lang;
use datajam::progress::{self, EventRecord};
use datajam::Workshop;

#[path = "support/progress.rs"]
mod progress_files;
use progress_files::{attempt, file};

fn write(
    dir: &Path,
    name: &str,
    profile: &str,
    trainee: &str,
    events: Vec<EventRecord>,
) -> PathBuf {
    let f = file(profile, trainee, events);
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec(&f).unwrap()).unwrap();
    p
}

#[test]
fn a_class_is_kept_updated_and_bad_files_are_named() {
    let data = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    // Aïcha is stuck on q1: three wrong answers in a row.
    let aicha = write(
        stick.path(),
        "aicha.datajam-progress",
        "pa",
        "Aïcha",
        vec![
            attempt("pa", "a1", "q1", "Lac", false, "00:00"),
            attempt("pa", "a2", "q1", "Kanem", false, "01:00"),
            attempt("pa", "a3", "q1", "Lac", false, "02:00"),
        ],
    );
    let moussa = write(
        stick.path(),
        "moussa.datajam-progress",
        "pm",
        "Moussa",
        vec![
            attempt("pm", "m1", "q1", "Lac", false, "00:00"),
            attempt("pm", "m2", "q1", "Batha", true, "01:00"),
        ],
    );
    let bad = stick.path().join("abime.datajam-progress");
    std::fs::write(&bad, b"{ pas du json").unwrap();

    let w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let board = w
        .class_add(&[aicha.clone(), bad.clone(), moussa.clone()])
        .unwrap();
    // The board: a lesson of a pack this laptop does not have is named by its id, and
    // the stuck trainee's cell lists the step with their wrong answers.
    assert_eq!(board.lessons.len(), 1);
    assert_eq!(
        (
            board.lessons[0].title.as_str(),
            board.lessons[0].steps.len()
        ),
        ("l", 1)
    );
    assert_eq!(board.rows[0].name, "Aïcha");
    let cell = &board.rows[0].cells[0];
    assert_eq!((cell.done, cell.steps), (0, 1));
    assert_eq!(cell.stuck[0].wrong_answers, ["Lac", "Kanem", "Lac"]);
    assert_eq!(board.rows[1].cells[0].done, 1);
    let r = board.report;
    assert_eq!((r.added, r.already), (2, 0));
    assert_eq!(r.bad.len(), 1);
    assert!(r.bad[0].path.ends_with("abime.datajam-progress"));
    assert_eq!(r.bad[0].problem.code(), "progress.invalid_json");
    assert_eq!(r.files.len(), 2, "{:?}", r.files);
    let names: Vec<&str> = r.view.trainees.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Aïcha", "Moussa"]);

    // Who is stuck, and their actual wrong answers; the step's figures.
    let a = &r.view.trainees[0].steps[0];
    assert!(a.stuck);
    assert_eq!(a.wrong_answers, ["Lac", "Kanem", "Lac"]);
    let q1 = &r.view.steps[0];
    assert_eq!((q1.trainees, q1.done, q1.stuck), (2, 1, 1));
    assert_eq!(q1.attempts_mean, 2.5);
    assert_eq!(q1.hints_mean, 0.0);
    assert_eq!(q1.common_wrong_answers[0].answer, "Lac");
    assert_eq!(q1.common_wrong_answers[0].count, 3);

    // Nothing of the bad file is kept; the good ones are, under the data directory.
    let kept: Vec<String> = std::fs::read_dir(data.path().join(progress::class::CLASS_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.iter().all(|k| !k.contains("abime")), "{kept:?}");

    // The same files again (a folder this time) add nothing.
    let again = w.class_add(&[stick.path().to_path_buf()]).unwrap().report;
    assert_eq!((again.added, again.already, again.bad.len()), (0, 2, 1));
    assert_eq!(again.view, r.view);
    drop(w);

    // Another session: the class is still there; a new file updates the view.
    let w = Workshop::open(data.path(), Lang::Fr).unwrap();
    assert_eq!(w.class_view().unwrap().report.view, r.view);
    let fatime = write(
        stick.path(),
        "fatime.datajam-progress",
        "pf",
        "Fatimé",
        vec![attempt("pf", "f1", "q1", "Batha", true, "00:00")],
    );
    let r3 = w.class_add(&[fatime]).unwrap().report;
    assert_eq!(r3.added, 1);
    assert_eq!(r3.view.trainees.len(), 3);
    assert_eq!(r3.view.steps[0].done, 2);

    w.class_clear().unwrap();
    let empty = w.class_view().unwrap().report;
    assert!(empty.view.trainees.is_empty() && empty.files.is_empty());
}

#[test]
fn the_board_names_the_lessons_and_steps_of_a_loaded_pack() {
    let data = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    // A trainee's real progress on the built-in pack, through the workshop.
    let mut w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let profile = w.create_profile("Aïcha").unwrap();
    let pack = w.packs(None).unwrap()[0].clone();
    let lesson = &pack.lessons[0];
    let view = w.lesson(&profile.id, &pack.id, &lesson.id).unwrap();
    let at = datajam::workshop::StepAt {
        profile: profile.id.clone(),
        pack: pack.id.clone(),
        lesson: lesson.id.clone(),
        step: view.steps[0].id.clone(),
    };
    w.complete(&at).unwrap();
    let file = stick.path().join("aicha.datajam-progress");
    w.export_progress(&profile.id, &file).unwrap();
    let board = w.class_add(&[file]).unwrap();
    assert_eq!(board.lessons.len(), 1);
    let l = &board.lessons[0];
    assert_eq!(l.title, lesson.title);
    assert_eq!(l.steps.len(), view.steps.len());
    assert_eq!(l.steps[0].title, view.steps[0].title);
    assert_eq!(l.steps[0].overview.as_ref().unwrap().done, 1);
    assert!(l.steps[1].overview.is_none());
    let cell = &board.rows[0].cells[0];
    assert_eq!((cell.done, cell.steps), (1, view.steps.len()));
    assert_eq!(cell.status, datajam::workshop::LessonStatus::InProgress);
}

#[test]
fn the_class_exports_as_csv_french_csv_and_xlsx_with_numbers() {
    use datajam::store::export::ExportFormat;
    let data = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let a = write(
        stick.path(),
        "a.datajam-progress",
        "pa",
        "NA",
        vec![
            attempt("pa", "a1", "q1", "Lac", false, "00:00"),
            attempt("pa", "a2", "q1", "=1+1", false, "01:30"),
        ],
    );
    let w = Workshop::open(data.path(), Lang::Fr).unwrap();
    w.class_add(&[a]).unwrap();
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("classe.csv");
    let r = w.class_export(&csv, ExportFormat::CsvFrench).unwrap();
    assert_eq!(r.rows, 1);
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("trainee;trainee_id;pack_id"), "{text}");
    // A trainee named « NA » stays a name; attempts are numbers; 90 seconds on the step.
    assert!(
        lines[1].starts_with("NA;pa;p;l;q1;started;2;2;0;"),
        "{text}"
    );
    assert!(lines[1].contains(";90;"), "{text}");
    let xlsx = out.path().join("classe.xlsx");
    assert_eq!(Workshop::class_file_name(ExportFormat::Xlsx), "classe.xlsx");
    w.class_export(&xlsx, ExportFormat::Xlsx).unwrap();
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto(&xlsx).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    let row: Vec<&Data> = range.rows().nth(1).unwrap().iter().collect();
    assert_eq!(row[0], &Data::String("NA".into()));
    assert!(
        matches!(row[6], Data::Float(f) if *f == 2.0) || matches!(row[6], Data::Int(2)),
        "{row:?}"
    );
}

#[test]
fn the_board_draws_the_success_per_step_with_the_core_chart() {
    let data = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let a = write(
        stick.path(),
        "a.datajam-progress",
        "pa",
        "Aïcha",
        vec![attempt("pa", "a1", "q1", "Lac", true, "00:00")],
    );
    let b = write(
        stick.path(),
        "b.datajam-progress",
        "pb",
        "Moussa",
        vec![attempt("pb", "b1", "q1", "Kanem", false, "00:00")],
    );
    let w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let board = w.class_add(&[a, b]).unwrap();
    let svg = board.lessons[0].success_chart.as_deref().expect("a chart");
    assert!(svg.starts_with("<svg"), "{svg}");
    assert_eq!(svg.matches("class=\"bar").count(), 1, "{svg}");
    assert!(svg.contains("data-label=\"q1\""), "{svg}");
    assert!(svg.contains("data-value=\"50\""), "{svg}");
    assert!(svg.contains("Réussite par étape"), "{svg}");
}
