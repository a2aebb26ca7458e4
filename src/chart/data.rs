//! Reading a table for a chart: columns found by name or label, rows read with quoted
//! identifiers, categories aggregated, and notes (in the chart's language) about what was
//! left out.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::Connection;

use super::{Agg, ChartError, ChartRequest};
use crate::analysis::columnar::Values;
use crate::i18n::catalog::{self, Arg};
use crate::i18n::text::fold;
use crate::i18n::{format_number, Lang};
use crate::store::tables::{quote_ident, TableInfo};
use crate::store::tables::{ColumnInfo, ColumnType};
use crate::tr;

/// What a chart is drawn from: the database, the table and the request, and the language
/// it is drawn in.
#[derive(Clone, Copy)]
pub(super) struct Input<'a> {
    pub conn: &'a Connection,
    pub info: &'a TableInfo,
    pub req: &'a ChartRequest,
    pub lang: Lang,
}

/// Most categories drawn as bars.
pub(super) const MAX_CATEGORIES: usize = 30;
/// Most x values of a line chart (days of a year and more).
pub(super) const MAX_LINE_POINTS: usize = 1000;
/// Most series (colours) drawn: the colour-blind-safe palette has 8 colours.
pub(super) const MAX_SERIES: usize = 8;
/// Most points drawn on a scatter plot or a map.
pub(super) const MAX_POINTS: usize = 20_000;

