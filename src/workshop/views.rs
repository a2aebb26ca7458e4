//! What the workshop's calls return, ready to render: profiles, packs, lessons, steps
//! (a [`StepView`] per kind), and the outcome of each action.

use crate::i18n::Lang;
use crate::import::{self, ImportReport};
use crate::lesson::form::{FieldError, Form};
use crate::pack::{AnswerType, Lesson};
use crate::store::tables::TableInfo;
use crate::store::Position;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: &'static str,
    pub data_dir: String,
    pub lang: Lang,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProfileView {
    pub id: String,
    pub name: String,
    pub created_at: String,
    /// Where this trainee was last, to resume there.
    pub resume: Option<Position>,
    /// The profile has a PIN, asked when it is picked.
    pub has_pin: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackSummary {
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: String,
    /// The manifest's authors and licence (the facilitator's desk shows them).
    pub authors: Vec<String>,
    pub licence: String,
    pub builtin: bool,
    /// The pack has a facilitator's guide ([`Workshop::pack_guide`]).
    pub has_guide: bool,
    pub lessons: Vec<LessonSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LessonSummary {
    pub id: String,
    pub title: String,
    pub steps: usize,
    pub done: usize,
    /// Steps to do for the lesson to be done (its completion rule).
    pub required: usize,
    pub status: LessonStatus,
}

/// A lesson's status for a trainee, from its completion rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonStatus {
    Todo,
    InProgress,
    Done,
}

/// The status of a lesson whose steps have these statuses.
pub fn lesson_status(lesson: &Lesson, statuses: &[Status]) -> LessonStatus {
    let done = statuses.iter().filter(|s| **s == Status::Done).count();
    if done >= lesson.completion.required(lesson.steps.len()) {
        LessonStatus::Done
    } else if statuses.iter().any(|s| *s != Status::Todo) {
        LessonStatus::InProgress
    } else {
        LessonStatus::Todo
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StepSummary {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Todo,
    Started,
    /// Skipped without being done: later steps stay usable, the step stays to do.
    Skipped,
    Done,
}

#[derive(Debug, Clone, Serialize)]
pub struct LessonView {
    pub pack_id: String,
    pub pack_title: String,
    pub lesson_id: String,
    pub title: String,
    pub steps: Vec<StepSummary>,
    /// The step to show first: where the trainee was, else the first one.
    pub current: String,
    pub done: usize,
    /// Steps to do for the lesson to be done (its completion rule).
    pub required: usize,
    pub status: LessonStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub answer_type: AnswerType,
    pub choices: Vec<crate::lesson::form::Choice>,
    pub unit: Option<String>,
}

/// A step as the trainee sees it: what every step has, then what its kind has
/// ([`StepBody`]). In JSON the body's fields sit beside the common ones, with `kind`.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub pack_id: String,
    pub lesson_id: String,
    pub id: String,
    pub title: String,
    /// The step's text as sanitised HTML.
    pub html: String,
    /// 1-based position in the lesson, and the number of steps.
    pub index: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub status: Status,
    /// The pack dataset the step shows or works on (question with a table, chart, data
    /// and chart tasks): its sources and licence, for the line under the data.
    pub dataset_info: Option<crate::workshop::datainfo::DatasetInfo>,
    /// Steps that are answered (questions, data and chart tasks, imports): hints shown
    /// and their number, attempts, the last answer and its message.
    pub hints_total: usize,
    /// The hints already shown, in order.
    pub hints: Vec<String>,
    pub attempts: usize,
    pub last_answer: Option<serde_json::Value>,
    /// The message for the last answer ("Bonne réponse !", or the feedback).
    pub last_message: Option<String>,
    pub last_correct: Option<bool>,
    /// Shown once answered correctly or revealed (sanitised HTML).
    pub explanation_html: Option<String>,
    /// True once the trainee asked to see the solution.
    pub revealed: bool,
    /// The reference answer, as the trainee would read it, once revealed.
    pub solution: Option<String>,
    /// What the step's kind shows.
    #[serde(flatten)]
    pub body: StepBody,
}

/// What a step shows that depends on its kind.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepBody {
    Read,
    Question {
        question: QuestionView,
        /// A dataset shown with the question, formatted for reading.
        table: Option<TableView>,
    },
    Collect {
        form: Form,
        min_records: u32,
        records: Vec<serde_json::Map<String, serde_json::Value>>,
    },
    Chart {
        chart_svg: String,
    },
    Reflection {
        /// The last text written, the length needed, the box's hint.
        reflection: Option<String>,
        min_length: usize,
        placeholder: Option<String>,
    },
    /// The table worked on, and the reference once revealed.
    Data {
        data_task: DataTaskView,
    },
    /// The table charted, and the reference once revealed.
    ChartTask {
        chart_task: ChartTaskView,
    },
    /// The file's preview, and the table once imported.
    Import {
        import: ImportStepView,
    },
}

impl StepView {
    /// `read`, `question`, `collect`, `chart`, `reflection`, `data`, `chart_task`, `import`.
    pub fn kind(&self) -> &'static str {
        match self.body {
            StepBody::Read => "read",
            StepBody::Question { .. } => "question",
            StepBody::Collect { .. } => "collect",
            StepBody::Chart { .. } => "chart",
            StepBody::Reflection { .. } => "reflection",
            StepBody::Data { .. } => "data",
            StepBody::ChartTask { .. } => "chart_task",
            StepBody::Import { .. } => "import",
        }
    }

    /// A question step's question.
    pub fn question(&self) -> Option<&QuestionView> {
        match &self.body {
            StepBody::Question { question, .. } => Some(question),
            _ => None,
        }
    }

    /// The table a question step shows.
    pub fn table(&self) -> Option<&TableView> {
        match &self.body {
            StepBody::Question { table, .. } => table.as_ref(),
            _ => None,
        }
    }

    /// A collect step's form.
    pub fn form(&self) -> Option<&Form> {
        match &self.body {
            StepBody::Collect { form, .. } => Some(form),
            _ => None,
        }
    }

    /// A collect step's records of this trainee (none for other kinds).
    pub fn records(&self) -> &[serde_json::Map<String, serde_json::Value>] {
        match &self.body {
            StepBody::Collect { records, .. } => records,
            _ => &[],
        }
    }

    /// A chart step's chart, as SVG.
    pub fn chart_svg(&self) -> Option<&str> {
        match &self.body {
            StepBody::Chart { chart_svg } => Some(chart_svg),
            _ => None,
        }
    }

    /// A reflection step's last text.
    pub fn reflection(&self) -> Option<&str> {
        match &self.body {
            StepBody::Reflection { reflection, .. } => reflection.as_deref(),
            _ => None,
        }
    }

    /// A data-task step's view.
    pub fn data_task(&self) -> Option<&DataTaskView> {
        match &self.body {
            StepBody::Data { data_task } => Some(data_task),
            _ => None,
        }
    }

    /// A chart-task step's view.
    pub fn chart_task(&self) -> Option<&ChartTaskView> {
        match &self.body {
            StepBody::ChartTask { chart_task } => Some(chart_task),
            _ => None,
        }
    }

    /// An import step's view.
    pub fn import(&self) -> Option<&ImportStepView> {
        match &self.body {
            StepBody::Import { import } => Some(import),
            _ => None,
        }
    }
}

