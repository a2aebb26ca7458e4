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
//!   consistency outside quotes. Rows are streamed once, through reused buffers: a
//!   parsing thread reads them, a second observes and converts them, while the calling
//!   thread inserts them (`stream`: types decided on a sample, checked against the
//!   whole file, the rows written again in the rare case it decides otherwise); memory
//!   stays bounded.
//! - **Compressed files**: a `.gz` file, or a `.zip` holding one file (what macOS adds
//!   ignored), is decompressed in memory, at most [`MAX_UNPACKED_BYTES`] and a ratio of
//!   [`MAX_RATIO`] (as pack files), and the file inside read, with a warning; a zip of
//!   several files is [`ArchiveProblem::SeveralFiles`], a bomb [`ArchiveProblem::TooLarge`].
//! - **Workbooks**: the first visible worksheet that has data (a warning names it when
//!   empty sheets were passed over) unless [`ImportOptions::sheet`]; sheets over
//!   [`MAX_SHEET_CELLS`] cells are refused, counted on the real cells as they stream in
//!   (a declared dimension such as `A1:XFD1048576` is only a hint). XLSX and XLSB rows
//!   are streamed from calamine's cell reader during the import (`sheetstream`); XLS and
//!   ODS sheets are loaded whole first.
//! - **Width**: a table of more than [`MAX_TABLE_COLUMNS`] columns (SQLite's limit) is
//!   refused with [`Limit::TableColumns`], in the user's language.
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
//! Warnings are sentences for the trainee from the message catalog (`import-*` keys of
//! `src/i18n/ftl/<lang>/import.ftl`), in the language of [`ImportOptions::lang`] (French
//! by default; the workshop passes its own), and stored with the table in that language.
//! Errors have a stable [`ImportError::code`] and a message in any language
//! ([`ImportError::message`]).
//!
//! Where each job is: `options` (what a caller chooses and gets back), `error`
//! ([`ImportError`]), `archive` (compressed files), `detect` (format detection, the file
//! opened for reading), `text` and `sheet` (rows of a text file, of a workbook;
//! `sheetstream`: a workbook's rows as they are read), `analyze` (the first pass: header,
//! HXL row, names and types), `infer` (cell values, type inference, column names),
//! `kobo` and [`hxl`] (KoboToolbox exports, HXL hashtag rows), `pipeline` (preview and
//! import, progress), `stream` (the import's one pass on three threads: parsing,
//! observing and converting, inserting), `db` (the table written in one transaction).

mod analyze;
mod archive;
mod db;
mod detect;
mod error;
pub mod hxl;
mod infer;
mod kobo;
mod options;
mod pipeline;
mod sheet;
mod sheetstream;
mod stream;
mod text;

#[cfg(test)]
mod tests;

use std::path::Path;

use infer::RawCell;

pub use crate::store::tables::{ColumnInfo, ColumnType};
pub use archive::{MAX_RATIO, MAX_UNPACKED_BYTES};
pub use detect::{EXTENSIONS, PICK_EXTENSIONS};
pub use error::{ArchiveProblem, ImportError};
pub use options::{
    ImportOptions, ImportReport, Limit, PackOrigin, Phase, Preview, Progress, MAX_CSV_COLUMNS,
    MAX_SHEET_CELLS, MAX_TABLE_COLUMNS, PREVIEW_ROWS, PROGRESS_INTERVAL,
};

pub(crate) use detect::Source;
use pipeline::{import_source, preview_source};

/// A row: 1-based row number (sheet row, or record number) and its cells.
pub(crate) type Row = (usize, Vec<RawCell>);

/// Receives each row: its 1-based number, its cells, and the share of the
/// source read so far (0.0 to 1.0).
pub(crate) type RowVisitor<'f> = dyn FnMut(usize, &[RawCell], f64) -> Result<(), ImportError> + 'f;

/// Something whose rows can be read, possibly several times.
pub(crate) trait RowSource: Send + Sync {
    /// Calls `f` with every row, in order; stops at the first error.
    fn for_each_row(&self, f: &mut RowVisitor<'_>) -> Result<(), ImportError>;

    /// True when a pass failed only because the source must be read another way: the
    /// pass is to be run again (see `sheetstream`).
    fn restart(&self) -> bool {
        false
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
