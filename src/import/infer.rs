//! Cell values, value parsing (French conventions first), per-column type
//! inference and column naming.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::i18n::Lang;
use crate::tr;

use super::{ColumnInfo, ColumnType};
pub(crate) use crate::i18n::parse::{
    all_digits, parse_bool, parse_date, parse_datetime, parse_number, trimmed,
};

/// One cell as read from a file, before typing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawCell {
    Empty,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// A spreadsheet error value such as `#DIV/0!`.
    Error(String),
}

impl RawCell {
    /// True when the cell holds nothing at all (not even a missing-value marker).
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            RawCell::Empty => true,
            RawCell::Text(s) => trimmed(s).is_empty(),
            _ => false,
        }
    }

    /// The text shown for this cell when it is kept as text.
    pub(crate) fn display(&self) -> String {
        match self {
            RawCell::Empty => String::new(),
            RawCell::Text(s) => s.trim().to_string(),
            RawCell::Int(i) => i.to_string(),
            RawCell::Float(f) => format_float(*f),
            RawCell::Bool(true) => "VRAI".to_string(),
            RawCell::Bool(false) => "FAUX".to_string(),
            RawCell::Date(d) => format_date(*d),
            RawCell::DateTime(dt) => format_datetime(*dt),
            RawCell::Error(e) => e.clone(),
        }
    }

    /// True when the cell is "text-like": a word rather than a number, date or boolean.
    pub(crate) fn is_wordy(&self) -> bool {
        match self {
            RawCell::Text(s) => {
                !is_missing_text(s)
                    && parse_number(s).is_none()
                    && parse_bool(s).is_none()
                    && parse_datetime(s).is_none()
            }
            _ => false,
        }
    }
}

/// A typed value ready to be stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Typed {
    Int(i64),
    Real(f64),
    Bool(bool),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

/// The final value of a cell in a column of a given type.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Converted {
    Null,
    Typed(Typed),
    /// A value that does not fit the column type (or any value of a text column).
    Text(String),
}

pub(crate) fn format_float(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

pub(crate) fn format_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn format_datetime(dt: NaiveDateTime) -> String {
    dt.format("%Y-%m-%d %H:%M:%S%.f").to_string()
}

const MISSING_MARKERS: &[&str] = &["na", "n/a", "#n/a", "n/d", "-", "--", "..", "...", "…"];

pub(crate) fn is_missing_text(s: &str) -> bool {
    let t = trimmed(s);
    // Every marker starts with one of these bytes (`…` with 0xE2).
    t.is_empty()
        || (matches!(t.as_bytes()[0], b'n' | b'N' | b'#' | b'-' | b'.' | 0xE2)
            && MISSING_MARKERS.iter().any(|m| t.eq_ignore_ascii_case(m)))
}

/// Which texts mean "no value": the default markers (any case), or the
/// list given as a Table Schema `missingValues` (exact match after
/// trimming). Blank cells and spreadsheet errors are always missing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Missing {
    custom: Option<Vec<String>>,
}

impl Missing {
    pub(crate) fn new(custom: Option<&[String]>) -> Missing {
        Missing {
            custom: custom.map(|v| v.iter().map(|m| m.trim().to_string()).collect()),
        }
    }

    pub(crate) fn is_missing_text(&self, s: &str) -> bool {
        match &self.custom {
            None => is_missing_text(s),
            Some(list) => {
                let t = trimmed(s);
                t.is_empty() || list.iter().any(|m| m == t)
            }
        }
    }

    pub(crate) fn is_missing(&self, cell: &RawCell) -> bool {
        match cell {
            RawCell::Empty | RawCell::Error(_) => true,
            RawCell::Text(s) => self.is_missing_text(s),
            _ => false,
        }
    }
}

