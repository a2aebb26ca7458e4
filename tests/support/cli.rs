//! Running the `datajam` binary as a facilitator's script would, for the CLI tests
//! (included with `#[path = "support/cli.rs"] mod cli;`).

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `datajam ARGS` on the data directory `data_dir`, in the default language.
pub fn datajam(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_datajam"))
        .args(args)
        .env("DATAJAM_DATA_DIR", data_dir)
        .env_remove("DATAJAM_LANG")
        .output()
        .expect("run datajam")
}

/// Output bytes as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Asserts that the command succeeded, showing its error output otherwise.
#[track_caller]
pub fn assert_ok(out: &Output) {
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Asserts that the command failed and that its error output contains `needle`.
#[track_caller]
pub fn assert_fails_with(out: &Output, needle: &str) {
    assert!(!out.status.success(), "{}", text(&out.stdout));
    assert_stderr_has(out, needle);
}

/// Asserts that the command's error output contains `needle`.
#[track_caller]
pub fn assert_stderr_has(out: &Output, needle: &str) {
    let err = text(&out.stderr);
    assert!(err.contains(needle), "{err}");
}

/// The command's standard output as one JSON value.
pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// The command's standard output as JSON lines (what `datajam play` prints).
pub fn json_lines(out: &Output) -> Vec<Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// `datajam play PACK --trainee TRAINEE --reference`: every step played with its reference.
pub fn play_reference(data_dir: &Path, pack: &str, trainee: &str) -> Output {
    datajam(
        data_dir,
        &["play", pack, "--trainee", trainee, "--reference"],
    )
}

/// `datajam play PACK --trainee TRAINEE --answers ANSWERS`: the answers file played.
pub fn play_answers(data_dir: &Path, pack: &str, trainee: &str, answers: &Path) -> Output {
    datajam(
        data_dir,
        &[
            "play",
            pack,
            "--trainee",
            trainee,
            "--answers",
            answers.to_str().unwrap(),
        ],
    )
}

/// `datajam pack build SOURCE -o OUT`: a pack folder built into a `.datajam` file.
pub fn pack_build(data_dir: &Path, source: &Path, out: &Path) -> Output {
    datajam(
        data_dir,
        &[
            "pack",
            "build",
            source.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    )
}
