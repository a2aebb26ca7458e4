//! The data grid: a workspace table page by page, sorted by any column.
//!
//! - Unsorted: keyset paging on the rowid (`WHERE rowid > ? ORDER BY rowid LIMIT n`),
//!   fast at any depth.
//! - Sorted by a column: the column is loaded in memory ([`crate::analysis::columnar`]); the
//!   first page is a partial selection (no full sort), and the full sort order is then
//!   computed on a background thread, so that the following pages are slices of it.
//!   A page asked before that order is ready never waits for it: it is the keyset
//!   after the cursor's key (value, rowid), one scan of the column keeping the best
//!   `page_size` rows. When the column is not in memory yet, the page is SQLite's own
//!   (`WHERE key > cursor ORDER BY … LIMIT`, one scan) and the column loads in the
//!   background. All three give the same order, so cursors stay valid across them.
//!   The rows of a page are read by rowid. Missing values sort last, ties in rowid order.
//!   No index is written to the database (building one takes seconds on a million rows
//!   and grows the file); see `BENCHMARKS.md`.
//! - [`GridPage::next_cursor`] is opaque: the UI passes it back as it is. A cursor made
//!   for another table, another sort or an older content of the table gives
//!   [`AnalysisError::BadCursor`].
//! - [`warm`] loads a table's columns in the background (after an import), so the first
//!   sorted page does not wait for the column to load.

use std::path::Path;
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::analysis::columnar;
use crate::analysis::{json_value, AnalysisError, ResultColumn};
use crate::error::Result;
use crate::store::tables::{quote_ident, table_info, TableInfo};