/// "2.000", "-12.500": one dot followed by exactly three digits (1 to 3 before it). Alone
/// it is ambiguous (2 or 2000); in a column written with dot thousands or decimal commas
/// it is a whole number, which this returns.
pub(crate) fn single_dot_group(s: &str) -> Option<i64> {
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (a, b) = body.split_once('.')?;
    if a.is_empty() || a.len() > 3 || b.len() != 3 || !all_digits(a) || !all_digits(b) {
        return None;
    }
    if a.len() > 1 && a.starts_with('0') {
        return None;
    }
    let v: i64 = format!("{a}{b}").parse().ok()?;
    Some(if neg { -v } else { v })
}

/// How dots and commas are used in one text value, for the column's number style.
fn number_style(s: &str) -> (bool, bool, bool) {
    // (dot groups thousands for sure, comma is a decimal mark, dot is a decimal mark)
    // On bytes (one value per numeric cell, on the converting thread): `.` and `,` are
    // ASCII, and a non-ASCII character has no byte that is an ASCII digit.
    let t = s.trim().as_bytes();
    let dots = t.iter().filter(|&&b| b == b'.').count();
    let commas = t.iter().filter(|&&b| b == b',').count();
    let last = |sep: u8| t.iter().rposition(|&b| b == sep);
    // Digits right after the last `sep` (from the start when there is none).
    let after = |sep: u8| {
        let from = last(sep).map_or(0, |p| p + 1);
        t[from..].iter().take_while(|b| b.is_ascii_digit()).count()
    };
    let dot_groups = dots >= 2 || (dots >= 1 && commas == 1 && last(b'.') < last(b','));
    let comma_decimal = commas == 1 && dots == 0 && after(b',') != 3;
    let dot_decimal = dots == 1 && commas == 0 && after(b'.') != 3;
    (dot_groups, comma_decimal, dot_decimal)
}

