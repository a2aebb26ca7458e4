//! Indicators on a table: [`compute`] reads the columns of an imported table (by name or
//! label), skips and counts missing or non-numeric cells, applies the functions of
//! [`super::measures`] and returns the figure with its wording for a trainee, in the
//! language asked and in French ([`IndicatorResult`]; sentences from `indicators.ftl`).

use std::collections::BTreeMap;

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::error::{decimals_for, IndicatorError, ZeroDivisor};
use super::measures::*;
use crate::error::{Error, Result};
use crate::i18n::{format_number, Lang};
use crate::store::tables::{quote_ident, table_info};
use crate::tr;

/// The kinds [`compute`] knows, as the UI sends them.
pub const KINDS: [&str; 12] = [
    "gini",
    "lorenz",
    "palma",
    "s80s20",
    "cv",
    "max-min",
    "share",
    "rate",
    "parity",
    "gpi",
    "gap",
    "per-capita",
];

/// What to compute on a table. Empty strings count as absent (the UI sends `""` for an
/// unselected column).
///
/// - `gini`, `lorenz`, `palma`, `s80s20` (`s80_s20`): on `value`, weighted by `weight` if
///   given (each row stands for `weight` people).
/// - `cv`, `max-min` (`max_min`): on `value`; with `group`, on the mean of `value` in each
///   group.
/// - `share`: share (%) of each group of `group` in the sum of `value` (or in the number of
///   rows without `value`); the figure is the share of group `num`, or of the largest group.
/// - `rate` (`per-capita` is `rate` with `per` = 1): Σ `value` / Σ `den` (a column) × `per`
///   (default 1 000), over rows where both are numbers; with `group`, one rate per group.
/// - `parity`, `gpi`, `gap`: compares group `num` to group `den` of column `group`. Each
///   group's figure is its value when it has one row (already aggregated table), the mean of
///   `value` over its rows when it has several (e.g. a 0/1 "enrolled" column gives a rate),
///   or its number of rows when no `value` column is given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorRequest {
    pub kind: String,
    pub value: Option<String>,
    pub weight: Option<String>,
    pub group: Option<String>,
    pub num: Option<String>,
    pub den: Option<String>,
    pub per: Option<f64>,
}

/// A computed indicator, with its wording for a trainee: in the language asked (`label`,
/// `value_text`, `explanation`) and in French (the `_fr` fields, which the JSON of
/// `datajam indicator --json` has always had).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    /// Canonical kind (`s80s20`, `max-min`, …).
    pub kind: String,
    pub value: f64,
    /// `Indice de Gini`.
    pub label_fr: String,
    /// The figure formatted the French way: `0,42`, `12,3 points`, `1 234,5 ‰`.
    pub value_fr: String,
    /// One sentence saying how to read the figure, in French.
    pub explanation_fr: String,
    /// The indicator's name in the language asked: `Gini index`.
    pub label: String,
    /// The figure with its unit in the language asked: `0.42`, `12.3 points`, `1,234.5 ‰`
    /// (`value` is the number itself).
    pub value_text: String,
    /// One sentence saying how to read the figure, in the language asked.
    pub explanation: String,
    /// Rows skipped (missing + not numeric), for a quick notice.
    pub skipped: usize,
    pub details: IndicatorDetails,
}

/// What the figure was computed on.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IndicatorDetails {
    /// Rows used.
    pub n: usize,
    /// Rows skipped because a needed cell was empty.
    pub skipped_missing: usize,
    /// Rows skipped because a needed cell was not a number.
    pub skipped_not_numeric: usize,
    /// Lorenz curve (population share, income share), at most 101 points, for `gini` and
    /// `lorenz`.
    pub lorenz: Option<Vec<[f64; 2]>>,
    /// Per-group figures, for kinds that use groups.
    pub groups: Option<Vec<GroupFigure>>,
}

