//! Why a file could not be previewed or imported: [`ImportError`], its stable code and
//! its message for the trainee from the catalog.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::tr;

use super::Limit;

/// Why a file could not be previewed or imported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    #[error("file not found: {}", .0.display())]
    NotFound(PathBuf),
    #[error("the file contains no data")]
    Empty,
    #[error("unsupported file format: {0}")]
    UnsupportedFormat(String),
    #[error("unreadable file (corrupt or truncated): {0}")]
    Unreadable(String),
    #[error("the workbook is password-protected")]
    Encrypted,
    #[error("sheet {name:?} not found (available: {available:?})")]
    SheetNotFound {
        name: String,
        available: Vec<String>,
    },
    #[error("table {0:?} already exists")]
    TableExists(String),
    #[error("invalid or reserved table name {0:?}")]
    InvalidTableName(String),
    #[error("header row {row} is past the last row ({last})")]
    HeaderRowOutOfRange { row: usize, last: usize },
    #[error("too large: {found} {limit:?} (maximum {max})")]
    TooLarge { limit: Limit, found: u64, max: u64 },
    #[error("compressed file: {0:?}")]
    Archive(ArchiveProblem),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
}

/// What is wrong with a compressed file (`.zip`, `.gz`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArchiveProblem {
    /// The archive holds several files (their names): which one is the table?
    SeveralFiles(Vec<String>),
    /// The file (its name) would be too large once decompressed, or decompresses
    /// abnormally (a decompression bomb).
    TooLarge(String),
}

crate::stage_error!(ImportError {
    ImportError::NotFound(_) => "import.not_found",
    ImportError::Empty => "import.empty",
    ImportError::UnsupportedFormat(_) => "import.unsupported_format",
    ImportError::Unreadable(_) => "import.unreadable",
    ImportError::Encrypted => "import.encrypted",
    ImportError::SheetNotFound { .. } => "import.sheet_not_found",
    ImportError::TableExists(_) => "import.table_exists",
    ImportError::InvalidTableName(_) => "import.invalid_table_name",
    ImportError::HeaderRowOutOfRange { .. } => "import.header_row_out_of_range",
    ImportError::TooLarge { .. } => "import.too_large",
    ImportError::Archive(ArchiveProblem::SeveralFiles(_)) => "import.archive_several_files",
    ImportError::Archive(ArchiveProblem::TooLarge(_)) => "import.archive_too_large",
    ImportError::Io(_) => "import.io",
    ImportError::Db(_) => "import.db",
});

impl ImportError {
    /// The message for the trainee in `lang`, saying what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        let key = crate::error::message_key(self.code());
        let numbers = |n: u64| crate::i18n::format_number(lang, n as f64, 0);
        match self {
            ImportError::NotFound(p) => tr!(lang, &key, path = p.display().to_string()),
            ImportError::Empty | ImportError::Unreadable(_) | ImportError::Encrypted => {
                tr!(lang, &key)
            }
            ImportError::UnsupportedFormat(what) => tr!(lang, &key, what = what),
            ImportError::SheetNotFound { name, available } => {
                let available = available
                    .iter()
                    .map(|n| tr!(lang, "quoted", text = n))
                    .collect::<Vec<_>>()
                    .join(", ");
                tr!(lang, &key, name = name, available = available)
            }
            ImportError::TableExists(t) | ImportError::InvalidTableName(t) => {
                tr!(lang, &key, table = t)
            }
            ImportError::HeaderRowOutOfRange { row, last } => {
                tr!(lang, &key, row = row.to_string(), last = last.to_string())
            }
            ImportError::TooLarge { limit, found, max } => {
                let key = match limit {
                    Limit::Cells => "error-import-too_large-cells",
                    Limit::Columns => "error-import-too_large-columns",
                    Limit::TableColumns => "error-import-too_large-table_columns",
                };
                tr!(lang, key, found = numbers(*found), max = numbers(*max))
            }
            ImportError::Archive(ArchiveProblem::SeveralFiles(names)) => {
                let names = names
                    .iter()
                    .take(5)
                    .map(|n| tr!(lang, "quoted", text = n))
                    .collect::<Vec<_>>()
                    .join(", ");
                tr!(lang, &key, names = names)
            }
            ImportError::Archive(ArchiveProblem::TooLarge(name)) => tr!(
                lang,
                &key,
                name = name,
                max = numbers(super::archive::MAX_UNPACKED_BYTES / 1_048_576)
            ),
            ImportError::Io(e) => tr!(lang, &key, reason = e.to_string()),
            ImportError::Db(e) => tr!(lang, &key, reason = e.to_string()),
        }
    }

    /// [`ImportError::message`] in French.
    pub fn message_fr(&self) -> String {
        self.message(Lang::Fr)
    }

    /// [`ImportError::message`] in English.
    pub fn message_en(&self) -> String {
        self.message(Lang::En)
    }
}
