//! Analysis pipelines: a list of typed steps (filter, derive, group, sort, limit, pivot,
//! join) in the JSON format of the Analyse screen (see `docs/pipeline-format.md`),
//! compiled to one SQLite query.
//!
//! - Every step becomes a common table expression `sN` over the previous one; the final
//!   `SELECT` names the columns and carries the order. Comments in the SQL only hold
//!   fixed text, so the SQL can be shown to trainees as it is.
//! - Identifiers (table and column names from files, names chosen by the trainee) are
//!   always quoted with [`quote_ident`]; values are always bound parameters. A column
//!   named `x"; DROP TABLE t; --` is just a column.
//! - Columns are checked at each step against the columns the previous steps produce,
//!   with a French message naming the step and the column.
//! - Filter values are coerced to the column's type (`"12,5"` for a number column);
//!   `eq`, `ne`, `in` and `contains` on text ignore case and accents (`dj_fold`).
//!   A comparison never matches a missing value: use `is_missing`. A filter keeps the rows
//!   meeting all its conditions, or any of them (`"match": "any"`).
//! - Division by zero gives a missing value, never an error. Missing values sort last.

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::analysis::{self, type_name, AnalysisError, ResultColumn, ResultTable};
use crate::error::{Error, Result};
use crate::import::{ColumnInfo, ColumnType};
use crate::store::tables::{quote_ident, table_info, TableInfo};

/// Most distinct values a pivot turns into columns.
pub const MAX_PIVOT_COLUMNS: usize = 50;

/// What `source_file` starts with for a table saved from a pipeline (a file name never
/// contains `/`).
pub const SAVED_SOURCE_PREFIX: &str = "traitement/";

/// A pipeline: steps applied in order to a workspace table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Pipeline {
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// One step, tagged by `op`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Step {
    /// Keep the rows meeting every condition (`match = all`, the default) or at least
    /// one of them (`match = any`).
    Filter {
        #[serde(rename = "match", default, skip_serializing_if = "Match::is_all")]
        matching: Match,
        conditions: Vec<Condition>,
    },
    /// Add (or replace) a computed column.
    Derive {
        #[serde(rename = "as")]
        name: String,
        #[serde(rename = "fn")]
        func: DeriveFn,
        a: Operand,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        b: Option<Operand>,
    },
    /// One row per combination of `by`, with the aggregates.
    Group {
        #[serde(default)]
        by: Vec<String>,
        #[serde(default)]
        aggregates: Vec<Aggregate>,
    },
    /// Sort by keys (previous order kept for ties).
    Sort { keys: Vec<SortKey> },
    /// Keep the first `n` rows.
    Limit { n: u64 },
    /// Wide table: one row per `index`, one column per distinct value of `columns`.
    Pivot {
        #[serde(default)]
        index: Vec<String>,
        columns: String,
        values: String,
        #[serde(default = "default_pivot_agg")]
        agg: AggFn,
    },
    /// Add the columns of another workspace table where the keys match.
    Join {
        table: String,
        left_on: String,
        right_on: String,
        #[serde(default)]
        how: JoinHow,
    },
}

fn default_pivot_agg() -> AggFn {
    AggFn::Sum
}

/// How a filter combines its conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    /// Every condition holds (« et »).
    #[default]
    All,
    /// At least one condition holds (« ou »).
    Any,
}

impl Match {
    fn is_all(&self) -> bool {
        *self == Match::All
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub column: String,
    pub cmp: Cmp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    In,
    IsMissing,
    NotMissing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeriveFn {
    Add,
    Sub,
    Mul,
    Div,
    Percentage,
    #[serde(rename = "per_1000")]
    Per1000,
    Round,
    Year,
}

/// A column of the current table or a constant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Operand {
    Column { column: String },
    Value { value: serde_json::Value },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregate {
    #[serde(rename = "fn")]
    pub func: AggFn,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    #[serde(rename = "as", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AggFn {
    Count,
    Sum,
    Mean,
    Median,
    Min,
    Max,
    Share,
}

impl AggFn {
    fn as_str(self) -> &'static str {
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SortKey {
    pub column: String,
    #[serde(default)]
    pub desc: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum JoinHow {
    Inner,
    #[default]
    Left,
}

const OPS: &[&str] = &[
    "filter", "derive", "group", "sort", "limit", "pivot", "join",
];

impl Pipeline {
    /// Reads a pipeline, naming the step at fault: an unknown `op` gives
    /// [`AnalysisError::UnknownOp`], a malformed step [`AnalysisError::InvalidStep`].
    pub fn from_json(text: &str) -> Result<Pipeline> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| AnalysisError::InvalidPipeline {
                detail: e.to_string(),
            })?;
        Self::from_value(value)
    }

    /// [`Pipeline::from_json`] from an already parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Pipeline> {
        let mut out = Vec::new();
        for (i, s) in raw_steps(value)?.into_iter().enumerate() {
            out.push(parse_step(i + 1, s)?);
        }
        Ok(Pipeline { steps: out })
    }
}

/// The steps of a pipeline's JSON (`{"steps": […]}` or a bare list), not parsed yet.
fn raw_steps(value: serde_json::Value) -> Result<Vec<serde_json::Value>, AnalysisError> {
    Ok(match value {
        serde_json::Value::Object(mut map) => match map.remove("steps") {
            Some(serde_json::Value::Array(steps)) => steps,
            None => Vec::new(),
            Some(_) => {
                return Err(AnalysisError::InvalidPipeline {
                    detail: "« steps » doit être une liste".into(),
                })
            }
        },
        serde_json::Value::Array(steps) => steps,
        _ => {
            return Err(AnalysisError::InvalidPipeline {
                detail: "un objet {\"steps\": [...]} est attendu".into(),
            })
        }
    })
}

/// Step number `step` (from 1), naming it in the error: [`AnalysisError::UnknownOp`] or
/// [`AnalysisError::InvalidStep`].
fn parse_step(step: usize, s: serde_json::Value) -> Result<Step, AnalysisError> {
    let op = s.get("op").and_then(|o| o.as_str()).unwrap_or("");
    if !OPS.contains(&op) {
        return Err(AnalysisError::UnknownOp {
            step,
            op: op.to_string(),
        });
    }
    serde_json::from_value(s).map_err(|e| AnalysisError::InvalidStep {
        step,
        detail: e.to_string(),
    })
}

/// A column of an intermediate table.
#[derive(Debug, Clone)]
struct Col {
    name: String,
    label: String,
    ty: ColumnType,
}

fn is_numeric(ty: ColumnType) -> bool {
    matches!(
        ty,
        ColumnType::Integer | ColumnType::Number | ColumnType::Boolean
    )
}

fn result_columns(cols: &[Col]) -> Vec<ResultColumn> {
    cols.iter()
        .map(|c| ResultColumn {
            name: c.name.clone(),
            label: c.label.clone(),
            column_type: type_name(c.ty).to_string(),
        })
        .collect()
}

/// The compiled query.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The SQL, with `?` for each bound value.
    pub sql: String,
    pub params: Vec<Value>,
    columns: Vec<Col>,
}

impl Compiled {
    /// The result columns.
    pub fn columns(&self) -> Vec<ResultColumn> {
        result_columns(&self.columns)
    }

    /// The SQL with its values written in, for showing.
    pub fn display_sql(&self) -> String {
        analysis::inline_params(&self.sql, &self.params)
    }
}

struct Compiler<'c> {
    conn: &'c Connection,
    ctes: Vec<String>,
    params: Vec<Value>,
    cols: Vec<Col>,
    /// ORDER BY terms over the current column names.
    order: Vec<String>,
    current: String,
}

