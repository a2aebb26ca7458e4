//! Writing an imported table and its `workspace_tables` row, in one transaction.

use chrono::Datelike;
use rusqlite::types::Null;
use rusqlite::{params, Connection, OptionalExtension, Statement, TransactionBehavior};

use super::infer::{
    format_datetime, interpret, is_sql_keyword, slugify, Missing, RawCell, Typed, MAX_IDENT_LEN,
};
use super::{ColumnInfo, ColumnType, ImportError, PackOrigin};

/// The metadata table every import registers in.
const META_TABLE: &str = "workspace_tables";

/// The application's own tables (see `store::MIGRATIONS`). Any other existing
/// object that is not an imported table is protected too, see [`check_target`].
const APP_TABLES: &[&str] = &[
    "profiles",
    "events",
    "positions",
    "pack_datasets",
    "step_tallies",
    META_TABLE,
];

pub(crate) use crate::store::tables::quote_ident;

fn is_reserved(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("sqlite_")
        || lower.starts_with('_')
        || APP_TABLES.contains(&lower.as_str())
        || is_sql_keyword(&lower)
}

/// Checks a table name chosen by the user: ASCII letters, digits and `_`,
/// starting with a letter, at most 63 characters, not reserved. Returned in
/// lower case (SQLite names are case-insensitive anyway).
pub(crate) fn validate_table_name(name: &str) -> Result<String, ImportError> {
    let ok = !name.is_empty()
        && name.len() <= MAX_IDENT_LEN
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !is_reserved(name);
    if ok {
        Ok(name.to_ascii_lowercase())
    } else {
        Err(ImportError::InvalidTableName(name.to_string()))
    }
}

/// Table name derived from a file name: "Recensement 2009 (final).xlsx" ->
/// "recensement_2009_final"; a name that would be invalid gets a `t_` prefix.
pub(crate) fn derive_table_name(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let slug = slugify(&stem);
    let mut name = if slug.is_empty() {
        "donnees".to_string()
    } else if slug.starts_with(|c: char| c.is_ascii_digit()) || is_reserved(&slug) {
        format!("t_{slug}")
    } else {
        slug
    };
    name.truncate(MAX_IDENT_LEN);
    while name.ends_with('_') {
        name.pop();
    }
    name
}

/// What to do about the target name: `Ok(None)` when it is free,
/// `Ok(Some(old))` when an imported table `old` must be replaced.
/// Objects that were not imported (the app's own tables, views, indexes)
/// are never touched: [`ImportError::InvalidTableName`].
pub(crate) fn check_target(
    conn: &Connection,
    name: &str,
    replace: bool,
) -> Result<Option<String>, ImportError> {
    let object: Option<(String, String)> = conn
        .query_row(
            "SELECT type, name FROM sqlite_master WHERE name = ?1 COLLATE NOCASE LIMIT 1",
            params![name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let registered: Option<String> = conn
        .query_row(
            &format!(
                "SELECT name FROM {} WHERE name = ?1 COLLATE NOCASE LIMIT 1",
                quote_ident(META_TABLE)
            ),
            params![name],
            |r| r.get(0),
        )
        .optional()?;
    match (object, registered) {
        (None, None) => Ok(None),
        (Some((kind, _)), Some(reg)) if kind == "table" => {
            if replace {
                Ok(Some(reg))
            } else {
                Err(ImportError::TableExists(name.to_string()))
            }
        }
        // Registered but the table itself is gone: the row is stale.
        (None, Some(reg)) => {
            if replace {
                Ok(Some(reg))
            } else {
                Err(ImportError::TableExists(name.to_string()))
            }
        }
        _ => Err(ImportError::InvalidTableName(name.to_string())),
    }
}

fn sql_type(ty: ColumnType) -> &'static str {
    match ty {
        ColumnType::Integer | ColumnType::Boolean => "INTEGER",
        ColumnType::Number => "REAL",
        ColumnType::Date | ColumnType::Datetime | ColumnType::Text => "TEXT",
    }
}

/// Everything about the table except its rows.
pub(crate) struct TableSpec<'a> {
    pub table: &'a str,
    pub columns: &'a [ColumnInfo],
    pub source_file: &'a str,
    pub sheet: Option<&'a str>,
    pub replace: bool,
    pub origin: Option<&'a PackOrigin>,
}

