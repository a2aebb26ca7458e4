//! Data-task and chart-task steps of a lesson: their pack format, running and comparing
//! them, and the text of their solution.
//!
//! - A data task (`kind = "data"`) asks the trainee to build a table from a dataset with
//!   a pipeline (filter, group, aggregate…). It is checked on the result table against the
//!   result of the reference pipeline ([`crate::lesson::task::compare`]), never on the steps taken.
//!   Anticipated wrong answers are pipelines too: when the trainee's result equals one of
//!   theirs, its message is shown.
//! - A chart task (`kind = "chart_task"`) is checked on what the chart shows: kind,
//!   fields, aggregation ([`crate::lesson::task::check_chart`]).
//! - `pack check` proves, on an in-memory copy of the pack's datasets, that every
//!   reference passes and every anticipated wrong answer fails
//!   ([`crate::pack::proofs::check_tasks`]).

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::analysis::pipeline::{
    self, AggFn, Cmp, DeriveFn, JoinHow, Match, Operand, Pipeline, Step as PStep,
};
use crate::i18n::Lang;
use crate::lesson::task::{ChartChoice, ChartExpect, Compare, Grid};
use crate::tr;

/// Most rows a data task's tables are compared on.
pub const MAX_COMPARE_ROWS: usize = 100_000;
/// Rows of the trainee's result sent back for display.
pub const RESULT_PREVIEW_ROWS: usize = 50;

/// A data task: build a table from `dataset`; right when the result holds the values of
/// the reference's result.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataTask {
    /// The table worked on: a datapackage resource, or the `result` of an earlier data task.
    pub dataset: String,
    /// Name of the workspace table saved (from the reference) when the step is done or
    /// skipped, so later steps can use it.
    #[serde(default)]
    pub result: Option<String>,
    /// Row order matters (the task asks for a sort).
    #[serde(default)]
    pub ordered: bool,
    /// Numbers may differ by this much.
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
    /// Hints, shown one at a time, from gentle to explicit.
    #[serde(default)]
    pub hints: Vec<String>,
    /// The reference solution.
    pub reference: Pipeline,
    /// Anticipated wrong answers.
    #[serde(default)]
    pub feedback: Vec<DataFeedback>,
    /// Shown once the step is done or the solution revealed (Markdown).
    #[serde(default)]
    pub explanation: Option<String>,
}

fn default_tolerance() -> f64 {
    Compare::default().tolerance
}

impl DataTask {
    pub fn compare(&self) -> Compare {
        Compare {
            ordered: self.ordered,
            tolerance: self.tolerance,
        }
    }
}

/// An anticipated wrong pipeline and what to tell the trainee whose result equals its one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataFeedback {
    pub message: String,
    pub pipeline: Pipeline,
}

/// A chart task: draw a chart of `dataset` showing what `expect` says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartTask {
    pub dataset: String,
    pub expect: ChartExpect,
    /// The chart the reference solution draws (extra keys such as `title` are kept for
    /// showing, not checked).
    pub reference: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub hints: Vec<String>,
    #[serde(default)]
    pub feedback: Vec<ChartFeedback>,
    #[serde(default)]
    pub explanation: Option<String>,
}

impl ChartTask {
    pub fn reference_choice(&self) -> ChartChoice {
        chart_choice(&serde_json::to_value(&self.reference).unwrap_or_default())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartFeedback {
    pub message: String,
    pub chart: BTreeMap<String, serde_json::Value>,
}

/// What a chart request (as the chart editor builds it) shows; other keys are ignored,
/// empty texts count as absent.
pub fn chart_choice(request: &serde_json::Value) -> ChartChoice {
    let text = |k: &str| {
        request
            .get(k)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    ChartChoice {
        kind: text("kind").unwrap_or_default(),
        x: text("x"),
        y: text("y"),
        agg: text("agg"),
        group: text("group"),
        sort: request.get("sort").and_then(|v| v.as_bool()),
        weight: text("weight"),
    }
}

/// Errors of data and chart tasks.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TaskError {
    /// The table the step works on is not there (an earlier step creates it).
    #[error("the table {table} of this step does not exist yet")]
    DatasetMissing { table: String },
    /// The pack's own reference does not run (the pack was not checked).
    #[error("the reference solution of step {step} fails: {detail}")]
    ReferenceFailed { step: String, detail: String },
}

crate::stage_error!(TaskError {
    TaskError::DatasetMissing { .. } => "task.dataset_missing",
    TaskError::ReferenceFailed { .. } => "task.reference_failed",
});

impl TaskError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TaskError::DatasetMissing { table } => {
                tr!(lang, "lesson-task-dataset-missing", table = table)
            }
            TaskError::ReferenceFailed { step, detail } => tr!(
                lang,
                "lesson-task-reference-failed",
                step = step,
                detail = detail
            ),
        }
    }
}

/// Runs `p` on `table`, as a grid of at most [`MAX_COMPARE_ROWS`] rows.
pub fn run_grid(conn: &Connection, table: &str, p: &Pipeline) -> crate::Result<Grid> {
    Ok(Grid::from(&pipeline::run(
        conn,
        table,
        p,
        MAX_COMPARE_ROWS,
    )?))
}

