//! The trainee's workspace tables: import (with its preview), list, export.

use crate::error::Result;
use crate::import::{self, ImportOptions, ImportReport};
use crate::store::export::{self, ExportFormat, ExportReport};
use crate::store::tables::TableInfo;
use std::path::Path;

use super::*;

impl Workshop {
    /// Imports a spreadsheet or CSV file into a workspace table.
    pub fn import(&mut self, path: &Path, opts: &ImportOptions) -> Result<ImportReport> {
        Ok(import::import_file(self.store.conn_mut(), path, opts)?)
    }

    /// Every imported table, ordered by name.
    pub fn tables(&self) -> Result<Vec<TableInfo>> {
        crate::store::tables::list_tables(self.store.conn())
    }

    /// One imported table; [`Error::TableNotFound`] when there is none by that name.
    pub fn table_info(&self, name: &str) -> Result<TableInfo> {
        crate::store::tables::table_info(self.store.conn(), name)
    }

    /// Exports an imported table to a file (see [`export::export_table`]); the file is
    /// replaced only once it is completely written.
    pub fn export_table(
        &self,
        table: &str,
        path: &Path,
        format: ExportFormat,
    ) -> Result<ExportReport> {
        Ok(export::export_table(
            self.store.conn(),
            table,
            path,
            format,
        )?)
    }

    /// Imports a file and reports its progress (at most every 50 ms) to `on_progress`.
    pub fn import_with_progress(
        &mut self,
        path: &Path,
        opts: &ImportOptions,
        on_progress: &mut dyn FnMut(&import::Progress),
    ) -> Result<ImportReport> {
        Ok(import::import_file_with_progress(
            self.store.conn_mut(),
            path,
            opts,
            on_progress,
        )?)
    }

    /// What importing `path` would do, without writing anything.
    pub fn preview(&self, path: &Path, opts: &ImportOptions) -> Result<import::Preview> {
        Workshop::preview_file(path, opts)
    }

    /// [`Workshop::preview`] without a workshop: a preview needs no data directory.
    pub fn preview_file(path: &Path, opts: &ImportOptions) -> Result<import::Preview> {
        Ok(import::preview_file(path, opts)?)
    }
}
