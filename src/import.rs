//! Spreadsheets and CSV files into typed workspace tables.
//!
//! Trainees bring files on USB sticks: CSV exported by Excel in French
//! (`;`, decimal commas, Windows-1252), KoboToolbox exports, XLSX/XLS/ODS
//! workbooks with a title above the table. This module turns such a file into
//! an SQLite table of the workspace database, plus a row in
//! `workspace_tables` describing it.
//!
//! - [`preview_file`]: what an import would do (format, encoding, delimiter,
//!   sheet, header row, columns and their types, first 20 rows), without writing.
//!   [`preview_bytes`] does the same for bytes in memory (a file shipped in a pack).
//! - [`import_file`] / [`import_bytes`]: the import itself, in one transaction.
//! - [`import_file_with_progress`]: the same, reporting [`Progress`] (phase
//!   reading → inferring → writing, rows, estimated overall fraction) at most
//!   every [`PROGRESS_INTERVAL`], and once with fraction 1.0 after the commit.
//!
//! How a file is read:
//! - **Format** from the extension *and* the first bytes: a workbook renamed
//!   `.csv` is read as a workbook, a text file renamed `.xls` as CSV (with a
//!   warning), a PDF or a `.numbers` file is refused with
//!   [`ImportError::UnsupportedFormat`]. Calamine runs under `catch_unwind`.
//! - **Text files**: encoding from the BOM (UTF-8, UTF-16 LE/BE), else UTF-8
//!   if valid, else Windows-1252; delimiter among `,` `;` tab `|` by count
//!   consistency outside quotes. Rows are streamed twice (type inference,
//!   then insertion), through reused buffers; memory stays bounded.
//! - **Workbooks**: the first visible worksheet unless
//!   [`ImportOptions::sheet`]; sheets over [`MAX_SHEET_CELLS`] cells are
//!   refused, before loading for XLSX/XLSB (declared dimensions).
//! - **Header row**: [`ImportOptions::header_row`] (1-based: the sheet row
//!   number, or the record number of a text file) or the first row — after
//!   title rows — whose cells are mostly words and that is followed by data.
//!   [`Preview::header_row`] is 0 when no header was found (columns are then
//!   `colonne_1`, `colonne_2`…).
//! - **Columns**: `label` is the header text, `name` a snake_case ASCII
//!   identifier ("Année" → `annee`, "group/question" → `group_question`),
//!   unique, never an SQL keyword nor starting with a digit (`col_` prefix).
//!   Columns with no header and no value are dropped; rows with no value are
//!   skipped.
//! - **Types**: integer, number (French and English notations, `%`, FCFA),
//!   boolean (oui/non, vrai/faux, yes/no, true/false), date (ISO or day
//!   first), datetime, else text. A type is kept when ≥ 95% of the
//!   non-missing values fit; the others are stored as their text, with a
//!   warning. Missing markers (`NA`, `N/A`, `n/d`, `-`, `..`, `…`) become NULL;
//!   [`ImportOptions::missing_values`] replaces that list (Table Schema
//!   `missingValues`). [`ImportOptions::types`] imposes a column's type (by
//!   name or label); values that do not fit are kept as text, with a warning.
//!   Booleans also accept `1`/`0`, but a column of 0/1 alone stays integer
//!   (ties go to the integer type), except for choice columns (below).
//! - **Workbook dates**: calamine applies the workbook's date system (1900,
//!   or 1904 when `workbookPr date1904` is set): same serial, dates 1462 days
//!   apart; tested with a workbook whose `workbook.xml` is patched.
//! - **KoboToolbox / ODK exports** (header with `_uuid` or
//!   `_submission_time`, or both `_id` and `_index`):
//!   - `group/question` → `question` (the last path segment), or
//!     `group_question` when two questions share that last segment;
//!   - metadata columns `_id`, `_uuid`, `_submission_time`, `_index`,
//!     `_validation_status`, `__version__`… → `kobo_id`, `kobo_uuid`,
//!     `kobo_submission_time` (a datetime), `kobo_index`… (never clash with
//!     a question, never an SQL keyword, grouped together in a listing);
//!   - a warning says the file was recognised as a Kobo export.
//! - **Choice columns**, in any file: a column `P/choice` next to a column `P` is one choice of a
//!   `select_multiple` question: it is named `<name of P>__choice` (double
//!   `_` so that it cannot be confused with a question name) and, when all
//!   its values are 0/1 (or oui/non…), typed **boolean**: it is a yes/no
//!   answer, shown as such, and still stored as INTEGER 0/1 so that `SUM`
//!   counts the respondents who chose it and `AVG` gives their share; an
//!   empty cell (question not asked) is NULL, not "no".
//! - **HXL hashtag rows** (HDX datasets, Ushahidi exports): a row of `#tag+attribute`
//!   cells right under the header ([`hxl::hashtag_row`] says when a row is one: a data
//!   row holding a tweet's `#Tchad` is not) is skipped, not data; each column keeps its
//!   tag as [`ColumnInfo::hxl`], types come from the data rows only, and a warning says
//!   which row it was ([`Preview::hxl_row`]). A file whose first row is the hashtag row
//!   (no label row) gets its column names from the tags (`#adm1+name` → `adm1_name`).
//! - **Labels** keep the header text (`menage/sources_eau/puits`).
//! - **SQLite**: INTEGER, REAL, INTEGER 0/1 for booleans, ISO TEXT for dates
//!   (`YYYY-MM-DD`) and datetimes (`YYYY-MM-DD HH:MM:SS`), TEXT. Identifiers
//!   are quoted, values bound as parameters of one prepared statement, each
//!   cell bound directly; the page cache is raised to 32 MiB during the
//!   import and restored after. The connection's `synchronous` setting is
//!   not touched: with the app's `FULL`, the committed import is durable.
//!   See `BENCHMARKS.md` for the figures.
//!
//! Warnings are in French (they are shown to trainees as they are); errors
//! have a stable [`ImportError::code`] and French/English messages.

