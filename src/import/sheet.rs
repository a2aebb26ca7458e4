//! Workbooks (XLSX, XLSM, XLSB, XLS, ODS) through calamine: sheet choice (empty
//! sheets passed over), the size limit checked on the real cells as they stream in, and
//! conversion of the cells into [`RawCell`]s.

use std::io::{Read, Seek};

use calamine::{
    Data, DataRef, ExcelDateTime, Ods, OdsError, Reader, SheetType, SheetVisible, Sheets, Xls,
    XlsError, Xlsb, XlsbError, Xlsx, XlsxError,
};
use chrono::{NaiveDate, NaiveTime};

use super::infer::{parse_date, parse_datetime, RawCell};
use super::{ImportError, Limit, Row, RowSource, RowVisitor, MAX_SHEET_CELLS};

/// Told, while a sheet loads, the rows read and the share of the declared
/// rows this is (when the format declares its dimensions).
pub(crate) type LoadProgress<'f> = dyn FnMut(u64, Option<f64>) + 'f;

/// The workbook formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WorkbookKind {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// A worksheet loaded in memory (at most [`MAX_SHEET_CELLS`] cells).
#[derive(Debug, Default)]
pub(crate) struct Grid {
    /// Non-empty rows with their 1-based sheet row number; columns are
    /// relative to the leftmost used column.
    rows: Vec<Row>,
}

impl RowSource for Grid {
    fn for_each_row(&self, f: &mut RowVisitor<'_>) -> Result<(), ImportError> {
        let n = self.rows.len().max(1) as f64;
        for (i, (number, cells)) in self.rows.iter().enumerate() {
            f(*number, cells, (i + 1) as f64 / n)?;
        }
        Ok(())
    }
}

/// The chosen worksheet of a workbook.
#[derive(Debug)]
pub(crate) struct LoadedSheet {
    pub kind: WorkbookKind,
    /// All worksheet names, in workbook order.
    pub sheets: Vec<String>,
    pub sheet: String,
    /// The sheet's rows; empty when they are to be streamed ([`SheetStream`]).
    pub grid: Grid,
    /// The rows are not loaded: only checked to be there, to be streamed.
    pub streamed: bool,
    /// Empty worksheets passed over before `sheet` (none when a sheet was requested).
    pub skipped: Vec<String>,
}

fn io_or_unreadable(e: std::io::Error) -> ImportError {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::InvalidData => {
            ImportError::Unreadable(e.to_string())
        }
        _ => ImportError::Io(e),
    }
}

/// `fn name(e: Error) -> ImportError` for each calamine workbook error type: a
/// password-protected workbook is [`ImportError::Encrypted`], a read error goes through
/// [`io_or_unreadable`], anything else is unreadable (`<format>: <error>`).
macro_rules! workbook_errors {
    ($($name:ident($err:ident, $format:literal);)+) => {$(
        pub(super) fn $name(e: $err) -> ImportError {
            match e {
                $err::Password => ImportError::Encrypted,
                $err::Io(io) => io_or_unreadable(io),
                other => ImportError::Unreadable(format!(concat!($format, ": {}"), other)),
            }
        }
    )+};
}

/// True when the sheet `name` of an XLSX or XLSB workbook has a cell with a value.
fn has_cells<RS: Read + Seek>(workbook: &mut Sheets<RS>, name: &str) -> Result<bool, ImportError> {
    macro_rules! any_cell {
        ($book:expr, $err:ident) => {{
            let mut reader = $book.worksheet_cells_reader(name).map_err($err)?;
            while let Some(cell) = reader.next_cell().map_err($err)? {
                if !from_data_ref(cell.get_value()).is_blank() {
                    return Ok(true);
                }
            }
            Ok(false)
        }};
    }
    match workbook {
        Sheets::Xlsx(x) => any_cell!(x, xlsx_err),
        Sheets::Xlsb(x) => any_cell!(x, xlsb_err),
        _ => Ok(true),
    }
}

workbook_errors! {
    xlsx_err(XlsxError, "xlsx");
    xlsb_err(XlsbError, "xlsb");
    xls_err(XlsError, "xls");
    ods_err(OdsError, "ods");
}

/// The cells of the sheet `name` of `book` (xlsx or xlsb: their cell readers have the same
/// methods but no common trait), read one by one, errors through `err`.
macro_rules! cells_by_reader {
    ($book:expr, $name:expr, $progress:expr, $err:ident) => {{
        let mut reader = $book.worksheet_cells_reader($name).map_err($err)?;
        let d = reader.dimensions();
        collect_cells(declared_rows(d.start, d.end), $progress, || {
            Ok(reader
                .next_cell()
                .map_err($err)?
                .map(|c| (c.get_position(), from_data_ref(c.get_value()))))
        })?
    }};
}

