//! The import's pass over the rows, on three threads: one parses the source (the csv
//! crate, or calamine's cell reader) into rows handed over in recycled batches; one
//! gathers the column statistics and converts the cells; the calling thread inserts the
//! converted batches (SQLite). Bounded channels join them, so the import costs about the
//! slowest of the three instead of their sum, and memory stays bounded (a few batches in
//! flight). On two cores the parsing of a workbook is the slowest.
//!
//! Types are decided on a sample (the first [`SAMPLE_ROWS`] data rows), and every
//! later row is still observed, so the statistics at the end are those of the whole
//! file, exactly as a first pass would gather them. When the whole file decides the same
//! columns, types and number style as the sample, the rows written are the ones a
//! two-pass import writes, and the warnings (from the whole file) are too. When it
//! decides otherwise (a column that changes type after the sample), the transaction is
//! rolled back and the rows are written again under the whole file's decision: the
//! result never depends on the sample.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Mutex;
use std::time::Instant;

use super::analyze::{is_blank_row, Analysis, Analyzer};
use super::db::{self, Batch, RowWriter, TableSpec};
use super::detect::Prepared;
use super::infer::{Missing, RawCell};
use super::pipeline::Reporter;
use super::{
    ColumnType, ImportError, ImportOptions, Phase, Row, RowSource, RowVisitor, PROGRESS_INTERVAL,
};

/// Data rows whose statistics decide the types the rows are written under.
pub(crate) const SAMPLE_ROWS: u64 = 2_000;
/// Batches in flight between the two threads.
const CHANNEL_BATCHES: usize = 4;

/// Rows handed from the parsing thread to the converting one in one message.
const RAW_ROWS: usize = 512;

/// Rows as parsed, handed from the parsing thread to the converting one; sent back
/// emptied, so that their cells' text buffers are reused.
#[derive(Default)]
struct RawBatch {
    rows: Vec<Row>,
    len: usize,
    share: f64,
}

impl RawBatch {
    fn push(&mut self, number: usize, cells: &[RawCell]) {
        match self.rows.get_mut(self.len) {
            Some((n, dst)) => {
                *n = number;
                dst.truncate(cells.len());
                for (i, cell) in cells.iter().enumerate() {
                    match (dst.get_mut(i), cell) {
                        (Some(RawCell::Text(d)), RawCell::Text(t)) => {
                            d.clear();
                            d.push_str(t);
                        }
                        (Some(d), c) => *d = c.clone(),
                        (None, c) => dst.push(c.clone()),
                    }
                }
            }
            None => self.rows.push((number, cells.to_vec())),
        }
        self.len += 1;
    }
}

/// What the parsing thread hands over.
enum Raw {
    Rows(RawBatch),
    /// The last rows: the source is read.
    Last(RawBatch),
    /// The source failed: the converting thread fails with this error.
    Failed(ImportError),
}

/// The parsing thread: the source's rows in batches through `tx`, reusing the batches
/// coming back through `spare`.
fn parse(source: &dyn RowSource, tx: &SyncSender<Raw>, spare: &Receiver<RawBatch>) {
    let fresh = || {
        let mut b = spare.try_recv().unwrap_or_default();
        b.len = 0;
        b
    };
    let mut batch = fresh();
    let mut last_share = 0.0;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        source.for_each_row(&mut |number, cells, share| {
            batch.push(number, cells);
            last_share = share;
            if batch.len >= RAW_ROWS {
                let mut full = std::mem::replace(&mut batch, fresh());
                full.share = share;
                tx.send(Raw::Rows(full)).map_err(|_| writer_gone())?;
            }
            Ok(())
        })
    }))
    .unwrap_or_else(|_| Err(ImportError::Unreadable("reader panic".into())));
    // When the converting thread is gone, so is the need to tell it anything.
    let _ = match result {
        Ok(()) => {
            batch.share = last_share;
            tx.send(Raw::Last(batch))
        }
        Err(e) => tx.send(Raw::Failed(e)),
    };
}

/// The rows of the parsing thread, for the converting one (one pass).
struct Handed {
    rx: Mutex<Receiver<Raw>>,
    spare: SyncSender<RawBatch>,
}

