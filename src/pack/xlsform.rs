//! Collect forms written as XLSForm workbooks, the format of KoboToolbox and ODK that
//! trainees meet in the field: a `survey` sheet (one row per question), a `choices` sheet
//! (the choice lists) and an optional `settings` sheet (`form_id`, `form_title`).
//!
//! Supported: the types `text`, `integer`, `decimal`, `date`, `select_one L`,
//! `select_multiple L`, `geopoint` (a location), `note` (left out), groups (flattened),
//! `calculate` and metadata (`start`, `end`, `today`, `deviceid`…: left out with a
//! warning); the columns `name`, `label`, `hint`, `required`, `constraint` (of the forms
//! `. >= N`, `. <= N`, `. >= N and . <= N`, `. <= today()`, `. >= date('2024-01-01')`,
//! `regex(., '…')`) and `constraint_message`; translations as `label::fr` or
//! `label::Français (fr)` (French preferred, then the untranslated column, then any).
//! A `select_one` whose values are all province ISO codes becomes a province field.
//! Anything else is a problem naming the sheet and the row.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::lesson::form::{is_identifier, Choice, Field, FieldType, Form, Limit};
use crate::pack::Problem;

/// A form read from a workbook, with the rows left out (warnings, not errors).
#[derive(Debug, Clone)]
pub struct XlsForm {
    pub form: Form,
    /// The form's title from `settings` (`form_title`), if any.
    pub title: Option<String>,
    pub warnings: Vec<Problem>,
}

/// One sheet as text cells with their workbook row numbers (1-based) and its header.
struct Sheet {
    name: &'static str,
    /// Lowercased header -> column index.
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    /// The cell of `row` in the column named exactly `col` (case-insensitive).
    fn get<'a>(&self, row: &'a [String], col: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| h == col)
            .and_then(|i| row.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    /// The column for `base` (`label`, `hint`, `constraint_message`) in French if there is
    /// one, else the untranslated column, else the first translation.
    fn localized_col(&self, base: &str) -> Option<usize> {
        let prefix = format!("{base}::");
        let mut plain = None;
        let mut french = None;
        let mut other = None;
        for (i, h) in self.header.iter().enumerate() {
            if h == base {
                plain = Some(i);
            } else if let Some(lang) = h.strip_prefix(&prefix) {
                if lang_code(lang) == "fr" {
                    french = french.or(Some(i));
                } else {
                    other = other.or(Some(i));
                }
            }
        }
        french.or(plain).or(other)
    }

    fn localized<'a>(&self, row: &'a [String], base: &str) -> &'a str {
        self.localized_col(base)
            .and_then(|i| row.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }
}

/// `fr`, `Français (fr)`, `French (fr)`, `francais` -> `fr`; other languages likewise.
fn lang_code(spec: &str) -> String {
    let s = spec.trim();
    if let (Some(open), true) = (s.rfind('('), s.ends_with(')')) {
        return s[open + 1..s.len() - 1].trim().to_lowercase();
    }
    let folded = crate::lesson::exercise::normalise_text(s);
    match folded.as_str() {
        "francais" | "french" => "fr".into(),
        "english" | "anglais" => "en".into(),
        "arabe" | "arabic" => "ar".into(),
        _ => folded,
    }
}

pub(crate) fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "true" } else { "false" }.into(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::Error(e) => format!("#{e}"),
    }
}

