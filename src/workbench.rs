//! The Analyse screen's calls, one [`Workshop`] method each, so that the desktop shell
//! and the CLI stay one-line calls into the core: the paged grid, the pipeline (run, save),
//! the read-only SQL console, charts (draw, advise, export), indicators and provinces.

use std::path::Path;

use crate::analysis::ResultTable;
use crate::error::Result;
use crate::grid::{GridPage, GridRequest};
use crate::indicators::{IndicatorRequest, IndicatorResult};
use crate::pipeline::{self, Pipeline};
use crate::provinces::NormaliseReport;
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

    /// One page of the data grid. The first page of a table also starts loading its other
    /// columns in the background, so that sorting by any of them does not wait.
    pub fn grid_page(&self, table: &str, req: &GridRequest) -> Result<GridPage> {
        let page = crate::grid::page(self.store().conn(), table, req)?;
        if req.cursor.is_none() && req.sort.is_none() {
            crate::grid::warm(self.database_path(), table);
        }
        Ok(page)
    }

    /// An inequality indicator over a workspace table.
    pub fn compute_indicator(
        &self,
        table: &str,
        req: &IndicatorRequest,
    ) -> Result<IndicatorResult> {
        crate::indicators::compute(self.store().conn(), table, req)
    }

    /// Adds the `iso_3166_2` column to a table from any spelling of the province names.
    pub fn normalise_provinces(&mut self, table: &str, column: &str) -> Result<NormaliseReport> {
        crate::provinces::normalise_column(self.store_mut().conn_mut(), table, column)
    }

    fn database_path(&self) -> &Path {
        self.store().path()
    }
}