mod db;
pub mod hxl;
mod infer;
mod kobo;
mod sheet;
mod text;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::i18n::Lang;
use crate::tr;
use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use infer::{ColumnStats, Converted, Missing, RawCell, Typed};
use sheet::WorkbookKind;

pub use crate::store::tables::{ColumnInfo, ColumnType};

/// Choices for a preview or an import. The default reads the first sheet,
/// detects the header and names the table after the file.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Sheet of a workbook (ignored for text files).
    pub sheet: Option<String>,
    /// Table name; derived from the file name when `None`.
    pub table: Option<String>,
    /// 1-based header row (sheet row number, or record number in a text file).
    pub header_row: Option<usize>,
    /// Replace an existing imported table of the same name.
    pub replace: bool,
    /// Types chosen by the user, keyed by column name (`population_2009`)
    /// or header label (`Population 2009`); they win over inference. Values
    /// that do not fit are kept as their text, with a warning. A key that
    /// matches no column gives a warning. Empty: every type is inferred.
    pub types: BTreeMap<String, ColumnType>,
    /// Texts meaning "no value" (Table Schema `missingValues`), compared
    /// exactly after trimming; they replace the default list (`NA`, `N/A`,
    /// `#N/A`, `n/d`, `-`, `--`, `..`, `...`, `…`, any case). Blank cells
    /// are always missing. `None`: the default list.
    pub missing_values: Option<Vec<String>>,
    /// When a pack makes the table (an import step): recorded in `pack_datasets` in the
    /// import's own transaction, so the table's origin is known for sure.
    pub origin: Option<PackOrigin>,
}

/// The pack content a table is made from, as recorded in `pack_datasets`: the row's
/// `loaded_at` is the table's `imported_at`, so a later import of the same name by someone
/// else is told apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackOrigin {
    pub pack_id: String,
    /// The `pack_datasets.resource` key (`import:<lesson>/<step>` for import steps).
    pub resource: String,
    pub content_hash: String,
}

/// The stage of an import, in the order they come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Opening the file: format, encoding and delimiter of a text file;
    /// loading the sheet of a workbook.
    Reading,
    /// First pass over the rows: header and column types.
    Inferring,
    /// Second pass: rows written to the database, then the commit.
    Writing,
}

/// Where a long import is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Progress {
    pub phase: Phase,
    /// Rows handled so far in this phase (sheet rows read, rows analysed,
    /// rows written).
    pub rows: u64,
    /// Estimated share of the whole import done, from 0.0 to 1.0, never
    /// decreasing; 1.0 only once the table is committed. `None` when there
    /// is no estimate (an XLS or ODS sheet being loaded).
    pub fraction: Option<f64>,
}

/// Least time between two progress reports within a phase.
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(50);

/// The outcome of an import.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportReport {
    pub table: String,
    pub rows: u64,
    pub columns: Vec<ColumnInfo>,
    /// French sentences for the trainee.
    pub warnings: Vec<String>,
}

/// What an import would produce.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Preview {
    /// "csv" for delimited text, else "xlsx", "xlsb", "xls" or "ods".
    pub format: String,
    /// Text files: "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252".
    pub encoding: Option<String>,
    /// Text files: the delimiter character (";", ",", "\t" or "|").
    pub delimiter: Option<String>,
    /// Workbooks: the sheet read.
    pub sheet: Option<String>,
    /// Workbooks: all worksheet names.
    pub sheets: Vec<String>,
    /// 1-based header row; 0 when there is none.
    pub header_row: usize,
    /// 1-based row of HXL hashtags (skipped, kept as the columns' `hxl`); 0 when there is
    /// none. Equal to `header_row` when the file has no label row above its hashtags.
    pub hxl_row: usize,
    pub columns: Vec<ColumnInfo>,
    /// The first 20 data rows, typed as they would be stored.
    pub rows: Vec<Vec<serde_json::Value>>,
    /// French sentences about what was found (the same as the import's warnings).
    pub warnings: Vec<String>,
}

/// The size limit that was exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Cells of a worksheet.
    Cells,
    /// Fields in one row of a text file.
    Columns,
}

/// Largest worksheet read, in cells (rows × columns of the used area).
pub const MAX_SHEET_CELLS: u64 = 2_000_000;
/// Most fields accepted in one row of a text file.
pub const MAX_CSV_COLUMNS: usize = 10_000;
/// Rows in a [`Preview`].
pub const PREVIEW_ROWS: usize = 20;
/// Non-empty rows looked at to find the header.
const HEADER_SCAN_ROWS: usize = 50;

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
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
}

