//! Reading what people write: numbers, dates and yes/no answers, the French way first
//! and the English way too. The one parser of each, used by imports, questions, forms,
//! filters and pack checks, so that a value one of them accepts, the others accept.
//!
//! - [`parse_number`]: "12,5", "12.5", "1 234 567" (space, U+00A0, U+202F, U+2009 or an
//!   apostrophe between groups), "1.234.567", "1.234,5", "1,234.5", "12 %", "15 000 FCFA",
//!   "-3", "1,5E+06"; a leading zero ("007") is a code, not a number.
//! - [`parse_date`], [`parse_datetime`]: ISO first, otherwise day first.
//! - [`parse_bool`]: oui/non, vrai/faux, yes/no, true/false, 1/0.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// `s.trim()`, without looking at characters when `s` starts and ends with a visible
/// ASCII character (the common case: nothing to trim).
pub(crate) fn trimmed(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

pub fn parse_bool(s: &str) -> Option<bool> {
    let t = trimmed(s);
    // No word below is longer than five bytes, and each starts with one of these.
    if t.len() > 5
        || !matches!(
            t.as_bytes().first().map(u8::to_ascii_lowercase),
            Some(b'o' | b'v' | b'y' | b't' | b'1' | b'n' | b'f' | b'0')
        )
    {
        return None;
    }
    // "1"/"0" too (KoboToolbox choice columns); a column of 0/1 alone is
    // still inferred as integer, since ties go to the integer type.
    const TRUE: &[&str] = &["oui", "vrai", "yes", "true", "1"];
    const FALSE: &[&str] = &["non", "faux", "no", "false", "0"];
    if TRUE.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        Some(true)
    } else if FALSE.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        Some(false)
    } else {
        None
    }
}

/// A number read from text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedNumber {
    pub value: f64,
    /// Set when the text is a plain integer (no decimals, no % and no currency).
    pub int: Option<i64>,
    pub currency: bool,
    pub percent: bool,
}

/// Currency markers accepted after (or, for symbols, before) an amount. Longest first.
const CURRENCY_SUFFIXES: &[&str] = &["f cfa", "fcfa", "cfa", "xaf", "eur", "usd", "€", "$", "f"];
const CURRENCY_PREFIXES: &[&str] = &["fcfa", "xaf", "€", "$"];

/// A thousands separator that is a space (or, as in Switzerland, an apostrophe).
fn is_space_sep(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}'
    )
}

/// The value of a number typed by a person, or `None` ([`parse_number`]).
pub fn number(s: &str) -> Option<f64> {
    parse_number(s).map(|n| n.value)
}

fn strip_suffix_ci<'a>(t: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = t.len().checked_sub(suffix.len())?;
    if !t.is_char_boundary(cut) {
        return None;
    }
    let (head, tail) = t.split_at(cut);
    tail.eq_ignore_ascii_case(suffix).then_some(head)
}

fn strip_prefix_ci<'a>(t: &'a str, prefix: &str) -> Option<&'a str> {
    if t.len() < prefix.len() || !t.is_char_boundary(prefix.len()) {
        return None;
    }
    let (head, tail) = t.split_at(prefix.len());
    head.eq_ignore_ascii_case(prefix).then_some(tail)
}

pub(crate) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks thousands groups ("1", "234", "567") and returns the digits joined.
fn join_groups(groups: &[&str]) -> Option<String> {
    let (first, rest) = groups.split_first()?;
    if !all_digits(first) || first.len() > 3 {
        return None;
    }
    if rest.iter().any(|g| g.len() != 3 || !all_digits(g)) {
        return None;
    }
    Some(groups.concat())
}

/// Parses a number written the French way or the English way:
/// "12,5", "12.5", "1 234 567" (space, U+00A0 or U+202F), "1.234.567",
/// "1.234,5", "1,234.5", "12 %", "15 000 FCFA", "-3", "1,5E+06".
pub fn parse_number(s: &str) -> Option<ParsedNumber> {
    if let Some(n) = parse_plain_number(s) {
        return Some(n);
    }
    // Every number has a digit, and starts with a digit, a sign, a
    // separator or a currency prefix: words are rejected without more work.
    let starts_like_number = s.trim_start().starts_with(|c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '-' | '+' | '\u{2212}' | '.' | ',' | 'f' | 'F' | 'x' | 'X' | '€' | '$'
            )
    });
    if !starts_like_number || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Dates and times are rejected without more work: no number has a `/` or a `:`,
    // nor a `-` right after a digit (a minus sign comes first, or after the exponent).
    let b = s.as_bytes();
    let exponent = b.iter().any(|&c| c == b'e' || c == b'E');
    if b.iter().any(|&c| c == b'/' || c == b':')
        || (!exponent && b.windows(2).any(|w| w[0].is_ascii_digit() && w[1] == b'-'))
    {
        return None;
    }
    parse_number_slow(s)
}

