//! Progress files: a trainee's work out to a USB stick, and the facilitator's class view.
//!
//! **Export** ([`export`]) writes one JSON file per trainee:
//!
//! ```json
//! {"format": "datajam-progress", "version": 1, "exported_at": "2026-…Z",
//!  "profile": {"id": "…", "name": "Aïcha"},
//!  "events": [{"id", "profile_id", "pack_id", "pack_version", "lesson_id", "step_id",
//!              "kind", "payload", "correct", "created_at"}, …]}
//! ```
//!
//! It is written to a temporary file in the target directory, flushed to disk, then renamed:
//! a stick pulled out mid-copy leaves the old file or no file, never half a file.
//!
//! **Merge** ([`merge`]) is a pure function of the events: the union of all files' events by
//! event id, so merging files in any order, any number of times, gives the same class view
//! (a file merged twice adds nothing). Should two files disagree about the same event id
//! (a tampered file), the copy whose canonical JSON is smallest wins, whatever the order.
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

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::store::Store;
use crate::workshop::StepAt;

/// The value of `format` in every progress file.
pub const FORMAT: &str = "datajam-progress";
/// The version of the progress file format this program writes and reads.
pub const VERSION: u64 = 1;
/// The largest progress file read (a trainee's two days are well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Wrong answers listed per step.
pub const TOP_WRONG: usize = 5;
/// Wrong answers in a row, at the end, that make a trainee "stuck" on a step.
pub const STUCK_AFTER: usize = 3;

/// A progress file as exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressFile {
    pub format: String,
    pub version: u64,
    pub exported_at: String,
    pub profile: ProfileRecord,
    pub events: Vec<EventRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRecord {
    pub id: String,
    pub name: String,
}

/// One row of the `events` table, every column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: String,
    pub profile_id: String,
    pub pack_id: String,
    pub pack_version: String,
    pub lesson_id: String,
    pub step_id: String,
    pub kind: String,
    pub payload: serde_json::Value,
    pub correct: Option<bool>,
    pub created_at: String,
}

/// What `export` did.
#[derive(Debug, Clone, Serialize)]
pub struct ExportSummary {
    pub events: usize,
    pub trainee: String,
    pub file: String,
}

/// Why a progress file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FileProblem {
    Unreadable { reason: String },
    TooLarge { bytes: u64, limit: u64 },
    InvalidJson { reason: String },
    NotProgressFile,
    TooNew { version: u64 },
    Invalid { reason: String },
}

impl FileProblem {
    pub fn code(&self) -> &'static str {
        match self {
            FileProblem::Unreadable { .. } => "progress.unreadable",
            FileProblem::TooLarge { .. } => "progress.too_large",
            FileProblem::InvalidJson { .. } => "progress.invalid_json",
            FileProblem::NotProgressFile => "progress.not_progress_file",
            FileProblem::TooNew { .. } => "progress.too_new",
            FileProblem::Invalid { .. } => "progress.invalid_file",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            FileProblem::Unreadable { reason } => {
                if fr {
                    format!("illisible ({reason})")
                } else {
                    format!("cannot be read ({reason})")
                }
            }
            FileProblem::TooLarge { bytes, limit } => {
                let (mb, lim) = (bytes / (1024 * 1024), limit / (1024 * 1024));
                if fr {
                    format!("trop gros ({mb} Mo ; au plus {lim} Mo)")
                } else {
                    format!("too large ({mb} MB; at most {lim} MB)")
                }
            }
            FileProblem::InvalidJson { reason } => {
                if fr {
                    format!("n'est pas un fichier JSON valide ({reason})")
                } else {
                    format!("is not valid JSON ({reason})")
                }
            }
            FileProblem::NotProgressFile => {
                if fr {
                    "n'est pas un fichier de progression DataJam".into()
                } else {
                    "is not a DataJam progress file".into()
                }
            }
            FileProblem::TooNew { version } => {
                if fr {
                    format!("vient d'une version plus récente de DataJam Atelier (format {version}, celle-ci lit le format {VERSION}) : mettez l'application à jour")
                } else {
                    format!("comes from a newer DataJam Atelier (format {version}, this one reads format {VERSION}): update the app")
                }
            }
            FileProblem::Invalid { reason } => {
                if fr {
                    format!("est abîmé ou modifié ({reason})")
                } else {
                    format!("is damaged or was modified ({reason})")
                }
            }
        }
    }
}