/// Converts a cell for a column of type `ty`; `None` when it does not fit.
/// Missing cells must be filtered out before.
pub(crate) fn interpret(cell: &RawCell, ty: ColumnType, dot_thousands: bool) -> Option<Typed> {
    if dot_thousands {
        if let RawCell::Text(s) = cell {
            if let Some(i) = single_dot_group(s) {
                return match ty {
                    ColumnType::Integer => Some(Typed::Int(i)),
                    ColumnType::Number => Some(Typed::Real(i as f64)),
                    _ => None,
                };
            }
        }
    }
    match (ty, cell) {
        (ColumnType::Integer, RawCell::Int(i)) => Some(Typed::Int(*i)),
        (ColumnType::Integer, RawCell::Float(f)) => {
            (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(Typed::Int(*f as i64))
        }
        (ColumnType::Integer, RawCell::Text(s)) => parse_number(s)?.int.map(Typed::Int),
        (ColumnType::Number, RawCell::Int(i)) => Some(Typed::Real(*i as f64)),
        (ColumnType::Number, RawCell::Float(f)) => f.is_finite().then_some(Typed::Real(*f)),
        (ColumnType::Number, RawCell::Text(s)) => parse_number(s).map(|n| Typed::Real(n.value)),
        (ColumnType::Boolean, RawCell::Bool(b)) => Some(Typed::Bool(*b)),
        (ColumnType::Boolean, RawCell::Int(i @ (0 | 1))) => Some(Typed::Bool(*i == 1)),
        (ColumnType::Boolean, RawCell::Float(f)) if *f == 0.0 || *f == 1.0 => {
            Some(Typed::Bool(*f == 1.0))
        }
        (ColumnType::Boolean, RawCell::Text(s)) => parse_bool(s).map(Typed::Bool),
        (ColumnType::Date, RawCell::Date(d)) => Some(Typed::Date(*d)),
        (ColumnType::Date, RawCell::Text(s)) => parse_date(s).map(Typed::Date),
        (ColumnType::Datetime, RawCell::DateTime(dt)) => Some(Typed::DateTime(*dt)),
        (ColumnType::Datetime, RawCell::Date(d)) => {
            Some(Typed::DateTime(d.and_time(NaiveTime::MIN)))
        }
        (ColumnType::Datetime, RawCell::Text(s)) => parse_datetime(s).map(Typed::DateTime),
        _ => None,
    }
}

/// Final value of a cell in a column of type `ty`.
pub(crate) fn convert(
    cell: &RawCell,
    ty: ColumnType,
    dot_thousands: bool,
    missing: &Missing,
) -> Converted {
    if missing.is_missing(cell) {
        return Converted::Null;
    }
    if ty == ColumnType::Text {
        return Converted::Text(cell.display());
    }
    match interpret(cell, ty, dot_thousands) {
        Some(v) => Converted::Typed(v),
        None => Converted::Text(cell.display()),
    }
}

const CANDIDATES: [ColumnType; 5] = [
    ColumnType::Integer,
    ColumnType::Number,
    ColumnType::Boolean,
    ColumnType::Date,
    ColumnType::Datetime,
];

/// Share of values that must fit a type for the column to get it.
const FIT_PERCENT: u64 = 95;

/// Statistics gathered over one column during the first pass.
#[derive(Debug, Default, Clone)]
pub(crate) struct ColumnStats {
    /// Any non-blank cell (including missing markers) was seen.
    pub has_any: bool,
    pub non_missing: u64,
    fits: [u64; 5],
    /// First value not fitting each candidate type.
    misfit_example: [Option<String>; 5],
    currency: u64,
    percent: u64,
    /// Number style of the column's text values (see [`ColumnStats::dot_thousands`]).
    dot_groups: u64,
    comma_decimals: u64,
    dot_decimals: u64,
    single_dot_groups: u64,
    errors: u64,
    error_example: Option<String>,
}

impl ColumnStats {
    pub(crate) fn observe(&mut self, cell: &RawCell, missing: &Missing) {
        self.observe_as(cell, missing, None);
    }

    /// [`ColumnStats::observe`], also giving the cell's value in a column of type
    /// `as_type` (with its dot-thousands style) as [`convert`] would, the text parsed
    /// once for both: `None` when the cell is missing (NULL), else the typed value or
    /// `Some(None)` when the text is kept.
    pub(crate) fn observe_as(
        &mut self,
        cell: &RawCell,
        missing: &Missing,
        as_type: Option<(ColumnType, bool)>,
    ) -> Option<Option<Typed>> {
        if cell.is_blank() {
            return None;
        }
        self.has_any = true;
        if let RawCell::Error(e) = cell {
            self.errors += 1;
            if self.error_example.is_none() {
                self.error_example = Some(e.clone());
            }
        }
        if missing.is_missing(cell) {
            return None;
        }
        self.non_missing += 1;
        let mut typed = None;
        let fits: [bool; 5] = match cell {
            // Text is parsed once per kind instead of once per candidate.
            RawCell::Text(s) => {
                let number = parse_number(s);
                let mut dot_group = None;
                if let Some(n) = number {
                    self.currency += u64::from(n.currency);
                    self.percent += u64::from(n.percent);
                    // Without a dot or a comma the style says nothing.
                    if s.bytes().any(|b| b == b'.' || b == b',') {
                        let (groups, comma_dec, dot_dec) = number_style(s);
                        self.dot_groups += u64::from(groups);
                        self.comma_decimals += u64::from(comma_dec);
                        self.dot_decimals += u64::from(dot_dec);
                        dot_group = single_dot_group(s);
                        self.single_dot_groups += u64::from(dot_group.is_some());
                    }
                }
                let starts_digit = trimmed(s).starts_with(|c: char| c.is_ascii_digit());
                let date = if starts_digit { parse_date(s) } else { None };
                // A date and time has a `T` or a space between them.
                let datetime = match date {
                    Some(d) => Some(d.and_time(NaiveTime::MIN)),
                    None if starts_digit && trimmed(s).bytes().any(|b| b == b'T' || b == b' ') => {
                        parse_datetime(s)
                    }
                    None => None,
                };
                let boolean = parse_bool(s);
                if let Some((ty, dots)) = as_type {
                    // As `interpret`: in a dot-thousands column "2.000" is 2000 or no fit.
                    let dotted = if dots {
                        dot_group.or_else(|| single_dot_group(s))
                    } else {
                        None
                    };
                    typed = match (dotted, ty) {
                        (Some(i), ColumnType::Integer) => Some(Typed::Int(i)),
                        (Some(i), ColumnType::Number) => Some(Typed::Real(i as f64)),
                        (Some(_), _) | (None, ColumnType::Text) => None,
                        (None, ColumnType::Integer) => number.and_then(|n| n.int).map(Typed::Int),
                        (None, ColumnType::Number) => number.map(|n| Typed::Real(n.value)),
                        (None, ColumnType::Boolean) => boolean.map(Typed::Bool),
                        (None, ColumnType::Date) => date.map(Typed::Date),
                        (None, ColumnType::Datetime) => datetime.map(Typed::DateTime),
                    };
                }
                [
                    number.is_some_and(|n| n.int.is_some()),
                    number.is_some(),
                    boolean.is_some(),
                    date.is_some(),
                    datetime.is_some(),
                ]
            }
            _ => {
                if let Some((ty, dots)) = as_type {
                    if ty != ColumnType::Text {
                        typed = interpret(cell, ty, dots);
                    }
                }
                CANDIDATES.map(|ty| interpret(cell, ty, false).is_some())
            }
        };
        for (i, fit) in fits.into_iter().enumerate() {
            if fit {
                self.fits[i] += 1;
            } else if self.misfit_example[i].is_none() {
                self.misfit_example[i] = Some(cell.display());
            }
        }
        Some(typed)
    }

    /// True when the column writes thousands with dots (French style: "1.234.567",
    /// "1.234,5", or decimal commas elsewhere in the column) and never uses a dot as a
    /// decimal mark: then "2.000" means 2000, not 2.
    pub(crate) fn dot_thousands(&self) -> bool {
        self.single_dot_groups > 0
            && self.dot_decimals == 0
            && (self.dot_groups > 0 || self.comma_decimals > 0)
    }

    /// Values fitting candidate `i`, counting "2.000" as a whole number in dot-thousands
    /// columns.
    fn fits_of(&self, i: usize) -> u64 {
        if i == 0 && self.dot_thousands() {
            self.fits[0] + self.single_dot_groups
        } else {
            self.fits[i]
        }
    }

    /// True when every non-missing value (at least one) fits `ty`.
    pub(crate) fn all_fit(&self, ty: ColumnType) -> bool {
        CANDIDATES
            .iter()
            .position(|c| *c == ty)
            .is_some_and(|i| self.non_missing > 0 && self.fits_of(i) == self.non_missing)
    }

    /// The type of the column: the candidate that fits the most values, if it
    /// fits at least 95% of them (ties go to the more specific type).
    pub(crate) fn decide(&self) -> ColumnType {
        if self.non_missing == 0 {
            return ColumnType::Text;
        }
        let mut best = 0;
        for i in 1..CANDIDATES.len() {
            if self.fits_of(i) > self.fits_of(best) {
                best = i;
            }
        }
        if self.fits_of(best) * 100 >= self.non_missing * FIT_PERCENT {
            CANDIDATES[best]
        } else {
            ColumnType::Text
        }
    }

    /// Warnings (in `lang`) about this column once its type is known.
    pub(crate) fn warnings(&self, lang: Lang, label: &str, ty: ColumnType) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(i) = CANDIDATES.iter().position(|c| *c == ty) {
            let misfits = self.non_missing.saturating_sub(self.fits_of(i));
            if misfits > 0 {
                let example = self.misfit_example[i].as_deref().unwrap_or_default();
                out.push(tr!(
                    lang,
                    "import-column-misfits",
                    label = label,
                    count = misfits.to_string(),
                    n = misfits,
                    noun = type_noun(lang, ty, misfits),
                    example = example
                ));
            }
        }
        if ty == ColumnType::Number && self.currency > 0 {
            out.push(tr!(lang, "import-column-currency", label = label));
        }
        if ty == ColumnType::Number && self.percent > 0 {
            out.push(tr!(lang, "import-column-percent", label = label));
        }
        if self.errors > 0 {
            out.push(tr!(
                lang,
                "import-column-formula-errors",
                label = label,
                count = self.errors.to_string(),
                n = self.errors,
                example = self.error_example.as_deref().unwrap_or_default()
            ));
        }
        out
    }
}

