//! The Analyse screen's calls, one [`Workshop`] method each, so that the desktop shell
//! and the CLI stay one-line calls into the core: the paged grid, the pipeline (run, save),
//! the read-only SQL console, charts (draw, advise, export), indicators and provinces.

use std::path::Path;

use crate::analysis::ResultTable;
use crate::error::Result;
use crate::pipeline::{self, Pipeline};
use crate::tables::TableInfo;
use crate::workshop::Workshop;

/// Rows a pipeline or console result sends to the screen (the total is always counted).
pub const SCREEN_ROWS: usize = 500;

impl Workshop {
    /// Runs a pipeline (as the UI builds it, JSON) on a workspace table.
    pub fn run_pipeline(&self, table: &str, pipeline: &serde_json::Value) -> Result<ResultTable> {
        let p = Pipeline::from_value(pipeline.clone())?;
        pipeline::run(self.store().conn(), table, &p, SCREEN_ROWS)
    }

    /// Saves a pipeline's result as a new workspace table.
    pub fn save_pipeline(
        &mut self,
        table: &str,
        pipeline: &serde_json::Value,
        name: &str,
    ) -> Result<TableInfo> {
        let p = Pipeline::from_value(pipeline.clone())?;
        pipeline::save_as(self.store_mut().conn_mut(), table, &p, name)
    }

    /// Runs one query in the read-only SQL console.
    pub fn run_sql(&self, sql: &str) -> Result<ResultTable> {
        crate::sql::run_readonly(self.database_path(), sql, SCREEN_ROWS)
    }

    fn database_path(&self) -> &Path {
        self.store().path()
    }
}
