//! Crash safety: the real `datajam play` binary is killed (SIGKILL) at random moments;
//! every event it reported as saved must be in the database, the database must be intact,
//! and the next run must work.

#![cfg(unix)]

use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use datajam::pack::{AnswerType, Exercise, Pack};
use datajam::store::Store;
use serde_json::{json, Value};

/// A small deterministic generator (xorshift64*), so a failing round can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Thousands of lines: on every question step, a wrong answer then a hint, over and over.
fn answers_file(path: &Path, lines: usize) {
    let pack = Pack::builtin().unwrap();
    let mut qs = Vec::new();
    for l in &pack.lessons {
        for s in &l.steps {
            if let Exercise::Question(q) = &s.exercise {
                let wrong = match q.answer_type {
                    AnswerType::Number => json!(q.answer.as_f64().unwrap_or(0.0) + 1000.0),
                    AnswerType::Choice => {
                        let c = q.choices.iter().find(|c| json!(c.value) != q.answer);
                        json!(c.unwrap().value)
                    }
                    AnswerType::Multiple => {
                        // Every choice: valid, and wrong unless all are right.
                        json!(q
                            .choices
                            .iter()
                            .map(|c| c.value.clone())
                            .collect::<Vec<_>>())
                    }
                    AnswerType::Text => json!("zzz pas du tout"),
                };
                qs.push((l.id.clone(), s.id.clone(), wrong));
            }
        }
    }
    assert!(!qs.is_empty());
    let mut out = String::new();
    for i in 0..lines {
        let (lesson, step, wrong) = &qs[(i / 2) % qs.len()];
        let line = if i % 2 == 0 {
            json!({"lesson": lesson, "step": step, "answer": wrong})
        } else {
            json!({"lesson": lesson, "step": step, "hint": true})
        };
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

fn play(data: &Path, answers: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_datajam"));
    c.args(["--data-dir", data.to_str().unwrap()])
        .args(["play", "builtin", "--trainee", "Crash"])
        .args(["--answers", answers.to_str().unwrap()])
        .env_remove("DATAJAM_LANG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    c
}

#[test]
fn killed_mid_play_loses_nothing_reported_saved() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("long.jsonl");
    answers_file(&answers, 4000);
    let mut rng = Rng(0xDA7A_1A11_u64.wrapping_add(0x9E37_79B9_7F4A_7C15));
    let mut reported: Vec<String> = Vec::new();
    for round in 0..5 {
        // The delay counts from the first reported event, so that opening the pack (longer
        // as the built-in pack grows, and in debug builds) does not eat it: the kill lands
        // while answers are being committed. Round 0 may kill before any report.
        let delay = Duration::from_millis(rng.next() % 1300);
        let mut child = play(data.path(), &answers).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (first, started) = std::sync::mpsc::channel::<()>();
        let reader = std::thread::spawn(move || {
            let mut ids = Vec::new();
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // A line cut by the kill is not a report.
                if let Ok(v) = serde_json::from_str::<Value>(&line) {
                    if let Some(id) = v["event"].as_str() {
                        ids.push(id.to_string());
                        let _ = first.send(());
                    }
                }
            }
            ids
        });
        if round > 0 {
            let _ = started.recv_timeout(Duration::from_secs(60));
        }
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let ids = reader.join().unwrap();
        eprintln!(
            "round {round}: killed after {delay:?}, {} events reported",
            ids.len()
        );

        let store = Store::open(data.path()).unwrap();
        let check: String = store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}");
        for id in &ids {
            let n: i64 = store
                .conn()
                .query_row("SELECT count(*) FROM events WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(
                n, 1,
                "round {round}: event {id} was reported saved but is lost"
            );
        }
        reported.extend(ids);
    }
    assert!(
        !reported.is_empty(),
        "no round got far enough to report an event"
    );

    // The next run works and adds its events.
    let short = dir.path().join("short.jsonl");
    answers_file(&short, 4);
    let out = play(data.path(), &short).output().unwrap();
    assert!(out.status.success());
    let store = Store::open(data.path()).unwrap();
    let total: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert!(total as usize >= reported.len() + 2);
    let profiles: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM profiles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(profiles, 1, "the profile is reused, not created again");
}