/// The form in the XLSForm workbook `bytes`, found in the pack at `file` (for messages).
/// Returns the form and its warnings, or every problem found.
pub fn parse(file: &str, bytes: &[u8]) -> Result<XlsForm, Vec<Problem>> {
    let at = |line: usize, message: String| Problem {
        file: file.to_string(),
        line,
        message,
    };
    let mut book = match Xlsx::new(Cursor::new(bytes)) {
        Ok(b) => b,
        Err(e) => {
            return Err(vec![at(
                0,
                format!("not a readable XLSX workbook (XLSForm): {e}"),
            )])
        }
    };
    let names = book.sheet_names();
    let mut read = |wanted: &'static str| -> Result<Option<Sheet>, Problem> {
        let Some(real) = names.iter().find(|n| n.trim().eq_ignore_ascii_case(wanted)) else {
            return Ok(None);
        };
        let range = book
            .worksheet_range(real)
            .map_err(|e| at(0, format!("sheet `{wanted}` is unreadable: {e}")))?;
        if range.get_size().0 > 5000 || range.get_size().1 > 200 {
            return Err(at(0, format!("sheet `{wanted}` is too large for a form")));
        }
        let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
        let mut rows = range
            .rows()
            .enumerate()
            .map(|(i, r)| {
                (
                    first_row + i + 1,
                    r.iter().map(cell_text).collect::<Vec<_>>(),
                )
            })
            .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
        let Some((_, header)) = rows.next() else {
            return Ok(Some(Sheet {
                name: wanted,
                header: Vec::new(),
                rows: Vec::new(),
            }));
        };
        let header = header
            .iter()
            .map(|h| h.trim().to_lowercase().replace("list name", "list_name"))
            .collect();
        Ok(Some(Sheet {
            name: wanted,
            header,
            rows: rows.collect(),
        }))
    };
    let survey = read("survey").map_err(|p| vec![p])?;
    let choices = read("choices").map_err(|p| vec![p])?;
    let settings = read("settings").map_err(|p| vec![p])?;
    let Some(survey) = survey else {
        return Err(vec![at(0, "the workbook has no `survey` sheet".into())]);
    };

    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let row_at = |sheet: &Sheet, row: usize, msg: String| {
        at(row, format!("sheet `{}`, row {row}: {msg}", sheet.name))
    };

    // Choice lists.
    let mut lists: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    if let Some(ch) = &choices {
        for col in ["list_name", "name"] {
            if !ch.header.iter().any(|h| h == col) {
                problems.push(row_at(ch, 1, format!("column `{col}` is missing")));
            }
        }
        if ch.localized_col("label").is_none() {
            problems.push(row_at(ch, 1, "column `label` is missing".into()));
        }
        for (row, cells) in &ch.rows {
            let list = ch.get(cells, "list_name");
            let value = ch.get(cells, "name");
            let label = ch.localized(cells, "label");
            if list.is_empty() || value.is_empty() {
                problems.push(row_at(
                    ch,
                    *row,
                    "a choice needs a list_name and a name".into(),
                ));
                continue;
            }
            let entry = lists.entry(list.to_string()).or_default();
            if entry.iter().any(|c| c.value == value) {
                problems.push(row_at(
                    ch,
                    *row,
                    format!("choice `{value}` is twice in list `{list}`"),
                ));
                continue;
            }
            entry.push(Choice {
                value: value.to_string(),
                label: if label.is_empty() { value } else { label }.to_string(),
            });
        }
    }

    // Settings.
    let (mut form_id, mut title) = (String::new(), None);
    if let Some(st) = &settings {
        if let Some((_, cells)) = st.rows.first() {
            form_id = st.get(cells, "form_id").to_string();
            let t = st.localized(cells, "form_title");
            title = (!t.is_empty()).then(|| t.to_string());
        }
    }
    let table = if is_identifier(&form_id) {
        form_id
    } else {
        let stem = file
            .rsplit('/')
            .next()
            .unwrap_or(file)
            .trim_end_matches(".xlsx")
            .to_lowercase()
            .replace(['-', ' ', '.'], "_");
        if !form_id.is_empty() || !is_identifier(&stem) {
            problems.push(at(
                0,
                format!(
                    "settings form_id `{form_id}` cannot name a table: use [a-z][a-z0-9_]* (it names the table collecte_<form_id>)"
                ),
            ));
        }
        stem
    };

    // Survey.
    for col in ["type", "name"] {
        if !survey.header.iter().any(|h| h == col) {
            problems.push(row_at(&survey, 1, format!("column `{col}` is missing")));
        }
    }
    let mut fields = Vec::new();
    for (row, cells) in &survey.rows {
        let row = *row;
        let ty = survey.get(cells, "type");
        let name = survey.get(cells, "name");
        let words: Vec<&str> = ty.split_whitespace().collect();
        let mut problem = |msg: String| problems.push(row_at(&survey, row, msg));
        let field_type = match words.as_slice() {
            ["text"] => FieldType::Text,
            ["integer"] | ["int"] => FieldType::Integer,
            ["decimal"] => FieldType::Decimal,
            ["date"] => FieldType::Date,
            ["geopoint"] => FieldType::Location,
            ["select_one", _] | ["select one", _] => FieldType::Choice,
            ["select_multiple", _] => FieldType::Multiple,
            ["note"] => continue,
            ["begin", "group"] | ["begin_group"] | ["end", "group"] | ["end_group"] => continue,
            ["calculate"] => {
                warnings.push(row_at(
                    &survey,
                    row,
                    format!("calculate `{name}` is left out (calculations are not supported)"),
                ));
                continue;
            }
            [meta @ ("start" | "end" | "today" | "deviceid" | "username" | "phonenumber"
            | "subscriberid" | "simserial" | "audit" | "start-geopoint")] => {
                warnings.push(row_at(
                    &survey,
                    row,
                    format!("metadata `{meta}` is left out"),
                ));
                continue;
            }
            [] => {
                problem("the type is empty".into());
                continue;
            }
            _ => {
                problem(format!(
                    "type `{ty}` is not supported (text, integer, decimal, date, select_one, select_multiple, geopoint, note, calculate)"
                ));
                continue;
            }
        };
        if !is_identifier(name) {
            problem(format!(
                "name `{name}` must match [a-z][a-z0-9_]* (lower case, no spaces)"
            ));
            continue;
        }
        let label = survey.localized(cells, "label");
        let mut field = Field {
            name: name.to_string(),
            label: if label.is_empty() { name } else { label }.to_string(),
            field_type,
            ..Default::default()
        };
        let hint = survey.localized(cells, "hint");
        field.help = (!hint.is_empty()).then(|| hint.to_string());
        match survey.get(cells, "required").to_lowercase().as_str() {
            "" | "no" | "false" | "false()" | "0" | "non" => {}
            "yes" | "true" | "true()" | "1" | "oui" => field.required = true,
            other => problem(format!("required `{other}` is not yes or no")),
        }
        if matches!(field_type, FieldType::Choice | FieldType::Multiple) {
            let list = words[1];
            match lists.get(list) {
                None => {
                    problem(format!("choice list `{list}` is not in the choices sheet"));
                    continue;
                }
                Some(c) => field.choices = c.clone(),
            }
            if field_type == FieldType::Choice
                && field.choices.iter().all(|c| {
                    crate::analysis::provinces::by_code(&c.value).is_some_and(|p| p.code == c.value)
                })
            {
                field.field_type = FieldType::Province;
            }
        }
        let constraint = survey.get(cells, "constraint");
        if !constraint.is_empty() {
            if let Err(msg) = apply_constraint(&mut field, constraint) {
                problem(msg);
            }
        }
        let cm = survey.localized(cells, "constraint_message");
        field.constraint_message = (!cm.is_empty()).then(|| cm.to_string());
        for col in ["relevant", "calculation", "repeat_count", "choice_filter"] {
            if !survey.get(cells, col).is_empty() {
                problem(format!("column `{col}` is not supported"));
            }
        }
        fields.push(field);
    }
    let form = Form { table, fields };
    for msg in form.definition_problems() {
        problems.push(at(0, msg));
    }
    if problems.is_empty() {
        Ok(XlsForm {
            form,
            title,
            warnings,
        })
    } else {
        Err(problems)
    }
}