fn q(name: &str) -> String {
    quote_ident(name)
}

impl<'c> Compiler<'c> {
    fn col(&self, step: usize, name: &str) -> Result<Col, AnalysisError> {
        self.cols
            .iter()
            .find(|c| c.name == name)
            .or_else(|| self.cols.iter().find(|c| c.name.eq_ignore_ascii_case(name)))
            .cloned()
            .ok_or_else(|| AnalysisError::UnknownColumn {
                step,
                column: name.to_string(),
            })
    }

    fn push_cte(&mut self, step: usize, label: &str, body: String) {
        let name = format!("s{step}");
        self.ctes.push(format!(
            "-- étape {step} : {label}\n{name} AS (\n  {body}\n)"
        ));
        self.current = name;
    }

    fn select_list(&self) -> String {
        self.cols
            .iter()
            .map(|c| q(&c.name))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn order_clause(&self) -> String {
        if self.order.is_empty() {
            String::new()
        } else {
            format!(" ORDER BY {}", self.order.join(", "))
        }
    }

    /// `WITH … ` (all the CTEs so far).
    fn with_clause(&self) -> String {
        format!("WITH\n{}\n", self.ctes.join(",\n"))
    }

    fn finish(self) -> Compiled {
        let sql = format!(
            "{}SELECT {} FROM {}{}",
            self.with_clause(),
            self.select_list(),
            self.current,
            self.order_clause()
        );
        Compiled {
            sql,
            params: self.params,
            columns: self.cols,
        }
    }

    fn step(&mut self, step: usize, s: &Step) -> Result<()> {
        match s {
            Step::Filter {
                matching,
                conditions,
            } => self.filter(step, *matching, conditions)?,
            Step::Derive { name, func, a, b } => self.derive(step, name, *func, a, b.as_ref())?,
            Step::Group { by, aggregates } => self.group(step, by, aggregates)?,
            Step::Sort { keys } => self.sort(step, keys)?,
            Step::Limit { n } => {
                self.params
                    .push(Value::Integer(i64::try_from(*n).unwrap_or(i64::MAX)));
                let body = format!(
                    "SELECT * FROM {}{} LIMIT ?",
                    self.current,
                    self.order_clause()
                );
                self.push_cte(step, "garder les premières lignes", body);
            }
            Step::Pivot {
                index,
                columns,
                values,
                agg,
            } => self.pivot(step, index, columns, values, *agg)?,
            Step::Join {
                table,
                left_on,
                right_on,
                how,
            } => self.join(step, table, left_on, right_on, *how)?,
        }
        Ok(())
    }

    fn filter(
        &mut self,
        step: usize,
        matching: Match,
        conditions: &[Condition],
    ) -> Result<(), AnalysisError> {
        let mut terms = Vec::new();
        for c in conditions {
            let col = self.col(step, &c.column)?;
            let name = q(&col.name);
            let text = col.ty == ColumnType::Text;
            let need = |v: &Option<serde_json::Value>| {
                v.clone()
                    .filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
                    .ok_or_else(|| AnalysisError::ValueRequired {
                        step,
                        column: col.name.clone(),
                    })
            };
            let term = match c.cmp {
                Cmp::IsMissing => format!("{name} IS NULL"),
                Cmp::NotMissing => format!("{name} IS NOT NULL"),
                Cmp::Contains => {
                    let v = need(&c.value)?;
                    self.params
                        .push(Value::Text(analysis::fold(&json_text(&v))));
                    format!("instr(dj_fold({name}), ?) > 0")
                }
                Cmp::In => {
                    let v = need(&c.value)?;
                    let items: Vec<serde_json::Value> = match v {
                        serde_json::Value::Array(a) => a,
                        serde_json::Value::String(s) => s
                            .split(';')
                            .map(str::trim)
                            .filter(|x| !x.is_empty())
                            .map(|x| serde_json::Value::String(x.to_string()))
                            .collect(),
                        other => vec![other],
                    };
                    if items.is_empty() {
                        return Err(AnalysisError::ValueRequired {
                            step,
                            column: col.name.clone(),
                        });
                    }
                    let mut marks = Vec::new();
                    for item in &items {
                        let bound = if text {
                            Value::Text(analysis::fold(&json_text(item)))
                        } else {
                            coerce(step, &col, item)?
                        };
                        self.params.push(bound);
                        marks.push("?");
                    }
                    let lhs = if text {
                        format!("dj_fold({name})")
                    } else {
                        name
                    };
                    format!("{lhs} IN ({})", marks.join(", "))
                }
                cmp => {
                    let v = need(&c.value)?;
                    let op = match cmp {
                        Cmp::Eq => "=",
                        Cmp::Ne => "<>",
                        Cmp::Lt => "<",
                        Cmp::Le => "<=",
                        Cmp::Gt => ">",
                        _ => ">=",
                    };
                    if text && matches!(cmp, Cmp::Eq | Cmp::Ne) {
                        self.params
                            .push(Value::Text(analysis::fold(&json_text(&v))));
                        format!("dj_fold({name}) {op} ?")
                    } else {
                        self.params.push(coerce(step, &col, &v)?);
                        format!("{name} {op} ?")
                    }
                }
            };
            terms.push(format!("({term})"));
        }
        if terms.is_empty() {
            return Ok(());
        }
        let join = match matching {
            Match::All => " AND ",
            Match::Any => " OR ",
        };
        let body = format!("SELECT * FROM {} WHERE {}", self.current, terms.join(join));
        self.push_cte(step, "filtrer", body);
        Ok(())
    }

    fn operand(
        &mut self,
        step: usize,
        op: &Operand,
        numeric: bool,
    ) -> Result<(String, ColumnType), AnalysisError> {
        match op {
            Operand::Column { column } => {
                let col = self.col(step, column)?;
                if numeric && !is_numeric(col.ty) {
                    return Err(AnalysisError::NotNumeric {
                        step,
                        column: col.name,
                    });
                }
                Ok((q(&col.name), col.ty))
            }
            Operand::Value { value } => {
                let num = Col {
                    name: "b".into(),
                    label: String::new(),
                    ty: ColumnType::Number,
                };
                let v = if numeric {
                    coerce(step, &num, value)?
                } else {
                    Value::Text(json_text(value))
                };
                let ty = match v {
                    Value::Integer(_) => ColumnType::Integer,
                    Value::Real(_) => ColumnType::Number,
                    _ => ColumnType::Text,
                };
                self.params.push(v);
                Ok(("?".into(), ty))
            }
        }
    }

    fn derive(
        &mut self,
        step: usize,
        name: &str,
        func: DeriveFn,
        a: &Operand,
        b: Option<&Operand>,
    ) -> Result<(), AnalysisError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(AnalysisError::EmptyName { step });
        }
        let before = self.params.len();
        let (expr, ty) = if func == DeriveFn::Year {
            let (a, _) = self.operand(step, a, false)?;
            (
                format!(
                    "CASE WHEN typeof({a}) = 'text' THEN CAST(strftime('%Y', {a}) AS INTEGER) END"
                ),
                ColumnType::Integer,
            )
        } else if func == DeriveFn::Round {
            let (a, _) = self.operand(step, a, true)?;
            let digits = match b {
                Some(Operand::Value { value }) => {
                    let v = coerce(
                        step,
                        &Col {
                            name: "b".into(),
                            label: String::new(),
                            ty: ColumnType::Number,
                        },
                        value,
                    )?;
                    match v {
                        Value::Integer(i) => i.clamp(0, 15),
                        Value::Real(f) => (f.round() as i64).clamp(0, 15),
                        _ => 0,
                    }
                }
                Some(Operand::Column { column }) => {
                    return Err(AnalysisError::BadValue {
                        step,
                        column: column.clone(),
                        value: column.clone(),
                        expected: "integer",
                    })
                }
                None => 0,
            };
            self.params.push(Value::Integer(digits));
            (format!("ROUND({a}, ?)"), ColumnType::Number)
        } else {
            let (a, ta) = self.operand(step, a, true)?;
            let b = b.ok_or_else(|| AnalysisError::InvalidStep {
                step,
                detail: "b".into(),
            })?;
            let (b, tb) = self.operand(step, b, true)?;
            let ints = !matches!(ta, ColumnType::Number) && !matches!(tb, ColumnType::Number);
            let int_or_num = if ints {
                ColumnType::Integer
            } else {
                ColumnType::Number
            };
            match func {
                DeriveFn::Add => (format!("({a} + {b})"), int_or_num),
                DeriveFn::Sub => (format!("({a} - {b})"), int_or_num),
                DeriveFn::Mul => (format!("({a} * {b})"), int_or_num),
                DeriveFn::Div => (format!("({a} * 1.0 / NULLIF({b}, 0))"), ColumnType::Number),
                DeriveFn::Percentage => (
                    format!("(100.0 * {a} / NULLIF({b}, 0))"),
                    ColumnType::Number,
                ),
                _ => (
                    format!("(1000.0 * {a} / NULLIF({b}, 0))"),
                    ColumnType::Number,
                ),
            }
        };
        // `?` inside the expression come before the other columns' (none) in the SELECT.
        debug_assert!(self.params.len() >= before);
        let new = Col {
            name: name.to_string(),
            label: name.to_string(),
            ty,
        };
        let mut items = Vec::new();
        let mut replaced = false;
        let mut cols = Vec::new();
        for c in &self.cols {
            if c.name.eq_ignore_ascii_case(name) {
                items.push(format!("{expr} AS {}", q(name)));
                cols.push(new.clone());
                replaced = true;
            } else {
                items.push(q(&c.name));
                cols.push(c.clone());
            }
        }
        if !replaced {
            items.push(format!("{expr} AS {}", q(name)));
            cols.push(new);
        }
        // The expression's parameters must come in SELECT order: when a column is
        // replaced in the middle, no other item has parameters, so the order holds.
        self.cols = cols;
        let body = format!("SELECT {} FROM {}", items.join(", "), self.current);
        self.push_cte(step, "calculer une colonne", body);
        Ok(())
    }

    fn group(
        &mut self,
        step: usize,
        by: &[String],
        aggs: &[Aggregate],
    ) -> Result<(), AnalysisError> {
        if by.is_empty() && aggs.is_empty() {
            return Err(AnalysisError::InvalidStep {
                step,
                detail: "by, aggregates".into(),
            });
        }
        let mut out: Vec<Col> = Vec::new();
        let mut items = Vec::new();
        let mut keys = Vec::new();
        let check_dup = |out: &[Col], name: &str| {
            if out.iter().any(|c| c.name.eq_ignore_ascii_case(name)) {
                Err(AnalysisError::DuplicateColumn {
                    step,
                    column: name.to_string(),
                })
            } else {
                Ok(())
            }
        };
        for b in by {
            let col = self.col(step, b)?;
            check_dup(&out, &col.name)?;
            items.push(q(&col.name));
            keys.push(q(&col.name));
            out.push(col);
        }
        for a in aggs {
            let col = match &a.column {
                Some(c) if !c.trim().is_empty() => Some(self.col(step, c)?),
                _ => None,
            };
            let numeric_needed = matches!(
                a.func,
                AggFn::Sum | AggFn::Mean | AggFn::Median | AggFn::Share
            );
            if let Some(c) = &col {
                if numeric_needed && !is_numeric(c.ty) {
                    return Err(AnalysisError::NotNumeric {
                        step,
                        column: c.name.clone(),
                    });
                }
            } else if !matches!(a.func, AggFn::Count | AggFn::Share) {
                return Err(AnalysisError::InvalidStep {
                    step,
                    detail: format!("{} : column", a.func.as_str()),
                });
            }
            let name = match &a.name {
                Some(n) if !n.trim().is_empty() => n.trim().to_string(),
                _ => match &col {
                    Some(c) => format!("{}_{}", a.func.as_str(), c.name),
                    None if a.func == AggFn::Count => "effectif".to_string(),
                    None => "part".to_string(),
                },
            };
            check_dup(&out, &name)?;
            let (expr, ty) = match (&col, a.func) {
                (None, AggFn::Count) => ("COUNT(*)".to_string(), ColumnType::Integer),
                (None, _) => (
                    "(100.0 * COUNT(*) / SUM(COUNT(*)) OVER ())".to_string(),
                    ColumnType::Number,
                ),
                (Some(c), f) => {
                    let n = q(&c.name);
                    match f {
                        AggFn::Count => (format!("COUNT({n})"), ColumnType::Integer),
                        AggFn::Sum => (
                            format!("SUM({n})"),
                            if c.ty == ColumnType::Number {
                                ColumnType::Number
                            } else {
                                ColumnType::Integer
                            },
                        ),
                        AggFn::Mean => (format!("AVG({n})"), ColumnType::Number),
                        AggFn::Median => (format!("dj_median({n})"), ColumnType::Number),
                        AggFn::Min => (format!("MIN({n})"), c.ty),
                        AggFn::Max => (format!("MAX({n})"), c.ty),
                        AggFn::Share => (
                            format!("(100.0 * SUM({n}) / NULLIF(SUM(SUM({n})) OVER (), 0))"),
                            ColumnType::Number,
                        ),
                    }
                }
            };
            items.push(format!("{expr} AS {}", q(&name)));
            out.push(Col {
                label: name.clone(),
                name,
                ty,
            });
        }
        self.push_grouped(step, "regrouper", &items, &keys, out);
        Ok(())
    }

    /// Ends a group or pivot step: `SELECT items FROM current GROUP BY keys`, whose rows
    /// are then ordered by their keys (missing last) unless a later step sorts them.
    fn push_grouped(
        &mut self,
        step: usize,
        what: &str,
        items: &[String],
        keys: &[String],
        cols: Vec<Col>,
    ) {
        let group_by = if keys.is_empty() {
            String::new()
        } else {
            format!(" GROUP BY {}", keys.join(", "))
        };
        let body = format!(
            "SELECT {} FROM {}{group_by}",
            items.join(", "),
            self.current
        );
        self.cols = cols;
        self.order = keys
            .iter()
            .flat_map(|k| [format!("{k} IS NULL"), k.clone()])
            .collect();
        self.push_cte(step, what, body);
    }

    fn sort(&mut self, step: usize, keys: &[SortKey]) -> Result<(), AnalysisError> {
        let mut order = Vec::new();
        for k in keys {
            let col = self.col(step, &k.column)?;
            let n = q(&col.name);
            order.push(format!("{n} IS NULL"));
            order.push(if k.desc { format!("{n} DESC") } else { n });
        }
        // A sort keeps the previous order for ties (like a stable sort).
        order.append(&mut self.order);
        self.order = order;
        let body = format!("SELECT * FROM {}", self.current);
        self.push_cte(step, "trier (l'ordre est appliqué à la fin)", body);
        Ok(())
    }

    fn pivot(
        &mut self,
        step: usize,
        index: &[String],
        columns: &str,
        values: &str,
        agg: AggFn,
    ) -> Result<()> {
        let spread = self.col(step, columns)?;
        let val = self.col(step, values)?;
        if matches!(agg, AggFn::Sum | AggFn::Mean | AggFn::Median | AggFn::Share)
            && !is_numeric(val.ty)
        {
            return Err(AnalysisError::NotNumeric {
                step,
                column: val.name,
            }
            .into());
        }
        let mut out: Vec<Col> = Vec::new();
        let mut keys = Vec::new();
        for i in index {
            let col = self.col(step, i)?;
            if out.iter().any(|c| c.name.eq_ignore_ascii_case(&col.name)) {
                return Err(AnalysisError::DuplicateColumn {
                    step,
                    column: col.name,
                }
                .into());
            }
            keys.push(q(&col.name));
            out.push(col);
        }
        // The distinct values of the spread column, through the steps so far.
        let sn = q(&spread.name);
        let distinct_sql = format!(
            "{}SELECT DISTINCT {sn} FROM {} ORDER BY {sn} IS NULL, {sn} LIMIT {}",
            self.with_clause(),
            self.current,
            MAX_PIVOT_COLUMNS + 1
        );
        let distinct: Vec<Value> = {
            let mut stmt = self.conn.prepare(&distinct_sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(self.params.iter()), |r| {
                r.get::<_, Value>(0)
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if distinct.len() > MAX_PIVOT_COLUMNS {
            return Err(AnalysisError::TooManyPivotColumns {
                step,
                column: spread.name,
                max: MAX_PIVOT_COLUMNS,
            }
            .into());
        }
        let vn = q(&val.name);
        let (func, ty) = match agg {
            AggFn::Count => ("COUNT", ColumnType::Integer),
            AggFn::Sum => (
                "SUM",
                if val.ty == ColumnType::Number {
                    ColumnType::Number
                } else {
                    ColumnType::Integer
                },
            ),
            AggFn::Mean | AggFn::Share => ("AVG", ColumnType::Number),
            AggFn::Median => ("dj_median", ColumnType::Number),
            AggFn::Min => ("MIN", val.ty),
            AggFn::Max => ("MAX", val.ty),
        };
        let mut items: Vec<String> = keys.clone();
        for v in distinct {
            let label = match &v {
                Value::Null => "manquant".to_string(),
                Value::Integer(i) => i.to_string(),
                Value::Real(f) => f.to_string(),
                Value::Text(t) if t.trim().is_empty() => "vide".to_string(),
                Value::Text(t) => t.clone(),
                Value::Blob(_) => "blob".to_string(),
            };
            let mut name = label.clone();
            let mut n = 2;
            while out.iter().any(|c| c.name.eq_ignore_ascii_case(&name)) {
                name = format!("{label}_{n}");
                n += 1;
            }
            self.params.push(v);
            items.push(format!(
                "{func}(CASE WHEN {sn} IS ? THEN {vn} END) AS {}",
                q(&name)
            ));
            out.push(Col { name, label, ty });
        }
        self.push_grouped(step, "tableau large (pivot)", &items, &keys, out);
        Ok(())
    }

    fn join(
        &mut self,
        step: usize,
        table: &str,
        left_on: &str,
        right_on: &str,
        how: JoinHow,
    ) -> Result<()> {
        let left = self.col(step, left_on)?;
        let info = match table_info(self.conn, table) {
            Ok(info) => info,
            Err(Error::TableNotFound(_)) => {
                return Err(AnalysisError::UnknownTable {
                    step,
                    table: table.to_string(),
                }
                .into())
            }
            Err(e) => return Err(e),
        };
        let right = info
            .columns
            .iter()
            .find(|c| c.name == right_on)
            .or_else(|| {
                info.columns
                    .iter()
                    .find(|c| c.name.eq_ignore_ascii_case(right_on))
            })
            .ok_or_else(|| AnalysisError::UnknownColumn {
                step,
                column: right_on.to_string(),
            })?
            .clone();
        let mut items: Vec<String> = self
            .cols
            .iter()
            .map(|c| format!("l.{}", q(&c.name)))
            .collect();
        let mut out = self.cols.clone();
        for c in &info.columns {
            if c.name == right.name {
                continue;
            }
            let mut name = c.name.clone();
            if out.iter().any(|o| o.name.eq_ignore_ascii_case(&name)) {
                name = format!("{}_{}", c.name, info.name);
                let mut n = 2;
                while out.iter().any(|o| o.name.eq_ignore_ascii_case(&name)) {
                    name = format!("{}_{}_{n}", c.name, info.name);
                    n += 1;
                }
            }
            // A renamed column's label says where it comes from: « region (recensement) ».
            let label = if name == c.name {
                c.label.clone()
            } else {
                format!("{} ({})", c.label, info.name)
            };
            items.push(format!("r.{} AS {}", q(&c.name), q(&name)));
            out.push(Col {
                name,
                label,
                ty: c.column_type,
            });
        }
        let (ln, rn) = (
            format!("l.{}", q(&left.name)),
            format!("r.{}", q(&right.name)),
        );
        let on = if (left.ty == ColumnType::Text) != (right.column_type == ColumnType::Text) {
            format!("CAST({ln} AS TEXT) = CAST({rn} AS TEXT)")
        } else {
            format!("{ln} = {rn}")
        };
        let kind = match how {
            JoinHow::Inner => "JOIN",
            JoinHow::Left => "LEFT JOIN",
        };
        let body = format!(
            "SELECT {} FROM {} AS l {kind} {} AS r ON {on}",
            items.join(", "),
            self.current,
            q(&info.name)
        );
        self.cols = out;
        self.push_cte(step, "joindre un autre tableau", body);
        Ok(())
    }
}

/// The text of a JSON value (numbers as written).
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A number as typed by a person ([`crate::i18n::parse`], as questions and imports read it).
fn parse_number(s: &str) -> Option<Value> {
    let n = crate::i18n::parse::parse_number(s)?;
    Some(n.int.map_or(Value::Real(n.value), Value::Integer))
}

/// A date (or a date and time) as typed by a person, as the SQL text the tables hold.
fn parse_date(s: &str) -> Option<String> {
    let t = s.trim();
    if let Some(d) = crate::i18n::parse::parse_date(t) {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    crate::i18n::parse::parse_datetime(t).map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
}

/// A filter value converted to the column's type.
fn coerce(step: usize, col: &Col, v: &serde_json::Value) -> Result<Value, AnalysisError> {
    let bad = || AnalysisError::BadValue {
        step,
        column: col.name.clone(),
        value: json_text(v),
        expected: type_name(col.ty),
    };
    match col.ty {
        ColumnType::Integer | ColumnType::Number => match v {
            serde_json::Value::Number(n) => Ok(n
                .as_i64()
                .map(Value::Integer)
                .or_else(|| n.as_f64().map(Value::Real))
                .ok_or_else(bad)?),
            serde_json::Value::String(s) => parse_number(s).ok_or_else(bad),
            serde_json::Value::Bool(b) => Ok(Value::Integer(i64::from(*b))),
            _ => Err(bad()),
        },
        ColumnType::Boolean => match v {
            serde_json::Value::Bool(b) => Ok(Value::Integer(i64::from(*b))),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i @ (0 | 1)) => Ok(Value::Integer(i)),
                _ => Err(bad()),
            },
            serde_json::Value::String(s) => match analysis::fold(s).as_str() {
                "oui" | "vrai" | "yes" | "true" | "1" | "o" | "y" => Ok(Value::Integer(1)),
                "non" | "faux" | "no" | "false" | "0" | "n" => Ok(Value::Integer(0)),
                _ => Err(bad()),
            },
            _ => Err(bad()),
        },
        ColumnType::Date | ColumnType::Datetime => match v {
            serde_json::Value::String(s) => parse_date(s).map(Value::Text).ok_or_else(bad),
            _ => Err(bad()),
        },
        ColumnType::Text => Ok(Value::Text(json_text(v))),
    }
}

/// A compiler at step 0: the columns of `source_table` (a workspace table).
fn start<'c>(conn: &'c Connection, source_table: &str) -> Result<Compiler<'c>> {
    analysis::register_functions(conn)?;
    let info = table_info(conn, source_table)?;
    let cols: Vec<Col> = info
        .columns
        .iter()
        .map(|c| Col {
            name: c.name.clone(),
            label: c.label.clone(),
            ty: c.column_type,
        })
        .collect();
    let mut c = Compiler {
        conn,
        ctes: Vec::new(),
        params: Vec::new(),
        cols,
        order: Vec::new(),
        current: String::new(),
    };
    let body = format!("SELECT {} FROM {}", c.select_list(), q(&info.name));
    c.push_cte(0, "le tableau de départ", body);
    Ok(c)
}

