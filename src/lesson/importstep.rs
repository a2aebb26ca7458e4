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
//! - [`check`]: what `pack check` proves (file present and importable, table name valid
//!   and used by no dataset, result or other import step), called from
//!   [`crate::lesson::datatask::check_tasks`], which then lets later data and chart tasks use the
//!   table.

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

    /// The options of the import (and of its preview).
    pub fn options(&self) -> ImportOptions {
        ImportOptions {
            table: Some(self.table.clone()),
            sheet: self.sheet.clone(),
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

impl ImportStepError {
    pub fn code(&self) -> &'static str {
        match self {
            ImportStepError::TableTaken { .. } => "import_step.table_taken",
            ImportStepError::FileMissing { .. } => "import_step.file_missing",
        }
    }

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
    let found: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM pack_datasets p JOIN workspace_tables w
               ON w.name = p.table_name COLLATE NOCASE
             WHERE p.pack_id = ?1 AND p.resource = ?2 AND p.table_name = ?3 COLLATE NOCASE
               AND p.loaded_at = w.imported_at AND w.source_file = ?4
               AND EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'table'
                           AND m.name = w.name COLLATE NOCASE)",
            params![pack_id, key, step.table, step.file_name()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// True when any table, view or index is called `name` (imported or not).
fn name_used(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE name = ?1 COLLATE NOCASE LIMIT 1",
            params![name],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// Imports the step's file (`bytes`, from the pack) into its table, in one transaction that
/// also records the origin. A table of that name is replaced only when this step made it;
/// otherwise [`ImportStepError::TableTaken`] and nothing changes.
pub fn import_into(
    conn: &mut Connection,
    pack_id: &str,
    lesson_id: &str,
    step_id: &str,
    step: &ImportStep,
    bytes: &[u8],
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
        ..step.options()
    };
    Ok(import::import_bytes(conn, &step.file, bytes, &opts)?)
}

/// The problems of an import step for `pack check` (messages in English, for authors):
/// `file` must be a file of the pack that is not a dataset and that imports cleanly into
/// `conn` (the check's in-memory workspace, where the table then stays for later steps);
/// `table` must be a table name no dataset, data-task result or other import step uses.
/// `at_file` and `at_table` receive the problems about each key.
pub(crate) fn check(
    conn: &mut Connection,
    step: &ImportStep,
    ctx: &CheckContext<'_>,
    at_file: &mut dyn FnMut(String),
    at_table: &mut dyn FnMut(String),
) -> bool {
    let mut ok = true;
    let table = &step.table;
    let valid_name = crate::lesson::form::is_identifier(table)
        && crate::analysis::pipeline::normalise_table_name(table).is_ok_and(|n| &n == table);
    if !valid_name {
        at_table(format!(
            "table `{table}` must be a table name: lower-case letters, digits and _, starting with a letter (not collecte_…)"
        ));
        ok = false;
    } else if ctx
        .datasets
        .iter()
        .any(|d| &d.name == table && d.path != step.file)
    {
        at_table(format!(
            "table `{table}` is already a dataset of datapackage.json: choose another name"
        ));
        ok = false;
    } else if ctx.results.contains(table.as_str()) {
        at_table(format!(
            "table `{table}` is already the result of a data task: choose another name"
        ));
        ok = false;
    } else if ctx.earlier_imports.contains(table.as_str()) {
        at_table(format!(
            "table `{table}` is already made by another import step: choose another name"
        ));
        ok = false;
    }
    let file = &step.file;
    let ext = file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = ctx
        .files
        .get(file.as_str())
        .filter(|_| crate::pack::is_safe_relative_path(file));
    let Some(bytes) = bytes else {
        at_file(format!("file {file} not found in the pack"));
        return false;
    };
    // The practice file may be described in datapackage.json (its schema, sources and
    // licence then apply, and the app shows them): the step imports it under the
    // resource's name, and the pack does not load it when it opens.
    if let Some(d) = ctx.datasets.iter().find(|d| &d.path == file) {
        if &d.name != table {
            at_file(format!(
                "file {file} is the dataset `{}` of datapackage.json: name the step's table `{}` too",
                d.name, d.name
            ));
            return false;
        }
    }
    if !import::EXTENSIONS.contains(&ext.as_str()) {
        at_file(format!(
            "file {file}: not a file the import reads (.{})",
            import::EXTENSIONS.join(", .")
        ));
        return false;
    }
    if step.sheet.is_some() && ["csv", "tsv", "txt", "tab"].contains(&ext.as_str()) {
        at_file(format!(
            "file {file} is a text file: it has no sheets (remove `sheet`)"
        ));
        return false;
    }
    if !ok {
        return false;
    }
    let opts = ImportOptions {
        replace: true,
        ..step.options()
    };
    match import::import_bytes(conn, file, bytes, &opts) {
        Ok(report) if report.rows == 0 => {
            at_file(format!("file {file} imports, but with no data row"));
            false
        }
        Ok(_) => true,
        Err(e) => {
            at_file(format!(
                "file {file} cannot be imported: {}",
                crate::Error::from(e).message(Lang::En)
            ));
            false
        }
    }
}

/// What [`check`] compares an import step with.
pub(crate) struct CheckContext<'a> {
    pub datasets: &'a [crate::pack::Dataset],
    pub files: &'a std::collections::BTreeMap<String, Vec<u8>>,
    /// Every data task's `result` in the pack.
    pub results: std::collections::HashSet<&'a str>,
    /// Tables of the import steps met before this one.
    pub earlier_imports: std::collections::HashSet<String>,
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
        let r = import_into(&mut conn, "p", "l", "s", &s, CSV).unwrap();
        assert_eq!((r.table.as_str(), r.rows), ("signalements", 2));
        assert!(made_by(&conn, "p", &origin_key("l", "s"), &s).unwrap());
        // Again: replaced (the same step), still its own.
        let r = import_into(&mut conn, "p", "l", "s", &s, b"Province,Cas\nLac,3\n").unwrap();
        assert_eq!(r.rows, 1);
        assert!(made_by(&conn, "p", &origin_key("l", "s"), &s).unwrap());
        // Another step of another pack with the same table name: refused.
        let e = import_into(&mut conn, "q", "l", "s", &s, CSV).unwrap_err();
        assert_eq!(e.code(), "import_step.table_taken");
        // The trainee replaced it with a table of their own: never replaced back.
        conn.execute("UPDATE workspace_tables SET imported_at = '2000-01-01T00:00:00Z' WHERE name = 'signalements'", []).unwrap();
        assert!(!made_by(&conn, "p", &origin_key("l", "s"), &s).unwrap());
        let e = import_into(&mut conn, "p", "l", "s", &s, CSV).unwrap_err();
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
        let e = import_into(&mut conn, "p", "l", "s", &step(), CSV).unwrap_err();
        assert_eq!(e.code(), "import_step.table_taken");
    }
}
