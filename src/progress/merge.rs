//! Merge: progress files read from USB sticks and checked, merged into the class view, and
//! written out as the class and reflections CSV files.
//!
//! **Merge** ([`merge`]) is a pure function of the events: the union of all files' events by
//! event id, so merging files in any order, any number of times, gives the same class view
//! (a file merged twice adds nothing). Should two files disagree about the same event id
//! (a tampered file), or carry one profile id under two names, the view keeps one
//! (the smallest, whatever the order) and **names the conflict** in
//! [`ClassView::conflicts`] (see `union`).
//!
//! Progress files come from USB sticks, so they are untrusted. [`read_files`] checks every
//! file (size at most [`MAX_FILE_BYTES`], valid JSON, `format` = `datajam-progress`, a
//! `version` this program knows, every event belonging to the file's profile, known event
//! kinds) and **refuses the whole merge** when any file is bad, listing every bad file with
//! its reason; nothing is written. A partial class view that silently misses a trainee
//! would be worse than no view: the facilitator removes or replaces the bad file and
//! merges again.
//!
//! What the class view says, per trainee × step that has events:
//! - `status`: `done` when the step has a correct attempt, a `complete`, `reflection` or
//!   `import` event, or at least one saved record (the merge does not have the pack, so a collect step that needs
//!   several records counts as done after the first); else `started`. Completion comes
//!   from answers only, never from time.
//! - `attempts`, `wrong_attempts`, `hints` (a hint is never a wrong answer).
//! - `first_event`, `last_event`, and `time_spent_seconds` = whole seconds from the first
//!   to the last event on the step. **An approximation**: it counts a coffee break in the
//!   middle and nothing before the first event; it is shown, never used for completion.
//! - `stuck`: the last 3 or more attempts are all wrong (no correct answer after them),
//!   and the step is not done.
//!
//! Per step, the most common wrong answers (top 5, by count, then by text) come from the
//! `answer` of attempt payloads with `correct = false`; texts are trimmed and compared
//! as typed.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::union::{unite, Conflicts, Source, Union};
use super::{
    BadFile, EventRecord, FileProblem, ProgressError, ProgressFile, FORMAT, MAX_FILE_BYTES,
    STUCK_AFTER, TOP_WRONG, VERSION,
};
use crate::i18n::Lang;
use crate::store::export::defuse_formula;

const KINDS: [&str; 8] = [
    "attempt",
    "hint",
    "record",
    "complete",
    "reveal",
    "skip",
    "reflection",
    "import",
];

/// Checks a progress file from its bytes.
pub fn parse(bytes: &[u8]) -> Result<ProgressFile, FileProblem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge {
            bytes: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| FileProblem::InvalidJson {
            line: e.line(),
            column: e.column(),
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(FileProblem::NotProgressFile);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(FileProblem::TooNew { version: v }),
        _ => {
            return Err(FileProblem::Invalid {
                reason: "version".into(),
            })
        }
    }
    let file: ProgressFile = serde_json::from_value(value).map_err(|e| FileProblem::Invalid {
        reason: e.to_string(),
    })?;
    if file.profile.id.is_empty() || file.profile.name.trim().is_empty() {
        return Err(FileProblem::Invalid {
            reason: "profile".into(),
        });
    }
    for (i, e) in file.events.iter().enumerate() {
        let bad = |what: &str| FileProblem::Invalid {
            reason: format!("event {} ({what})", i + 1),
        };
        if e.profile_id != file.profile.id {
            return Err(bad("profile_id"));
        }
        if e.id.is_empty() {
            return Err(bad("id"));
        }
        if !KINDS.contains(&e.kind.as_str()) {
            return Err(bad("kind"));
        }
        if chrono::DateTime::parse_from_rfc3339(&e.created_at).is_err() {
            return Err(bad("created_at"));
        }
    }
    Ok(file)
}