/// Compiles a pipeline over `source_table` (a workspace table) to SQL and its bound values.
pub fn compile(conn: &Connection, source_table: &str, pipeline: &Pipeline) -> Result<Compiled> {
    let mut c = start(conn, source_table)?;
    for (i, s) in pipeline.steps.iter().enumerate() {
        c.step(i + 1, s)?;
    }
    Ok(c.finish())
}

/// The columns each step of a pipeline (JSON, as an editor holds it, maybe half-filled)
/// starts from, for the editor's column pickers: `[0]` is the table's, `[i]` what the
/// first `i` steps give. The steps are compiled, not run (a pivot reads the distinct
/// values of its column, as when it runs). A filter, sort or limit that does not compile
/// yet (a value not typed…) is passed over, as it never changes the columns; any other
/// step that does not compile ends the list there.
pub fn step_columns(
    conn: &Connection,
    source_table: &str,
    pipeline: &serde_json::Value,
) -> Result<Vec<Vec<ResultColumn>>> {
    let mut c = start(conn, source_table)?;
    let mut out = vec![result_columns(&c.cols)];
    for (i, raw) in raw_steps(pipeline.clone())?.into_iter().enumerate() {
        let keeps_columns = matches!(
            raw.get("op").and_then(|o| o.as_str()),
            Some("filter" | "sort" | "limit")
        );
        let compiled = parse_step(i + 1, raw).map_err(Error::from).and_then(|s| {
            let (ctes, params) = (c.ctes.len(), c.params.len());
            let (cols, order, current) = (c.cols.clone(), c.order.clone(), c.current.clone());
            c.step(i + 1, &s).inspect_err(|_| {
                // Back to the state before the step, as if it was not there.
                c.ctes.truncate(ctes);
                c.params.truncate(params);
                (c.cols, c.order, c.current) = (cols, order, current);
            })
        });
        if compiled.is_err() && !keeps_columns {
            break;
        }
        out.push(result_columns(&c.cols));
    }
    Ok(out)
}