/// One group's figure: its mean, count, share (%) or rate, depending on the indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupFigure {
    pub group: String,
    /// Rows of the group that were used.
    pub rows: usize,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Gini,
    Lorenz,
    Palma,
    S80S20,
    Cv,
    MaxMin,
    Share,
    Rate,
    Parity,
    Gpi,
    Gap,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        let k = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Some(match k.as_str() {
            "gini" => Kind::Gini,
            "lorenz" => Kind::Lorenz,
            "palma" => Kind::Palma,
            "s80s20" | "s80-s20" => Kind::S80S20,
            "cv" => Kind::Cv,
            "max-min" | "maxmin" => Kind::MaxMin,
            "share" => Kind::Share,
            "rate" | "per-capita" => Kind::Rate,
            "parity" => Kind::Parity,
            "gpi" => Kind::Gpi,
            "gap" => Kind::Gap,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Gini => "gini",
            Kind::Lorenz => "lorenz",
            Kind::Palma => "palma",
            Kind::S80S20 => "s80s20",
            Kind::Cv => "cv",
            Kind::MaxMin => "max-min",
            Kind::Share => "share",
            Kind::Rate => "rate",
            Kind::Parity => "parity",
            Kind::Gpi => "gpi",
            Kind::Gap => "gap",
        }
    }
}

/// A cell read as a number.
enum Cell {
    Num(f64),
    Missing,
    NotNumeric,
}

fn cell(v: ValueRef<'_>) -> Cell {
    match v {
        ValueRef::Null => Cell::Missing,
        ValueRef::Integer(i) => Cell::Num(i as f64),
        ValueRef::Real(r) if r.is_finite() => Cell::Num(r),
        ValueRef::Real(_) => Cell::NotNumeric,
        ValueRef::Text(t) => {
            let t = String::from_utf8_lossy(t);
            if t.trim().is_empty() {
                return Cell::Missing;
            }
            match crate::i18n::parse::number(&t) {
                Some(x) if x.is_finite() => Cell::Num(x),
                _ => Cell::NotNumeric,
            }
        }
        ValueRef::Blob(_) => Cell::NotNumeric,
    }
}

fn group_key(v: ValueRef<'_>) -> Option<String> {
    match v {
        ValueRef::Null | ValueRef::Blob(_) => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(r) => Some(r.to_string()),
        ValueRef::Text(t) => {
            Some(String::from_utf8_lossy(t).trim().to_string()).filter(|s| !s.is_empty())
        }
    }
}

/// Rows read from the table: numbers per requested numeric column, plus the group key.
struct Rows {
    nums: Vec<Vec<f64>>,
    groups: Vec<String>,
    missing: usize,
    not_numeric: usize,
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Resolves a column of the table by its name or its label ([`TableInfo::column`]).
fn resolve_column(info: &crate::store::tables::TableInfo, wanted: &str) -> Result<String> {
    info.column(wanted)
        .map(|c| c.name.clone())
        .ok_or_else(|| Error::ColumnNotFound(wanted.to_string()))
}

fn read_rows(
    conn: &Connection,
    table: &str,
    numeric: &[&str],
    group: Option<&str>,
) -> Result<Rows> {
    let mut cols: Vec<String> = numeric.iter().map(|c| quote_ident(c)).collect();
    if let Some(g) = group {
        cols.push(quote_ident(g));
    }
    let sql = format!("SELECT {} FROM {}", cols.join(", "), quote_ident(table));
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Rows {
        nums: vec![Vec::new(); numeric.len()],
        groups: Vec::new(),
        missing: 0,
        not_numeric: 0,
    };
    let mut buf = Vec::with_capacity(numeric.len());
    while let Some(row) = rows.next()? {
        buf.clear();
        let mut missing = false;
        let mut not_numeric = false;
        for i in 0..numeric.len() {
            match cell(row.get_ref(i)?) {
                Cell::Num(x) => buf.push(x),
                Cell::Missing => missing = true,
                Cell::NotNumeric => not_numeric = true,
            }
        }
        let key = match group {
            Some(_) => {
                let k = group_key(row.get_ref(numeric.len())?);
                if k.is_none() {
                    missing = true;
                }
                k
            }
            None => None,
        };
        if missing {
            out.missing += 1;
            continue;
        }
        if not_numeric {
            out.not_numeric += 1;
            continue;
        }
        for (i, x) in buf.iter().enumerate() {
            out.nums[i].push(*x);
        }
        if let Some(k) = key {
            out.groups.push(k);
        }
    }
    Ok(out)
}

/// Per group: (rows, sum of each numeric column), in first-seen order.
fn by_group(rows: &Rows) -> Vec<(String, usize, Vec<f64>)> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out: Vec<(String, usize, Vec<f64>)> = Vec::new();
    for (r, g) in rows.groups.iter().enumerate() {
        let i = *index.entry(g.as_str()).or_insert_with(|| {
            out.push((g.clone(), 0, vec![0.0; rows.nums.len()]));
            out.len() - 1
        });
        out[i].1 += 1;
        for (c, col) in rows.nums.iter().enumerate() {
            out[i].2[c] += col[r];
        }
    }
    out
}