/// Fast path for the most common spellings, "-123" and "12.5" (no
/// grouping, no unit), with the same results as the general parser.
fn parse_plain_number(s: &str) -> Option<ParsedNumber> {
    let b = s.as_bytes();
    let body = b.strip_prefix(b"-").unwrap_or(b);
    let (int_part, frac) = match body.iter().position(|&c| c == b'.') {
        Some(p) => (&body[..p], Some(&body[p + 1..])),
        None => (body, None),
    };
    let digits = |x: &[u8]| !x.is_empty() && x.iter().all(u8::is_ascii_digit);
    if !digits(int_part) || (int_part.len() > 1 && int_part[0] == b'0') || int_part.len() > 15 {
        return None;
    }
    if frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    if frac.is_none() {
        // At most 15 digits: the integer, and its value as a double, are exact (what
        // `number_of` would parse), without parsing the text twice.
        let magnitude = int_part
            .iter()
            .fold(0i64, |n, &d| n * 10 + i64::from(d - b'0'));
        let negative = body.len() != b.len();
        let int = if negative { -magnitude } else { magnitude };
        // "-0" is the double -0.0, as parsed.
        let value = if negative {
            -(magnitude as f64)
        } else {
            magnitude as f64
        };
        return Some(ParsedNumber {
            value,
            int: Some(int),
            currency: false,
            percent: false,
        });
    }
    number_of(s, false, false, false)
}

fn parse_number_slow(s: &str) -> Option<ParsedNumber> {
    let mut t = s.trim();
    let mut currency = false;
    for sym in CURRENCY_SUFFIXES {
        if let Some(rest) = strip_suffix_ci(t, sym) {
            let rest_trim = rest.trim_end_matches(is_space_sep);
            // A lone "f" must follow a digit or a space ("1500 F", "1500F").
            if rest_trim.ends_with(|c: char| c.is_ascii_digit()) {
                t = rest_trim;
                currency = true;
                break;
            }
        }
    }
    if !currency {
        for sym in CURRENCY_PREFIXES {
            if let Some(rest) = strip_prefix_ci(t, sym) {
                let rest_trim = rest.trim_start_matches(is_space_sep);
                if rest_trim.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                    t = rest_trim;
                    currency = true;
                    break;
                }
            }
        }
    }
    let mut percent = false;
    if let Some(rest) = t.strip_suffix('%') {
        percent = true;
        t = rest.trim_end_matches(is_space_sep);
    }
    let (negative, body) = if let Some(rest) = t.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = t.strip_prefix('\u{2212}') {
        (true, rest)
    } else if let Some(rest) = t.strip_prefix('+') {
        (false, rest)
    } else {
        (false, t)
    };
    if body.is_empty() {
        return None;
    }

    // Scientific notation as written by spreadsheets: "1,5E+06", "2.1e-3".
    if let Some(epos) = body.find(['e', 'E']) {
        let (mantissa, exp) = body.split_at(epos);
        let exp = exp.get(1..)?;
        let exp_digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
        let mantissa = mantissa.replacen(',', ".", 1);
        let mut parts = mantissa.splitn(2, '.');
        let int_part = parts.next().unwrap_or("");
        let frac_ok = parts.next().is_none_or(all_digits);
        if !all_digits(int_part) || !frac_ok || !all_digits(exp_digits) {
            return None;
        }
        let value: f64 = format!("{}{mantissa}e{exp}", if negative { "-" } else { "" })
            .parse()
            .ok()?;
        return value.is_finite().then_some(ParsedNumber {
            value,
            int: None,
            currency,
            percent,
        });
    }

    let (int_digits, frac_digits): (String, Option<&str>) = if body.contains(is_space_sep) {
        // Space-grouped thousands; the last group may carry decimals.
        let groups: Vec<&str> = body.split(is_space_sep).collect();
        let (last, init) = groups.split_last()?;
        let (last_int, frac) = match last.find([',', '.']) {
            Some(p) => (&last[..p], Some(&last[p + 1..])),
            None => (*last, None),
        };
        let mut all: Vec<&str> = init.to_vec();
        all.push(last_int);
        (join_groups(&all)?, frac)
    } else {
        let commas = body.matches(',').count();
        let dots = body.matches('.').count();
        match (commas, dots) {
            (0, 0) => (body.to_string(), None),
            (1, 0) | (0, 1) => {
                let p = body.find([',', '.'])?;
                (body[..p].to_string(), Some(&body[p + 1..]))
            }
            (_, 0) | (0, _) => {
                let sep = if commas > 0 { ',' } else { '.' };
                let groups: Vec<&str> = body.split(sep).collect();
                (join_groups(&groups)?, None)
            }
            _ => {
                // Both: the last separator is the decimal one, used once.
                let p = body.rfind([',', '.'])?;
                let dec = body[p..].chars().next()?;
                let thousands = if dec == ',' { '.' } else { ',' };
                let int_part = &body[..p];
                if int_part.contains(dec) {
                    return None;
                }
                let groups: Vec<&str> = int_part.split(thousands).collect();
                (join_groups(&groups)?, Some(&body[p + 1..]))
            }
        }
    };
    let int_digits = if int_digits.is_empty() && frac_digits.is_some() {
        "0".to_string()
    } else {
        int_digits
    };
    if !all_digits(&int_digits) {
        return None;
    }
    // "007" looks like a code, not a number.
    if int_digits.len() > 1 && int_digits.starts_with('0') {
        return None;
    }
    if let Some(f) = frac_digits {
        if !all_digits(f) {
            return None;
        }
    }
    let sign = if negative { "-" } else { "" };
    let literal = match frac_digits {
        Some(f) => format!("{sign}{int_digits}.{f}"),
        None => format!("{sign}{int_digits}"),
    };
    let whole = frac_digits.is_none() && !percent && !currency;
    number_of(&literal, whole, currency, percent)
}

