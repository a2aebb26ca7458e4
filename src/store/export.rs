//! Workspace tables out to files: CSV (international or French Excel) and XLSX.
//!
//! - [`ExportFormat::from_path`] picks the format from the extension.
//! - [`export_table`] writes one imported table (see [`crate::store::tables`]); only tables
//!   registered in `workspace_tables` can be exported, never the app's own tables.
//!
//! Formats:
//! - **Csv**: UTF-8 with BOM, `,` separator, `.` decimals, ISO dates (`2009-05-12`),
//!   datetimes `2009-05-12 08:30:00`, booleans `TRUE`/`FALSE`, CRLF line ends.
//! - **CsvFrench**: what Excel in French opens by double-click: UTF-8 with BOM, `;`
//!   separator, decimal comma, no thousands separator, dates `12/05/2009`, datetimes
//!   `12/05/2009 08:30:00`, booleans `VRAI`/`FAUX`.
//! - **Xlsx**: one worksheet named after the table; typed cells (numbers, real Excel
//!   dates shown `dd/mm/yyyy`, booleans, text); a bold, frozen header row; columns
//!   autofitted up to a readable width. Integers of 15 digits or more are written as
//!   text (Excel keeps only 15 significant digits), as are dates outside Excel's
//!   1900–9999 range. Text longer than Excel's 32 767 characters is cut, with a warning.
//!
//! **Formula injection** (OWASP "CSV injection"): in both CSV formats a text cell (and a
//! header label) starting with `=`, `+`, `-`, `@`, a tab or a carriage return is written
//! with a leading `'` ([`defuse_formula`]), so that a spreadsheet shows it instead of
//! running it; numbers are untouched (`-3` stays a number). XLSX cells are typed: a text
//! cell there is never a formula.
//!
//! Values that did not fit their column's type at import (kept as their original
//! text, see [`crate::import`]) are written as that text in every format.
//!
//! **Header**: the original labels (the header text of the imported file) when they are
//! all non-empty and distinct (ignoring case); otherwise the column names
//! (`population_2009`…) for every column, so that the header is never ambiguous.
//!
//! **Never half-written**: the file is written to a temporary file in the target's
//! folder, flushed to disk (`fsync`), then renamed over the target. Any failure removes
//! the temporary file and leaves an existing target untouched.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::types::ValueRef;
use rusqlite::Connection;

use crate::i18n::Lang;
use crate::store::tables::{find_table, quote_ident, TableInfo};
use crate::store::tables::{ColumnInfo, ColumnType};
use crate::tr;

/// A file format a table can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// UTF-8 with BOM, `,` separator, `.` decimals, ISO dates.
    Csv,
    /// UTF-8 with BOM, `;` separator, decimal comma, dates DD/MM/YYYY.
    CsvFrench,
    /// Excel workbook with typed cells.
    Xlsx,
}

impl ExportFormat {
    /// The format for a target file, from its extension (case-insensitive): `.csv` gives
    /// [`ExportFormat::CsvFrench`] when `french` is set, else [`ExportFormat::Csv`];
    /// `.xlsx` gives [`ExportFormat::Xlsx`]; anything else is
    /// [`ExportError::UnsupportedFormat`].
    pub fn from_path(path: &Path, french: bool) -> Result<ExportFormat, ExportError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "csv" if french => Ok(ExportFormat::CsvFrench),
            "csv" => Ok(ExportFormat::Csv),
            "xlsx" => Ok(ExportFormat::Xlsx),
            _ => Err(ExportError::UnsupportedFormat(ext)),
        }
    }

    /// The usual extension of the format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv | ExportFormat::CsvFrench => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// The outcome of an export.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExportReport {
    /// The table exported (its stored name).
    pub table: String,
    /// Data rows written (the header is not counted).
    pub rows: u64,
    /// The file written.
    pub path: PathBuf,
    pub format: ExportFormat,
    /// French sentences for the trainee (e.g. texts cut to fit Excel); usually empty.
    pub warnings: Vec<String>,
}