fn find_group<'a>(
    groups: &'a [GroupFigure],
    column: &str,
    wanted: &str,
) -> std::result::Result<&'a GroupFigure, IndicatorError> {
    groups
        .iter()
        .find(|g| g.group == wanted)
        .or_else(|| {
            groups
                .iter()
                .find(|g| g.group.to_lowercase() == wanted.to_lowercase())
        })
        .ok_or_else(|| IndicatorError::GroupNotFound {
            column: column.to_string(),
            value: wanted.to_string(),
            available: groups.iter().take(12).map(|g| g.group.clone()).collect(),
        })
}

/// Resamples a Lorenz curve to at most 101 points (every percentile) for display.
fn lorenz_for_display(points: &[(f64, f64)]) -> Vec<[f64; 2]> {
    if points.len() <= 101 {
        return points.iter().map(|p| [p.0, p.1]).collect();
    }
    (0..=100)
        .map(|i| {
            let p = f64::from(i) / 100.0;
            [p, lorenz_at(points, p).unwrap_or(p)]
        })
        .collect()
}

fn need<'a>(
    kind: Kind,
    v: Option<&'a str>,
    arg: &'static str,
) -> std::result::Result<&'a str, IndicatorError> {
    v.ok_or(IndicatorError::MissingArgument {
        kind: kind.name().to_string(),
        arg,
    })
}

fn no_values(column: &str, rows: &Rows) -> IndicatorError {
    IndicatorError::NoValues {
        column: column.to_string(),
        missing: rows.missing,
        not_numeric: rows.not_numeric,
    }
}

/// `x` with `decimals` decimals, written the way of `lang` (`0,42` or `0.42`).
fn num(lang: Lang, x: f64, decimals: usize) -> String {
    format_number(lang, x, decimals)
}

