//! Analysis pipelines: a list of typed steps (filter, derive, group, sort, limit, pivot,
//! join) in the JSON format of the Analyse screen (see `docs/pipeline-format.md`),
//! compiled to one SQLite query.
//!
//! - [`model`]: the JSON model ([`Pipeline`], [`Step`]…) and reading it.
//! - [`compile`](mod@compile): the SQL compiler (CTEs, quoted identifiers, bound values, errors
//!   naming the step and the column).
//! - [`run`](mod@run): running a pipeline ([`run`](fn@run), [`run_with`]) and the columns of each step
//!   ([`step_columns`]).
//! - [`save`]: saving a result as a workspace table ([`save_as`]).
//! - `fast`: the in-memory engine for a group that comes first on a large table.
//!
//! The aggregates (count, sum, mean…) are [`crate::analysis::aggregate`]'s.

pub mod compile;
mod fast;
pub mod model;
pub mod run;
pub mod save;

pub use compile::{compile, to_sql, Compiled, MAX_PIVOT_COLUMNS};
pub use model::{
    AggFn, Aggregate, Cmp, Condition, DeriveFn, JoinHow, Match, Operand, Pipeline, SortKey, Step,
};
pub use run::{run, run_with, step_columns, Engine, COLUMNS_MIN_ROWS};
pub use save::{normalise_table_name, save_as, save_as_in, SAVED_SOURCE_PREFIX};