/// The number `literal` (an optional `-`, ASCII digits, at most one `.`) once read, also
/// as an integer when `whole`; `None` when it is not finite.
fn number_of(literal: &str, whole: bool, currency: bool, percent: bool) -> Option<ParsedNumber> {
    let value: f64 = literal.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let int = if whole {
        literal.parse::<i64>().ok()
    } else {
        None
    };
    Some(ParsedNumber {
        value,
        int,
        currency,
        percent,
    })
}

/// Parses a date: ISO "2024-03-15" (or "2024/03/15"), otherwise day first:
/// "15/03/2024", "15-03-24", "15.03.2024".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let t = trimmed(s);
    // Three runs of digits joined by one separator (`-`, `/` or `.`), on bytes: the first
    // non-digit is the separator, the second must be it too, and the rest digits. (A
    // non-ASCII character starts with a byte >= 0x80: never a digit nor a separator.)
    let bytes = t.as_bytes();
    let non_digit = |from: usize| bytes[from..].iter().position(|b| !b.is_ascii_digit());
    let p1 = non_digit(0)?;
    let sep = bytes[p1];
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let p2 = p1 + 1 + non_digit(p1 + 1)?;
    if bytes[p2] != sep {
        return None;
    }
    // Separators are ASCII: these are char boundaries.
    let (a, b, c) = (&t[..p1], &t[p1 + 1..p2], &t[p2 + 1..]);
    if !(all_digits(a) && all_digits(b) && all_digits(c)) {
        return None;
    }
    let sep = char::from(sep);
    let num = |x: &str| x.parse::<u32>().ok();
    if a.len() == 4 && (1..=2).contains(&b.len()) && (1..=2).contains(&c.len()) && sep != '.' {
        let year = i32::try_from(num(a)?).ok()?;
        return NaiveDate::from_ymd_opt(year, num(b)?, num(c)?);
    }
    if (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) && matches!(c.len(), 2 | 4) {
        let y = num(c)?;
        let year = if c.len() == 2 {
            // Same pivot as POSIX strptime %y: 00-68 -> 2000s, 69-99 -> 1900s.
            if y <= 68 {
                2000 + y
            } else {
                1900 + y
            }
        } else {
            y
        };
        return NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, num(b)?, num(a)?);
    }
    None
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    let t = s.trim();
    // Drop a UTC marker or offset: the wall-clock time is kept as written.
    let t = t.strip_suffix(['Z', 'z']).unwrap_or(t);
    let t = match t.rfind(['+', '-']) {
        Some(p) if p >= 5 => &t[..p],
        _ => t,
    };
    NaiveTime::parse_from_str(t, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
        .ok()
}