pub(super) fn open_as<RS: Read + Seek>(
    rs: RS,
    kind: WorkbookKind,
) -> Result<Sheets<RS>, ImportError> {
    Ok(match kind {
        WorkbookKind::Xlsx => Sheets::Xlsx(Xlsx::new(rs).map_err(xlsx_err)?),
        WorkbookKind::Xlsb => Sheets::Xlsb(Xlsb::new(rs).map_err(xlsb_err)?),
        WorkbookKind::Xls => Sheets::Xls(Xls::new(rs).map_err(xls_err)?),
        WorkbookKind::Ods => Sheets::Ods(Ods::new(rs).map_err(ods_err)?),
    })
}

/// Opens the workbook trying `kinds` in order (the first is the expected
/// one) and loads the requested sheet, or the first visible worksheet.
/// Calamine runs under `catch_unwind`: a reader bug on a hostile file
/// becomes [`ImportError::Unreadable`] instead of a crash.
///
/// With `stream`, the rows of an XLSX or XLSB sheet are not loaded (only looked at until
/// one cell has a value, to pass over empty sheets): the opened workbook is given back
/// with the sheet, for a [`SheetStream`].
pub(crate) fn load<RS, F>(
    open: F,
    kinds: &[WorkbookKind],
    requested: Option<&str>,
    stream: bool,
    progress: &mut LoadProgress<'_>,
) -> Result<(LoadedSheet, Option<Sheets<RS>>), ImportError>
where
    RS: Read + Seek,
    F: Fn() -> Result<RS, ImportError>,
{
    let mut first_error: Option<ImportError> = None;
    for &kind in kinds {
        let rs = open()?;
        let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| open_as(rs, kind)))
            .unwrap_or_else(|_| Err(ImportError::Unreadable("reader panic".into())));
        match opened {
            Ok(mut workbook) => {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    load_sheet(&mut workbook, kind, requested, stream, progress)
                }));
                let loaded = result
                    .unwrap_or_else(|_| Err(ImportError::Unreadable("reader panic".into())))?;
                let book = loaded.streamed.then_some(workbook);
                return Ok((loaded, book));
            }
            Err(ImportError::Encrypted) => return Err(ImportError::Encrypted),
            Err(e) => {
                if first_error.is_none() {
                    first_error = Some(e);
                }
            }
        }
    }
    Err(first_error.unwrap_or_else(|| ImportError::Unreadable("no reader".into())))
}

fn load_sheet<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    kind: WorkbookKind,
    requested: Option<&str>,
    stream: bool,
    progress: &mut LoadProgress<'_>,
) -> Result<LoadedSheet, ImportError> {
    let worksheets: Vec<(String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let sheets: Vec<String> = worksheets.iter().map(|(n, _)| n.clone()).collect();
    let candidates: Vec<String> = match requested {
        Some(wanted) => vec![sheets
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                sheets
                    .iter()
                    .find(|n| n.trim().to_lowercase() == wanted.trim().to_lowercase())
            })
            .cloned()
            .ok_or_else(|| ImportError::SheetNotFound {
                name: wanted.to_string(),
                available: sheets.clone(),
            })?],
        // Visible worksheets first, in workbook order, then hidden ones.
        None => worksheets
            .iter()
            .filter(|(_, visible)| *visible)
            .chain(worksheets.iter().filter(|(_, visible)| !*visible))
            .map(|(n, _)| n.clone())
            .collect(),
    };
    let mut skipped = Vec::new();
    let streamed = stream && matches!(kind, WorkbookKind::Xlsx | WorkbookKind::Xlsb);
    for sheet in candidates {
        let (grid, empty) = if streamed {
            (Grid::default(), !has_cells(workbook, &sheet)?)
        } else {
            let grid = read_grid(workbook, &sheet, progress)?;
            let empty = grid.rows.is_empty();
            (grid, empty)
        };
        // An empty sheet (a blank first tab): the next one with data is read.
        if empty && requested.is_none() {
            skipped.push(sheet);
            continue;
        }
        return Ok(LoadedSheet {
            kind,
            sheets,
            sheet,
            grid,
            streamed,
            skipped,
        });
    }
    Err(ImportError::Empty)
}

pub(super) fn read_grid<RS: Read + Seek>(
    workbook: &mut Sheets<RS>,
    sheet: &str,
    progress: &mut LoadProgress<'_>,
) -> Result<Grid, ImportError> {
    Ok(match workbook {
        Sheets::Xlsx(x) => cells_by_reader!(x, sheet, progress, xlsx_err),
        Sheets::Xlsb(x) => cells_by_reader!(x, sheet, progress, xlsb_err),
        Sheets::Xls(x) => {
            let range = x.worksheet_range(sheet).map_err(xls_err)?;
            grid_from_range(&range)?
        }
        Sheets::Ods(x) => {
            let range = x.worksheet_range(sheet).map_err(ods_err)?;
            grid_from_range(&range)?
        }
    })
}