/// A file that was refused, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadFile {
    pub path: String,
    #[serde(flatten)]
    pub problem: FileProblem,
}

#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// One or more progress files were refused; nothing was merged or written.
    #[error("{} progress file(s) refused", .0.len())]
    BadFiles(Vec<BadFile>),
    /// A line of a `play` answers file that cannot be used.
    #[error("answers file line {line}: {reason}")]
    AnswersLine { line: usize, reason: String },
    /// No progress file given to merge.
    #[error("no progress file to merge")]
    NothingToMerge,
}

impl ProgressError {
    pub fn code(&self) -> &'static str {
        match self {
            ProgressError::BadFiles(files) if files.len() == 1 => files[0].problem.code(),
            ProgressError::BadFiles(_) => "progress.invalid_files",
            ProgressError::AnswersLine { .. } => "progress.answers_line",
            ProgressError::NothingToMerge => "progress.nothing_to_merge",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            ProgressError::BadFiles(files) => {
                let mut out = if fr {
                    format!(
                        "Fusion annulée, rien n'a été écrit : {} fichier(s) refusé(s). Retirez-les ou remplacez-les, puis recommencez.",
                        files.len()
                    )
                } else {
                    format!(
                        "Merge cancelled, nothing was written: {} file(s) refused. Remove or replace them, then try again.",
                        files.len()
                    )
                };
                for f in files {
                    out.push_str(&format!("\n  « {} » {}", f.path, f.problem.message(lang)));
                }
                out
            }
            ProgressError::AnswersLine { line, reason } => {
                if fr {
                    format!("Fichier de réponses, ligne {line} : {reason}. Les lignes précédentes sont enregistrées.")
                } else {
                    format!("Answers file, line {line}: {reason}. The lines before it are saved.")
                }
            }
            ProgressError::NothingToMerge => {
                if fr {
                    "Aucun fichier de progression à fusionner.".into()
                } else {
                    "No progress file to merge.".into()
                }
            }
        }
    }
}

