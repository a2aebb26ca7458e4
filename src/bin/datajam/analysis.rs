//! `datajam query`, `sql`, `indicator`, `provinces`: analysing the workspace tables.

use std::process::ExitCode;

use datajam::analysis::indicators::IndicatorRequest;
use datajam::analysis::pipeline::Pipeline;
use datajam::{tr, Error, Workshop};

use crate::args::{IndicatorArgs, ProvincesCommand, QueryArgs, SqlArgs};
use crate::output::{print_json, print_list, print_result, OutputKind};
use crate::Ctx;

/// Rows shown when `--max-rows` is not given (CSV writes them all).
const DEFAULT_ROWS: usize = 1000;

/// `datajam query TABLE --pipeline FILE.json`: runs a pipeline, or saves its result.
pub fn query(cx: &Ctx, a: QueryArgs) -> Result<ExitCode, Error> {
    let kind = OutputKind::new(a.csv, a.json);
    let pipeline = Pipeline::from_json(&std::fs::read_to_string(&a.pipeline)?)?;
    let mut w = cx.workshop()?;
    if let Some(name) = &a.save {
        let info = w.save_pipeline_as(&a.table, &pipeline, name)?;
        if kind == OutputKind::Json {
            print_json(&info);
        } else {
            let rows = info.rows.to_string();
            let saved = tr!(
                cx.lang,
                "cli-table-saved",
                n = info.rows,
                name = &info.name,
                rows = rows
            );
            eprintln!("{saved}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let all = if kind == OutputKind::Csv {
        usize::MAX
    } else {
        DEFAULT_ROWS
    };
    let res = w.run_pipeline_rows(&a.table, &pipeline, a.max_rows.unwrap_or(all))?;
    if a.show_sql {
        eprintln!("{}", res.sql);
    }
    print_result(cx, &res, kind)?;
    Ok(ExitCode::SUCCESS)
}

/// `datajam sql "SELECT …"`: the read-only console.
pub fn sql(cx: &Ctx, a: SqlArgs) -> Result<ExitCode, Error> {
    let w = cx.workshop()?;
    let res = w.run_sql_rows(&a.query, a.max_rows.unwrap_or(DEFAULT_ROWS))?;
    print_result(cx, &res, OutputKind::new(a.csv, a.json))?;
    Ok(ExitCode::SUCCESS)
}

/// `datajam indicator KIND TABLE`: the figure and its explanation, or the whole result in
/// JSON.
pub fn indicator(cx: &Ctx, a: IndicatorArgs) -> Result<ExitCode, Error> {
    let req = IndicatorRequest {
        kind: a.kind,
        value: a.value,
        weight: a.weight,
        group: a.group,
        num: a.num,
        den: a.den,
        per: a.per,
    };
    let r = cx.workshop()?.compute_indicator(&a.table, &req)?;
    if a.json {
        print_json(&r);
        return Ok(ExitCode::SUCCESS);
    }
    let (label, value) = (&r.label, &r.value_text);
    println!(
        "{}",
        tr!(cx.lang, "cli-indicator", label = label, value = value)
    );
    println!("{}", r.explanation);
    if r.skipped > 0 {
        let skipped = tr!(
            cx.lang,
            "cli-indicator-skipped",
            n = r.skipped,
            skipped = r.skipped.to_string(),
            missing = r.details.skipped_missing.to_string(),
            not_numeric = r.details.skipped_not_numeric.to_string()
        );
        eprintln!("{skipped}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `datajam provinces list|normalise`.
pub fn provinces(cx: &Ctx, command: ProvincesCommand) -> Result<ExitCode, Error> {
    match command {
        ProvincesCommand::List { json } => {
            print_list(Workshop::provinces(), json, None, |p| {
                let aliases = p.aliases.join(" | ");
                format!("{}\t{}\t{}\t{aliases}", p.code, p.name, p.chef_lieu)
            });
        }
        ProvincesCommand::Normalise {
            table,
            column,
            json,
        } => {
            let r = cx.workshop()?.normalise_provinces(&table, &column)?;
            if json {
                print_json(&r);
                return Ok(ExitCode::SUCCESS);
            }
            let matched = tr!(
                cx.lang,
                "cli-provinces-matched",
                n = r.matched,
                matched = r.matched.to_string(),
                provinces = r.provinces.to_string(),
                column = &r.iso_column,
                table = &r.table
            );
            println!("{matched}");
            if r.missing > 0 {
                let missing = r.missing.to_string();
                let line = tr!(
                    cx.lang,
                    "cli-provinces-missing",
                    n = r.missing,
                    count = missing
                );
                println!("{line}");
            }
            for u in &r.unmatched {
                let line = tr!(
                    cx.lang,
                    "cli-provinces-unmatched",
                    value = &u.value,
                    n = u.rows,
                    count = u.rows.to_string()
                );
                println!("{line}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
