//! What every command writes the same way: JSON for machines, a result table as text or
//! CSV, the columns of a table, a usage error.

use std::process::ExitCode;

use datajam::analysis::ResultTable;
use datajam::import::ColumnInfo;
use datajam::{tr, Error};

use crate::Ctx;

/// Pretty JSON on stdout: the `--json` output of every command.
pub fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("{e}"),
    }
}

/// The `--json` output of a command (`value` as JSON), else its text: `text` prints it.
pub fn print_json_or<T: serde::Serialize>(value: &T, json: bool, text: impl FnOnce(&T)) {
    if json {
        print_json(value);
    } else {
        text(value);
    }
}

/// A list on stdout: JSON with `--json`, else one `line` per item, or the `empty` message
/// when there is none and the command has one.
pub fn print_list<T: serde::Serialize>(
    items: &[T],
    json: bool,
    empty: Option<&str>,
    line: impl Fn(&T) -> String,
) {
    print_json_or(&items, json, |items| match empty {
        Some(message) if items.is_empty() => println!("{message}"),
        _ => {
            for item in items.iter() {
                println!("{}", line(item));
            }
        }
    });
}

/// A wrong argument: message on stderr, exit code 2 like clap's own usage errors.
pub fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(2)
}

/// The columns of an imported or previewed table, one per line.
pub fn print_columns(columns: &[ColumnInfo]) {
    for c in columns {
        let ty = serde_json::to_value(c.column_type)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        match &c.hxl {
            Some(tag) => println!("  {:<30} {:<9} {}  {tag}", c.name, ty, c.label),
            None => println!("  {:<30} {:<9} {}", c.name, ty, c.label),
        }
    }
}

/// A cell as text: empty for a missing value, strings without quotes.
pub fn cell_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// How a result table is written to stdout.
#[derive(Clone, Copy, PartialEq)]
pub enum OutputKind {
    Text,
    Csv,
    Json,
}

impl OutputKind {
    pub fn new(csv: bool, json: bool) -> OutputKind {
        if json {
            OutputKind::Json
        } else if csv {
            OutputKind::Csv
        } else {
            OutputKind::Text
        }
    }
}

/// A result table on stdout (columns aligned, CSV or JSON), and how many rows it has on
/// stderr.
pub fn print_result(cx: &Ctx, res: &ResultTable, kind: OutputKind) -> Result<(), Error> {
    match kind {
        OutputKind::Json => print_json(res),
        OutputKind::Csv => print_csv(res)?,
        OutputKind::Text => print_text(res),
    }
    if kind != OutputKind::Json {
        let shown = res.rows.len() as u64;
        let total = res.total_rows.to_string();
        if shown < res.total_rows {
            let shown = shown.to_string();
            eprintln!(
                "{}",
                tr!(cx.lang, "cli-rows-shown", total = total, shown = shown)
            );
        } else {
            eprintln!(
                "{}",
                tr!(cx.lang, "cli-rows", n = res.total_rows, count = total)
            );
        }
    }
    Ok(())
}

fn print_csv(res: &ResultTable) -> Result<(), Error> {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    let io = |e: csv::Error| Error::Io(std::io::Error::other(e.to_string()));
    w.write_record(res.columns.iter().map(|c| c.name.as_str()))
        .map_err(io)?;
    for row in &res.rows {
        w.write_record(row.iter().map(cell_text)).map_err(io)?;
    }
    w.flush()?;
    Ok(())
}

fn print_text(res: &ResultTable) {
    let mut widths: Vec<usize> = res.columns.iter().map(|c| c.name.chars().count()).collect();
    let cells: Vec<Vec<String>> = res
        .rows
        .iter()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count()).min(40);
        }
    }
    let line = |items: Vec<String>| {
        items
            .iter()
            .zip(&widths)
            .map(|(s, w)| format!("{s:<w$}"))
            .collect::<Vec<_>>()
            .join(" | ")
            .trim_end()
            .to_string()
    };
    println!(
        "{}",
        line(res.columns.iter().map(|c| c.name.clone()).collect())
    );
    for row in cells {
        println!("{}", line(row));
    }
}
