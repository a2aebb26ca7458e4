//! Checking what a trainee built, not how: a data task is right when the result table
//! holds the reference's values (column names, column order and, unless the task asks for
//! a sort, row order do not matter); a chart task is right when the chart shows the
//! expected thing (kind, fields, aggregation).
//!
//! Each mismatch says what to look at, in the trainee's language, without giving the
//! reference's figures away.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::i18n::Lang;
use crate::tr;

/// A result table as both sides produce it: column names and rows of JSON values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl From<&crate::analysis::ResultTable> for Grid {
    /// The column names and rows of a pipeline's result, to compare.
    fn from(r: &crate::analysis::ResultTable) -> Grid {
        Grid {
            columns: r.columns.iter().map(|c| c.name.clone()).collect(),
            rows: r.rows.clone(),
        }
    }
}

/// How strictly two tables are compared.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Compare {
    /// Rows must come in the reference's order (the task asks for a sort).
    pub ordered: bool,
    /// Numbers may differ by this much (absolute), e.g. 0.05 when the trainee may round.
    pub tolerance: f64,
}

impl Default for Compare {
    fn default() -> Self {
        Compare {
            ordered: false,
            tolerance: 1e-6,
        }
    }
}

/// Why a result table is not the expected one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "mismatch", rename_all = "snake_case")]
pub enum Mismatch {
    /// Not the expected number of rows.
    RowCount { expected: usize, got: usize },
    /// No column of the trainee's table holds the values of this reference column.
    MissingColumn { column: String },
    /// The columns hold the right values, but rows do not line up (or one value differs).
    Values { column: String },
    /// Right rows, wrong order, when the task asks for an order.
    Order,
}

impl Mismatch {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Mismatch::RowCount { expected, got } => tr!(
                lang,
                "lesson-mismatch-row-count",
                got = got.to_string(),
                n = *got,
                expected = expected.to_string()
            ),
            Mismatch::MissingColumn { column } => {
                tr!(lang, "lesson-mismatch-missing-column", column = column)
            }
            Mismatch::Values { column } => tr!(lang, "lesson-mismatch-values", column = column),
            Mismatch::Order => tr!(lang, "lesson-mismatch-order"),
        }
    }
}

/// The number a cell holds, if any (numbers, and text that is a plain number).
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.trim().to_string()),
        other => Some(other.to_string()),
    }
}

/// A cell reduced once to what comparisons need: missing, a number (numbers, booleans and
/// text that is a plain number) or a trimmed text.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    Null,
    Num(f64),
    Text(String),
}

fn key(v: &Value) -> Key {
    match v {
        Value::Null => Key::Null,
        _ => match number(v) {
            Some(x) => Key::Num(x),
            None => Key::Text(text(v).unwrap_or_default()),
        },
    }
}

fn same(a: &Key, b: &Key, tolerance: f64) -> bool {
    match (a, b) {
        (Key::Null, Key::Null) => true,
        (Key::Num(x), Key::Num(y)) => (x - y).abs() <= tolerance + 1e-9 * y.abs().max(x.abs()),
        (Key::Text(x), Key::Text(y)) => x == y,
        _ => false,
    }
}

/// A total order on cells good enough to line rows up: missing, then numbers, then text.
fn order(a: &Key, b: &Key) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Key::Null, Key::Null) => Ordering::Equal,
        (Key::Null, _) => Ordering::Less,
        (_, Key::Null) => Ordering::Greater,
        (Key::Num(x), Key::Num(y)) => x.total_cmp(y),
        (Key::Num(_), Key::Text(_)) => Ordering::Less,
        (Key::Text(_), Key::Num(_)) => Ordering::Greater,
        (Key::Text(x), Key::Text(y)) => x.cmp(y),
    }
}

/// The rows of a grid as keys, one per column (a short row is padded with missing values).
fn keys(grid: &Grid) -> Vec<Vec<Key>> {
    grid.rows
        .iter()
        .map(|r| {
            (0..grid.columns.len())
                .map(|j| r.get(j).map(key).unwrap_or(Key::Null))
                .collect()
        })
        .collect()
}

/// Column `j` of `rows`, sorted.
fn sorted_column(rows: &[Vec<Key>], j: usize) -> Vec<&Key> {
    let mut c: Vec<&Key> = rows.iter().map(|r| &r[j]).collect();
    c.sort_by(|x, y| order(x, y));
    c
}

