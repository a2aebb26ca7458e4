//! Running a pipeline: [`run`] (at most so many rows, all counted) with the engine
//! chosen by [`Engine`] (SQLite, or the in-memory group of `fast`), and the
//! columns each step starts from for the editor ([`step_columns`]).

use rusqlite::Connection;

use super::compile::{compile, Compiled, Compiler};
use super::fast;
use super::model::{parse_step, raw_steps, Pipeline};
use crate::analysis::{self, ResultColumn, ResultTable};
use crate::error::{Error, Result};
use crate::store::tables::ColumnType;

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
    let mut c = Compiler::start(conn, source_table)?;
    let mut out = vec![c.columns()];
    for (i, raw) in raw_steps(pipeline.clone())?.into_iter().enumerate() {
        let keeps_columns = matches!(
            raw.get("op").and_then(|o| o.as_str()),
            Some("filter" | "sort" | "limit")
        );
        // A step that does not compile leaves the compiler as if it was not there.
        let compiled = parse_step(i + 1, raw)
            .map_err(Error::from)
            .and_then(|s| c.try_step(i + 1, &s));
        if compiled.is_err() && !keeps_columns {
            break;
        }
        out.push(c.columns());
    }
    Ok(out)
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

pub(super) fn execute(
    conn: &Connection,
    c: &Compiled,
    max_rows: usize,
    shown: String,
) -> Result<ResultTable> {
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
