//! What a pack holds once parsed besides its lessons: its manifest, and the datasets of
//! `datapackage.json` with their sources and licences. The lessons, their steps and each
//! step's exercise are the lesson model ([`crate::lesson::model`]), re-exported here.

use serde::{Deserialize, Serialize};

use super::Localized;
pub use crate::lesson::model::{
    AnswerType, ChartStep, Collect, Completion, Exercise, Feedback, Lesson, Question, Reflection,
    Step, StepSource, MAX_REFLECTION,
};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema: u32,
    pub id: String,
    pub version: String,
    pub title: Localized,
    #[serde(default)]
    pub description: Localized,
    #[serde(default)]
    pub authors: Vec<String>,
    pub licence: String,
    /// Lesson files, in teaching order, relative to the pack folder.
    pub lessons: Vec<String>,
    /// Workbooks of questions (`questions/quiz.xlsx`), one row per question step placed
    /// into the lessons when the pack is loaded (see [`crate::pack::questions`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    /// The facilitator's guide: a Markdown file of the pack (`guide/animateur.md`), shown
    /// from the pack's page (see [`crate::pack::guide`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<String>,
}

/// A dataset of the pack, from `datapackage.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    pub name: String,
    pub title: String,
    pub path: String,
    /// The resource's `description` (empty when there is none).
    pub description: String,
    /// Where the data comes from (at least one, with a title).
    pub sources: Vec<Source>,
    /// Its licences: the resource's own, else the package's (at least one).
    pub licenses: Vec<License>,
    /// The practice file of an import step (its `file`): the trainee imports it in that
    /// step, so it is not loaded when the pack opens (see [`crate::lesson::importstep`]).
    pub import_step: bool,
}

/// A Frictionless `sources` entry: what the data was taken from, and where a reader finds
/// it (a URL or a reference, shown as text: the app never opens the network).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// A Frictionless `licenses` entry: an identifier (`CC-BY-4.0`), a title, a URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct License {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl License {
    /// How a reader names it: the title, else the identifier, else the URL.
    pub fn label(&self) -> String {
        [&self.title, &self.name, &self.path]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .unwrap_or_default()
            .to_string()
    }
}