/// Computes an indicator on an imported table, worded in `lang` (and always in French, in
/// the `_fr` fields). Missing and non-numeric cells are skipped and counted in `details`; a
/// column with no usable number, a negative income for the Gini family or a division by
/// zero give an [`IndicatorError`] (as [`Error::Indicator`]).
pub fn compute(
    conn: &Connection,
    table: &str,
    req: &IndicatorRequest,
    lang: Lang,
) -> Result<IndicatorResult> {
    let kind =
        Kind::parse(&req.kind).ok_or_else(|| IndicatorError::UnknownKind(req.kind.clone()))?;
    let info = table_info(conn, table)?;
    let col = |s: Option<&str>| -> Result<Option<String>> {
        s.map(|c| resolve_column(&info, c)).transpose()
    };
    let value = col(non_empty(&req.value))?;
    let weight = col(non_empty(&req.weight))?;
    let group = col(non_empty(&req.group))?;
    let focus = non_empty(&req.num);
    let den = non_empty(&req.den);
    let is_per_capita = req.kind.trim().eq_ignore_ascii_case("per-capita")
        || req.kind.trim().eq_ignore_ascii_case("per_capita");
    let per = match req.per {
        Some(p) if !(p.is_finite() && p > 0.0) => return Err(IndicatorError::InvalidPer(p).into()),
        Some(p) => p,
        None if is_per_capita => 1.0,
        None => 1000.0,
    };
    let (table, words) = (info.name.as_str(), Words { lang });
    match kind {
        Kind::Gini | Kind::Lorenz | Kind::Palma | Kind::S80S20 => {
            let vcol = need(kind, value.as_deref(), "value")?;
            let mut numeric = vec![vcol];
            if let Some(w) = weight.as_deref() {
                numeric.push(w);
            }
            let rows = read_rows(conn, table, &numeric, None)?;
            distribution(kind, vcol, weight.as_deref(), rows, words)
        }
        Kind::Cv | Kind::MaxMin => {
            let vcol = need(kind, value.as_deref(), "value")?;
            let rows = read_rows(conn, table, &[vcol], group.as_deref())?;
            dispersion(kind, vcol, group.is_some(), rows, words)
        }
        Kind::Share => {
            let gcol = need(kind, group.as_deref(), "group")?;
            let numeric: Vec<&str> = value.as_deref().into_iter().collect();
            let rows = read_rows(conn, table, &numeric, Some(gcol))?;
            share_of(gcol, value.as_deref(), focus, rows, words)
        }
        Kind::Rate => {
            let vcol = need(kind, value.as_deref(), "value")?;
            let dcol = resolve_column(&info, need(kind, den, "den")?)?;
            let rows = read_rows(conn, table, &[vcol, &dcol], group.as_deref())?;
            rate_of(vcol, &dcol, per, rows, words)
        }
        Kind::Parity | Kind::Gpi | Kind::Gap => {
            let gcol = need(kind, group.as_deref(), "group")?;
            let a = need(kind, focus, "num")?;
            let b = need(kind, den, "den")?;
            let numeric: Vec<&str> = value.as_deref().into_iter().collect();
            let rows = read_rows(conn, table, &numeric, Some(gcol))?;
            compare(kind, gcol, value.as_deref(), (a, b), rows, words)
        }
    }
}

fn details(rows: &Rows, n: usize) -> IndicatorDetails {
    IndicatorDetails {
        n,
        skipped_missing: rows.missing,
        skipped_not_numeric: rows.not_numeric,
        lorenz: None,
        groups: None,
    }
}

/// Words a computed figure in the language asked and in French.
#[derive(Clone, Copy)]
struct Words {
    lang: Lang,
}

impl Words {
    /// The result for `kind` named by the catalog's `label` key; `read` gives the figure
    /// with its unit and the sentence saying how to read it, in a language.
    fn result(
        self,
        kind: Kind,
        label: &str,
        value: f64,
        details: IndicatorDetails,
        read: impl Fn(Lang) -> (String, String),
    ) -> Result<IndicatorResult> {
        let (value_fr, explanation_fr) = read(Lang::Fr);
        let (value_text, explanation) = read(self.lang);
        Ok(IndicatorResult {
            kind: kind.name().to_string(),
            value,
            label_fr: tr!(Lang::Fr, label),
            value_fr,
            explanation_fr,
            label: tr!(self.lang, label),
            value_text,
            explanation,
            skipped: details.skipped_missing + details.skipped_not_numeric,
            details,
        })
    }
}