impl<'a> Input<'a> {
    /// The column `name` names: its SQLite name or its header label, case-insensitively.
    pub fn column(&self, name: &str) -> Result<&'a ColumnInfo, ChartError> {
        self.info
            .column(name)
            .ok_or_else(|| ChartError::UnknownColumn(name.to_string()))
    }

    /// The optional column `name` (an empty name counts as unset).
    pub fn opt_column(&self, name: Option<&str>) -> Result<Option<&'a ColumnInfo>, ChartError> {
        match name.map(str::trim) {
            None | Some("") => Ok(None),
            Some(n) => self.column(n).map(Some),
        }
    }

    /// The value column of the request (`y`, optional) and the calculation; `y` must hold
    /// numbers unless rows are counted.
    pub fn value_column(&self) -> Result<(Option<&'a ColumnInfo>, Agg), ChartError> {
        let y = self.opt_column(self.req.y.as_deref())?;
        let agg = self.req.effective_agg();
        if agg == Agg::Share {
            return Err(ChartError::UnknownAgg(agg.as_str().to_string()));
        }
        if let (Some(y), true) = (y, agg != Agg::Count) {
            numeric(y)?;
        }
        Ok((y, agg))
    }

    /// Every row of the table, the given columns in order.
    pub fn read(&self, cols: &[&ColumnInfo]) -> Result<Vec<Vec<Value>>, crate::Error> {
        let list: Vec<String> = cols.iter().map(|c| quote_ident(&c.name)).collect();
        let sql = format!(
            "SELECT {} FROM {}",
            list.join(", "),
            quote_ident(&self.info.name)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let n = cols.len();
        let rows = stmt.query_map([], |row| {
            (0..n)
                .map(|i| row.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(super) fn is_numeric(c: &ColumnInfo) -> bool {
    matches!(c.column_type, ColumnType::Integer | ColumnType::Number)
}

/// Fails with [`ChartError::NotNumeric`] unless `c` is a number column.
pub(super) fn numeric(c: &ColumnInfo) -> Result<&ColumnInfo, ChartError> {
    if is_numeric(c) {
        Ok(c)
    } else {
        Err(ChartError::NotNumeric(c.label.clone()))
    }
}

/// The text shown for a cell used as a category; `None` for an empty cell.
pub(super) fn key(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(r) if r.is_finite() && r.fract() == 0.0 && r.abs() < 1e15 => {
            Some(format!("{}", *r as i64))
        }
        Value::Real(r) => Some(r.to_string().replace('.', ",")),
        Value::Text(s) => {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Value::Blob(_) => None,
    }
}

/// The number in a cell; `None` for empty, text or non-finite cells.
pub(super) fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Integer(i) => Some(*i as f64),
        Value::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// The note `key` about `n` rows (left out, without a point…), with the catalog's
/// arguments `n` (for the plural), `count` (`n` written in `lang`) and `args`.
pub(super) fn rows_note(lang: Lang, n: usize, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut all = vec![
        ("n", Arg::from(n)),
        ("count", Arg::from(format_number(lang, n as f64, 0))),
    ];
    all.extend_from_slice(args);
    catalog::tr(lang, key, &all)
}

/// Note for rows left out because a column had no usable number.
pub(super) fn note_not_numeric(notes: &mut Vec<String>, lang: Lang, n: usize, label: &str) {
    column_note(notes, lang, n, "chart-note-no-number", label);
}

/// Note for rows left out because their category cell was empty.
pub(super) fn note_no_category(notes: &mut Vec<String>, lang: Lang, n: usize, label: &str) {
    column_note(notes, lang, n, "chart-note-no-category", label);
}

/// The note `key` about `n` rows left out because of their cell in the column `label`,
/// unless there are none.
fn column_note(notes: &mut Vec<String>, lang: Lang, n: usize, key: &str, label: &str) {
    if n > 0 {
        notes.push(rows_note(lang, n, key, &[("column", label.into())]));
    }
}

/// A table of aggregated values: categories × series.
#[derive(Debug, Clone)]
pub(super) struct Aggregated {
    pub categories: Vec<String>,
    /// One series (named after the value) when there is no group column.
    pub series: Vec<String>,
    /// `values[series][category]`, `None` when no row has that pair.
    pub values: Vec<Vec<Option<f64>>>,
}

/// Groups the rows by `x` (and `group`) and summarises `y` with `agg` (rows counted when
/// `y` is `None`). Categories are ordered by number when `x` is numeric, else
/// alphabetically (dates in ISO form sort by time); capped at `max_categories` and the
/// series at [`MAX_SERIES`] (the largest kept), with notes.
#[allow(clippy::too_many_arguments)]
pub(super) fn aggregate(
    input: Input<'_>,
    x: &ColumnInfo,
    y: Option<&ColumnInfo>,
    group: Option<&ColumnInfo>,
    agg: Agg,
    sort_desc: bool,
    max_categories: usize,
    notes: &mut Vec<String>,
) -> Result<Aggregated, crate::Error> {
    let mut cols = vec![x];
    if let Some(g) = group {
        cols.push(g);
    }
    if let Some(y) = y {
        cols.push(y);
    }
    let lang = input.lang;
    let rows = input.read(&cols)?;
    // The cells (category, series) numbered as first seen; each kept row's cell and number.
    let mut cells: Vec<(String, String)> = Vec::new();
    let mut cell_of: HashMap<(String, String), u32> = HashMap::new();
    let mut gid: Vec<u32> = Vec::new();
    let mut numbers: Vec<Option<f64>> = Vec::new();
    let mut cat_first: HashMap<String, Value> = HashMap::new();
    let (mut no_cat, mut no_num) = (0usize, 0usize);
    for row in &rows {
        let Some(cat) = key(&row[0]) else {
            no_cat += 1;
            continue;
        };
        let series = match group {
            Some(_) => match key(&row[1]) {
                Some(s) => s,
                None => {
                    no_cat += 1;
                    continue;
                }
            },
            None => String::new(),
        };
        let value = match y {
            Some(_) => match num(&row[cols.len() - 1]) {
                Some(v) => Some(v),
                None => {
                    no_num += 1;
                    continue;
                }
            },
            None => None,
        };
        cat_first
            .entry(cat.clone())
            .or_insert_with(|| row[0].clone());
        let cell = *cell_of.entry((cat, series)).or_insert_with_key(|k| {
            cells.push(k.clone());
            (cells.len() - 1) as u32
        });
        gid.push(cell);
        numbers.push(value);
    }
    note_no_category(notes, lang, no_cat, &x.label);
    if let Some(y) = y {
        note_not_numeric(notes, lang, no_num, &y.label);
    }
    if cells.is_empty() {
        return Err(ChartError::Empty.into());
    }

    // The figure of each cell, as a pipeline's group computes it.
    let kept: Vec<usize> = (0..gid.len()).collect();
    let column = y.map(|_| Values::Real(numbers));
    let figures = agg
        .by_group(column.as_ref(), &kept, &gid, cells.len())
        .ok_or_else(|| ChartError::UnknownAgg(agg.as_str().to_string()))?;
    let mut totals: HashMap<&str, f64> = HashMap::new();
    let mut series_totals: HashMap<&str, f64> = HashMap::new();
    let mut computed: HashMap<(&str, &str), f64> = HashMap::new();
    for ((cat, ser), figure) in cells.iter().zip(&figures) {
        let v = num(figure).unwrap_or(f64::NAN);
        *totals.entry(cat).or_default() += v;
        *series_totals.entry(ser).or_default() += v.abs();
        computed.insert((cat.as_str(), ser.as_str()), v);
    }

    // Categories: natural order, or largest first.
    let mut categories: Vec<String> = totals.keys().map(|s| s.to_string()).collect();
    if sort_desc {
        categories.sort_by(|a, b| {
            totals[b.as_str()]
                .total_cmp(&totals[a.as_str()])
                .then_with(|| fold(a).cmp(&fold(b)))
        });
    } else if is_numeric(x) {
        categories.sort_by(|a, b| {
            let fa = num(&cat_first[a]).unwrap_or(f64::NAN);
            let fb = num(&cat_first[b]).unwrap_or(f64::NAN);
            fa.total_cmp(&fb)
        });
    } else {
        categories.sort_by(|a, b| fold(a).cmp(&fold(b)).then_with(|| a.cmp(b)));
    }
    keep_first(
        &mut categories,
        max_categories,
        "chart-note-categories-cap",
        lang,
        notes,
    );

    // Series: alphabetical, the largest kept.
    let mut series: Vec<String> = series_totals.keys().map(|s| s.to_string()).collect();
    if series.len() > MAX_SERIES {
        series.sort_by(|a, b| series_totals[b.as_str()].total_cmp(&series_totals[a.as_str()]));
    }
    keep_first(
        &mut series,
        MAX_SERIES,
        "chart-note-series-cap",
        lang,
        notes,
    );
    series.sort_by(|a, b| fold(a).cmp(&fold(b)).then_with(|| a.cmp(b)));

    let values = series
        .iter()
        .map(|s| {
            categories
                .iter()
                .map(|c| computed.get(&(c.as_str(), s.as_str())).copied())
                .collect()
        })
        .collect();
    Ok(Aggregated {
        categories,
        series,
        values,
    })
}

/// Keeps the first `max` names of `list`, with the note `key` (`shown` of `total`) when
/// some are left out.
fn keep_first(list: &mut Vec<String>, max: usize, key: &str, lang: Lang, notes: &mut Vec<String>) {
    if list.len() > max {
        let (shown, total) = (max.to_string(), list.len().to_string());
        notes.push(tr!(lang, key, shown = shown, total = total));
        list.truncate(max);
    }
}
