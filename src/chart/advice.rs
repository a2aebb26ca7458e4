//! Chart advice: from the column types and the kind of question, the chart kinds that
//! answer it, each with a one-line reason (in the language asked) and the columns to use.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::store::tables::quote_ident;
use crate::store::tables::ColumnType;
use crate::tr;

/// The kind of question a trainee asks of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Question {
    /// Which category has more? (provinces, sexes…)
    Compare,
    /// How does it change over time?
    Trend,
    /// Do two measures go together?
    Relationship,
    /// How are the values spread?
    Distribution,
    /// Where? (provinces on a map)
    Geography,
    /// Is the total shared fairly?
    Inequality,
}

impl Question {
    pub const ALL: [Question; 6] = [
        Question::Compare,
        Question::Trend,
        Question::Relationship,
        Question::Distribution,
        Question::Geography,
        Question::Inequality,
    ];

    /// `compare`, `trend`, … (case-insensitive).
    pub fn parse(s: &str) -> Option<Question> {
        let t = s.trim().to_ascii_lowercase();
        Question::ALL.into_iter().find(|q| {
            serde_json::to_value(q)
                .ok()
                .and_then(|v| v.as_str().map(|s| s == t))
                == Some(true)
        })
    }
}

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advice {
    /// A chart kind (`bar`, `hbar`, … as in [`super::Kind`]).
    pub kind: String,
    /// Why, in one sentence in the language asked.
    pub reason: String,
    /// The column to put on x (or the province column for a map).
    pub x: Option<String>,
    /// The value column, when one fits.
    pub y: Option<String>,
}

/// The suggestion of `kind` on `x` and `y`, with the reason the catalog's `key` gives in
/// `lang`.
fn advice(lang: Lang, kind: &str, key: &str, x: Option<&str>, y: Option<&str>) -> Advice {
    Advice {
        kind: kind.to_string(),
        reason: tr!(lang, key),
        x: x.map(String::from),
        y: y.map(String::from),
    }
}

fn folded(name: &str) -> String {
    crate::analysis::provinces::fold(name)
}

/// Does the column name suggest provinces (`province`, `region`, …)?
fn looks_like_province(name: &str) -> bool {
    let f = folded(name);
    ["province", "region", "prefecture", "prov"]
        .iter()
        .any(|w| f.split(' ').any(|p| p.starts_with(w)))
        || f.contains("province")
        || f.contains("region")
}

/// Does the column name suggest time (`annee`, `year`, `mois`, `date`)?
fn looks_like_time(name: &str) -> bool {
    let f = folded(name);
    f.split(' ').any(|w| {
        matches!(
            w,
            "annee"
                | "an"
                | "annees"
                | "year"
                | "mois"
                | "month"
                | "date"
                | "periode"
                | "trimestre"
        )
    }) || f.starts_with("annee")
        || f.starts_with("year")
}

/// Suggestions for `question`, from column names and types only (a province column is
/// recognised by its name). Most fitting first; empty when nothing in the table fits.
/// Reasons are in `lang`.
pub fn advise(columns: &[(String, ColumnType)], question: Question, lang: Lang) -> Vec<Advice> {
    let province = columns
        .iter()
        .find(|(n, t)| *t == ColumnType::Text && looks_like_province(n))
        .map(|(n, _)| n.as_str());
    advise_with(columns, question, province, lang)
}

fn advise_with(
    columns: &[(String, ColumnType)],
    question: Question,
    province: Option<&str>,
    lang: Lang,
) -> Vec<Advice> {
    let advice =
        |kind: &str, key: &str, x: Option<&str>, y: Option<&str>| advice(lang, kind, key, x, y);
    let is_num = |t: &ColumnType| matches!(t, ColumnType::Integer | ColumnType::Number);
    let time = columns
        .iter()
        .find(|(n, t)| {
            matches!(t, ColumnType::Date | ColumnType::Datetime)
                || (is_num(t) && looks_like_time(n))
        })
        .map(|(n, _)| n.as_str());
    let numeric: Vec<&str> = columns
        .iter()
        .filter(|(n, t)| is_num(t) && Some(n.as_str()) != time)
        .map(|(n, _)| n.as_str())
        .collect();
    let categories: Vec<&str> = columns
        .iter()
        .filter(|(_, t)| matches!(t, ColumnType::Text | ColumnType::Boolean))
        .map(|(n, _)| n.as_str())
        .collect();
    let cat = province.or(categories.first().copied());
    let other_cat = categories.iter().copied().find(|c| Some(*c) != cat);
    let y = numeric.first().copied();
    let mut out = Vec::new();
    match question {
        Question::Compare => {
            if let Some(c) = cat {
                out.push(advice(
                    "hbar",
                    if y.is_some() {
                        "chart-advice-compare-hbar"
                    } else {
                        "chart-advice-compare-hbar-count"
                    },
                    Some(c),
                    y,
                ));
                out.push(advice("bar", "chart-advice-compare-bar", Some(c), y));
                if other_cat.is_some() {
                    out.push(advice(
                        "grouped",
                        "chart-advice-compare-grouped",
                        Some(c),
                        y,
                    ));
                    out.push(advice(
                        "stacked",
                        "chart-advice-compare-stacked",
                        Some(c),
                        y,
                    ));
                }
            }
        }
        Question::Trend => {
            if let Some(t) = time {
                out.push(advice("line", "chart-advice-trend-line", Some(t), y));
                out.push(advice("bar", "chart-advice-trend-bar", Some(t), y));
                if cat.is_some() {
                    out.push(advice("stacked", "chart-advice-trend-stacked", Some(t), y));
                }
            }
        }
        Question::Relationship => {
            if numeric.len() >= 2 {
                out.push(advice(
                    "scatter",
                    "chart-advice-relationship-scatter",
                    Some(numeric[0]),
                    Some(numeric[1]),
                ));
            }
            if let (Some(c), true) = (cat, numeric.len() >= 2) {
                out.push(advice(
                    "grouped",
                    "chart-advice-relationship-grouped",
                    Some(c),
                    Some(numeric[0]),
                ));
            }
        }
        Question::Distribution => {
            for n in numeric.iter().take(2) {
                out.push(advice(
                    "histogram",
                    "chart-advice-distribution-histogram",
                    Some(n),
                    None,
                ));
            }
            if let Some(c) = cat {
                out.push(advice(
                    "hbar",
                    "chart-advice-distribution-hbar",
                    Some(c),
                    None,
                ));
            }
        }
        Question::Geography => {
            if let Some(p) = province {
                out.push(advice("map", "chart-advice-geography-map", Some(p), y));
                out.push(advice("hbar", "chart-advice-geography-hbar", Some(p), y));
            }
        }
        Question::Inequality => {
            if let Some(v) = y {
                out.push(advice(
                    "lorenz",
                    "chart-advice-inequality-lorenz",
                    Some(v),
                    None,
                ));
                if let Some(c) = cat {
                    out.push(advice(
                        "hbar",
                        "chart-advice-inequality-hbar",
                        Some(c),
                        Some(v),
                    ));
                }
                out.push(advice(
                    "histogram",
                    "chart-advice-inequality-histogram",
                    Some(v),
                    None,
                ));
            }
        }
    }
    out
}

