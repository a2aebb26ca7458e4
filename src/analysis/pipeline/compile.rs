//! The SQL compiler of pipelines: a [`Pipeline`] becomes one SQLite query.
//!
//! - Every step becomes a common table expression `sN` over the previous one; the final
//!   `SELECT` names the columns and carries the order. Comments in the SQL only hold
//!   fixed text, so the SQL can be shown to trainees as it is.
//! - Identifiers (table and column names from files, names chosen by the trainee) are
//!   always quoted with [`quote_ident`]; values are always bound parameters. A column
//!   named `x"; DROP TABLE t; --` is just a column.
//! - Columns are checked at each step against the columns the previous steps produce,
//!   with a French message naming the step and the column.
//! - Filter values are coerced to the column's type (`"12,5"` for a number column, read
//!   by [`crate::i18n::parse`]); `eq`, `ne`, `in` and `contains` on text ignore case
//!   and accents (`dj_fold`). A comparison never matches a missing value: use
//!   `is_missing`. A filter keeps the rows meeting all its conditions, or any of them
//!   (`"match": "any"`).
//! - Division by zero gives a missing value, never an error. Missing values sort last.
//! - Aggregates are written by [`crate::analysis::aggregate`].

use rusqlite::types::Value;
use rusqlite::Connection;

use super::model::{
    AggFn, Aggregate, Cmp, Condition, DeriveFn, JoinHow, Match, Operand, Pipeline, SortKey, Step,
};
use crate::analysis::{self, type_name, AnalysisError, ResultColumn};
use crate::error::{Error, Result};
use crate::store::tables::{quote_ident, table_info, TableInfo};
use crate::store::tables::{ColumnInfo, ColumnType};

/// Most distinct values a pivot turns into columns.
pub const MAX_PIVOT_COLUMNS: usize = 50;

/// A column of an intermediate table.
#[derive(Debug, Clone)]
pub(super) struct Col {
    pub(super) name: String,
    pub(super) label: String,
    pub(super) ty: ColumnType,
}

impl From<&ColumnInfo> for Col {
    fn from(c: &ColumnInfo) -> Col {
        Col {
            name: c.name.clone(),
            label: c.label.clone(),
            ty: c.column_type,
        }
    }
}

impl Col {
    /// A number typed in a step (the `b` of a derived column).
    fn typed_number() -> Col {
        Col {
            name: "b".into(),
            label: String::new(),
            ty: ColumnType::Number,
        }
    }
}

/// The item called `name`: exactly, else ignoring ASCII case.
pub(super) fn by_name<'a, T>(
    items: &'a [T],
    name: &str,
    name_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    items
        .iter()
        .find(|c| name_of(c) == name)
        .or_else(|| items.iter().find(|c| name_of(c).eq_ignore_ascii_case(name)))
}

/// `base`, or `base_2`, `base_3`… : the first that is not `taken`.
pub(super) fn free_name(base: String, taken: impl Fn(&str) -> bool) -> String {
    let mut name = base.clone();
    let mut n = 2;
    while taken(&name) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

/// Fails with [`AnalysisError::DuplicateColumn`] if `cols` has a column `name`.
fn unique(step: usize, cols: &[Col], name: &str) -> Result<(), AnalysisError> {
    if cols.iter().any(|c| c.name.eq_ignore_ascii_case(name)) {
        Err(AnalysisError::DuplicateColumn {
            step,
            column: name.to_string(),
        })
    } else {
        Ok(())
    }
}

/// Fails with [`AnalysisError::NotNumeric`] if `func` needs numbers and `col` has none.
fn numbers_for(step: usize, func: AggFn, col: &Col) -> Result<(), AnalysisError> {
    if func.needs_number() && !is_numeric(col.ty) {
        Err(AnalysisError::NotNumeric {
            step,
            column: col.name.clone(),
        })
    } else {
        Ok(())
    }
}

fn is_numeric(ty: ColumnType) -> bool {
    matches!(
        ty,
        ColumnType::Integer | ColumnType::Number | ColumnType::Boolean
    )
}

fn result_columns(cols: &[Col]) -> Vec<ResultColumn> {
    cols.iter()
        .map(|c| ResultColumn::new(&c.name, &c.label, c.ty))
        .collect()
}

/// The compiled query.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The SQL, with `?` for each bound value.
    pub sql: String,
    pub params: Vec<Value>,
    pub(super) columns: Vec<Col>,
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

/// A pipeline being compiled: the CTEs so far, their bound values, the columns and the
/// order of the last one.
pub(super) struct Compiler<'c> {
    conn: &'c Connection,
    ctes: Vec<String>,
    pub(super) params: Vec<Value>,
    cols: Vec<Col>,
    /// ORDER BY terms over the current column names.
    order: Vec<String>,
    /// The CTE the next step reads.
    pub(super) current: String,
}

/// A quoted identifier.
pub(super) fn q(name: &str) -> String {
    quote_ident(name)
}

