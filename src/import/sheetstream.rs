//! The rows of an XLSX or XLSB worksheet streamed from calamine's cell reader as they
//! are read, instead of the whole sheet loaded first: the import's reading thread turns
//! them into values while the writing thread inserts the previous ones.
//!
//! Rows are the ones [`super::sheet`] would load: non-blank cells, columns relative to
//! the leftmost used column, the size limit checked on the real cells. The leftmost
//! used column is taken from the sheet's declared dimension; when a cell comes left of
//! it or out of row-major order, or the dimension's first column turns out unused, the
//! pass stops with [`SheetStream::restart`] set, and the next pass reads the sheet
//! whole (as before) — the caller starts again, nothing written.

use std::io::{Read, Seek};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use calamine::Sheets;

use super::infer::RawCell;
use super::sheet::{
    assign_data_ref, declared_rows, grow, open_as, read_grid, xlsb_err, xlsx_err, Bounds,
    WorkbookKind,
};
use super::{ImportError, RowSource, RowVisitor};

/// What a workbook is read from.
pub(crate) trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

/// Opens the workbook's bytes again.
pub(crate) type Opener<'a> =
    Box<dyn Fn() -> Result<Box<dyn ReadSeek + 'a>, ImportError> + Send + Sync + 'a>;

/// A worksheet streamed row by row; see the module's documentation.
pub(crate) struct SheetStream<'a> {
    pub(crate) open: Opener<'a>,
    pub(crate) kind: WorkbookKind,
    pub(crate) sheet: String,
    /// The workbook opened to choose the sheet, used by the first pass.
    pub(crate) book: Mutex<Option<Sheets<Box<dyn ReadSeek + 'a>>>>,
    /// The cells do not stream as rows: every later pass loads the sheet whole.
    pub(crate) whole: AtomicBool,
}

impl SheetStream<'_> {
    /// True when a pass stopped because the sheet must be read whole: the caller runs
    /// its pass again.
    pub(crate) fn restart(&self) -> bool {
        self.whole.load(Ordering::Relaxed)
    }

    fn book(&self) -> Result<Sheets<Box<dyn ReadSeek + '_>>, ImportError> {
        let kept = self.book.lock().ok().and_then(|mut b| b.take());
        match kept {
            Some(b) => Ok(b),
            None => open_as((self.open)()?, self.kind),
        }
    }

    fn stop_for_whole(&self) -> ImportError {
        self.whole.store(true, Ordering::Relaxed);
        ImportError::Unreadable("sheet read again whole".into())
    }
}

/// Rows being streamed: the current row's cells, from the declared first column. The
/// cells past `len` are spare ones, whose text buffers are reused.
struct Rows<'v, 'f> {
    f: &'v mut RowVisitor<'f>,
    left: u32,
    declared: Option<u64>,
    row: Option<u32>,
    cells: Vec<RawCell>,
    len: usize,
    emitted: u64,
}

impl Rows<'_, '_> {
    fn emit(&mut self) -> Result<(), ImportError> {
        if let Some(r) = self.row.take() {
            self.emitted += 1;
            let share = self
                .declared
                .map_or(0.0, |d| (self.emitted as f64 / d.max(1) as f64).min(1.0));
            (self.f)(r as usize + 1, &self.cells[..self.len], share)?;
            self.len = 0;
        }
        Ok(())
    }

    /// Puts `value` at index `col` of the current row (blank cells before it), leaving
    /// in `value` a spare cell.
    fn put(&mut self, col: usize, value: &mut RawCell) {
        while self.len < col {
            match self.cells.get_mut(self.len) {
                Some(c) => *c = RawCell::Empty,
                None => self.cells.push(RawCell::Empty),
            }
            self.len += 1;
        }
        match self.cells.get_mut(self.len) {
            Some(c) => std::mem::swap(c, value),
            None => self.cells.push(std::mem::replace(value, RawCell::Empty)),
        }
        self.len += 1;
    }
}

/// Streams the cells of `$book`'s sheet into `$rows`, errors through `$err`.
macro_rules! stream_cells {
    ($stream:expr, $book:expr, $f:expr, $err:ident) => {{
        let mut reader = $book.worksheet_cells_reader(&$stream.sheet).map_err($err)?;
        let d = reader.dimensions();
        let mut rows = Rows {
            f: $f,
            left: d.start.1,
            declared: declared_rows(d.start, d.end),
            row: None,
            cells: Vec::new(),
            len: 0,
            emitted: 0,
        };
        let mut value = RawCell::Empty;
        let mut last: Option<(u32, u32)> = None;
        let mut bounds: Option<Bounds> = None;
        while let Some(cell) = reader.next_cell().map_err($err)? {
            let (r, c) = cell.get_position();
            assign_data_ref(&mut value, cell.get_value());
            if value.is_blank() {
                continue;
            }
            if c < rows.left || last.is_some_and(|l| (r, c) <= l) {
                return Err($stream.stop_for_whole());
            }
            last = Some((r, c));
            bounds = Some(grow(bounds, (r, c))?);
            if rows.row != Some(r) {
                rows.emit()?;
                rows.row = Some(r);
            }
            rows.put((c - rows.left) as usize, &mut value);
        }
        rows.emit()?;
        if bounds.is_some_and(|(lo, _)| lo.1 != rows.left) {
            return Err($stream.stop_for_whole());
        }
        Ok(())
    }};
}

impl RowSource for SheetStream<'_> {
    fn for_each_row(&self, f: &mut RowVisitor<'_>) -> Result<(), ImportError> {
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut book = self.book()?;
            if self.restart() {
                return read_grid(&mut book, &self.sheet, &mut |_, _| {})?.for_each_row(f);
            }
            match &mut book {
                Sheets::Xlsx(x) => stream_cells!(self, x, f, xlsx_err),
                Sheets::Xlsb(x) => stream_cells!(self, x, f, xlsb_err),
                _ => read_grid(&mut book, &self.sheet, &mut |_, _| {})?.for_each_row(f),
            }
        }));
        caught.unwrap_or_else(|_| Err(ImportError::Unreadable("reader panic".into())))
    }

    fn restart(&self) -> bool {
        SheetStream::restart(self)
    }
}
