//! Progress files: export, class merge, scripted play (library and CLI).

use std::path::{Path, PathBuf};

#[path = "support/cli.rs"]
mod cli;
use cli::{assert_ok, datajam, json, json_lines, play_answers, play_reference, text};
#[path = "support/progress.rs"]
mod progress_files;
use progress_files::{ev, file, merge_cli};

use datajam::i18n::Lang;
use datajam::pack::{Exercise, Pack};
use datajam::progress::{self, merge, FileProblem, ProgressError, ProgressFile};
use datajam::workshop::StepAt;
use datajam::Workshop;
use serde_json::{json, Value};

fn class() -> (ProgressFile, ProgressFile, ProgressFile) {
    let a = file(
        "pa",
        "Aïcha",
        vec![
            ev(
                "pa",
                "a1",
                "q1",
                "attempt",
                Some(false),
                json!("Lac"),
                "00:00",
            ),
            ev("pa", "a2", "q1", "hint", None, Value::Null, "00:10"),
            ev(
                "pa",
                "a3",
                "q1",
                "attempt",
                Some(false),
                json!("Kanem"),
                "00:20",
            ),
            ev(
                "pa",
                "a4",
                "q1",
                "attempt",
                Some(false),
                json!(" Lac "),
                "01:05",
            ),
            ev("pa", "a5", "q2", "attempt", Some(false), json!(12), "02:00"),
            ev("pa", "a6", "q2", "attempt", Some(true), json!(40), "02:30"),
            ev("pa", "a7", "intro", "complete", None, Value::Null, "03:00"),
        ],
    );
    let b = file(
        "pb",
        "Moussa",
        vec![
            ev(
                "pb",
                "b1",
                "q1",
                "attempt",
                Some(false),
                json!("Lac"),
                "00:05",
            ),
            ev(
                "pb",
                "b2",
                "q1",
                "attempt",
                Some(true),
                json!("Logone"),
                "00:06",
            ),
            ev("pb", "b3", "q2", "attempt", Some(false), json!(12), "01:00"),
            ev("pb", "b4", "q2", "attempt", Some(false), json!(13), "01:01"),
        ],
    );
    // A second export of Aïcha later: the same events plus one more.
    let mut a2 = a.clone();
    a2.exported_at = "2026-11-26T13:00:00.000Z".into();
    a2.events.push(ev(
        "pa",
        "a8",
        "q3",
        "attempt",
        Some(false),
        json!("x"),
        "04:00",
    ));
    (a, b, a2)
}

#[test]
fn merge_is_idempotent_and_order_independent() {
    let (a, b, a2) = class();
    let ab = merge(&[a.clone(), b.clone()]);
    assert_eq!(ab, merge(&[b.clone(), a.clone()]));
    assert_eq!(ab, merge(&[a.clone(), b.clone(), a.clone()]));
    assert_eq!(ab, merge(&[a.clone(), a.clone(), b.clone(), b.clone()]));
    assert_eq!(ab.events, 11);
    // A later export supersets the earlier one: merging both equals merging the later.
    let all = merge(&[a.clone(), b.clone(), a2.clone()]);
    assert_eq!(all, merge(&[a2.clone(), b.clone()]));
    assert_eq!(all, merge(&[b, a2, a]));
    assert_eq!(all.events, 12);
}

#[test]
fn class_view_counts_and_stuck() {
    let (a, b, _) = class();
    let v = merge(&[a, b]);
    let names: Vec<&str> = v.trainees.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Aïcha", "Moussa"]);
    let step = |t: usize, s: &str| {
        v.trainees[t]
            .steps
            .iter()
            .find(|x| x.step_id == s)
            .unwrap()
            .clone()
    };
    let q1 = step(0, "q1");
    assert_eq!(
        (q1.status, q1.attempts, q1.wrong_attempts, q1.hints),
        ("started", 3, 3, 1)
    );
    assert!(
        q1.stuck,
        "3 wrong in a row, a hint in between does not matter"
    );
    assert_eq!(q1.time_spent_seconds, 65);
    assert_eq!(q1.first_event, "2026-11-26T10:00:00.000Z");
    assert_eq!(q1.last_event, "2026-11-26T10:01:05.000Z");
    let q2 = step(0, "q2");
    assert_eq!((q2.status, q2.stuck), ("done", false));
    assert_eq!(step(0, "intro").status, "done");
    let mq2 = step(1, "q2");
    assert_eq!((mq2.status, mq2.stuck), ("started", false), "2 wrong only");
    assert_eq!(step(1, "q1").status, "done");
    // Most common wrong answers per step, trimmed, by count then text.
    let o = v.steps.iter().find(|s| s.step_id == "q1").unwrap();
    assert_eq!((o.trainees, o.done, o.stuck), (2, 1, 1));
    let wrong: Vec<(&str, u64)> = o
        .common_wrong_answers
        .iter()
        .map(|w| (w.answer.as_str(), w.count))
        .collect();
    assert_eq!(wrong, [("Lac", 3), ("Kanem", 1)]);
    let o2 = v.steps.iter().find(|s| s.step_id == "q2").unwrap();
    assert_eq!(o2.common_wrong_answers[0].answer, "12");
    assert_eq!(o2.common_wrong_answers[0].count, 2);
}

