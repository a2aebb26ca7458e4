//! The workspace tables: what was imported, as recorded in `workspace_tables`.
//!
//! Only tables registered there (by [`crate::import`]) are listed and exportable;
//! the application's own tables (profiles, events…) never are. A registration
//! whose SQLite table has disappeared is treated as absent.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::error::{Error, Result};

/// An imported table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableInfo {
    /// SQLite table name (lower-case ASCII identifier).
    pub name: String,
    /// File name the table was imported from.
    pub source_file: String,
    /// Worksheet read, for workbooks.
    pub sheet: Option<String>,
    /// Number of data rows.
    pub rows: u64,
    /// Columns in table order, with their original labels and types.
    pub columns: Vec<ColumnInfo>,
    /// RFC 3339 UTC timestamp of the import.
    pub imported_at: String,
    /// French warnings produced by the import.
    pub warnings: Vec<String>,
}

/// The type inferred for a column.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ColumnType {
    Integer,
    Number,
    Boolean,
    Date,
    Datetime,
    Text,
}

/// One column of an imported table (the items of `columns_json`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnInfo {
    /// SQLite column name: snake_case ASCII identifier.
    pub name: String,
    /// The header text as written in the file.
    pub label: String,
    #[serde(rename = "type")]
    pub column_type: ColumnType,
    /// The column's HXL hashtag (`#adm1+name`, normalised: lower case, no spaces) when the
    /// file had a hashtag row (see [`crate::import::hxl`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hxl: Option<String>,
}

impl TableInfo {
    /// The column `wanted` names: its SQLite name or its header label, case-insensitively,
    /// spaces around ignored. The one look-up of a column as a trainee or a pack names it.
    pub fn column(&self, wanted: &str) -> Option<&ColumnInfo> {
        let wanted = wanted.trim();
        self.columns
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(wanted))
            .or_else(|| {
                let lower = wanted.to_lowercase();
                self.columns
                    .iter()
                    .find(|c| c.label.trim().to_lowercase() == lower)
            })
    }
}

/// The prefix of the tables collect forms write (`collecte_<form>`), which no import or
/// saved result may take.
pub const COLLECT_PREFIX: &str = "collecte_";

/// Quotes an SQL identifier: `a"b` -> `"a""b"`. Identifiers come from files and packs;
/// values are always bound as parameters. The one quoting of the core.
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

const SELECT: &str = "SELECT w.name, w.source_file, w.sheet, w.columns_json, w.row_count, \
     w.imported_at, w.warnings_json FROM workspace_tables w \
     WHERE EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'table' \
                   AND m.name = w.name COLLATE NOCASE)";

fn json_column<T: serde::de::DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<TableInfo> {
    let rows: i64 = row.get(4)?;
    Ok(TableInfo {
        name: row.get(0)?,
        source_file: row.get(1)?,
        sheet: row.get(2)?,
        columns: json_column(row, 3)?,
        rows: u64::try_from(rows).unwrap_or(0),
        imported_at: row.get(5)?,
        warnings: json_column(row, 6)?,
    })
}

/// Every imported table, ordered by name.
pub fn list_tables(conn: &Connection) -> Result<Vec<TableInfo>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY w.name"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The imported table `name` (case-insensitive), or `None`.
pub(crate) fn find_table(conn: &Connection, name: &str) -> rusqlite::Result<Option<TableInfo>> {
    // Cached: every step action looks its tables up.
    conn.prepare_cached(&format!("{SELECT} AND w.name = ?1 COLLATE NOCASE LIMIT 1"))?
        .query_row(params![name], from_row)
        .optional()
}

/// True when the imported table `name` (case-insensitive) exists: [`find_table`] without
/// reading its columns, for the look-up every step action makes.
pub(crate) fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached(&format!(
        "SELECT EXISTS ({SELECT} AND w.name = ?1 COLLATE NOCASE)"
    ))?
    .query_row(params![name], |r| r.get(0))
}

/// The imported table `name` (case-insensitive); [`Error::TableNotFound`] when no such
/// table was imported.
pub fn table_info(conn: &Connection, name: &str) -> Result<TableInfo> {
    find_table(conn, name)?.ok_or_else(|| Error::TableNotFound(name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_bytes, ColumnType, ImportOptions};

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::store::MIGRATIONS[0]).unwrap();
        conn
    }

    #[test]
    fn lists_imported_tables_by_name() {
        let mut conn = db();
        assert!(list_tables(&conn).unwrap().is_empty());
        let csv = "Région;Population\nGuéra;553795\nSalamat;308605\n";
        import_bytes(
            &mut conn,
            "zeta.csv",
            csv.as_bytes(),
            &ImportOptions::default(),
        )
        .unwrap();
        import_bytes(
            &mut conn,
            "alpha.csv",
            csv.as_bytes(),
            &ImportOptions::default(),
        )
        .unwrap();
        let tables = list_tables(&conn).unwrap();
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["alpha", "zeta"]);
        let alpha = &tables[0];
        assert_eq!(alpha.source_file, "alpha.csv");
        assert_eq!(alpha.sheet, None);
        assert_eq!(alpha.rows, 2);
        assert_eq!(alpha.columns.len(), 2);
        assert_eq!(alpha.columns[0].name, "region");
        assert_eq!(alpha.columns[0].label, "Région");
        assert_eq!(alpha.columns[1].column_type, ColumnType::Integer);
        assert!(!alpha.imported_at.is_empty());
        assert_eq!(table_info(&conn, "ZETA").unwrap().name, "zeta");
        assert!(has_table(&conn, "ZETA").unwrap());
    }

    #[test]
    fn unknown_and_app_tables_are_not_found() {
        let conn = db();
        for name in ["nothing", "profiles", "workspace_tables", "x\" OR 1=1 --"] {
            match table_info(&conn, name) {
                Err(Error::TableNotFound(n)) => assert_eq!(n, name),
                other => panic!("{name}: expected TableNotFound, got {other:?}"),
            }
            assert!(!has_table(&conn, name).unwrap(), "{name}");
        }
    }

    #[test]
    fn a_stale_registration_is_ignored() {
        let mut conn = db();
        import_bytes(
            &mut conn,
            "gone.csv",
            b"a,b\n1,2\n",
            &ImportOptions::default(),
        )
        .unwrap();
        assert!(has_table(&conn, "gone").unwrap());
        conn.execute_batch("DROP TABLE gone").unwrap();
        assert!(!has_table(&conn, "gone").unwrap());
        assert!(list_tables(&conn).unwrap().is_empty());
        assert!(matches!(
            table_info(&conn, "gone"),
            Err(Error::TableNotFound(_))
        ));
    }

    #[test]
    fn quoting() {
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }
}