/// Parses a date with a time ("2024-03-15 08:30", "2024-03-15T08:30:00.000+01:00",
/// "15/03/2024 08:30:15"). A date alone is also accepted (at midnight).
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let t = trimmed(s);
    if let Some(d) = parse_date(t) {
        return Some(d.and_time(NaiveTime::MIN));
    }
    let p = t.find(['T', ' '])?;
    let date = parse_date(&t[..p])?;
    let time = parse_time(&t[p + 1..])?;
    Some(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_typed_by_people() {
        assert_eq!(number("951 418"), Some(951418.0));
        assert_eq!(number("951\u{202F}418"), Some(951418.0));
        assert_eq!(number("12,5"), Some(12.5));
        assert_eq!(number("1.234.567"), Some(1234567.0));
        assert_eq!(number("1 234,56"), Some(1234.56));
        assert_eq!(number("1,234.56"), Some(1234.56));
        assert_eq!(number("12 %"), Some(12.0));
        assert_eq!(number("-3"), Some(-3.0));
        assert_eq!(number("abc"), None);
        assert_eq!(number(""), None);
        assert_eq!(number("1.23.4"), None);
        assert_eq!(number("inf"), None);
        assert_eq!(number("1'234"), Some(1234.0));
    }

    /// `parse_date`'s former splitting (on chars), the reference for the one on bytes.
    fn date_parts_by_chars(t: &str) -> Option<(&str, &str, &str, char)> {
        let sep = t.chars().find(|c| !c.is_ascii_digit())?;
        if !matches!(sep, '-' | '/' | '.') {
            return None;
        }
        let mut parts = t.split(sep);
        let (Some(a), Some(b), Some(c), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        (all_digits(a) && all_digits(b) && all_digits(c)).then_some((a, b, c, sep))
    }

    #[test]
    fn dates_split_as_by_chars() {
        let texts = [
            "2024-03-15",
            "2024/03/15",
            "15/03/2024",
            "15-03-24",
            "15.03.2024",
            "2024.03.15",
            "2024-03-15-01",
            "2024-03",
            "2024--03",
            "-03-15",
            "2024-03-",
            "2024-03/15",
            "2024/03-15",
            "20é4-03-15",
            "2024-0é-15",
            "2024-03-1é",
            "2024-03-15é",
            "20240315",
            "",
            "-",
            "--",
            "2024 03 15",
            "31/02/2024",
            "1.5",
            "12.35",
            "1234.56",
            "1.2.3",
            "99-99-99",
            "0-0-0",
            "2024–03–15",
            "١٢/٠٣/٢٠٢٤",
            " 2024-03-15 ",
            "2024-03-15T08:30",
        ];
        for t in texts {
            let expected = date_parts_by_chars(trimmed(t));
            let got = parse_date(t);
            if expected.is_none() {
                assert_eq!(got, None, "{t:?}");
            }
            // Same parts: the rest of `parse_date` is unchanged; check a few outcomes.
            if let Some((a, b, c, _)) = expected {
                if a.len() == 4 && b.len() <= 2 && c.len() <= 2 && !t.contains('.') {
                    let ymd = (a.parse().unwrap(), b.parse().unwrap(), c.parse().unwrap());
                    assert_eq!(got, NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2), "{t:?}");
                }
            }
        }
        assert_eq!(
            parse_date("15/03/2024"),
            NaiveDate::from_ymd_opt(2024, 3, 15)
        );
        assert_eq!(parse_date("15.03.24"), NaiveDate::from_ymd_opt(2024, 3, 15));
    }

    #[test]
    fn plain_integers_as_parsed() {
        for t in [
            "0",
            "-0",
            "7",
            "-7",
            "12",
            "100000",
            "999999999999999",
            "-999999999999999",
            "123456789012345",
            "1000000000000000",
            "007",
            "-007",
            "00",
            "1.0",
            "-12.50",
        ] {
            let got = parse_number(t);
            let whole = !t.contains('.');
            let expected = number_of(t, whole, false, false).filter(|_| {
                !(t.trim_start_matches('-').len() > 1 && t.trim_start_matches('-').starts_with('0'))
            });
            assert_eq!(got, expected, "{t:?}");
            if let (Some(g), Some(e)) = (got, expected) {
                assert_eq!(g.value.to_bits(), e.value.to_bits(), "{t:?}: sign of zero");
            }
        }
    }
}
