//! Progress benchmark: `cargo run --release -p datajam-bench -- progress [--answers N]
//! [--slow-answers N]`.
//!
//! - Recording an answer: `Workshop::answer` (check, durable commit with WAL +
//!   synchronous=FULL, and the step view returned to the UI), N answers (default 1,000)
//!   by one trainee cycling over the built-in pack's question steps, alternating wrong and
//!   right answers; median and p95. The bare commit (`Store::append_event`) is measured
//!   the same way, and the bare durable commit: one INSERT of one event row and its
//!   commit, on a connection of `Store::open` (WAL, synchronous=FULL), nothing else.
//! - Answers as the history grows: 50 answers after 0, 1,000 and 10,000 earlier events of
//!   one trainee, beside the first and the bare commit measured in the same run.
//! - A slow disk: the same answers and bare commits through a VFS shim that makes every
//!   fsync take 10 ms more (`slowdisk`), with the number of syncs each one does.
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
use crate::slowdisk;

fn pct(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

fn ms(d: Duration) -> String {
    measure::ms(d, 2)
}

/// The questions of the built-in pack: (lesson, step, right answer, a wrong answer).
fn questions(pack: &Pack) -> Vec<(String, String, Value, Value)> {
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
    qs
}

/// One bare durable commit: one INSERT of an event row for `profile_id` and its commit,
/// on the store's own connection (same settings as every commit of the app).
fn bare_commit(store: &mut Store, profile_id: &str, i: usize) -> Result<(), BoxError> {
    let tx = store
        .conn_mut()
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.prepare_cached(
        "INSERT INTO events(id, profile_id, pack_id, pack_version, lesson_id, step_id, kind,
            payload, correct, created_at)
         VALUES (?1, ?2, 'bench', '1', 'l', ?3, 'attempt', ?4, 0, ?5)",
    )?
    .execute(rusqlite::params![
        datajam::store::new_id(),
        profile_id,
        format!("q{}", i % 30),
        r#"{"answer":"zzz","message":"Non."}"#,
        datajam::store::now()
    ])?;
    tx.commit()?;
    Ok(())
}