impl RowSource for Handed {
    fn for_each_row(&self, f: &mut RowVisitor<'_>) -> Result<(), ImportError> {
        let rx = self
            .rx
            .lock()
            .map_err(|_| ImportError::Unreadable("reader panic".into()))?;
        for msg in rx.iter() {
            match msg {
                Raw::Rows(batch) => {
                    for (number, cells) in &batch.rows[..batch.len] {
                        f(*number, cells, batch.share)?;
                    }
                    // Full of spares already: this one is dropped.
                    let _ = self.spare.try_send(batch);
                }
                Raw::Last(batch) => {
                    for (number, cells) in &batch.rows[..batch.len] {
                        f(*number, cells, batch.share)?;
                    }
                    return Ok(());
                }
                Raw::Failed(e) => return Err(e),
            }
        }
        // The parsing thread stopped without saying the source was read.
        Err(ImportError::Unreadable("reader stopped".into()))
    }
}

/// Per kept column: its index in the row, its type, its dot-thousands style.
type ColumnPlan = Vec<(usize, ColumnType, bool)>;

/// What the reading thread tells the writing one.
enum Msg {
    /// Rows read, and share of the source, while the types are not decided yet.
    Reading(u64, f64),
    /// The types the rows are written under: the table can be created.
    Start(Box<Analysis>),
    Rows(Batch),
}

/// The reading thread's error when the writing thread stopped first (its own error is
/// the one reported).
fn writer_gone() -> ImportError {
    ImportError::Unreadable("writer stopped".into())
}

/// True when row `number` is data under `plan`: under the header and the HXL row, and
/// not blank.
fn is_data(plan: &Analysis, number: usize, cells: &[RawCell]) -> bool {
    number > plan.header_row.max(plan.hxl_row) && !is_blank_row(cells)
}

/// Converts the data rows for `plan` into batches sent through `tx`.
struct Sender {
    tx: SyncSender<Msg>,
    batch: Batch,
    /// Batches inserted, sent back by the writing thread to be filled again (their
    /// buffers kept: no large allocation and page faults per batch).
    spare: Receiver<Batch>,
}

impl Sender {
    fn send(&self, msg: Msg) -> Result<(), ImportError> {
        self.tx.send(msg).map_err(|_| writer_gone())
    }

    fn push(
        &mut self,
        plan: &Analysis,
        missing: &Missing,
        number: usize,
        cells: &[RawCell],
        share: f64,
    ) -> Result<(), ImportError> {
        if !is_data(plan, number, cells) {
            return Ok(());
        }
        self.batch.push_row(
            cells,
            &plan.kept,
            &plan.columns,
            &plan.dot_thousands,
            missing,
        );
        if self.batch.full() {
            self.flush(share)?;
        }
        Ok(())
    }

    fn flush(&mut self, share: f64) -> Result<(), ImportError> {
        if self.batch.rows() > 0 {
            let mut next = self.spare.try_recv().unwrap_or_default();
            next.clear();
            let mut batch = std::mem::replace(&mut self.batch, next);
            batch.share = share;
            self.send(Msg::Rows(batch))?;
        }
        Ok(())
    }
}

/// How the reading thread ended.
struct Read {
    /// The decision of the whole file.
    analysis: Analysis,
    /// The rows sent were written under that same decision.
    written: bool,
}