/// Reads and checks one progress file, never reading more than [`MAX_FILE_BYTES`].
pub fn read_file(path: &Path) -> Result<ProgressFile, FileProblem> {
    let unreadable = |e: std::io::Error| FileProblem::Unreadable {
        reason: e.to_string(),
    };
    let f = std::fs::File::open(path).map_err(unreadable)?;
    let size = f.metadata().map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    parse(&bytes)
}

/// Reads every file: the good ones with their paths, and each bad one with its reason.
pub fn read_each(paths: &[PathBuf]) -> (Vec<(String, ProgressFile)>, Vec<BadFile>) {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for p in paths {
        let path = p.display().to_string();
        match read_file(p) {
            Ok(f) => good.push((path, f)),
            Err(problem) => bad.push(BadFile { path, problem }),
        }
    }
    (good, bad)
}

/// Reads every file; refuses them all, listing each bad file, if any one is bad.
pub fn read_files(paths: &[PathBuf]) -> Result<Vec<ProgressFile>, ProgressError> {
    Ok(read_all(paths)?.into_iter().map(|(_, f)| f).collect())
}

/// [`read_files`], each file with its path.
fn read_all(paths: &[PathBuf]) -> Result<Vec<(String, ProgressFile)>, ProgressError> {
    if paths.is_empty() {
        return Err(ProgressError::NothingToMerge);
    }
    let (good, bad) = read_each(paths);
    if bad.is_empty() {
        Ok(good)
    } else {
        Err(ProgressError::BadFiles(bad))
    }
}

/// The class view: what the facilitator sees after merging.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassView {
    /// Distinct events merged.
    pub events: usize,
    pub trainees: Vec<TraineeProgress>,
    /// Per step, over all trainees.
    pub steps: Vec<StepOverview>,
    /// What trainees wrote in reflection steps: the last text of each trainee × step, in
    /// trainee then step order.
    pub reflections: Vec<ReflectionText>,
    /// Events carried with different contents, profiles carried under different names.
    pub conflicts: Conflicts,
}

