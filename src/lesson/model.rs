//! The lesson model: a lesson, its steps, and each step's exercise (question, collect,
//! chart, reflection, data or chart task, import) as a pack describes them. Packs are
//! parsed into it ([`crate::pack`]); the rest of this folder judges what a trainee does
//! with it.

use serde::{Deserialize, Serialize};

use crate::i18n::Localized;
use crate::lesson::form::{Choice, Form};

/// A question step: the trainee types or picks an answer, checked by the core.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    #[serde(rename = "type")]
    pub answer_type: AnswerType,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// The reference answer: a choice value, a number or a text. A number question with
    /// `min`/`max` may omit it.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub answer: serde_json::Value,
    /// For numbers: accepted distance from the answer.
    #[serde(default)]
    pub tolerance: f64,
    /// For numbers: the accepted interval (inclusive), instead of answer ± tolerance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// For texts: other accepted answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Hints, shown one at a time, from gentle to explicit.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Messages for anticipated wrong answers.
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    /// Shown once the step is answered correctly (Markdown).
    #[serde(default)]
    pub explanation: Option<String>,
    /// For numbers: the unit shown after the input box.
    #[serde(default)]
    pub unit: Option<String>,
    /// A dataset of the pack shown with the question, for the trainee to read.
    #[serde(default)]
    pub dataset: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerType {
    Choice,
    /// Several choices: the answer is the set of values, in any order.
    Multiple,
    Number,
    Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// The anticipated wrong answer (omitted when `min`/`max` give a range of numbers).
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub answer: serde_json::Value,
    /// For numbers: an anticipated range of wrong answers (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    pub message: String,
}

/// A collect step: a form whose records go to a table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collect {
    /// The form, written in TOML, or read from `xlsform` when the pack is loaded.
    #[serde(default)]
    pub form: Form,
    /// An XLSForm workbook of the pack (`forms/enquete.xlsx`) holding the form instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xlsform: Option<String>,
    /// Records needed to complete the step.
    #[serde(default = "one")]
    pub min_records: u32,
}

fn one() -> u32 {
    1
}

/// A chart step: the trainee sees a chart of a pack dataset.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartStep {
    /// Dataset (resource name in datapackage.json).
    pub dataset: String,
    /// Column of categories.
    pub x: String,
    /// Column of values.
    pub y: String,
    #[serde(default)]
    pub horizontal: bool,
    #[serde(default)]
    pub sort_desc: bool,
    #[serde(default)]
    pub highlight: Option<String>,
    pub title: String,
    #[serde(default)]
    pub x_label: String,
    #[serde(default)]
    pub y_label: String,
    #[serde(default)]
    pub source: String,
}

/// A reflection step: the trainee writes what they think; not graded, kept for the report.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    /// Characters needed before it can be saved (0: any non-empty text).
    #[serde(default)]
    pub min_length: usize,
    /// A hint shown in the empty text box.
    #[serde(default)]
    pub placeholder: Option<String>,
}

/// The longest reflection kept, in characters.
pub const MAX_REFLECTION: usize = 5000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Exercise {
    Read,
    Question(Question),
    Collect(Collect),
    Chart(ChartStep),
    Reflection(Reflection),
    /// Build a table with a pipeline; checked on the result (see [`crate::lesson::datatask`]).
    Data(crate::lesson::datatask::DataTask),
    /// Draw a chart; checked on what it shows (see [`crate::lesson::datatask`]).
    #[serde(rename = "chart_task")]
    ChartTask(crate::lesson::datatask::ChartTask),
    /// Import a practice file of the pack into a table (see [`crate::lesson::importstep`]).
    Import(crate::lesson::importstep::ImportStep),
}

impl Exercise {
    pub fn kind(&self) -> &'static str {
        match self {
            Exercise::Read => "read",
            Exercise::Question(_) => "question",
            Exercise::Collect(_) => "collect",
            Exercise::Chart(_) => "chart",
            Exercise::Reflection(_) => "reflection",
            Exercise::Data(_) => "data",
            Exercise::ChartTask(_) => "chart_task",
            Exercise::Import(_) => "import",
        }
    }

    /// The workspace table the step makes, which later steps may use: an import step's
    /// table, a data task's `result`.
    pub fn table_made(&self) -> Option<&str> {
        match self {
            Exercise::Import(i) => Some(&i.table),
            Exercise::Data(d) => d.result.as_deref(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// The step's text, Markdown, with the exercise block removed.
    pub body: String,
    pub exercise: Exercise,
    /// Line of the step heading in its lesson file, or row of its workbook.
    pub line: usize,
    /// Where the step was written.
    #[serde(skip)]
    pub source: StepSource,
}

/// Where a step was written: in its lesson's Markdown file (`Step::line` is the heading's
/// line), or on a row of a questions workbook (`Step::line` is the row).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StepSource {
    #[default]
    Lesson,
    Sheet {
        file: String,
        sheet: String,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Lesson {
    pub id: String,
    pub title: Localized,
    pub file: String,
    pub steps: Vec<Step>,
    /// When the lesson counts as done (front matter `completion`).
    pub completion: Completion,
}

/// A lesson's completion rule: every step (`completion = "all"`, the default) or at least
/// `m` of its `n` steps (`completion = { min = 3 }`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CompletionRaw", into = "CompletionRaw")]
pub enum Completion {
    #[default]
    All,
    Min(usize),
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum CompletionRaw {
    Word(String),
    Min { min: usize },
}

impl TryFrom<CompletionRaw> for Completion {
    type Error = String;
    fn try_from(raw: CompletionRaw) -> Result<Completion, String> {
        match raw {
            CompletionRaw::Word(w) if w == "all" => Ok(Completion::All),
            CompletionRaw::Word(w) => Err(format!(
                "completion is \"all\" or {{ min = N }}, not \"{w}\""
            )),
            CompletionRaw::Min { min } => Ok(Completion::Min(min)),
        }
    }
}

impl From<Completion> for CompletionRaw {
    fn from(c: Completion) -> CompletionRaw {
        match c {
            Completion::All => CompletionRaw::Word("all".into()),
            Completion::Min(min) => CompletionRaw::Min { min },
        }
    }
}

impl Completion {
    /// Steps that must be done, out of `total`.
    pub fn required(self, total: usize) -> usize {
        match self {
            Completion::All => total,
            Completion::Min(m) => m.min(total),
        }
    }
}

impl Lesson {
    pub fn step(&self, id: &str) -> Option<(usize, &Step)> {
        self.steps.iter().enumerate().find(|(_, s)| s.id == id)
    }
}
