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

/// Prefix of every table that holds collected records.
pub const TABLE_PREFIX: &str = "collecte_";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// Table name (without the `collecte_` prefix): a lowercase identifier.
    pub table: String,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    Text,
    Integer,
    Decimal,
    Choice,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Column name: a lowercase identifier.
    pub name: String,
    pub label: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// A short help text shown under the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
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
            if f.field_type == FieldType::Choice && f.choices.is_empty() {
                out.push(format!("choice field `{}` has no choices", f.name));
            }
            if f.field_type != FieldType::Choice && !f.choices.is_empty() {
                out.push(format!(
                    "field `{}` has choices but is not a choice field",
                    f.name
                ));
            }
            if let (Some(a), Some(b)) = (f.min, f.max) {
                if a > b {
                    out.push(format!("field `{}` has min > max", f.name));
                }
            }
        }
        out
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
            if !self.fields.iter().any(|f| &f.name == key) {
                errors.push(FieldError {
                    field: key.clone(),
                    message: i18n::t(lang, "field_unknown").into(),
                });
            }
        }
        for field in &self.fields {
            let raw = input.get(&field.name).map(|s| s.trim()).unwrap_or("");
            match field.parse(raw, lang) {
                Ok(v) => values.push((field.name.clone(), v)),
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
        let table = quote(&self.table_name());
        let cols: Vec<String> = self
            .fields
            .iter()
            .map(|f| format!("{} {}", quote(&f.name), f.sql_type()))
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
            if !existing.iter().any(|c| c == &f.name) {
                conn.execute_batch(&format!(
                    "ALTER TABLE {table} ADD COLUMN {} {}",
                    quote(&f.name),
                    f.sql_type()
                ))?;
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
        let names: Vec<String> = values.iter().map(|(n, _)| quote(n)).collect();
        let placeholders: Vec<String> = (0..values.len()).map(|i| format!("?{}", i + 4)).collect();
        let sql = format!(
            "INSERT INTO {}(\"_id\", \"_profile_id\", \"_created_at\"{}{}) VALUES (?1, ?2, ?3{}{})",
            quote(&self.table_name()),
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
        let cols: Vec<String> = self.fields.iter().map(|f| quote(&f.name)).collect();
        let sql = format!(
            "SELECT \"_id\"{}{} FROM {} WHERE \"_profile_id\" = ?1 ORDER BY \"_created_at\", \"_id\"",
            if cols.is_empty() { "" } else { ", " },
            cols.join(", "),
            quote(&self.table_name())
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([profile_id], |r| {
            let mut map = serde_json::Map::new();
            map.insert("_id".into(), r.get::<_, String>(0)?.into());
            for (i, f) in self.fields.iter().enumerate() {
                use rusqlite::types::ValueRef;
                let v = match r.get_ref(i + 1)? {
                    ValueRef::Null => serde_json::Value::Null,
                    ValueRef::Integer(n) => n.into(),
                    ValueRef::Real(x) => x.into(),
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                    ValueRef::Blob(_) => serde_json::Value::Null,
                };
                map.insert(f.name.clone(), v);
            }
            Ok(map)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Field {
    fn sql_type(&self) -> &'static str {
        match self.field_type {
            FieldType::Text | FieldType::Choice => "TEXT",
            FieldType::Integer => "INTEGER",
            FieldType::Decimal => "REAL",
        }
    }

    /// Parses one typed value; the error is the message for the trainee.
    fn parse(&self, raw: &str, lang: Lang) -> Result<Value, String> {
        if raw.is_empty() {
            return if self.required {
                Err(i18n::t(lang, "field_required").into())
            } else {
                Ok(Value::Null)
            };
        }
        match self.field_type {
            FieldType::Text => {
                let max = self.max_length.unwrap_or(DEFAULT_MAX_LENGTH);
                if raw.chars().count() > max {
                    Err(i18n::t(lang, "field_too_long").into())
                } else {
                    Ok(Value::Text(raw.to_string()))
                }
            }
            FieldType::Choice => self
                .choices
                .iter()
                .find(|c| c.value == raw)
                .map(|c| Value::Text(c.value.clone()))
                .ok_or_else(|| i18n::t(lang, "field_not_choice").into()),
            FieldType::Integer => {
                let n = i18n::parse_number(raw)
                    .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
                    .ok_or_else(|| i18n::t(lang, "field_not_integer").to_string())?;
                self.check_range(n, lang)?;
                Ok(Value::Integer(n as i64))
            }
            FieldType::Decimal => {
                let n = i18n::parse_number(raw)
                    .ok_or_else(|| i18n::t(lang, "field_not_decimal").to_string())?;
                self.check_range(n, lang)?;
                Ok(Value::Decimal(n))
            }
        }
    }

    fn check_range(&self, n: f64, lang: Lang) -> Result<(), String> {
        let below = self.min.is_some_and(|m| n < m);
        let above = self.max.is_some_and(|m| n > m);
        if below || above {
            Err(i18n::range_message(lang, self.min, self.max))
        } else {
            Ok(())
        }
    }
}

/// Double-quotes an SQL identifier.
pub fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        toml::from_str(
            r#"
table = "ecoles"
[[fields]]
name = "nom"
label = "Nom de l'école"
type = "text"
required = true
[[fields]]
name = "eleves"
label = "Nombre d'élèves"
type = "integer"
required = true
min = 0
max = 5000
[[fields]]
name = "province"
label = "Province"
type = "choice"
choices = [{ value = "TD-GR", label = "Guéra" }, { value = "TD-OD", label = "Ouaddaï" }]
"#,
        )
        .unwrap()
    }

    fn input(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn valid_record_is_typed() {
        let v = form()
            .validate(
                &input(&[
                    ("nom", " École de Mongo "),
                    ("eleves", "1 250"),
                    ("province", "TD-GR"),
                ]),
                Lang::Fr,
            )
            .unwrap();
        assert_eq!(v[0].1, Value::Text("École de Mongo".into()));
        assert_eq!(v[1].1, Value::Integer(1250));
        assert_eq!(v[2].1, Value::Text("TD-GR".into()));
    }

    #[test]
    fn invalid_values_get_french_messages() {
        let errs = form()
            .validate(
                &input(&[("nom", ""), ("eleves", "9000"), ("province", "TD-XX")]),
                Lang::Fr,
            )
            .unwrap_err();
        let msg = |f: &str| {
            errs.iter()
                .find(|e| e.field == f)
                .map(|e| e.message.clone())
                .unwrap()
        };
        assert_eq!(msg("nom"), "Ce champ est obligatoire.");
        assert_eq!(
            msg("eleves"),
            "La valeur doit être comprise entre 0 et 5\u{202F}000."
        );
        assert_eq!(msg("province"), "Choisissez une des valeurs proposées.");
        let errs = form()
            .validate(&input(&[("nom", "x"), ("eleves", "12,5")]), Lang::Fr)
            .unwrap_err();
        assert_eq!(
            errs[0].message,
            "Saisissez un nombre entier, par exemple 42."
        );
    }

    #[test]
    fn records_round_trip_and_columns_are_added_later() {
        let conn = Connection::open_in_memory().unwrap();
        let f = form();
        let v = f
            .validate(&input(&[("nom", "A"), ("eleves", "3")]), Lang::Fr)
            .unwrap();
        f.insert(&conn, "p1", &v).unwrap();
        let mut f2 = f.clone();
        f2.fields.push(Field {
            name: "latrines".into(),
            label: "Latrines".into(),
            field_type: FieldType::Integer,
            required: false,
            min: None,
            max: None,
            choices: vec![],
            max_length: None,
            help: None,
        });
        let v2 = f2
            .validate(
                &input(&[("nom", "B"), ("eleves", "4"), ("latrines", "2")]),
                Lang::Fr,
            )
            .unwrap();
        f2.insert(&conn, "p1", &v2).unwrap();
        let recs = f2.records(&conn, "p1").unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0]["nom"], "A");
        assert_eq!(recs[0]["latrines"], serde_json::Value::Null);
        assert_eq!(recs[1]["latrines"], 2);
        assert!(f2.records(&conn, "someone-else").unwrap().is_empty());
    }

    #[test]
    fn definition_problems_are_found() {
        let mut f = form();
        f.table = "Robert'); DROP TABLE x;--".into();
        f.fields[2].choices.clear();
        let p = f.definition_problems();
        assert_eq!(p.len(), 2, "{p:?}");
    }
}