/// A trainee's reflection on one step, as the facilitator reads it after the workshop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReflectionText {
    pub trainee: String,
    pub trainee_id: String,
    pub pack_id: String,
    pub lesson_id: String,
    pub step_id: String,
    /// When it was saved (the last save counts).
    pub written_at: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeProgress {
    pub id: String,
    pub name: String,
    /// The other names this profile id was carried under (see [`ClassView::conflicts`]).
    pub other_names: Vec<String>,
    pub steps: Vec<StepProgress>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepProgress {
    pub pack_id: String,
    pub lesson_id: String,
    pub step_id: String,
    /// `done` or `started`.
    pub status: &'static str,
    pub attempts: u64,
    pub wrong_attempts: u64,
    pub hints: u64,
    /// The trainee's wrong answers, oldest first, in words.
    pub wrong_answers: Vec<String>,
    pub first_event: String,
    pub last_event: String,
    /// Whole seconds from the first to the last event: an approximation, see the module doc.
    pub time_spent_seconds: i64,
    pub stuck: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepOverview {
    pub pack_id: String,
    pub lesson_id: String,
    pub step_id: String,
    pub trainees: u64,
    pub done: u64,
    pub stuck: u64,
    /// Attempts per trainee who reached the step.
    pub attempts_mean: f64,
    /// Hints per trainee who reached the step.
    pub hints_mean: f64,
    pub common_wrong_answers: Vec<WrongAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongAnswer {
    pub answer: String,
    pub count: u64,
}

/// The text of an answer as the facilitator reads it.
/// A data task's pipeline and a chart task's chart are described in words (French, the
/// facilitator's language), not shown as JSON.
fn answer_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Object(o) if o.contains_key("steps") => {
            match crate::analysis::pipeline::Pipeline::from_value(v.clone()) {
                Ok(p) => crate::lesson::datatask::describe_pipeline(&p, Lang::Fr).join(" ; "),
                Err(_) => v.to_string(),
            }
        }
        serde_json::Value::Object(o) if o.contains_key("kind") && o.contains_key("x") => {
            crate::lesson::datatask::describe_chart(
                &crate::lesson::datatask::chart_choice(v),
                Lang::Fr,
            )
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod answer_text_tests {
    use super::answer_text;
    use serde_json::json;

    #[test]
    fn pipelines_and_charts_are_described_in_words() {
        let p = answer_text(&json!({"steps": [
            {"op": "sort", "keys": [{"column": "population_2009_a", "desc": true}]},
            {"op": "limit", "n": 5}
        ]}));
        assert!(p.contains("population_2009_a") && p.contains('5'), "{p}");
        assert!(!p.contains('{'), "{p}");
        // Two wrong answers that differ only by « et » / « ou » read differently.
        let conditions = json!([
            {"column": "province", "cmp": "eq", "value": "Lac"},
            {"column": "province", "cmp": "eq", "value": "Kanem"}
        ]);
        let any = answer_text(
            &json!({"steps": [{"op": "filter", "match": "any", "conditions": conditions}]}),
        );
        let all = answer_text(&json!({"steps": [{"op": "filter", "conditions": conditions}]}));
        assert!(any.contains("« Lac » ou province"), "{any}");
        assert!(all.contains("« Lac » et province"), "{all}");
        let c = answer_text(&json!({"kind": "line", "x": "province", "y": "population_2009_a"}));
        assert!(c.contains("province") && !c.contains('{'), "{c}");
        assert_eq!(answer_text(&json!(" 12 ")), "12");
        assert_eq!(
            answer_text(&json!(["TD-LC", "TD-KA"])),
            r#"["TD-LC","TD-KA"]"#
        );
    }
}

fn seconds_between(a: &str, b: &str) -> i64 {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => (b - a).num_seconds().max(0),
        _ => 0,
    }
}

type StepKey = (String, String, String);

/// What the class view adds up per step.
#[derive(Default)]
struct Tally {
    trainees: u64,
    done: u64,
    stuck: u64,
    attempts: u64,
    hints: u64,
    wrong: BTreeMap<String, u64>,
}

/// Merges progress files into the class view: a pure function of the union of their
/// events (by id), so the order of the files and repeated files do not matter.
pub fn merge(files: &[ProgressFile]) -> ClassView {
    let sources: Vec<Source> = files
        .iter()
        .map(|file| Source { path: None, file })
        .collect();
    merge_sources(&sources)
}

/// [`merge`], each file with its path when it was read from disk (conflicts name it).
pub fn merge_sources(sources: &[Source]) -> ClassView {
    let Union {
        events,
        names,
        other_names,
        conflicts,
    } = unite(sources);
    // Group by trainee, then step, in time order.
    let mut by: BTreeMap<&str, BTreeMap<StepKey, Vec<&EventRecord>>> = BTreeMap::new();
    for e in events.values() {
        by.entry(e.profile_id.as_str())
            .or_default()
            .entry((e.pack_id.clone(), e.lesson_id.clone(), e.step_id.clone()))
            .or_default()
            .push(e);
    }
    let mut overview: BTreeMap<StepKey, Tally> = BTreeMap::new();
    let mut trainees = Vec::new();
    let mut reflections = Vec::new();
    for (pid, steps) in by {
        let mut out = Vec::new();
        for (key, mut evs) in steps {
            evs.sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
            let attempts: Vec<&&EventRecord> = evs.iter().filter(|e| e.kind == "attempt").collect();
            let wrong = attempts.iter().filter(|e| e.correct == Some(false)).count();
            let done = evs.iter().any(|e| {
                (e.kind == "attempt" && e.correct == Some(true))
                    || e.kind == "complete"
                    || e.kind == "record"
                    || e.kind == "reflection"
                    || e.kind == "import"
            });
            let trailing_wrong = attempts
                .iter()
                .rev()
                .take_while(|e| e.correct != Some(true))
                .count();
            let stuck = !done && trailing_wrong >= STUCK_AFTER;
            let first = evs
                .first()
                .map(|e| e.created_at.clone())
                .unwrap_or_default();
            let last = evs.last().map(|e| e.created_at.clone()).unwrap_or_default();
            if let Some(last) = evs.iter().rev().find(|e| e.kind == "reflection") {
                if let Some(text) = last.payload["text"].as_str() {
                    reflections.push(ReflectionText {
                        trainee: names.get(pid).copied().unwrap_or(pid).to_string(),
                        trainee_id: pid.to_string(),
                        pack_id: key.0.clone(),
                        lesson_id: key.1.clone(),
                        step_id: key.2.clone(),
                        written_at: last.created_at.clone(),
                        text: text.to_string(),
                    });
                }
            }
            let hints = evs.iter().filter(|e| e.kind == "hint").count() as u64;
            let wrong_answers: Vec<String> = attempts
                .iter()
                .filter(|e| e.correct == Some(false))
                .map(|a| answer_text(&a.payload["answer"]))
                .collect();
            let o = overview.entry(key.clone()).or_default();
            o.trainees += 1;
            o.done += u64::from(done);
            o.stuck += u64::from(stuck);
            o.attempts += attempts.len() as u64;
            o.hints += hints;
            for a in &wrong_answers {
                *o.wrong.entry(a.clone()).or_default() += 1;
            }
            out.push(StepProgress {
                pack_id: key.0,
                lesson_id: key.1,
                step_id: key.2,
                status: if done { "done" } else { "started" },
                attempts: attempts.len() as u64,
                wrong_attempts: wrong as u64,
                hints,
                wrong_answers,
                time_spent_seconds: seconds_between(&first, &last),
                first_event: first,
                last_event: last,
                stuck,
            });
        }
        trainees.push(TraineeProgress {
            id: pid.to_string(),
            name: names.get(pid).copied().unwrap_or(pid).to_string(),
            other_names: other_names.get(pid).cloned().unwrap_or_default(),
            steps: out,
        });
    }
    trainees.sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
    let steps = overview
        .into_iter()
        .map(|(k, t)| {
            let n = t.trainees;
            let mean = |sum: u64| if n == 0 { 0.0 } else { sum as f64 / n as f64 };
            let mut wrong: Vec<WrongAnswer> = t
                .wrong
                .into_iter()
                .map(|(answer, count)| WrongAnswer { answer, count })
                .collect();
            wrong.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.answer.cmp(&b.answer)));
            wrong.truncate(TOP_WRONG);
            StepOverview {
                pack_id: k.0,
                lesson_id: k.1,
                step_id: k.2,
                trainees: n,
                done: t.done,
                stuck: t.stuck,
                attempts_mean: mean(t.attempts),
                hints_mean: mean(t.hints),
                common_wrong_answers: wrong,
            }
        })
        .collect();
    reflections.sort_by(|a, b| {
        (
            a.trainee.to_lowercase(),
            &a.trainee_id,
            &a.pack_id,
            &a.lesson_id,
            &a.step_id,
        )
            .cmp(&(
                b.trainee.to_lowercase(),
                &b.trainee_id,
                &b.pack_id,
                &b.lesson_id,
                &b.step_id,
            ))
    });
    ClassView {
        events: events.len(),
        trainees,
        steps,
        reflections,
        conflicts,
    }
}

/// The reflections CSV columns, in order.
pub const REFLECTIONS_HEADER: [&str; 7] = [
    "trainee",
    "trainee_id",
    "pack_id",
    "lesson_id",
    "step_id",
    "written_at",
    "text",
];

/// The reflections as CSV (UTF-8 with a BOM), one row per trainee × reflection step. The
/// texts are the trainees': one that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'` ([`defuse_formula`]).
pub fn reflections_csv(view: &ClassView) -> crate::Result<Vec<u8>> {
    csv_with_bom(
        &REFLECTIONS_HEADER,
        view.reflections.iter().map(|r| {
            [
                r.trainee.clone(),
                r.trainee_id.clone(),
                r.pack_id.clone(),
                r.lesson_id.clone(),
                r.step_id.clone(),
                r.written_at.clone(),
                r.text.clone(),
            ]
            .map(defuse_formula)
        }),
    )
}

/// CSV bytes in UTF-8 with a BOM (so Excel reads the accents): `header`, then `rows`.
fn csv_with_bom<R: AsRef<[u8]>>(
    header: &[&str],
    rows: impl IntoIterator<Item = impl IntoIterator<Item = R>>,
) -> crate::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let io = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record(header).map_err(io)?;
    for row in rows {
        w.write_record(row).map_err(io)?;
    }
    w.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()).into())
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 13] = [
    "trainee",
    "trainee_id",
    "pack_id",
    "lesson_id",
    "step_id",
    "status",
    "attempts",
    "wrong_attempts",
    "hints",
    "first_event",
    "last_event",
    "time_spent_seconds",
    "stuck",
];

