//! Conflicts met when merging progress files are named, never resolved in silence: one
//! event id carried with different contents (a file edited, or copied from another
//! trainee), one profile id under two names. In the library's class view and in the
//! CLI's output, whatever the order of the files.

use std::path::{Path, PathBuf};

#[path = "support/cli.rs"]
mod cli;
use cli::text;
#[path = "support/progress.rs"]
mod progress_files;
use progress_files::{attempt, merge_cli};

use datajam::progress::{merge, EventRecord, ProgressFile};
use serde_json::json;

fn ev(profile: &str, id: &str, correct: bool, answer: &str) -> EventRecord {
    attempt(profile, id, "q1", answer, correct, "00:00")
}

fn file(profile: &str, name: &str, at: &str, events: Vec<EventRecord>) -> ProgressFile {
    let mut f = progress_files::file(profile, name, events);
    f.exported_at = format!("2026-11-26T{at}.000Z");
    f
}

/// Aïcha's file, and a copy of it where the wrong answer was edited into a right one.
fn edited() -> (ProgressFile, ProgressFile) {
    let a = file(
        "pa",
        "Aïcha",
        "12:00:00",
        vec![ev("pa", "e1", false, "Lac"), ev("pa", "e2", false, "Kanem")],
    );
    let mut b = a.clone();
    b.exported_at = "2026-11-26T13:00:00.000Z".into();
    b.events[0].correct = Some(true);
    b.events[0].payload = json!({ "answer": "Batha" });
    (a, b)
}

#[test]
fn one_event_with_two_contents_is_named_with_both_versions() {
    let (a, b) = edited();
    let v = merge(&[a.clone(), b.clone()]);
    assert_eq!(v, merge(&[b.clone(), a.clone()]), "order-free");
    assert_eq!(v, merge(&[b.clone(), a.clone(), b.clone()]), "idempotent");
    assert_eq!(v.conflicts.events.len(), 1, "{:?}", v.conflicts);
    let c = &v.conflicts.events[0];
    assert_eq!((c.event_id.as_str(), c.trainee_id.as_str()), ("e1", "pa"));
    assert_eq!((c.lesson_id.as_str(), c.step_id.as_str()), ("l", "q1"));
    assert_eq!(c.versions.len(), 2);
    assert!(c.versions[0].kept && !c.versions[1].kept);
    let answers: Vec<bool> = c
        .versions
        .iter()
        .map(|v| v.json.contains("Batha"))
        .collect();
    assert_eq!(answers.iter().filter(|x| **x).count(), 1, "{c:?}");
    // Each version names the file carrying it (without paths: name and export time).
    let files: Vec<&str> = c.versions.iter().map(|v| v.files[0].as_str()).collect();
    assert!(
        files.contains(&"Aïcha (2026-11-26T12:00:00.000Z)"),
        "{files:?}"
    );
    assert!(
        files.contains(&"Aïcha (2026-11-26T13:00:00.000Z)"),
        "{files:?}"
    );
    // The untouched event is no conflict; the view still has one copy of each event.
    assert_eq!(v.events, 2);
    assert!(v.conflicts.names.is_empty());

    // Without the edited copy there is no conflict at all.
    assert!(merge(&[a.clone(), a]).conflicts.is_empty());
}

#[test]
fn one_profile_under_two_names_keeps_both_names_visible() {
    let a = file("pa", "Aïcha", "12:00:00", vec![ev("pa", "e1", true, "Lac")]);
    let b = file(
        "pa",
        "Moussa",
        "12:30:00",
        vec![ev("pa", "e2", false, "Lac")],
    );
    let v = merge(&[b.clone(), a.clone()]);
    assert_eq!(v, merge(&[a, b]));
    assert_eq!(v.trainees.len(), 1);
    let t = &v.trainees[0];
    assert_eq!(t.name, "Aïcha");
    assert_eq!(t.other_names, vec!["Moussa".to_string()]);
    assert_eq!(v.conflicts.names.len(), 1);
    let names: Vec<(&str, &str)> = v.conflicts.names[0]
        .names
        .iter()
        .map(|u| (u.name.as_str(), u.files[0].as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Aïcha", "Aïcha (2026-11-26T12:00:00.000Z)"),
            ("Moussa", "Moussa (2026-11-26T12:30:00.000Z)")
        ]
    );
    assert!(v.conflicts.events.is_empty());
}

fn write(dir: &Path, name: &str, f: &ProgressFile) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec(f).unwrap()).unwrap();
    p
}

#[test]
fn the_cli_names_the_conflicts_and_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = edited();
    let renamed = file("pa", "Moussa", "14:00:00", vec![]);
    let pa = write(dir.path(), "aicha.json", &a);
    let pb = write(dir.path(), "aicha-copie.json", &b);
    let pc = write(dir.path(), "moussa.json", &renamed);
    let class = dir.path().join("classe.csv");
    let out = merge_cli(dir.path(), &[&pa, &pb, &pc], &class, &[]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    let event_line = stdout
        .lines()
        .find(|l| l.starts_with("Conflit : l'événement e1"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(event_line.contains("2 contenus différents"), "{event_line}");
    assert!(event_line.contains("aicha.json"), "{event_line}");
    assert!(event_line.contains("aicha-copie.json"), "{event_line}");
    let name_line = stdout
        .lines()
        .find(|l| l.starts_with("Conflit : le même profil (pa)"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(name_line.contains("« Aïcha »") && name_line.contains("« Moussa »"));
    assert!(name_line.contains("moussa.json"), "{name_line}");
    assert!(
        stdout.contains("1 événement(s) en conflit, comptés à part ; 1 profil(s)"),
        "{stdout}"
    );
    // The JSON output carries them too.
    let out = merge_cli(dir.path(), &[&pb, &pa], &class, &["--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["conflicts"]["events"][0]["event_id"], "e1");
    assert_eq!(v["conflicts"]["events"][0]["versions"][0]["kept"], true);
}
