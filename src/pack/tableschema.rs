//! Checks a pack's CSV datasets against their Frictionless Table Schema, so `pack check`
//! proves every dataset is what its `datapackage.json` says it is, and a pack whose data
//! breaks its schema is refused before a trainee sees it.
//!
//! Supported: field names and order (the CSV header), the types `string`, `integer`,
//! `number`, `boolean`, `date` (ISO `YYYY-MM-DD`), `year` and `any`; the constraints
//! `required`, `unique`, `minimum`, `maximum`, `minLength`, `maxLength`, `pattern` (whole
//! value) and `enum`; `missingValues` (default `[""]`) and `primaryKey` (one field or
//! several: unique and required). Every problem names the file and the CSV line.
//!
//! An HXL hashtag row right under the header (`#date,#adm1+name,…`, as HDX and Ushahidi
//! write) is not data: it is skipped, recognised by the importer's
//! [`crate::import::hxl::hashtag_row`], so a pack dataset may keep it.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use crate::import::hxl::{hashtag_row, LOOKAHEAD as HXL_LOOKAHEAD};
use crate::pack::Problem;

/// Problems reported per file before the rest are summed up in one line.
pub const MAX_PROBLEMS_PER_FILE: usize = 25;

/// A Table Schema, as read from `datapackage.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    #[serde(default)]
    pub fields: Vec<SchemaField>,
    #[serde(default)]
    pub primary_key: Option<PrimaryKey>,
    #[serde(default = "default_missing")]
    pub missing_values: Vec<String>,
}

fn default_missing() -> Vec<String> {
    vec![String::new()]
}

/// `primaryKey`: one field name or a list of names.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PrimaryKey {
    One(String),
    Many(Vec<String>),
}

impl PrimaryKey {
    pub fn names(&self) -> Vec<String> {
        match self {
            PrimaryKey::One(s) => vec![s.clone()],
            PrimaryKey::Many(v) => v.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct SchemaField {
    pub name: String,
    #[serde(default = "default_type", rename = "type")]
    pub field_type: String,
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub constraints: Constraints,
    #[serde(default, rename = "trueValues")]
    pub true_values: Option<Vec<String>>,
    #[serde(default, rename = "falseValues")]
    pub false_values: Option<Vec<String>>,
}

fn default_type() -> String {
    "string".into()
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Constraints {
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub unique: bool,
    #[serde(default)]
    pub minimum: Option<serde_json::Value>,
    #[serde(default)]
    pub maximum: Option<serde_json::Value>,
    #[serde(default)]
    pub min_length: Option<usize>,
    #[serde(default)]
    pub max_length: Option<usize>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default, rename = "enum")]
    pub enum_values: Option<Vec<serde_json::Value>>,
}

/// A cell read according to its field's type.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum Typed {
    Text(String),
    Number(f64),
    Bool(bool),
    Date(chrono::NaiveDate),
}

impl Typed {
    /// A key for uniqueness: `1` and `1.0` are the same number.
    fn key(&self) -> String {
        match self {
            Typed::Text(s) => format!("s:{s}"),
            Typed::Number(n) => format!("n:{n}"),
            Typed::Bool(b) => format!("b:{b}"),
            Typed::Date(d) => format!("d:{d}"),
        }
    }
}

/// One field, ready to check cells: its bounds typed and its pattern compiled.
struct Checker<'a> {
    field: &'a SchemaField,
    minimum: Option<Typed>,
    maximum: Option<Typed>,
    pattern: Option<regex::Regex>,
    allowed: Option<Vec<Typed>>,
    seen: HashSet<String>,
}

const TYPES: &[&str] = &[
    "string", "integer", "number", "boolean", "date", "year", "any",
];

impl SchemaField {
    /// Reads one non-missing cell; `Err` says why it is not of the field's type.
    fn read(&self, raw: &str) -> Result<Typed, String> {
        match self.field_type.as_str() {
            "string" | "any" => Ok(Typed::Text(raw.to_string())),
            "integer" | "year" => raw
                .trim()
                .parse::<i64>()
                .map(|n| Typed::Number(n as f64))
                .map_err(|_| format!("`{raw}` is not an integer")),
            "number" => raw
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() || matches!(raw.trim(), "NaN" | "INF" | "-INF"))
                .map(Typed::Number)
                .ok_or_else(|| format!("`{raw}` is not a number (decimal point, no spaces)")),
            "boolean" => {
                let t = self
                    .true_values
                    .clone()
                    .unwrap_or_else(|| ["true", "True", "TRUE", "1"].map(String::from).to_vec());
                let f = self
                    .false_values
                    .clone()
                    .unwrap_or_else(|| ["false", "False", "FALSE", "0"].map(String::from).to_vec());
                if t.iter().any(|v| v == raw) {
                    Ok(Typed::Bool(true))
                } else if f.iter().any(|v| v == raw) {
                    Ok(Typed::Bool(false))
                } else {
                    Err(format!("`{raw}` is not a boolean"))
                }
            }
            "date" => {
                let fmt = match self.format.as_deref() {
                    None | Some("default") | Some("any") => "%Y-%m-%d",
                    Some(f) => f,
                };
                chrono::NaiveDate::parse_from_str(raw.trim(), fmt)
                    .map(Typed::Date)
                    .map_err(|_| format!("`{raw}` is not a date ({fmt})"))
            }
            other => Err(format!("type `{other}` is not supported")),
        }
    }
}