impl ImportError {
    /// Stable code, e.g. `import.not_found`, for translations and logs.
    pub fn code(&self) -> &'static str {
        match self {
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
            ImportError::Io(_) => "import.io",
            ImportError::Db(_) => "import.db",
        }
    }

    /// The message for the trainee in `lang`, saying what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        let code = self.code().replace('.', "-");
        let key = format!("error-{code}");
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
                };
                tr!(lang, key, found = numbers(*found), max = numbers(*max))
            }
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

/// A row: 1-based row number (sheet row, or record number) and its cells.
pub(crate) type Row = (usize, Vec<RawCell>);

/// Receives each row: its 1-based number, its cells, and the share of the
/// source read so far (0.0 to 1.0).
pub(crate) type RowVisitor<'f> = dyn FnMut(usize, &[RawCell], f64) -> Result<(), ImportError> + 'f;

/// Something whose rows can be read, possibly several times.
pub(crate) trait RowSource {
    /// Calls `f` with every row, in order; stops at the first error.
    fn for_each_row(&self, f: &mut RowVisitor<'_>) -> Result<(), ImportError>;
}

/// Throttles progress reports: at most one per [`PROGRESS_INTERVAL`] within
/// a phase (the clock is looked at every 256 rows), always one when a phase
/// starts and one at the end. Fractions never go down.
struct Reporter<'f> {
    f: &'f mut dyn FnMut(&Progress),
    last: Instant,
    calls: u32,
    fraction: f64,
}

impl<'f> Reporter<'f> {
    fn new(f: &'f mut dyn FnMut(&Progress)) -> Self {
        Reporter {
            f,
            last: Instant::now(),
            calls: 0,
            fraction: 0.0,
        }
    }

    fn emit(&mut self, phase: Phase, rows: u64, fraction: Option<f64>) {
        let fraction = fraction.map(|x| {
            let x = if x.is_finite() {
                x.clamp(0.0, 1.0)
            } else {
                0.0
            };
            self.fraction = self.fraction.max(x);
            self.fraction
        });
        self.last = Instant::now();
        (self.f)(&Progress {
            phase,
            rows,
            fraction,
        });
    }

    /// A report, unless the previous one is too recent.
    fn maybe(&mut self, phase: Phase, rows: u64, fraction: Option<f64>) {
        if self.last.elapsed() >= PROGRESS_INTERVAL {
            self.emit(phase, rows, fraction);
        }
    }

    /// A report that may be skipped when the previous one is too recent.
    fn tick(&mut self, phase: Phase, rows: u64, fraction: Option<f64>) {
        self.calls = self.calls.wrapping_add(1);
        if self.calls.is_multiple_of(256) && self.last.elapsed() >= PROGRESS_INTERVAL {
            self.emit(phase, rows, fraction);
        }
    }
}

/// Shares of the whole import given to each phase: (start of inferring,
/// start of writing). Rough, from the benchmark.
const WORKBOOK_SPLIT: (f64, f64) = (0.5, 0.6);
const TEXT_SPLIT: (f64, f64) = (0.05, 0.45);

/// Where the bytes come from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source<'a> {
    File(&'a Path),
    Bytes(&'a [u8]),
}

impl<'a> Source<'a> {
    pub(crate) fn open(&self) -> Result<Box<dyn Read + 'a>, ImportError> {
        match *self {
            Source::File(p) => Ok(Box::new(BufReader::new(open_file(p)?))),
            Source::Bytes(b) => Ok(Box::new(b)),
        }
    }

    /// The length in bytes.
    pub(crate) fn len(&self) -> Result<u64, ImportError> {
        match *self {
            Source::File(p) => Ok(open_file(p)?.metadata()?.len()),
            Source::Bytes(b) => Ok(b.len() as u64),
        }
    }

    /// The first `n` bytes (fewer if the content is shorter).
    fn head(&self, n: usize) -> Result<Vec<u8>, ImportError> {
        let mut out = Vec::with_capacity(n);
        self.open()?.take(n as u64).read_to_end(&mut out)?;
        Ok(out)
    }
}

fn open_file(p: &Path) -> Result<File, ImportError> {
    File::open(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ImportError::NotFound(p.to_path_buf()),
        _ => ImportError::Io(e),
    })
}

/// What the first bytes and the extension say.
enum Detected {
    Text,
    Workbook(Vec<WorkbookKind>),
}

const TEXT_EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "tab"];
const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];
/// Every file extension import reads (for file dialogs).
pub const EXTENSIONS: &[&str] = &[
    "csv", "tsv", "txt", "tab", "xlsx", "xlsm", "xlsb", "xls", "ods",
];

