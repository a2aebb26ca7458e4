//! Collect forms: the typed fields a pack defines, the validation of what a trainee types,
//! and the SQLite table the records land in.
//!
//! A form's records go to the table `collecte_<table>` with one typed column per field,
//! plus `_id`, `_profile_id` and `_created_at`. An invalid value is never written: the
//! caller gets one message per field, in the trainee's language.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::i18n::{self, Lang};
use crate::store::tables::quote_ident;

/// Prefix of every table that holds collected records.
pub use crate::store::tables::COLLECT_PREFIX as TABLE_PREFIX;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// Table name (without the `collecte_` prefix): a lowercase identifier.
    pub table: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    #[default]
    Text,
    Integer,
    Decimal,
    /// A day, stored as ISO `YYYY-MM-DD` text; typed `15/03/2025` or `2025-03-15`.
    Date,
    Choice,
    /// Several choices, stored as their values separated by spaces (the ODK convention).
    Multiple,
    /// One of Chad's 23 provinces, stored as its ISO 3166-2 code (`TD-ND`); any known
    /// spelling is accepted. `choices` is filled from the reference table when left empty.
    Province,
    /// A latitude/longitude pair in decimal degrees, stored in two columns
    /// `<name>_lat` and `<name>_lon`.
    Location,
}

/// A `min`/`max` bound: a number for numeric fields, an ISO date (or `"today"`) for dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Limit {
    Number(f64),
    Date(String),
}

impl Limit {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Limit::Number(n) => Some(*n),
            Limit::Date(_) => None,
        }
    }

    /// The date this bound stands for (`"today"` is the day of the check).
    pub fn as_date(&self) -> Option<chrono::NaiveDate> {
        match self {
            Limit::Date(s) if s == "today" => Some(chrono::Local::now().date_naive()),
            Limit::Date(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            Limit::Number(_) => None,
        }
    }
}

impl From<f64> for Limit {
    fn from(n: f64) -> Limit {
        Limit::Number(n)
    }
}

/// Chad's bounding box in decimal degrees (south, north, west, east), slightly padded.
pub const CHAD_BOUNDS: (f64, f64, f64, f64) = (7.4, 23.5, 13.4, 24.1);

/// A field's `pattern`, compiled on first use and kept (a form is checked many times).
#[derive(Debug, Clone, Default)]
pub struct CompiledPattern(std::sync::OnceLock<Option<regex::Regex>>);

impl PartialEq for CompiledPattern {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Compiles a pattern for a whole-value match; `Err` names the problem for authors.
pub fn compile_pattern(pattern: &str) -> std::result::Result<regex::Regex, String> {
    regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
        .size_limit(1 << 20)
        .build()
        .map_err(|e| e.to_string())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Column name: a lowercase identifier.
    pub name: String,
    pub label: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    #[serde(default)]
    pub required: bool,
    /// Bounds: numbers for integer/decimal fields, ISO dates (or `"today"`) for dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Limit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Limit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// A short help text shown under the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Text fields: a regular expression the whole value must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The message shown when a constraint (min/max, pattern, Chad's bounds) fails,
    /// instead of the generic one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraint_message: Option<String>,
    /// Location fields: the point must be in Chad.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub within_chad: bool,
    #[serde(skip)]
    pub compiled: CompiledPattern,
}

/// Default cap on a text field, so a pasted novel cannot fill the disk.
pub const DEFAULT_MAX_LENGTH: usize = 2000;

/// A validated value, ready for SQLite.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Text(String),
    Integer(i64),
    Decimal(f64),
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value as V};
        Ok(ToSqlOutput::Owned(match self {
            Value::Null => V::Null,
            Value::Text(s) => V::Text(s.clone()),
            Value::Integer(i) => V::Integer(*i),
            Value::Decimal(f) => V::Real(*f),
        }))
    }
}

/// A message about one field, for the trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// True for names usable as SQL identifiers in forms and tables: `[a-z][a-z0-9_]{0,62}`.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('a'..='z'))
        && name.len() <= 63
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