fn distribution(
    kind: Kind,
    vcol: &str,
    wcol: Option<&str>,
    rows: Rows,
    words: Words,
) -> Result<IndicatorResult> {
    let values = &rows.nums[0];
    if values.is_empty() {
        return Err(no_values(vcol, &rows).into());
    }
    if let Some(v) = values.iter().find(|v| **v < 0.0) {
        return Err(IndicatorError::NegativeValue {
            column: vcol.to_string(),
            value: *v,
        }
        .into());
    }
    let weights = wcol.map(|_| rows.nums[1].as_slice());
    if let (Some(w), Some(wc)) = (weights, wcol) {
        if let Some(x) = w.iter().find(|x| **x < 0.0) {
            return Err(IndicatorError::NegativeWeight {
                column: wc.to_string(),
                value: *x,
            }
            .into());
        }
    }
    let points = lorenz_points(values, weights).ok_or_else(|| IndicatorError::AllZero {
        column: wcol
            .filter(|_| values.iter().any(|v| *v > 0.0))
            .unwrap_or(vcol)
            .to_string(),
    })?;
    let mut d = details(&rows, values.len());
    let weighted = if wcol.is_some() { "yes" } else { "no" };
    match kind {
        Kind::Gini | Kind::Lorenz => {
            let g = match weights {
                Some(w) => gini_weighted(values, w),
                None => gini(values),
            }
            .unwrap_or(0.0);
            d.lorenz = Some(lorenz_for_display(&points));
            let bottom = lorenz_at(&points, 0.5).unwrap_or(0.0) * 100.0;
            let (label, key) = if kind == Kind::Gini {
                ("indicator-label-gini", "indicator-gini")
            } else {
                ("indicator-label-lorenz", "indicator-lorenz")
            };
            words.result(kind, label, g, d, |lang| {
                let gini = num(lang, g, 2);
                let text = tr!(
                    lang,
                    key,
                    gini = gini.as_str(),
                    bottom = num(lang, bottom, 1),
                    weighted = weighted
                );
                (gini, text)
            })
        }
        _ => {
            let (top, bottom, label, key) = if kind == Kind::Palma {
                (0.1, 0.4, "indicator-label-palma", "indicator-palma")
            } else {
                (0.2, 0.2, "indicator-label-s80s20", "indicator-s80s20")
            };
            let low = lorenz_at(&points, bottom).unwrap_or(0.0);
            let high = 1.0 - lorenz_at(&points, 1.0 - top).unwrap_or(1.0);
            if low <= 0.0 {
                return Err(IndicatorError::DivisionByZero(ZeroDivisor::Poorest {
                    percent: (bottom * 100.0).round(),
                })
                .into());
            }
            let r = high / low;
            words.result(kind, label, r, d, |lang| {
                let ratio = num(lang, r, 2);
                let text = tr!(
                    lang,
                    key,
                    ratio = ratio.as_str(),
                    top = num(lang, high * 100.0, 1),
                    bottom = num(lang, low * 100.0, 1),
                    weighted = weighted
                );
                (ratio, text)
            })
        }
    }
}

fn group_means(rows: &Rows) -> Vec<GroupFigure> {
    by_group(rows)
        .into_iter()
        .map(|(group, n, sums)| GroupFigure {
            group,
            rows: n,
            value: sums.first().map(|s| s / n as f64).unwrap_or(n as f64),
        })
        .collect()
}

fn dispersion(
    kind: Kind,
    vcol: &str,
    grouped: bool,
    rows: Rows,
    words: Words,
) -> Result<IndicatorResult> {
    if rows.nums[0].is_empty() {
        return Err(no_values(vcol, &rows).into());
    }
    let mut d = details(&rows, rows.nums[0].len());
    let values: Vec<f64> = if grouped {
        let g = group_means(&rows);
        let v = g.iter().map(|g| g.value).collect();
        d.groups = Some(g);
        v
    } else {
        rows.nums[0].clone()
    };
    let of = if grouped { "groups" } else { "values" };
    if kind == Kind::Cv {
        let c = cv(&values).ok_or(IndicatorError::DivisionByZero(ZeroDivisor::Mean))?;
        words.result(kind, "indicator-label-cv", c, d, |lang| {
            let figure = num(lang, c, 2);
            let text = tr!(
                lang,
                "indicator-cv",
                cv = figure.as_str(),
                percent = num(lang, c * 100.0, 1),
                of = of
            );
            (figure, text)
        })
    } else {
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let r = max_min_ratio(&values).ok_or(IndicatorError::DivisionByZero(
            ZeroDivisor::Smallest { value: min },
        ))?;
        words.result(kind, "indicator-label-max-min", r, d, |lang| {
            let ratio = num(lang, r, 2);
            let text = tr!(lang, "indicator-max-min", ratio = ratio.as_str(), of = of);
            (ratio, text)
        })
    }
}