#[test]
fn stuck_needs_three_wrong_at_the_end() {
    let f = |answers: &[bool]| {
        let events = answers
            .iter()
            .enumerate()
            .map(|(i, c)| {
                ev(
                    "p",
                    &format!("e{i}"),
                    "q",
                    "attempt",
                    Some(*c),
                    json!(i),
                    &format!("{:02}:00", i),
                )
            })
            .collect();
        merge(&[file("p", "P", events)]).trainees[0].steps[0].stuck
    };
    assert!(f(&[false, false, false]));
    assert!(f(&[false, false, false, false]));
    assert!(!f(&[false, false]));
    assert!(!f(&[false, false, false, true]));
    assert!(!f(&[true, false, false, false]), "already done");
}

#[test]
fn top_wrong_answers_are_capped_at_five() {
    let events = (0..8)
        .flat_map(|i| {
            (0..=i).map(move |k| {
                ev(
                    "p",
                    &format!("e{i}-{k}"),
                    "q",
                    "attempt",
                    Some(false),
                    json!(format!("r{i}")),
                    "00:00",
                )
            })
        })
        .collect();
    let v = merge(&[file("p", "P", events)]);
    let w = &v.steps[0].common_wrong_answers;
    assert_eq!(w.len(), 5);
    assert_eq!((w[0].answer.as_str(), w[0].count), ("r7", 8));
    assert_eq!(w[4].answer, "r3");
}

#[test]
fn conflicting_copies_of_an_event_resolve_the_same_way_in_any_order() {
    let (a, _, _) = class();
    let mut tampered = a.clone();
    tampered.events[0].correct = Some(true);
    assert_eq!(merge(&[a.clone(), tampered.clone()]), merge(&[tampered, a]));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn bad_files_refuse_the_whole_merge_and_are_all_named() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _, _) = class();
    let good = write(dir.path(), "a.json", &serde_json::to_vec(&a).unwrap());
    let junk = write(dir.path(), "notes.json", b"{\"hello\": 1}");
    let broken = write(dir.path(), "broken.json", b"{\"format\": \"datajam-pro");
    let mut newer = serde_json::to_value(&a).unwrap();
    newer["version"] = json!(2);
    let newer = write(
        dir.path(),
        "newer.json",
        &serde_json::to_vec(&newer).unwrap(),
    );
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(progress::MAX_FILE_BYTES + 1)
        .unwrap();
    let mut foreign = a.clone();
    foreign.events[0].profile_id = "someone-else".into();
    let foreign = write(
        dir.path(),
        "foreign.json",
        &serde_json::to_vec(&foreign).unwrap(),
    );
    let missing = dir.path().join("missing.json");
    let paths = vec![
        good.clone(),
        junk,
        broken,
        newer,
        huge,
        foreign,
        missing.clone(),
    ];
    match progress::read_files(&paths) {
        Err(ProgressError::BadFiles(bad)) => {
            let problems: Vec<&str> = bad.iter().map(|b| b.problem.code()).collect();
            assert_eq!(
                problems,
                [
                    "progress.not_progress_file",
                    "progress.invalid_json",
                    "progress.too_new",
                    "progress.too_large",
                    "progress.invalid_file",
                    "progress.unreadable"
                ]
            );
            let msg = ProgressError::BadFiles(bad.clone()).message(Lang::Fr);
            assert!(msg.contains("rien n'a été écrit"), "{msg}");
            assert!(
                msg.contains("newer.json") && msg.contains("plus récente"),
                "{msg}"
            );
            let en = ProgressError::BadFiles(bad).message(Lang::En);
            assert!(en.contains("nothing was written"), "{en}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        progress::read_file(&missing),
        Err(FileProblem::Unreadable { .. })
    ));
    // Through the CLI: non-zero exit, French message naming the file, nothing written.
    let data = tempfile::tempdir().unwrap();
    let out = dir.path().join("classe.csv");
    let o = merge_cli(data.path(), &[&good, &paths[1]], &out, &[]);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(
        err.contains("notes.json") && err.contains("Fusion annulée"),
        "{err}"
    );
    assert!(!out.exists());
}

