//! Inequality indicators: share, rate, parity indices (plain and UNESCO's adjusted GPI), gap
//! in points, max/min ratio, coefficient of variation, Gini (plain and weighted) with its
//! Lorenz curve, S80/S20 and Palma ratios.
//!
//! - [`measures`]: the pure functions on slices; they return `None` when the figure does
//!   not exist (empty input, division by zero, negative incomes for the Gini family).
//! - [`compute`](mod@compute): [`compute`](fn@compute) reads the columns of an imported table, skips
//!   and counts missing or non-numeric cells, and returns the figure with its wording for a
//!   trainee, in the language asked and in French ([`IndicatorResult`]).
//! - [`error`]: [`IndicatorError`], its codes and messages.
//!
//! Every sentence comes from the message catalog (`src/i18n/ftl/<lang>/indicators.ftl`).
//!
//! `docs/indicators.md` explains each indicator for the trainers.

pub mod compute;
pub mod error;
pub mod measures;

pub use compute::{
    compute, GroupFigure, IndicatorDetails, IndicatorRequest, IndicatorResult, KINDS,
};
pub use error::{IndicatorError, ZeroDivisor};
pub use measures::*;
