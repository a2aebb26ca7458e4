//! Progress benchmark: `cargo run --release -p datajam-bench -- progress [--answers N]`.
//!
//! - Recording an answer: `Workshop::answer` (check, durable commit with WAL +
//!   synchronous=FULL, and the step view returned to the UI), N answers (default 1,000)
//!   by one trainee cycling over the built-in pack's question steps, alternating wrong and
//!   right answers; median and p95. The bare commit (`Store::append_event`) is measured
//!   the same way, to show what the fsync alone costs.
//! - Merging: 30 trainees' progress files of 500 events each, written to disk, then
//!   `progress::merge_to_csv` (read and check every file, merge, write the CSV), and the
//!   pure `progress::merge` alone; median of 5 runs.

use std::time::{Duration, Instant};

use datajam::i18n::Lang;
use datajam::pack::{AnswerType, Exercise, Pack};
use datajam::progress::{self, EventRecord, ProfileRecord, ProgressFile};
use datajam::store::{EventKind, StepRef, Store};
use datajam::workshop::StepAt;
use datajam::Workshop;
use serde_json::{json, Value};

use crate::measure::{self, BoxError};

fn pct(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

fn ms(d: Duration) -> String {
    measure::ms(d, 2)
}

pub fn run(args: &[String]) -> Result<(), BoxError> {
    let mut n = 1000usize;
    measure::options(args, &mut [("--answers", &mut n)])?;
    let dir = tempfile::tempdir()?;
    let pack = Pack::builtin()?;
    let mut qs: Vec<(String, String, Value, Value)> = Vec::new();
    for l in &pack.lessons {
        for s in &l.steps {
            if let Exercise::Question(q) = &s.exercise {
                let wrong = match q.answer_type {
                    AnswerType::Number => json!(q.answer.as_f64().unwrap_or(0.0) + 1000.0),
                    AnswerType::Choice => q
                        .choices
                        .iter()
                        .find(|c| json!(c.value) != q.answer)
                        .map(|c| json!(c.value))
                        .unwrap_or(json!("?")),
                    AnswerType::Multiple => q
                        .choices
                        .first()
                        .map(|c| json!([c.value]))
                        .filter(|v| *v != q.answer)
                        .unwrap_or(json!([])),
                    AnswerType::Text => json!("zzz"),
                };
                qs.push((l.id.clone(), s.id.clone(), q.answer.clone(), wrong));
            }
        }
    }
    let mut w = Workshop::open(dir.path(), Lang::Fr)?;
    let p = w.create_profile("Bench")?;
    // Warm-up.
    let (l0, s0, r0, _) = &qs[0];
    w.answer(&StepAt::new(&p.id, pack.id(), l0, s0), r0)?;
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let (l, s, right, wrong) = &qs[i % qs.len()];
        let a = if i % 2 == 0 { wrong } else { right };
        let t = Instant::now();
        let o = w.answer(&StepAt::new(&p.id, pack.id(), l, s), a)?;
        times.push(t.elapsed());
        if !o.saved {
            return Err("answer not saved".into());
        }
    }
    let mut commits = Vec::with_capacity(n);
    let p2 = w.create_profile("Bench commit")?;
    // The bare commit is the store's own: measured on a connection of its own to the
    // workshop's database.
    let mut store = Store::open(dir.path())?;
    for i in 0..n {
        let (l, s, _, wrong) = &qs[i % qs.len()];
        let at = StepRef {
            profile_id: &p2.id,
            pack_id: pack.id(),
            pack_version: &pack.manifest.version,
            lesson_id: l,
            step_id: s,
        };
        let t = Instant::now();
        store.append_event(
            &at,
            EventKind::Attempt,
            &json!({"answer": wrong, "message": "Non."}),
            Some(false),
        )?;
        commits.push(t.elapsed());
    }

    // Answers as the trainee's history grows: 50 answers measured after 0, 1,000 and
    // 10,000 earlier events of the same trainee.
    let p3 = w.create_profile("Bench history")?;
    let marks = [0usize, 1_000, 10_000];
    let mut history: Vec<Vec<Duration>> = vec![Vec::new(); marks.len()];
    for i in 0..(marks[2] + 50) {
        let (l, s, right, wrong) = &qs[i % qs.len()];
        let a = if i % 2 == 0 { wrong } else { right };
        let t = Instant::now();
        w.answer(&StepAt::new(&p3.id, pack.id(), l, s), a)?;
        let took = t.elapsed();
        if let Some(k) = marks.iter().position(|m| (*m..*m + 50).contains(&i)) {
            history[k].push(took);
        }
    }

    // 30 trainees × 500 events.
    let files: Vec<ProgressFile> = (0..30).map(trainee_file).collect();
    let fdir = tempfile::tempdir()?;
    let mut paths = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let path = fdir.path().join(format!("t{i:02}.json"));
        std::fs::write(&path, serde_json::to_vec(f)?)?;
        paths.push(path);
    }
    let out = fdir.path().join("classe.csv");
    progress::merge_to_csv(&paths, &out)?;
    let mut full = Vec::new();
    let mut pure = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let v = progress::merge_to_csv(&paths, &out)?;
        full.push(t.elapsed());
        let t = Instant::now();
        let v2 = progress::merge(&files);
        pure.push(t.elapsed());
        if v != v2 || v.events != 15_000 {
            return Err("merge mismatch".into());
        }
    }
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();

    println!("| measure | median | p95 | target |");
    println!("|---|---:|---:|---:|");
    println!(
        "| Workshop::answer, commit and step view included ({n} answers) | {} | {} | < 10 ms median |",
        ms(pct(times.clone(), 0.5)),
        ms(pct(times, 0.95))
    );
    let commits_for_history = commits.clone();
    println!(
        "| Store::append_event alone (durable commit, {n} events) | {} | {} | |",
        ms(pct(commits.clone(), 0.5)),
        ms(pct(commits, 0.95))
    );
    let bare = pct(commits_for_history.clone(), 0.5);
    let first = pct(history[0].clone(), 0.5);
    for (m, times) in marks.iter().zip(&history) {
        let med = pct(times.clone(), 0.5);
        let ok = med.as_secs_f64() <= 2.0 * first.as_secs_f64().max(bare.as_secs_f64());
        println!(
            "| Workshop::answer after {m} earlier events of the trainee (50 answers) | {} | {} | within 2× the first ({}) and of a bare commit ({}): {} |",
            ms(med),
            ms(pct(times.clone(), 0.95)),
            ms(first),
            ms(bare),
            if ok { "met" } else { "not met" }
        );
    }
    println!(
        "| merge_to_csv: 30 files × 500 events ({:.1} MB) read, checked, merged, CSV written | {} | | < 1 s |",
        bytes as f64 / 1e6,
        ms(pct(full, 0.5))
    );
    println!(
        "| progress::merge alone (in memory) | {} | | |",
        ms(pct(pure, 0.5))
    );
    Ok(())
}