impl<'c> Compiler<'c> {
    /// A compiler with `cols` and no table yet: the first CTE pushed becomes the
    /// current table.
    pub(super) fn new(
        conn: &'c Connection,
        cols: Vec<Col>,
        params: Vec<Value>,
        order: Vec<String>,
    ) -> Compiler<'c> {
        Compiler {
            conn,
            ctes: Vec::new(),
            params,
            cols,
            order,
            current: String::new(),
        }
    }

    /// A compiler at step 0: the columns of `info` (a workspace table), after a column
    /// `rowid_as` holding the rowid if asked.
    pub(super) fn from_table(
        conn: &'c Connection,
        info: &TableInfo,
        rowid_as: Option<&str>,
    ) -> Compiler<'c> {
        let mut c = Compiler::new(
            conn,
            info.columns.iter().map(Col::from).collect(),
            Vec::new(),
            Vec::new(),
        );
        let rowid = rowid_as.map_or(String::new(), |a| format!("rowid AS {}, ", q(a)));
        let body = format!("SELECT {rowid}{} FROM {}", c.select_list(), q(&info.name));
        c.push_cte(0, "le tableau de départ", body);
        c
    }

    /// A compiler at step 0: the columns of `source_table` (a workspace table).
    pub(super) fn start(conn: &'c Connection, source_table: &str) -> Result<Compiler<'c>> {
        analysis::register_functions(conn)?;
        let info = table_info(conn, source_table)?;
        Ok(Compiler::from_table(conn, &info, None))
    }

    /// The result columns so far.
    pub(super) fn columns(&self) -> Vec<ResultColumn> {
        result_columns(&self.cols)
    }

    fn col(&self, step: usize, name: &str) -> Result<Col, AnalysisError> {
        by_name(&self.cols, name, |c| &c.name)
            .cloned()
            .ok_or_else(|| AnalysisError::UnknownColumn {
                step,
                column: name.to_string(),
            })
    }

    pub(super) fn push_cte(&mut self, step: usize, label: &str, body: String) {
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
    pub(super) fn with_clause(&self) -> String {
        format!("WITH\n{}\n", self.ctes.join(",\n"))
    }

    pub(super) fn finish(self) -> Compiled {
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

    /// [`Compiler::step`], leaving the compiler as it was when the step fails.
    pub(super) fn try_step(&mut self, step: usize, s: &Step) -> Result<()> {
        let (ctes, params) = (self.ctes.len(), self.params.len());
        let (cols, order, current) = (self.cols.clone(), self.order.clone(), self.current.clone());
        self.step(step, s).inspect_err(|_| {
            self.ctes.truncate(ctes);
            self.params.truncate(params);
            (self.cols, self.order, self.current) = (cols, order, current);
        })
    }

    /// Compiles step number `step` (from 1) over the current table.
    pub(super) fn step(&mut self, step: usize, s: &Step) -> Result<()> {
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
                let v = if numeric {
                    coerce(step, &Col::typed_number(), value)?
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
                    let v = coerce(step, &Col::typed_number(), value)?;
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

    /// The key columns of a group or pivot (`by`, `index`), each once, and their quoted
    /// names.
    fn keys(&self, step: usize, by: &[String]) -> Result<(Vec<Col>, Vec<String>), AnalysisError> {
        let mut out: Vec<Col> = Vec::new();
        let mut keys = Vec::new();
        for b in by {
            let col = self.col(step, b)?;
            unique(step, &out, &col.name)?;
            keys.push(q(&col.name));
            out.push(col);
        }
        Ok((out, keys))
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
        let (mut out, keys) = self.keys(step, by)?;
        let mut items = keys.clone();
        for a in aggs {
            let col = match &a.column {
                Some(c) if !c.trim().is_empty() => Some(self.col(step, c)?),
                _ => None,
            };
            if let Some(c) = &col {
                numbers_for(step, a.func, c)?;
            }
            let Some(expr) = a.func.sql(col.as_ref().map(|c| q(&c.name)).as_deref()) else {
                return Err(AnalysisError::InvalidStep {
                    step,
                    detail: format!("{} : column", a.func.as_str()),
                });
            };
            let name = match &a.name {
                Some(n) if !n.trim().is_empty() => n.trim().to_string(),
                _ => match &col {
                    Some(c) => format!("{}_{}", a.func.as_str(), c.name),
                    None if a.func == AggFn::Count => "effectif".to_string(),
                    None => "part".to_string(),
                },
            };
            unique(step, &out, &name)?;
            let ty = a
                .func
                .result_type(col.as_ref().map_or(ColumnType::Integer, |c| c.ty));
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
        numbers_for(step, agg, &val)?;
        let (mut out, keys) = self.keys(step, index)?;
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
        // A share of each pivot cell is read as the mean of its values.
        let agg = if agg == AggFn::Share {
            AggFn::Mean
        } else {
            agg
        };
        let ty = agg.result_type(val.ty);
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
            let name = free_name(label.clone(), |n| {
                out.iter().any(|c| c.name.eq_ignore_ascii_case(n))
            });
            self.params.push(v);
            let expr = agg.sql(Some(&format!("CASE WHEN {sn} IS ? THEN {vn} END")));
            items.push(format!("{} AS {}", expr.unwrap_or_default(), q(&name)));
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
        let right = by_name(&info.columns, right_on, |c| &c.name)
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
            let taken = |n: &str| out.iter().any(|o| o.name.eq_ignore_ascii_case(n));
            let name = if taken(&c.name) {
                free_name(format!("{}_{}", c.name, info.name), taken)
            } else {
                c.name.clone()
            };
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

/// Compiles a pipeline over `source_table` (a workspace table) to SQL and its bound values.
pub fn compile(conn: &Connection, source_table: &str, pipeline: &Pipeline) -> Result<Compiled> {
    let mut c = Compiler::start(conn, source_table)?;
    for (i, s) in pipeline.steps.iter().enumerate() {
        c.step(i + 1, s)?;
    }
    Ok(c.finish())
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