/// What values of type `ty` are, in `lang`, for `n` of them ("un nombre entier", "des
/// nombres entiers").
fn type_noun(lang: Lang, ty: ColumnType, n: u64) -> String {
    let key = match ty {
        ColumnType::Integer => "import-type-integer",
        ColumnType::Number => "import-type-number",
        ColumnType::Boolean => "import-type-boolean",
        ColumnType::Date => "import-type-date",
        ColumnType::Datetime => "import-type-datetime",
        ColumnType::Text => "import-type-text",
    };
    tr!(lang, key, n = n)
}

/// Maximum length of a generated identifier.
pub(crate) const MAX_IDENT_LEN: usize = 63;

/// Snake_case ASCII identifier from free text ([`crate::i18n::text::slug`], at most
/// [`MAX_IDENT_LEN`] bytes). May return an empty string, or one starting with a digit.
pub(crate) fn slugify(text: &str) -> String {
    crate::i18n::text::slug(text, MAX_IDENT_LEN)
}

/// SQLite keywords: never used bare as generated identifiers.
pub(crate) const SQL_KEYWORDS: &[&str] = &[
    "abort",
    "action",
    "add",
    "after",
    "all",
    "alter",
    "always",
    "analyze",
    "and",
    "as",
    "asc",
    "attach",
    "autoincrement",
    "before",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "current",
    "current_date",
    "current_time",
    "current_timestamp",
    "database",
    "default",
    "deferrable",
    "deferred",
    "delete",
    "desc",
    "detach",
    "distinct",
    "do",
    "drop",
    "each",
    "else",
    "end",
    "escape",
    "except",
    "exclude",
    "exclusive",
    "exists",
    "explain",
    "fail",
    "filter",
    "first",
    "following",
    "for",
    "foreign",
    "from",
    "full",
    "generated",
    "glob",
    "group",
    "groups",
    "having",
    "if",
    "ignore",
    "immediate",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "insert",
    "instead",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "last",
    "left",
    "like",
    "limit",
    "match",
    "materialized",
    "natural",
    "no",
    "not",
    "nothing",
    "notnull",
    "null",
    "nulls",
    "of",
    "offset",
    "on",
    "or",
    "order",
    "others",
    "outer",
    "over",
    "partition",
    "plan",
    "pragma",
    "preceding",
    "primary",
    "query",
    "raise",
    "range",
    "recursive",
    "references",
    "regexp",
    "reindex",
    "release",
    "rename",
    "replace",
    "restrict",
    "returning",
    "right",
    "rollback",
    "row",
    "rows",
    "savepoint",
    "select",
    "set",
    "table",
    "temp",
    "temporary",
    "then",
    "ties",
    "to",
    "transaction",
    "trigger",
    "unbounded",
    "union",
    "unique",
    "update",
    "using",
    "vacuum",
    "values",
    "view",
    "virtual",
    "when",
    "where",
    "window",
    "with",
    "without",
    "rowid",
    "oid",
    "_rowid_",
];