fn trainee_file(t: usize) -> ProgressFile {
    let pid = format!("0190aaaa-0000-7000-8000-{t:012}");
    let events = (0..500)
        .map(|i| {
            let step = format!("q{}", i % 25);
            let kind = ["attempt", "attempt", "hint", "attempt", "record"][i % 5];
            let correct = (kind == "attempt").then_some(i % 7 == 0);
            EventRecord {
                id: format!("0190bbbb-{t:04}-7000-8000-{i:012}"),
                profile_id: pid.clone(),
                pack_id: "datajam-tchad".into(),
                pack_version: "0.1.0".into(),
                lesson_id: format!("lecon-{}", i % 4),
                step_id: step,
                kind: kind.into(),
                payload: json!({"answer": format!("réponse {}", i % 11), "message": "Non."}),
                correct,
                created_at: format!(
                    "2026-11-26T{:02}:{:02}:{:02}.000Z",
                    8 + i / 3600,
                    (i / 60) % 60,
                    i % 60
                ),
            }
        })
        .collect();
    ProgressFile {
        format: progress::FORMAT.into(),
        version: progress::VERSION,
        exported_at: "2026-11-26T17:00:00.000Z".into(),
        written_by: None,
        profile: ProfileRecord {
            id: pid,
            name: format!("Stagiaire {t:02}"),
        },
        events,
    }
}
