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
use crate::import::ColumnType;

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
    let denied: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let denied_in = Arc::clone(&denied);
    conn.authorizer(Some(move |ctx: AuthContext<'_>| {
        let verdict = authorize(&ctx, &readable);
        if let Err(what) = &verdict {
            if let Ok(mut d) = denied_in.lock() {
                if d.is_none() {
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
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let (rows, total_rows) =
        analysis::collect_rows(&mut stmt, &[], &[], max_rows).map_err(refused)?;
    let columns = names
        .iter()
        .enumerate()
        .map(|(i, n)| ResultColumn {
            name: n.clone(),
            label: n.clone(),
            column_type: analysis::type_name(infer_type(&rows, i)).to_string(),
        })
        .collect();
    Ok(ResultTable {
        columns,
        rows,
        total_rows,
        sql: text.to_string(),
    })
}

/// `Ok(Allow)` or `Err(what was refused, in French)`.
fn authorize(ctx: &AuthContext<'_>, readable: &[String]) -> Result<Authorization, String> {
    match ctx.action {
        AuthAction::Select | AuthAction::Function { .. } | AuthAction::Recursive => {
            Ok(Authorization::Allow)
        }
        AuthAction::Read { table_name, .. } => {
            let lower = table_name.to_ascii_lowercase();
            let main = ctx.database_name.is_none_or(|d| d == "main");
            if main && readable.binary_search(&lower).is_ok() {
                Ok(Authorization::Allow)
            } else {
                Err(format!("lire « {table_name} »"))
            }
        }
        AuthAction::Insert { .. } => Err("INSERT".into()),
        AuthAction::Update { .. } => Err("UPDATE".into()),
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
