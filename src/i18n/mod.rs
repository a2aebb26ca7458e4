//! The user's language and the few fixed sentences the core itself says.
//!
//! French is the default for everything a trainee sees; English is the second language and
//! Arabic (written right to left) the third, with French for any sentence not yet translated.
//! Pack content carries its own translations; this module covers engine feedback and
//! error messages, looked up from stable codes at the edge (CLI, desktop).

pub mod catalog;
pub mod number;
pub mod parse;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::tr;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
    /// Modern Standard Arabic, written right to left.
    Ar,
}

impl Lang {
    /// Parses a language tag such as `fr`, `fr-TD`, `en_GB.UTF-8`, `ar-TD`; anything else
    /// is French.
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase();
        if t.starts_with("en") {
            Lang::En
        } else if t.starts_with("ar") {
            Lang::Ar
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
            Lang::Ar => "ar",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

/// A text written in several languages (`{ fr = "…", en = "…" }` in a pack).
pub type Localized = std::collections::BTreeMap<String, String>;

/// Picks the text in `lang`, else French, else any.
pub fn localized(text: &Localized, lang: Lang) -> String {
    text.get(lang.code())
        .or_else(|| text.get("fr"))
        .or_else(|| text.values().next())
        .cloned()
        .unwrap_or_default()
}

/// A fixed sentence of the engine, by key ([`catalog`]).
pub fn t(lang: Lang, key: &str) -> String {
    catalog::tr(lang, key, &[])
}

/// Formats `value` the French way: thousands separated by a narrow no-break space,
/// decimal comma (`1 234,5`); English uses `1,234.5`. Arabic writes numbers as French does:
/// in Chad, Arabic text is read with Western digits and the French separators (the
/// convention of its schools and administration), so `1 234,5` there too.
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    let fr = number::format_number_fr(value, decimals);
    match lang {
        Lang::Fr | Lang::Ar => fr,
        Lang::En => fr.replace(',', ".").replace('\u{202F}', ","),
    }
}

/// "between {min} and {max}" style messages for numeric ranges.
pub fn range_message(lang: Lang, min: Option<f64>, max: Option<f64>) -> String {
    let f = |v: f64| format_number(lang, v, if v.fract() == 0.0 { 0 } else { 2 });
    let keys = ["range-between", "range-at-least", "range-at-most"];
    bounds_message(lang, min, max, f, keys)
}

/// The message of a range of any kind of bound, each written by `f`: `keys` are the
/// catalog's sentences for both bounds, the lower one only and the upper one only (with
/// arguments `min` and `max`); empty without bounds.
pub fn bounds_message<T>(
    lang: Lang,
    min: Option<T>,
    max: Option<T>,
    f: impl Fn(T) -> String,
    [between, at_least, at_most]: [&str; 3],
) -> String {
    match (min, max) {
        (Some(a), Some(b)) => tr!(lang, between, min = f(a), max = f(b)),
        (Some(a), None) => tr!(lang, at_least, min = f(a)),
        (None, Some(b)) => tr!(lang, at_most, max = f(b)),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_tag("fr-TD"), Lang::Fr);
        assert_eq!(Lang::from_tag("ar"), Lang::Ar);
        assert_eq!(Lang::from_tag("ar_TD.UTF-8"), Lang::Ar);
        assert_eq!(Lang::from_tag("de"), Lang::Fr);
        assert_eq!(Lang::Ar.code(), "ar");
        assert!(Lang::Ar.is_rtl() && !Lang::Fr.is_rtl());
        assert_eq!(
            format_number(Lang::Ar, 1234.5, 1),
            format_number(Lang::Fr, 1234.5, 1)
        );
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
            assert!(!t(Lang::Fr, key).starts_with('['), "{key}");
            assert_ne!(t(Lang::Fr, key), t(Lang::En, key));
        }
        // A missing key is visible, not silent.
        assert_eq!(t(Lang::Fr, "nope"), "[nope]");
    }
}
