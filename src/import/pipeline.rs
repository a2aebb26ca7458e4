//! The read → infer → write pipeline: a preview (first pass only) or an import (first
//! pass, then the rows written in one transaction), with throttled progress reports.

use std::time::Instant;

use crate::tr;

use super::analyze::{analyze, Analysis};
use super::archive::{unpack, Unpacked};
use super::detect::{prepare, Source};
use super::infer::{self, Converted, Missing, RawCell, Typed};
use super::stream::{import_rows, Target};
use super::PROGRESS_INTERVAL;
use super::{db, ImportError, ImportOptions, ImportReport, Phase, Preview, Progress};

/// Throttles progress reports: at most one per [`PROGRESS_INTERVAL`] within
/// a phase (the clock is looked at every 256 rows), always one when a phase
/// starts and one at the end. Neither phases nor fractions go back (a pass run again
/// is reported in the phase already reached).
pub(super) struct Reporter<'f> {
    f: &'f mut dyn FnMut(&Progress),
    last: Instant,
    calls: u32,
    fraction: f64,
    phase: Phase,
}

impl<'f> Reporter<'f> {
    pub(super) fn new(f: &'f mut dyn FnMut(&Progress)) -> Self {
        Reporter {
            f,
            last: Instant::now(),
            calls: 0,
            fraction: 0.0,
            phase: Phase::Reading,
        }
    }

    pub(super) fn emit(&mut self, phase: Phase, rows: u64, fraction: Option<f64>) {
        let fraction = fraction.map(|x| {
            let x = if x.is_finite() {
                x.clamp(0.0, 1.0)
            } else {
                0.0
            };
            self.fraction = self.fraction.max(x);
            self.fraction
        });
        self.phase = self.phase.max(phase);
        self.last = Instant::now();
        (self.f)(&Progress {
            phase: self.phase,
            rows,
            fraction,
        });
    }

    /// A report, unless the previous one is too recent.
    pub(super) fn maybe(&mut self, phase: Phase, rows: u64, fraction: Option<f64>) {
        if self.last.elapsed() >= PROGRESS_INTERVAL {
            self.emit(phase, rows, fraction);
        }
    }

    /// A report that may be skipped when the previous one is too recent.
    pub(super) fn tick(&mut self, phase: Phase, rows: u64, fraction: Option<f64>) {
        self.calls = self.calls.wrapping_add(1);
        if self.calls.is_multiple_of(256) && self.last.elapsed() >= PROGRESS_INTERVAL {
            self.emit(phase, rows, fraction);
        }
    }
}

/// Shares of the whole import given to each phase: (start of inferring,
/// start of writing). Rough, from the benchmark.
pub(super) const WORKBOOK_SPLIT: (f64, f64) = (0.5, 0.6);
/// Text files are read once: scanning for the encoding and the separator, then the
/// sample, then the rows converted and written.
pub(super) const TEXT_SPLIT: (f64, f64) = (0.03, 0.06);
/// A workbook whose rows are streamed (XLSX, XLSB): only the sheet's choice before.
pub(super) const STREAM_SPLIT: (f64, f64) = (0.02, 0.05);

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

/// The file to read: the one inside a compressed file (with a warning saying so), else
/// `src` itself.
fn unpacked<'a>(
    src: Source<'a>,
    file_name: &'a str,
    inner: &'a Option<Unpacked>,
    lang: crate::i18n::Lang,
) -> (Source<'a>, &'a str, Vec<String>) {
    match inner {
        Some(u) => {
            let said = tr!(lang, "import-unpacked", file = &u.name, archive = file_name);
            (Source::Bytes(&u.bytes), u.name.as_str(), vec![said])
        }
        None => (src, file_name, Vec::new()),
    }
}

pub(super) fn preview_source(
    src: Source<'_>,
    file_name: &str,
    opts: &ImportOptions,
) -> Result<Preview, ImportError> {
    let mut ignore = |_: &Progress| {};
    let mut reporter = Reporter::new(&mut ignore);
    let missing = Missing::new(opts.missing_values.as_deref());
    let inner = unpack(&src, file_name)?;
    let (src, file_name, mut warnings) = unpacked(src, file_name, &inner, opts.lang);
    let prepared = prepare(src, file_name, opts, &mut reporter)?;
    let mut analysis = analyze(&prepared, opts, &missing, &mut reporter);
    if analysis.is_err() && prepared.source.restart() {
        analysis = analyze(&prepared, opts, &missing, &mut reporter);
    }
    let analysis = analysis?;
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
    warnings.extend(prepared.warnings);
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

pub(super) fn import_source(
    conn: &mut rusqlite::Connection,
    src: Source<'_>,
    file_name: &str,
    opts: &ImportOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport, ImportError> {
    let source_file = file_name;
    let inner = unpack(&src, file_name)?;
    let (src, file_name, mut warnings) = unpacked(src, file_name, &inner, opts.lang);
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
    warnings.extend(prepared.warnings.iter().cloned());
    let target = Target {
        table: &table,
        source_file,
        sheet: prepared.sheet.as_deref(),
        replace: opts.replace,
        origin: opts.origin.as_ref(),
    };
    let all_warnings = |analysis: &Analysis| {
        let mut all = warnings.clone();
        all.extend(analysis.warnings.iter().cloned());
        all
    };
    let mut rows = || {
        import_rows(
            conn,
            &prepared,
            opts,
            &missing,
            &target,
            &mut reporter,
            &all_warnings,
        )
    };
    let mut result = rows();
    if result.is_err() && prepared.source.restart() {
        // Nothing was written: the same pass again, the source read another way.
        result = rows();
    }
    let (rows, analysis) = result?;
    let warnings = all_warnings(&analysis);
    reporter.emit(Phase::Writing, rows, Some(1.0));
    Ok(ImportReport {
        table,
        rows,
        columns: analysis.columns,
        warnings,
    })
}