/// Compares the trainee's table `got` with the reference `expected`. Extra columns in
/// `got` are allowed (a helper column is not an error); column names are not compared.
/// Each cell is read once and each column sorted once, so tables of tens of thousands of
/// rows compare in milliseconds.
pub fn compare(expected: &Grid, got: &Grid, how: Compare) -> Result<(), Mismatch> {
    if expected.rows.len() != got.rows.len() {
        return Err(Mismatch::RowCount {
            expected: expected.rows.len(),
            got: got.rows.len(),
        });
    }
    let want_rows = keys(expected);
    let have_rows = keys(got);
    let want_cols: Vec<Vec<&Key>> = (0..expected.columns.len())
        .map(|j| sorted_column(&want_rows, j))
        .collect();
    let have_cols: Vec<Vec<&Key>> = (0..got.columns.len())
        .map(|j| sorted_column(&have_rows, j))
        .collect();
    // Same values in any order (with the tolerance).
    let same_multiset = |a: &[&Key], b: &[&Key]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y, how.tolerance))
    };
    // 1. Each reference column needs a column of the trainee's with the same values
    //    (as a multiset); a same-named one is preferred, then the leftmost unused one.
    let mut used = vec![false; got.columns.len()];
    let mut mapping = Vec::with_capacity(expected.columns.len());
    for (j, name) in expected.columns.iter().enumerate() {
        let candidates: Vec<usize> = (0..got.columns.len())
            .filter(|&k| !used[k] && same_multiset(&want_cols[j], &have_cols[k]))
            .collect();
        let pick = candidates
            .iter()
            .copied()
            .find(|&k| got.columns[k].eq_ignore_ascii_case(name))
            .or_else(|| candidates.first().copied());
        match pick {
            Some(k) => {
                used[k] = true;
                mapping.push(k);
            }
            None => {
                return Err(Mismatch::MissingColumn {
                    column: name.clone(),
                })
            }
        }
    }
    // 2. Rows must line up: compare row by row (in the given order when it matters,
    //    else after sorting both sides on the matched columns).
    let mut want: Vec<&Vec<Key>> = want_rows.iter().collect();
    let mut have: Vec<Vec<&Key>> = have_rows
        .iter()
        .map(|r| mapping.iter().map(|&c| &r[c]).collect())
        .collect();
    let rows_equal = |a: &[&Vec<Key>], b: &[Vec<&Key>]| -> Option<usize> {
        for (ra, rb) in a.iter().zip(b) {
            for (j, (x, y)) in ra.iter().zip(rb).enumerate() {
                if !same(x, y, how.tolerance) {
                    return Some(j);
                }
            }
        }
        None
    };
    if how.ordered && rows_equal(&want, &have).is_none() {
        return Ok(());
    }
    fn by_all<A: std::borrow::Borrow<Key>, B: std::borrow::Borrow<Key>>(
        a: &[A],
        b: &[B],
    ) -> std::cmp::Ordering {
        a.iter()
            .zip(b)
            .map(|(x, y)| order(x.borrow(), y.borrow()))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    }
    want.sort_by(|a, b| by_all(a, b));
    have.sort_by(|a, b| by_all(a, b));
    match rows_equal(&want, &have) {
        None if how.ordered => Err(Mismatch::Order),
        None => Ok(()),
        Some(j) => Err(Mismatch::Values {
            column: expected.columns[j].clone(),
        }),
    }
}

/// What a chart shows, as far as a chart task is concerned.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartChoice {
    pub kind: String,
    pub x: Option<String>,
    pub y: Option<String>,
    pub agg: Option<String>,
    pub group: Option<String>,
    /// Bars sorted by value (`"sort": true` in the request); `None` when not said.
    pub sort: Option<bool>,
    /// The weight column of a Lorenz curve.
    pub weight: Option<String>,
}

/// What a chart task expects: any of `kinds`, and the fields and aggregation named
/// (a field left out is free).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ChartExpect {
    pub kinds: Vec<String>,
    pub x: Option<String>,
    pub y: Option<String>,
    /// Accepted aggregations (`sum`, `mean`, `count`…); empty: any.
    pub agg: Vec<String>,
    pub group: Option<String>,
    /// `true`: the bars must be sorted by value (the request's `sort`).
    pub sort: Option<bool>,
    /// The weight column a Lorenz curve must use.
    pub weight: Option<String>,
}

