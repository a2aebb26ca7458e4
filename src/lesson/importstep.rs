//! Import steps (`kind = "import"`): the trainee imports a practice file shipped in the pack
//! (an Ushahidi export, an HDX dataset…) into a workspace table, after seeing what the
//! import screen's preview shows for it, so a lesson can teach importing without a USB
//! stick.
//!
//! - [`ImportStep`]: the pack format (`file`, `table`, optional `sheet`, `hints`,
//!   `explanation`).
//! - **Origin**: a table made by an import step is recorded in `pack_datasets` under the
//!   resource key `import:<lesson>/<step>`, in the import's own transaction, with the
//!   table's `imported_at` as `loaded_at` ([`crate::import::PackOrigin`]). The step replaces
//!   a table only when that record still matches it ([`made_by`]): never a table the
//!   trainee imported, a pack dataset, a saved result or a collect table.
//! - [`import_into`]: the import itself, used by the step's button, by a skip (so later
//!   steps still work) and on demand when a later step needs the table.
//! - What `pack check` proves about them (file present and importable, table name valid
//!   and used by no dataset, result or other import step) is in [`crate::pack::proofs`].

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::import::{self, ImportOptions, ImportReport, PackOrigin};
use crate::tr;

/// An import step of a lesson.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportStep {
    /// A file of the pack (CSV, TSV, XLSX, ODS…); when it is also a datapackage resource,
    /// `table` is that resource's name, and the resource is imported only by this step.
    pub file: String,
    /// The workspace table it becomes (`[a-z][a-z0-9_]*`).
    pub table: String,
    /// The sheet of a workbook; the first visible one when omitted.
    #[serde(default)]
    pub sheet: Option<String>,
    /// Hints, shown one at a time.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Shown once the table is imported (Markdown).
    #[serde(default)]
    pub explanation: Option<String>,
}

impl ImportStep {
    /// The file's name without its folder (`ushahidi_signalements.csv`).
    pub fn file_name(&self) -> &str {
        self.file.rsplit('/').next().unwrap_or(&self.file)
    }

    /// The options of the import (and of its preview), its warnings in `lang`.
    pub fn options(&self, lang: Lang) -> ImportOptions {
        ImportOptions {
            table: Some(self.table.clone()),
            sheet: self.sheet.clone(),
            lang,
            ..Default::default()
        }
    }
}

/// The `pack_datasets.resource` key of an import step.
pub fn origin_key(lesson_id: &str, step_id: &str) -> String {
    format!("import:{lesson_id}/{step_id}")
}

/// A change detector for the imported bytes (FNV-1a, not cryptographic).
fn content_hash(bytes: &[u8], sheet: Option<&str>) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in sheet
        .unwrap_or_default()
        .bytes()
        .chain([0])
        .chain(bytes.iter().copied())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// Errors of import steps.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportStepError {
    /// A table of that name exists and this step did not make it.
    #[error("table {table} exists and was not made by this step")]
    TableTaken { table: String },
    /// The step's file is not in the pack (the pack was not checked).
    #[error("file {file} is not in the pack")]
    FileMissing { file: String },
}

crate::stage_error!(ImportStepError {
    ImportStepError::TableTaken { .. } => "import_step.table_taken",
    ImportStepError::FileMissing { .. } => "import_step.file_missing",
});

impl ImportStepError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportStepError::TableTaken { table } => {
                tr!(lang, "lesson-import-step-table-taken", table = table)
            }
            ImportStepError::FileMissing { file } => {
                tr!(lang, "lesson-import-step-file-missing", file = file)
            }
        }
    }
}

/// True when `table` exists and is still the table the step keyed `key` of pack `pack_id`
/// imported (same name, same import time, same file name).
pub fn made_by(
    conn: &Connection,
    pack_id: &str,
    key: &str,
    step: &ImportStep,
) -> rusqlite::Result<bool> {
    exists(
        conn,
        "SELECT 1 FROM pack_datasets p JOIN workspace_tables w
               ON w.name = p.table_name COLLATE NOCASE
             WHERE p.pack_id = ?1 AND p.resource = ?2 AND p.table_name = ?3 COLLATE NOCASE
               AND p.loaded_at = w.imported_at AND w.source_file = ?4
               AND EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'table'
                           AND m.name = w.name COLLATE NOCASE)",
        params![pack_id, key, step.table, step.file_name()],
    )
}

