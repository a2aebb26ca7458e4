//! What the analysis modules share: the result table the UI shows ([`ResultTable`]),
//! the typed errors of pipelines, the SQL console and the data grid ([`AnalysisError`]),
//! and the SQL functions DataJam registers on a connection ([`register_functions`]):
//!
//! - `dj_fold(x)`: text folded for comparisons that ignore case and accents
//!   ("Ouaddaï" and "OUADDAI" both give "ouaddai"), used by filters `eq`, `ne`, `in`
//!   and `contains` on text columns;
//! - `dj_median(x)`: the median of the non-missing numbers of a group (missing when
//!   there is none).

pub mod aggregate;
pub mod columnar;
pub mod grid;
pub mod indicators;
pub mod pipeline;
pub mod provinces;
pub mod sql;

use crate::tr;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::store::tables::ColumnType;

/// One column of a result: `type` is one of "integer", "number", "text", "date",
/// "boolean" (the UI aligns and formats cells by it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultColumn {
    pub name: String,
    pub label: String,
    #[serde(rename = "type")]
    pub column_type: String,
}

impl ResultColumn {
    /// A column named `name`, shown as `label`, of type `ty`.
    pub fn new(name: &str, label: &str, ty: ColumnType) -> ResultColumn {
        ResultColumn {
            name: name.to_string(),
            label: label.to_string(),
            column_type: type_name(ty).to_string(),
        }
    }
}

/// A query result as the UI shows it: at most `max_rows` rows of JSON values (numbers as
/// numbers, missing as null), the number of rows of the whole result, and the SQL that
/// produced it (bound values written in as literals, for reading only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultTable {
    pub columns: Vec<ResultColumn>,
    pub rows: Vec<Vec<serde_json::Value>>,
    pub total_rows: u64,
    pub sql: String,
}

/// The type name of a column as the UI knows it.
pub fn type_name(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Integer => "integer",
        ColumnType::Number => "number",
        ColumnType::Boolean => "boolean",
        ColumnType::Date | ColumnType::Datetime => "date",
        ColumnType::Text => "text",
    }
}

/// Errors of pipelines, the SQL console and the grid. Steps are numbered from 1.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AnalysisError {
    #[error("the pipeline cannot be read: {detail}")]
    InvalidPipeline { detail: String },
    #[error("step {step} is malformed: {detail}")]
    InvalidStep { step: usize, detail: String },
    #[error("step {step}: unknown operation {op}")]
    UnknownOp { step: usize, op: String },
    #[error("step {step}: no column {column}")]
    UnknownColumn { step: usize, column: String },
    #[error("step {step}: no table {table}")]
    UnknownTable { step: usize, table: String },
    #[error("step {step}: column {column} is not numeric")]
    NotNumeric { step: usize, column: String },
    #[error("step {step}: {value} is not a valid {expected} for column {column}")]
    BadValue {
        step: usize,
        column: String,
        value: String,
        expected: &'static str,
    },
    #[error("step {step}: a value is needed for column {column}")]
    ValueRequired { step: usize, column: String },
    #[error("step {step}: the new column needs a name")]
    EmptyName { step: usize },
    #[error("step {step}: two columns named {column}")]
    DuplicateColumn { step: usize, column: String },
    #[error("step {step}: column {column} has more than {max} distinct values")]
    TooManyPivotColumns {
        step: usize,
        column: String,
        max: usize,
    },
    #[error("invalid table name: {name}")]
    InvalidTableName { name: String },
    #[error("table {name} exists and was not saved from a pipeline")]
    TableExists { name: String },
    #[error("the SQL console only reads: {what} is not allowed")]
    Forbidden { what: String },
    #[error("invalid SQL: {detail}")]
    SqlInvalid { detail: String },
    #[error("one statement at a time")]
    MultipleStatements,
    #[error("query stopped after {seconds} s")]
    Timeout { seconds: u64 },
    #[error("invalid grid cursor")]
    BadCursor,
}