fn question_steps(pack: &Pack) -> Vec<(String, String, Value, Value)> {
    // (lesson, step, reference answer, a wrong answer)
    let mut out = Vec::new();
    for l in &pack.lessons {
        for s in &l.steps {
            if let Exercise::Question(q) = &s.exercise {
                let wrong = match q.answer_type {
                    datajam::pack::AnswerType::Number => {
                        json!(q.answer.as_f64().unwrap_or(0.0) + 1000.0 + q.tolerance * 10.0)
                    }
                    datajam::pack::AnswerType::Choice => {
                        let c = q
                            .choices
                            .iter()
                            .find(|c| json!(c.value) != q.answer)
                            .unwrap();
                        json!(c.value)
                    }
                    datajam::pack::AnswerType::Multiple => {
                        // Every choice: valid, and wrong unless all are right.
                        json!(q
                            .choices
                            .iter()
                            .map(|c| c.value.clone())
                            .collect::<Vec<_>>())
                    }
                    datajam::pack::AnswerType::Text => json!("zzz pas du tout"),
                };
                out.push((l.id.clone(), s.id.clone(), q.answer.clone(), wrong));
            }
        }
    }
    out
}

#[test]
fn export_writes_every_event_and_column_atomically() {
    let data = tempfile::tempdir().unwrap();
    let pack = Pack::builtin().unwrap();
    let (lesson, step, right, wrong) = question_steps(&pack).remove(0);
    let mut w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let p = w.create_profile("Aïcha").unwrap();
    let other = w.create_profile("Moussa").unwrap();
    w.answer(&StepAt::new(&p.id, pack.id(), &lesson, &step), &wrong)
        .unwrap();
    w.hint(&StepAt::new(&p.id, pack.id(), &lesson, &step))
        .unwrap();
    w.answer(&StepAt::new(&p.id, pack.id(), &lesson, &step), &right)
        .unwrap();
    w.answer(&StepAt::new(&other.id, pack.id(), &lesson, &step), &right)
        .unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("aicha.json");
    let s = w.export_progress("aïcha", &out).unwrap();
    assert_eq!(s.events, 3);
    assert_eq!(s.trainee, "Aïcha");
    let leftovers: Vec<_> = std::fs::read_dir(out_dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["format"], "datajam-progress");
    assert_eq!(v["version"], 1);
    assert!(v["exported_at"].is_string());
    assert_eq!(v["profile"]["id"], json!(p.id));
    assert_eq!(v["profile"]["name"], "Aïcha");
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 3);
    for key in [
        "id",
        "profile_id",
        "pack_id",
        "pack_version",
        "lesson_id",
        "step_id",
        "kind",
        "payload",
        "correct",
        "created_at",
    ] {
        assert!(events[0].get(key).is_some(), "{key}");
    }
    assert_eq!(events[0]["correct"], false);
    assert_eq!(events[1]["kind"], "hint");
    assert_eq!(events[1]["correct"], Value::Null);
    // It reads back and merges.
    let f = progress::read_file(&out).unwrap();
    let view = merge(&[f]);
    assert_eq!(view.trainees[0].steps[0].status, "done");
    assert_eq!(view.trainees[0].steps[0].wrong_attempts, 1);
    assert_eq!(view.trainees[0].steps[0].hints, 1);
    // Unknown trainee: typed error.
    assert_eq!(
        w.export_progress("personne", &out).unwrap_err().code(),
        "profile.not_found"
    );
}

/// A progress file and a class CSV are ordinary documents (0644 under umask 022), not
/// private like the temporary file they were written through (0600).
#[cfg(unix)]
#[test]
fn exported_and_merged_files_have_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let data = tempfile::tempdir().unwrap();
    let mut w = Workshop::open(data.path(), Lang::Fr).unwrap();
    w.create_profile("Aïcha").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    // What `File::create` gives a new file under this process's umask.
    std::fs::File::create(out_dir.path().join("probe")).unwrap();
    let expected = mode(&out_dir.path().join("probe"));
    assert_ne!(expected, 0o600, "this test needs a umask that is not 077");
    let out = out_dir.path().join("aicha.json");
    w.export_progress("aïcha", &out).unwrap();
    assert_eq!(mode(&out), expected);
    let class = out_dir.path().join("classe.csv");
    let reflections = out_dir.path().join("reflexions.csv");
    progress::merge_to_files(&[out], &class, Some(&reflections)).unwrap();
    assert_eq!(mode(&class), expected);
    assert_eq!(mode(&reflections), expected);
}