/// The SQL of a pipeline and its bound values (in the order of the `?`).
pub fn to_sql(
    conn: &Connection,
    source_table: &str,
    pipeline: &Pipeline,
) -> Result<(String, Vec<Value>)> {
    let c = compile(conn, source_table, pipeline)?;
    Ok((c.sql, c.params))
}

/// Which engine runs a pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// In-memory columns for a group that comes first (after filters) on a table of at
    /// least [`COLUMNS_MIN_ROWS`] rows; SQLite for everything else.
    #[default]
    Auto,
    /// Everything in SQLite.
    Sql,
    /// In-memory columns whenever the pipeline allows it, whatever the size (tests and
    /// benchmarks).
    Columns,
}

/// Below this many rows SQLite groups fast enough on its own.
pub const COLUMNS_MIN_ROWS: u64 = 50_000;

/// Runs a pipeline: at most `max_rows` rows, `total_rows` counts them all.
pub fn run(
    conn: &Connection,
    source_table: &str,
    pipeline: &Pipeline,
    max_rows: usize,
) -> Result<ResultTable> {
    run_with(conn, source_table, pipeline, max_rows, Engine::Auto)
}

/// [`run`] with a chosen engine. Both engines give the same result; the SQL shown is
/// always the one SQLite would run for the whole pipeline.
pub fn run_with(
    conn: &Connection,
    source_table: &str,
    pipeline: &Pipeline,
    max_rows: usize,
    engine: Engine,
) -> Result<ResultTable> {
    let c = compile(conn, source_table, pipeline)?;
    if engine != Engine::Sql {
        if let Some(res) = fast::try_run(conn, source_table, pipeline, &c, max_rows, engine)? {
            return Ok(res);
        }
    }
    execute(conn, &c, max_rows, c.display_sql())
}