/// The one pass: statistics on every row, the sample's decision sent as
/// [`Msg::Start`], then every data row converted and sent.
fn read_sampled(
    source: &dyn RowSource,
    opts: &ImportOptions,
    missing: &Missing,
    tx: SyncSender<Msg>,
    spare: Receiver<Batch>,
) -> Result<Read, ImportError> {
    let mut analyzer = Analyzer::new(opts, missing);
    let mut out = Sender {
        tx,
        batch: Batch::default(),
        spare,
    };
    // Rows kept until the sample decides; none kept once deciding failed.
    let mut pending: Option<Vec<Row>> = Some(Vec::new());
    let mut plan: Option<(Analysis, ColumnPlan)> = None;
    let mut seen: u64 = 0;
    let mut last = Instant::now();
    let mut last_share = 0.0;
    // Rows up to a requested header are never data.
    let first_data = opts.header_row.unwrap_or(0);
    source.for_each_row(&mut |number, cells, share| {
        seen += 1;
        last_share = share;
        if let Some((_, cols)) = &plan {
            // Every row is data now: observed and converted in one go.
            let batch = &mut out.batch;
            if analyzer.data_row(number, cells, cols, &mut |cell, v| {
                batch.push_value(cell, v)
            }) {
                batch.end_row();
                if batch.full() {
                    out.flush(share)?;
                }
            }
            return Ok(());
        }
        analyzer.row(number, cells);
        let Some(rows) = pending.as_mut() else {
            return Ok(());
        };
        if number > first_data && !is_blank_row(cells) {
            rows.push((number, cells.to_vec()));
        }
        if analyzer.decided() && analyzer.data_rows() >= SAMPLE_ROWS {
            match analyzer.conclude() {
                Some(Ok(p)) => {
                    out.send(Msg::Start(Box::new(p.clone())))?;
                    for (n, c) in pending.take().unwrap_or_default() {
                        out.push(&p, missing, n, &c, share)?;
                    }
                    let cols = p
                        .kept
                        .iter()
                        .zip(&p.columns)
                        .zip(&p.dot_thousands)
                        .map(|((&c, col), &dots)| (c, col.column_type, dots))
                        .collect::<Vec<_>>();
                    plan = Some((p, cols));
                }
                // The whole file decides (or fails) at the end; rows are written after.
                _ => pending = None,
            }
        } else if seen.is_multiple_of(256) && last.elapsed() >= PROGRESS_INTERVAL {
            last = Instant::now();
            out.send(Msg::Reading(seen, share))?;
        }
        Ok(())
    })?;
    let analysis = analyzer.finish()?;
    let written = match (plan, pending) {
        (Some((p, _)), _) => {
            p.kept == analysis.kept
                && p.columns == analysis.columns
                && p.dot_thousands == analysis.dot_thousands
        }
        // The file ended within the sample: its decision is the whole file's.
        (None, Some(rows)) => {
            out.send(Msg::Start(Box::new(analysis.clone())))?;
            for (n, c) in rows {
                out.push(&analysis, missing, n, &c, last_share)?;
            }
            true
        }
        (None, None) => false,
    };
    if written {
        out.flush(last_share)?;
    }
    Ok(Read { analysis, written })
}

/// Converts and sends every data row under a decision already made.
fn read_decided(
    prepared: &Prepared<'_>,
    plan: &Analysis,
    missing: &Missing,
    tx: SyncSender<Msg>,
    spare: Receiver<Batch>,
) -> Result<(), ImportError> {
    let mut out = Sender {
        tx,
        batch: Batch::default(),
        spare,
    };
    let mut last_share = 0.0;
    prepared.source.for_each_row(&mut |number, cells, share| {
        last_share = share;
        out.push(plan, missing, number, cells, share)
    })?;
    out.flush(last_share)
}

/// What the table is made of, besides its rows and warnings.
pub(super) struct Target<'a> {
    pub(super) table: &'a str,
    pub(super) source_file: &'a str,
    pub(super) sheet: Option<&'a str>,
    pub(super) replace: bool,
    pub(super) origin: Option<&'a super::PackOrigin>,
}

impl Target<'_> {
    fn spec<'s>(&'s self, plan: &'s Analysis) -> TableSpec<'s> {
        TableSpec {
            table: self.table,
            columns: &plan.columns,
            source_file: self.source_file,
            sheet: self.sheet,
            replace: self.replace,
            origin: self.origin,
        }
    }
}

/// Progress of the writing phase: the share of the source read, from `lo` to 98% (the
/// commit is given the last 2%).
fn writing_fraction(lo: f64, share: f64) -> f64 {
    lo + (0.98 - lo) * share.clamp(0.0, 1.0)
}

/// Inserts the batches coming through `rx` until the reading thread closes it; each
/// batch inserted goes back through `spare` to be filled again.
fn insert_all(
    writer: &mut RowWriter<'_>,
    rx: &Receiver<Msg>,
    spare: &SyncSender<Batch>,
    reporter: &mut Reporter<'_>,
    lo: f64,
) -> Result<(), ImportError> {
    for msg in rx {
        if let Msg::Rows(batch) = msg {
            writer.insert(&batch)?;
            reporter.maybe(
                Phase::Writing,
                writer.rows(),
                Some(writing_fraction(lo, batch.share)),
            );
            // Full of spares already, or the reading thread is done: dropped.
            let _ = spare.try_send(batch);
        }
    }
    Ok(())
}