pub(super) fn area(start: (u32, u32), end: (u32, u32)) -> u64 {
    let rows = u64::from(end.0.saturating_sub(start.0)) + 1;
    let cols = u64::from(end.1.saturating_sub(start.1)) + 1;
    rows.saturating_mul(cols)
}

/// The smallest area holding `bounds` and the cell `at`; refused past [`MAX_SHEET_CELLS`]
/// (the real cells of a sheet, whatever its declared dimension says).
pub(super) fn grow(bounds: Option<Bounds>, at: (u32, u32)) -> Result<Bounds, ImportError> {
    let (r, c) = at;
    let (lo, hi) = match bounds {
        None => (at, at),
        Some((lo, hi)) => ((lo.0.min(r), lo.1.min(c)), (hi.0.max(r), hi.1.max(c))),
    };
    let used = area(lo, hi);
    if used > MAX_SHEET_CELLS {
        return Err(too_large(used));
    }
    Ok((lo, hi))
}

/// The first and last (row, column) of the cells seen.
pub(super) type Bounds = ((u32, u32), (u32, u32));

pub(super) fn too_large(found: u64) -> ImportError {
    ImportError::TooLarge {
        limit: Limit::Cells,
        found,
        max: MAX_SHEET_CELLS,
    }
}

/// The rows the sheet declares, for progress only: a declared dimension is a hint that
/// can be absurd (`A1:XFD1048576` over a few cells), so the limit applies to the real
/// cells, as they stream in ([`collect_cells`]). An absurd one gives no share.
pub(super) fn declared_rows(start: (u32, u32), end: (u32, u32)) -> Option<u64> {
    (area(start, end) <= MAX_SHEET_CELLS).then(|| u64::from(end.0.saturating_sub(start.0)) + 1)
}

/// Rows being built while cells stream in: each row is dense from its own
/// first cell (`start` column); aligned on the leftmost used column at the end.
struct RowBuilder {
    rows: Vec<(u32, u32, Vec<RawCell>)>,
    /// Cells arrived out of row-major order: fall back to sorting.
    unordered: Vec<(u32, u32, RawCell)>,
    last: Option<(u32, u32)>,
}

impl RowBuilder {
    fn push(&mut self, r: u32, c: u32, value: RawCell) {
        let in_order = self.unordered.is_empty() && self.last.is_none_or(|last| (r, c) > last);
        if !in_order {
            if self.unordered.is_empty() {
                for (row, start, cells) in self.rows.drain(..) {
                    for (i, v) in cells.into_iter().enumerate() {
                        if !v.is_blank() {
                            self.unordered.push((row, start + i as u32, v));
                        }
                    }
                }
            }
            self.unordered.push((r, c, value));
            return;
        }
        self.last = Some((r, c));
        match self.rows.last_mut() {
            Some((row, start, cells)) if *row == r => {
                let col = (c - *start) as usize;
                if cells.len() < col {
                    cells.resize(col, RawCell::Empty);
                }
                cells.push(value);
            }
            _ => self.rows.push((r, c, vec![value])),
        }
    }

    fn finish(mut self, left: u32) -> Grid {
        if !self.unordered.is_empty() {
            let mut cells = std::mem::take(&mut self.unordered);
            cells.sort_by_key(|(r, c, _)| (*r, *c));
            self.last = None;
            for (r, c, v) in cells {
                if self.last == Some((r, c)) {
                    // The same cell twice: the last one wins.
                    if let Some(cell) = self.rows.last_mut().and_then(|(_, _, row)| row.last_mut())
                    {
                        *cell = v;
                    }
                } else {
                    self.push(r, c, v);
                }
            }
        }
        let rows = self
            .rows
            .into_iter()
            .map(|(r, start, mut cells)| {
                let pad = start.saturating_sub(left) as usize;
                if pad > 0 {
                    cells.splice(0..0, std::iter::repeat_n(RawCell::Empty, pad));
                }
                (r as usize + 1, cells)
            })
            .collect();
        Grid { rows }
    }
}

/// Streams cells into a grid, stopping as soon as the used area exceeds the limit.
fn collect_cells(
    declared_rows: Option<u64>,
    progress: &mut LoadProgress<'_>,
    mut next: impl FnMut() -> Result<Option<((u32, u32), RawCell)>, ImportError>,
) -> Result<Grid, ImportError> {
    let mut builder = RowBuilder {
        rows: Vec::new(),
        unordered: Vec::new(),
        last: None,
    };
    let mut bounds: Option<Bounds> = None;
    let mut count: u64 = 0;
    while let Some(((r, c), value)) = next()? {
        count += 1;
        if count.is_multiple_of(4096) {
            let rows = builder.rows.len() as u64;
            progress(
                rows,
                declared_rows.map(|d| (rows as f64 / d.max(1) as f64).min(1.0)),
            );
        }
        if value.is_blank() {
            continue;
        }
        bounds = Some(grow(bounds, (r, c))?);
        builder.push(r, c, value);
    }
    let Some((lo, _)) = bounds else {
        return Ok(Grid::default());
    };
    let grid = builder.finish(lo.1);
    progress(grid.rows.len() as u64, Some(1.0));
    Ok(grid)
}

