//! Saving the result of a pipeline as a workspace table ([`save_as`]), under a name
//! typed by a person made into an identifier ([`normalise_table_name`]).

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::compile::{compile, free_name};
use super::model::Pipeline;
use crate::analysis::{self, AnalysisError};
use crate::error::Result;
use crate::store::tables::{quote_ident, table_info, TableInfo};
use crate::store::tables::{ColumnInfo, ColumnType};

/// What `source_file` starts with for a table saved from a pipeline (a file name never
/// contains `/`).
pub const SAVED_SOURCE_PREFIX: &str = "traitement/";

/// Tables of the application a saved table may not replace.
const APP_TABLES: &[&str] = &[
    "profiles",
    "events",
    "positions",
    "pack_datasets",
    "step_tallies",
    "workspace_tables",
];

/// SQL words a table or column name may not be.
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
        || s.starts_with(crate::store::tables::COLLECT_PREFIX)
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
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let info = save_as_in(&tx, source, pipeline, new_table)?;
    tx.commit()?;
    Ok(info)
}

/// [`save_as`] inside a transaction the caller holds and commits (with the event that
/// records the answer, say), so that the table and what goes with it land together.
pub fn save_as_in(
    tx: &Connection,
    source: &str,
    pipeline: &Pipeline,
    new_table: &str,
) -> Result<TableInfo> {
    let name = normalise_table_name(new_table)?;
    let compiled = compile(tx, source, pipeline)?;
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
        let n = free_name(base, |n| columns.iter().any(|x| x.name == n));
        columns.push(ColumnInfo {
            name: n,
            label: c.label.clone(),
            column_type: c.ty,
            hxl: None,
        });
    }
    let tmp = format!("dj_tmp_{name}");
    tx.execute(&format!("DROP TABLE IF EXISTS {}", quote_ident(&tmp)), [])?;
    let defs: Vec<String> = columns
        .iter()
        .map(|c| {
            let ty = match c.column_type {
                ColumnType::Integer | ColumnType::Boolean => "INTEGER",
                ColumnType::Number => "REAL",
                _ => "TEXT",
            };
            format!("{} {ty}", quote_ident(&c.name))
        })
        .collect();
    tx.execute(
        &format!("CREATE TABLE {} ({})", quote_ident(&tmp), defs.join(", ")),
        [],
    )?;
    let names: Vec<String> = columns.iter().map(|c| quote_ident(&c.name)).collect();
    // `WITH … SELECT` becomes `WITH … INSERT INTO … SELECT`.
    let select_at = compiled.sql.rfind("\nSELECT ").map(|i| i + 1).unwrap_or(0);
    let (with, select) = compiled.sql.split_at(select_at);
    let insert = format!(
        "{with}INSERT INTO {} ({}) {select}",
        quote_ident(&tmp),
        names.join(", ")
    );
    let rows = tx.execute(&insert, rusqlite::params_from_iter(compiled.params.iter()))?;
    if let Some(old) = old {
        tx.execute(&format!("DROP TABLE IF EXISTS {}", quote_ident(&old)), [])?;
        tx.execute("DELETE FROM workspace_tables WHERE name = ?1", params![old])?;
    }
    tx.execute(
        &format!(
            "ALTER TABLE {} RENAME TO {}",
            quote_ident(&tmp),
            quote_ident(&name)
        ),
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
    table_info(tx, &name)
}