impl Form {
    /// Problems with the form definition itself (for `pack check`), in English for authors.
    pub fn definition_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !is_identifier(&self.table) {
            out.push(format!(
                "form table `{}` must match [a-z][a-z0-9_]*",
                self.table
            ));
        }
        if self.fields.is_empty() {
            out.push("a form needs at least one field".into());
        }
        let mut seen = std::collections::HashSet::new();
        for f in &self.fields {
            if !is_identifier(&f.name) {
                out.push(format!(
                    "field name `{}` must match [a-z][a-z0-9_]*",
                    f.name
                ));
            }
            if !seen.insert(f.name.as_str()) {
                out.push(format!("field `{}` is defined twice", f.name));
            }
            out.extend(f.definition_problems());
        }
        let mut columns: BTreeMap<String, &str> = BTreeMap::new();
        for f in &self.fields {
            for c in f.columns() {
                match columns.get(&c) {
                    Some(other) if *other != f.name => out.push(format!(
                        "column `{c}` is used by fields `{other}` and `{}`",
                        f.name
                    )),
                    _ => {
                        columns.insert(c, &f.name);
                    }
                }
            }
        }
        out
    }

    /// Fills what a form leaves implicit: the 23 provinces as the choices of a province
    /// field that lists none. Called when a pack is loaded.
    pub fn resolve(&mut self) {
        for f in &mut self.fields {
            if f.field_type == FieldType::Province && f.choices.is_empty() {
                f.choices = crate::analysis::provinces::all()
                    .iter()
                    .map(|p| Choice {
                        value: p.code.clone(),
                        label: p.name.clone(),
                    })
                    .collect();
            }
        }
    }

    pub fn table_name(&self) -> String {
        format!("{TABLE_PREFIX}{}", self.table)
    }

    /// Checks what the trainee typed. Values arrive as text, as typed; unknown fields are
    /// refused. Returns the typed values in field order, or every problem found.
    pub fn validate(
        &self,
        input: &BTreeMap<String, String>,
        lang: Lang,
    ) -> Result<Vec<(String, Value)>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut values = Vec::new();
        for key in input.keys() {
            if !self.fields.iter().any(|f| f.accepts_key(key)) {
                errors.push(FieldError {
                    field: key.clone(),
                    message: i18n::t(lang, "field_unknown"),
                });
            }
        }
        for field in &self.fields {
            let parsed = if field.field_type == FieldType::Location {
                field.parse_location(input, lang)
            } else {
                let raw = input.get(&field.name).map(|s| s.trim()).unwrap_or("");
                field
                    .parse(raw, lang)
                    .map(|v| vec![(field.name.clone(), v)])
            };
            match parsed {
                Ok(v) => values.extend(v),
                Err(message) => errors.push(FieldError {
                    field: field.name.clone(),
                    message,
                }),
            }
        }
        if errors.is_empty() {
            Ok(values)
        } else {
            Err(errors)
        }
    }

    /// Creates the records table, or adds the columns a newer pack version introduced.
    pub fn ensure_table(&self, conn: &Connection) -> Result<()> {
        let table = quote_ident(&self.table_name());
        let cols: Vec<String> = self
            .fields
            .iter()
            .flat_map(|f| f.columns().into_iter().map(|c| (c, f.sql_type())))
            .map(|(c, t)| format!("{} {t}", quote_ident(&c)))
            .collect();
        conn.execute_batch(&format!(
            "CREATE TABLE IF NOT EXISTS {table}(\"_id\" TEXT PRIMARY KEY, \"_profile_id\" TEXT NOT NULL, \"_created_at\" TEXT NOT NULL{}{})",
            if cols.is_empty() { "" } else { ", " },
            cols.join(", ")
        ))?;
        let existing: Vec<String> = {
            let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
            let rows = stmt.query_map([self.table_name()], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for f in &self.fields {
            for c in f.columns() {
                if !existing.iter().any(|e| e == &c) {
                    conn.execute_batch(&format!(
                        "ALTER TABLE {table} ADD COLUMN {} {}",
                        quote_ident(&c),
                        f.sql_type()
                    ))?;
                }
            }
        }
        Ok(())
    }

    /// Inserts one validated record; returns its id.
    pub fn insert(
        &self,
        conn: &Connection,
        profile_id: &str,
        values: &[(String, Value)],
    ) -> Result<String> {
        self.ensure_table(conn)?;
        let id = crate::store::new_id();
        let names: Vec<String> = values.iter().map(|(n, _)| quote_ident(n)).collect();
        let placeholders: Vec<String> = (0..values.len()).map(|i| format!("?{}", i + 4)).collect();
        let sql = format!(
            "INSERT INTO {}(\"_id\", \"_profile_id\", \"_created_at\"{}{}) VALUES (?1, ?2, ?3{}{})",
            quote_ident(&self.table_name()),
            if names.is_empty() { "" } else { ", " },
            names.join(", "),
            if names.is_empty() { "" } else { ", " },
            placeholders.join(", ")
        );
        let now = crate::store::now();
        let mut params: Vec<&dyn rusqlite::ToSql> = vec![&id, &profile_id, &now];
        params.extend(values.iter().map(|(_, v)| v as &dyn rusqlite::ToSql));
        conn.execute(&sql, params.as_slice())?;
        Ok(id)
    }

    /// The records a profile collected with this form, oldest first, as JSON objects.
    pub fn records(
        &self,
        conn: &Connection,
        profile_id: &str,
    ) -> Result<Vec<serde_json::Map<String, serde_json::Value>>> {
        let exists: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [self.table_name()],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(Vec::new());
        }
        let names: Vec<String> = self.fields.iter().flat_map(Field::columns).collect();
        let cols: Vec<String> = names.iter().map(|c| quote_ident(c)).collect();
        let sql = format!(
            "SELECT \"_id\"{}{} FROM {} WHERE \"_profile_id\" = ?1 ORDER BY \"_created_at\", \"_id\"",
            if cols.is_empty() { "" } else { ", " },
            cols.join(", "),
            quote_ident(&self.table_name())
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([profile_id], |r| {
            let mut map = serde_json::Map::new();
            map.insert("_id".into(), r.get::<_, String>(0)?.into());
            for (i, name) in names.iter().enumerate() {
                use rusqlite::types::ValueRef;
                let v = match r.get_ref(i + 1)? {
                    ValueRef::Null => serde_json::Value::Null,
                    ValueRef::Integer(n) => n.into(),
                    ValueRef::Real(x) => x.into(),
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                    ValueRef::Blob(_) => serde_json::Value::Null,
                };
                map.insert(name.clone(), v);
            }
            Ok(map)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Field {
    fn sql_type(&self) -> &'static str {
        match self.field_type {
            FieldType::Text
            | FieldType::Choice
            | FieldType::Multiple
            | FieldType::Province
            | FieldType::Date => "TEXT",
            FieldType::Integer => "INTEGER",
            FieldType::Decimal | FieldType::Location => "REAL",
        }
    }

    /// The table columns of this field: its name, or `<name>_lat` and `<name>_lon`.
    pub fn columns(&self) -> Vec<String> {
        if self.field_type == FieldType::Location {
            vec![format!("{}_lat", self.name), format!("{}_lon", self.name)]
        } else {
            vec![self.name.clone()]
        }
    }

    fn accepts_key(&self, key: &str) -> bool {
        key == self.name
            || (self.field_type == FieldType::Location && self.columns().iter().any(|c| c == key))
    }

    /// Problems with this field's definition, in English for authors.
    fn definition_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let name = &self.name;
        let t = self.field_type;
        let with_choices = matches!(t, FieldType::Choice | FieldType::Multiple);
        if with_choices && self.choices.is_empty() {
            out.push(format!("choice field `{name}` has no choices"));
        }
        if !with_choices && t != FieldType::Province && !self.choices.is_empty() {
            out.push(format!(
                "field `{name}` has choices but is not a choice field"
            ));
        }
        let mut values = std::collections::HashSet::new();
        for c in &self.choices {
            if !values.insert(c.value.as_str()) {
                out.push(format!(
                    "field `{name}`: choice `{}` is listed twice",
                    c.value
                ));
            }
            if c.value.trim().is_empty() {
                out.push(format!("field `{name}`: a choice has an empty value"));
            }
            if t == FieldType::Multiple
                && c.value.contains(|ch: char| ch.is_whitespace() || ch == ',')
            {
                out.push(format!(
                    "field `{name}`: choice value `{}` of a multiple-choice field may not contain spaces or commas",
                    c.value
                ));
            }
            if t == FieldType::Province && crate::analysis::provinces::by_code(&c.value).is_none() {
                out.push(format!(
                    "field `{name}`: `{}` is not the ISO code of a province of Chad",
                    c.value
                ));
            }
        }
        match t {
            FieldType::Integer | FieldType::Decimal => {
                for b in [&self.min, &self.max].into_iter().flatten() {
                    if b.as_number().is_none() {
                        out.push(format!("field `{name}`: min and max must be numbers"));
                    }
                }
                if let (Some(a), Some(b)) = (
                    self.min.as_ref().and_then(Limit::as_number),
                    self.max.as_ref().and_then(Limit::as_number),
                ) {
                    if a > b {
                        out.push(format!("field `{name}` has min > max"));
                    }
                }
            }
            FieldType::Date => {
                for b in [&self.min, &self.max].into_iter().flatten() {
                    if b.as_date().is_none() {
                        out.push(format!(
                            "field `{name}`: min and max of a date are ISO dates (\"2025-01-31\") or \"today\""
                        ));
                    }
                }
                if let (Some(a), Some(b)) = (
                    self.min.as_ref().and_then(Limit::as_date),
                    self.max.as_ref().and_then(Limit::as_date),
                ) {
                    if a > b {
                        out.push(format!("field `{name}` has min > max"));
                    }
                }
            }
            _ => {
                if self.min.is_some() || self.max.is_some() {
                    out.push(format!(
                        "field `{name}`: min and max are for integer, decimal and date fields"
                    ));
                }
            }
        }
        if let Some(p) = &self.pattern {
            if t != FieldType::Text {
                out.push(format!("field `{name}`: pattern is for text fields"));
            }
            if let Err(e) = compile_pattern(p) {
                out.push(format!(
                    "field `{name}`: invalid pattern `{p}`: {}",
                    e.lines().last().unwrap_or_default().trim()
                ));
            }
        }
        if self.within_chad && t != FieldType::Location {
            out.push(format!(
                "field `{name}`: within_chad is for location fields"
            ));
        }
        if self.max_length.is_some() && t != FieldType::Text {
            out.push(format!("field `{name}`: max_length is for text fields"));
        }
        if t == FieldType::Location && !is_identifier(&format!("{name}_lat")) {
            out.push(format!(
                "field `{name}`: the name is too long for a location"
            ));
        }
        out
    }

    /// The author's constraint message, or the generic one.
    fn constraint(&self, generic: String) -> String {
        self.constraint_message.clone().unwrap_or(generic)
    }

    /// Parses one typed value; the error is the message for the trainee.
    fn parse(&self, raw: &str, lang: Lang) -> Result<Value, String> {
        if raw.is_empty() {
            return if self.required {
                Err(i18n::t(lang, "field_required"))
            } else {
                Ok(Value::Null)
            };
        }
        match self.field_type {
            FieldType::Text => {
                let max = self.max_length.unwrap_or(DEFAULT_MAX_LENGTH);
                if raw.chars().count() > max {
                    return Err(i18n::t(lang, "field_too_long"));
                }
                if let Some(p) = &self.pattern {
                    let re = self.compiled.0.get_or_init(|| compile_pattern(p).ok());
                    // An invalid pattern is a pack-check problem; never reached in a valid pack.
                    if !re.as_ref().is_some_and(|re| re.is_match(raw)) {
                        return Err(self.constraint(i18n::t(lang, "field_pattern")));
                    }
                }
                Ok(Value::Text(raw.to_string()))
            }
            FieldType::Choice => self
                .choices
                .iter()
                .find(|c| c.value == raw)
                .map(|c| Value::Text(c.value.clone()))
                .ok_or_else(|| i18n::t(lang, "field_not_choice")),
            FieldType::Multiple => {
                let picked: Vec<&str> = raw
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|s| !s.is_empty())
                    .collect();
                if picked
                    .iter()
                    .any(|p| !self.choices.iter().any(|c| c.value == *p))
                {
                    return Err(i18n::t(lang, "field_not_choice"));
                }
                // Stored in the order of the choices, each once.
                let values: Vec<&str> = self
                    .choices
                    .iter()
                    .filter(|c| picked.contains(&c.value.as_str()))
                    .map(|c| c.value.as_str())
                    .collect();
                if values.is_empty() {
                    return if self.required {
                        Err(i18n::t(lang, "field_required"))
                    } else {
                        Ok(Value::Null)
                    };
                }
                Ok(Value::Text(values.join(" ")))
            }
            FieldType::Province => {
                let p = crate::analysis::provinces::normalise(raw)
                    .filter(|p| {
                        self.choices.is_empty() || self.choices.iter().any(|c| c.value == p.code)
                    })
                    .ok_or_else(|| i18n::t(lang, "field_not_province").to_string())?;
                Ok(Value::Text(p.code.clone()))
            }
            FieldType::Date => {
                let d =
                    parse_date(raw).ok_or_else(|| i18n::t(lang, "field_not_date").to_string())?;
                let min = self.min.as_ref().and_then(Limit::as_date);
                let max = self.max.as_ref().and_then(Limit::as_date);
                if min.is_some_and(|m| d < m) || max.is_some_and(|m| d > m) {
                    return Err(self.constraint(date_range_message(lang, min, max)));
                }
                Ok(Value::Text(d.format("%Y-%m-%d").to_string()))
            }
            FieldType::Integer => {
                let n = i18n::parse::number(raw)
                    .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
                    .ok_or_else(|| i18n::t(lang, "field_not_integer").to_string())?;
                self.check_range(n, lang)?;
                Ok(Value::Integer(n as i64))
            }
            FieldType::Decimal => {
                let n = i18n::parse::number(raw)
                    .ok_or_else(|| i18n::t(lang, "field_not_decimal").to_string())?;
                self.check_range(n, lang)?;
                Ok(Value::Decimal(n))
            }
            FieldType::Location => Err(i18n::t(lang, "field_not_location")),
        }
    }

    /// A location from `<name>` ("lat lon", as ODK writes a geopoint: extra altitude and
    /// accuracy are ignored) or from `<name>_lat` and `<name>_lon`.
    fn parse_location(
        &self,
        input: &BTreeMap<String, String>,
        lang: Lang,
    ) -> Result<Vec<(String, Value)>, String> {
        let get = |k: &str| input.get(k).map(|s| s.trim()).unwrap_or("");
        let [lat_col, lon_col]: [String; 2] = self.columns().try_into().expect("two columns");
        let (lat, lon) = match get(&self.name) {
            "" => (get(&lat_col).to_string(), get(&lon_col).to_string()),
            joint => {
                let parts: Vec<&str> = joint
                    .split(|c: char| c.is_whitespace() || c == ';')
                    .filter(|s| !s.is_empty())
                    .collect();
                if parts.len() < 2 || parts.len() > 4 {
                    return Err(i18n::t(lang, "field_not_location"));
                }
                (parts[0].to_string(), parts[1].to_string())
            }
        };
        if lat.is_empty() && lon.is_empty() {
            return if self.required {
                Err(i18n::t(lang, "field_required"))
            } else {
                Ok(vec![(lat_col, Value::Null), (lon_col, Value::Null)])
            };
        }
        let (Some(y), Some(x)) = (i18n::parse::number(&lat), i18n::parse::number(&lon)) else {
            return Err(i18n::t(lang, "field_not_location"));
        };
        if !(-90.0..=90.0).contains(&y) || !(-180.0..=180.0).contains(&x) {
            return Err(i18n::t(lang, "field_location_range"));
        }
        if self.within_chad && !in_chad(y, x) {
            let generic = if in_chad(x, y) {
                i18n::t(lang, "field_location_swapped")
            } else {
                i18n::t(lang, "field_location_chad")
            };
            return Err(self.constraint(generic));
        }
        Ok(vec![
            (lat_col, Value::Decimal(y)),
            (lon_col, Value::Decimal(x)),
        ])
    }

    fn check_range(&self, n: f64, lang: Lang) -> Result<(), String> {
        let min = self.min.as_ref().and_then(Limit::as_number);
        let max = self.max.as_ref().and_then(Limit::as_number);
        let below = min.is_some_and(|m| n < m);
        let above = max.is_some_and(|m| n > m);
        if below || above {
            Err(self.constraint(i18n::range_message(lang, min, max)))
        } else {
            Ok(())
        }
    }
}

/// Whether a point is inside [`CHAD_BOUNDS`].
pub fn in_chad(lat: f64, lon: f64) -> bool {
    let (s, n, w, e) = CHAD_BOUNDS;
    (s..=n).contains(&lat) && (w..=e).contains(&lon)
}

/// A date typed by a person (`2025-03-15`, `15/03/2025`, `15-03-2025`, `15.03.2025`: read
/// by [`crate::i18n::parse::parse_date`]) in the years a form can mean.
pub fn parse_date(raw: &str) -> Option<chrono::NaiveDate> {
    crate::i18n::parse::parse_date(raw)
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
}

fn date_range_message(
    lang: Lang,
    min: Option<chrono::NaiveDate>,
    max: Option<chrono::NaiveDate>,
) -> String {
    let f = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let keys = [
        "lesson-form-date-between",
        "lesson-form-date-after",
        "lesson-form-date-before",
    ];
    crate::i18n::bounds_message(lang, min, max, f, keys)
}

#[cfg(test)]
mod tests;