/// Most data rows in a worksheet (Excel's 1 048 576 rows, minus the header).
pub const MAX_XLSX_ROWS: u64 = 1_048_575;
/// Most columns in a worksheet.
pub const MAX_XLSX_COLUMNS: u64 = 16_384;
/// Longest text in an Excel cell, in UTF-16 code units.
const MAX_XLSX_TEXT: usize = 32_767;
/// Integers with at least this magnitude are written as text in XLSX.
const MAX_XLSX_EXACT_INT: i64 = 1_000_000_000_000_000;

/// Why a table could not be exported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error("unsupported export format: {0:?}")]
    UnsupportedFormat(String),
    #[error("table not found: {0}")]
    TableNotFound(String),
    #[error("invalid target path: {}", .0.display())]
    InvalidPath(PathBuf),
    #[error("column {column:?} of table {table:?} is missing from the database")]
    ColumnMissing { table: String, column: String },
    #[error("too many rows for a worksheet: {found} (maximum {max})")]
    TooManyRows { found: u64, max: u64 },
    #[error("too many columns for a worksheet: {found} (maximum {max})")]
    TooManyColumns { found: u64, max: u64 },
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("workbook error: {0}")]
    Xlsx(String),
}

crate::stage_error!(ExportError {
    ExportError::UnsupportedFormat(_) => "export.unsupported_format",
    ExportError::TableNotFound(_) => "export.table_not_found",
    ExportError::InvalidPath(_) => "export.invalid_path",
    ExportError::ColumnMissing { .. } => "export.column_missing",
    ExportError::TooManyRows { .. } => "export.too_many_rows",
    ExportError::TooManyColumns { .. } => "export.too_many_columns",
    ExportError::Io { .. } => "export.io",
    ExportError::Db(_) => "export.db",
    ExportError::Xlsx(_) => "export.xlsx",
});

impl ExportError {
    /// The message for the trainee in `lang`, saying what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        let key = crate::error::message_key(self.code());
        match self {
            ExportError::UnsupportedFormat(ext) if ext.is_empty() => {
                tr!(lang, "error-export-unsupported_format-none")
            }
            ExportError::UnsupportedFormat(ext) => tr!(lang, &key, ext = ext),
            ExportError::TableNotFound(t) => tr!(lang, &key, table = t),
            ExportError::InvalidPath(p) => tr!(lang, &key, path = p.display().to_string()),
            ExportError::ColumnMissing { table, column } => {
                tr!(lang, &key, table = table, column = column)
            }
            ExportError::TooManyRows { found, max }
            | ExportError::TooManyColumns { found, max } => {
                tr!(lang, &key, found = found.to_string(), max = max.to_string())
            }
            ExportError::Io { path, source } => {
                let key = match source.kind() {
                    std::io::ErrorKind::PermissionDenied => "error-export-io-denied",
                    std::io::ErrorKind::NotFound => "error-export-io-no_folder",
                    std::io::ErrorKind::StorageFull => "error-export-io-full",
                    std::io::ErrorKind::ReadOnlyFilesystem => "error-export-io-read_only",
                    _ => "error-export-io",
                };
                let path = path.display().to_string();
                tr!(lang, key, path = path, reason = source.to_string())
            }
            ExportError::Db(e) => tr!(lang, &key, reason = e.to_string()),
            ExportError::Xlsx(e) => tr!(lang, &key, reason = e),
        }
    }

    /// [`ExportError::message`] in French.
    pub fn message_fr(&self) -> String {
        self.message(Lang::Fr)
    }

    /// [`ExportError::message`] in English.
    pub fn message_en(&self) -> String {
        self.message(Lang::En)
    }
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Xlsx(e.to_string())
    }
}

