//! The JSON model of a pipeline (see `docs/pipeline-format.md`): [`Pipeline`], its
//! [`Step`]s tagged by `op` and what they hold (conditions, derived columns, aggregates,
//! sort keys, joins), and reading it with errors that name the step at fault
//! ([`Pipeline::from_json`], [`Pipeline::from_value`]).

use serde::{Deserialize, Serialize};

pub use crate::analysis::aggregate::AggFn;
use crate::analysis::AnalysisError;
use crate::error::Result;

/// A pipeline: steps applied in order to a workspace table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Pipeline {
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// One step, tagged by `op`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Step {
    /// Keep the rows meeting every condition (`match = all`, the default) or at least
    /// one of them (`match = any`).
    Filter {
        #[serde(rename = "match", default, skip_serializing_if = "Match::is_all")]
        matching: Match,
        conditions: Vec<Condition>,
    },
    /// Add (or replace) a computed column.
    Derive {
        #[serde(rename = "as")]
        name: String,
        #[serde(rename = "fn")]
        func: DeriveFn,
        a: Operand,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        b: Option<Operand>,
    },
    /// One row per combination of `by`, with the aggregates.
    Group {
        #[serde(default)]
        by: Vec<String>,
        #[serde(default)]
        aggregates: Vec<Aggregate>,
    },
    /// Sort by keys (previous order kept for ties).
    Sort { keys: Vec<SortKey> },
    /// Keep the first `n` rows.
    Limit { n: u64 },
    /// Wide table: one row per `index`, one column per distinct value of `columns`.
    Pivot {
        #[serde(default)]
        index: Vec<String>,
        columns: String,
        values: String,
        #[serde(default = "default_pivot_agg")]
        agg: AggFn,
    },
    /// Add the columns of another workspace table where the keys match.
    Join {
        table: String,
        left_on: String,
        right_on: String,
        #[serde(default)]
        how: JoinHow,
    },
}

fn default_pivot_agg() -> AggFn {
    AggFn::Sum
}

/// How a filter combines its conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    /// Every condition holds (« et »).
    #[default]
    All,
    /// At least one condition holds (« ou »).
    Any,
}

impl Match {
    fn is_all(&self) -> bool {
        *self == Match::All
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub column: String,
    pub cmp: Cmp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    In,
    IsMissing,
    NotMissing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeriveFn {
    Add,
    Sub,
    Mul,
    Div,
    Percentage,
    #[serde(rename = "per_1000")]
    Per1000,
    Round,
    Year,
}

/// A column of the current table or a constant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Operand {
    Column { column: String },
    Value { value: serde_json::Value },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aggregate {
    #[serde(rename = "fn")]
    pub func: AggFn,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    #[serde(rename = "as", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SortKey {
    pub column: String,
    #[serde(default)]
    pub desc: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum JoinHow {
    Inner,
    #[default]
    Left,
}

/// The operations a step may name.
const OPS: &[&str] = &[
    "filter", "derive", "group", "sort", "limit", "pivot", "join",
];

impl Pipeline {
    /// Reads a pipeline, naming the step at fault: an unknown `op` gives
    /// [`AnalysisError::UnknownOp`], a malformed step [`AnalysisError::InvalidStep`].
    pub fn from_json(text: &str) -> Result<Pipeline> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| AnalysisError::InvalidPipeline {
                detail: e.to_string(),
            })?;
        Self::from_value(value)
    }

    /// [`Pipeline::from_json`] from an already parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Pipeline> {
        let mut out = Vec::new();
        for (i, s) in raw_steps(value)?.into_iter().enumerate() {
            out.push(parse_step(i + 1, s)?);
        }
        Ok(Pipeline { steps: out })
    }
}

/// The steps of a pipeline's JSON (`{"steps": […]}` or a bare list), not parsed yet.
pub(super) fn raw_steps(value: serde_json::Value) -> Result<Vec<serde_json::Value>, AnalysisError> {
    Ok(match value {
        serde_json::Value::Object(mut map) => match map.remove("steps") {
            Some(serde_json::Value::Array(steps)) => steps,
            None => Vec::new(),
            Some(_) => {
                return Err(AnalysisError::InvalidPipeline {
                    detail: "« steps » doit être une liste".into(),
                })
            }
        },
        serde_json::Value::Array(steps) => steps,
        _ => {
            return Err(AnalysisError::InvalidPipeline {
                detail: "un objet {\"steps\": [...]} est attendu".into(),
            })
        }
    })
}

/// Step number `step` (from 1), naming it in the error: [`AnalysisError::UnknownOp`] or
/// [`AnalysisError::InvalidStep`].
pub(super) fn parse_step(step: usize, s: serde_json::Value) -> Result<Step, AnalysisError> {
    let op = s.get("op").and_then(|o| o.as_str()).unwrap_or("");
    if !OPS.contains(&op) {
        return Err(AnalysisError::UnknownOp {
            step,
            op: op.to_string(),
        });
    }
    serde_json::from_value(s).map_err(|e| AnalysisError::InvalidStep {
        step,
        detail: e.to_string(),
    })
}