fn extension(file_name: &str) -> String {
    Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn looks_like_text(head: &[u8]) -> bool {
    if encoding_rs::Encoding::for_bom(head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    // No NUL at all, and almost no control characters.
    !head.contains(&0) && controls * 100 <= head.len()
}

fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

fn detect(
    file_name: &str,
    head: &[u8],
    warnings: &mut Vec<String>,
) -> Result<Detected, ImportError> {
    use WorkbookKind::{Ods, Xls, Xlsb, Xlsx};
    let ext = extension(file_name);
    if head.is_empty() {
        return Err(ImportError::Empty);
    }
    if ext == "numbers" {
        return Err(ImportError::UnsupportedFormat("Apple Numbers".into()));
    }
    let is_workbook_ext = WORKBOOK_EXTENSIONS.contains(&ext.as_str());
    let shown = Path::new(file_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let magic: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "image PNG"),
        (b"\xFF\xD8\xFF", "image JPEG"),
        (b"GIF8", "image GIF"),
        (b"Rar!", "archive RAR"),
        (b"7z\xBC\xAF\x27\x1C", "archive 7-Zip"),
        (b"\x1F\x8B", "archive gzip"),
        (b"{\\rtf", "document RTF"),
    ];
    for (sig, what) in magic {
        if head.starts_with(sig) {
            return Err(ImportError::UnsupportedFormat((*what).to_string()));
        }
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        let kinds = match ext.as_str() {
            "xlsb" => vec![Xlsb, Xlsx, Ods],
            "ods" => vec![Ods, Xlsx, Xlsb],
            _ => vec![Xlsx, Ods, Xlsb],
        };
        if !is_workbook_ext {
            warnings.push(format!(
                "Le fichier « {shown} » est en réalité un classeur : il est lu comme tel."
            ));
        }
        return Ok(Detected::Workbook(kinds));
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        let kinds = match ext.as_str() {
            // An encrypted XLSX/XLSB is a compound file too.
            "xlsx" | "xlsm" => vec![Xlsx, Xls],
            "xlsb" => vec![Xlsb, Xls],
            _ => vec![Xls, Xlsx],
        };
        if !is_workbook_ext {
            warnings.push(format!(
                "Le fichier « {shown} » est en réalité un classeur : il est lu comme tel."
            ));
        }
        return Ok(Detected::Workbook(kinds));
    }
    if looks_like_text(head) {
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(&head[..0], |p| &head[p..]);
        let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
        if starts_with_ci(start, b"<!doctype html")
            || starts_with_ci(start, b"<html")
            || starts_with_ci(start, b"<table")
        {
            return Err(ImportError::UnsupportedFormat("page web HTML".into()));
        }
        if starts_with_ci(start, b"<?xml") {
            return Err(ImportError::UnsupportedFormat("XML".into()));
        }
        if is_workbook_ext {
            warnings.push(format!(
                "Le fichier « {shown} » porte l'extension .{ext} mais contient du texte : il est lu comme un fichier CSV."
            ));
            return Ok(Detected::Text);
        }
        if ext.is_empty() || TEXT_EXTENSIONS.contains(&ext.as_str()) {
            return Ok(Detected::Text);
        }
        return Err(ImportError::UnsupportedFormat(format!("fichier .{ext}")));
    }
    if is_workbook_ext {
        return Err(ImportError::Unreadable(format!(
            "unrecognised content for .{ext}"
        )));
    }
    Err(ImportError::UnsupportedFormat(if ext.is_empty() {
        "fichier binaire".to_string()
    } else {
        format!("fichier .{ext}")
    }))
}

/// A file ready to be read: its rows and what was learnt about it.
struct Prepared<'a> {
    format: String,
    encoding: Option<&'static encoding_rs::Encoding>,
    delimiter: Option<u8>,
    sheet: Option<String>,
    sheets: Vec<String>,
    /// Shares of the import given to the phases, see [`WORKBOOK_SPLIT`].
    split: (f64, f64),
    source: Box<dyn RowSource + 'a>,
    warnings: Vec<String>,
}