/// Exports the imported table `table` (case-insensitive) to `path`, replacing the file if
/// it exists. Nothing is written unless the whole export succeeds.
pub fn export_table(
    conn: &Connection,
    table: &str,
    path: &Path,
    format: ExportFormat,
) -> Result<ExportReport, ExportError> {
    let info = find_table(conn, table)?.ok_or_else(|| ExportError::TableNotFound(table.into()))?;
    check_columns(conn, &info)?;
    let file_name = path.file_name().filter(|n| !n.is_empty());
    if file_name.is_none() || path.is_dir() {
        return Err(ExportError::InvalidPath(path.to_path_buf()));
    }
    if format == ExportFormat::Xlsx {
        let cols = info.columns.len() as u64;
        if cols > MAX_XLSX_COLUMNS {
            return Err(ExportError::TooManyColumns {
                found: cols,
                max: MAX_XLSX_COLUMNS,
            });
        }
        if info.rows > MAX_XLSX_ROWS {
            return Err(ExportError::TooManyRows {
                found: info.rows,
                max: MAX_XLSX_ROWS,
            });
        }
    }
    let mut warnings = Vec::new();
    let rows = write_atomically(path, |out| match format {
        ExportFormat::Csv => write_csv(conn, &info, out, false),
        ExportFormat::CsvFrench => write_csv(conn, &info, out, true),
        ExportFormat::Xlsx => write_xlsx(conn, &info, out, &mut warnings),
    })?;
    Ok(ExportReport {
        table: info.name,
        rows,
        path: path.to_path_buf(),
        format,
        warnings,
    })
}

/// Every registered column must exist: a double-quoted name that matches no column is
/// read by SQLite as a string literal, which would export the name on every row.
fn check_columns(conn: &Connection, info: &TableInfo) -> Result<(), ExportError> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let existing: Vec<String> = stmt
        .query_map([&info.name], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for col in &info.columns {
        if !existing.iter().any(|e| e.eq_ignore_ascii_case(&col.name)) {
            return Err(ExportError::ColumnMissing {
                table: info.name.clone(),
                column: col.name.clone(),
            });
        }
    }
    Ok(())
}

/// An error while writing the temporary file: I/O problems are reported with the
/// target's path.
enum WriteError {
    Io(std::io::Error),
    Export(ExportError),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        WriteError::Export(ExportError::Db(e))
    }
}

impl From<csv::Error> for WriteError {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(io) => WriteError::Io(io),
            other => WriteError::Io(std::io::Error::other(format!("{other:?}"))),
        }
    }
}

impl From<rust_xlsxwriter::XlsxError> for WriteError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        match e {
            rust_xlsxwriter::XlsxError::IoError(io) => WriteError::Io(io),
            other => WriteError::Export(other.into()),
        }
    }
}

/// Writes through `write` into `path` whole or not at all (see [`crate::store::fsio`]);
/// I/O errors name the target.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<u64, WriteError>,
) -> Result<u64, ExportError> {
    crate::store::fsio::write_atomic_with(path, write).map_err(|e| match e {
        WriteError::Io(source) => ExportError::Io {
            path: path.to_path_buf(),
            source,
        },
        WriteError::Export(e) => e,
    })
}

/// The header: labels when they are all non-empty and distinct, else names.
fn header(columns: &[ColumnInfo]) -> Vec<String> {
    let labels: Vec<String> = columns.iter().map(|c| c.label.trim().to_string()).collect();
    let usable = labels.iter().enumerate().all(|(i, l)| {
        !l.is_empty()
            && !labels[..i]
                .iter()
                .any(|o| o.to_lowercase() == l.to_lowercase())
    });
    if usable {
        labels
    } else {
        columns.iter().map(|c| c.name.clone()).collect()
    }
}

/// A stored value, read back according to its column's type.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Int(i64),
    Real(f64),
    Bool(bool),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// Text, including values that did not fit their column's type.
    Text(String),
}

fn parse_iso_date(t: &str) -> Option<NaiveDate> {
    (t.len() == 10)
        .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten()
}

fn parse_iso_datetime(t: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S%.f").ok()
}