#[test]
fn cli_play_export_merge_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pack = Pack::builtin().unwrap();
    let qs = question_steps(&pack);
    // Aïcha plays the reference walk; Moussa answers wrong 3 times on the first question.
    let o = play_reference(data.path(), "builtin", "Aïcha");
    assert_ok(&o);
    let lines = json_lines(&o);
    let steps: usize = pack.lessons.iter().map(|l| l.steps.len()).sum();
    assert_eq!(lines.len(), steps, "one line per step");
    for l in &lines {
        assert!(l["event"].is_string());
        if l["kind"] == "attempt" {
            assert_eq!(l["correct"], true);
        }
    }
    let (lesson, step, _, wrong) = &qs[0];
    let answers: String = (0..3)
        .map(|_| json!({"lesson": lesson, "step": step, "answer": wrong}).to_string() + "\n")
        .collect();
    let af = write(dir.path(), "m.jsonl", answers.as_bytes());
    let o = play_answers(data.path(), "datajam-tchad", "Moussa", &af);
    assert_ok(&o);
    assert_eq!(text(&o.stdout).lines().count(), 3);

    let mut files = Vec::new();
    for who in ["Aïcha", "Moussa"] {
        let f = dir.path().join(format!("{who}.json"));
        let o = datajam(
            data.path(),
            &[
                "progress",
                "export",
                "--trainee",
                who,
                "-o",
                f.to_str().unwrap(),
                "--json",
            ],
        );
        assert_ok(&o);
        let v = json(&o);
        assert_eq!(v["trainee"], who);
        assert_eq!(v["file"], json!(f.to_str().unwrap()));
        assert!(v["events"].as_u64().unwrap() >= 3);
        files.push(f.to_str().unwrap().to_string());
    }
    let csv = dir.path().join("classe.csv");
    let mut args = vec!["progress", "merge"];
    args.extend(files.iter().map(String::as_str));
    args.extend(files.iter().rev().map(String::as_str));
    let refl = dir.path().join("reflexions.csv");
    args.extend(["-o", csv.to_str().unwrap(), "--json"]);
    args.extend(["--reflections", refl.to_str().unwrap()]);
    let o = datajam(data.path(), &args);
    assert_ok(&o);
    let v = json(&o);
    assert_eq!(v["trainees"].as_array().unwrap().len(), 2);
    // Every reflection Aïcha wrote, one per reflection step of the pack, readable later.
    let reflection_steps = pack
        .lessons
        .iter()
        .flat_map(|l| &l.steps)
        .filter(|s| s.exercise.kind() == "reflection")
        .count();
    assert!(reflection_steps >= 10, "{reflection_steps}");
    assert_eq!(v["reflections"].as_array().unwrap().len(), reflection_steps);
    assert!(v["reflections"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["trainee"] == "Aïcha" && !r["text"].as_str().unwrap().is_empty()));
    let bytes = std::fs::read(&refl).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        progress::REFLECTIONS_HEADER
    );
    assert_eq!(reader.records().count(), reflection_steps);
    let moussa = &v["trainees"][1];
    assert_eq!(moussa["name"], "Moussa");
    assert_eq!(moussa["steps"][0]["stuck"], true);
    assert_eq!(moussa["steps"][0]["wrong_attempts"], 3);
    let over = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step_id"] == json!(step))
        .unwrap();
    assert_eq!(over["common_wrong_answers"][0]["count"], 3);

    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let body = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut rows = body.lines();
    assert_eq!(rows.next().unwrap(), progress::CSV_HEADER.join(","));
    let data_rows: Vec<&str> = rows.collect();
    assert_eq!(data_rows.len(), steps + 1);
    assert!(!body.contains('%'));
    let stuck_row = data_rows.iter().find(|r| r.starts_with("Moussa,")).unwrap();
    let cells: Vec<&str> = stuck_row.split(',').collect();
    assert_eq!(&cells[5..9], ["started", "3", "3", "0"]);
    assert_eq!(cells[12], "true");
    assert!(cells[11].parse::<i64>().is_ok(), "seconds are a number");
}