/// Reads an XLSForm constraint of a supported form into the field's bounds or pattern.
fn apply_constraint(field: &mut Field, constraint: &str) -> Result<(), String> {
    let unsupported = || {
        format!(
            "constraint `{constraint}` is not supported (use . >= N, . <= N, . >= N and . <= N, . <= today(), regex(., '…'))"
        )
    };
    for part in constraint.split(" and ") {
        let part = part.trim();
        if let Some(inner) = part
            .strip_prefix("regex(")
            .and_then(|r| r.strip_suffix(')'))
        {
            let (dot, pat) = inner.split_once(',').ok_or_else(unsupported)?;
            let pat = pat.trim();
            let pat = pat
                .strip_prefix('\'')
                .and_then(|p| p.strip_suffix('\''))
                .or_else(|| pat.strip_prefix('"').and_then(|p| p.strip_suffix('"')))
                .ok_or_else(unsupported)?;
            if dot.trim() != "." || field.field_type != FieldType::Text {
                return Err(format!("{} (regex is for text)", unsupported()));
            }
            field.pattern = Some(pat.to_string());
            continue;
        }
        let rest = part.strip_prefix('.').ok_or_else(unsupported)?.trim_start();
        let (op, value) = if let Some(v) = rest.strip_prefix(">=") {
            (">=", v)
        } else if let Some(v) = rest.strip_prefix("<=") {
            ("<=", v)
        } else {
            return Err(unsupported());
        };
        let value = value.trim();
        let limit = if field.field_type == FieldType::Date {
            if value == "today()" {
                Limit::Date("today".into())
            } else {
                let d = value
                    .strip_prefix("date(")
                    .and_then(|v| v.strip_suffix(')'))
                    .map(|v| v.trim().trim_matches(|c| c == '\'' || c == '"'))
                    .filter(|v| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok())
                    .ok_or_else(unsupported)?;
                Limit::Date(d.to_string())
            }
        } else if matches!(field.field_type, FieldType::Integer | FieldType::Decimal) {
            Limit::Number(
                value
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .ok_or_else(unsupported)?,
            )
        } else {
            return Err(format!(
                "{} (bounds are for numbers and dates)",
                unsupported()
            ));
        };
        if op == ">=" {
            field.min = Some(limit);
        } else {
            field.max = Some(limit);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_columns() {
        for (column, code) in [
            ("fr", "fr"),
            ("Français (fr)", "fr"),
            ("French", "fr"),
            ("English (en)", "en"),
        ] {
            assert_eq!(lang_code(column), code, "{column}");
        }
    }

    #[test]
    fn constraints_of_the_simple_forms() {
        let mut f = Field {
            name: "age".into(),
            field_type: FieldType::Integer,
            ..Default::default()
        };
        apply_constraint(&mut f, ". >= 0 and . <= 120").unwrap();
        assert_eq!(f.min, Some(Limit::Number(0.0)));
        assert_eq!(f.max, Some(Limit::Number(120.0)));
        assert!(apply_constraint(&mut f, ". > 0").is_err());
        assert!(apply_constraint(&mut f, "regex(., '[0-9]+')").is_err());
        let mut d = Field {
            field_type: FieldType::Date,
            ..Default::default()
        };
        apply_constraint(&mut d, ". >= date('2024-01-01') and . <= today()").unwrap();
        assert_eq!(d.min, Some(Limit::Date("2024-01-01".into())));
        assert_eq!(d.max, Some(Limit::Date("today".into())));
        let mut t = Field::default();
        apply_constraint(&mut t, "regex(., '^TD-[A-Z]{2}$')").unwrap();
        assert_eq!(t.pattern.as_deref(), Some("^TD-[A-Z]{2}$"));
        assert!(apply_constraint(&mut t, "string-length(.) < 5").is_err());
    }
}