fn cell(value: ValueRef<'_>, ty: ColumnType) -> Cell {
    match value {
        ValueRef::Null => Cell::Empty,
        ValueRef::Integer(i) if ty == ColumnType::Boolean && (i == 0 || i == 1) => {
            Cell::Bool(i == 1)
        }
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(f) => Cell::Real(f),
        ValueRef::Text(bytes) => {
            let t = String::from_utf8_lossy(bytes);
            match ty {
                ColumnType::Date => {
                    if let Some(d) = parse_iso_date(&t) {
                        return Cell::Date(d);
                    }
                }
                ColumnType::Datetime => {
                    if let Some(dt) = parse_iso_datetime(&t) {
                        return Cell::DateTime(dt);
                    }
                }
                _ => {}
            }
            Cell::Text(t.into_owned())
        }
        ValueRef::Blob(_) => Cell::Empty,
    }
}

/// Runs `each` on every row of the table, in import order, and returns the row count.
fn for_each_row(
    conn: &Connection,
    info: &TableInfo,
    mut each: impl FnMut(u64, Vec<Cell>) -> Result<(), WriteError>,
) -> Result<u64, WriteError> {
    if info.columns.is_empty() {
        return Ok(0);
    }
    let cols = info
        .columns
        .iter()
        .map(|c| quote_ident(&c.name))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {cols} FROM {} ORDER BY rowid",
        quote_ident(&info.name)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut n: u64 = 0;
    while let Some(row) = rows.next()? {
        let mut cells = Vec::with_capacity(info.columns.len());
        for (i, col) in info.columns.iter().enumerate() {
            cells.push(cell(row.get_ref(i)?, col.column_type));
        }
        each(n, cells)?;
        n += 1;
    }
    Ok(n)
}

fn format_real(f: f64, french: bool) -> String {
    let s = if f.is_finite() {
        format!("{f}")
    } else {
        String::new()
    };
    if french {
        s.replace('.', ",")
    } else {
        s
    }
}

fn csv_text(cell: Cell, french: bool) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Int(i) => i.to_string(),
        Cell::Real(f) => format_real(f, french),
        Cell::Bool(b) => match (b, french) {
            (true, false) => "TRUE".into(),
            (false, false) => "FALSE".into(),
            (true, true) => "VRAI".into(),
            (false, true) => "FAUX".into(),
        },
        Cell::Date(d) if french => d.format("%d/%m/%Y").to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::DateTime(dt) if french => dt.format("%d/%m/%Y %H:%M:%S").to_string(),
        Cell::DateTime(dt) => dt.format("%Y-%m-%d %H:%M:%S%.f").to_string(),
        Cell::Text(t) => defuse_formula(t),
    }
}

/// `text` as a spreadsheet shows it instead of running it: a text starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice against
/// CSV injection). For text cells only: a number is written as it is.
pub fn defuse_formula(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

fn write_csv(
    conn: &Connection,
    info: &TableInfo,
    out: &mut std::fs::File,
    french: bool,
) -> Result<u64, WriteError> {
    let mut buf = BufWriter::new(out);
    buf.write_all(b"\xEF\xBB\xBF")?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(if french { b';' } else { b',' })
        .terminator(csv::Terminator::CRLF)
        .from_writer(buf);
    let labels = header(&info.columns).into_iter().map(defuse_formula);
    w.write_record(labels.collect::<Vec<_>>())?;
    let rows = for_each_row(conn, info, |_, cells| {
        let record: Vec<String> = cells.into_iter().map(|c| csv_text(c, french)).collect();
        w.write_record(&record)?;
        Ok(())
    })?;
    w.flush()?;
    let buf = w
        .into_inner()
        .map_err(|e| WriteError::Io(std::io::Error::other(e.to_string())))?;
    buf.into_inner()
        .map_err(|e| WriteError::Io(e.into_error()))?
        .flush()?;
    Ok(rows)
}

/// Excel's name rules: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(table: &str) -> String {
    let cleaned: String = table
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    if cleaned.trim().is_empty() {
        "Tableau".to_string()
    } else {
        cleaned
    }
}

/// Cuts `t` to Excel's cell limit; returns whether it was cut.
fn fit_excel_text(t: &mut String) -> bool {
    if t.len() <= MAX_XLSX_TEXT {
        // Bytes >= UTF-16 units.
        return false;
    }
    let mut units = 0usize;
    let mut cut = t.len();
    for (i, c) in t.char_indices() {
        units += c.len_utf16();
        if units > MAX_XLSX_TEXT {
            cut = i;
            break;
        }
    }
    if cut < t.len() {
        t.truncate(cut);
        true
    } else {
        false
    }
}

