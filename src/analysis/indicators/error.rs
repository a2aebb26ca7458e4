//! Why an indicator could not be computed ([`IndicatorError`]): stable codes
//! (`indicator.*`) and messages from the catalog (`indicators.ftl`) saying what to do
//! about it.

use super::compute::KINDS;
use crate::i18n::{format_number, Lang};
use crate::tr;

/// Why an indicator could not be computed. Codes are stable (`indicator.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum IndicatorError {
    #[error("unknown indicator {0}")]
    UnknownKind(String),
    /// The indicator needs this argument (`value`, `group`, `num`, `den`).
    #[error("indicator {kind} needs {arg}")]
    MissingArgument { kind: String, arg: &'static str },
    /// No usable number in the column(s) once missing and non-numeric cells are skipped.
    #[error("no number in column {column}")]
    NoValues {
        column: String,
        missing: usize,
        not_numeric: usize,
    },
    /// The Gini family needs incomes that are zero or more.
    #[error("negative value {value} in column {column}")]
    NegativeValue { column: String, value: f64 },
    #[error("negative weight {value} in column {column}")]
    NegativeWeight { column: String, value: f64 },
    /// Every value is zero: nothing is shared, the figure does not exist.
    #[error("every value of column {column} is zero")]
    AllZero { column: String },
    /// A division by zero (comparison group at 0, denominator column summing to 0,
    /// poorest group holding nothing, smallest value at 0).
    #[error("cannot compute: {}", .0.message(Lang::En))]
    DivisionByZero(ZeroDivisor),
    /// The value `num` or `den` is not in the group column.
    #[error("group {value} not found in column {column}")]
    GroupNotFound {
        column: String,
        value: String,
        available: Vec<String>,
    },
    #[error("invalid per: {0}")]
    InvalidPer(f64),
}

crate::stage_error!(IndicatorError {
    IndicatorError::UnknownKind(_) => "indicator.unknown_kind",
    IndicatorError::MissingArgument { .. } => "indicator.missing_argument",
    IndicatorError::NoValues { .. } => "indicator.no_values",
    IndicatorError::NegativeValue { .. } => "indicator.negative_value",
    IndicatorError::NegativeWeight { .. } => "indicator.negative_weight",
    IndicatorError::AllZero { .. } => "indicator.all_zero",
    IndicatorError::DivisionByZero { .. } => "indicator.division_by_zero",
    IndicatorError::GroupNotFound { .. } => "indicator.group_not_found",
    IndicatorError::InvalidPer(_) => "indicator.invalid_per",
});

impl IndicatorError {
    /// The message for a person in `lang`, saying what to do about it (the catalog's
    /// `error-<code>`).
    pub fn message(&self, lang: Lang) -> String {
        let key = crate::error::message_key(self.code());
        let key = key.as_str();
        match self {
            IndicatorError::UnknownKind(k) => tr!(lang, key, kind = k, kinds = KINDS.join(", ")),
            IndicatorError::MissingArgument { kind, arg } => {
                tr!(lang, key, kind = kind, arg = *arg)
            }
            IndicatorError::NoValues {
                column,
                missing,
                not_numeric,
            } => tr!(
                lang,
                key,
                column = column,
                missing = missing.to_string(),
                not_numeric = not_numeric.to_string()
            ),
            IndicatorError::NegativeValue { column, value }
            | IndicatorError::NegativeWeight { column, value } => tr!(
                lang,
                key,
                column = column,
                value = format_number(lang, *value, decimals_for(*value))
            ),
            IndicatorError::AllZero { column } => tr!(lang, key, column = column),
            IndicatorError::DivisionByZero(what) => tr!(lang, key, reason = what.message(lang)),
            IndicatorError::GroupNotFound {
                column,
                value,
                available,
            } => tr!(
                lang,
                key,
                value = value,
                column = column,
                values = quoted_list(lang, available)
            ),
            IndicatorError::InvalidPer(p) => tr!(lang, key, per = p.to_string()),
        }
    }
}

/// Which figure is zero (or not positive, for max/min) when an indicator would divide by it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ZeroDivisor {
    /// The poorest `percent` % hold nothing (Palma, S80/S20).
    Poorest { percent: f64 },
    /// The mean is zero (coefficient of variation).
    Mean,
    /// The smallest value is zero or negative (max/min).
    Smallest { value: f64 },
    /// The denominator column sums to zero (rate).
    ColumnSum { column: String },
    /// The comparison group's value is zero (parity indices).
    Group { group: String },
}

impl ZeroDivisor {
    /// Says which figure is zero, in `lang` (no capital, no full stop).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ZeroDivisor::Poorest { percent } => tr!(
                lang,
                "indicator-zero-poorest",
                percent = format_number(lang, *percent, 0)
            ),
            ZeroDivisor::Mean => tr!(lang, "indicator-zero-mean"),
            ZeroDivisor::Smallest { value } => tr!(
                lang,
                "indicator-zero-smallest",
                value = format_number(lang, *value, 2)
            ),
            ZeroDivisor::ColumnSum { column } => {
                tr!(lang, "indicator-zero-column-sum", column = column)
            }
            ZeroDivisor::Group { group } => tr!(lang, "indicator-zero-group", group = group),
        }
    }
}

/// `« a », « b »` (`“a”, “b”` in English): values quoted in a sentence.
pub fn quoted_list(lang: Lang, values: &[String]) -> String {
    values
        .iter()
        .map(|v| tr!(lang, "quoted", text = v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Decimals to show a figure with: none for a whole number, else 2.
pub(super) fn decimals_for(v: f64) -> usize {
    if v.fract() == 0.0 {
        0
    } else {
        2
    }
}
