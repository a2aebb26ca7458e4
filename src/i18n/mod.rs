//! The user's language and the few fixed sentences the core itself says.
//!
//! French is the default for everything a trainee sees; English is the second language.
//! Pack content carries its own translations; this module covers engine feedback and
//! error messages, looked up from stable codes at the edge (CLI, desktop).

pub mod number;
pub mod parse;
pub mod text;

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Parses a language tag such as `fr`, `fr-TD`, `en_GB.UTF-8`; anything else is French.
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase();
        if t.starts_with("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// The language chosen by `DATAJAM_LANG`, French when unset.
    pub fn from_env() -> Lang {
        std::env::var("DATAJAM_LANG")
            .map(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A fixed sentence of the engine, by key. Unknown keys return the key itself, so a
/// missing translation is visible rather than silent.
pub fn t(lang: Lang, key: &str) -> &'static str {
    let (fr, en) = match key {
        "correct" => ("Bonne réponse !", "Correct!"),
        "wrong" => (
            "Ce n'est pas la bonne réponse. Relisez la question, essayez encore ou demandez un indice.",
            "That is not the right answer. Read the question again, try again or ask for a hint.",
        ),
        "no_more_hints" => (
            "Il n'y a plus d'indice pour cette étape.",
            "There are no more hints for this step.",
        ),
        "record_saved" => ("Enregistrement sauvegardé.", "Record saved."),
        "answer_empty" => ("Saisissez une réponse.", "Enter an answer."),
        "answer_not_number" => (
            "Saisissez un nombre, par exemple 1 234,5.",
            "Enter a number, for example 1,234.5.",
        ),
        "answer_not_choice" => (
            "Choisissez une des propositions.",
            "Pick one of the options.",
        ),
        "field_required" => ("Ce champ est obligatoire.", "This field is required."),
        "field_not_integer" => (
            "Saisissez un nombre entier, par exemple 42.",
            "Enter a whole number, for example 42.",
        ),
        "field_not_decimal" => (
            "Saisissez un nombre, par exemple 12,5.",
            "Enter a number, for example 12.5.",
        ),
        "field_not_choice" => (
            "Choisissez une des valeurs proposées.",
            "Pick one of the listed values.",
        ),
        "field_too_long" => ("Ce texte est trop long.", "This text is too long."),
        "field_pattern" => (
            "Le format n'est pas celui attendu.",
            "This is not in the expected format.",
        ),
        "field_unknown" => ("Champ inconnu.", "Unknown field."),
        "field_not_date" => (
            "Saisissez une date, par exemple 15/03/2025.",
            "Enter a date, for example 2025-03-15.",
        ),
        "field_not_province" => (
            "Choisissez une province de la liste.",
            "Pick a province from the list.",
        ),
        "field_not_location" => (
            "Saisissez la latitude et la longitude en degrés décimaux, par exemple 12,11 et 15,05.",
            "Enter the latitude and longitude in decimal degrees, for example 12.11 and 15.05.",
        ),
        "field_location_range" => (
            "La latitude va de -90 à 90 et la longitude de -180 à 180.",
            "Latitude goes from -90 to 90 and longitude from -180 to 180.",
        ),
        "field_location_chad" => (
            "Ce point n'est pas au Tchad : la latitude doit être entre 7,4 et 23,5 et la longitude entre 13,4 et 24,1.",
            "This point is not in Chad: latitude must be between 7.4 and 23.5 and longitude between 13.4 and 24.1.",
        ),
        "field_location_swapped" => (
            "Ce point n'est pas au Tchad : la latitude et la longitude semblent inversées.",
            "This point is not in Chad: latitude and longitude seem swapped.",
        ),
        _ => return "[?]",
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// Formats `value` the French way: thousands separated by a narrow no-break space,
/// decimal comma (`1 234,5`); English uses `1,234.5`.
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    let fr = number::format_number_fr(value, decimals);
    match lang {
        Lang::Fr => fr,
        Lang::En => fr.replace(',', ".").replace('\u{202F}', ","),
    }
}

/// "between {min} and {max}" style messages for numeric ranges.
pub fn range_message(lang: Lang, min: Option<f64>, max: Option<f64>) -> String {
    let f = |v: f64| format_number(lang, v, if v.fract() == 0.0 { 0 } else { 2 });
    match (lang, min, max) {
        (Lang::Fr, Some(a), Some(b)) => {
            format!("La valeur doit être comprise entre {} et {}.", f(a), f(b))
        }
        (Lang::Fr, Some(a), None) => format!("La valeur doit être au moins {}.", f(a)),
        (Lang::Fr, None, Some(b)) => format!("La valeur doit être au plus {}.", f(b)),
        (Lang::En, Some(a), Some(b)) => format!("The value must be between {} and {}.", f(a), f(b)),
        (Lang::En, Some(a), None) => format!("The value must be at least {}.", f(a)),
        (Lang::En, None, Some(b)) => format!("The value must be at most {}.", f(b)),
        (_, None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_tag("fr-TD"), Lang::Fr);
        assert_eq!(Lang::from_tag("ar"), Lang::Fr);
    }

    #[test]
    fn every_key_is_translated() {
        for key in [
            "correct",
            "wrong",
            "no_more_hints",
            "record_saved",
            "field_required",
        ] {
            assert_ne!(t(Lang::Fr, key), "[?]");
            assert_ne!(t(Lang::Fr, key), t(Lang::En, key));
        }
        assert_eq!(t(Lang::Fr, "nope"), "[?]");
    }
}
