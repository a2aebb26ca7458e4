//! `datajam chart` (a chart of a table into an SVG or PNG file) and `datajam chart-advice`
//! (the charts that answer a question about a table).

use std::process::ExitCode;

use datajam::chart::{ChartRequest, Question};
use datajam::{tr, Error, Workshop};

use crate::args::ChartArgs;
use crate::output::{print_json, print_list, usage_error};
use crate::Ctx;

/// `datajam chart TABLE --kind KIND -o FILE`.
pub fn chart(cx: &Ctx, a: ChartArgs) -> Result<ExitCode, Error> {
    let base = Workshop::chart_request(&a.kind, &a.x, a.agg.as_deref())?;
    let req = ChartRequest {
        y: a.y,
        group: a.group,
        title: a.title,
        source: a.source,
        x_label: a.x_label,
        y_label: a.y_label,
        sort: a.sort.then_some(true),
        highlight: a.highlight,
        label: a.label,
        weight: a.weight,
        lat: a.lat,
        lon: a.lon,
        bins: a.bins,
        ..base
    };
    let w = cx.workshop()?;
    let notes = w.export_chart(&a.table, &req, &a.output, a.scale)?;
    if a.json {
        print_json(&serde_json::json!({ "path": a.output, "notes": notes }));
    } else {
        let path = a.output.display().to_string();
        println!("{}", tr!(cx.lang, "cli-chart-saved", path = path));
        for n in &notes {
            eprintln!("{n}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `datajam chart-advice TABLE --question QUESTION`.
pub fn advice(cx: &Ctx, table: &str, question: &str, json: bool) -> Result<ExitCode, Error> {
    let Some(q) = Question::parse(question) else {
        let msg = tr!(cx.lang, "cli-chart-unknown-question", question = question);
        return Ok(usage_error(&msg));
    };
    let advice = cx.workshop()?.chart_advice(table, q)?;
    let none = tr!(cx.lang, "cli-chart-no-advice");
    print_list(&advice, json, Some(&none), |a| {
        let (x, y) = (a.x.as_deref(), a.y.as_deref());
        let (x, y) = (x.unwrap_or_default(), y.unwrap_or_default());
        format!("{:<10} x={x} y={y}  {}", a.kind, a.reason)
    });
    Ok(ExitCode::SUCCESS)
}
