//! KoboToolbox / ODK exports: column naming for `group/question` headers,
//! the submission metadata columns and `select_multiple` choice columns.
//! The rules are described in the module documentation of [`super`].

use super::infer::{is_sql_keyword, slugify, MAX_IDENT_LEN};

/// Headers that mark a KoboToolbox export.
const KOBO_MARKERS: &[&str] = &["_uuid", "_submission_time"];

/// What was recognised in the header.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// The file is a KoboToolbox export (see [`is_kobo`]).
    pub kobo: bool,
    /// Preferred base name of each column, when the Kobo rules give one.
    pub names: Vec<Option<String>>,
    /// Columns that are one choice of a `select_multiple` question.
    pub choice: Vec<bool>,
}

/// True when the header has `_uuid` or `_submission_time`, or both `_id`
/// and `_index`: the metadata columns every Kobo export carries.
pub(crate) fn is_kobo(labels: &[String]) -> bool {
    let has = |m: &str| labels.iter().any(|l| l == m);
    KOBO_MARKERS.iter().any(|m| has(m)) || (has("_id") && has("_index"))
}

/// A slug usable as a base column name (never a keyword, never starting with a digit).
fn base(slug: String) -> Option<String> {
    if slug.is_empty() {
        None
    } else if slug.starts_with(|c: char| c.is_ascii_digit()) || is_sql_keyword(&slug) {
        Some(format!("col_{slug}"))
    } else {
        Some(slug)
    }
}

fn truncate(mut name: String) -> String {
    if name.len() > MAX_IDENT_LEN {
        name.truncate(MAX_IDENT_LEN);
        while name.ends_with('_') {
            name.pop();
        }
    }
    name
}

/// Names for the columns of a header (`labels` trimmed, empty when unnamed).
pub(crate) fn layout(labels: &[String]) -> Layout {
    let kobo = is_kobo(labels);
    let n = labels.len();
    // A choice column is "P/choice" where "P" is itself a column.
    let parent: Vec<Option<usize>> = labels
        .iter()
        .map(|l| {
            let (p, choice) = l.rsplit_once('/')?;
            if p.is_empty() || choice.trim().is_empty() {
                return None;
            }
            labels.iter().position(|other| other == p)
        })
        .collect();
    let choice: Vec<bool> = parent.iter().map(Option::is_some).collect();
    // Question names: the last path segment in a Kobo export, when unique
    // among the questions; the whole path otherwise.
    let last_slug = |l: &str| slugify(l.rsplit('/').next().unwrap_or(l));
    let question = |i: usize| !choice[i] && !labels[i].starts_with('_') && !labels[i].is_empty();
    let mut names: Vec<Option<String>> = vec![None; n];
    for i in 0..n {
        let label = &labels[i];
        if label.is_empty() || choice[i] {
            continue;
        }
        if label.starts_with('_') {
            if kobo {
                // _id, _uuid, _submission_time, _index, __version__…
                let slug = slugify(label);
                if !slug.is_empty() {
                    names[i] = Some(truncate(format!("kobo_{slug}")));
                }
            }
            continue;
        }
        if kobo && label.contains('/') {
            let short = last_slug(label);
            let clashes = (0..n)
                .filter(|&j| j != i && question(j))
                .any(|j| last_slug(&labels[j]) == short || slugify(&labels[j]) == short);
            names[i] = if clashes {
                base(slugify(label))
            } else {
                base(short)
            };
        }
    }
    for i in 0..n {
        if let Some(p) = parent[i] {
            let parent_name = names[p].clone().or_else(|| base(slugify(&labels[p])));
            let choice_slug = labels[i]
                .rsplit('/')
                .next()
                .map(slugify)
                .unwrap_or_default();
            if let (Some(pn), false) = (parent_name, choice_slug.is_empty()) {
                names[i] = Some(truncate(format!("{pn}__{choice_slug}")));
            }
        }
    }
    Layout {
        kobo,
        names,
        choice,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn kobo_names() {
        let l = layout(&labels(&[
            "start",
            "menage/region",
            "menage/sources_eau",
            "menage/sources_eau/puits",
            "menage/sources_eau/robinet",
            "acces/region",
            "_id",
            "_uuid",
            "_submission_time",
            "_index",
            "__version__",
        ]));
        assert!(l.kobo);
        let names: Vec<Option<&str>> = l.names.iter().map(|n| n.as_deref()).collect();
        assert_eq!(
            names,
            [
                None,
                Some("menage_region"),
                Some("sources_eau"),
                Some("sources_eau__puits"),
                Some("sources_eau__robinet"),
                Some("acces_region"),
                Some("kobo_id"),
                Some("kobo_uuid"),
                Some("kobo_submission_time"),
                Some("kobo_index"),
                Some("kobo_version"),
            ]
        );
        assert_eq!(
            l.choice,
            [false, false, false, true, true, false, false, false, false, false, false]
        );
    }

    #[test]
    fn not_kobo() {
        let l = layout(&labels(&["group_a/q1", "x/y", "x/y/z", "_id"]));
        assert!(!l.kobo);
        assert_eq!(l.names[0], None);
        assert_eq!(l.names[3], None);
        // The select_multiple signature is recognised in any file.
        assert_eq!(l.names[2].as_deref(), Some("x_y__z"));
    }
}
