//! TEMPORARY STUB until the import module lands (being written in parallel).
use std::path::{Path, PathBuf};
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnType {
    Integer,
    Number,
    Boolean,
    Date,
    Datetime,
    Text,
}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnInfo {
    pub name: String,
    pub label: String,
    #[serde(rename = "type")]
    pub column_type: ColumnType,
}
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub sheet: Option<String>,
    pub table: Option<String>,
    pub header_row: Option<usize>,
    pub replace: bool,
}
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportReport {
    pub table: String,
    pub rows: u64,
    pub columns: Vec<ColumnInfo>,
    pub warnings: Vec<String>,
}
#[derive(Debug, Clone, serde::Serialize)]
pub struct Preview {
    pub format: String,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    pub header_row: usize,
    pub columns: Vec<ColumnInfo>,
    pub rows: Vec<Vec<serde_json::Value>>,
}
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("not found")]
    NotFound(PathBuf),
}
impl ImportError {
    pub fn code(&self) -> &'static str {
        "import.not_found"
    }
    pub fn message_fr(&self) -> String {
        "Fichier introuvable".into()
    }
    pub fn message_en(&self) -> String {
        "File not found".into()
    }
}
pub fn preview_file(path: &Path, _o: &ImportOptions) -> Result<Preview, ImportError> {
    Err(ImportError::NotFound(path.into()))
}
pub fn import_file(
    _c: &mut rusqlite::Connection,
    path: &Path,
    _o: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    Err(ImportError::NotFound(path.into()))
}
pub fn import_bytes(
    conn: &mut rusqlite::Connection,
    _f: &str,
    bytes: &[u8],
    o: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    // crude CSV loader for the stub phase
    let mut r = csv::Reader::from_reader(bytes);
    let headers: Vec<String> = r.headers().unwrap().iter().map(|s| s.to_string()).collect();
    let t = o.table.clone().unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute_batch(&format!(
        "DROP TABLE IF EXISTS \"{t}\"; CREATE TABLE \"{t}\"({})",
        headers
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(",")
    ))
    .unwrap();
    for rec in r.records() {
        let rec = rec.unwrap();
        let vals: Vec<rusqlite::types::Value> = rec
            .iter()
            .map(|v| {
                if v.is_empty() {
                    rusqlite::types::Value::Null
                } else if let Ok(i) = v.parse::<i64>() {
                    rusqlite::types::Value::Integer(i)
                } else {
                    rusqlite::types::Value::Text(v.into())
                }
            })
            .collect();
        tx.execute(
            &format!(
                "INSERT INTO \"{t}\" VALUES ({})",
                vec!["?"; vals.len()].join(",")
            ),
            rusqlite::params_from_iter(vals),
        )
        .unwrap();
    }
    tx.commit().unwrap();
    Ok(ImportReport {
        table: t,
        rows: 0,
        columns: vec![],
        warnings: vec![],
    })
}
