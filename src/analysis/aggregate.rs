//! The aggregate functions, one copy for everything that summarises the rows of a group:
//! pipelines (`group` and `pivot` steps, in SQLite and in memory) and charts (bars,
//! lines, maps).
//!
//! - [`AggFn`]: count, sum, mean, median, min, max and share, with the names the JSON
//!   of pipelines and of chart requests use (`"count"`, `"sum"`, …) and the French and
//!   English words a person may type ([`AggFn::parse`]).
//! - What each gives in SQL ([`AggFn::sql`]) and the type of its result
//!   ([`AggFn::result_type`]).
//! - The same figures computed in memory, group by group ([`AggFn::by_group`], over
//!   the columns of [`crate::analysis::columnar`]) or for one group's numbers
//!   ([`AggFn::of_numbers`]), as SQLite computes them: missing values left out, sums
//!   of integers exact, sums of reals compensated (Kahan–Babuška–Neumaier, as SQLite's
//!   `SUM` and `AVG`), the median the mean of the two middle numbers for an even count.
//! - `dj_median`, the SQL aggregate of the median (`SqlMedian`).

use std::cmp::Ordering;

use rusqlite::functions::{Aggregate, Context};
use rusqlite::types::{Value, ValueRef};
use serde::{Deserialize, Serialize};

use crate::analysis::columnar::{Values, NULL_CODE};
use crate::store::tables::ColumnType;

/// How the rows of a group are summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AggFn {
    /// Rows (no column), or the values present in a column.
    Count,
    Sum,
    Mean,
    Median,
    /// The smallest value (numbers, or text and dates in byte order).
    Min,
    /// The largest value.
    Max,
    /// The group's share of the whole, in percent: of the column's sum, or of the rows.
    Share,
}

impl AggFn {
    pub const ALL: [AggFn; 7] = [
        AggFn::Count,
        AggFn::Sum,
        AggFn::Mean,
        AggFn::Median,
        AggFn::Min,
        AggFn::Max,
        AggFn::Share,
    ];

