//! `import`, `preview`, `tables`, `export`: files into workspace tables and back out.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use datajam::import::{ColumnType, ImportOptions};
use datajam::store::export::ExportFormat;
use datajam::{tr, Error, Workshop};

use crate::args::{ExportArgs, ImportArgs, ReadArgs};
use crate::output::{cell_text, print_columns, print_json, print_list, usage_error};
use crate::Ctx;

impl ReadArgs {
    /// The import options these arguments ask for; a wrong `--type` is a usage message.
    fn options(
        self,
        cx: &Ctx,
        table: Option<String>,
        replace: bool,
    ) -> Result<ImportOptions, String> {
        let mut types = BTreeMap::new();
        for t in &self.types {
            let (col, ty) = t
                .split_once('=')
                .ok_or_else(|| tr!(cx.lang, "cli-type-needs-equals", arg = t))?;
            let ty: ColumnType = serde_json::from_value(serde_json::Value::from(ty.trim()))
                .map_err(|_| tr!(cx.lang, "cli-type-unknown", arg = t))?;
            types.insert(col.trim().to_string(), ty);
        }
        Ok(ImportOptions {
            sheet: self.sheet,
            table,
            header_row: self.header_row,
            replace,
            types,
            missing_values: (!self.missing.is_empty()).then_some(self.missing),
            lang: cx.lang,
            ..Default::default()
        })
    }
}

/// `datajam import FILE`: a file into a workspace table, its progress on a terminal.
pub fn import(cx: &Ctx, a: ImportArgs) -> Result<ExitCode, Error> {
    let opts = match a.read.options(cx, a.table, a.replace) {
        Ok(o) => o,
        Err(msg) => return Ok(usage_error(&msg)),
    };
    let mut w = cx.workshop()?;
    // Progress on stderr, only for a person watching a terminal.
    let show = std::io::stderr().is_terminal();
    let report = w.import_with_progress(&a.file, &opts, &mut |p| {
        if show {
            let percent = p
                .fraction
                .map(|f| format!(" {:>3.0} %", f * 100.0))
                .unwrap_or_default();
            let line = tr!(
                cx.lang,
                "cli-import-progress",
                phase = format!("{:?}", p.phase),
                rows = p.rows.to_string(),
                percent = percent
            );
            eprint!("\r{line}   ");
        }
    });
    if show {
        eprint!("\r{:60}\r", "");
    }
    let report = report?;
    if a.json {
        print_json(&report);
        return Ok(ExitCode::SUCCESS);
    }
    let done = tr!(
        cx.lang,
        "cli-import-done",
        table = &report.table,
        rows = report.rows.to_string(),
        columns = report.columns.len().to_string()
    );
    println!("{done}");
    print_columns(&report.columns);
    for w in &report.warnings {
        println!("{}", tr!(cx.lang, "cli-import-warning", text = w));
    }
    Ok(ExitCode::SUCCESS)
}

/// `datajam preview FILE`: what importing the file would do, without a workshop.
pub fn preview(cx: &Ctx, file: &Path, read: ReadArgs, json: bool) -> Result<ExitCode, Error> {
    let opts = match read.options(cx, None, false) {
        Ok(o) => o,
        Err(msg) => return Ok(usage_error(&msg)),
    };
    let p = Workshop::preview_file(file, &opts)?;
    if json {
        print_json(&p);
        return Ok(ExitCode::SUCCESS);
    }
    let mut what = vec![p.format.clone()];
    what.extend(p.encoding.clone());
    if let Some(d) = &p.delimiter {
        let d = if d == "\t" {
            tr!(cx.lang, "cli-preview-tab")
        } else {
            d.clone()
        };
        what.push(tr!(cx.lang, "cli-preview-delimiter", delimiter = d));
    }
    if let Some(sh) = &p.sheet {
        what.push(format!("[{sh}]"));
    }
    let row = p.header_row.to_string();
    what.push(tr!(cx.lang, "cli-preview-header-row", row = row));
    if p.hxl_row > 0 {
        let row = p.hxl_row.to_string();
        what.push(tr!(cx.lang, "cli-preview-hxl-row", row = row));
    }
    println!("{}", what.join(" · "));
    if p.sheets.len() > 1 {
        let sheets = p.sheets.join(", ");
        println!("{}", tr!(cx.lang, "cli-preview-sheets", sheets = sheets));
    }
    print_columns(&p.columns);
    for row in p.rows.iter().take(5) {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        println!("  | {}", cells.join(" | "));
    }
    for w in &p.warnings {
        println!("{}", tr!(cx.lang, "cli-import-warning", text = w));
    }
    Ok(ExitCode::SUCCESS)
}

/// `datajam tables`: the workspace tables.
pub fn list(cx: &Ctx, json: bool) -> Result<ExitCode, Error> {
    let tables = cx.workshop()?.tables()?;
    let none = tr!(cx.lang, "cli-no-table");
    print_list(&tables, json, Some(&none), |t| {
        tr!(
            cx.lang,
            "cli-table-line",
            name = format!("{:<30}", t.name),
            rows = format!("{:>9}", t.rows),
            columns = format!("{:>3}", t.columns.len()),
            source = &t.source_file
        )
    });
    Ok(ExitCode::SUCCESS)
}

/// `datajam export TABLE -o FILE`: a table out to CSV or XLSX.
pub fn export(cx: &Ctx, a: ExportArgs) -> Result<ExitCode, Error> {
    let format = ExportFormat::from_path(&a.output, a.french)?;
    let report = cx.workshop()?.export_table(&a.table, &a.output, format)?;
    if a.json {
        print_json(&report);
    } else {
        let path = report.path.display().to_string();
        let rows = report.rows.to_string();
        println!(
            "{}",
            tr!(cx.lang, "cli-export-done", rows = rows, path = path)
        );
    }
    for w in &report.warnings {
        eprintln!("{w}");
    }
    Ok(ExitCode::SUCCESS)
}