/// Every event of a profile, every column, oldest first.
pub fn profile_events(store: &Store, profile_id: &str) -> crate::Result<Vec<EventRecord>> {
    let mut stmt = store.conn().prepare(
        "SELECT id, profile_id, pack_id, pack_version, lesson_id, step_id, kind, payload, correct, created_at
         FROM events WHERE profile_id = ?1 ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([profile_id], |r| {
        let payload: String = r.get(7)?;
        Ok(EventRecord {
            id: r.get(0)?,
            profile_id: r.get(1)?,
            pack_id: r.get(2)?,
            pack_version: r.get(3)?,
            lesson_id: r.get(4)?,
            step_id: r.get(5)?,
            kind: r.get(6)?,
            // Stored by us as JSON; a damaged payload is kept as its text.
            payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::String(payload)),
            correct: r.get(8)?,
            created_at: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The progress file of a trainee (found by id or name), in memory.
pub fn build(store: &Store, trainee: &str) -> crate::Result<ProgressFile> {
    let profile = store.find_profile(trainee)?;
    let events = profile_events(store, &profile.id)?;
    Ok(ProgressFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: crate::store::now(),
        profile: ProfileRecord {
            id: profile.id,
            name: profile.name,
        },
        events,
    })
}

/// Writes `bytes` to `path` through a temporary file in the same directory, flushed to
/// disk then renamed: the file is either the old one, or complete.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> crate::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".datajam-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Exports a trainee's progress file to `out`.
pub fn export(store: &Store, trainee: &str, out: &Path) -> crate::Result<ExportSummary> {
    let file = build(store, trainee)?;
    let bytes = serde_json::to_vec(&file).map_err(|e| std::io::Error::other(e.to_string()))?;
    write_atomic(out, &bytes)?;
    Ok(ExportSummary {
        events: file.events.len(),
        trainee: file.profile.name,
        file: out.display().to_string(),
    })
}

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
            reason: e.to_string(),
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

/// Reads every file; refuses them all, listing each bad file, if any one is bad.
pub fn read_files(paths: &[PathBuf]) -> Result<Vec<ProgressFile>, ProgressError> {
    if paths.is_empty() {
        return Err(ProgressError::NothingToMerge);
    }
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for p in paths {
        match read_file(p) {
            Ok(f) => good.push(f),
            Err(problem) => bad.push(BadFile {
                path: p.display().to_string(),
                problem,
            }),
        }
    }
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

/// Merges progress files into the class view: a pure function of the union of their
/// events (by id), so the order of the files and repeated files do not matter.
pub fn merge(files: &[ProgressFile]) -> ClassView {
    // Union of events by id; on a conflict, the smallest canonical JSON wins.
    let mut events: BTreeMap<&str, (String, &EventRecord)> = BTreeMap::new();
    // Profile names: on a conflict (a renamed profile), the smallest name wins.
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for f in files {
        names
            .entry(f.profile.id.as_str())
            .and_modify(|n| {
                if f.profile.name.as_str() < *n {
                    *n = f.profile.name.as_str();
                }
            })
            .or_insert(f.profile.name.as_str());
        for e in &f.events {
            let canon = serde_json::to_string(e).unwrap_or_default();
            match events.get(e.id.as_str()) {
                Some((c, _)) if *c <= canon => {}
                _ => {
                    events.insert(e.id.as_str(), (canon, e));
                }
            }
        }
    }
    // Group by trainee, then step, in time order.
    let mut by: BTreeMap<&str, BTreeMap<StepKey, Vec<&EventRecord>>> = BTreeMap::new();
    for (_, e) in events.values() {
        by.entry(e.profile_id.as_str())
            .or_default()
            .entry((e.pack_id.clone(), e.lesson_id.clone(), e.step_id.clone()))
            .or_default()
            .push(e);
    }
    let mut overview: BTreeMap<StepKey, (u64, u64, u64, BTreeMap<String, u64>)> = BTreeMap::new();
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
            let o = overview.entry(key.clone()).or_default();
            o.0 += 1;
            o.1 += u64::from(done);
            o.2 += u64::from(stuck);
            for a in attempts.iter().filter(|e| e.correct == Some(false)) {
                *o.3.entry(answer_text(&a.payload["answer"])).or_default() += 1;
            }
            out.push(StepProgress {
                pack_id: key.0,
                lesson_id: key.1,
                step_id: key.2,
                status: if done { "done" } else { "started" },
                attempts: attempts.len() as u64,
                wrong_attempts: wrong as u64,
                hints: evs.iter().filter(|e| e.kind == "hint").count() as u64,
                time_spent_seconds: seconds_between(&first, &last),
                first_event: first,
                last_event: last,
                stuck,
            });
        }
        trainees.push(TraineeProgress {
            id: pid.to_string(),
            name: names.get(pid).copied().unwrap_or(pid).to_string(),
            steps: out,
        });
    }
    trainees.sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
    let steps = overview
        .into_iter()
        .map(|(k, (n, done, stuck, wrong))| {
            let mut wrong: Vec<WrongAnswer> = wrong
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
                done,
                stuck,
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
/// text is the trainee's: one that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`.
pub fn reflections_csv(view: &ClassView) -> crate::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let io = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record(REFLECTIONS_HEADER).map_err(io)?;
    for r in &view.reflections {
        let text = if r.text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{}", r.text)
        } else {
            r.text.clone()
        };
        w.write_record([
            r.trainee.as_str(),
            &r.trainee_id,
            &r.pack_id,
            &r.lesson_id,
            &r.step_id,
            &r.written_at,
            &text,
        ])
        .map_err(io)?;
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
/// trainee × step, numbers as numbers.
pub fn class_csv(view: &ClassView) -> crate::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let io = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record(CSV_HEADER).map_err(io)?;
    for t in &view.trainees {
        for s in &t.steps {
            w.write_record([
                t.name.as_str(),
                t.id.as_str(),
                &s.pack_id,
                &s.lesson_id,
                &s.step_id,
                s.status,
                &s.attempts.to_string(),
                &s.wrong_attempts.to_string(),
                &s.hints.to_string(),
                &s.first_event,
                &s.last_event,
                &s.time_spent_seconds.to_string(),
                if s.stuck { "true" } else { "false" },
            ])
            .map_err(io)?;
        }
    }
    w.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()).into())
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
    let files = read_files(paths)?;
    let view = merge(&files);
    let class = class_csv(&view)?;
    let texts = reflections.map(|_| reflections_csv(&view)).transpose()?;
    write_atomic(out, &class)?;
    if let (Some(path), Some(bytes)) = (reflections, texts) {
        write_atomic(path, &bytes)?;
    }
    Ok(view)
}

/// One line of a `play` answers file.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Answer {
        lesson: String,
        step: String,
        answer: serde_json::Value,
    },
    Hint {
        lesson: String,
        step: String,
    },
    Record {
        lesson: String,
        step: String,
        values: BTreeMap<String, String>,
    },
    Complete {
        lesson: String,
        step: String,
    },
    Reflect {
        lesson: String,
        step: String,
        text: String,
    },
    /// A pipeline for a data task: `{"lesson", "step", "pipeline": {"steps": [...]}}`.
    Pipeline {
        lesson: String,
        step: String,
        pipeline: serde_json::Value,
    },
    /// A chart request for a chart task: `{"lesson", "step", "chart": {"kind", "x", ...}}`.
    Chart {
        lesson: String,
        step: String,
        chart: serde_json::Value,
    },
    /// An import step's file imported into its table: `{"lesson", "step", "import": true}`.
    Import {
        lesson: String,
        step: String,
    },
}

impl Action {
    pub fn lesson(&self) -> &str {
        match self {
            Action::Answer { lesson, .. }
            | Action::Hint { lesson, .. }
            | Action::Record { lesson, .. }
            | Action::Complete { lesson, .. }
            | Action::Reflect { lesson, .. }
            | Action::Pipeline { lesson, .. }
            | Action::Chart { lesson, .. }
            | Action::Import { lesson, .. } => lesson,
        }
    }

    pub fn step(&self) -> &str {
        match self {
            Action::Answer { step, .. }
            | Action::Hint { step, .. }
            | Action::Record { step, .. }
            | Action::Complete { step, .. }
            | Action::Reflect { step, .. }
            | Action::Pipeline { step, .. }
            | Action::Chart { step, .. }
            | Action::Import { step, .. } => step,
        }
    }
}

/// Parses one line of an answers file (`line` is 1-based, for the message, written in
/// `lang`).
pub fn parse_action(text: &str, line: usize, lang: Lang) -> Result<Action, ProgressError> {
    let fr = lang == Lang::Fr;
    let bad = |reason: String| ProgressError::AnswersLine { line, reason };
    let one_key = || {
        bad(if fr {
            "une seule clé parmi « answer », « pipeline », « chart », « hint »: true, « record », « complete »: true, « import »: true est attendue".into()
        } else {
            "exactly one of \"answer\", \"pipeline\", \"chart\", \"hint\": true, \"record\", \"complete\": true, \"import\": true is expected"
                .into()
        })
    };
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        bad(if fr {
            format!("JSON invalide ({e})")
        } else {
            format!("invalid JSON ({e})")
        })
    })?;
    let obj = v.as_object().ok_or_else(|| {
        bad(if fr {
            "un objet JSON est attendu".into()
        } else {
            "a JSON object is expected".into()
        })
    })?;
    let field = |k: &str| -> Result<String, ProgressError> {
        obj.get(k)
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .ok_or_else(|| {
                bad(if fr {
                    format!("« {k} » manque ou n'est pas un texte")
                } else {
                    format!("\"{k}\" is missing or not a text")
                })
            })
    };
    let lesson = field("lesson")?;
    let step = field("step")?;
    let keys: BTreeSet<&str> = obj
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "lesson" && *k != "step")
        .collect();
    if keys.len() != 1 {
        return Err(one_key());
    }
    if let Some(answer) = obj.get("answer") {
        return Ok(Action::Answer {
            lesson,
            step,
            answer: answer.clone(),
        });
    }
    if let Some(pipeline) = obj.get("pipeline") {
        return Ok(Action::Pipeline {
            lesson,
            step,
            pipeline: pipeline.clone(),
        });
    }
    if let Some(chart) = obj.get("chart") {
        return Ok(Action::Chart {
            lesson,
            step,
            chart: chart.clone(),
        });
    }
    if obj.get("hint") == Some(&serde_json::Value::Bool(true)) {
        return Ok(Action::Hint { lesson, step });
    }
    if obj.get("complete") == Some(&serde_json::Value::Bool(true)) {
        return Ok(Action::Complete { lesson, step });
    }
    if obj.get("import") == Some(&serde_json::Value::Bool(true)) {
        return Ok(Action::Import { lesson, step });
    }
    if let Some(serde_json::Value::String(text)) = obj.get("reflection") {
        return Ok(Action::Reflect {
            lesson,
            step,
            text: text.clone(),
        });
    }
    if let Some(rec) = obj.get("record") {
        let not_text = |k: &str| {
            bad(if fr {
                format!("« record » doit être un objet {{champ: texte}} (champ « {k} »)")
            } else {
                format!("\"record\" must be an object {{field: text}} (field \"{k}\")")
            })
        };
        let rec = rec.as_object().ok_or_else(|| not_text(""))?;
        let mut values = BTreeMap::new();
        for (k, v) in rec {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return Err(not_text(k)),
            };
            values.insert(k.clone(), text);
        }
        return Ok(Action::Record {
            lesson,
            step,
            values,
        });
    }
    Err(one_key())
}