fn execute(conn: &Connection, c: &Compiled, max_rows: usize, shown: String) -> Result<ResultTable> {
    let types: Vec<Option<ColumnType>> = c.columns.iter().map(|c| Some(c.ty)).collect();
    let mut stmt = conn.prepare(&c.sql)?;
    let (rows, total_rows) = analysis::collect_rows(&mut stmt, &c.params, &types, max_rows)?;
    Ok(ResultTable {
        columns: c.columns(),
        rows,
        total_rows,
        sql: shown,
    })
}

const APP_TABLES: &[&str] = &[
    "profiles",
    "events",
    "positions",
    "pack_datasets",
    "workspace_tables",
];

const KEYWORDS: &[&str] = &[
    "select",
    "from",
    "where",
    "group",
    "order",
    "by",
    "table",
    "index",
    "insert",
    "update",
    "delete",
    "drop",
    "create",
    "alter",
    "join",
    "on",
    "as",
    "and",
    "or",
    "not",
    "null",
    "limit",
    "values",
    "into",
    "union",
    "all",
    "distinct",
    "having",
    "case",
    "when",
    "then",
    "else",
    "end",
    "in",
    "is",
    "like",
    "between",
    "exists",
    "default",
    "primary",
    "key",
    "references",
];

/// A table name typed by a person, normalised to an identifier ("Taux par province" ->
/// "taux_par_province"), or [`AnalysisError::InvalidTableName`].
pub fn normalise_table_name(name: &str) -> Result<String, AnalysisError> {
    let mut s = analysis::slug(name);
    if s.starts_with(|c: char| c.is_ascii_digit()) || KEYWORDS.contains(&s.as_str()) {
        s = format!("t_{s}");
    }
    s.truncate(63);
    let reserved = s.is_empty()
        || s.starts_with("sqlite_")
        || s.starts_with(crate::lesson::form::TABLE_PREFIX)
        || APP_TABLES.contains(&s.as_str());
    if reserved {
        return Err(AnalysisError::InvalidTableName {
            name: name.to_string(),
        });
    }
    Ok(s)
}