pub fn run(args: &[String]) -> Result<(), BoxError> {
    let mut n = 1000usize;
    let mut slow_n = 300usize;
    measure::options(
        args,
        &mut [("--answers", &mut n), ("--slow-answers", &mut slow_n)],
    )?;
    let dir = tempfile::tempdir()?;
    let pack = Pack::builtin()?;
    let qs = questions(&pack);
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
    let p_bare = w.create_profile("Bench bare")?;
    bare_commit(&mut store, &p_bare.id, 0)?;
    let bare_times = measure::try_runs(n, || bare_commit(&mut store, &p_bare.id, 1))?;

    // Answers as the trainee's history grows: 50 answers measured after 0, 1,000 and
    // 10,000 earlier events of the same trainee. The disk's fsync time changes while the
    // run goes on (other jobs write too), so each of these answers is measured beside a
    // first answer of a new trainee and a bare commit, taken in turn with it.
    let p3 = w.create_profile("Bench history")?;
    let marks = [0usize, 1_000, 10_000];
    let mut history: Vec<[Vec<Duration>; 3]> = vec![Default::default(); marks.len()];
    for i in 0..(marks[2] + 50) {
        let (l, s, right, wrong) = &qs[i % qs.len()];
        let a = if i % 2 == 0 { wrong } else { right };
        let k = marks.iter().position(|m| (*m..*m + 50).contains(&i));
        let t = Instant::now();
        w.answer(&StepAt::new(&p3.id, pack.id(), l, s), a)?;
        let took = t.elapsed();
        let Some(k) = k else { continue };
        history[k][0].push(took);
        let j = i - marks[k];
        let fresh = w.create_profile(&format!("Bench new {k}-{j}"))?;
        let t = Instant::now();
        w.answer(&StepAt::new(&fresh.id, pack.id(), l, s), a)?;
        history[k][1].push(t.elapsed());
        let t = Instant::now();
        bare_commit(&mut store, &p_bare.id, i)?;
        history[k][2].push(t.elapsed());
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
    println!(
        "| Store::append_event alone (durable commit with the position and the step's tally, {n} events) | {} | {} | |",
        ms(pct(commits.clone(), 0.5)),
        ms(pct(commits, 0.95))
    );
    let bare = pct(bare_times.clone(), 0.5);
    println!(
        "| bare durable commit: one INSERT of an event row and its commit ({n}) | {} | {} | |",
        ms(bare),
        ms(pct(bare_times, 0.95))
    );
    let met = |ok: bool| if ok { "met" } else { "**not met**" };
    for (m, [times, firsts, bares]) in marks.iter().zip(&history) {
        let med = pct(times.clone(), 0.5);
        let first = pct(firsts.clone(), 0.5);
        let bare = pct(bares.clone(), 0.5);
        let x_first = med.as_secs_f64() / first.as_secs_f64();
        let x_bare = med.as_secs_f64() / bare.as_secs_f64();
        println!(
            "| Workshop::answer after {m} earlier events of the trainee (50 answers) | {} | {} | ≤ 2× a first answer of a new trainee ({}, taken in turn): {:.2}×, {}; ≤ 2× a bare commit ({}, taken in turn): {:.2}×, {} |",
            ms(med),
            ms(pct(times.clone(), 0.95)),
            ms(first),
            x_first,
            met(x_first <= 2.0),
            ms(bare),
            x_bare,
            met(x_bare <= 2.0)
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
    slow_disk(&pack, &qs, slow_n)
}

/// Answers and bare commits on a disk whose every fsync takes 10 ms more: back to back,
/// then with a pause between answers as a trainee makes (reading, thinking).
fn slow_disk(pack: &Pack, qs: &[(String, String, Value, Value)], n: usize) -> Result<(), BoxError> {
    slowdisk::install()?;
    println!();
    println!(
        "Slow disk: every fsync takes 10 ms more (VFS shim `slowdisk` over the unix VFS), {n} of each."
    );
    println!();
    println!("| measure | median | p95 | max | limit | syncs by the caller: median / max / mean | syncs by other threads (checkpoints) |");
    println!("|---|---:|---:|---:|---|---|---|");
    for pause in [Duration::ZERO, Duration::from_millis(50)] {
        slow_run(pack, qs, n, pause)?;
    }
    Ok(())
}

/// One run of [`slow_disk`], `pause` between two answers (and two bare commits).
fn slow_run(
    pack: &Pack,
    qs: &[(String, String, Value, Value)],
    n: usize,
    pause: Duration,
) -> Result<(), BoxError> {
    const DELAY: Duration = Duration::from_millis(10);
    let dir = tempfile::tempdir()?;
    let mut w = Workshop::open(dir.path(), Lang::Fr)?;
    let p = w.create_profile("Bench lent")?;
    let mut store = Store::open(dir.path())?;
    let p_bare = w.create_profile("Bench lent, commit")?;
    // Warm-up, at full speed.
    for (l, s, right, _) in qs.iter().take(3) {
        w.answer(&StepAt::new(&p.id, pack.id(), l, s), right)?;
    }
    bare_commit(&mut store, &p_bare.id, 0)?;
    slowdisk::set_delay(DELAY);
    let mut times = Vec::with_capacity(n);
    let mut syncs = Vec::with_capacity(n);
    let (all0, mine0) = (slowdisk::syncs(), slowdisk::my_syncs());
    for i in 0..n {
        let (l, s, right, wrong) = &qs[i % qs.len()];
        let a = if i % 2 == 0 { wrong } else { right };
        std::thread::sleep(pause);
        let s0 = slowdisk::my_syncs();
        let t = Instant::now();
        let o = w.answer(&StepAt::new(&p.id, pack.id(), l, s), a)?;
        times.push(t.elapsed());
        syncs.push(slowdisk::my_syncs().since(s0).total());
        if !o.saved {
            return Err("answer not saved".into());
        }
    }
    let others = slowdisk::syncs().since(all0).total() - slowdisk::my_syncs().since(mine0).total();
    let mut bare_times = Vec::with_capacity(n);
    let mut bare_syncs = Vec::with_capacity(n);
    let (all0, mine0) = (slowdisk::syncs(), slowdisk::my_syncs());
    for i in 0..n {
        std::thread::sleep(pause);
        let s0 = slowdisk::my_syncs();
        let t = Instant::now();
        bare_commit(&mut store, &p_bare.id, i)?;
        bare_times.push(t.elapsed());
        bare_syncs.push(slowdisk::my_syncs().since(s0).total());
    }
    let bare_others =
        slowdisk::syncs().since(all0).total() - slowdisk::my_syncs().since(mine0).total();
    slowdisk::set_delay(Duration::ZERO);

    let limit = Duration::from_millis(30);
    let spread = |v: &[u64]| {
        let mut v = v.to_vec();
        v.sort();
        format!(
            "{} / {} / {:.2}",
            v[v.len() / 2],
            v[v.len() - 1],
            v.iter().sum::<u64>() as f64 / v.len() as f64
        )
    };
    let how = if pause.is_zero() {
        "back to back".to_string()
    } else {
        format!("{} ms apart", pause.as_millis())
    };
    let (med, p95, max) = (
        pct(times.clone(), 0.5),
        pct(times.clone(), 0.95),
        pct(times, 1.0),
    );
    let over = syncs.iter().filter(|s| **s > 1).count();
    println!(
        "| Workshop::answer, 10 ms fsync, {how} | {} | {} | {} | < {} each: {} ({over} of {n} did more than one sync) | {} | {others} |",
        ms(med),
        ms(p95),
        ms(max),
        ms(limit),
        if max < limit {
            "met"
        } else if p95 < limit {
            "met at p95, **not** every answer"
        } else {
            "**not met**"
        },
        spread(&syncs)
    );
    println!(
        "| bare durable commit (one INSERT), 10 ms fsync, {how} | {} | {} | {} | | {} | {bare_others} |",
        ms(pct(bare_times.clone(), 0.5)),
        ms(pct(bare_times.clone(), 0.95)),
        ms(pct(bare_times, 1.0)),
        spread(&bare_syncs)
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