fn prepare<'a>(
    src: Source<'a>,
    file_name: &str,
    opts: &ImportOptions,
    reporter: &mut Reporter<'_>,
) -> Result<Prepared<'a>, ImportError> {
    let mut warnings = Vec::new();
    let head = src.head(8192)?;
    match detect(file_name, &head, &mut warnings)? {
        Detected::Text => {
            let encoding = text::detect_encoding(&src)?;
            if encoding == encoding_rs::WINDOWS_1252 {
                warnings.push(
                    "Le fichier n'est pas en UTF-8 : il a été lu en Windows-1252 (l'encodage d'Excel sous Windows). Vérifiez les accents."
                        .to_string(),
                );
            }
            let delimiter = text::sniff_delimiter(&src, encoding, extension(file_name) == "tsv")?;
            if opts.sheet.is_some() {
                warnings.push(
                    "Un fichier texte n'a pas de feuilles : le choix de feuille est ignoré."
                        .to_string(),
                );
            }
            Ok(Prepared {
                format: "csv".to_string(),
                encoding: Some(encoding),
                delimiter: Some(delimiter),
                sheet: None,
                sheets: Vec::new(),
                split: TEXT_SPLIT,
                source: Box::new(text::CsvSource {
                    src,
                    encoding,
                    delimiter,
                }),
                warnings,
            })
        }
        Detected::Workbook(kinds) => {
            let requested = opts.sheet.as_deref();
            let mut on_load = |rows: u64, share: Option<f64>| {
                reporter.maybe(Phase::Reading, rows, share.map(|x| x * WORKBOOK_SPLIT.0));
            };
            let loaded = match src {
                Source::File(p) => sheet::load(
                    || Ok(BufReader::new(open_file(p)?)),
                    &kinds,
                    requested,
                    &mut on_load,
                ),
                Source::Bytes(b) => {
                    sheet::load(|| Ok(Cursor::new(b)), &kinds, requested, &mut on_load)
                }
            };
            let loaded = match loaded {
                // A zip or compound file that is no workbook at all (.docx, .doc…).
                Err(ImportError::Unreadable(_))
                    if !WORKBOOK_EXTENSIONS.contains(&extension(file_name).as_str()) =>
                {
                    return Err(ImportError::UnsupportedFormat(
                        "archive ou document qui n'est pas un classeur".into(),
                    ))
                }
                other => other?,
            };
            if requested.is_none() && loaded.sheets.len() > 1 {
                warnings.push(format!(
                    "Le classeur contient {} feuilles ; seule la feuille « {} » est lue. Choisissez une autre feuille si besoin.",
                    loaded.sheets.len(),
                    loaded.sheet
                ));
            }
            let format = match loaded.kind {
                WorkbookKind::Xlsx => "xlsx",
                WorkbookKind::Xlsb => "xlsb",
                WorkbookKind::Xls => "xls",
                WorkbookKind::Ods => "ods",
            };
            Ok(Prepared {
                format: format.to_string(),
                encoding: None,
                delimiter: None,
                sheet: Some(loaded.sheet),
                sheets: loaded.sheets,
                split: WORKBOOK_SPLIT,
                source: Box::new(loaded.grid),
                warnings,
            })
        }
    }
}

/// The result of the first pass.
struct Analysis {
    /// 1-based header row number; 0 when there is no header.
    header_row: usize,
    /// 1-based row of the HXL hashtags (not data); 0 when there is none.
    hxl_row: usize,
    /// Index in the row's cells of each kept column.
    kept: Vec<usize>,
    columns: Vec<ColumnInfo>,
    /// Per kept column: dots group thousands ("2.000" is 2000).
    dot_thousands: Vec<bool>,
    /// Non-blank data rows.
    rows: u64,
    /// First data rows, full width.
    preview: Vec<Vec<RawCell>>,
    warnings: Vec<String>,
}

fn is_blank_row(cells: &[RawCell]) -> bool {
    cells.iter().all(RawCell::is_blank)
}

fn is_year_like(cell: &RawCell) -> bool {
    let v = match cell {
        RawCell::Int(i) => *i as f64,
        RawCell::Float(f) => *f,
        RawCell::Text(s) => match infer::parse_number(s).and_then(|n| n.int) {
            Some(i) => i as f64,
            None => return false,
        },
        _ => return false,
    };
    v.fract() == 0.0 && (1800.0..=2100.0).contains(&v)
}

/// Index of the header among the first non-empty rows: the first row wide
/// enough (title rows are narrow) whose cells are mostly words (years count
/// as labels, as in "Région | 2009 | 2019"), preferably followed by a row.
fn detect_header(rows: &[Row]) -> Option<usize> {
    let widths: Vec<usize> = rows
        .iter()
        .map(|(_, cells)| cells.iter().filter(|c| !c.is_blank()).count())
        .collect();
    let max_width = widths.iter().copied().max().unwrap_or(0);
    if max_width == 0 {
        return None;
    }
    let min_width = if max_width >= 2 {
        max_width.div_ceil(2).max(2)
    } else {
        1
    };
    let qualifies = |i: usize| {
        let cells = &rows[i].1;
        let words = cells.iter().filter(|c| c.is_wordy()).count();
        let years = cells.iter().filter(|c| is_year_like(c)).count();
        widths[i] >= min_width && words >= 1 && (words + years) * 2 > widths[i]
    };
    (0..rows.len())
        .find(|&i| qualifies(i) && i + 1 < rows.len())
        .or_else(|| (0..rows.len()).find(|&i| qualifies(i)))
}

/// Per-column statistics and the first rows of the first pass.
#[derive(Default)]
struct Observer {
    stats: Vec<ColumnStats>,
    rows: u64,
    preview: Vec<Vec<RawCell>>,
}

impl Observer {
    fn observe(&mut self, cells: &[RawCell], missing: &Missing) {
        if is_blank_row(cells) {
            return;
        }
        if self.stats.len() < cells.len() {
            self.stats.resize(cells.len(), ColumnStats::default());
        }
        for (stat, cell) in self.stats.iter_mut().zip(cells) {
            stat.observe(cell, missing);
        }
        self.rows += 1;
        if self.preview.len() < PREVIEW_ROWS {
            self.preview.push(cells.to_vec());
        }
    }
}

/// An HXL hashtag row (see [`hxl`]) found under the header, or being the header.
struct HxlRow {
    /// 1-based row number.
    row: usize,
    /// Per cell of the row: its tag, normalised (`#adm1+name`).
    tags: Vec<Option<String>>,
    /// No label row above it: the hashtag row is the header, columns are named after tags.
    only: bool,
}

