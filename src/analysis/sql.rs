//! The read-only SQL console for advanced trainees.
//!
//! Read-only is enforced by SQLite, never by looking at the text:
//! - the query runs on its own connection opened with `SQLITE_OPEN_READ_ONLY`, so no
//!   statement can write to the database file;
//! - an authorizer allows only `SELECT`, reading the workspace tables (those registered
//!   in `workspace_tables`) and the collect tables (`collecte_*`), and SQL functions;
//!   everything else (the app's own tables such as `events` or `profiles`, the schema
//!   tables, `PRAGMA`, `ATTACH`, transactions, writes to the temporary database) is
//!   refused when the statement is prepared, with a French message;
//! - a progress handler stops a query after [`TIME_LIMIT`];
//! - at most `max_rows` rows are kept; `total_rows` counts them all.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::{Connection, OpenFlags};

use crate::analysis::{self, AnalysisError, ResultColumn, ResultTable};
use crate::error::Result;
use crate::store::tables::ColumnType;

/// How long a console query may run.
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// Runs one read-only query on the database at `db_path` (see the module doc).
pub fn run_readonly(db_path: &Path, sql: &str, max_rows: usize) -> Result<ResultTable> {
    run_readonly_with_limit(db_path, sql, max_rows, TIME_LIMIT)
}

/// [`run_readonly`] with another time limit.
pub fn run_readonly_with_limit(
    db_path: &Path,
    sql: &str,
    max_rows: usize,
    limit: Duration,
) -> Result<ResultTable> {
    let text = sql
        .trim()
        .trim_end_matches(|c: char| c == ';' || c.is_whitespace());
    if text.is_empty() {
        return Err(AnalysisError::SqlInvalid {
            detail: "la requête est vide".into(),
        }
        .into());
    }
    let mut conn = Connection::open_with_flags(
        db_path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    analysis::register_functions(&conn)?;
    let mut readable: Vec<String> = {
        let mut stmt = conn.prepare(
            "SELECT lower(name) FROM workspace_tables \
             UNION SELECT lower(name) FROM sqlite_master WHERE type = 'table' AND name LIKE 'collecte\\_%' ESCAPE '\\'",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    readable.sort();
    // Root pages of every table and index of the main database, with their table.
    let roots: Vec<(i64, String)> = {
        let mut stmt =
            conn.prepare("SELECT rootpage, lower(tbl_name) FROM sqlite_master WHERE rootpage > 0")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let readable_roots: Vec<i64> = roots
        .iter()
        .filter(|(_, t)| readable.binary_search(t).is_ok())
        .map(|(r, _)| *r)
        .collect();
    let denied: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let denied_in = Arc::clone(&denied);
    conn.authorizer(Some(move |ctx: AuthContext<'_>| {
        let verdict = authorize(&ctx, &readable);
        if let Err(what) = &verdict {
            // Keep the first refusal, unless a schema change comes later (DROP TABLE
            // first asks to delete from the schema table).
            let ddl = matches!(
                ctx.action,
                AuthAction::DropTable { .. }
                    | AuthAction::DropIndex { .. }
                    | AuthAction::DropView { .. }
                    | AuthAction::DropTrigger { .. }
                    | AuthAction::AlterTable { .. }
            );
            if let Ok(mut d) = denied_in.lock() {
                if d.is_none() || ddl {
                    *d = Some(what.clone());
                }
            }
        }
        match verdict {
            Ok(a) => a,
            Err(_) => Authorization::Deny,
        }
    }))?;
    let started = Instant::now();
    conn.progress_handler(10_000, Some(move || started.elapsed() > limit))?;

    let refused = |e: rusqlite::Error| -> crate::Error {
        if let Some(what) = denied.lock().ok().and_then(|d| d.clone()) {
            return AnalysisError::Forbidden { what }.into();
        }
        match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                AnalysisError::Timeout {
                    seconds: limit.as_secs().max(1),
                }
                .into()
            }
            rusqlite::Error::MultipleStatement => AnalysisError::MultipleStatements.into(),
            rusqlite::Error::SqliteFailure(_, Some(msg)) => AnalysisError::SqlInvalid {
                detail: msg.clone(),
            }
            .into(),
            other => AnalysisError::SqlInvalid {
                detail: other.to_string(),
            }
            .into(),
        }
    };
    let mut stmt = conn.prepare(text).map_err(refused)?;
    if !stmt.readonly() {
        return Err(AnalysisError::Forbidden {
            what: "écrire".into(),
        }
        .into());
    }
    if let Err(table) =
        check_opened_tables(&conn, text, &roots, &readable_roots).map_err(refused)?
    {
        return Err(AnalysisError::Forbidden {
            what: format!("lire « {table} »"),
        }
        .into());
    }
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let (rows, total_rows) =
        analysis::collect_rows(&mut stmt, &[], &[], max_rows).map_err(refused)?;
    let columns = names
        .iter()
        .enumerate()
        .map(|(i, n)| ResultColumn::new(n, n, infer_type(&rows, i)))
        .collect();
    Ok(ResultTable {
        columns,
        rows,
        total_rows,
        sql: text.to_string(),
    })
}

/// The authorizer is not asked about a table none of whose columns is used (`SELECT
/// count(*) FROM villes JOIN profiles`). SQLite's compiled program says which b-trees
/// the statement opens: every one must belong to a readable table.
fn check_opened_tables(
    conn: &Connection,
    sql: &str,
    roots: &[(i64, String)],
    readable_roots: &[i64],
) -> Result<Result<(), String>, rusqlite::Error> {
    let mut stmt = conn.prepare(&format!("EXPLAIN {sql}"))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let opcode: String = row.get(1)?;
        if !matches!(opcode.as_str(), "OpenRead" | "OpenWrite" | "ReopenIdx") {
            continue;
        }
        let root: i64 = row.get(3)?;
        let db: i64 = row.get(4)?;
        if db != 0 || !readable_roots.contains(&root) {
            let table = roots
                .iter()
                .find(|(r, _)| *r == root)
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| format!("#{root}"));
            return Ok(Err(table));
        }
    }
    Ok(Ok(()))
}