/// The reference walk of a pack: every lesson in order, each question answered with its
/// reference answer, one valid record per collect step, read and chart steps completed,
/// import steps imported.
pub fn reference_actions(pack: &crate::pack::Pack) -> Vec<Action> {
    use crate::lesson::form::FieldType;
    use crate::pack::Exercise;
    let mut out = Vec::new();
    for l in &pack.lessons {
        for s in &l.steps {
            let (lesson, step) = (l.id.clone(), s.id.clone());
            out.push(match &s.exercise {
                Exercise::Read | Exercise::Chart(_) => Action::Complete { lesson, step },
                Exercise::Reflection(r) => Action::Reflect {
                    lesson,
                    step,
                    text: format!(
                        "Réflexion d'exemple pour répéter le paquet.{}",
                        " …".repeat(r.min_length.min(2000) / 2)
                    ),
                },
                Exercise::Question(q) => Action::Answer {
                    lesson,
                    step,
                    // A range question may have no reference answer: any accepted number.
                    answer: match (&q.answer, q.min, q.max) {
                        (serde_json::Value::Null, Some(a), _) => serde_json::json!(a),
                        (serde_json::Value::Null, None, Some(b)) => serde_json::json!(b),
                        (a, _, _) => a.clone(),
                    },
                },
                Exercise::Data(t) => Action::Pipeline {
                    lesson,
                    step,
                    pipeline: serde_json::to_value(&t.reference).unwrap_or_default(),
                },
                Exercise::ChartTask(t) => Action::Chart {
                    lesson,
                    step,
                    chart: serde_json::to_value(&t.reference).unwrap_or_default(),
                },
                Exercise::Import(_) => Action::Import { lesson, step },
                Exercise::Collect(c) => {
                    let values = c
                        .form
                        .fields
                        .iter()
                        .map(|f| {
                            let v = match f.field_type {
                                FieldType::Choice | FieldType::Multiple | FieldType::Province => f
                                    .choices
                                    .first()
                                    .map(|c| c.value.clone())
                                    .unwrap_or_else(|| "TD-ND".into()),
                                FieldType::Integer => format!(
                                    "{}",
                                    f.min
                                        .as_ref()
                                        .and_then(crate::lesson::form::Limit::as_number)
                                        .map(|m| m.ceil() as i64)
                                        .unwrap_or(1)
                                ),
                                FieldType::Decimal => format!(
                                    "{}",
                                    f.min
                                        .as_ref()
                                        .and_then(crate::lesson::form::Limit::as_number)
                                        .unwrap_or(1.0)
                                ),
                                FieldType::Date => f
                                    .min
                                    .as_ref()
                                    .and_then(crate::lesson::form::Limit::as_date)
                                    .unwrap_or_else(|| chrono::Local::now().date_naive())
                                    .format("%Y-%m-%d")
                                    .to_string(),
                                FieldType::Location => "12.11 15.05".into(),
                                FieldType::Text => "Exemple".into(),
                            };
                            (f.name.clone(), v)
                        })
                        .collect();
                    Action::Record {
                        lesson,
                        step,
                        values,
                    }
                }
            });
        }
    }
    out
}