#[test]
fn play_stops_at_a_bad_line_and_keeps_what_came_before() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pack = Pack::builtin().unwrap();
    let (lesson, step, right, wrong) = question_steps(&pack).remove(0);
    let lines = [
        json!({"lesson": lesson, "step": step, "answer": wrong}).to_string(),
        json!({"lesson": lesson, "step": step, "hint": true}).to_string(),
        String::new(),
        "{pas du json".to_string(),
        json!({"lesson": lesson, "step": step, "answer": right}).to_string(),
    ];
    let af = write(dir.path(), "a.jsonl", lines.join("\n").as_bytes());
    let o = play_answers(data.path(), "builtin", "Zara", &af);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(err.contains("ligne 4"), "{err}");
    let printed: Vec<String> = text(&o.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["event"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(printed.len(), 2);
    let w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let p = w.find_profile("Zara").unwrap();
    let ids: Vec<String> = w
        .profile_events(&p.id)
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, printed);

    // An unknown step is a bad line too, with its number.
    let af = write(
        dir.path(),
        "b.jsonl",
        json!({"lesson": lesson, "step": "nope", "answer": 1})
            .to_string()
            .as_bytes(),
    );
    let o = play_answers(data.path(), "builtin", "Zara", &af);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(err.contains("ligne 1") && err.contains("nope"), "{err}");
}

#[test]
fn play_a_pack_folder_with_its_own_id() {
    let data = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pack");
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&src, dir.path());
    let toml = dir.path().join("pack.toml");
    let t = std::fs::read_to_string(&toml)
        .unwrap()
        .replace("id = \"datajam-tchad\"", "id = \"atelier-copie\"");
    std::fs::write(&toml, t).unwrap();
    let o = play_reference(data.path(), dir.path().to_str().unwrap(), "Aïcha");
    assert_ok(&o);
    let w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let p = w.find_profile("Aïcha").unwrap();
    let events = w.profile_events(&p.id).unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e.pack_id == "atelier-copie"));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The facilitator reads what trainees wrote: the last save of each reflection counts, and
/// a text a spreadsheet would take for a formula is defused.
#[test]
fn reflections_are_merged_with_the_last_save_and_defused_for_spreadsheets() {
    let reflection = |profile: &str, id: &str, step: &str, text: &str, at: &str| {
        let mut e = ev(profile, id, step, "reflection", None, json!(null), at);
        e.payload = json!({ "text": text });
        e
    };
    let a = file(
        "pa",
        "Aïcha",
        vec![
            reflection("pa", "r1", "plan", "Première idée", "00:01"),
            reflection(
                "pa",
                "r2",
                "plan",
                "Idée revue : demander les chiffres à la délégation",
                "00:05",
            ),
            reflection("pa", "r3", "message", "=HYPERLINK(\"x\")", "00:06"),
        ],
    );
    let b = file(
        "pb",
        "Brahim",
        vec![reflection(
            "pb",
            "r4",
            "plan",
            "Cartographier les forages",
            "00:02",
        )],
    );
    let view = progress::merge(&[a.clone(), b.clone()]);
    assert_eq!(view, progress::merge(&[b, a]), "order-independent");
    let texts: Vec<(&str, &str, &str)> = view
        .reflections
        .iter()
        .map(|r| (r.trainee.as_str(), r.step_id.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("Aïcha", "message", "=HYPERLINK(\"x\")"),
            (
                "Aïcha",
                "plan",
                "Idée revue : demander les chiffres à la délégation"
            ),
            ("Brahim", "plan", "Cartographier les forages"),
        ]
    );
    let csv = progress::reflections_csv(&view).unwrap();
    let body = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(body.contains(",\"'=HYPERLINK(\"\"x\"\")\""), "{body}");
    assert!(!body.contains("Première idée"));
}

/// The class CSV defuses texts a spreadsheet would run (a trainee named `=cmd|…`), through
/// the same helper as the table exports; its numbers stay numbers.
#[test]
fn class_csv_defuses_formula_like_names() {
    let a = file(
        "pa",
        "=cmd|' /C calc'!A0",
        vec![ev("pa", "r1", "plan", "hint", None, json!(null), "00:01")],
    );
    let view = progress::merge(&[a]);
    let csv = progress::class_csv(&view).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&csv[3..]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "'=cmd|' /C calc'!A0");
    assert_eq!(&rows[0][1], "pa");
    assert_eq!(&rows[0][8], "1", "hints stay a number");
}

#[test]
fn an_exported_progress_file_says_which_version_wrote_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let p = w.create_profile("Halimé").unwrap();
    let out = dir.path().join("halime.datajam-progress");
    w.export_progress(&p.id, &out).unwrap();
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        v["written_by"],
        format!("DataJam Atelier {}", env!("CARGO_PKG_VERSION"))
    );
    // A file written before the stamp still reads.
    let old = serde_json::to_vec(&file("p", "P", vec![])).unwrap();
    assert!(!String::from_utf8_lossy(&old).contains("written_by"));
    assert_eq!(progress::parse(&old).unwrap().written_by, None);
}