/// Why a chart is not the one asked for; the first difference in the order a person
/// would fix them: kind, categories, values, calculation, groups, order, weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "mismatch", rename_all = "snake_case")]
pub enum ChartMismatch {
    Kind,
    X,
    Y,
    Agg,
    Group,
    Sort,
    Weight,
}

impl ChartMismatch {
    pub fn message(&self, lang: Lang) -> String {
        let key = match self {
            ChartMismatch::Kind => "lesson-chart-mismatch-kind",
            ChartMismatch::X => "lesson-chart-mismatch-x",
            ChartMismatch::Y => "lesson-chart-mismatch-y",
            ChartMismatch::Agg => "lesson-chart-mismatch-agg",
            ChartMismatch::Group => "lesson-chart-mismatch-group",
            ChartMismatch::Sort => "lesson-chart-mismatch-sort",
            ChartMismatch::Weight => "lesson-chart-mismatch-weight",
        };
        tr!(lang, key)
    }
}

fn same_name(a: &Option<String>, b: &Option<String>) -> bool {
    let norm = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase)
    };
    norm(a) == norm(b)
}

/// Checks a chart against what the task expects.
pub fn check_chart(expect: &ChartExpect, got: &ChartChoice) -> Result<(), ChartMismatch> {
    if !expect.kinds.is_empty() && !expect.kinds.iter().any(|k| k == &got.kind) {
        return Err(ChartMismatch::Kind);
    }
    if expect.x.is_some() && !same_name(&expect.x, &got.x) {
        return Err(ChartMismatch::X);
    }
    let agg = got.agg.clone().unwrap_or_else(|| "sum".into());
    // Counting rows needs no value column.
    if expect.y.is_some() && agg != "count" && !same_name(&expect.y, &got.y) {
        return Err(ChartMismatch::Y);
    }
    if !expect.agg.is_empty() && !expect.agg.contains(&agg) {
        return Err(ChartMismatch::Agg);
    }
    if expect.group.is_some() && !same_name(&expect.group, &got.group) {
        return Err(ChartMismatch::Group);
    }
    if let Some(sorted) = expect.sort {
        if got.sort.unwrap_or(false) != sorted {
            return Err(ChartMismatch::Sort);
        }
    }
    if expect.weight.is_some() && !same_name(&expect.weight, &got.weight) {
        return Err(ChartMismatch::Weight);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn grid(columns: &[&str], rows: Value) -> Grid {
        Grid {
            columns: columns.iter().map(|s| s.to_string()).collect(),
            rows: serde_json::from_value(rows).unwrap(),
        }
    }

    fn reference() -> Grid {
        grid(
            &["province", "ecoles"],
            json!([["Lac", 12], ["Guéra", 30], ["Sila", 7]]),
        )
    }

    #[test]
    fn names_column_order_and_row_order_do_not_matter() {
        let got = grid(
            &["nb", "prov", "extra"],
            json!([[30, "Guéra", 1], [7.0, "Sila", 2], [12, " Lac ", 3]]),
        );
        assert_eq!(compare(&reference(), &got, Compare::default()), Ok(()));
    }

    #[test]
    fn a_wrong_row_count_says_how_many() {
        let got = grid(&["province", "ecoles"], json!([["Lac", 12], ["Guéra", 30]]));
        let e = compare(&reference(), &got, Compare::default()).unwrap_err();
        assert_eq!(
            e,
            Mismatch::RowCount {
                expected: 3,
                got: 2
            }
        );
        assert!(e
            .message(Lang::Fr)
            .starts_with("Votre tableau a 2 lignes ; le tableau attendu en a 3."));
    }

    #[test]
    fn a_wrong_aggregate_is_a_missing_column() {
        // A mean where a sum was asked: the values differ as a whole.
        let got = grid(
            &["province", "ecoles"],
            json!([["Lac", 6], ["Guéra", 15], ["Sila", 3.5]]),
        );
        let e = compare(&reference(), &got, Compare::default()).unwrap_err();
        assert_eq!(
            e,
            Mismatch::MissingColumn {
                column: "ecoles".into()
            }
        );
        assert!(e.message(Lang::Fr).contains("« ecoles »"));
    }

    #[test]
    fn right_values_on_the_wrong_rows_are_caught() {
        let got = grid(
            &["province", "ecoles"],
            json!([["Lac", 30], ["Guéra", 12], ["Sila", 7]]),
        );
        assert_eq!(
            compare(&reference(), &got, Compare::default()),
            Err(Mismatch::Values {
                column: "ecoles".into()
            })
        );
    }

    #[test]
    fn order_counts_only_when_asked_and_tolerance_allows_rounding() {
        let sorted = grid(
            &["p", "v"],
            json!([["Guéra", 30.004], ["Lac", 12], ["Sila", 7]]),
        );
        let how = Compare {
            ordered: true,
            tolerance: 0.01,
        };
        let reversed = grid(
            &["p", "v"],
            json!([["Sila", 7], ["Lac", 12], ["Guéra", 30]]),
        );
        assert_eq!(compare(&sorted, &reversed, how), Err(Mismatch::Order));
        assert_eq!(
            compare(
                &sorted,
                &reversed,
                Compare {
                    ordered: false,
                    ..how
                }
            ),
            Ok(())
        );
        let rounded = grid(
            &["p", "v"],
            json!([["Guéra", 30.0], ["Lac", 12], ["Sila", 7]]),
        );
        assert_eq!(compare(&sorted, &rounded, how), Ok(()));
        assert!(compare(
            &sorted,
            &rounded,
            Compare {
                ordered: true,
                tolerance: 0.0
            }
        )
        .is_err());
    }

    #[test]
    fn missing_values_match_only_missing_values() {
        let a = grid(&["p", "v"], json!([["Lac", null], ["Sila", 7]]));
        let b = grid(&["p", "v"], json!([["Lac", 0], ["Sila", 7]]));
        assert!(compare(&a, &b, Compare::default()).is_err());
        assert_eq!(compare(&a, &a.clone(), Compare::default()), Ok(()));
    }

    #[test]
    fn charts_are_checked_on_kind_fields_and_calculation() {
        let expect = ChartExpect {
            kinds: vec!["bar".into(), "hbar".into()],
            x: Some("province".into()),
            y: Some("population".into()),
            agg: vec!["sum".into()],
            ..Default::default()
        };
        let mut got = ChartChoice {
            kind: "hbar".into(),
            x: Some("Province".into()),
            y: Some("population".into()),
            agg: Some("sum".into()),
            group: Some("sexe".into()),
            ..Default::default()
        };
        assert_eq!(check_chart(&expect, &got), Ok(()));
        got.kind = "line".into();
        assert_eq!(check_chart(&expect, &got), Err(ChartMismatch::Kind));
        got.kind = "bar".into();
        got.x = Some("chef_lieu".into());
        assert_eq!(check_chart(&expect, &got), Err(ChartMismatch::X));
        got.x = Some("province".into());
        got.agg = Some("mean".into());
        assert_eq!(check_chart(&expect, &got), Err(ChartMismatch::Agg));
        assert!(ChartMismatch::Agg.message(Lang::Fr).contains("additionner"));
        got.agg = Some("count".into());
        got.y = None;
        // Counting needs no value column, but the task wants a sum.
        assert_eq!(check_chart(&expect, &got), Err(ChartMismatch::Agg));
    }

    #[test]
    fn a_chart_task_can_ask_for_sorted_bars_and_a_weight() {
        let expect = ChartExpect {
            kinds: vec!["hbar".into()],
            sort: Some(true),
            ..Default::default()
        };
        let mut got = ChartChoice {
            kind: "hbar".into(),
            ..Default::default()
        };
        // Not said is not sorted.
        assert_eq!(check_chart(&expect, &got), Err(ChartMismatch::Sort));
        got.sort = Some(false);
        assert_eq!(check_chart(&expect, &got), Err(ChartMismatch::Sort));
        got.sort = Some(true);
        assert_eq!(check_chart(&expect, &got), Ok(()));
        assert!(ChartMismatch::Sort
            .message(Lang::Fr)
            .contains("Trier les barres"));

        let lorenz = ChartExpect {
            kinds: vec!["lorenz".into()],
            x: Some("revenu".into()),
            weight: Some("population".into()),
            ..Default::default()
        };
        let mut curve = ChartChoice {
            kind: "lorenz".into(),
            x: Some("revenu".into()),
            ..Default::default()
        };
        assert_eq!(check_chart(&lorenz, &curve), Err(ChartMismatch::Weight));
        curve.weight = Some("Population".into());
        assert_eq!(check_chart(&lorenz, &curve), Ok(()));
    }
}