/// `Ok(Allow)` or `Err(what was refused, in French)`.
fn authorize(ctx: &AuthContext<'_>, readable: &[String]) -> Result<Authorization, String> {
    match ctx.action {
        AuthAction::Select | AuthAction::Function { .. } | AuthAction::Recursive => {
            Ok(Authorization::Allow)
        }
        AuthAction::Read { table_name, .. } => {
            let lower = table_name.to_ascii_lowercase();
            // No database: a common table expression or a subquery, not a stored table
            // (a CTE named like an app table shadows it).
            let allowed = match ctx.database_name {
                None => true,
                Some("main") => readable.binary_search(&lower).is_ok(),
                Some(_) => false,
            };
            if allowed {
                Ok(Authorization::Allow)
            } else {
                Err(format!("lire « {table_name} »"))
            }
        }
        // CREATE and ALTER first ask to write the schema table.
        AuthAction::Insert { table_name } if table_name.starts_with("sqlite_") => {
            Err("CREATE".into())
        }
        AuthAction::Update { table_name, .. } if table_name.starts_with("sqlite_") => {
            Err("ALTER".into())
        }
        AuthAction::Insert { .. } => Err("INSERT".into()),
        AuthAction::Update { .. } => Err("UPDATE".into()),
        // DROP TABLE first asks to delete the table's row of the schema table.
        AuthAction::Delete { table_name } if table_name.starts_with("sqlite_") => {
            Err("DROP".into())
        }
        AuthAction::Delete { .. } => Err("DELETE".into()),
        AuthAction::Pragma { pragma_name, .. } => Err(format!("PRAGMA {pragma_name}")),
        AuthAction::Attach { .. } => Err("ATTACH".into()),
        AuthAction::Detach { .. } => Err("DETACH".into()),
        AuthAction::Transaction { .. } | AuthAction::Savepoint { .. } => {
            Err("une transaction".into())
        }
        AuthAction::DropTable { .. }
        | AuthAction::DropIndex { .. }
        | AuthAction::DropView { .. }
        | AuthAction::DropTrigger { .. }
        | AuthAction::DropTempTable { .. }
        | AuthAction::DropTempIndex { .. }
        | AuthAction::DropTempView { .. }
        | AuthAction::DropTempTrigger { .. }
        | AuthAction::DropVtable { .. } => Err("DROP".into()),
        AuthAction::AlterTable { .. } => Err("ALTER".into()),
        AuthAction::CreateTable { .. }
        | AuthAction::CreateIndex { .. }
        | AuthAction::CreateView { .. }
        | AuthAction::CreateTrigger { .. }
        | AuthAction::CreateTempTable { .. }
        | AuthAction::CreateTempIndex { .. }
        | AuthAction::CreateTempView { .. }
        | AuthAction::CreateTempTrigger { .. }
        | AuthAction::CreateVtable { .. } => Err("CREATE".into()),
        _ => Err("modifier la base".into()),
    }
}

/// A column's type from its values: integer, number, boolean never (0/1 stay numbers),
/// date when every text is an ISO date, else text.
fn infer_type(rows: &[Vec<serde_json::Value>], i: usize) -> ColumnType {
    let mut ty: Option<ColumnType> = None;
    for row in rows {
        let t = match row.get(i) {
            Some(serde_json::Value::Number(n)) => {
                if n.is_i64() || n.is_u64() {
                    ColumnType::Integer
                } else {
                    ColumnType::Number
                }
            }
            Some(serde_json::Value::String(s)) => {
                if looks_like_date(s) {
                    ColumnType::Date
                } else {
                    ColumnType::Text
                }
            }
            _ => continue,
        };
        ty = Some(match (ty, t) {
            (None, t) => t,
            (Some(a), b) if a == b => a,
            (Some(ColumnType::Integer), ColumnType::Number)
            | (Some(ColumnType::Number), ColumnType::Integer) => ColumnType::Number,
            _ => ColumnType::Text,
        });
    }
    ty.unwrap_or(ColumnType::Text)
}

fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}