crate::stage_error!(AnalysisError {
    AnalysisError::InvalidPipeline { .. } => "pipeline.invalid",
    AnalysisError::InvalidStep { .. } => "pipeline.invalid_step",
    AnalysisError::UnknownOp { .. } => "pipeline.unknown_op",
    AnalysisError::UnknownColumn { .. } => "pipeline.unknown_column",
    AnalysisError::UnknownTable { .. } => "pipeline.unknown_table",
    AnalysisError::NotNumeric { .. } => "pipeline.not_numeric",
    AnalysisError::BadValue { .. } => "pipeline.bad_value",
    AnalysisError::ValueRequired { .. } => "pipeline.value_required",
    AnalysisError::EmptyName { .. } => "pipeline.empty_name",
    AnalysisError::DuplicateColumn { .. } => "pipeline.duplicate_column",
    AnalysisError::TooManyPivotColumns { .. } => "pipeline.too_many_pivot_columns",
    AnalysisError::InvalidTableName { .. } => "pipeline.invalid_table_name",
    AnalysisError::TableExists { .. } => "pipeline.table_exists",
    AnalysisError::Forbidden { .. } => "sql.forbidden",
    AnalysisError::SqlInvalid { .. } => "sql.invalid",
    AnalysisError::MultipleStatements => "sql.multiple_statements",
    AnalysisError::Timeout { .. } => "sql.timeout",
    AnalysisError::BadCursor => "grid.bad_cursor",
});

impl AnalysisError {
    /// The message for a trainee in `lang` (the catalog's `error-<code>`).
    pub fn message(&self, lang: Lang) -> String {
        let key = crate::error::message_key(self.code());
        let key = key.as_str();
        match self {
            AnalysisError::InvalidPipeline { detail } | AnalysisError::SqlInvalid { detail } => {
                tr!(lang, key, detail = detail)
            }
            AnalysisError::InvalidStep { step, detail } => {
                tr!(lang, key, step = step.to_string(), detail = detail)
            }
            AnalysisError::UnknownOp { step, op } => {
                tr!(lang, key, step = step.to_string(), op = op)
            }
            AnalysisError::UnknownColumn { step, column }
            | AnalysisError::NotNumeric { step, column }
            | AnalysisError::ValueRequired { step, column }
            | AnalysisError::DuplicateColumn { step, column } => {
                tr!(lang, key, step = step.to_string(), column = column)
            }
            AnalysisError::UnknownTable { step, table } => {
                tr!(lang, key, step = step.to_string(), table = table)
            }
            AnalysisError::BadValue {
                step,
                column,
                value,
                expected,
            } => tr!(
                lang,
                key,
                step = step.to_string(),
                column = column,
                value = value,
                expected = *expected
            ),
            AnalysisError::EmptyName { step } => tr!(lang, key, step = step.to_string()),
            AnalysisError::TooManyPivotColumns { step, column, max } => tr!(
                lang,
                key,
                step = step.to_string(),
                column = column,
                max = max.to_string()
            ),
            AnalysisError::InvalidTableName { name } | AnalysisError::TableExists { name } => {
                tr!(lang, key, name = name)
            }
            AnalysisError::Forbidden { what } => tr!(lang, key, what = what),
            AnalysisError::MultipleStatements | AnalysisError::BadCursor => tr!(lang, key),
            AnalysisError::Timeout { seconds } => tr!(lang, key, seconds = seconds.to_string()),
        }
    }
}

pub use crate::i18n::text::fold;

/// An ASCII snake_case identifier made from any text ("Mayo-Kebbi Est" ->
/// "mayo_kebbi_est"), at most 60 bytes; empty when nothing is left.
pub fn slug(s: &str) -> String {
    crate::i18n::text::slug(s, 60)
}

pub use aggregate::median;

