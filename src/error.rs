//! Typed errors of the core. Each has a stable `code` (what the UI and scripts match on)
//! and a message in the user's language; translation happens at the edge through
//! [`Error::message`], never by matching on strings.

use crate::i18n::Lang;
use crate::tr;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    #[error(transparent)]
    Export(#[from] crate::store::export::ExportError),
    #[error(transparent)]
    Pack(#[from] crate::pack::PackError),
    #[error(transparent)]
    PackFile(#[from] crate::pack::packfile::PackFileError),
    #[error(transparent)]
    Progress(#[from] crate::progress::ProgressError),
    #[error(transparent)]
    Chart(#[from] crate::chart::ChartError),
    #[error(transparent)]
    Analysis(#[from] crate::analysis::AnalysisError),
    #[error(transparent)]
    Indicator(#[from] crate::analysis::indicators::IndicatorError),
    #[error(transparent)]
    Task(#[from] crate::lesson::datatask::TaskError),
    #[error(transparent)]
    ImportStep(#[from] crate::lesson::importstep::ImportStepError),
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot use the data directory {path}: {reason}")]
    DataDir { path: String, reason: String },
    #[error("the database was written by a newer DataJam Atelier (schema {found}, this one knows {supported})")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("profile not found: {0}")]
    ProfileNotFound(String),
    #[error("invalid profile name")]
    ProfileNameInvalid,
    #[error("a profile named {0} already exists")]
    ProfileExists(String),
    #[error("pack not found: {0}")]
    PackNotFound(String),
    #[error("pack {0} has no facilitator's guide")]
    PackHasNoGuide(String),
    #[error("lesson not found: {0}")]
    LessonNotFound(String),
    #[error("step not found: {0}")]
    StepNotFound(String),
    #[error("step {step} is a {kind} step")]
    WrongStepKind { step: String, kind: String },
    #[error("table not found: {0}")]
    TableNotFound(String),
    #[error("column not found: {0}")]
    ColumnNotFound(String),
}

impl Error {
    /// A stable, dotted code: `profile.not_found`, `import.empty`, ...
    pub fn code(&self) -> &'static str {
        match self {
            Error::Import(e) => e.code(),
            Error::Export(e) => e.code(),
            Error::Pack(e) => e.code(),
            Error::PackFile(e) => e.code(),
            Error::Progress(e) => e.code(),
            Error::Chart(e) => e.code(),
            Error::Analysis(e) => e.code(),
            Error::Indicator(e) => e.code(),
            Error::Task(e) => e.code(),
            Error::ImportStep(e) => e.code(),
            Error::Db(_) => "store.database",
            Error::Io(_) => "store.io",
            Error::DataDir { .. } => "store.data_dir",
            Error::SchemaTooNew { .. } => "store.schema_too_new",
            Error::ProfileNotFound(_) => "profile.not_found",
            Error::ProfileNameInvalid => "profile.name_invalid",
            Error::ProfileExists(_) => "profile.exists",
            Error::PackNotFound(_) => "pack.not_found",
            Error::PackHasNoGuide(_) => "pack.no_guide",
            Error::LessonNotFound(_) => "lesson.not_found",
            Error::StepNotFound(_) => "step.not_found",
            Error::WrongStepKind { .. } => "step.wrong_kind",
            Error::TableNotFound(_) => "table.not_found",
            Error::ColumnNotFound(_) => "table.column_not_found",
        }
    }

    /// The message for a person, in their language, saying what they can do about it
    /// (the catalog's `error-<code>`, the code's dots as dashes).
    pub fn message(&self, lang: Lang) -> String {
        let key = format!("error-{}", self.code().replace('.', "-"));
        match self {
            Error::Import(e) => e.message(lang),
            Error::Export(e) => e.message(lang),
            Error::Pack(e) => e.message(lang),
            Error::PackFile(e) => e.message(lang),
            Error::Progress(e) => e.message(lang),
            Error::Analysis(e) => e.message(lang),
            Error::Indicator(e) => e.message(lang),
            Error::Task(e) => e.message(lang),
            Error::ImportStep(e) => e.message(lang),
            Error::Chart(e) => e.message(lang),
            Error::Db(e) => tr!(lang, &key, reason = e.to_string()),
            Error::Io(e) => tr!(lang, &key, reason = e.to_string()),
            Error::DataDir { path, reason } => tr!(lang, &key, path = path, reason = reason),
            Error::SchemaTooNew { .. } | Error::ProfileNotFound(_) | Error::ProfileNameInvalid => {
                tr!(lang, &key)
            }
            Error::ProfileExists(name) => tr!(lang, &key, name = name),
            Error::PackNotFound(id)
            | Error::PackHasNoGuide(id)
            | Error::LessonNotFound(id)
            | Error::StepNotFound(id)
            | Error::TableNotFound(id)
            | Error::ColumnNotFound(id)
            | Error::WrongStepKind { step: id, .. } => tr!(lang, &key, id = id),
        }
    }
}