    /// The name in the JSON formats: `count`, `sum`, `mean`, `median`, `min`, `max`,
    /// `share`.
    pub fn as_str(self) -> &'static str {
        match self {
            AggFn::Count => "count",
            AggFn::Sum => "sum",
            AggFn::Mean => "mean",
            AggFn::Median => "median",
            AggFn::Min => "min",
            AggFn::Max => "max",
            AggFn::Share => "share",
        }
    }

    /// The function a person named: its name or a French or English word (`avg`,
    /// `moyenne`, `somme`, `nombre`, `médiane`, `part`…), ignoring case and accents.
    pub fn parse(s: &str) -> Option<AggFn> {
        Some(match crate::i18n::text::fold(s).as_str() {
            "count" | "nombre" => AggFn::Count,
            "sum" | "somme" => AggFn::Sum,
            "mean" | "avg" | "average" | "moyenne" => AggFn::Mean,
            "median" | "mediane" => AggFn::Median,
            "min" => AggFn::Min,
            "max" => AggFn::Max,
            "share" | "part" => AggFn::Share,
            _ => return None,
        })
    }

    /// French words for an axis label: "Somme", "Moyenne", "Nombre de lignes"…
    pub fn label_fr(self) -> &'static str {
        match self {
            AggFn::Count => "Nombre de lignes",
            AggFn::Sum => "Somme",
            AggFn::Mean => "Moyenne",
            AggFn::Median => "Médiane",
            AggFn::Min => "Minimum",
            AggFn::Max => "Maximum",
            AggFn::Share => "Part (%)",
        }
    }

    /// Whether the column summarised must hold numbers.
    pub fn needs_number(self) -> bool {
        matches!(
            self,
            AggFn::Sum | AggFn::Mean | AggFn::Median | AggFn::Share
        )
    }

    /// The type of the result over a column of type `input` (over rows: `Integer`).
    pub fn result_type(self, input: ColumnType) -> ColumnType {
        match self {
            AggFn::Count => ColumnType::Integer,
            AggFn::Sum if input == ColumnType::Number => ColumnType::Number,
            AggFn::Sum => ColumnType::Integer,
            AggFn::Mean | AggFn::Median | AggFn::Share => ColumnType::Number,
            AggFn::Min | AggFn::Max => input,
        }
    }

    /// The SQL aggregate of the expression `arg` (`None`: of the group's rows, for
    /// `count` and `share` only, else `None`). `share` is a window over the groups.
    pub fn sql(self, arg: Option<&str>) -> Option<String> {
        let Some(a) = arg else {
            return match self {
                AggFn::Count => Some("COUNT(*)".into()),
                AggFn::Share => Some("(100.0 * COUNT(*) / SUM(COUNT(*)) OVER ())".into()),
                _ => None,
            };
        };
        Some(match self {
            AggFn::Count => format!("COUNT({a})"),
            AggFn::Sum => format!("SUM({a})"),
            AggFn::Mean => format!("AVG({a})"),
            AggFn::Median => format!("dj_median({a})"),
            AggFn::Min => format!("MIN({a})"),
            AggFn::Max => format!("MAX({a})"),
            AggFn::Share => format!("(100.0 * SUM({a}) / NULLIF(SUM(SUM({a})) OVER (), 0))"),
        })
    }

    /// The figure of each of `groups` groups: row `rows[i]` of `values` (`None`: the
    /// rows themselves, for `count` and `share`) belongs to group `gid[i]`. A group with
    /// no value gives a missing value (a count gives 0). `None` when the values cannot
    /// be summarised in memory (mixed types, a sum beyond 64 bits, a number function
    /// over text): SQLite then does it.
    pub fn by_group(
        self,
        values: Option<&Values>,
        rows: &[usize],
        gid: &[u32],
        groups: usize,
    ) -> Option<Vec<Value>> {
        let Some(values) = values else {
            let counts = count(rows.iter().map(|_| true), gid, groups);
            let total = rows.len() as f64;
            return match self {
                AggFn::Count => Some(counts.into_iter().map(Value::Integer).collect()),
                AggFn::Share => Some(
                    counts
                        .into_iter()
                        .map(|x| {
                            if total > 0.0 {
                                Value::Real(100.0 * x as f64 / total)
                            } else {
                                Value::Null
                            }
                        })
                        .collect(),
                ),
                _ => None,
            };
        };
        Some(match self {
            AggFn::Count => {
                let present = |r: usize| match values {
                    Values::Int(v) => v[r].is_some(),
                    Values::Real(v) => v[r].is_some(),
                    Values::Text { codes, .. } => codes[r] != NULL_CODE,
                    Values::Mixed(_) => false,
                };
                if matches!(values, Values::Mixed(_)) {
                    return None;
                }
                count(rows.iter().map(|&r| present(r)), gid, groups)
                    .into_iter()
                    .map(Value::Integer)
                    .collect()
            }
            AggFn::Sum | AggFn::Mean | AggFn::Share => {
                let (sums, counts) = sums(values, rows, gid, groups)?;
                match self {
                    AggFn::Sum => sums,
                    AggFn::Mean => sums
                        .iter()
                        .zip(&counts)
                        .map(|(s, c)| match number(s) {
                            Some(x) => Value::Real(x / *c as f64),
                            None => Value::Null,
                        })
                        .collect(),
                    _ => shares(values, &sums),
                }
            }
            AggFn::Median => {
                let mut v: Vec<Vec<f64>> = vec![Vec::new(); groups];
                for (&r, &g) in rows.iter().zip(gid) {
                    let x = match values {
                        Values::Int(v) => v[r].map(|i| i as f64),
                        Values::Real(v) => v[r],
                        _ => None,
                    };
                    if let Some(x) = x {
                        v[g as usize].push(x);
                    }
                }
                v.into_iter()
                    .map(|x| median(x).map_or(Value::Null, Value::Real))
                    .collect()
            }
            AggFn::Min | AggFn::Max => extremes(self == AggFn::Max, values, rows, gid, groups)?,
        })
    }

    /// The figure of one group from its numbers; `rows` is what `count` gives (the
    /// group's rows). `None` when there is no figure (no number, or `share`, which needs
    /// the other groups).
    pub fn of_numbers(self, values: &[f64], rows: usize) -> Option<f64> {
        match self {
            AggFn::Count => Some(rows as f64),
            AggFn::Share => None,
            f => {
                let column = Values::Real(values.iter().copied().map(Some).collect());
                let positions: Vec<usize> = (0..values.len()).collect();
                let gid = vec![0; values.len()];
                let figure = f.by_group(Some(&column), &positions, &gid, 1)?;
                figure.first().and_then(number)
            }
        }
    }
}

/// A number from a figure (`None` for a missing one).
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Integer(i) => Some(*i as f64),
        Value::Real(f) => Some(*f),
        _ => None,
    }
}