/// What one `play` action did: printed as one JSON line when an event was committed.
#[derive(Debug, Clone, Serialize)]
pub struct Played {
    /// The committed event's id; `None` when nothing was saved.
    pub event: Option<String>,
    pub kind: &'static str,
    pub lesson: String,
    pub step: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correct: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Runs one action through the workshop; when it returns, any event is committed.
pub fn play(
    w: &mut crate::Workshop,
    profile_id: &str,
    pack_id: &str,
    action: &Action,
) -> crate::Result<Played> {
    let (lesson, step) = (action.lesson(), action.step());
    let played = |event, kind, correct, message| Played {
        event,
        kind,
        lesson: lesson.to_string(),
        step: step.to_string(),
        correct,
        message,
    };
    Ok(match action {
        Action::Answer { answer, .. } => {
            let o = w.answer(&StepAt::new(profile_id, pack_id, lesson, step), answer)?;
            let correct = o.saved.then_some(o.verdict == "correct");
            played(o.event_id, "attempt", correct, Some(o.message))
        }
        Action::Hint { .. } => {
            let o = w.hint(&StepAt::new(profile_id, pack_id, lesson, step))?;
            played(o.event_id, "hint", None, Some(o.text))
        }
        Action::Record { values, .. } => {
            let o = w.submit_record(&StepAt::new(profile_id, pack_id, lesson, step), values)?;
            let mut message = o.message;
            for e in &o.errors {
                message.push_str(&format!(" {} : {}", e.field, e.message));
            }
            played(o.event_id, "record", None, Some(message))
        }
        Action::Complete { .. } => {
            let (id, _) = w.complete_with_event(&StepAt::new(profile_id, pack_id, lesson, step))?;
            played(id, "complete", None, None)
        }
        Action::Reflect { text, .. } => {
            let o = w.reflect(&StepAt::new(profile_id, pack_id, lesson, step), text)?;
            played(o.event_id, "reflection", None, Some(o.message))
        }
        Action::Pipeline { pipeline, .. } => {
            let o = w.submit_pipeline(&StepAt::new(profile_id, pack_id, lesson, step), pipeline)?;
            let correct = o.saved.then_some(o.verdict == "correct");
            played(o.event_id, "attempt", correct, Some(o.message))
        }
        Action::Chart { chart, .. } => {
            let o = w.submit_chart(&StepAt::new(profile_id, pack_id, lesson, step), chart)?;
            let correct = o.saved.then_some(o.verdict == "correct");
            played(o.event_id, "attempt", correct, Some(o.message))
        }
        Action::Import { .. } => {
            let o = w.import_step(&StepAt::new(profile_id, pack_id, lesson, step))?;
            played(o.event_id, "import", None, Some(o.message))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_refuses_what_is_not_a_progress_file() {
        assert!(matches!(parse(b"{"), Err(FileProblem::InvalidJson { .. })));
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

    #[test]
    fn parse_action_lines() {
        assert!(matches!(
            parse_action(r#"{"lesson":"l","step":"s","answer":3}"#, 1, Lang::Fr),
            Ok(Action::Answer { .. })
        ));
        assert!(matches!(
            parse_action(r#"{"lesson":"l","step":"s","hint":true}"#, 1, Lang::Fr),
            Ok(Action::Hint { .. })
        ));
        assert!(matches!(
            parse_action(r#"{"lesson":"l","step":"s","complete":true}"#, 1, Lang::En),
            Ok(Action::Complete { .. })
        ));
        assert!(matches!(
            parse_action(
                r#"{"lesson":"l","step":"s","record":{"a":"x","n":2}}"#,
                1,
                Lang::Fr
            ),
            Ok(Action::Record { .. })
        ));
        for bad in [
            "nope",
            "[]",
            r#"{"step":"s","answer":1}"#,
            r#"{"lesson":"l","step":"s"}"#,
            r#"{"lesson":"l","step":"s","hint":false}"#,
            r#"{"lesson":"l","step":"s","answer":1,"hint":true}"#,
        ] {
            match parse_action(bad, 7, Lang::En) {
                Err(ProgressError::AnswersLine { line: 7, .. }) => {}
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