/// Suggestions for `question` for the imported table `table`: like [`advise`], and a text
/// column is taken for provinces when most of its values name a province of Chad.
pub fn advise_table(
    conn: &Connection,
    table: &str,
    question: Question,
    lang: Lang,
) -> crate::Result<Vec<Advice>> {
    let info = crate::store::tables::table_info(conn, table)?;
    let columns: Vec<(String, ColumnType)> = info
        .columns
        .iter()
        .map(|c| (c.name.clone(), c.column_type))
        .collect();
    // Text columns whose values mostly name provinces; one named like a province first.
    let mut matching = Vec::new();
    for c in info
        .columns
        .iter()
        .filter(|c| c.column_type == ColumnType::Text)
    {
        let sql = format!(
            "SELECT DISTINCT {q} FROM {t} WHERE {q} IS NOT NULL LIMIT 50",
            q = quote_ident(&c.name),
            t = quote_ident(&info.name)
        );
        let mut stmt = conn.prepare(&sql)?;
        let values: Vec<String> = stmt
            .query_map([], |r| r.get::<_, rusqlite::types::Value>(0))?
            .filter_map(|v| match v {
                Ok(rusqlite::types::Value::Text(s)) => Some(s),
                _ => None,
            })
            .collect();
        let matched = values
            .iter()
            .filter(|v| crate::analysis::provinces::normalise(v).is_some())
            .count();
        if !values.is_empty() && matched * 2 > values.len() {
            matching.push(c.name.clone());
        }
    }
    let province = matching
        .iter()
        .find(|n| looks_like_province(n))
        .or(matching.first())
        .cloned()
        .or_else(|| {
            columns
                .iter()
                .find(|(n, t)| *t == ColumnType::Text && looks_like_province(n))
                .map(|(n, _)| n.clone())
        });
    Ok(advise_with(&columns, question, province.as_deref(), lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Vec<(String, ColumnType)> {
        vec![
            ("province".into(), ColumnType::Text),
            ("sexe".into(), ColumnType::Text),
            ("annee".into(), ColumnType::Integer),
            ("population".into(), ColumnType::Integer),
            ("taux".into(), ColumnType::Number),
        ]
    }

    #[test]
    fn each_question_gets_fitting_kinds_with_french_reasons() {
        let c = cols();
        let kinds = |q| {
            advise(&c, q, Lang::Fr)
                .into_iter()
                .map(|a| a.kind)
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(Question::Compare)[0], "hbar");
        assert!(kinds(Question::Compare).contains(&"grouped".to_string()));
        assert_eq!(kinds(Question::Trend)[0], "line");
        assert_eq!(
            advise(&c, Question::Trend, Lang::Fr)[0].x.as_deref(),
            Some("annee")
        );
        let rel = &advise(&c, Question::Relationship, Lang::Fr)[0];
        assert_eq!(
            (rel.kind.as_str(), rel.x.as_deref(), rel.y.as_deref()),
            ("scatter", Some("population"), Some("taux"))
        );
        assert_eq!(kinds(Question::Distribution)[0], "histogram");
        assert_eq!(advise(&c, Question::Geography, Lang::Fr)[0].kind, "map");
        assert_eq!(
            advise(&c, Question::Geography, Lang::Fr)[0].x.as_deref(),
            Some("province")
        );
        assert_eq!(kinds(Question::Inequality)[0], "lorenz");
        for q in Question::ALL {
            for a in advise(&c, q, Lang::Fr) {
                assert!(super::super::Kind::parse(&a.kind).is_ok());
                assert!(a.reason.ends_with('.') && !a.reason.contains('\n'));
            }
        }
        assert_eq!(Question::parse("Geography"), Some(Question::Geography));
        assert_eq!(Question::parse("why"), None);
    }

    #[test]
    fn nothing_fitting_gives_no_advice() {
        let text_only = vec![("nom".to_string(), ColumnType::Text)];
        assert!(advise(&text_only, Question::Relationship, Lang::Fr).is_empty());
        assert!(advise(&text_only, Question::Trend, Lang::Fr).is_empty());
        assert!(advise(&text_only, Question::Geography, Lang::Fr).is_empty());
        assert_eq!(advise(&text_only, Question::Compare, Lang::Fr)[0].y, None);
    }
}