/// How many of the rows (`present`) each group has.
fn count(present: impl Iterator<Item = bool>, gid: &[u32], groups: usize) -> Vec<i64> {
    let mut c = vec![0i64; groups];
    for (p, &g) in present.zip(gid) {
        if p {
            c[g as usize] += 1;
        }
    }
    c
}

/// The sum of each group (missing for a group without numbers) and how many numbers it
/// has: exact over integers (`None` beyond 64 bits), compensated over reals.
fn sums(
    values: &Values,
    rows: &[usize],
    gid: &[u32],
    groups: usize,
) -> Option<(Vec<Value>, Vec<i64>)> {
    let mut c = vec![0i64; groups];
    let sums = match values {
        Values::Int(v) => {
            let mut s = vec![0i128; groups];
            for (&r, &g) in rows.iter().zip(gid) {
                if let Some(x) = v[r] {
                    s[g as usize] += i128::from(x);
                    c[g as usize] += 1;
                }
            }
            s.iter()
                .zip(&c)
                .map(|(s, c)| {
                    if *c == 0 {
                        Some(Value::Null)
                    } else {
                        i64::try_from(*s).ok().map(Value::Integer)
                    }
                })
                .collect::<Option<Vec<Value>>>()?
        }
        Values::Real(v) => {
            let mut s = vec![Kbn::default(); groups];
            for (&r, &g) in rows.iter().zip(gid) {
                if let Some(x) = v[r] {
                    s[g as usize].add(x);
                    c[g as usize] += 1;
                }
            }
            s.iter()
                .zip(&c)
                .map(|(s, c)| {
                    if *c == 0 {
                        Value::Null
                    } else {
                        Value::Real(s.value())
                    }
                })
                .collect()
        }
        _ => return None,
    };
    Some((sums, c))
}

/// Each group's sum as a percentage of the sum of all groups (missing when that is 0).
fn shares(values: &Values, sums: &[Value]) -> Vec<Value> {
    let total: Option<f64> = match values {
        Values::Int(_) => {
            let mut t: i128 = 0;
            let mut any = false;
            for v in sums {
                if let Value::Integer(i) = v {
                    t += i128::from(*i);
                    any = true;
                }
            }
            any.then_some(t as f64)
        }
        _ => {
            let mut k = Kbn::default();
            let mut any = false;
            for v in sums.iter().filter_map(number) {
                k.add(v);
                any = true;
            }
            any.then(|| k.value())
        }
    };
    sums.iter()
        .map(|s| match (number(s), total) {
            (Some(x), Some(t)) if t != 0.0 => Value::Real(100.0 * x / t),
            _ => Value::Null,
        })
        .collect()
}

/// The smallest (or largest, `max`) value of each group, text in byte order.
fn extremes(
    max: bool,
    values: &Values,
    rows: &[usize],
    gid: &[u32],
    groups: usize,
) -> Option<Vec<Value>> {
    let better = |o: Ordering| {
        if max {
            o == Ordering::Greater
        } else {
            o == Ordering::Less
        }
    };
    /// The best value of each group among those `get` gives (`better(x, y)`: x beats y).
    fn best<T: Copy>(
        rows: &[usize],
        gid: &[u32],
        groups: usize,
        get: impl Fn(usize) -> Option<T>,
        better: impl Fn(T, T) -> bool,
    ) -> Vec<Option<T>> {
        let mut best: Vec<Option<T>> = vec![None; groups];
        for (&r, &g) in rows.iter().zip(gid) {
            if let Some(x) = get(r) {
                let b = &mut best[g as usize];
                if b.is_none_or(|y| better(x, y)) {
                    *b = Some(x);
                }
            }
        }
        best
    }
    Some(match values {
        Values::Int(v) => best(rows, gid, groups, |r| v[r], |x, y| better(x.cmp(&y)))
            .into_iter()
            .map(|b| b.map_or(Value::Null, Value::Integer))
            .collect(),
        Values::Real(v) => best(rows, gid, groups, |r| v[r], |x, y| better(x.total_cmp(&y)))
            .into_iter()
            .map(|b| b.map_or(Value::Null, Value::Real))
            .collect(),
        Values::Text { codes, dict } => best(
            rows,
            gid,
            groups,
            |r| Some(codes[r]).filter(|&c| c != NULL_CODE),
            |x, y| better(dict[x as usize].as_bytes().cmp(dict[y as usize].as_bytes())),
        )
        .into_iter()
        .map(|b| b.map_or(Value::Null, |c| Value::Text(dict[c as usize].to_string())))
        .collect(),
        Values::Mixed(_) => return None,
    })
}

