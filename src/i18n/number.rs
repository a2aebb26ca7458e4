//! Numbers written for people: the French way (`1 234 567,5`), which is how every number
//! a trainee reads is shown (charts, indicators, messages).

/// Formats a number the French way: thousands separated by U+202F (narrow
/// no-break space), decimal comma, `-` for negatives, never `-0`.
///
/// `format_number_fr(1234567.5, 1)` gives `"1 234 567,5"`. Non-finite
/// values give `"NaN"`, `"∞"` or `"-∞"`.
pub fn format_number_fr(value: f64, decimals: usize) -> String {
    if value.is_nan() {
        return "NaN".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    let digits = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits.as_str(), None),
    };
    let is_zero = digits.bytes().all(|b| b == b'0' || b == b'.');
    let mut out = String::with_capacity(digits.len() + 8);
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    let len = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NNBSP: char = '\u{202F}';

    #[test]
    fn french_number_format() {
        assert_eq!(
            format_number_fr(1_234_567.5, 1),
            "1\u{202F}234\u{202F}567,5"
        );
        assert_eq!(format_number_fr(951_418.0, 0), format!("951{NNBSP}418"));
        assert_eq!(format_number_fr(-1234.0, 0), format!("-1{NNBSP}234"));
        assert_eq!(format_number_fr(1000.0, 0), format!("1{NNBSP}000"));
        assert_eq!(format_number_fr(999.0, 0), "999");
        assert_eq!(format_number_fr(100_000.0, 0), format!("100{NNBSP}000"));
        assert_eq!(format_number_fr(0.0, 0), "0");
        assert_eq!(format_number_fr(12.0, 2), "12,00");
        assert_eq!(format_number_fr(0.75, 2), "0,75");
        assert_eq!(format_number_fr(999.999, 2), format!("1{NNBSP}000,00"));
        assert_eq!(format_number_fr(-3.25, 2), "-3,25");
        // Never "-0".
        assert_eq!(format_number_fr(-0.0, 0), "0");
        assert_eq!(format_number_fr(-0.004, 2), "0,00");
        assert_eq!(format_number_fr(-0.4, 0), "0");
        assert_eq!(format_number_fr(f64::NAN, 0), "NaN");
    }
}