/// Page cache used while an import transaction is open (KiB, as a
/// negative `cache_size`): fewer spills of dirty pages to the WAL before the
/// commit. Restored afterwards.
const IMPORT_CACHE_KIB: i64 = 32 * 1024;

/// One converted value of a [`Batch`], ready to be bound.
#[derive(Debug, Clone, Copy)]
enum Val {
    Null,
    Int(i64),
    Real(f64),
    /// A byte range of [`Batch::text`].
    Text(usize, usize),
}

/// Rows converted for their table, ready to be inserted: one value per column and row,
/// texts in one buffer (no allocation per cell). Built by the reading thread, inserted
/// by the writing one.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    vals: Vec<Val>,
    text: String,
    rows: usize,
    /// Share of the source read when the batch was sent (for progress).
    pub(crate) share: f64,
}

/// A batch is sent once it holds this many rows…
const BATCH_ROWS: usize = 1024;
/// … or this many bytes of text.
const BATCH_TEXT: usize = 1 << 20;

/// "2024-03-15", without going through chrono's formatter nor `fmt` (one date per
/// cell of a date column, on the converting thread: the import's critical path).
fn write_date(buf: &mut String, d: chrono::NaiveDate) {
    if let Ok(y) = u32::try_from(d.year()) {
        if y <= 9999 {
            let (m, day) = (d.month(), d.day());
            let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
            for c in [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                '-',
                digit(m / 10),
                digit(m),
                '-',
                digit(day / 10),
                digit(day),
            ] {
                buf.push(c);
            }
            return;
        }
    }
    buf.push_str(&super::infer::format_date(d));
}

impl Batch {
    /// Empties the batch, keeping its buffers (a batch is reused, not reallocated).
    pub(crate) fn clear(&mut self) {
        self.vals.clear();
        self.text.clear();
        self.rows = 0;
        self.share = 0.0;
    }

    /// Rows in the batch.
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    /// True when the batch should be sent.
    pub(crate) fn full(&self) -> bool {
        self.rows >= BATCH_ROWS || self.text.len() >= BATCH_TEXT
    }

    fn push_text(&mut self, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.vals.push(Val::Text(start, self.text.len()));
    }

    /// Adds one row: the cells at `kept`, converted for `columns` (missing values are
    /// NULL; text columns, and values that do not fit their column's type, keep their
    /// text as written).
    pub(crate) fn push_row(
        &mut self,
        cells: &[RawCell],
        kept: &[usize],
        columns: &[ColumnInfo],
        dot_thousands: &[bool],
        missing: &Missing,
    ) {
        for (k, (&c, col)) in kept.iter().zip(columns).enumerate() {
            let dots = dot_thousands.get(k).copied().unwrap_or(false);
            let cell = cells.get(c).unwrap_or(&RawCell::Empty);
            let value = if missing.is_missing(cell) {
                None
            } else if col.column_type == ColumnType::Text {
                Some(None)
            } else {
                Some(interpret(cell, col.column_type, dots))
            };
            self.push_value(cell, value);
        }
        self.end_row();
    }

    /// Adds the next value of the current row: `None` is NULL, `Some(None)` the cell's
    /// text as written, else the typed value.
    pub(crate) fn push_value(&mut self, cell: &RawCell, value: Option<Option<Typed>>) {
        match value {
            None => self.vals.push(Val::Null),
            Some(Some(Typed::Int(i))) => self.vals.push(Val::Int(i)),
            Some(Some(Typed::Real(f))) => self.vals.push(Val::Real(f)),
            Some(Some(Typed::Bool(b))) => self.vals.push(Val::Int(i64::from(b))),
            Some(Some(Typed::Date(d))) => {
                let start = self.text.len();
                write_date(&mut self.text, d);
                self.vals.push(Val::Text(start, self.text.len()));
            }
            Some(Some(Typed::DateTime(dt))) => self.push_text(&format_datetime(dt)),
            Some(None) => match cell {
                RawCell::Text(s) => self.push_text(super::infer::trimmed(s)),
                other => self.push_text(&other.display()),
            },
        }
    }

