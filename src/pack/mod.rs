//! Lesson packs: the manifest, the lessons and their steps, the datasets, and the checks
//! an author runs before copying a pack to USB sticks.
//!
//! A pack source folder holds:
//! - `pack.toml`: the manifest (schema, id, version, titles per language, authors,
//!   licence, lesson files in order);
//! - `datapackage.json`: a Frictionless Data Package describing the datasets (CSV files);
//! - `lessons/*.md`: one lesson per file. TOML front matter between `+++` lines gives the
//!   lesson id and title; each `## Title {#step-id}` heading starts a step; a fenced block
//!   tagged `exercise` inside a step holds its exercise in TOML (see `docs/pack-format.md`).
//!
//! Pack content is untrusted (it comes from USB sticks). Loading goes through an in-memory
//! file map with limits on count and size; paths are relative, never `..`, never links.
//! The built-in pack is compiled into the binary from `sample-data/pack`.
//!
//! This module owns [`Pack`] itself, where it came from ([`Origin`]) and what can be
//! wrong with it ([`Problem`], [`PackError`]); the jobs are in submodules, re-exported
//! here so that `datajam::pack::…` names them:
//! - `model`: the manifest, lessons, steps, exercises and datasets a pack holds;
//! - `files`: the limits, safe relative paths, reading a folder, the built-in pack,
//!   copying a folder under another id;
//! - `parse`: a pack from its files, every problem found;
//! - `lessonfile`: one Markdown lesson file into its steps;
//! - `datapackage`: `datapackage.json` into the datasets, each checked against its schema;
//! - `check`: a step checked against the rest of the pack (what `pack check` reports).

mod check;
mod datapackage;
mod files;
pub mod guide;
mod lessonfile;
pub mod markdown;
mod model;
pub mod packfile;
mod parse;
pub mod proofs;
pub mod questions;
pub mod tableschema;
pub mod xlsform;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::i18n::Lang;
use crate::tr;

pub use files::{copy_renamed, is_safe_relative_path, MAX_FILES, MAX_FILE_BYTES, MAX_TOTAL_BYTES};
pub(crate) use lessonfile::{raw_html, raw_html_problems};
pub use model::{
    AnswerType, ChartStep, Collect, Completion, Dataset, Exercise, Feedback, Lesson, License,
    Manifest, Question, Reflection, Source, Step, StepSource, MAX_REFLECTION,
};
pub(crate) use parse::is_id;
pub use parse::parse;

/// The pack manifest schema this version reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Text in several languages (`{ fr = "...", en = "..." }`), owned by `i18n`.
pub use crate::i18n::{localized, Localized};

/// One problem found in a pack, located in its file and line (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PackError {
    #[error("the pack has {} problem(s): {}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    #[error("cannot read the pack at {path}: {reason}")]
    Unreadable { path: String, reason: String },
}

crate::stage_error!(PackError {
    PackError::Invalid(_) => "pack.invalid",
    PackError::Unreadable { .. } => "pack.unreadable",
});

impl PackError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PackError::Invalid(p) => format!(
                "{}\n{}",
                tr!(lang, "pack-invalid", count = p.len().to_string()),
                p.iter()
                    .map(|p| format!("- {p}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            PackError::Unreadable { path, reason } => {
                tr!(lang, "pack-unreadable", path = path, reason = reason)
            }
        }
    }
}

pub(crate) fn problem(file: &str, line: usize, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Where a pack was loaded from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "type", content = "path")]
pub enum Origin {
    Builtin,
    Folder(PathBuf),
    /// A `.datajam` pack file (see [`crate::pack::packfile`]).
    PackFile(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Pack {
    pub manifest: Manifest,
    pub lessons: Vec<Lesson>,
    pub datasets: Vec<Dataset>,
    pub origin: Origin,
    /// What `pack check` reports without refusing the pack (XLSForm rows left out).
    pub warnings: Vec<Problem>,
    files: BTreeMap<String, Vec<u8>>,
}

impl Pack {
    /// The pack compiled into the app.
    pub fn builtin() -> Result<Pack, PackError> {
        let mut files = BTreeMap::new();
        files::collect_embedded(&files::BUILTIN, &mut files);
        let (pack, problems) = parse(files, Origin::Builtin);
        finish(pack, problems)
    }

    /// Loads a pack source folder.
    pub fn from_dir(dir: &Path) -> Result<Pack, PackError> {
        let files = files::read_dir_limited(dir)?;
        let (pack, problems) = parse(files, Origin::Folder(dir.to_path_buf()));
        finish(pack, problems)
    }

    pub fn id(&self) -> &str {
        &self.manifest.id
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    /// Every file of the pack, by relative path.
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.files
    }

    /// The bytes of a file of the pack (datasets).
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// The facilitator's guide (Markdown), when the pack has one.
    pub fn guide_markdown(&self) -> Option<&str> {
        let path = self.manifest.guide.as_deref()?;
        std::str::from_utf8(self.files.get(path)?).ok()
    }

    pub fn dataset(&self, name: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.name == name)
    }

    /// A short hash of everything in the pack, to know when its datasets must be reloaded.
    pub fn content_hash(&self) -> String {
        // FNV-1a over paths and bytes: not cryptographic, only a change detector.
        let mut h: u64 = 0xcbf29ce484222325;
        for (path, bytes) in &self.files {
            for b in path.bytes().chain([0]).chain(bytes.iter().copied()) {
                h ^= b as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
        }
        format!("{h:016x}")
    }
}

fn finish(pack: Option<Pack>, problems: Vec<Problem>) -> Result<Pack, PackError> {
    match pack {
        Some(p) if problems.is_empty() => Ok(p),
        _ => Err(PackError::Invalid(problems)),
    }
}