fn share_of(
    gcol: &str,
    vcol: Option<&str>,
    num_group: Option<&str>,
    rows: Rows,
    words: Words,
) -> Result<IndicatorResult> {
    if rows.groups.is_empty() {
        return Err(no_values(vcol.unwrap_or(gcol), &rows).into());
    }
    let sums: Vec<GroupFigure> = by_group(&rows)
        .into_iter()
        .map(|(group, n, s)| GroupFigure {
            group,
            rows: n,
            value: s.first().copied().unwrap_or(n as f64),
        })
        .collect();
    let total: f64 = sums.iter().map(|g| g.value).sum();
    if total == 0.0 {
        return Err(IndicatorError::AllZero {
            column: vcol.unwrap_or(gcol).to_string(),
        }
        .into());
    }
    let mut shares: Vec<GroupFigure> = sums
        .into_iter()
        .map(|g| GroupFigure {
            value: share(g.value, total).unwrap_or(0.0),
            ..g
        })
        .collect();
    shares.sort_by(|a, b| b.value.total_cmp(&a.value));
    let pick = match num_group {
        Some(n) => find_group(&shares, gcol, n)?.clone(),
        None => shares[0].clone(),
    };
    let groups = shares.len();
    let mut d = details(&rows, rows.groups.len());
    d.groups = Some(shares);
    words.result(
        Kind::Share,
        "indicator-label-share",
        pick.value,
        d,
        |lang| {
            let percent = num(lang, pick.value, 1);
            let text = tr!(
                lang,
                "indicator-share",
                group = pick.group.as_str(),
                percent = percent.as_str(),
                of = if vcol.is_some() { "column" } else { "rows" },
                column = vcol.unwrap_or_default(),
                groups = groups.to_string(),
                n = groups,
                largest = if num_group.is_none() { "yes" } else { "no" }
            );
            (tr!(lang, "indicator-figure-percent", value = percent), text)
        },
    )
}

/// A rate with its unit: `20,00 ‰`, `12,5 %`, `2 000,0` (per person), `3,2 pour 10 000`.
fn format_rate(lang: Lang, r: f64, per: f64) -> String {
    let decimals = if r.abs() >= 100.0 { 1 } else { 2 };
    if per == 1000.0 {
        tr!(
            lang,
            "indicator-figure-per-mille",
            value = num(lang, r, decimals)
        )
    } else if per == 100.0 {
        tr!(
            lang,
            "indicator-figure-percent",
            value = num(lang, r, decimals)
        )
    } else if per == 1.0 {
        let decimals = if r.abs() >= 100.0 {
            1
        } else if r.abs() >= 1.0 {
            2
        } else {
            4
        };
        num(lang, r, decimals)
    } else {
        tr!(
            lang,
            "indicator-figure-per",
            value = num(lang, r, decimals),
            per = num(lang, per, decimals_for(per))
        )
    }
}

fn rate_of(vcol: &str, dcol: &str, per: f64, rows: Rows, words: Words) -> Result<IndicatorResult> {
    let (nums, dens) = (&rows.nums[0], &rows.nums[1]);
    if nums.is_empty() {
        return Err(no_values(vcol, &rows).into());
    }
    let (sn, sd): (f64, f64) = (nums.iter().sum(), dens.iter().sum());
    let r = rate(sn, sd, per).ok_or_else(|| {
        IndicatorError::DivisionByZero(ZeroDivisor::ColumnSum {
            column: dcol.to_string(),
        })
    })?;
    let mut d = details(&rows, nums.len());
    if !rows.groups.is_empty() {
        d.groups = Some(
            by_group(&rows)
                .into_iter()
                .map(|(group, n, s)| GroupFigure {
                    group,
                    rows: n,
                    value: rate(s[0], s[1], per).unwrap_or(f64::NAN),
                })
                .filter(|g| g.value.is_finite())
                .collect(),
        );
    }
    let label = if per == 1.0 {
        "indicator-label-per-capita"
    } else {
        "indicator-label-rate"
    };
    words.result(Kind::Rate, label, r, d, |lang| {
        let per_text = num(lang, per, decimals_for(per));
        let shown = if per == 1.0 {
            tr!(
                lang,
                "indicator-rate-shown-per-one",
                rate = format_rate(lang, r, per),
                value = vcol,
                den = dcol
            )
        } else {
            tr!(
                lang,
                "indicator-rate-shown",
                rate = num(lang, r, if r.abs() >= 100.0 { 1 } else { 2 }),
                value = vcol,
                per = per_text.as_str(),
                den = dcol
            )
        };
        let text = tr!(
            lang,
            "indicator-rate",
            shown = shown,
            value = vcol,
            value_sum = num(lang, sn, decimals_for(sn)),
            den = dcol,
            den_sum = num(lang, sd, decimals_for(sd)),
            per = per_text
        );
        (format_rate(lang, r, per), text)
    })
}

