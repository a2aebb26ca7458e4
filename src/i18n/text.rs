//! Text compared and named the same way everywhere: [`fold`] (case and accents ignored,
//! for filters, answers, province names and sorting) and [`slug`] (an ASCII identifier made
//! from any text, for column and table names).

use unicode_normalization::UnicodeNormalization;

/// Letters that Unicode does not decompose into a base letter and an accent.
fn fold_special(c: char, out: &mut String) -> bool {
    let s = match c {
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        'ı' => "i",
        _ => return false,
    };
    out.push_str(s);
    true
}

/// Text folded for comparisons: trimmed, lower case, accents removed (`  Ouaddaï ` and
/// `OUADDAI` both give `ouaddai`; `Œuvre` gives `oeuvre`).
pub fn fold(s: &str) -> String {
    let s = s.trim();
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) || fold_special(c, &mut out) {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// An ASCII snake_case identifier made from any text, at most `max_len` bytes: folded
/// ([`fold`]), `%` read as `pct`, every other run of characters that are not ASCII letters
/// or digits one `_`, none at either end (`Mayo-Kebbi Est` -> `mayo_kebbi_est`,
/// `Taux %` -> `taux_pct`). May be empty, or start with a digit.
pub fn slug(s: &str, max_len: usize) -> String {
    let mut out = String::with_capacity(s.len());
    let push_sep = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    };
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '%' {
            push_sep(&mut out);
            out.push_str("pct_");
        } else {
            push_sep(&mut out);
        }
    }
    out.truncate(max_len);
    while out.ends_with('_') {
        out.pop();
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Texts and their folded form.
    const FOLDS: &[(&str, &str)] = &[
        ("  Ouaddaï ", "ouaddai"),
        ("OUADDAI", "ouaddai"),
        ("ÉCOLE", "ecole"),
        ("N'Djaména", "n'djamena"),
        ("Œuvre", "oeuvre"),
        ("Ærø", "aero"),
    ];

    /// Texts, the longest slug asked for, and the slug.
    const SLUGS: &[(&str, usize, &str)] = &[
        ("Mayo-Kebbi Est", 60, "mayo_kebbi_est"),
        ("x\"; DROP TABLE t; --", 60, "x_drop_table_t"),
        ("«»", 60, ""),
        ("Année", 63, "annee"),
        ("Population 2009", 63, "population_2009"),
        ("group/question", 63, "group_question"),
        ("  Région (Tchad) ", 63, "region_tchad"),
        ("Œuvre", 63, "oeuvre"),
        ("Taux %", 63, "taux_pct"),
        ("% filles", 63, "pct_filles"),
        ("???", 63, ""),
    ];

    /// Checks `fold` (this one, or one that stands for it) on every text of [`FOLDS`].
    pub(crate) fn check_folds(fold: impl Fn(&str) -> String) {
        for &(text, folded) in FOLDS {
            assert_eq!(fold(text), folded, "{text:?}");
        }
    }

    /// Checks `slug` (a slug of at most `max_len` bytes) on every text of [`SLUGS`] of
    /// that length.
    pub(crate) fn check_slugs(max_len: usize, slug: impl Fn(&str) -> String) {
        for &(text, _, slugged) in SLUGS.iter().filter(|c| c.1 == max_len) {
            assert_eq!(slug(text), slugged, "{text:?}");
        }
    }

    #[test]
    fn folding() {
        check_folds(fold);
    }

    #[test]
    fn slugs() {
        for max_len in [60, 63] {
            check_slugs(max_len, |s| slug(s, max_len));
        }
        assert_eq!(slug(&"a".repeat(70), 63).len(), 63);
    }
}
