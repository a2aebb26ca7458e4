//! What a caller chooses and gets back: [`ImportOptions`], the [`Progress`] of a long
//! import, its [`ImportReport`], a [`Preview`], and the size limits.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::i18n::Lang;

use super::{ColumnInfo, ColumnType};

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
    /// The language of the warnings and of the descriptions in errors (French by default).
    /// The warnings are stored with the table as they are: in the language of the import.
    pub lang: Lang,
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
    /// Sentences for the trainee, in [`ImportOptions::lang`].
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
    /// Sentences about what was found, in [`ImportOptions::lang`] (the same as the
    /// import's warnings).
    pub warnings: Vec<String>,
}

/// The size limit that was exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Cells of a worksheet.
    Cells,
    /// Fields in one row of a text file.
    Columns,
    /// Columns of the table to write ([`MAX_TABLE_COLUMNS`]).
    TableColumns,
}

/// Largest worksheet read, in cells (rows × columns of the used area).
pub const MAX_SHEET_CELLS: u64 = 2_000_000;
/// Most fields accepted in one row of a text file.
pub const MAX_CSV_COLUMNS: usize = 10_000;
/// Most columns in one table: SQLite's default `SQLITE_MAX_COLUMN`.
pub const MAX_TABLE_COLUMNS: usize = 2_000;
/// Rows in a [`Preview`].
pub const PREVIEW_ROWS: usize = 20;