/// What the first rows say: the header, the rows skipped above it, the HXL row.
#[derive(Default)]
struct Layout {
    header: Option<Row>,
    skipped: usize,
    hxl: Option<HxlRow>,
}

fn texts(cells: &[RawCell]) -> Vec<String> {
    cells.iter().map(RawCell::display).collect()
}

/// The tags of `cells` when they form an HXL hashtag row, given the rows under it.
fn hxl_tags(cells: &[RawCell], below: &[Row]) -> Option<Vec<Option<String>>> {
    let below: Vec<Vec<String>> = below
        .iter()
        .take(hxl::LOOKAHEAD)
        .map(|(_, c)| texts(c))
        .collect();
    hxl::hashtag_row(&texts(cells), &below)
}

/// Decides the layout from the first non-blank rows (`rows`: from the top when the header
/// is detected, else the rows under the requested header `fixed`); the data rows among
/// them go to `obs`.
fn settle(
    explicit: bool,
    fixed: Option<Row>,
    rows: Vec<Row>,
    obs: &mut Observer,
    missing: &Missing,
) -> Layout {
    let mut layout = Layout::default();
    let data_from = if explicit {
        let tags = fixed
            .as_ref()
            .filter(|(_, cells)| !is_blank_row(cells))
            .and_then(|(_, cells)| hxl_tags(cells, &rows));
        let from = match (tags, &fixed) {
            (Some(tags), Some((n, _))) => {
                layout.hxl = Some(HxlRow {
                    row: *n,
                    tags,
                    only: true,
                });
                0
            }
            _ => match rows
                .first()
                .and_then(|(n, c)| Some((*n, hxl_tags(c, &rows[1..])?)))
            {
                Some((row, tags)) => {
                    layout.hxl = Some(HxlRow {
                        row,
                        tags,
                        only: false,
                    });
                    1
                }
                None => 0,
            },
        };
        layout.header = fixed;
        from
    } else {
        match detect_header(&rows) {
            None => 0,
            Some(i) => {
                layout.skipped = i;
                layout.header = rows.get(i).cloned();
                if let Some(tags) = hxl_tags(&rows[i].1, &rows[i + 1..]) {
                    layout.hxl = Some(HxlRow {
                        row: rows[i].0,
                        tags,
                        only: true,
                    });
                    i + 1
                } else if let Some((row, tags)) = rows
                    .get(i + 1)
                    .and_then(|(n, c)| Some((*n, hxl_tags(c, &rows[i + 2..])?)))
                {
                    layout.hxl = Some(HxlRow {
                        row,
                        tags,
                        only: false,
                    });
                    i + 2
                } else {
                    i + 1
                }
            }
        }
    };
    for (_, cells) in rows.into_iter().skip(data_from) {
        obs.observe(&cells, missing);
    }
    layout
}

