//! Typed errors of the core. Each has a stable `code` (what the UI and scripts match on)
//! and a message in the user's language; translation happens at the edge through
//! [`Error::message`], never by matching on strings.
//!
//! This module is a leaf: it knows no stage. Each stage's own error type (`ImportError`,
//! `AnalysisError`, ...) implements [`StageError`] where it is defined, and becomes an
//! [`Error::Stage`] through `?`; [`Error::stage`] gives it back typed.

use crate::i18n::Lang;
use crate::tr;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The error of one stage (import, analysis, chart, pack, progress, lesson...).
    #[error("{0}")]
    Stage(Box<dyn StageError>),
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

/// The error of one stage of the core: a stable dotted code and a message in `lang`.
/// Implemented (with [`stage_error!`](crate::stage_error)) next to each error type.
pub trait StageError: std::error::Error + Send + Sync + 'static {
    fn code(&self) -> &'static str;
    fn message(&self, lang: Lang) -> String;
}

/// Makes a stage's error type a [`StageError`]. Written next to the type, with its table of
/// codes, one arm a variant (a guard is allowed):
///
/// ```ignore
/// crate::stage_error!(ChartError {
///     ChartError::Empty => "chart.empty",
///     ChartError::UnknownKind(_) => "chart.unknown_kind",
/// });
/// ```
///
/// It gives the type its inherent `code()` from the table; the type writes its inherent
/// `message(lang)` (most look up [`message_key`] of their code).
#[macro_export]
macro_rules! stage_error {
    ($t:ident { $($pat:pat $(if $guard:expr)? => $code:expr),+ $(,)? }) => {
        impl $t {
            /// A stable, dotted code, for the UI, scripts and logs.
            pub fn code(&self) -> &'static str {
                match self {
                    $($pat $(if $guard)? => $code,)+
                }
            }
        }

        impl $crate::error::StageError for $t {
            fn code(&self) -> &'static str {
                <$t>::code(self)
            }
            fn message(&self, lang: $crate::i18n::Lang) -> String {
                <$t>::message(self, lang)
            }
        }
    };
}

/// The catalog's key of the message of the error coded `code`: `error-<code>`, the code's
/// dots as dashes (`import.not_found` -> `error-import-not_found`).
pub fn message_key(code: &str) -> String {
    format!("error-{}", code.replace('.', "-"))
}

impl<E: StageError> From<E> for Error {
    fn from(e: E) -> Error {
        Error::Stage(Box::new(e))
    }
}

impl Error {
    /// The stage's error of type `E` itself, or this error when it is not one.
    pub fn into_stage<E: StageError>(self) -> std::result::Result<E, Error> {
        if self.stage::<E>().is_none() {
            return Err(self);
        }
        match self {
            Error::Stage(e) => {
                let e: Box<dyn std::error::Error + Send + Sync> = e;
                Ok(*e.downcast::<E>().expect("checked just above"))
            }
            other => Err(other),
        }
    }

    /// The stage's error of type `E`, if this is one.
    pub fn stage<E: StageError>(&self) -> Option<&E> {
        match self {
            Error::Stage(e) => {
                let e: &(dyn std::error::Error + 'static) = &**e;
                e.downcast_ref::<E>()
            }
            _ => None,
        }
    }

    /// A stable, dotted code: `profile.not_found`, `import.empty`, ...
    pub fn code(&self) -> &'static str {
        match self {
            Error::Stage(e) => e.code(),
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
        let key = message_key(self.code());
        match self {
            Error::Stage(e) => e.message(lang),
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