fn grid_from_range(range: &calamine::Range<Data>) -> Result<Grid, ImportError> {
    let (height, width) = range.get_size();
    let size = (height as u64).saturating_mul(width as u64);
    if size > MAX_SHEET_CELLS {
        return Err(too_large(size));
    }
    let Some((row0, _)) = range.start() else {
        return Ok(Grid::default());
    };
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<RawCell> = row.iter().map(from_data).collect();
        while cells.last().is_some_and(RawCell::is_blank) {
            cells.pop();
        }
        if !cells.is_empty() {
            rows.push((row0 as usize + i + 1, cells));
        }
    }
    Ok(Grid { rows })
}

fn text_cell(s: &str) -> RawCell {
    if s.trim().is_empty() {
        RawCell::Empty
    } else {
        RawCell::Text(s.to_string())
    }
}

/// `*cell = from_data_ref(d)`, reusing the text buffer `cell` may hold.
pub(super) fn assign_data_ref(cell: &mut RawCell, d: &DataRef<'_>) {
    let text: Option<&str> = match d {
        DataRef::String(s) => Some(s.as_str()),
        DataRef::SharedString(s) => Some(s),
        _ => None,
    };
    match (text, &mut *cell) {
        (Some(s), RawCell::Text(buf)) if !s.trim().is_empty() => {
            buf.clear();
            buf.push_str(s);
        }
        _ => *cell = from_data_ref(d),
    }
}

pub(super) fn from_data_ref(d: &DataRef<'_>) -> RawCell {
    match d {
        DataRef::Int(i) => RawCell::Int(*i),
        DataRef::Float(f) => RawCell::Float(*f),
        DataRef::String(s) => text_cell(s),
        DataRef::SharedString(s) => text_cell(s),
        DataRef::Bool(b) => RawCell::Bool(*b),
        DataRef::DateTime(dt) => from_excel_datetime(dt),
        DataRef::DateTimeIso(s) => from_iso(s),
        DataRef::DurationIso(s) => text_cell(s),
        DataRef::Error(e) => RawCell::Error(e.to_string()),
        DataRef::Empty => RawCell::Empty,
    }
}

fn from_data(d: &Data) -> RawCell {
    match d {
        Data::Int(i) => RawCell::Int(*i),
        Data::Float(f) => RawCell::Float(*f),
        Data::String(s) => text_cell(s),
        Data::Bool(b) => RawCell::Bool(*b),
        Data::DateTime(dt) => from_excel_datetime(dt),
        Data::DateTimeIso(s) => from_iso(s),
        Data::DurationIso(s) => text_cell(s),
        Data::Error(e) => RawCell::Error(e.to_string()),
        Data::Empty => RawCell::Empty,
    }
}

fn hms(seconds: f64) -> String {
    let total = seconds.round().clamp(0.0, 1e12) as u64;
    format!(
        "{:02}:{:02}:{:02}",
        total / 3600,
        (total / 60) % 60,
        total % 60
    )
}

/// Excel serial date: a date when there is no time part, a time alone as text.
fn from_excel_datetime(dt: &ExcelDateTime) -> RawCell {
    let v = dt.as_f64();
    if !v.is_finite() {
        return RawCell::Empty;
    }
    if dt.is_duration() || (0.0..1.0).contains(&v) {
        return RawCell::Text(hms(v * 86_400.0));
    }
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let Some(date) = NaiveDate::from_ymd_opt(i32::from(y), u32::from(mo), u32::from(d)) else {
        return RawCell::Float(v);
    };
    if (h, mi, s, ms) == (0, 0, 0, 0) {
        return RawCell::Date(date);
    }
    match NaiveTime::from_hms_milli_opt(u32::from(h), u32::from(mi), u32::from(s), u32::from(ms)) {
        Some(t) => RawCell::DateTime(date.and_time(t)),
        None => RawCell::Date(date),
    }
}

/// ISO 8601 text from ODS date cells.
fn from_iso(s: &str) -> RawCell {
    if let Some(d) = parse_date(s) {
        return RawCell::Date(d);
    }
    match parse_datetime(s) {
        Some(dt) if dt.time() == NaiveTime::MIN => RawCell::Date(dt.date()),
        Some(dt) => RawCell::DateTime(dt),
        None => text_cell(s),
    }
}
