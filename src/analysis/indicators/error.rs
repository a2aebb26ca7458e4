//! Why an indicator could not be computed ([`IndicatorError`]): stable codes
//! (`indicator.*`) and messages in French and English saying what to do about it.

use super::compute::KINDS;
use crate::i18n::number::format_number_fr;
use crate::i18n::Lang;

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
    /// `fr` and `en` say which figure is zero (or negative, for max/min).
    #[error("cannot compute: {en}")]
    DivisionByZero { fr: String, en: String },
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

impl IndicatorError {
    /// A stable, dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            IndicatorError::UnknownKind(_) => "indicator.unknown_kind",
            IndicatorError::MissingArgument { .. } => "indicator.missing_argument",
            IndicatorError::NoValues { .. } => "indicator.no_values",
            IndicatorError::NegativeValue { .. } => "indicator.negative_value",
            IndicatorError::NegativeWeight { .. } => "indicator.negative_weight",
            IndicatorError::AllZero { .. } => "indicator.all_zero",
            IndicatorError::DivisionByZero { .. } => "indicator.division_by_zero",
            IndicatorError::GroupNotFound { .. } => "indicator.group_not_found",
            IndicatorError::InvalidPer(_) => "indicator.invalid_per",
        }
    }

    /// The message for a person, saying what to do about it.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            IndicatorError::UnknownKind(k) => {
                if fr {
                    format!(
                        "Indicateur inconnu : « {k} ». Choisissez parmi : {}.",
                        KINDS.join(", ")
                    )
                } else {
                    format!(
                        "Unknown indicator \"{k}\". Choose among: {}.",
                        KINDS.join(", ")
                    )
                }
            }
            IndicatorError::MissingArgument { kind, arg } => {
                let (fr_arg, en_arg) = match *arg {
                    "value" => ("la colonne des valeurs", "the value column"),
                    "group" => ("la colonne des groupes", "the group column"),
                    "num" => (
                        "le groupe étudié (numérateur, par exemple F)",
                        "the focus group (numerator, e.g. F)",
                    ),
                    "den" => (
                        "le groupe de comparaison ou la colonne du dénominateur",
                        "the comparison group or the denominator column",
                    ),
                    _ => (*arg, *arg),
                };
                if fr {
                    format!("Pour l'indicateur « {kind} », indiquez {fr_arg}.")
                } else {
                    format!("The \"{kind}\" indicator needs {en_arg}.")
                }
            }
            IndicatorError::NoValues {
                column,
                missing,
                not_numeric,
            } => {
                if fr {
                    format!("La colonne « {column} » ne contient aucun nombre utilisable ({missing} cellule(s) vide(s), {not_numeric} cellule(s) qui ne sont pas des nombres). Choisissez une colonne de nombres.")
                } else {
                    format!("Column \"{column}\" has no usable number ({missing} empty cell(s), {not_numeric} cell(s) that are not numbers). Choose a numeric column.")
                }
            }
            IndicatorError::NegativeValue { column, value } => {
                let v = format_number_fr(*value, decimals_for(*value));
                if fr {
                    format!("La colonne « {column} » contient une valeur négative ({v}). Le Gini, la courbe de Lorenz, le Palma et le S80/S20 mesurent le partage d'une quantité positive (revenu, dépense, population) : retirez ou corrigez les valeurs négatives.")
                } else {
                    format!("Column \"{column}\" has a negative value ({v}). Gini, the Lorenz curve, Palma and S80/S20 measure how a positive quantity (income, spending, population) is shared: remove or fix negative values.")
                }
            }
            IndicatorError::NegativeWeight { column, value } => {
                let v = format_number_fr(*value, decimals_for(*value));
                if fr {
                    format!("La colonne des poids « {column} » contient une valeur négative ({v}). Un poids est un nombre de personnes : il ne peut pas être négatif.")
                } else {
                    format!("Weight column \"{column}\" has a negative value ({v}). A weight is a number of people: it cannot be negative.")
                }
            }
            IndicatorError::AllZero { column } => {
                if fr {
                    format!("Toutes les valeurs de « {column} » sont nulles : il n'y a rien à partager, l'indicateur ne peut pas être calculé.")
                } else {
                    format!("Every value of \"{column}\" is zero: there is nothing to share, the indicator cannot be computed.")
                }
            }
            IndicatorError::DivisionByZero { fr: f, en } => {
                if fr {
                    format!("Calcul impossible : {f}.")
                } else {
                    format!("Cannot compute: {en}.")
                }
            }
            IndicatorError::GroupNotFound {
                column,
                value,
                available,
            } => {
                let list = available
                    .iter()
                    .map(|a| format!("« {a} »"))
                    .collect::<Vec<_>>()
                    .join(", ");
                if fr {
                    format!("Le groupe « {value} » n'apparaît pas dans la colonne « {column} ». Valeurs présentes : {list}.")
                } else {
                    format!(
                        "Group \"{value}\" is not in column \"{column}\". Values found: {list}."
                    )
                }
            }
            IndicatorError::InvalidPer(p) => {
                if fr {
                    format!(
                        "« pour » doit être un nombre positif (1, 100, 1000, 100000…), pas {p}."
                    )
                } else {
                    format!("\"per\" must be a positive number (1, 100, 1000, 100000…), not {p}.")
                }
            }
        }
    }
}

/// Decimals to show a figure with: none for a whole number, else 2.
pub(super) fn decimals_for(v: f64) -> usize {
    if v.fract() == 0.0 {
        0
    } else {
        2
    }
}