/// A table formatted for display: numbers the trainee's way, missing values empty.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub name: String,
    pub columns: Vec<String>,
    /// Per column: true when its values are numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// The table's number of rows (more than `rows` when the view was cut).
    pub total_rows: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerOutcome {
    /// `correct`, `wrong`, or `invalid` (unreadable answer: not saved, not counted).
    pub verdict: &'static str,
    pub message: String,
    /// True once the attempt is committed to disk.
    pub saved: bool,
    /// The id of the committed event, when one was saved.
    pub event_id: Option<String>,
    pub step: StepView,
}

impl AnswerOutcome {
    /// This outcome as a data task's, with the trainee's result.
    pub(super) fn with_result(self, result: Option<crate::analysis::ResultTable>) -> TaskOutcome {
        TaskOutcome {
            verdict: self.verdict,
            message: self.message,
            saved: self.saved,
            event_id: self.event_id,
            result,
            step: self.step,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct HintOutcome {
    /// 1-based number of the hint shown, out of `total`.
    pub index: usize,
    pub total: usize,
    pub text: String,
    pub saved: bool,
    /// The id of the committed event, when one was saved.
    pub event_id: Option<String>,
    pub step: StepView,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordOutcome {
    pub saved: bool,
    /// The id of the committed event, when one was saved.
    pub event_id: Option<String>,
    pub message: String,
    pub errors: Vec<FieldError>,
    pub step: StepView,
}

/// What a data-task step shows besides the common fields.
#[derive(Debug, Clone, Serialize)]
pub struct DataTaskView {
    /// The table the pipeline starts from.
    pub dataset: String,
    /// Its columns, for the pipeline editor; `None` while the table does not exist yet
    /// (it is the result of an earlier step not done yet).
    pub table: Option<TableInfo>,
    /// The table saved when the step is done or skipped.
    pub result: Option<String>,
    /// Row order is checked.
    pub ordered: bool,
    /// The reference pipeline (JSON, as the editor builds it), once revealed.
    pub reference: Option<serde_json::Value>,
    /// The reference's steps as sentences, once revealed.
    pub solution_steps: Vec<String>,
}

/// What a chart-task step shows besides the common fields.
#[derive(Debug, Clone, Serialize)]
pub struct ChartTaskView {
    pub dataset: String,
    /// Its columns, for the chart editor (`None` while the table does not exist yet).
    pub table: Option<TableInfo>,
    /// The reference chart request, once revealed.
    pub reference: Option<serde_json::Value>,
}

/// The outcome of a pipeline submitted to a data task.
#[derive(Debug, Clone, Serialize)]
pub struct TaskOutcome {
    /// `correct`, `wrong`, or `invalid` (the pipeline cannot run: not saved, not counted).
    pub verdict: &'static str,
    pub message: String,
    /// True once the attempt is committed to disk.
    pub saved: bool,
    pub event_id: Option<String>,
    /// The trainee's result: the first rows, and the number of rows in all.
    pub result: Option<crate::analysis::ResultTable>,
    pub step: StepView,
}

/// What an import step shows besides the common fields.
#[derive(Debug, Clone, Serialize)]
pub struct ImportStepView {
    /// The practice file's name (`ushahidi_signalements.csv`) and size in bytes.
    pub file: String,
    pub bytes: u64,
    /// The table it becomes.
    pub table: String,
    /// What the import screen's preview shows for the file (format, encoding, separator,
    /// header row, HXL row, columns with their types and tags, first rows, warnings).
    pub preview: Option<import::Preview>,
    /// Why there is no preview (a pack that was not checked), in the trainee's language.
    pub preview_error: Option<String>,
    /// The table, once this step imported it (on demand counts too).
    pub imported: Option<TableInfo>,
    /// A table of that name exists that this step did not make: it will not be replaced.
    pub taken: bool,
}

/// The outcome of importing an import step's file.
#[derive(Debug, Clone, Serialize)]
pub struct ImportStepOutcome {
    /// The event committed the first time the step is done; `None` when it was already
    /// done (the table is imported again all the same).
    pub event_id: Option<String>,
    pub message: String,
    pub report: ImportReport,
    pub step: StepView,
}
