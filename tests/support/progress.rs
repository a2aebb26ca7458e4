//! Progress files written by hand for the progress tests: events and files of one trainee
//! (included with `#[path = "support/progress.rs"] mod progress_files;`).

#![allow(dead_code)]

use datajam::progress::{self, EventRecord, ProfileRecord, ProgressFile};
use serde_json::{json, Value};

/// An event of `profile` on step `step` of lesson `l` of pack `p`, at 10:`at` on
/// 26 November 2026 (`at` is `MM:SS`); an attempt carries `answer`.
pub fn ev(
    profile: &str,
    id: &str,
    step: &str,
    kind: &str,
    correct: Option<bool>,
    answer: Value,
    at: &str,
) -> EventRecord {
    EventRecord {
        id: id.into(),
        profile_id: profile.into(),
        pack_id: "p".into(),
        pack_version: "1".into(),
        lesson_id: "l".into(),
        step_id: step.into(),
        kind: kind.into(),
        payload: if kind == "attempt" {
            json!({ "answer": answer })
        } else {
            json!({})
        },
        correct,
        created_at: format!("2026-11-26T10:{at}.000Z"),
    }
}

/// An answer `answer` to step `step`, right or wrong.
pub fn attempt(
    profile: &str,
    id: &str,
    step: &str,
    answer: &str,
    correct: bool,
    at: &str,
) -> EventRecord {
    ev(
        profile,
        id,
        step,
        "attempt",
        Some(correct),
        json!(answer),
        at,
    )
}

/// The progress file of trainee `name` (profile id `profile`), exported at noon.
pub fn file(profile: &str, name: &str, events: Vec<EventRecord>) -> ProgressFile {
    ProgressFile {
        format: progress::FORMAT.into(),
        version: progress::VERSION,
        exported_at: "2026-11-26T12:00:00.000Z".into(),
        written_by: None,
        profile: ProfileRecord {
            id: profile.into(),
            name: name.into(),
        },
        events,
    }
}

/// Runs `datajam progress merge FILES -o OUT EXTRA…` on the data directory `data_dir`.
pub fn merge_cli(
    data_dir: &std::path::Path,
    files: &[&std::path::Path],
    out: &std::path::Path,
    extra: &[&str],
) -> std::process::Output {
    let mut args: Vec<&str> = vec!["progress", "merge"];
    args.extend(files.iter().map(|f| f.to_str().expect("a UTF-8 path")));
    args.extend(["-o", out.to_str().expect("a UTF-8 path")]);
    args.extend(extra);
    std::process::Command::new(env!("CARGO_BIN_EXE_datajam"))
        .args(&args)
        .env("DATAJAM_DATA_DIR", data_dir)
        .env_remove("DATAJAM_LANG")
        .output()
        .expect("run datajam")
}