fn compare(
    kind: Kind,
    gcol: &str,
    vcol: Option<&str>,
    (a, b): (&str, &str),
    rows: Rows,
    words: Words,
) -> Result<IndicatorResult> {
    if rows.groups.is_empty() {
        return Err(no_values(vcol.unwrap_or(gcol), &rows).into());
    }
    let mut groups = group_means(&rows);
    // A 0/1 column averaged over many rows gives proportions: shown as percentages, so
    // that a gap reads in percentage points (ratios are unchanged).
    let binary = rows
        .nums
        .first()
        .is_some_and(|v| v.iter().all(|x| *x == 0.0 || *x == 1.0));
    if binary && groups.iter().any(|g| g.rows > 1) {
        for g in &mut groups {
            g.value *= 100.0;
        }
    }
    let ga = find_group(&groups, gcol, a)?.clone();
    let gb = find_group(&groups, gcol, b)?.clone();
    let mut d = details(&rows, rows.groups.len());
    d.groups = Some(groups);
    let (va, vb) = (ga.value, gb.value);
    let (na, nb) = (ga.group.as_str(), gb.group.as_str());
    if kind == Kind::Gap {
        let g = gap_points(va, vb);
        let side = if g < 0.0 {
            "below"
        } else if g > 0.0 {
            "above"
        } else {
            "none"
        };
        return words.result(kind, "indicator-label-gap", g, d, |lang| {
            let text = tr!(
                lang,
                "indicator-gap",
                a = na,
                a_value = num(lang, va, 1),
                b = nb,
                b_value = num(lang, vb, 1),
                gap = num(lang, g.abs(), 1),
                side = side
            );
            (
                tr!(lang, "indicator-figure-points", value = num(lang, g, 1)),
                text,
            )
        });
    }
    let division = || {
        IndicatorError::DivisionByZero(ZeroDivisor::Group {
            group: nb.to_string(),
        })
    };
    let (p, label, key) = if kind == Kind::Parity {
        (
            parity_index(va, vb).ok_or_else(division)?,
            "indicator-label-parity",
            "indicator-parity",
        )
    } else {
        (
            gpi_adjusted(va, vb).ok_or_else(division)?,
            "indicator-label-gpi",
            "indicator-gpi",
        )
    };
    let side = if (p - 1.0).abs() < 0.005 {
        "parity"
    } else if p < 1.0 {
        "below"
    } else {
        "above"
    };
    words.result(kind, label, p, d, |lang| {
        let index = num(lang, p, 2);
        let text = tr!(
            lang,
            key,
            a = na,
            a_value = num(lang, va, 2),
            b = nb,
            b_value = num(lang, vb, 2),
            index = index.as_str(),
            side = side
        );
        (index, text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_aliases_parse() {
        for k in KINDS {
            assert!(Kind::parse(k).is_some(), "{k}");
        }
        assert_eq!(Kind::parse("s80_s20"), Some(Kind::S80S20));
        assert_eq!(Kind::parse("max_min"), Some(Kind::MaxMin));
        assert_eq!(Kind::parse("GINI"), Some(Kind::Gini));
        assert_eq!(Kind::parse("theil"), None);
    }

    #[test]
    fn display_curve_is_capped() {
        let v: Vec<f64> = (1..=1000).map(f64::from).collect();
        let pts = lorenz_points(&v, None).unwrap();
        let shown = lorenz_for_display(&pts);
        assert_eq!(shown.len(), 101);
        assert_eq!(shown[0], [0.0, 0.0]);
        assert_eq!(shown[100], [1.0, 1.0]);
    }
}
