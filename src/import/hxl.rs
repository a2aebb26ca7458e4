//! HXL hashtag rows (Humanitarian Exchange Language, <https://hxlstandard.org/>): a row of
//! `#tag+attribute` cells under the header row (or in place of it) that says what each
//! column holds (`#date`, `#adm1+name`, `#geo+lat`…). HDX datasets and Ushahidi exports
//! have one. It is metadata, not data: the importer skips it and keeps the tags with the
//! columns, and the Table Schema check of pack datasets ([`crate::pack::tableschema`]) skips it
//! too, through the same [`hashtag_row`].
//!
//! When is a row a hashtag row? A data row may hold a hashtag (a tweet's `#Tchad`), so the
//! rule is strict:
//! 1. more than half of its non-empty cells are hashtag specs (`#` + a tag
//!    `[A-Za-z][A-Za-z0-9_]*`, then `+attribute`s of the same form, spaces allowed around
//!    `+`), and none of the others looks like data (a number, a date, a yes/no);
//! 2. at least one of its tags is an HXL core hashtag (`#date`, `#adm1`, `#geo`,
//!    `#sector`…, see [`CORE_TAGS`]), an extension tag `#x_…`, or carries an attribute:
//!    a row of Twitter hashtags is none of these;
//! 3. the rows under it do not hold hashtags in the same columns (in most of their
//!    cells): a column of hashtags is data, whatever its first value.

use crate::i18n::Lang;
use crate::tr;

use super::infer::{parse_bool, parse_datetime, parse_number};

/// Rows under a candidate looked at by rule 3 (callers pass at most this many).
pub const LOOKAHEAD: usize = 20;

