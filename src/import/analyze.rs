//! The first pass over the rows: the header row (after title rows), an HXL hashtag row,
//! per-column statistics, then the columns' names and types and the warnings about them.

use crate::tr;

use super::detect::Prepared;
use super::infer::{self, ColumnStats, Missing, RawCell};
use super::pipeline::Reporter;
use super::{hxl, kobo};
use super::{
    ColumnInfo, ColumnType, ImportError, ImportOptions, Limit, Phase, Row, MAX_TABLE_COLUMNS,
    PREVIEW_ROWS,
};

/// Non-empty rows looked at to find the header.
const HEADER_SCAN_ROWS: usize = 50;

/// The result of the first pass.
#[derive(Clone)]
pub(super) struct Analysis {
    /// 1-based header row number; 0 when there is no header.
    pub(super) header_row: usize,
    /// 1-based row of the HXL hashtags (not data); 0 when there is none.
    pub(super) hxl_row: usize,
    /// Index in the row's cells of each kept column.
    pub(super) kept: Vec<usize>,
    pub(super) columns: Vec<ColumnInfo>,
    /// Per kept column: dots group thousands ("2.000" is 2000).
    pub(super) dot_thousands: Vec<bool>,
    /// First data rows, full width.
    pub(super) preview: Vec<Vec<RawCell>>,
    pub(super) warnings: Vec<String>,
}