/// True when any table, view or index is called `name` (imported or not).
pub fn name_used(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    exists(
        conn,
        "SELECT 1 FROM sqlite_master WHERE name = ?1 COLLATE NOCASE LIMIT 1",
        params![name],
    )
}

/// True when the query `sql` finds a row.
fn exists(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<bool> {
    let found = conn.query_row(sql, params, |_| Ok(())).optional()?;
    Ok(found.is_some())
}

/// Imports the step's file (`bytes`, from the pack) into its table, in one transaction that
/// also records the origin. A table of that name is replaced only when this step made it;
/// otherwise [`ImportStepError::TableTaken`] and nothing changes. Warnings are in `lang`.
pub fn import_into(
    conn: &mut Connection,
    pack_id: &str,
    lesson_id: &str,
    step_id: &str,
    step: &ImportStep,
    bytes: &[u8],
    lang: Lang,
) -> crate::Result<ImportReport> {
    let key = origin_key(lesson_id, step_id);
    let ours = made_by(conn, pack_id, &key, step)?;
    if !ours && name_used(conn, &step.table)? {
        return Err(ImportStepError::TableTaken {
            table: step.table.clone(),
        }
        .into());
    }
    let opts = ImportOptions {
        replace: ours,
        origin: Some(PackOrigin {
            pack_id: pack_id.to_string(),
            resource: key,
            content_hash: content_hash(bytes, step.sheet.as_deref()),
        }),
        ..step.options(lang)
    };
    Ok(import::import_bytes(conn, &step.file, bytes, &opts)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        for m in crate::store::MIGRATIONS {
            conn.execute_batch(m).unwrap();
        }
        conn
    }

    fn step() -> ImportStep {
        ImportStep {
            file: "fichiers/signalements.csv".into(),
            table: "signalements".into(),
            sheet: None,
            hints: Vec::new(),
            explanation: None,
        }
    }

    const CSV: &[u8] = b"Province,Cas\n#adm1+name,#affected\nLac,3\nSila,5\n";

    #[test]
    fn a_step_replaces_its_own_table_only() {
        let mut conn = db();
        let s = step();
        let r = import_into(&mut conn, "p", "l", "s", &s, CSV, Lang::Fr).unwrap();
        assert_eq!((r.table.as_str(), r.rows), ("signalements", 2));
        assert!(made_by(&conn, "p", &origin_key("l", "s"), &s).unwrap());
        // Again: replaced (the same step), still its own.
        let r = import_into(
            &mut conn,
            "p",
            "l",
            "s",
            &s,
            b"Province,Cas\nLac,3\n",
            Lang::Fr,
        )
        .unwrap();
        assert_eq!(r.rows, 1);
        assert!(made_by(&conn, "p", &origin_key("l", "s"), &s).unwrap());
        // Another step of another pack with the same table name: refused.
        let e = import_into(&mut conn, "q", "l", "s", &s, CSV, Lang::Fr).unwrap_err();
        assert_eq!(e.code(), "import_step.table_taken");
        // The trainee replaced it with a table of their own: never replaced back.
        conn.execute("UPDATE workspace_tables SET imported_at = '2000-01-01T00:00:00Z' WHERE name = 'signalements'", []).unwrap();
        assert!(!made_by(&conn, "p", &origin_key("l", "s"), &s).unwrap());
        let e = import_into(&mut conn, "p", "l", "s", &s, CSV, Lang::Fr).unwrap_err();
        assert!(
            e.message(Lang::Fr).contains("n'est pas remplacé"),
            "{}",
            e.message(Lang::Fr)
        );
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM signalements", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1, "the table is untouched");
    }

    #[test]
    fn a_collect_or_app_table_is_never_taken() {
        let mut conn = db();
        conn.execute_batch("CREATE TABLE signalements(x)").unwrap();
        let e = import_into(&mut conn, "p", "l", "s", &step(), CSV, Lang::Fr).unwrap_err();
        assert_eq!(e.code(), "import_step.table_taken");
    }
}