    /// Ends the current row.
    pub(crate) fn end_row(&mut self) {
        self.rows += 1;
    }
}

/// Inserts the rows of an import through one prepared statement, binding
/// each value directly (no intermediate `Value`s).
pub(crate) struct RowWriter<'c> {
    stmt: Statement<'c>,
    /// The same INSERT for `.1` rows at once (fewer statements run), when the table is
    /// narrow enough.
    multi: Option<(Statement<'c>, usize)>,
    width: usize,
    rows: u64,
}

/// Parameters of one multi-row INSERT at most (SQLite's oldest default limit is 999).
const MULTI_PARAMS: usize = 999;
/// Rows of one multi-row INSERT at most.
const MULTI_ROWS: usize = 16;

/// Binds `vals` (texts in `text`) from parameter 1 on.
fn bind(stmt: &mut Statement<'_>, vals: &[Val], text: &str) -> Result<(), ImportError> {
    for (k, v) in vals.iter().enumerate() {
        let idx = k + 1;
        match *v {
            Val::Null => stmt.raw_bind_parameter(idx, Null)?,
            Val::Int(i) => stmt.raw_bind_parameter(idx, i)?,
            Val::Real(f) => stmt.raw_bind_parameter(idx, f)?,
            Val::Text(a, b) => stmt.raw_bind_parameter(idx, &text[a..b])?,
        }
    }
    Ok(())
}

impl RowWriter<'_> {
    /// Inserts the rows of `batch`, in order.
    pub(crate) fn insert(&mut self, batch: &Batch) -> Result<(), ImportError> {
        if self.width == 0 {
            return Ok(());
        }
        let mut rest: &[Val] = &batch.vals;
        if let Some((stmt, k)) = &mut self.multi {
            let mut chunks = rest.chunks_exact(self.width * *k);
            for chunk in &mut chunks {
                bind(stmt, chunk, &batch.text)?;
                stmt.raw_execute()?;
                self.rows += *k as u64;
            }
            rest = chunks.remainder();
        }
        for row in rest.chunks_exact(self.width) {
            bind(&mut self.stmt, row, &batch.text)?;
            self.stmt.raw_execute()?;
            self.rows += 1;
        }
        Ok(())
    }

    pub(crate) fn rows(&self) -> u64 {
        self.rows
    }
}

