//! Progress files: a trainee's work out to a USB stick, and the facilitator's class view.
//!
//! This module owns the progress file format (the types below, [`FORMAT`], [`VERSION`])
//! and its errors. The jobs are in submodules, re-exported here so that
//! `datajam::progress::…` names them all:
//! - `export`: a trainee's events out to a progress file ([`export()`]);
//! - `merge`: reading and checking progress files, the class view ([`merge()`]) and its
//!   CSV files;
//! - `union`: every event once by id, every trainee once, and the conflicts met;
//! - `class`: the facilitator's class kept between sessions (files added, view, clear);
//!
//! A progress file, one per trainee:
//!
//! ```json
//! {"format": "datajam-progress", "version": 1, "exported_at": "2026-…Z",
//!  "profile": {"id": "…", "name": "Aïcha"},
//!  "events": [{"id", "profile_id", "pack_id", "pack_version", "lesson_id", "step_id",
//!              "kind", "payload", "correct", "created_at"}, …]}
//! ```

pub mod class;
mod export;
mod merge;
mod union;

pub use export::{build, export, profile_events, ExportSummary};
pub use merge::{
    class_csv, merge, merge_sources, merge_to_csv, merge_to_files, parse, read_each, read_file,
    read_files, reflections_csv, ClassView, ReflectionText, StepOverview, StepProgress,
    TraineeProgress, WrongAnswer, CSV_HEADER, REFLECTIONS_HEADER,
};
pub use union::{Conflicts, EventConflict, EventVersion, NameConflict, NameUse, Source};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::tr;

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
    /// The app that wrote the file (`DataJam Atelier 0.1.0`); absent in files written
    /// before it was stamped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_by: Option<String>,
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

/// Why a progress file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FileProblem {
    Unreadable {
        reason: String,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// Where the JSON stops making sense (serde_json's own words are English only).
    InvalidJson {
        line: usize,
        column: usize,
    },
    NotProgressFile,
    TooNew {
        version: u64,
    },
    Invalid {
        reason: String,
    },
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
        match self {
            FileProblem::Unreadable { reason } => tr!(lang, "progress-unreadable", reason = reason),
            FileProblem::TooLarge { bytes, limit } => tr!(
                lang,
                "progress-too-large",
                size = (bytes / (1024 * 1024)).to_string(),
                limit = (limit / (1024 * 1024)).to_string()
            ),
            FileProblem::InvalidJson { line, column } => {
                tr!(
                    lang,
                    "progress-invalid-json",
                    line = line.to_string(),
                    column = column.to_string()
                )
            }
            FileProblem::NotProgressFile => tr!(lang, "progress-not-progress-file"),
            FileProblem::TooNew { version } => tr!(
                lang,
                "progress-too-new",
                version = version.to_string(),
                supported = VERSION.to_string()
            ),
            FileProblem::Invalid { reason } => tr!(lang, "progress-invalid-file", reason = reason),
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

crate::stage_error!(ProgressError {
    ProgressError::BadFiles(files) if files.len() == 1 => files[0].problem.code(),
    ProgressError::BadFiles(_) => "progress.invalid_files",
    ProgressError::AnswersLine { .. } => "progress.answers_line",
    ProgressError::NothingToMerge => "progress.nothing_to_merge",
});

impl ProgressError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProgressError::BadFiles(files) => {
                let mut out = tr!(
                    lang,
                    "progress-invalid-files",
                    count = files.len().to_string()
                );
                for f in files {
                    out.push_str(&format!("\n  « {} » {}", f.path, f.problem.message(lang)));
                }
                out
            }
            ProgressError::AnswersLine { line, reason } => tr!(
                lang,
                "progress-answers-line",
                line = line.to_string(),
                reason = reason
            ),
            ProgressError::NothingToMerge => tr!(lang, "progress-nothing-to-merge"),
        }
    }
}