pub(crate) fn is_sql_keyword(name: &str) -> bool {
    SQL_KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(name))
}

/// Names and labels for the columns of a table, with warnings (in `lang`) for
/// unnamed and duplicate columns. `labels` are the trimmed header texts
/// (empty when the header cell is empty or there is no header).
/// `preferred` gives a base name for some columns (KoboToolbox rules).
pub(crate) fn name_columns(
    lang: Lang,
    labels: &[String],
    has_header: bool,
    preferred: &[Option<String>],
) -> (Vec<(String, String)>, Vec<String>) {
    // Names taken so far (lowercase), and the next suffix to try per base name: linear
    // in the number of columns even when thousands of header cells are the same.
    let mut used: std::collections::HashSet<String> =
        std::collections::HashSet::with_capacity(labels.len());
    let mut next_suffix: std::collections::HashMap<String, usize> = Default::default();
    // Per duplicated base name: (first renamed position, last new name, count).
    let mut renamed: Vec<(String, usize, String, usize)> = Vec::new();
    let mut out = Vec::with_capacity(labels.len());
    let mut warnings = Vec::new();
    let mut unnamed = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let position = i + 1;
        let (base, label) = if label.is_empty() {
            let generated = format!("colonne_{position}");
            if has_header {
                unnamed.push(position.to_string());
            }
            (generated.clone(), generated)
        } else if let Some(Some(name)) = preferred.get(i) {
            (name.clone(), label.clone())
        } else {
            let mut slug = slugify(label);
            if slug.is_empty() {
                slug = format!("colonne_{position}");
            } else if slug.starts_with(|c: char| c.is_ascii_digit()) || is_sql_keyword(&slug) {
                slug = format!("col_{slug}");
            }
            (slug, label.clone())
        };
        let mut name = base.clone();
        if used.contains(&name.to_ascii_lowercase()) {
            let key = base.to_ascii_lowercase();
            let n = next_suffix.entry(key.clone()).or_insert(2);
            loop {
                name = format!("{base}_{n}");
                *n += 1;
                if !used.contains(&name.to_ascii_lowercase()) {
                    break;
                }
            }
            match renamed.iter_mut().find(|r| r.0 == key) {
                Some(r) => {
                    r.2 = name.clone();
                    r.3 += 1;
                }
                None => renamed.push((key, position, name.clone(), 1)),
            }
        }
        used.insert(name.to_ascii_lowercase());
        out.push((name, label));
    }
    for (base, first, last, count) in renamed.iter().take(20) {
        warnings.push(if *count == 1 {
            tr!(
                lang,
                "import-duplicate-name-once",
                name = base,
                position = first.to_string(),
                renamed = last
            )
        } else {
            tr!(
                lang,
                "import-duplicate-name-many",
                name = base,
                count = (count + 1).to_string(),
                n = count + 1,
                first = format!("{base}_2"),
                last = last
            )
        });
    }
    if !unnamed.is_empty() {
        warnings.insert(
            0,
            tr!(
                lang,
                "import-unnamed-columns",
                positions = unnamed.join(", "),
                n = unnamed.len()
            ),
        );
    }
    (out, warnings)
}