/// Creates the table (dropping the old one when replacing), lets `fill`
/// insert the rows and return the table's warnings, and registers the table — all in one
/// transaction, so any error leaves the database as it was. Returns the number of rows;
/// `None`, with nothing written, when `fill` returns `None` (the rows must be written
/// again, under other types).
/// The connection's `synchronous` setting is left alone: with the app's
/// `FULL`, the commit is durable.
pub(crate) fn write_table(
    conn: &mut Connection,
    spec: &TableSpec<'_>,
    fill: impl FnOnce(&mut RowWriter<'_>) -> Result<Option<Vec<String>>, ImportError>,
) -> Result<Option<u64>, ImportError> {
    let old_cache: Option<i64> = conn
        .pragma_query_value(None, "cache_size", |r| r.get(0))
        .ok();
    if old_cache.is_some_and(|c| c > -IMPORT_CACHE_KIB && c < IMPORT_CACHE_KIB / 4) {
        conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
    }
    let result = write_table_tx(conn, spec, fill);
    if let Some(c) = old_cache {
        // Best effort: a failure here changes nothing that matters.
        let _ = conn.pragma_update(None, "cache_size", c);
    }
    result
}

fn write_table_tx(
    conn: &mut Connection,
    spec: &TableSpec<'_>,
    fill: impl FnOnce(&mut RowWriter<'_>) -> Result<Option<Vec<String>>, ImportError>,
) -> Result<Option<u64>, ImportError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(old) = check_target(&tx, spec.table, spec.replace)? {
        tx.execute(&format!("DROP TABLE IF EXISTS {}", quote_ident(&old)), [])?;
        tx.execute(
            &format!("DELETE FROM {} WHERE name = ?1", quote_ident(META_TABLE)),
            params![old],
        )?;
    }
    let defs: Vec<String> = spec
        .columns
        .iter()
        .map(|c| format!("{} {}", quote_ident(&c.name), sql_type(c.column_type)))
        .collect();
    tx.execute(
        &format!(
            "CREATE TABLE {} ({})",
            quote_ident(spec.table),
            defs.join(", ")
        ),
        [],
    )?;
    let (rows, warnings) = {
        let width = spec.columns.len();
        let names: Vec<String> = spec.columns.iter().map(|c| quote_ident(&c.name)).collect();
        let insert = |rows: usize| {
            let one = format!("({})", vec!["?"; width].join(", "));
            format!(
                "INSERT INTO {} ({}) VALUES {}",
                quote_ident(spec.table),
                names.join(", "),
                vec![one; rows].join(", ")
            )
        };
        let stmt = tx.prepare(&insert(1))?;
        let k = (MULTI_PARAMS / width.max(1)).min(MULTI_ROWS);
        let multi = if k >= 2 {
            Some((tx.prepare(&insert(k))?, k))
        } else {
            None
        };
        let mut writer = RowWriter {
            stmt,
            multi,
            width,
            rows: 0,
        };
        let Some(warnings) = fill(&mut writer)? else {
            // Dropped without a commit: rolled back.
            return Ok(None);
        };
        (writer.rows, warnings)
    };
    let columns_json = serde_json::to_string(spec.columns)
        .map_err(|e| ImportError::Unreadable(format!("columns_json: {e}")))?;
    let warnings_json = serde_json::to_string(&warnings)
        .map_err(|e| ImportError::Unreadable(format!("warnings_json: {e}")))?;
    let imported_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    tx.execute(
        &format!(
            "INSERT INTO {} (name, source_file, sheet, columns_json, row_count, imported_at, warnings_json) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            quote_ident(META_TABLE)
        ),
        params![
            spec.table,
            spec.source_file,
            spec.sheet,
            columns_json,
            i64::try_from(rows).unwrap_or(i64::MAX),
            imported_at,
            warnings_json
        ],
    )?;
    if let Some(o) = spec.origin {
        tx.execute(
            "INSERT INTO pack_datasets(pack_id, resource, table_name, content_hash, loaded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(pack_id, resource) DO UPDATE SET table_name = excluded.table_name,
               content_hash = excluded.content_hash, loaded_at = excluded.loaded_at",
            params![
                o.pack_id,
                o.resource,
                spec.table,
                o.content_hash,
                imported_at
            ],
        )?;
    }
    tx.commit()?;
    Ok(Some(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_date_is_format_date() {
        let mut dates: Vec<chrono::NaiveDate> = [(0, 1, 1), (999, 12, 31), (9999, 12, 31)]
            .iter()
            .filter_map(|&(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d))
            .collect();
        let start = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
        dates.extend(
            (0..60_000)
                .step_by(7)
                .map(|k| start + chrono::Duration::days(k)),
        );
        // Outside 0..=9999: chrono's own formatting.
        dates.extend(chrono::NaiveDate::from_ymd_opt(10_000, 1, 1));
        dates.extend(chrono::NaiveDate::from_ymd_opt(-5, 6, 7));
        let mut buf = String::from("x");
        for d in dates {
            buf.truncate(1);
            write_date(&mut buf, d);
            assert_eq!(&buf[1..], super::super::infer::format_date(d), "{d:?}");
        }
    }
}