/// Registers `dj_fold` and `dj_median` on a connection (idempotent).
pub fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("dj_fold", 1, flags, |ctx| {
        Ok(match ctx.get_raw(0) {
            ValueRef::Null => None,
            ValueRef::Text(t) => Some(fold(&String::from_utf8_lossy(t))),
            ValueRef::Integer(i) => Some(i.to_string()),
            ValueRef::Real(f) => Some(f.to_string()),
            ValueRef::Blob(_) => None,
        })
    })?;
    conn.create_aggregate_function("dj_median", 1, flags, aggregate::SqlMedian)?;
    Ok(())
}

/// A cell as JSON: numbers as numbers, missing (and non-finite numbers) as null,
/// booleans as true/false when the column is boolean.
pub fn json_value(v: ValueRef<'_>, ty: Option<ColumnType>) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => {
            if ty == Some(ColumnType::Boolean) && (i == 0 || i == 1) {
                serde_json::Value::Bool(i == 1)
            } else {
                serde_json::Value::from(i)
            }
        }
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        ValueRef::Text(t) => serde_json::Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => serde_json::Value::String(format!("<{} octets>", b.len())),
    }
}

/// Writes the SQL with its bound values as literals, for showing only (never run).
/// `?` inside double-quoted identifiers or single-quoted strings is left alone.
pub fn inline_params(sql: &str, params: &[Value]) -> String {
    let mut out = String::with_capacity(sql.len() + params.len() * 8);
    let mut it = params.iter();
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some('\n') => {
                // Inside a `--` comment, up to the end of the line.
                out.push(c);
                if c == '\n' {
                    quote = None;
                }
            }
            Some(q) => {
                out.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '-' && chars.peek() == Some(&'-') => {
                quote = Some('\n');
                out.push(c);
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                out.push(c);
            }
            None if c == '?' => match it.next() {
                Some(v) => out.push_str(&literal(v)),
                None => out.push(c),
            },
            None => out.push(c),
        }
    }
    out
}

fn literal(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => {
            let s = f.to_string();
            if s.contains(['.', 'e', 'E', 'N', 'i']) {
                s
            } else {
                format!("{s}.0")
            }
        }
        Value::Text(t) => format!("'{}'", t.replace('\'', "''")),
        Value::Blob(b) => format!(
            "x'{}'",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
    }
}

/// Runs a prepared statement and collects at most `max_rows` rows (all rows are
/// counted). `types[i]` gives how to write column `i` (boolean cells as true/false).
pub(crate) fn collect_rows(
    stmt: &mut rusqlite::Statement<'_>,
    params: &[Value],
    types: &[Option<ColumnType>],
    max_rows: usize,
) -> rusqlite::Result<(Vec<Vec<serde_json::Value>>, u64)> {
    let n = stmt.column_count();
    let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
    let mut out = Vec::new();
    let mut total = 0u64;
    while let Some(row) = rows.next()? {
        if out.len() < max_rows {
            let mut cells = Vec::with_capacity(n);
            for i in 0..n {
                cells.push(json_value(row.get_ref(i)?, types.get(i).copied().flatten()));
            }
            out.push(cells);
        }
        total += 1;
    }
    Ok((out, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_slugs() {
        crate::i18n::text::tests::check_folds(fold);
        crate::i18n::text::tests::check_slugs(60, slug);
    }

    #[test]
    fn sql_functions() {
        let conn = Connection::open_in_memory().unwrap();
        register_functions(&conn).unwrap();
        let (f, m): (String, f64) = conn
            .query_row(
                "SELECT dj_fold('N''Djaména'), (SELECT dj_median(x) FROM (SELECT 1 AS x UNION ALL SELECT 10 UNION ALL SELECT NULL UNION ALL SELECT 4))",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(f, "n'djamena");
        assert_eq!(m, 4.0);
    }

    #[test]
    fn inlined_sql_keeps_quoted_question_marks() {
        let s = inline_params(
            "-- l'eau ?\nSELECT \"a?\" FROM t WHERE x = ? AND y = ?",
            &[Value::Text("l'eau".into()), Value::Real(2.0)],
        );
        assert_eq!(
            s,
            "-- l'eau ?\nSELECT \"a?\" FROM t WHERE x = 'l''eau' AND y = 2.0"
        );
    }
}