pub(super) fn is_blank_row(cells: &[RawCell]) -> bool {
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

impl Observer {
    /// [`Observer::observe`], also converting the cells of the columns of `plan` (index
    /// in the row, type, dot-thousands; in row order) as they are observed: `each` gets
    /// each one's cell and value (see [`ColumnStats::observe_as`]). False for a blank row
    /// (nothing observed, nothing given).
    fn observe_converting(
        &mut self,
        cells: &[RawCell],
        missing: &Missing,
        plan: &[(usize, ColumnType, bool)],
        each: &mut dyn FnMut(&RawCell, Option<Option<infer::Typed>>),
    ) -> bool {
        if is_blank_row(cells) {
            return false;
        }
        if self.stats.len() < cells.len() {
            self.stats.resize(cells.len(), ColumnStats::default());
        }
        let mut wanted = plan.iter().peekable();
        for (c, (stat, cell)) in self.stats.iter_mut().zip(cells).enumerate() {
            match wanted.next_if(|p| p.0 == c) {
                Some(&(_, ty, dots)) => {
                    each(cell, stat.observe_as(cell, missing, Some((ty, dots))))
                }
                None => stat.observe(cell, missing),
            }
        }
        // Kept columns past the row's end.
        for _ in wanted {
            each(&RawCell::Empty, None);
        }
        self.rows += 1;
        if self.preview.len() < PREVIEW_ROWS {
            self.preview.push(cells.to_vec());
        }
        true
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

/// Decides the layout from the first non-blank rows, taken out of `buffer` (from the top
/// when the header is detected, else the rows under the requested header, taken out of
/// `fixed`); the data rows among them go to `obs`.
fn settle(
    explicit: bool,
    fixed: &mut Option<Row>,
    buffer: &mut Vec<Row>,
    obs: &mut Observer,
    missing: &Missing,
) -> Layout {
    let (fixed, rows) = (fixed.take(), std::mem::take(buffer));
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

/// The first pass, fed one row at a time: finds the header (and an HXL hashtag row),
/// gathers column statistics on the data rows. [`Analyzer::conclude`] decides names and
/// types from the rows seen so far, [`Analyzer::finish`] from all of them.
pub(super) struct Analyzer<'o> {
    opts: &'o ImportOptions,
    missing: &'o Missing,
    /// The requested header row, once read.
    fixed: Option<Row>,
    /// The layout is known (the header and the HXL row found).
    decided: bool,
    /// The first non-blank rows (detected header), or those under the requested header,
    /// kept until the header and the HXL row are known.
    buffer: Vec<Row>,
    wanted: usize,
    layout: Layout,
    obs: Observer,
    last_row: usize,
}

impl<'o> Analyzer<'o> {
    pub(super) fn new(opts: &'o ImportOptions, missing: &'o Missing) -> Self {
        Analyzer {
            opts,
            missing,
            fixed: None,
            decided: false,
            buffer: Vec::new(),
            wanted: if opts.header_row.is_some() {
                hxl::LOOKAHEAD + 1
            } else {
                HEADER_SCAN_ROWS
            },
            layout: Layout::default(),
            obs: Observer::default(),
            last_row: 0,
        }
    }

    /// True once the header (and the HXL row) are known: every later row is data.
    pub(super) fn decided(&self) -> bool {
        self.decided
    }

    /// Data rows observed so far.
    pub(super) fn data_rows(&self) -> u64 {
        self.obs.rows
    }

    /// Reads one row (1-based `number`, in order).
    pub(super) fn row(&mut self, number: usize, cells: &[RawCell]) {
        self.last_row = number;
        if self.decided {
            self.obs.observe(cells, self.missing);
            return;
        }
        if let Some(h) = self.opts.header_row {
            if self.fixed.is_none() {
                if number < h {
                    return;
                }
                if number == h {
                    self.fixed = Some((number, cells.to_vec()));
                    return;
                }
                // The requested header row is empty: unnamed columns.
                self.fixed = Some((h, Vec::new()));
            }
        }
        if is_blank_row(cells) {
            return;
        }
        self.buffer.push((number, cells.to_vec()));
        if self.buffer.len() >= self.wanted {
            self.decided = true;
            let explicit = self.opts.header_row.is_some();
            self.layout = settle(
                explicit,
                &mut self.fixed,
                &mut self.buffer,
                &mut self.obs,
                self.missing,
            );
        }
    }

    /// [`Analyzer::row`] once the layout is decided (every later row is data), also
    /// converting the cells of the columns of `plan` (see [`Observer::observe_converting`]).
    /// False for a blank row.
    pub(super) fn data_row(
        &mut self,
        number: usize,
        cells: &[RawCell],
        plan: &[(usize, ColumnType, bool)],
        each: &mut dyn FnMut(&RawCell, Option<Option<infer::Typed>>),
    ) -> bool {
        debug_assert!(self.decided);
        self.last_row = number;
        self.obs.observe_converting(cells, self.missing, plan, each)
    }

    /// Names and types from the rows seen so far; `None` until the layout is decided.
    pub(super) fn conclude(&self) -> Option<Result<Analysis, ImportError>> {
        self.decided
            .then(|| conclude(self.opts, &self.layout, &self.obs))
    }

    /// Names and types from every row.
    pub(super) fn finish(mut self) -> Result<Analysis, ImportError> {
        if !self.decided {
            let explicit = self.opts.header_row.is_some();
            if let (Some(h), None) = (self.opts.header_row, &self.fixed) {
                return Err(ImportError::HeaderRowOutOfRange {
                    row: h,
                    last: self.last_row,
                });
            }
            self.layout = settle(
                explicit,
                &mut self.fixed,
                &mut self.buffer,
                &mut self.obs,
                self.missing,
            );
        }
        conclude(self.opts, &self.layout, &self.obs)
    }
}

/// First pass: finds the header (and an HXL hashtag row), gathers column statistics on the
/// data rows, decides names and types.
pub(super) fn analyze(
    prepared: &Prepared<'_>,
    opts: &ImportOptions,
    missing: &Missing,
    reporter: &mut Reporter<'_>,
) -> Result<Analysis, ImportError> {
    let (lo, hi) = prepared.split;
    let mut analyzer = Analyzer::new(opts, missing);
    let mut seen: u64 = 0;
    reporter.emit(Phase::Inferring, 0, Some(lo));
    prepared.source.for_each_row(&mut |number, cells, share| {
        seen += 1;
        reporter.tick(Phase::Inferring, seen, Some(lo + (hi - lo) * share));
        analyzer.row(number, cells);
        Ok(())
    })?;
    analyzer.finish()
}

/// Names, types and warnings from the layout and the statistics of the rows observed.
fn conclude(
    opts: &ImportOptions,
    layout: &Layout,
    obs: &Observer,
) -> Result<Analysis, ImportError> {
    let header_opt = opts.header_row;
    let Observer {
        stats,
        rows,
        preview,
    } = obs;
    let rows = *rows;
    let Layout {
        header,
        skipped,
        hxl: tag_row,
    } = layout;
    let skipped = *skipped;

    let mut warnings = Vec::new();
    let header_row = header.as_ref().map_or(0, |(n, _)| *n);
    let no_cells = Vec::new();
    let header_cells: &Vec<RawCell> = header.as_ref().map_or(&no_cells, |(_, c)| c);
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
    // Said before SQLite refuses the CREATE TABLE in English.
    if kept.len() > MAX_TABLE_COLUMNS {
        return Err(ImportError::TooLarge {
            limit: Limit::TableColumns,
            found: kept.len() as u64,
            max: MAX_TABLE_COLUMNS as u64,
        });
    }
    let lang = opts.lang;
    if header_row == 0 {
        warnings.push(tr!(lang, "import-no-header"));
    } else if header_opt.is_none() && skipped > 0 {
        warnings.push(tr!(
            lang,
            "import-rows-above-header",
            count = skipped.to_string(),
            n = skipped,
            row = header_row.to_string()
        ));
    }
    if let Some(x) = &tag_row {
        warnings.push(hxl::note(lang, x.row, &x.tags, x.only));
    }
    if header_row != 0 && rows == 0 {
        warnings.push(tr!(lang, "import-no-data-rows"));
    }
    let labels: Vec<String> = kept.iter().map(|&c| label_at(c)).collect();
    let layout = kobo::layout(&labels);
    if layout.kobo {
        warnings.push(tr!(lang, "import-kobo"));
    }
    let (named, name_warnings) = infer::name_columns(lang, &labels, header_row != 0, &layout.names);
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
            warnings.push(tr!(lang, "import-type-for-unknown-column", column = key));
        }
    }
    for ((&c, ty), (_, label)) in kept.iter().zip(&types).zip(&named) {
        warnings.extend(stat(c).warnings(lang, label, *ty));
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
        preview: preview.clone(),
        warnings,
    })
}