/// First pass: finds the header (and an HXL hashtag row), gathers column statistics on the
/// data rows, decides names and types.
fn analyze(
    prepared: &Prepared<'_>,
    opts: &ImportOptions,
    missing: &Missing,
    reporter: &mut Reporter<'_>,
) -> Result<Analysis, ImportError> {
    let header_opt = opts.header_row;
    let (lo, hi) = prepared.split;
    // The requested header row, once read.
    let mut fixed: Option<Row> = None;
    let mut decided = false;
    // The first non-blank rows (detected header), or those under the requested header,
    // kept until the header and the HXL row are known.
    let mut buffer: Vec<Row> = Vec::new();
    let wanted = if header_opt.is_some() {
        hxl::LOOKAHEAD + 1
    } else {
        HEADER_SCAN_ROWS
    };
    let mut layout = Layout::default();
    let mut obs = Observer::default();
    let mut last_row = 0usize;
    let mut seen: u64 = 0;

    reporter.emit(Phase::Inferring, 0, Some(lo));
    prepared.source.for_each_row(&mut |number, cells, share| {
        last_row = number;
        seen += 1;
        reporter.tick(Phase::Inferring, seen, Some(lo + (hi - lo) * share));
        if decided {
            obs.observe(cells, missing);
            return Ok(());
        }
        if let Some(h) = header_opt {
            if fixed.is_none() {
                if number < h {
                    return Ok(());
                }
                if number == h {
                    fixed = Some((number, cells.to_vec()));
                    return Ok(());
                }
                // The requested header row is empty: unnamed columns.
                fixed = Some((h, Vec::new()));
            }
        }
        if is_blank_row(cells) {
            return Ok(());
        }
        buffer.push((number, cells.to_vec()));
        if buffer.len() >= wanted {
            decided = true;
            layout = settle(
                header_opt.is_some(),
                fixed.take(),
                std::mem::take(&mut buffer),
                &mut obs,
                missing,
            );
        }
        Ok(())
    })?;
    if !decided {
        if let (Some(h), None) = (header_opt, &fixed) {
            return Err(ImportError::HeaderRowOutOfRange {
                row: h,
                last: last_row,
            });
        }
        layout = settle(
            header_opt.is_some(),
            fixed.take(),
            std::mem::take(&mut buffer),
            &mut obs,
            missing,
        );
    }
    let Observer {
        stats,
        rows,
        preview,
    } = obs;
    let Layout {
        header,
        skipped,
        hxl: tag_row,
    } = layout;

    let mut warnings = Vec::new();
    let header_row = header.as_ref().map_or(0, |(n, _)| *n);
    let header_cells: Vec<RawCell> = header.map(|(_, c)| c).unwrap_or_default();
    let no_tags = Vec::new();
    let tags = tag_row.as_ref().map_or(&no_tags, |x| &x.tags);
    let only_tags = tag_row.as_ref().is_some_and(|x| x.only);
    let tag_at = |c: usize| tags.get(c).cloned().flatten();
    let width = header_cells.len().max(stats.len()).max(tags.len());
    // The label is the header's text; a column with a tag and no label (or a file with no
    // label row) is labelled by its tag.
    let label_at = |c: usize| {
        let written = header_cells
            .get(c)
            .map(RawCell::display)
            .unwrap_or_default();
        match tag_at(c) {
            Some(tag) if only_tags || written.is_empty() => tag,
            _ => written,
        }
    };
    let kept: Vec<usize> = (0..width)
        .filter(|&c| !label_at(c).is_empty() || stats.get(c).is_some_and(|s| s.has_any))
        .collect();
    if kept.is_empty() {
        return Err(ImportError::Empty);
    }
    if header_row == 0 {
        warnings.push(
            "Aucune ligne d'en-tête reconnue : les colonnes sont nommées colonne_1, colonne_2… Indiquez la ligne d'en-tête si le fichier en a une."
                .to_string(),
        );
    } else if header_opt.is_none() && skipped > 0 {
        warnings.push(format!(
            "{skipped} ligne(s) au-dessus de l'en-tête (titre, notes) ont été ignorées ; l'en-tête est à la ligne {header_row}."
        ));
    }
    if let Some(x) = &tag_row {
        warnings.push(hxl::note(x.row, &x.tags, x.only));
    }
    if header_row != 0 && rows == 0 {
        warnings.push("Aucune ligne de données sous l'en-tête : la table est vide.".to_string());
    }
    let labels: Vec<String> = kept.iter().map(|&c| label_at(c)).collect();
    let layout = kobo::layout(&labels);
    if layout.kobo {
        warnings.push(
            "Export KoboToolbox reconnu : les colonnes « groupe/question » portent le nom de la question, les choix multiples sont des colonnes oui/non « question__choix », et les métadonnées (_id, _uuid, _submission_time…) commencent par « kobo_ »."
                .to_string(),
        );
    }
    let (named, name_warnings) = infer::name_columns(&labels, header_row != 0, &layout.names);
    warnings.extend(name_warnings);
    let empty_stats = ColumnStats::default();
    let stat = |c: usize| stats.get(c).unwrap_or(&empty_stats);
    let mut types: Vec<ColumnType> = kept.iter().map(|&c| stat(c).decide()).collect();
    // select_multiple choices: 0/1 (or oui/non) columns are yes/no answers.
    for (k, &c) in kept.iter().enumerate() {
        if layout.choice.get(k).copied().unwrap_or(false) && stat(c).all_fit(ColumnType::Boolean) {
            types[k] = ColumnType::Boolean;
        }
    }
    // The user's choices win.
    for (k, (name, label)) in named.iter().enumerate() {
        if let Some(ty) = opts.types.get(name).or_else(|| opts.types.get(label)) {
            types[k] = *ty;
        }
    }
    for key in opts.types.keys() {
        if !named.iter().any(|(n, l)| n == key || l == key) {
            warnings.push(format!(
                "Type demandé pour la colonne « {key} » : aucune colonne ne porte ce nom ; la demande est ignorée."
            ));
        }
    }
    for ((&c, ty), (_, label)) in kept.iter().zip(&types).zip(&named) {
        warnings.extend(stat(c).warnings(label, *ty));
    }
    let mut columns = infer::column_infos(&named, &types);
    for (col, &c) in columns.iter_mut().zip(&kept) {
        col.hxl = tag_at(c);
    }
    let dot_thousands = kept.iter().map(|&c| stat(c).dot_thousands()).collect();
    Ok(Analysis {
        header_row,
        hxl_row: tag_row.as_ref().map_or(0, |x| x.row),
        kept,
        columns,
        dot_thousands,
        rows,
        preview,
        warnings,
    })
}

fn project(cells: &[RawCell], analysis: &Analysis, missing: &Missing) -> Vec<Converted> {
    analysis
        .kept
        .iter()
        .zip(&analysis.columns)
        .zip(&analysis.dot_thousands)
        .map(|((&c, col), &dots)| {
            infer::convert(
                cells.get(c).unwrap_or(&RawCell::Empty),
                col.column_type,
                dots,
                missing,
            )
        })
        .collect()
}