/// The result of a reading thread, its panic turned into an error.
fn joined<T>(
    h: std::thread::ScopedJoinHandle<'_, Result<T, ImportError>>,
) -> Result<T, ImportError> {
    h.join()
        .unwrap_or_else(|_| Err(ImportError::Unreadable("reader panic".into())))
}

/// How the first pass ended.
enum First {
    /// The rows are written: how many, and the whole file's analysis.
    Done(u64, Analysis),
    /// Nothing written: the rows must be written under this analysis.
    Again(Analysis),
}

/// Reads `prepared` once (twice when the whole file decides other types than its
/// sample) and writes its table; returns the rows written, the whole file's analysis and
/// the warnings the writing thread's `warnings` gives for it.
pub(super) fn import_rows(
    conn: &mut rusqlite::Connection,
    prepared: &Prepared<'_>,
    opts: &ImportOptions,
    missing: &Missing,
    target: &Target<'_>,
    reporter: &mut Reporter<'_>,
    warnings: &dyn Fn(&Analysis) -> Vec<String>,
) -> Result<(u64, Analysis), ImportError> {
    let (lo, hi) = prepared.split;
    reporter.emit(Phase::Inferring, 0, Some(lo));
    let first = std::thread::scope(|s| {
        let (tx, rx) = sync_channel(CHANNEL_BATCHES);
        let (done_tx, done_rx) = sync_channel(CHANNEL_BATCHES + 2);
        // Three stages: parsing (calamine or the csv crate), observing and converting,
        // inserting (this thread).
        let (raw_tx, raw_rx) = sync_channel(CHANNEL_BATCHES);
        let (spare_tx, spare_rx) = sync_channel(CHANNEL_BATCHES + 2);
        let source = &*prepared.source;
        s.spawn(move || parse(source, &raw_tx, &spare_rx));
        let handed = Handed {
            rx: Mutex::new(raw_rx),
            spare: spare_tx,
        };
        let reader = s.spawn(move || read_sampled(&handed, opts, missing, tx, done_rx));
        let mut plan = None;
        for msg in &rx {
            match msg {
                Msg::Reading(seen, share) => {
                    reporter.maybe(Phase::Inferring, seen, Some(lo + (hi - lo) * share));
                }
                Msg::Start(p) => {
                    plan = Some(p);
                    break;
                }
                Msg::Rows(_) => {}
            }
        }
        let Some(plan) = plan else {
            drop(rx);
            return joined(reader).map(|r| First::Again(r.analysis));
        };
        reporter.emit(Phase::Writing, 0, Some(hi));
        let mut full = None;
        let rows = db::write_table(conn, &target.spec(&plan), |writer| {
            insert_all(writer, &rx, &done_tx, reporter, hi)?;
            drop(rx);
            let read = joined(reader)?;
            let said = read.written.then(|| warnings(&read.analysis));
            full = Some(read.analysis);
            Ok(said)
        })?;
        match (rows, full) {
            (Some(rows), Some(analysis)) => Ok(First::Done(rows, analysis)),
            (_, Some(analysis)) => Ok(First::Again(analysis)),
            (_, None) => Err(ImportError::Unreadable("reader lost".into())),
        }
    })?;
    let analysis = match first {
        First::Done(rows, analysis) => return Ok((rows, analysis)),
        First::Again(analysis) => analysis,
    };
    // The whole file decided otherwise than its sample: the rows again, under its types.
    reporter.emit(Phase::Writing, 0, Some(hi));
    let rows = std::thread::scope(|s| {
        let (tx, rx) = sync_channel(CHANNEL_BATCHES);
        let (done_tx, done_rx) = sync_channel(CHANNEL_BATCHES + 2);
        let plan = &analysis;
        let reader = s.spawn(move || read_decided(prepared, plan, missing, tx, done_rx));
        db::write_table(conn, &target.spec(plan), |writer| {
            insert_all(writer, &rx, &done_tx, reporter, hi)?;
            drop(rx);
            joined(reader)?;
            Ok(Some(warnings(plan)))
        })
    })?;
    let rows = rows.ok_or_else(|| ImportError::Unreadable("rows not written".into()))?;
    Ok((rows, analysis))
}
