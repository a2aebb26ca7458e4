//! The Analyse screen's calls, one [`Workshop`] method each, so that the desktop shell
//! and the CLI stay one-line calls into the core: the paged grid, the pipeline (run, save,
//! the columns each step sees), the read-only SQL console, charts (draw, advise, export),
//! indicators and provinces.

use std::path::Path;

use crate::analysis::grid::{GridPage, GridRequest};
use crate::analysis::indicators::{IndicatorRequest, IndicatorResult};
use crate::analysis::pipeline::{self, Pipeline};
use crate::analysis::provinces::{NormaliseReport, Province};
use crate::analysis::{ResultColumn, ResultTable};
use crate::chart::{Advice, ChartRequest, Kind, Question};
use crate::error::Result;
use crate::store::tables::TableInfo;
use crate::workshop::Workshop;

/// Rows a pipeline or console result sends to the screen (the total is always counted).
pub const SCREEN_ROWS: usize = 500;

impl Workshop {
    /// Runs a pipeline (as the UI builds it, JSON) on a workspace table.
    pub fn run_pipeline(&self, table: &str, pipeline: &serde_json::Value) -> Result<ResultTable> {
        let p = Pipeline::from_value(pipeline.clone())?;
        self.run_pipeline_rows(table, &p, SCREEN_ROWS)
    }

    /// Runs a pipeline on a workspace table: at most `max_rows` rows, all of them counted.
    pub fn run_pipeline_rows(
        &self,
        table: &str,
        pipeline: &Pipeline,
        max_rows: usize,
    ) -> Result<ResultTable> {
        pipeline::run(self.store().conn(), table, pipeline, max_rows)
    }

    /// The columns each step of a pipeline starts from (the editor's column pickers; see
    /// [`pipeline::step_columns`]): `[0]` the table's, `[i]` after the first `i` steps.
    pub fn pipeline_columns(
        &self,
        table: &str,
        pipeline: &serde_json::Value,
    ) -> Result<Vec<Vec<ResultColumn>>> {
        pipeline::step_columns(self.store().conn(), table, pipeline)
    }

    /// Saves a pipeline's result as a new workspace table.
    pub fn save_pipeline(
        &mut self,
        table: &str,
        pipeline: &serde_json::Value,
        name: &str,
    ) -> Result<TableInfo> {
        let p = Pipeline::from_value(pipeline.clone())?;
        self.save_pipeline_as(table, &p, name)
    }

    /// [`Workshop::save_pipeline`] for a pipeline already read.
    pub fn save_pipeline_as(
        &mut self,
        table: &str,
        pipeline: &Pipeline,
        name: &str,
    ) -> Result<TableInfo> {
        pipeline::save_as(self.store_mut().conn_mut(), table, pipeline, name)
    }

    /// Runs one query in the read-only SQL console.
    pub fn run_sql(&self, sql: &str) -> Result<ResultTable> {
        self.run_sql_rows(sql, SCREEN_ROWS)
    }

    /// Runs one query in the read-only SQL console: at most `max_rows` rows, all counted.
    pub fn run_sql_rows(&self, sql: &str, max_rows: usize) -> Result<ResultTable> {
        crate::analysis::sql::run_readonly(self.database_path(), sql, max_rows)
    }

    /// One page of the data grid. The first page of a table also starts loading its other
    /// columns in the background, so that sorting by any of them does not wait.
    pub fn grid_page(&self, table: &str, req: &GridRequest) -> Result<GridPage> {
        let page = crate::analysis::grid::page(self.store().conn(), table, req)?;
        if req.cursor.is_none() && req.sort.is_none() {
            crate::analysis::grid::warm(self.database_path(), table);
        }
        Ok(page)
    }

    /// Starts loading a table's columns in the background (after an import), so that the
    /// grid sorts and the group-bys on it do not wait for them later.
    pub fn warm_table(&self, table: &str) {
        crate::analysis::grid::warm(self.database_path(), table);
    }

    /// An inequality indicator over a workspace table.
    pub fn compute_indicator(
        &self,
        table: &str,
        req: &IndicatorRequest,
    ) -> Result<IndicatorResult> {
        crate::analysis::indicators::compute(self.store().conn(), table, req, self.lang)
    }

    /// Adds the `iso_3166_2` column to a table from any spelling of the province names.
    pub fn normalise_provinces(&mut self, table: &str, column: &str) -> Result<NormaliseReport> {
        crate::analysis::provinces::normalise_column(self.store_mut().conn_mut(), table, column)
    }

    /// Chad's 23 provinces, their ISO 3166-2 codes and other spellings.
    pub fn provinces() -> &'static [Province] {
        crate::analysis::provinces::all()
    }

    /// A chart request of kind `kind` over `x`, summarised by `agg` (names as the CLI
    /// and the pack files write them), everything else unset.
    pub fn chart_request(kind: &str, x: &str, agg: Option<&str>) -> Result<ChartRequest> {
        let mut req = ChartRequest::new(Kind::parse(kind)?, x);
        req.agg = agg.map(crate::chart::parse_agg).transpose()?;
        Ok(req)
    }

    /// A chart of a workspace table, as SVG for the screen, with its notes for the trainee.
    pub fn chart_view(&self, table: &str, req: &ChartRequest) -> Result<ChartView> {
        let (svg, notes) = crate::chart::chart_svg_for(self.store().conn(), table, req, self.lang)?;
        Ok(ChartView { svg, notes })
    }

    /// Chart kinds suited to a question on a table, each with its reason.
    pub fn chart_advice(&self, table: &str, question: Question) -> Result<Vec<Advice>> {
        crate::chart::advise_table(self.store().conn(), table, question, self.lang)
    }

    /// Writes a chart to `path` (SVG or PNG at `scale`, from the extension); returns its notes.
    pub fn export_chart(
        &self,
        table: &str,
        req: &ChartRequest,
        path: &Path,
        scale: u32,
    ) -> Result<Vec<String>> {
        crate::chart::save(self.store().conn(), table, req, path, scale, self.lang)
    }

    fn database_path(&self) -> &Path {
        self.store().path()
    }
}

/// A chart drawn for the screen.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChartView {
    pub svg: String,
    /// Sentences in the workshop's language: rows left out, categories capped, provinces
    /// not recognised…
    pub notes: Vec<String>,
}