/// Kahan–Babuška–Neumaier sum, as SQLite's SUM and AVG of reals.
#[derive(Clone, Copy, Default)]
struct Kbn {
    sum: f64,
    comp: f64,
}

impl Kbn {
    fn add(&mut self, x: f64) {
        let t = self.sum + x;
        if self.sum.abs() >= x.abs() {
            self.comp += (self.sum - t) + x;
        } else {
            self.comp += (x - t) + self.sum;
        }
        self.sum = t;
    }

    fn value(self) -> f64 {
        self.sum + self.comp
    }
}

/// Median of numbers (`None` for none); the mean of the two middle ones for an even count.
pub fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mid = v.len() / 2;
    let (_, m, _) = v.select_nth_unstable_by(mid, f64::total_cmp);
    let m = *m;
    if v.len() % 2 == 1 {
        Some(m)
    } else {
        let lower = v[..mid].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Some((lower + m) / 2.0)
    }
}

/// `dj_median(x)`: the median of the finite numbers of a group, missing when there is
/// none (registered by [`crate::analysis::register_functions`]).
pub(crate) struct SqlMedian;

impl Aggregate<Vec<f64>, Option<f64>> for SqlMedian {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Vec<f64>> {
        Ok(Vec::new())
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut Vec<f64>) -> rusqlite::Result<()> {
        match ctx.get_raw(0) {
            ValueRef::Integer(i) => acc.push(i as f64),
            ValueRef::Real(f) if f.is_finite() => acc.push(f),
            _ => {}
        }
        Ok(())
    }

    fn finalize(
        &self,
        _: &mut Context<'_>,
        acc: Option<Vec<f64>>,
    ) -> rusqlite::Result<Option<f64>> {
        Ok(acc.and_then(median))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }

    #[test]
    fn names_and_words() {
        for f in AggFn::ALL {
            assert_eq!(AggFn::parse(f.as_str()), Some(f));
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.as_str()));
            assert_eq!(serde_json::from_str::<AggFn>(&json).unwrap(), f);
        }
        assert_eq!(AggFn::parse(" Moyenne "), Some(AggFn::Mean));
        assert_eq!(AggFn::parse("MÉDIANE"), Some(AggFn::Median));
        assert_eq!(AggFn::parse("mode"), None);
        assert!(serde_json::from_str::<AggFn>("\"avg\"").is_err());
    }

    #[test]
    fn groups_leave_missing_values_out() {
        let v = Values::Real(vec![Some(1.0), None, Some(3.0), Some(10.0), None]);
        let rows = [0, 1, 2, 3, 4];
        let gid = [0, 0, 0, 1, 2];
        let f = |func: AggFn| func.by_group(Some(&v), &rows, &gid, 3).unwrap();
        use Value::{Integer as I, Null, Real as R};
        assert_eq!(f(AggFn::Count), vec![I(2), I(1), I(0)]);
        assert_eq!(f(AggFn::Sum), vec![R(4.0), R(10.0), Null]);
        assert_eq!(f(AggFn::Mean), vec![R(2.0), R(10.0), Null]);
        assert_eq!(f(AggFn::Median), vec![R(2.0), R(10.0), Null]);
        assert_eq!(f(AggFn::Min), vec![R(1.0), R(10.0), Null]);
        assert_eq!(f(AggFn::Max), vec![R(3.0), R(10.0), Null]);
        assert_eq!(
            f(AggFn::Share),
            vec![R(100.0 * 4.0 / 14.0), R(100.0 * 10.0 / 14.0), Null]
        );
        assert_eq!(
            AggFn::Count.by_group(None, &rows, &gid, 3).unwrap(),
            vec![I(3), I(1), I(1)]
        );
        assert_eq!(
            AggFn::Median.of_numbers(&[3.0, 1.0, 2.0, 10.0], 4),
            Some(2.5)
        );
        assert_eq!(AggFn::Count.of_numbers(&[], 7), Some(7.0));
        assert_eq!(AggFn::Sum.of_numbers(&[], 0), None);
    }

    #[test]
    fn sql_of_each_function() {
        assert_eq!(AggFn::Count.sql(None).unwrap(), "COUNT(*)");
        assert_eq!(
            AggFn::Median.sql(Some("\"x\"")).unwrap(),
            "dj_median(\"x\")"
        );
        assert_eq!(AggFn::Sum.sql(None), None);
        assert_eq!(
            AggFn::Sum.result_type(ColumnType::Boolean),
            ColumnType::Integer
        );
        assert_eq!(AggFn::Max.result_type(ColumnType::Date), ColumnType::Date);
    }
}