/// Largest page.
pub const MAX_PAGE_SIZE: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridSort {
    pub column: String,
    #[serde(default)]
    pub desc: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridRequest {
    #[serde(default)]
    pub sort: Option<GridSort>,
    #[serde(default)]
    pub cursor: Option<String>,
    #[serde(default = "default_page_size")]
    pub page_size: usize,
}

fn default_page_size() -> usize {
    50
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridPage {
    pub columns: Vec<ResultColumn>,
    pub rows: Vec<Vec<serde_json::Value>>,
    pub total_rows: u64,
    pub next_cursor: Option<String>,
}

/// FNV-1a of what a cursor belongs to.
fn tag(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn columns_of(info: &TableInfo) -> Vec<ResultColumn> {
    info.columns
        .iter()
        .map(|c| ResultColumn::new(&c.name, &c.label, c.column_type))
        .collect()
}

/// Reads rows by rowid, in the order of `rowids`.
fn rows_by_rowid(
    conn: &Connection,
    info: &TableInfo,
    rowids: &[i64],
) -> rusqlite::Result<Vec<Vec<serde_json::Value>>> {
    if rowids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; rowids.len()].join(", ");
    let rows = select_rows(
        conn,
        info,
        &format!("WHERE rowid IN ({marks})"),
        rusqlite::params_from_iter(rowids.iter()),
    )?;
    let mut by_id: std::collections::HashMap<i64, _> = rows.into_iter().collect();
    Ok(rowids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// `SELECT rowid, <every column> FROM <table> {tail}` with `params`: each row's rowid
/// and cells.
#[allow(clippy::type_complexity)]
fn select_rows(
    conn: &Connection,
    info: &TableInfo,
    tail: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Vec<(i64, Vec<serde_json::Value>)>> {
    let names: Vec<String> = info.columns.iter().map(|c| quote_ident(&c.name)).collect();
    let sql = format!(
        "SELECT rowid, {} FROM {} {tail}",
        names.join(", "),
        quote_ident(&info.name)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut cells = Vec::with_capacity(info.columns.len());
        for (i, c) in info.columns.iter().enumerate() {
            cells.push(json_value(row.get_ref(i + 1)?, Some(c.column_type)));
        }
        out.push((row.get(0)?, cells));
    }
    Ok(out)
}

/// One page of `table` (see the module doc).
pub fn page(conn: &Connection, table: &str, req: &GridRequest) -> Result<GridPage> {
    let info = table_info(conn, table)?;
    let size = req.page_size.clamp(1, MAX_PAGE_SIZE);
    let columns = columns_of(&info);
    let bad = || AnalysisError::BadCursor;
    match &req.sort {
        None => {
            let t = tag(&[&info.name]);
            let after: i64 = match &req.cursor {
                None => i64::MIN,
                Some(c) => {
                    let mut it = c.split('.');
                    match (it.next(), it.next(), it.next(), it.next()) {
                        (Some("r"), Some(id), Some(h), None) if h == format!("{t:x}") => {
                            id.parse().map_err(|_| bad())?
                        }
                        _ => return Err(bad().into()),
                    }
                }
            };
            let (ids, mut out): (Vec<i64>, Vec<_>) = select_rows(
                conn,
                &info,
                "WHERE rowid > ?1 ORDER BY rowid LIMIT ?2",
                rusqlite::params![after, (size + 1) as i64],
            )?
            .into_iter()
            .unzip();
            let next_cursor = if out.len() > size {
                out.truncate(size);
                Some(format!("r.{}.{t:x}", ids[size - 1]))
            } else {
                None
            };
            Ok(GridPage {
                columns,
                rows: out,
                total_rows: info.rows,
                next_cursor,
            })
        }
        Some(sort) => {
            let col = info
                .columns
                .iter()
                .find(|c| c.name == sort.column)
                .or_else(|| {
                    info.columns
                        .iter()
                        .find(|c| c.name.eq_ignore_ascii_case(&sort.column))
                })
                .ok_or_else(|| crate::Error::ColumnNotFound(sort.column.clone()))?;
            let stamp = columnar::stamp(conn, &info.name)?;
            let t = tag(&[&info.name, &col.name, if sort.desc { "d" } else { "a" }]);
            let st = format!("{:x}-{:x}", stamp.0, stamp.1);
            // A cursor is the key of the last row served, (value, rowid), given by its
            // rowid, plus its rank in the sort order (a fast path once the full order
            // is computed).
            let after: Option<(usize, i64)> = match &req.cursor {
                None => None,
                Some(c) => {
                    let mut it = c.split('.');
                    match (
                        it.next(),
                        it.next(),
                        it.next(),
                        it.next(),
                        it.next(),
                        it.next(),
                    ) {
                        (Some("s"), Some(off), Some(id), Some(h), Some(s), None)
                            if h == format!("{t:x}") && s == st =>
                        {
                            Some((
                                off.parse().map_err(|_| bad())?,
                                id.parse().map_err(|_| bad())?,
                            ))
                        }
                        _ => return Err(bad().into()),
                    }
                }
            };
            let offset = after.map_or(0, |(o, _)| o);
            let cursor = |end: usize, rowid: i64| format!("s.{end}.{rowid}.{t:x}.{st}");
            // A cursor past the end is refused whichever path serves the page (in memory
            // or SQLite's own, while the column loads).
            if offset as u64 > info.rows {
                return Err(bad().into());
            }
            if !columnar::is_cached(conn, &info.name, &col.name) {
                if let Some(path) = conn.path().filter(|p| !p.is_empty()) {
                    // Column not in memory: SQLite's own page (one scan, top-N, keyset
                    // after the cursor's key), while the column loads and sorts in the
                    // background.
                    let n = quote_ident(&col.name);
                    let mut params: Vec<rusqlite::types::Value> = vec![((size + 1) as i64).into()];
                    let filter = match after {
                        None => String::new(),
                        Some((_, rowid)) => {
                            let v: Option<rusqlite::types::Value> = conn
                                .query_row(
                                    &format!(
                                        "SELECT {n} FROM {} WHERE rowid = ?1",
                                        quote_ident(&info.name)
                                    ),
                                    [rowid],
                                    |r| r.get(0),
                                )
                                .optional()?;
                            let v = v.ok_or_else(bad)?;
                            params.push(rowid.into());
                            if v == rusqlite::types::Value::Null {
                                format!("WHERE {n} IS NULL AND rowid > ?2")
                            } else {
                                params.push(v);
                                let op = if sort.desc { "<" } else { ">" };
                                format!(
                                    "WHERE {n} IS NULL OR {n} {op} ?3 OR ({n} = ?3 AND rowid > ?2)"
                                )
                            }
                        }
                    };
                    let tail = format!(
                        "{filter} ORDER BY {n} IS NULL, {n}{}, rowid LIMIT ?1",
                        if sort.desc { " DESC" } else { "" }
                    );
                    let (ids, mut out): (Vec<i64>, Vec<_>) = select_rows(
                        conn,
                        &info,
                        &tail,
                        rusqlite::params_from_iter(params.iter()),
                    )?
                    .into_iter()
                    .unzip();
                    let next_cursor =
                        (out.len() > size).then(|| cursor(offset + size, ids[size - 1]));
                    out.truncate(size);
                    let (path, table, name, ty, desc) = (
                        path.to_string(),
                        info.name.clone(),
                        col.name.clone(),
                        col.column_type,
                        sort.desc,
                    );
                    std::thread::spawn(move || {
                        if let Ok(c) = Connection::open_with_flags(
                            &path,
                            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                        ) {
                            if let Ok(d) = columnar::column(&c, &table, &name, ty) {
                                d.sorted(desc);
                            }
                        }
                    });
                    return Ok(GridPage {
                        columns,
                        rows: out,
                        total_rows: info.rows,
                        next_cursor,
                    });
                }
            }
            let data = columnar::column(conn, &info.name, &col.name, col.column_type)?;
            let total = data.len();
            if offset > total {
                return Err(bad().into());
            }
            let ready = data.sorted_if_ready(sort.desc);
            if ready.is_none() && total > size {
                // The full order for the following pages, computed in the background;
                // until it is there, pages are served by keyset (never waiting for it).
                let d = Arc::clone(&data);
                let desc = sort.desc;
                std::thread::spawn(move || {
                    d.sorted(desc);
                });
            }
            let positions: Vec<u32> = match after {
                None => data.top(size, sort.desc),
                Some((_, rowid)) => {
                    let key = data.position(rowid).ok_or_else(bad)?;
                    match ready {
                        Some(p) if offset > 0 && p[offset - 1] == key => {
                            p[offset..(offset + size).min(total)].to_vec()
                        }
                        _ => data.after(key, size, sort.desc),
                    }
                }
            };
            let rowids: Vec<i64> = positions.iter().map(|&p| data.rowids[p as usize]).collect();
            let rows = rows_by_rowid(conn, &info, &rowids)?;
            let end = offset + positions.len();
            let next_cursor =
                (positions.len() == size && end < total).then(|| cursor(end, rowids[size - 1]));
            Ok(GridPage {
                columns,
                rows,
                total_rows: total as u64,
                next_cursor,
            })
        }
    }
}

/// Loads the columns of `table` in the background (own read-only connection), so that
/// sorting the grid by any of them does not wait. Returns at once; errors are ignored
/// (the grid loads what it needs when asked).
pub fn warm(db_path: &Path, table: &str) -> std::thread::JoinHandle<()> {
    let path = db_path.to_path_buf();
    let table = table.to_string();
    std::thread::spawn(move || {
        let Ok(conn) = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ) else {
            return;
        };
        let Ok(info) = table_info(&conn, &table) else {
            return;
        };
        let wanted: Vec<(&str, crate::store::tables::ColumnType)> = info
            .columns
            .iter()
            .map(|c| (c.name.as_str(), c.column_type))
            .collect();
        let _ = columnar::columns(&conn, &info.name, &wanted);
    })
}
