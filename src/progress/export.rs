//! Export: a trainee's events, every column, out to one progress file (see the format in
//! [`crate::progress`]).
//!
//! The file is written whole or not at all ([`crate::store::fsio`]): a stick pulled out
//! mid-copy leaves the old file or no file, never half a file.

use std::path::Path;

use serde::Serialize;

use super::{EventRecord, ProfileRecord, ProgressFile, FORMAT, VERSION};
use crate::store::Store;

/// What `export` did.
#[derive(Debug, Clone, Serialize)]
pub struct ExportSummary {
    pub events: usize,
    pub trainee: String,
    pub file: String,
}

/// Every event of a profile, every column, oldest first.
pub fn profile_events(store: &Store, profile_id: &str) -> crate::Result<Vec<EventRecord>> {
    let mut stmt = store.conn().prepare(
        "SELECT id, profile_id, pack_id, pack_version, lesson_id, step_id, kind, payload, correct, created_at
         FROM events WHERE profile_id = ?1 ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([profile_id], |r| {
        let payload: String = r.get(7)?;
        Ok(EventRecord {
            id: r.get(0)?,
            profile_id: r.get(1)?,
            pack_id: r.get(2)?,
            pack_version: r.get(3)?,
            lesson_id: r.get(4)?,
            step_id: r.get(5)?,
            kind: r.get(6)?,
            // Stored by us as JSON; a damaged payload is kept as its text.
            payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::String(payload)),
            correct: r.get(8)?,
            created_at: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The progress file of a trainee (found by id or name), in memory.
pub fn build(store: &Store, trainee: &str) -> crate::Result<ProgressFile> {
    let profile = store.find_profile(trainee)?;
    let events = profile_events(store, &profile.id)?;
    Ok(ProgressFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: crate::store::now(),
        written_by: Some(crate::written_by()),
        profile: ProfileRecord {
            id: profile.id,
            name: profile.name,
        },
        events,
    })
}

/// Exports a trainee's progress file to `out`.
pub fn export(store: &Store, trainee: &str, out: &Path) -> crate::Result<ExportSummary> {
    let file = build(store, trainee)?;
    let bytes = serde_json::to_vec(&file).map_err(|e| std::io::Error::other(e.to_string()))?;
    crate::store::fsio::write_atomic(out, &bytes)?;
    Ok(ExportSummary {
        events: file.events.len(),
        trainee: file.profile.name,
        file: out.display().to_string(),
    })
}