fn excel_date(d: NaiveDate) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    rust_xlsxwriter::ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

fn excel_datetime(dt: NaiveDateTime) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let sec = f64::from(dt.second()) + f64::from(dt.nanosecond() % 1_000_000_000) / 1e9;
    excel_date(dt.date())?
        .and_hms(dt.hour() as u16, dt.minute() as u8, sec)
        .ok()
}

fn write_xlsx(
    conn: &Connection,
    info: &TableInfo,
    out: &mut std::fs::File,
    warnings: &mut Vec<String>,
) -> Result<u64, WriteError> {
    use rust_xlsxwriter::{Format, FormatBorder, Workbook};

    let bold = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    let datetime_fmt = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&info.name))?;
    for (c, title) in header(&info.columns).into_iter().enumerate() {
        let mut title = title;
        fit_excel_text(&mut title);
        sheet.write_string_with_format(0, c as u16, title, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut cut = 0u64;
    let rows = for_each_row(conn, info, |n, cells| {
        let r = u32::try_from(n + 1).map_err(|_| {
            WriteError::Export(ExportError::TooManyRows {
                found: n + 1,
                max: MAX_XLSX_ROWS,
            })
        })?;
        if u64::from(r) > MAX_XLSX_ROWS {
            return Err(WriteError::Export(ExportError::TooManyRows {
                found: u64::from(r),
                max: MAX_XLSX_ROWS,
            }));
        }
        for (c, cell) in cells.into_iter().enumerate() {
            let c = c as u16;
            let mut text = match cell {
                Cell::Empty => continue,
                Cell::Int(i) if (-MAX_XLSX_EXACT_INT + 1..MAX_XLSX_EXACT_INT).contains(&i) => {
                    sheet.write_number(r, c, i as f64)?;
                    continue;
                }
                Cell::Int(i) => i.to_string(),
                Cell::Real(f) if f.is_finite() => {
                    sheet.write_number(r, c, f)?;
                    continue;
                }
                Cell::Real(f) => f.to_string(),
                Cell::Bool(b) => {
                    sheet.write_boolean(r, c, b)?;
                    continue;
                }
                Cell::Date(d) => match excel_date(d) {
                    Some(x) => {
                        sheet.write_datetime_with_format(r, c, &x, &date_fmt)?;
                        continue;
                    }
                    None => d.format("%Y-%m-%d").to_string(),
                },
                Cell::DateTime(dt) => match excel_datetime(dt) {
                    Some(x) => {
                        sheet.write_datetime_with_format(r, c, &x, &datetime_fmt)?;
                        continue;
                    }
                    None => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
                },
                Cell::Text(t) => t,
            };
            if fit_excel_text(&mut text) {
                cut += 1;
            }
            sheet.write_string(r, c, text)?;
        }
        Ok(())
    })?;
    sheet.set_autofit_max_width(300);
    sheet.autofit();
    if cut > 0 {
        warnings.push(format!(
            "{cut} texte(s) dépassaient la limite d'Excel (32 767 caractères par cellule) et ont été coupés. L'export .csv les garde en entier."
        ));
    }
    let mut buf = BufWriter::new(out);
    workbook.save_to_writer(&mut buf)?;
    buf.flush()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fsio::tests::names_in;

    #[test]
    fn format_from_extension() {
        let p = Path::new;
        assert_eq!(
            ExportFormat::from_path(p("a/b.CSV"), false).unwrap(),
            ExportFormat::Csv
        );
        assert_eq!(
            ExportFormat::from_path(p("b.csv"), true).unwrap(),
            ExportFormat::CsvFrench
        );
        assert_eq!(
            ExportFormat::from_path(p("b.xlsx"), true).unwrap(),
            ExportFormat::Xlsx
        );
        for bad in ["b.xls", "b.ods", "b", "b.txt"] {
            let e = ExportFormat::from_path(p(bad), false).unwrap_err();
            assert_eq!(e.code(), "export.unsupported_format");
            assert!(e.message_fr().contains(".xlsx"));
            assert!(e.message_en().contains(".csv"));
        }
    }

    #[test]
    fn header_falls_back_to_names() {
        let col = |name: &str, label: &str| ColumnInfo {
            name: name.into(),
            label: label.into(),
            column_type: ColumnType::Text,
            hxl: None,
        };
        assert_eq!(
            header(&[col("region", "Région"), col("pop", "Population")]),
            ["Région", "Population"]
        );
        assert_eq!(
            header(&[col("total", "Total"), col("total_2", "TOTAL")]),
            ["total", "total_2"]
        );
        assert_eq!(
            header(&[col("a", "A"), col("colonne_2", "")]),
            ["a", "colonne_2"]
        );
    }

    #[test]
    fn values_by_type() {
        use ColumnType::*;
        assert_eq!(cell(ValueRef::Integer(1), Boolean), Cell::Bool(true));
        assert_eq!(cell(ValueRef::Integer(2), Boolean), Cell::Int(2));
        assert_eq!(
            cell(ValueRef::Text(b"2009-05-12"), Date),
            Cell::Date(NaiveDate::from_ymd_opt(2009, 5, 12).unwrap())
        );
        assert_eq!(
            cell(ValueRef::Text(b"bient\xC3\xB4t"), Date),
            Cell::Text("bientôt".into())
        );
        assert_eq!(
            cell(ValueRef::Text(b"2009-05-12"), Text),
            Cell::Text("2009-05-12".into())
        );
        assert!(matches!(
            cell(ValueRef::Text(b"2009-05-12 08:30:00"), Datetime),
            Cell::DateTime(_)
        ));
        assert_eq!(csv_text(Cell::Real(-1234.5), true), "-1234,5");
        assert_eq!(csv_text(Cell::Real(1e21), false), "1000000000000000000000");
        assert_eq!(
            csv_text(Cell::Real(0.1 + 0.2), false),
            "0.30000000000000004"
        );
        assert_eq!(csv_text(Cell::Bool(false), true), "FAUX");
    }

    #[test]
    fn a_failed_write_leaves_the_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.csv");
        std::fs::write(&target, b"old").unwrap();
        for fail_with_io in [true, false] {
            let err = write_atomically(&target, |f| {
                f.write_all(b"half a file")?;
                if fail_with_io {
                    Err(WriteError::Io(std::io::Error::other("disk unplugged")))
                } else {
                    Err(WriteError::Export(ExportError::Xlsx("boom".into())))
                }
            })
            .unwrap_err();
            assert_eq!(
                err.code(),
                if fail_with_io {
                    "export.io"
                } else {
                    "export.xlsx"
                }
            );
            assert_eq!(names_in(dir.path()), ["t.csv"]);
            assert_eq!(std::fs::read(&target).unwrap(), b"old");
        }
        // A new target is not created at all.
        let fresh = dir.path().join("new.xlsx");
        write_atomically(&fresh, |_| Err(WriteError::Io(std::io::Error::other("x")))).unwrap_err();
        assert!(!fresh.exists());
        assert_eq!(names_in(dir.path()), ["t.csv"]);
        // And a success replaces it whole.
        let rows = write_atomically(&target, |f| {
            f.write_all(b"new")?;
            Ok(1)
        })
        .unwrap();
        assert_eq!(rows, 1);
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(names_in(dir.path()), ["t.csv"]);
    }

    #[test]
    fn excel_limits() {
        let mut t = "é".repeat(40_000);
        assert!(fit_excel_text(&mut t));
        assert_eq!(t.chars().count(), MAX_XLSX_TEXT);
        let mut t = "😀".repeat(20_000);
        assert!(fit_excel_text(&mut t));
        assert!(t.encode_utf16().count() <= MAX_XLSX_TEXT);
        assert_eq!(sheet_name("a".repeat(63).as_str()).len(), 31);
        assert!(excel_date(NaiveDate::from_ymd_opt(1850, 1, 1).unwrap()).is_none());
    }
}