// ---------- solution text ----------

fn cmp_text(c: Cmp, lang: Lang) -> String {
    let key = match c {
        Cmp::Eq => return "=".into(),
        Cmp::Ne => return "≠".into(),
        Cmp::Lt => return "<".into(),
        Cmp::Le => return "≤".into(),
        Cmp::Gt => return ">".into(),
        Cmp::Ge => return "≥".into(),
        Cmp::Contains => "lesson-cmp-contains",
        Cmp::In => "lesson-cmp-in",
        Cmp::IsMissing => "lesson-cmp-is-missing",
        Cmp::NotMissing => "lesson-cmp-not-missing",
    };
    tr!(lang, key)
}

fn agg_text(a: AggFn, lang: Lang) -> String {
    let key = match a {
        AggFn::Count => "lesson-agg-count",
        AggFn::Sum => "lesson-agg-sum",
        AggFn::Mean => "lesson-agg-mean",
        AggFn::Median => "lesson-agg-median",
        AggFn::Min => "lesson-agg-min",
        AggFn::Max => "lesson-agg-max",
        AggFn::Share => "lesson-agg-share",
    };
    tr!(lang, key)
}

fn derive_text(f: DeriveFn, lang: Lang) -> String {
    let key = match f {
        DeriveFn::Add => return "+".into(),
        DeriveFn::Sub => return "−".into(),
        DeriveFn::Mul => return "×".into(),
        DeriveFn::Div => return "÷".into(),
        DeriveFn::Percentage => "lesson-derive-percentage",
        DeriveFn::Per1000 => "lesson-derive-per-1000",
        DeriveFn::Round => "lesson-derive-round",
        DeriveFn::Year => "lesson-derive-year",
    };
    tr!(lang, key)
}

fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => format!("« {s} »"),
        serde_json::Value::Array(a) => a.iter().map(value_text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

fn operand_text(o: &Operand) -> String {
    match o {
        Operand::Column { column } => column.clone(),
        Operand::Value { value } => value_text(value),
    }
}

/// `parts` joined by the word `key` of `lang` ("et", "puis"…).
fn join_words(parts: &[String], key: &str, lang: Lang) -> String {
    parts.join(&format!(" {} ", tr!(lang, key)))
}

/// The steps of a pipeline as a trainee reads them, one line per step
/// ("Trier par population_2009_a, du plus grand au plus petit").
pub fn describe_pipeline(p: &Pipeline, lang: Lang) -> Vec<String> {
    p.steps
        .iter()
        .map(|s| match s {
            PStep::Filter {
                matching,
                conditions,
            } => {
                let parts: Vec<String> = conditions
                    .iter()
                    .map(|c| {
                        let v = c.value.as_ref().map(value_text).unwrap_or_default();
                        format!("{} {} {v}", c.column, cmp_text(c.cmp, lang))
                            .trim_end()
                            .to_string()
                    })
                    .collect();
                let join = match matching {
                    Match::All => "lesson-pipeline-and",
                    Match::Any => "lesson-pipeline-or",
                };
                tr!(
                    lang,
                    "lesson-pipeline-filter",
                    conditions = join_words(&parts, join, lang)
                )
            }
            PStep::Derive { name, func, a, b } => {
                let b = b.as_ref().map(operand_text).unwrap_or_default();
                let expr = format!("{} {} {b}", operand_text(a), derive_text(*func, lang));
                tr!(
                    lang,
                    "lesson-pipeline-derive",
                    name = name,
                    expression = expr.trim_end()
                )
            }
            PStep::Group { by, aggregates } => {
                let aggs: Vec<String> = aggregates
                    .iter()
                    .map(|a| {
                        let agg = agg_text(a.func, lang);
                        let agg = match a.column.as_deref() {
                            Some(c) => {
                                tr!(lang, "lesson-pipeline-aggregate-of", agg = agg, column = c)
                            }
                            None => agg,
                        };
                        match a.name.as_deref() {
                            Some(n) => format!("{agg} ({n})"),
                            None => agg,
                        }
                    })
                    .collect();
                let aggregates = aggs.join(", ");
                if by.is_empty() {
                    tr!(lang, "lesson-pipeline-summarise", aggregates = aggregates)
                } else {
                    tr!(
                        lang,
                        "lesson-pipeline-group",
                        by = by.join(", "),
                        aggregates = aggregates
                    )
                }
            }
            PStep::Sort { keys } => {
                let parts: Vec<String> = keys
                    .iter()
                    .map(|k| {
                        let key = if k.desc {
                            "lesson-pipeline-sort-desc"
                        } else {
                            "lesson-pipeline-sort-asc"
                        };
                        tr!(lang, key, column = &k.column)
                    })
                    .collect();
                tr!(
                    lang,
                    "lesson-pipeline-sort",
                    keys = join_words(&parts, "lesson-pipeline-then", lang)
                )
            }
            PStep::Limit { n } => tr!(lang, "lesson-pipeline-limit", rows = n.to_string()),
            PStep::Pivot {
                index,
                columns,
                values,
                agg,
            } => tr!(
                lang,
                "lesson-pipeline-pivot",
                index = index.join(", "),
                columns = columns,
                agg = agg_text(*agg, lang),
                values = values
            ),
            PStep::Join {
                table,
                left_on,
                right_on,
                how,
            } => {
                let rows = match how {
                    JoinHow::Left => "lesson-pipeline-join-left",
                    JoinHow::Inner => "lesson-pipeline-join-inner",
                };
                tr!(
                    lang,
                    "lesson-pipeline-join",
                    table = table,
                    left = left_on,
                    right = right_on,
                    rows = tr!(lang, rows)
                )
            }
        })
        .collect()
}

/// A chart request as a trainee reads it ("barres horizontales ; catégories : province ;
/// valeurs : somme de population_2009_a").
pub fn describe_chart(c: &ChartChoice, lang: Lang) -> String {
    let agg = c.agg.as_deref().unwrap_or("sum");
    let mut parts = vec![tr!(lang, "lesson-chart-kind", kind = c.kind.as_str())];
    if let Some(x) = &c.x {
        parts.push(tr!(lang, "lesson-chart-categories", x = x));
    }
    match (&c.y, agg) {
        (_, "count") => parts.push(tr!(lang, "lesson-chart-values-count")),
        (Some(y), _) => parts.push(tr!(lang, "lesson-chart-values", agg = agg, y = y)),
        (None, _) => {}
    }
    if let Some(g) = &c.group {
        parts.push(tr!(lang, "lesson-chart-groups", group = g));
    }
    if let Some(w) = &c.weight {
        parts.push(tr!(lang, "lesson-chart-weighted", weight = w));
    }
    if c.sort == Some(true) {
        parts.push(tr!(lang, "lesson-chart-sorted"));
    }
    parts.join(" ; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_pipeline_reads_as_french_steps() {
        let p = Pipeline::from_value(json!({"steps": [
            {"op": "filter", "conditions": [{"column": "province", "cmp": "ne", "value": "Lac"}]},
            {"op": "group", "by": ["province"], "aggregates": [{"fn": "sum", "column": "pop", "as": "total"}]},
            {"op": "sort", "keys": [{"column": "total", "desc": true}]},
            {"op": "limit", "n": 5}
        ]}))
        .unwrap();
        let lines = describe_pipeline(&p, Lang::Fr);
        assert_eq!(
            lines,
            vec![
                "Filtrer : garder les lignes où province ≠ « Lac »",
                "Regrouper par province : somme de pop (total)",
                "Trier par total, du plus grand au plus petit",
                "Garder les 5 premières lignes",
            ]
        );
        assert_eq!(describe_pipeline(&p, Lang::En)[3], "Keep the first 5 rows");
    }

    #[test]
    fn an_any_filter_reads_with_ou_and_a_join_says_which_rows_it_keeps() {
        let p = Pipeline::from_value(json!({"steps": [
            {"op": "filter", "match": "any", "conditions": [
                {"column": "province", "cmp": "eq", "value": "Lac"},
                {"column": "province", "cmp": "eq", "value": "Kanem"}]},
            {"op": "filter", "conditions": [
                {"column": "sexe", "cmp": "eq", "value": "F"},
                {"column": "age", "cmp": "is_missing"}]},
            {"op": "join", "table": "recensement", "left_on": "code", "right_on": "code_iso", "how": "inner"},
            {"op": "join", "table": "recensement", "left_on": "code", "right_on": "code_iso"}
        ]}))
        .unwrap();
        let fr = describe_pipeline(&p, Lang::Fr);
        assert_eq!(
            fr[0],
            "Filtrer : garder les lignes où province = « Lac » ou province = « Kanem »"
        );
        assert_eq!(
            fr[1],
            "Filtrer : garder les lignes où sexe = « F » et age est vide"
        );
        assert_eq!(
            fr[2],
            "Joindre le tableau recensement (code = code_iso), en ne gardant que les lignes qui correspondent"
        );
        assert_eq!(
            fr[3],
            "Joindre le tableau recensement (code = code_iso), en gardant toutes les lignes"
        );
        let en = describe_pipeline(&p, Lang::En);
        assert_eq!(
            en[0],
            "Filter: keep the rows where province = « Lac » or province = « Kanem »"
        );
        assert_eq!(
            en[2],
            "Join the table recensement (code = code_iso), keeping only the rows that match"
        );
    }

    #[test]
    fn a_chart_request_is_read_ignoring_extra_keys_and_empty_texts() {
        let c = chart_choice(
            &json!({"kind": "hbar", "x": "province", "y": "", "agg": "count",
            "group": null, "title": "Titre"}),
        );
        assert_eq!(c.kind, "hbar");
        assert_eq!(c.x.as_deref(), Some("province"));
        assert_eq!(c.y, None);
        assert_eq!(
            describe_chart(&c, Lang::Fr),
            "barres horizontales ; catégories : province ; valeurs : nombre de lignes"
        );
    }
}