/// The HXL 1.1 core hashtags (the dictionary's list), lower case, without `#`.
pub const CORE_TAGS: &[&str] = &[
    "access",
    "activity",
    "adm1",
    "adm2",
    "adm3",
    "adm4",
    "adm5",
    "affected",
    "beneficiary",
    "capacity",
    "cause",
    "channel",
    "contact",
    "country",
    "crisis",
    "currency",
    "date",
    "delivery",
    "description",
    "event",
    "frequency",
    "function",
    "geo",
    "group",
    "impact",
    "indicator",
    "inneed",
    "item",
    "loc",
    "meta",
    "modality",
    "need",
    "operations",
    "org",
    "output",
    "population",
    "position",
    "reached",
    "region",
    "respondee",
    "sector",
    "service",
    "severity",
    "status",
    "subsector",
    "targeted",
    "value",
];

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A hashtag spec in its normal form: `#adm1 +Name` → `#adm1+name` (lower case, spaces
/// removed, attributes in the order written); `None` when `cell` is not a hashtag spec.
pub fn parse_hashtag(cell: &str) -> Option<String> {
    let body = cell.trim().strip_prefix('#')?;
    let mut parts = body.split('+');
    let tag = parts.next()?.trim_end();
    // No space between `#` and the tag: "# date" is text.
    if !is_name(tag) {
        return None;
    }
    let mut out = format!("#{}", tag.to_ascii_lowercase());
    for attr in parts {
        let attr = attr.trim();
        if !is_name(attr) {
            return None;
        }
        out.push('+');
        out.push_str(&attr.to_ascii_lowercase());
    }
    Some(out)
}

/// True when a normalised spec names a core or extension tag, or has an attribute.
fn is_hxl_like(spec: &str) -> bool {
    let tag = spec
        .trim_start_matches('#')
        .split('+')
        .next()
        .unwrap_or_default();
    spec.contains('+') || tag.starts_with("x_") || CORE_TAGS.contains(&tag)
}

fn looks_like_data(cell: &str) -> bool {
    parse_number(cell).is_some() || parse_datetime(cell).is_some() || parse_bool(cell).is_some()
}

/// The tags of `row` when it is an HXL hashtag row (see the module's rules), one per cell
/// (`None` for an empty cell, or for a non-hashtag text cell the rule tolerates); `below`
/// are the rows that follow it (the first [`LOOKAHEAD`] are looked at).
pub fn hashtag_row<S, R>(row: &[S], below: &[R]) -> Option<Vec<Option<String>>>
where
    S: AsRef<str>,
    R: AsRef<[S]>,
{
    let mut tags = Vec::with_capacity(row.len());
    let (mut filled, mut tagged, mut hxl_like) = (0usize, 0usize, false);
    for cell in row {
        let text = cell.as_ref().trim();
        if text.is_empty() {
            tags.push(None);
            continue;
        }
        filled += 1;
        match parse_hashtag(text) {
            Some(spec) => {
                tagged += 1;
                hxl_like |= is_hxl_like(&spec);
                tags.push(Some(spec));
            }
            None if looks_like_data(text) => return None,
            None => tags.push(None),
        }
    }
    if tagged == 0 || tagged * 2 <= filled || !hxl_like {
        return None;
    }
    // Rule 3: hashtags in most of the tagged columns' cells below are data.
    let (mut cells, mut hashtags) = (0usize, 0usize);
    for r in below.iter().take(LOOKAHEAD) {
        for (cell, tag) in r.as_ref().iter().zip(&tags) {
            let text = cell.as_ref().trim();
            if tag.is_none() || text.is_empty() {
                continue;
            }
            cells += 1;
            hashtags += usize::from(parse_hashtag(text).is_some());
        }
    }
    if hashtags * 2 > cells {
        return None;
    }
    Some(tags)
}

/// The note (in `lang`) saying a hashtag row was recognised at `row` (1-based), with its
/// first tags; `names_from_tags` when there was no label row above it.
pub(crate) fn note(
    lang: Lang,
    row: usize,
    tags: &[Option<String>],
    names_from_tags: bool,
) -> String {
    const SHOWN: usize = 8;
    let all: Vec<&str> = tags.iter().flatten().map(String::as_str).collect();
    let mut list = all
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    list.push(if all.len() > SHOWN { '…' } else { '.' });
    let mut text = tr!(lang, "import-hxl-row", row = row.to_string(), list = list);
    if names_from_tags {
        text.push(' ');
        text.push_str(&tr!(lang, "import-hxl-names-from-tags"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn detect(first: &[&str], below: &[&[&str]]) -> Option<Vec<Option<String>>> {
        let below: Vec<Vec<String>> = below.iter().map(|r| row(r)).collect();
        hashtag_row(&row(first), &below)
    }

    #[test]
    fn hashtag_specs_are_parsed_and_normalised() {
        assert_eq!(parse_hashtag("#date").as_deref(), Some("#date"));
        assert_eq!(
            parse_hashtag(" #adm1 +name ").as_deref(),
            Some("#adm1+name")
        );
        assert_eq!(parse_hashtag("#Geo+Lat").as_deref(), Some("#geo+lat"));
        assert_eq!(
            parse_hashtag("#affected +f +children").as_deref(),
            Some("#affected+f+children")
        );
        assert_eq!(
            parse_hashtag("#x_ushahidi_id").as_deref(),
            Some("#x_ushahidi_id")
        );
        for bad in [
            "",
            "#",
            "date",
            "# date",
            "#1date",
            "#adm1+",
            "#adm1++name",
            "#adm1+na me",
            "#N/A",
            "#DIV/0!",
            "#geo-lat",
            "##date",
        ] {
            assert_eq!(parse_hashtag(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_ushahidi_or_hdx_tag_row_is_recognised() {
        let tags = detect(
            &[
                "#meta+id",
                "",
                "#date+created",
                "#adm1 +name",
                "#geo+lat",
                "#geo+lon",
                "#sector",
            ],
            &[&[
                "12",
                "publié",
                "2024-03-01 08:00:00",
                "Guéra",
                "11.9",
                "18.4",
                "Santé",
            ]],
        )
        .expect("a tag row");
        assert_eq!(tags[0].as_deref(), Some("#meta+id"));
        assert_eq!(tags[1], None);
        assert_eq!(tags[3].as_deref(), Some("#adm1+name"));
        assert_eq!(tags.len(), 7);
        // The last row of a file (no data under it) is still a tag row.
        assert!(detect(&["#date", "#adm1+name"], &[]).is_some());
    }

    #[test]
    fn a_data_row_with_a_twitter_hashtag_is_not_a_tag_row() {
        let data: &[&[&str]] = &[&["124", "#Tchad", "2024-03-02"]];
        // One hashtag among data values.
        assert!(detect(&["123", "#education", "2024-03-01"], data).is_none());
        // One hashtag and one word: not "most".
        assert!(detect(&["Message du jour", "#Tchad"], &[]).is_none());
        // Only hashtags, but none is an HXL tag (no core tag, no attribute).
        assert!(detect(&["#tchad", "#sante"], &[&["#ecole", "#eau"]]).is_none());
        // A hashtag and a number: never a tag row.
        assert!(detect(&["#date", "#adm1", "12"], &[]).is_none());
        assert!(detect(&["#date", "#adm1", "oui"], &[]).is_none());
        // HXL-looking tags in a column of hashtags are the column's values.
        assert!(detect(
            &["#date", "#sector"],
            &[
                &["#date+start", "#sector+code"],
                &["#geo", "#org"],
                &["#loc", "x"]
            ]
        )
        .is_none());
        // Empty rows and rows of words are not tag rows.
        assert!(detect(&["", " "], &[]).is_none());
        assert!(detect(&["Date", "Province"], &[]).is_none());
    }

    #[test]
    fn a_few_text_cells_are_tolerated_but_not_data() {
        let tags = detect(
            &["HXL", "#date", "#adm1+name"],
            &[&["1", "2024-01-01", "Lac"]],
        )
        .expect("most cells are tags");
        assert_eq!(
            tags,
            vec![None, Some("#date".into()), Some("#adm1+name".into())]
        );
    }

    #[test]
    fn the_note_lists_the_first_tags() {
        let tags: Vec<Option<String>> = (1..=10).map(|i| Some(format!("#adm{i}"))).collect();
        let n = note(Lang::Fr, 2, &tags, false);
        assert!(
            n.starts_with("Ligne de balises HXL reconnue (ligne 2) : #adm1, #adm2,"),
            "{n}"
        );
        assert!(n.contains("#adm8…"), "{n}");
        assert!(!n.contains("#adm9"), "{n}");
        assert!(note(Lang::Fr, 1, &tags, true).contains("nommées d'après leurs balises"));
    }
}