fn to_json(v: Converted) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Converted::Null => J::Null,
        Converted::Text(s) => J::String(s),
        Converted::Typed(Typed::Int(i)) => J::from(i),
        Converted::Typed(Typed::Real(f)) => {
            serde_json::Number::from_f64(f).map_or(J::Null, J::Number)
        }
        Converted::Typed(Typed::Bool(b)) => J::Bool(b),
        Converted::Typed(Typed::Date(d)) => J::String(infer::format_date(d)),
        Converted::Typed(Typed::DateTime(dt)) => J::String(infer::format_datetime(dt)),
    }
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads a file and tells what an import would do, without writing anything.
pub fn preview_file(path: &Path, opts: &ImportOptions) -> Result<Preview, ImportError> {
    preview_source(Source::File(path), &file_name_of(path), opts)
}

/// [`preview_file`] for bytes already in memory (a file shipped in a pack); `file_name`
/// gives the format by extension.
pub fn preview_bytes(
    file_name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<Preview, ImportError> {
    let base = file_name_of(Path::new(file_name));
    preview_source(Source::Bytes(bytes), &base, opts)
}

fn preview_source(
    src: Source<'_>,
    file_name: &str,
    opts: &ImportOptions,
) -> Result<Preview, ImportError> {
    let mut ignore = |_: &Progress| {};
    let mut reporter = Reporter::new(&mut ignore);
    let missing = Missing::new(opts.missing_values.as_deref());
    let prepared = prepare(src, file_name, opts, &mut reporter)?;
    let analysis = analyze(&prepared, opts, &missing, &mut reporter)?;
    let rows = analysis
        .preview
        .iter()
        .map(|cells| {
            project(cells, &analysis, &missing)
                .into_iter()
                .map(to_json)
                .collect()
        })
        .collect();
    let mut warnings = prepared.warnings;
    warnings.extend(analysis.warnings);
    Ok(Preview {
        format: prepared.format,
        encoding: prepared.encoding.map(|e| e.name().to_string()),
        delimiter: prepared.delimiter.map(|d| char::from(d).to_string()),
        sheet: prepared.sheet,
        sheets: prepared.sheets,
        header_row: analysis.header_row,
        hxl_row: analysis.hxl_row,
        columns: analysis.columns,
        rows,
        warnings,
    })
}

/// Imports a file into a new table of the workspace database.
pub fn import_file(
    conn: &mut rusqlite::Connection,
    path: &Path,
    opts: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    import_file_with_progress(conn, path, opts, &mut |_| {})
}

/// [`import_file`], telling `on_progress` where it is: phases in order
/// (reading, inferring, writing), at most one report per
/// [`PROGRESS_INTERVAL`] within a phase, and a last report (writing,
/// fraction 1.0) once the table is committed. No report after an error.
pub fn import_file_with_progress(
    conn: &mut rusqlite::Connection,
    path: &Path,
    opts: &ImportOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport, ImportError> {
    import_source(
        conn,
        Source::File(path),
        &file_name_of(path),
        opts,
        on_progress,
    )
}

/// Import from bytes already in memory (used for datasets embedded in the app); `file_name` gives the format by extension.
pub fn import_bytes(
    conn: &mut rusqlite::Connection,
    file_name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    let base = file_name_of(Path::new(file_name));
    import_source(conn, Source::Bytes(bytes), &base, opts, &mut |_| {})
}

fn import_source(
    conn: &mut rusqlite::Connection,
    src: Source<'_>,
    file_name: &str,
    opts: &ImportOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport, ImportError> {
    let table = match &opts.table {
        Some(t) => db::validate_table_name(t)?,
        None => db::derive_table_name(file_name),
    };
    // Fail fast, before reading a large file; checked again in the transaction.
    db::check_target(conn, &table, opts.replace)?;
    let mut reporter = Reporter::new(on_progress);
    reporter.emit(Phase::Reading, 0, Some(0.0));
    let missing = Missing::new(opts.missing_values.as_deref());
    let prepared = prepare(src, file_name, opts, &mut reporter)?;
    let analysis = analyze(&prepared, opts, &missing, &mut reporter)?;
    let mut warnings = prepared.warnings.clone();
    warnings.extend(analysis.warnings.iter().cloned());
    let spec = db::TableSpec {
        table: &table,
        columns: &analysis.columns,
        source_file: file_name,
        sheet: prepared.sheet.as_deref(),
        warnings: &warnings,
        replace: opts.replace,
        origin: opts.origin.as_ref(),
    };
    let start = prepared.split.1;
    // The commit itself is given the last 2%.
    let span = (1.0 - start) * 0.98;
    let total = analysis.rows.max(1) as f64;
    reporter.emit(Phase::Writing, 0, Some(start));
    let rows = db::write_table(conn, &spec, |writer| {
        prepared.source.for_each_row(&mut |number, cells, _| {
            // Title rows, the header, and the HXL row right under it are not data.
            if number <= analysis.header_row.max(analysis.hxl_row) || is_blank_row(cells) {
                return Ok(());
            }
            writer.insert(
                cells,
                &analysis.kept,
                &analysis.columns,
                &analysis.dot_thousands,
                &missing,
            )?;
            let done = writer.rows();
            reporter.tick(
                Phase::Writing,
                done,
                Some(start + span * (done as f64 / total).min(1.0)),
            );
            Ok(())
        })
    })?;
    reporter.emit(Phase::Writing, rows, Some(1.0));
    Ok(ImportReport {
        table,
        rows,
        columns: analysis.columns,
        warnings,
    })
}