/// Saves the result of a pipeline as a workspace table `new_table` (normalised to an
/// identifier), registered in `workspace_tables` like an import, in one transaction.
/// An existing table of that name is replaced only if it was itself saved from a
/// pipeline. Column names become identifiers; their labels keep the pipeline's names.
pub fn save_as(
    conn: &mut Connection,
    source: &str,
    pipeline: &Pipeline,
    new_table: &str,
) -> Result<TableInfo> {
    let name = normalise_table_name(new_table)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let compiled = compile(&tx, source, pipeline)?;
    let object: Option<String> = tx
        .query_row(
            "SELECT type FROM sqlite_master WHERE name = ?1 COLLATE NOCASE LIMIT 1",
            params![name],
            |r| r.get(0),
        )
        .optional()?;
    let registered: Option<(String, String)> = tx
        .query_row(
            "SELECT name, source_file FROM workspace_tables WHERE name = ?1 COLLATE NOCASE LIMIT 1",
            params![name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let old = match (&object, &registered) {
        (None, None) => None,
        (Some(kind), Some((reg, src)))
            if kind == "table" && src.starts_with(SAVED_SOURCE_PREFIX) =>
        {
            Some(reg.clone())
        }
        (None, Some((reg, _))) => Some(reg.clone()),
        _ => return Err(AnalysisError::TableExists { name }.into()),
    };
    // Column names as identifiers, unique.
    let mut columns: Vec<ColumnInfo> = Vec::new();
    for c in &compiled.columns {
        let base = match analysis::slug(&c.name) {
            s if s.is_empty() => "colonne".to_string(),
            s if s.starts_with(|ch: char| ch.is_ascii_digit())
                || KEYWORDS.contains(&s.as_str()) =>
            {
                format!("col_{s}")
            }
            s => s,
        };
        let mut n = base.clone();
        let mut k = 2;
        while columns.iter().any(|x| x.name == n) {
            n = format!("{base}_{k}");
            k += 1;
        }
        columns.push(ColumnInfo {
            name: n,
            label: c.label.clone(),
            column_type: c.ty,
            hxl: None,
        });
    }
    let tmp = format!("dj_tmp_{name}");
    tx.execute(&format!("DROP TABLE IF EXISTS {}", q(&tmp)), [])?;
    let defs: Vec<String> = columns
        .iter()
        .map(|c| {
            let ty = match c.column_type {
                ColumnType::Integer | ColumnType::Boolean => "INTEGER",
                ColumnType::Number => "REAL",
                _ => "TEXT",
            };
            format!("{} {ty}", q(&c.name))
        })
        .collect();
    tx.execute(
        &format!("CREATE TABLE {} ({})", q(&tmp), defs.join(", ")),
        [],
    )?;
    let names: Vec<String> = columns.iter().map(|c| q(&c.name)).collect();
    // `WITH … SELECT` becomes `WITH … INSERT INTO … SELECT`.
    let select_at = compiled.sql.rfind("\nSELECT ").map(|i| i + 1).unwrap_or(0);
    let (with, select) = compiled.sql.split_at(select_at);
    let insert = format!(
        "{with}INSERT INTO {} ({}) {select}",
        q(&tmp),
        names.join(", ")
    );
    let rows = tx.execute(&insert, rusqlite::params_from_iter(compiled.params.iter()))?;
    if let Some(old) = old {
        tx.execute(&format!("DROP TABLE IF EXISTS {}", q(&old)), [])?;
        tx.execute("DELETE FROM workspace_tables WHERE name = ?1", params![old])?;
    }
    tx.execute(
        &format!("ALTER TABLE {} RENAME TO {}", q(&tmp), q(&name)),
        [],
    )?;
    let columns_json = serde_json::to_string(&columns).unwrap_or_else(|_| "[]".into());
    tx.execute(
        "INSERT INTO workspace_tables (name, source_file, sheet, columns_json, row_count, imported_at, warnings_json) \
         VALUES (?1, ?2, NULL, ?3, ?4, ?5, '[]')",
        params![
            name,
            format!("{SAVED_SOURCE_PREFIX}{source}"),
            columns_json,
            i64::try_from(rows).unwrap_or(i64::MAX),
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ],
    )?;
    let info = table_info(&tx, &name)?;
    tx.commit()?;
    Ok(info)
}

/// A group that comes first (after filters), computed over in-memory columns
/// ([`crate::analysis::columnar`]) instead of SQLite's sorter; the steps after it run in SQLite
/// over the grouped rows, passed as one JSON parameter (`json_each`).
mod fast {
    use std::cmp::Ordering;
    use std::sync::Arc;

    use rusqlite::types::{Value, ValueRef};
    use rusqlite::Connection;

    use super::{q, AggFn, Col, Compiled, Compiler, Engine, Pipeline, Step, COLUMNS_MIN_ROWS};
    use crate::analysis::columnar::{self, ColumnData, FastMap, Values, NULL_CODE};
    use crate::analysis::{self, ResultTable};
    use crate::error::Result;
    use crate::import::{ColumnInfo, ColumnType};
    use crate::store::tables::{table_info, TableInfo};

    const ROWID_ALIAS: &str = "__dj_rowid";

    pub(super) fn try_run(
        conn: &Connection,
        source: &str,
        pipeline: &Pipeline,
        full: &Compiled,
        max_rows: usize,
        engine: Engine,
    ) -> Result<Option<ResultTable>> {
        let Some(g) = pipeline
            .steps
            .iter()
            .position(|s| matches!(s, Step::Group { .. }))
        else {
            return Ok(None);
        };
        if !pipeline.steps[..g]
            .iter()
            .all(|s| matches!(s, Step::Filter { .. }))
        {
            return Ok(None);
        }
        let info = table_info(conn, source)?;
        if engine == Engine::Auto && info.rows < COLUMNS_MIN_ROWS {
            return Ok(None);
        }
        if info
            .columns
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(ROWID_ALIAS))
        {
            return Ok(None);
        }
        let Step::Group { by, aggregates } = &pipeline.steps[g] else {
            return Ok(None);
        };
        let find = |name: &str| -> Option<&ColumnInfo> {
            info.columns.iter().find(|c| c.name == name).or_else(|| {
                info.columns
                    .iter()
                    .find(|c| c.name.eq_ignore_ascii_case(name))
            })
        };
        let mut wanted: Vec<(&str, ColumnType)> = Vec::new();
        fn index_of<'a>(c: &'a ColumnInfo, wanted: &mut Vec<(&'a str, ColumnType)>) -> usize {
            if let Some(i) = wanted.iter().position(|(n, _)| *n == c.name) {
                i
            } else {
                wanted.push((&c.name, c.column_type));
                wanted.len() - 1
            }
        }
        let mut keys = Vec::new();
        for b in by {
            let Some(c) = find(b) else { return Ok(None) };
            keys.push(index_of(c, &mut wanted));
        }
        let mut aggs: Vec<(AggFn, Option<usize>)> = Vec::new();
        for a in aggregates {
            let col = match &a.column {
                Some(c) if !c.trim().is_empty() => match find(c) {
                    Some(ci) => Some(index_of(ci, &mut wanted)),
                    None => return Ok(None),
                },
                _ => None,
            };
            aggs.push((a.func, col));
        }
        let data: Vec<Arc<ColumnData>> = if wanted.is_empty() {
            // Only counts: any one column gives the rows.
            match info.columns.first() {
                Some(c) => columnar::columns(conn, &info.name, &[(&c.name, c.column_type)])?,
                None => return Ok(None),
            }
        } else {
            columnar::columns(conn, &info.name, &wanted)?
        };
        if data.iter().any(|d| matches!(d.values, Values::Mixed(_)))
            || data.iter().any(|d| d.len() != data[0].len())
        {
            return Ok(None);
        }
        let selection: Option<Vec<u32>> = if g > 0 {
            Some(select_positions(
                conn,
                &info,
                &pipeline.steps[..g],
                &data[0].rowids,
            )?)
        } else {
            None
        };
        let upto = super::compile(
            conn,
            source,
            &Pipeline {
                steps: pipeline.steps[..=g].to_vec(),
            },
        )?;
        let Some(grouped) = group(&data, &keys, &aggs, selection.as_deref()) else {
            return Ok(None);
        };
        if g + 1 == pipeline.steps.len() {
            let types: Vec<ColumnType> = upto.columns.iter().map(|c| c.ty).collect();
            let total_rows = grouped.len() as u64;
            let rows = grouped
                .iter()
                .take(max_rows)
                .map(|r| {
                    r.iter()
                        .zip(&types)
                        .map(|(v, t)| analysis::json_value(ValueRef::from(v), Some(*t)))
                        .collect()
                })
                .collect();
            return Ok(Some(ResultTable {
                columns: full.columns(),
                rows,
                total_rows,
                sql: full.display_sql(),
            }));
        }
        // The rest of the pipeline over the grouped rows.
        let json = serde_json::Value::Array(
            grouped
                .iter()
                .map(|r| serde_json::Value::Array(r.iter().map(raw_json).collect()))
                .collect(),
        )
        .to_string();
        let cols: Vec<Col> = upto.columns.clone();
        let items: Vec<String> = cols
            .iter()
            .enumerate()
            .map(|(i, c)| format!("value ->> {i} AS {}", q(&c.name)))
            .collect();
        let mut c = Compiler {
            conn,
            ctes: Vec::new(),
            params: vec![Value::Text(json)],
            order: keys_order(by, &cols),
            cols,
            current: String::new(),
        };
        c.push_cte(
            g + 1,
            "regrouper (en mémoire)",
            format!("SELECT {} FROM json_each(?)", items.join(", ")),
        );
        for (i, s) in pipeline.steps.iter().enumerate().skip(g + 1) {
            c.step(i + 1, s)?;
        }
        let rest = c.finish();
        Ok(Some(super::execute(
            conn,
            &rest,
            max_rows,
            full.display_sql(),
        )?))
    }

    fn keys_order(by: &[String], cols: &[Col]) -> Vec<String> {
        cols.iter()
            .take(by.len())
            .flat_map(|c| [format!("{} IS NULL", q(&c.name)), q(&c.name)])
            .collect()
    }

    fn raw_json(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Integer(i) => serde_json::Value::from(*i),
            Value::Real(f) => serde_json::Number::from_f64(*f)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Value::Text(t) => serde_json::Value::String(t.clone()),
            Value::Blob(_) => serde_json::Value::Null,
        }
    }

    /// Positions of the rows the filters keep, through SQLite (same SQL as the pipeline).
    fn select_positions(
        conn: &Connection,
        info: &TableInfo,
        filters: &[Step],
        rowids: &[i64],
    ) -> Result<Vec<u32>> {
        let cols: Vec<Col> = info
            .columns
            .iter()
            .map(|c| Col {
                name: c.name.clone(),
                label: c.label.clone(),
                ty: c.column_type,
            })
            .collect();
        let mut c = Compiler {
            conn,
            ctes: Vec::new(),
            params: Vec::new(),
            cols,
            order: Vec::new(),
            current: String::new(),
        };
        let body = format!(
            "SELECT rowid AS {}, {} FROM {}",
            q(ROWID_ALIAS),
            c.select_list(),
            q(&info.name)
        );
        c.push_cte(0, "le tableau de départ", body);
        for (i, s) in filters.iter().enumerate() {
            c.step(i + 1, s)?;
        }
        let sql = format!(
            "{}SELECT {} FROM {}",
            c.with_clause(),
            q(ROWID_ALIAS),
            c.current
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(c.params.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if let Ok(p) = rowids.binary_search(&id) {
                out.push(p as u32);
            }
        }
        Ok(out)
    }

    /// Per-row codes of a key column and the value of each code.
    fn key_codes(d: &ColumnData) -> (Vec<u32>, Vec<Value>) {
        match &d.values {
            Values::Text { codes, dict } => {
                let null = dict.len() as u32;
                let c = codes
                    .iter()
                    .map(|&c| if c == NULL_CODE { null } else { c })
                    .collect();
                let mut values: Vec<Value> =
                    dict.iter().map(|s| Value::Text(s.to_string())).collect();
                values.push(Value::Null);
                (c, values)
            }
            Values::Int(v) => {
                let mut map: FastMap<i64, u32> = FastMap::default();
                let mut values = vec![Value::Null];
                let c = v
                    .iter()
                    .map(|x| match x {
                        None => 0,
                        Some(i) => *map.entry(*i).or_insert_with(|| {
                            values.push(Value::Integer(*i));
                            (values.len() - 1) as u32
                        }),
                    })
                    .collect();
                (c, values)
            }
            Values::Real(v) => {
                let mut map: FastMap<u64, u32> = FastMap::default();
                let mut values = vec![Value::Null];
                let c = v
                    .iter()
                    .map(|x| match x {
                        None => 0,
                        Some(f) => {
                            let f = f + 0.0;
                            *map.entry(f.to_bits()).or_insert_with(|| {
                                values.push(Value::Real(f));
                                (values.len() - 1) as u32
                            })
                        }
                    })
                    .collect();
                (c, values)
            }
            Values::Mixed(_) => (Vec::new(), Vec::new()),
        }
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

    fn value_cmp(a: &Value, b: &Value) -> Ordering {
        match (a, b) {
            (Value::Null, Value::Null) => Ordering::Equal,
            (Value::Null, _) => Ordering::Greater,
            (_, Value::Null) => Ordering::Less,
            (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
            (Value::Real(x), Value::Real(y)) => x.total_cmp(y),
            (Value::Text(x), Value::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
            _ => Ordering::Equal,
        }
    }

    /// The grouped rows (keys then aggregates), sorted by keys with missing last;
    /// `None` when the keys are too many to combine.
    fn group(
        data: &[Arc<ColumnData>],
        keys: &[usize],
        aggs: &[(AggFn, Option<usize>)],
        selection: Option<&[u32]>,
    ) -> Option<Vec<Vec<Value>>> {
        let n = data[0].len();
        let rows: Box<dyn Iterator<Item = usize> + '_> = match selection {
            Some(s) => Box::new(s.iter().map(|&p| p as usize)),
            None => Box::new(0..n),
        };
        let rows: Vec<usize> = rows.collect();
        let coded: Vec<(Vec<u32>, Vec<Value>)> =
            keys.iter().map(|&k| key_codes(&data[k])).collect();
        let mut mults = Vec::with_capacity(coded.len());
        let mut space: u64 = 1;
        for (_, values) in &coded {
            mults.push(space);
            space = space.checked_mul(values.len().max(1) as u64)?;
        }
        // Group id of each selected row, groups numbered as first seen.
        let mut first_row: Vec<usize> = Vec::new();
        let mut gid: Vec<u32> = Vec::with_capacity(rows.len());
        let packed = |r: usize| -> u64 {
            coded
                .iter()
                .zip(&mults)
                .map(|((codes, _), m)| u64::from(codes[r]) * m)
                .sum()
        };
        if space <= 1 << 22 {
            let mut dense = vec![u32::MAX; space as usize];
            for &r in &rows {
                let slot = &mut dense[packed(r) as usize];
                if *slot == u32::MAX {
                    *slot = first_row.len() as u32;
                    first_row.push(r);
                }
                gid.push(*slot);
            }
        } else {
            let mut map: FastMap<u64, u32> = FastMap::default();
            for &r in &rows {
                let id = *map.entry(packed(r)).or_insert_with(|| {
                    first_row.push(r);
                    (first_row.len() - 1) as u32
                });
                gid.push(id);
            }
        }
        let groups = first_row.len();
        if keys.is_empty() && groups == 0 {
            // An aggregate over no rows still gives one row.
            first_row.push(0);
        }
        let groups_out = first_row.len();
        let mut out: Vec<Vec<Value>> = first_row
            .iter()
            .map(|&r| {
                coded
                    .iter()
                    .map(|(codes, values)| values[codes[r] as usize].clone())
                    .collect()
            })
            .collect();
        let total_rows = rows.len() as f64;
        for &(func, col) in aggs {
            let col = col.map(|c| &data[c].values);
            let column: Vec<Value> = match (func, col) {
                (AggFn::Count, None) => {
                    let mut c = vec![0i64; groups_out];
                    for &g in &gid {
                        c[g as usize] += 1;
                    }
                    c.into_iter().map(Value::Integer).collect()
                }
                (AggFn::Share, None) => {
                    let mut c = vec![0i64; groups_out];
                    for &g in &gid {
                        c[g as usize] += 1;
                    }
                    c.into_iter()
                        .map(|x| {
                            if total_rows > 0.0 {
                                Value::Real(100.0 * x as f64 / total_rows)
                            } else {
                                Value::Null
                            }
                        })
                        .collect()
                }
                (_, None) => return None,
                (func, Some(values)) => aggregate(func, values, &rows, &gid, groups_out)?,
            };
            for (row, v) in out.iter_mut().zip(column) {
                row.push(v);
            }
        }
        out.sort_by(|a, b| {
            for i in 0..keys.len() {
                match value_cmp(&a[i], &b[i]) {
                    Ordering::Equal => continue,
                    o => return o,
                }
            }
            Ordering::Equal
        });
        Some(out)
    }

    fn num(values: &Values, r: usize) -> Option<f64> {
        match values {
            Values::Int(v) => v[r].map(|i| i as f64),
            Values::Real(v) => v[r],
            _ => None,
        }
    }

    fn aggregate(
        func: AggFn,
        values: &Values,
        rows: &[usize],
        gid: &[u32],
        groups: usize,
    ) -> Option<Vec<Value>> {
        let present = |r: usize| match values {
            Values::Int(v) => v[r].is_some(),
            Values::Real(v) => v[r].is_some(),
            Values::Text { codes, .. } => codes[r] != NULL_CODE,
            Values::Mixed(_) => false,
        };
        Some(match func {
            AggFn::Count => {
                let mut c = vec![0i64; groups];
                for (&r, &g) in rows.iter().zip(gid) {
                    if present(r) {
                        c[g as usize] += 1;
                    }
                }
                c.into_iter().map(Value::Integer).collect()
            }
            AggFn::Sum | AggFn::Mean | AggFn::Share => {
                let (sums, counts): (Vec<Value>, Vec<i64>) = match values {
                    Values::Int(v) => {
                        let mut s = vec![0i128; groups];
                        let mut c = vec![0i64; groups];
                        for (&r, &g) in rows.iter().zip(gid) {
                            if let Some(x) = v[r] {
                                s[g as usize] += i128::from(x);
                                c[g as usize] += 1;
                            }
                        }
                        let sums = s
                            .iter()
                            .zip(&c)
                            .map(|(s, c)| {
                                if *c == 0 {
                                    Some(Value::Null)
                                } else {
                                    i64::try_from(*s).ok().map(Value::Integer)
                                }
                            })
                            .collect::<Option<Vec<Value>>>()?;
                        (sums, c)
                    }
                    Values::Real(v) => {
                        let mut s = vec![Kbn::default(); groups];
                        let mut c = vec![0i64; groups];
                        for (&r, &g) in rows.iter().zip(gid) {
                            if let Some(x) = v[r] {
                                s[g as usize].add(x);
                                c[g as usize] += 1;
                            }
                        }
                        let sums = s
                            .iter()
                            .zip(&c)
                            .map(|(s, c)| {
                                if *c == 0 {
                                    Value::Null
                                } else {
                                    Value::Real(s.value())
                                }
                            })
                            .collect();
                        (sums, c)
                    }
                    _ => return None,
                };
                match func {
                    AggFn::Sum => sums,
                    AggFn::Mean => sums
                        .iter()
                        .zip(&counts)
                        .map(|(s, c)| match s {
                            Value::Integer(i) => Value::Real(*i as f64 / *c as f64),
                            Value::Real(f) => Value::Real(f / *c as f64),
                            _ => Value::Null,
                        })
                        .collect(),
                    _ => {
                        let as_f = |v: &Value| match v {
                            Value::Integer(i) => Some(*i as f64),
                            Value::Real(f) => Some(*f),
                            _ => None,
                        };
                        let total: Option<f64> = match values {
                            Values::Int(_) => {
                                let mut t: i128 = 0;
                                let mut any = false;
                                for v in &sums {
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
                                for v in sums.iter().filter_map(as_f) {
                                    k.add(v);
                                    any = true;
                                }
                                any.then(|| k.value())
                            }
                        };
                        sums.iter()
                            .map(|s| match (as_f(s), total) {
                                (Some(x), Some(t)) if t != 0.0 => Value::Real(100.0 * x / t),
                                _ => Value::Null,
                            })
                            .collect()
                    }
                }
            }
            AggFn::Median => {
                let mut v: Vec<Vec<f64>> = vec![Vec::new(); groups];
                for (&r, &g) in rows.iter().zip(gid) {
                    if let Some(x) = num(values, r) {
                        v[g as usize].push(x);
                    }
                }
                v.into_iter()
                    .map(|x| analysis::median(x).map_or(Value::Null, Value::Real))
                    .collect()
            }
            AggFn::Min | AggFn::Max => {
                let max = func == AggFn::Max;
                let better = |o: Ordering| {
                    if max {
                        o == Ordering::Greater
                    } else {
                        o == Ordering::Less
                    }
                };
                match values {
                    Values::Int(v) => {
                        let mut best: Vec<Option<i64>> = vec![None; groups];
                        for (&r, &g) in rows.iter().zip(gid) {
                            if let Some(x) = v[r] {
                                let b = &mut best[g as usize];
                                if b.is_none_or(|y| better(x.cmp(&y))) {
                                    *b = Some(x);
                                }
                            }
                        }
                        best.into_iter()
                            .map(|b| b.map_or(Value::Null, Value::Integer))
                            .collect()
                    }
                    Values::Real(v) => {
                        let mut best: Vec<Option<f64>> = vec![None; groups];
                        for (&r, &g) in rows.iter().zip(gid) {
                            if let Some(x) = v[r] {
                                let b = &mut best[g as usize];
                                if b.is_none_or(|y| better(x.total_cmp(&y))) {
                                    *b = Some(x);
                                }
                            }
                        }
                        best.into_iter()
                            .map(|b| b.map_or(Value::Null, Value::Real))
                            .collect()
                    }
                    Values::Text { codes, dict } => {
                        let mut best: Vec<Option<u32>> = vec![None; groups];
                        for (&r, &g) in rows.iter().zip(gid) {
                            let c = codes[r];
                            if c != NULL_CODE {
                                let b = &mut best[g as usize];
                                if b.is_none_or(|y| {
                                    better(
                                        dict[c as usize]
                                            .as_bytes()
                                            .cmp(dict[y as usize].as_bytes()),
                                    )
                                }) {
                                    *b = Some(c);
                                }
                            }
                        }
                        best.into_iter()
                            .map(|b| {
                                b.map_or(Value::Null, |c| Value::Text(dict[c as usize].to_string()))
                            })
                            .collect()
                    }
                    Values::Mixed(_) => return None,
                }
            }
        })
    }
}