/// The class view as CSV: UTF-8 with a BOM (so Excel reads the accents), one row per
/// trainee × step, numbers as numbers; texts (a trainee's name…) defused against formula
/// injection ([`defuse_formula`]).
pub fn class_csv(view: &ClassView) -> crate::Result<Vec<u8>> {
    let rows = view.trainees.iter().flat_map(|t| {
        t.steps.iter().map(move |s| {
            [
                defuse_formula(t.name.clone()),
                defuse_formula(t.id.clone()),
                defuse_formula(s.pack_id.clone()),
                defuse_formula(s.lesson_id.clone()),
                defuse_formula(s.step_id.clone()),
                s.status.to_string(),
                s.attempts.to_string(),
                s.wrong_attempts.to_string(),
                s.hints.to_string(),
                defuse_formula(s.first_event.clone()),
                defuse_formula(s.last_event.clone()),
                s.time_spent_seconds.to_string(),
                s.stuck.to_string(),
            ]
        })
    });
    csv_with_bom(&CSV_HEADER, rows)
}

/// Reads, merges and writes the class CSV; nothing is written if any file is refused.
pub fn merge_to_csv(paths: &[PathBuf], out: &Path) -> crate::Result<ClassView> {
    merge_to_files(paths, out, None)
}

/// [`merge_to_csv`], and the reflections CSV ([`reflections_csv`]) when `reflections` is
/// given; nothing is written if any file is refused.
pub fn merge_to_files(
    paths: &[PathBuf],
    out: &Path,
    reflections: Option<&Path>,
) -> crate::Result<ClassView> {
    let files = read_all(paths)?;
    let sources: Vec<Source> = files
        .iter()
        .map(|(path, file)| Source {
            path: Some(path),
            file,
        })
        .collect();
    let view = merge_sources(&sources);
    let class = class_csv(&view)?;
    let texts = reflections.map(|_| reflections_csv(&view)).transpose()?;
    crate::store::fsio::write_atomic(out, &class)?;
    if let (Some(path), Some(bytes)) = (reflections, texts) {
        crate::store::fsio::write_atomic(path, &bytes)?;
    }
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_refuses_what_is_not_a_progress_file() {
        assert!(matches!(parse(b"{"), Err(FileProblem::InvalidJson { .. })));
        let e = parse(b"{\n  pas du json").unwrap_err();
        assert_eq!(e, FileProblem::InvalidJson { line: 2, column: 3 });
        assert_eq!(
            e.message(crate::i18n::Lang::Fr),
            "n'est pas un fichier JSON valide (ligne 2, colonne 3)"
        );
        assert_eq!(parse(b"{\"a\":1}"), Err(FileProblem::NotProgressFile));
        assert_eq!(
            parse(br#"{"format":"datajam-progress","version":2}"#),
            Err(FileProblem::TooNew { version: 2 })
        );
        assert!(matches!(
            parse(br#"{"format":"datajam-progress","version":1}"#),
            Err(FileProblem::Invalid { .. })
        ));
    }
}