impl<'a> Checker<'a> {
    fn new(field: &'a SchemaField, problems: &mut Vec<String>) -> Checker<'a> {
        let c = &field.constraints;
        let name = &field.name;
        if !TYPES.contains(&field.field_type.as_str()) {
            problems.push(format!(
                "field `{name}`: type `{}` is not supported (use {})",
                field.field_type,
                TYPES.join(", ")
            ));
        }
        // A constraint's value read as the field reads a cell, or a problem.
        let value = |v: &serde_json::Value, which: &str, problems: &mut Vec<String>| {
            let raw = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            field
                .read(&raw)
                .map_err(|e| problems.push(format!("field `{name}`: {which}: {e}")))
                .ok()
        };
        let minimum = c
            .minimum
            .as_ref()
            .and_then(|v| value(v, "minimum", problems));
        let maximum = c
            .maximum
            .as_ref()
            .and_then(|v| value(v, "maximum", problems));
        let pattern =
            c.pattern
                .as_deref()
                .and_then(|p| match crate::lesson::form::compile_pattern(p) {
                    Ok(re) => Some(re),
                    Err(e) => {
                        problems.push(format!(
                            "field `{name}`: invalid pattern `{p}`: {}",
                            e.lines().last().unwrap_or_default().trim()
                        ));
                        None
                    }
                });
        let allowed = c.enum_values.as_ref().map(|vals| {
            vals.iter()
                .filter_map(|v| value(v, "enum", problems))
                .collect()
        });
        Checker {
            field,
            minimum,
            maximum,
            pattern,
            allowed,
            seen: HashSet::new(),
        }
    }

    /// Checks one cell (`None`: a missing value); returns the messages for it.
    fn check(&mut self, cell: Option<&str>, out: &mut Vec<String>) {
        let f = self.field;
        let c = &f.constraints;
        let name = &f.name;
        let Some(raw) = cell else {
            if c.required {
                out.push(format!("`{name}` is required but missing"));
            }
            return;
        };
        let typed = match f.read(raw) {
            Ok(t) => t,
            Err(e) => {
                out.push(format!("`{name}`: {e}"));
                return;
            }
        };
        if let Some(m) = &self.minimum {
            if typed < *m {
                out.push(format!(
                    "`{name}`: `{raw}` is below the minimum {}",
                    show(m)
                ));
            }
        }
        if let Some(m) = &self.maximum {
            if typed > *m {
                out.push(format!(
                    "`{name}`: `{raw}` is above the maximum {}",
                    show(m)
                ));
            }
        }
        let len = raw.chars().count();
        if c.min_length.is_some_and(|m| len < m) || c.max_length.is_some_and(|m| len > m) {
            out.push(format!(
                "`{name}`: `{raw}` has {len} characters, outside minLength/maxLength"
            ));
        }
        if let Some(re) = &self.pattern {
            if !re.is_match(raw) {
                out.push(format!(
                    "`{name}`: `{raw}` does not match the pattern `{}`",
                    c.pattern.as_deref().unwrap_or_default()
                ));
            }
        }
        if let Some(allowed) = &self.allowed {
            if !allowed.contains(&typed) {
                out.push(format!("`{name}`: `{raw}` is not one of the enum values"));
            }
        }
        if c.unique && !self.seen.insert(typed.key()) {
            out.push(format!(
                "`{name}`: `{raw}` appears twice but must be unique"
            ));
        }
    }
}

fn show(t: &Typed) -> String {
    match t {
        Typed::Text(s) => s.clone(),
        Typed::Number(n) => n.to_string(),
        Typed::Bool(b) => b.to_string(),
        Typed::Date(d) => d.to_string(),
    }
}

/// Checks the CSV `bytes` (UTF-8, comma-separated, with a header) of the pack file `file`
/// against `schema` (the resource's `schema` value). Returns every problem, located at the
/// CSV line (1 is the header).
pub fn check_csv(file: &str, bytes: &[u8], schema: &serde_json::Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    let at = |line: usize, message: String| Problem {
        file: file.to_string(),
        line,
        message,
    };
    let schema: Schema = match serde_json::from_value(schema.clone()) {
        Ok(s) => s,
        Err(e) => return vec![at(0, format!("invalid Table Schema: {e}"))],
    };
    if schema.fields.is_empty() {
        return vec![at(0, "the Table Schema has no fields".into())];
    }
    let mut definition = Vec::new();
    let mut checkers: Vec<Checker> = schema
        .fields
        .iter()
        .map(|f| Checker::new(f, &mut definition))
        .collect();
    let names: Vec<&str> = schema.fields.iter().map(|f| f.name.as_str()).collect();
    let key: Vec<usize> = match &schema.primary_key {
        None => Vec::new(),
        Some(pk) => pk
            .names()
            .iter()
            .filter_map(|n| {
                let i = names.iter().position(|x| x == n);
                if i.is_none() {
                    definition.push(format!("primaryKey names `{n}`, which is not a field"));
                }
                i
            })
            .collect(),
    };
    if !definition.is_empty() {
        return definition.into_iter().map(|m| at(0, m)).collect();
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return vec![at(0, "the file is not UTF-8 text".into())];
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        None => return vec![at(1, "the file is empty: a header line is expected".into())],
        Some(Err(e)) => return vec![at(1, format!("unreadable CSV: {e}"))],
        Some(Ok(h)) => h,
    };
    let got: Vec<&str> = header.iter().collect();
    if got != names {
        return vec![at(
            1,
            format!(
                "the header is `{}` but the schema's fields are `{}` (same names, same order)",
                got.join(","),
                names.join(",")
            ),
        )];
    }
    // An HXL hashtag row right under the header (HDX, Ushahidi) is metadata, not data:
    // skipped, with the importer's own detector.
    let ahead: Vec<csv::Result<csv::StringRecord>> =
        records.by_ref().take(HXL_LOOKAHEAD + 1).collect();
    let tag_row = match ahead.first() {
        Some(Ok(first)) => {
            let below: Vec<Vec<&str>> = ahead[1..]
                .iter()
                .map_while(|r| r.as_ref().ok())
                .map(|r| r.iter().collect())
                .collect();
            hashtag_row(&first.iter().collect::<Vec<_>>(), &below).is_some()
        }
        _ => false,
    };
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut more = 0usize;
    for record in ahead.into_iter().skip(usize::from(tag_row)).chain(records) {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                problems.push(at(line, format!("unreadable CSV: {e}")));
                break;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let mut messages = Vec::new();
        if record.len() != names.len() {
            if record.len() == 1 && record.get(0) == Some("") {
                continue; // a blank line
            }
            messages.push(format!(
                "{} value(s), the header has {}",
                record.len(),
                names.len()
            ));
        } else {
            let cells: Vec<Option<&str>> = record
                .iter()
                .map(|c| (!schema.missing_values.iter().any(|m| m == c)).then_some(c))
                .collect();
            for (checker, cell) in checkers.iter_mut().zip(&cells) {
                checker.check(*cell, &mut messages);
            }
            if !key.is_empty() {
                if key.iter().any(|i| cells[*i].is_none()) {
                    messages.push("the primary key is missing".into());
                } else {
                    let k = key
                        .iter()
                        .map(|i| cells[*i].unwrap_or_default())
                        .collect::<Vec<_>>()
                        .join("\u{1f}");
                    if let Some(first) = keys.get(&k) {
                        messages.push(format!(
                            "primary key `{}` already on line {first}",
                            k.replace('\u{1f}', ", ")
                        ));
                    } else {
                        keys.insert(k, line);
                    }
                }
            }
        }
        for m in messages {
            if problems.len() < MAX_PROBLEMS_PER_FILE {
                problems.push(at(line, m));
            } else {
                more += 1;
            }
        }
    }
    if more > 0 {
        problems.push(at(0, format!("… and {more} more problem(s) in this file")));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> serde_json::Value {
        json!({
            "fields": [
                { "name": "code", "type": "string", "constraints": { "required": true, "pattern": "TD-[A-Z]{2}" } },
                { "name": "pop", "type": "integer", "constraints": { "minimum": 0, "maximum": 5000000 } },
                { "name": "taux", "type": "number" },
                { "name": "jour", "type": "date", "constraints": { "minimum": "2000-01-01" } },
                { "name": "urbain", "type": "boolean" },
                { "name": "zone", "type": "string", "constraints": { "enum": ["nord", "sud"] } }
            ],
            "primaryKey": "code",
            "missingValues": ["", "NA"]
        })
    }

    fn lines(problems: &[Problem]) -> Vec<(usize, String)> {
        problems
            .iter()
            .map(|p| (p.line, p.message.clone()))
            .collect()
    }

    #[test]
    fn a_good_file_passes() {
        let csv = "\u{feff}code,pop,taux,jour,urbain,zone\nTD-ND,951418,12.5,2009-05-20,true,sud\nTD-BO,NA,,2010-01-01,0,nord\n";
        assert!(check_csv("data/a.csv", csv.as_bytes(), &schema()).is_empty());
    }

    #[test]
    fn bad_lines_are_named() {
        let csv = "code,pop,taux,jour,urbain,zone\n\
                   TD-ND,951418,12.5,2009-05-20,true,sud\n\
                   td-xx,-3,abc,20/05/2009,oui,est\n\
                   TD-ND,10,1,1999-12-31,1,nord\n\
                   ,1,1,2001-01-01,1,nord\n\
                   TD-LC,1,1\n";
        let p = check_csv("data/a.csv", csv.as_bytes(), &schema());
        let l = lines(&p);
        let has =
            |line: usize, needle: &str| l.iter().any(|(n, m)| *n == line && m.contains(needle));
        assert!(p.iter().all(|p| p.file == "data/a.csv"));
        assert!(has(3, "does not match the pattern"), "{l:?}");
        assert!(has(3, "`pop`: `-3` is below the minimum 0"), "{l:?}");
        assert!(has(3, "`abc` is not a number"), "{l:?}");
        assert!(has(3, "`20/05/2009` is not a date"), "{l:?}");
        assert!(has(3, "`oui` is not a boolean"), "{l:?}");
        assert!(has(3, "`est` is not one of the enum values"), "{l:?}");
        assert!(has(4, "primary key `TD-ND` already on line 2"), "{l:?}");
        assert!(has(4, "below the minimum 2000-01-01"), "{l:?}");
        assert!(has(5, "`code` is required but missing"), "{l:?}");
        assert!(has(5, "the primary key is missing"), "{l:?}");
        assert!(has(6, "3 value(s), the header has 6"), "{l:?}");
        assert_eq!(l.len(), 11, "{l:?}");
    }

    #[test]
    fn header_and_schema_problems() {
        let p = check_csv("d.csv", b"code,taux,pop\n", &schema());
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 1);
        assert!(p[0].message.contains("same order"));
        let bad = json!({ "fields": [{ "name": "a", "type": "geopoint", "constraints": { "pattern": "(" } }], "primaryKey": ["b"] });
        let p = check_csv("d.csv", b"a\n1\n", &bad);
        assert_eq!(p.len(), 3, "{p:?}");
        let p = check_csv("d.csv", b"\xff\xfe", &schema());
        assert!(p[0].message.contains("UTF-8"));
        let p = check_csv("d.csv", b"", &schema());
        assert!(p[0].message.contains("empty"));
    }

    #[test]
    fn an_hxl_hashtag_row_under_the_header_is_skipped() {
        let s = json!({ "fields": [
            { "name": "date", "type": "date" },
            { "name": "province", "type": "string" },
            { "name": "n", "type": "integer", "constraints": { "required": true } }
        ] });
        let csv =
            "date,province,n\n#date,#adm1 +name,#affected\n2024-03-01,Lac,3\n2024-03-02,Sila,\n";
        // The tag row passes, line numbers stay those of the file.
        assert_eq!(
            lines(&check_csv("d.csv", csv.as_bytes(), &s)),
            vec![(4, "`n` is required but missing".into())]
        );
        // Further down, a row of hashtags is data (and fails its types).
        let csv = "date,province,n\n2024-03-01,Lac,3\n#date,#adm1,#affected\n";
        let p = check_csv("d.csv", csv.as_bytes(), &s);
        assert!(
            lines(&p)
                .iter()
                .any(|(l, m)| *l == 3 && m.contains("not a date")),
            "{p:?}"
        );
        // A tweet's hashtag in the first data row is data too.
        let t = json!({ "fields": [{ "name": "id", "type": "integer" }, { "name": "tag", "type": "string" }] });
        let p = check_csv("d.csv", b"id,tag\n#1,#Tchad\n", &t);
        assert!(
            lines(&p)
                .iter()
                .any(|(l, m)| *l == 2 && m.contains("not an integer")),
            "{p:?}"
        );
    }

    #[test]
    fn unique_numbers_and_many_problems_are_capped() {
        let s = json!({ "fields": [{ "name": "n", "type": "number", "constraints": { "unique": true } }] });
        let p = check_csv("d.csv", b"n\n1\n1.0\n2\n", &s);
        assert_eq!(
            lines(&p),
            vec![(3, "`n`: `1.0` appears twice but must be unique".into())]
        );
        let mut csv = String::from("n\n");
        for _ in 0..40 {
            csv.push_str("x\n");
        }
        let p = check_csv("d.csv", csv.as_bytes(), &s);
        assert_eq!(p.len(), MAX_PROBLEMS_PER_FILE + 1);
        assert!(p.last().unwrap().message.contains("15 more"));
    }
}