/// Builds the public column descriptions.
pub(crate) fn column_infos(named: &[(String, String)], types: &[ColumnType]) -> Vec<ColumnInfo> {
    named
        .iter()
        .zip(types)
        .map(|((name, label), ty)| ColumnInfo {
            name: name.clone(),
            label: label.clone(),
            column_type: *ty,
            hxl: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_french_and_english() {
        let v = |s: &str| parse_number(s).map(|n| n.value);
        assert_eq!(v("12,5"), Some(12.5));
        assert_eq!(v("12.5"), Some(12.5));
        assert_eq!(v("1 234 567"), Some(1_234_567.0));
        assert_eq!(v("1\u{a0}234,5"), Some(1234.5));
        assert_eq!(v("1\u{202f}234"), Some(1234.0));
        assert_eq!(v("1.234.567"), Some(1_234_567.0));
        assert_eq!(v("1.234,5"), Some(1234.5));
        assert_eq!(v("1,234.5"), Some(1234.5));
        assert_eq!(v("-3"), Some(-3.0));
        assert_eq!(v("12 %"), Some(12.0));
        assert_eq!(v("15 000 FCFA"), Some(15000.0));
        assert_eq!(v("2500F"), Some(2500.0));
        assert_eq!(v("1,5E+06"), Some(1_500_000.0));
        assert_eq!(v("007"), None);
        assert_eq!(v("12 34"), None);
        assert_eq!(v("abc"), None);
        assert_eq!(v("inf"), None);
        assert_eq!(v("F"), None);
        assert_eq!(v("1.2.3"), None);
        assert_eq!(parse_number("42").and_then(|n| n.int), Some(42));
        assert_eq!(parse_number("1 000").and_then(|n| n.int), Some(1000));
        assert_eq!(parse_number("12,0").and_then(|n| n.int), None);
        assert!(parse_number("15 000 FCFA").is_some_and(|n| n.currency && n.int.is_none()));
    }

    #[test]
    fn dates_and_datetimes() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(parse_date("2024-03-15"), d(2024, 3, 15));
        assert_eq!(parse_date("15/03/2024"), d(2024, 3, 15));
        assert_eq!(parse_date("05-04-09"), d(2009, 4, 5));
        assert_eq!(parse_date("31/02/2024"), None);
        assert_eq!(parse_date("12"), None);
        let dt = parse_datetime("2024-03-15T08:30:00.000+01:00");
        assert_eq!(
            dt.map(format_datetime).as_deref(),
            Some("2024-03-15 08:30:00")
        );
        let dt = parse_datetime("15/03/2024 08:30");
        assert_eq!(
            dt.map(format_datetime).as_deref(),
            Some("2024-03-15 08:30:00")
        );
    }

    #[test]
    fn slugs() {
        crate::i18n::text::tests::check_slugs(MAX_IDENT_LEN, slugify);
    }

    #[test]
    fn inference_threshold() {
        let m = Missing::default();
        let mut s = ColumnStats::default();
        for i in 0..40 {
            s.observe(&RawCell::Text(i.to_string()), &m);
        }
        s.observe(&RawCell::Text("abc".into()), &m);
        s.observe(&RawCell::Text("NA".into()), &m);
        assert_eq!(s.decide(), ColumnType::Integer);
        let w = s.warnings(Lang::Fr, "x", ColumnType::Integer);
        assert_eq!(
            w,
            vec!["Colonne « x » : 1 valeur n'est pas un nombre entier (ex. « abc ») ; elle est gardée telle quelle.".to_string()]
        );
        for _ in 0..3 {
            s.observe(&RawCell::Text("zzz".into()), &m);
        }
        assert_eq!(s.decide(), ColumnType::Text);
    }

    #[test]
    fn a_lone_dot_group_follows_the_column_style() {
        let missing = Missing::new(None);
        let column = |values: &[&str]| {
            let mut st = ColumnStats::default();
            for v in values {
                st.observe(&RawCell::Text((*v).to_string()), &missing);
            }
            st
        };
        // French: dots group thousands elsewhere, or decimals are commas.
        let fr = column(&["1.234.567", "2.000", "987"]);
        assert!(fr.dot_thousands());
        assert_eq!(fr.decide(), ColumnType::Integer);
        assert!(column(&["12,5", "2.000"]).dot_thousands());
        let cell = RawCell::Text("2.000".into());
        assert!(matches!(
            interpret(&cell, ColumnType::Integer, true),
            Some(Typed::Int(2000))
        ));
        // English decimals, or no evidence at all: 2.000 stays 2.
        let en = column(&["1.5", "2.000"]);
        assert!(!en.dot_thousands());
        assert_eq!(en.decide(), ColumnType::Number);
        assert!(!column(&["2.000", "3.500"]).dot_thousands());
        assert!(
            matches!(interpret(&cell, ColumnType::Number, false), Some(Typed::Real(v)) if v == 2.0)
        );
    }

    #[test]
    fn observing_and_converting_at_once_converts_as_convert_does() {
        let texts = [
            "12",
            "-3",
            "007",
            "12,5",
            "12.5",
            "1 234",
            "1.234.567",
            "2.000",
            "-12.500",
            "1,234.5",
            "12 %",
            "15 000 FCFA",
            "$-5",
            "1,5E+06",
            "oui",
            "Non",
            "1",
            "0",
            "2024-03-15",
            "15/03/2024",
            "2024-03-15 08:30",
            "2024-03-15T08:30:00Z",
            "31/02/2024",
            "abc",
            "NA",
            "-",
            "…",
            "  ",
            "",
            " 42 ",
            "n/d",
            "1.5.2024",
            "12:30",
        ];
        let mut cells: Vec<RawCell> = texts.iter().map(|t| RawCell::Text(t.to_string())).collect();
        cells.extend([
            RawCell::Empty,
            RawCell::Int(1),
            RawCell::Float(2.5),
            RawCell::Bool(true),
            RawCell::Date(NaiveDate::from_ymd_opt(2024, 3, 15).unwrap_or_default()),
            RawCell::Error("#DIV/0!".into()),
        ]);
        let types = [
            ColumnType::Integer,
            ColumnType::Number,
            ColumnType::Boolean,
            ColumnType::Date,
            ColumnType::Datetime,
            ColumnType::Text,
        ];
        for missing in [Missing::new(None), Missing::new(Some(&["abc".to_string()]))] {
            for cell in &cells {
                let mut plain = ColumnStats::default();
                plain.observe(cell, &missing);
                for ty in types {
                    for dots in [false, true] {
                        let mut both = ColumnStats::default();
                        let got = match both.observe_as(cell, &missing, Some((ty, dots))) {
                            None => Converted::Null,
                            Some(Some(v)) => Converted::Typed(v),
                            Some(None) => Converted::Text(cell.display()),
                        };
                        assert_eq!(
                            got,
                            convert(cell, ty, dots, &missing),
                            "{cell:?} {ty:?} {dots}"
                        );
                        // The statistics are those of observing alone.
                        assert_eq!(format!("{both:?}"), format!("{plain:?}"), "{cell:?}");
                    }
                }
            }
        }
    }

    /// `number_style`'s former code (char patterns), the reference for the one on bytes.
    fn style_by_chars(s: &str) -> (bool, bool, bool) {
        let t = s.trim();
        let (dots, commas) = (t.matches('.').count(), t.matches(',').count());
        let after = |sep: char| {
            let x = t.rsplit(sep).next().unwrap_or("");
            x.chars().take_while(char::is_ascii_digit).count()
        };
        let dot_groups = dots >= 2 || (dots >= 1 && commas == 1 && t.rfind('.') < t.rfind(','));
        let comma_decimal = commas == 1 && dots == 0 && after(',') != 3;
        let dot_decimal = dots == 1 && commas == 0 && after('.') != 3;
        (dot_groups, comma_decimal, dot_decimal)
    }

    #[test]
    fn number_style_as_by_chars() {
        for t in [
            "1.234",
            "1.234.567",
            "1.234,5",
            "1,234.5",
            "12,5",
            "12.5",
            "1,234",
            "0.25",
            "",
            ".",
            ",",
            "1.",
            ",5",
            " 1 234,56 ",
            "1.2é3",
            "1,٢٣٤",
            "12.35",
            "1234.56",
            "1.2,3.4",
            "€1.234",
            "1,23",
            "1,2345",
            "-3.000",
            "1.000,00",
            "12 %",
            "1.23e5",
            "1,5E+06",
        ] {
            assert_eq!(number_style(t), style_by_chars(t), "{t:?}");
        }
    }
}
