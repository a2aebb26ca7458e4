//! The local database: one SQLite file in the data directory.
//!
//! Invariants:
//! - WAL journal with `synchronous=FULL`: when a write returns, it is on disk. A power cut
//!   loses nothing that was reported saved (the cost is one fsync per commit, well under
//!   the 10 ms an answer may take).
//! - The WAL is checkpointed by a thread of the store ([`checkpoint`]), not inside the
//!   commit that fills it: an answer syncs once, not three times every hundred answers.
//! - The schema only moves forward through [`MIGRATIONS`], recorded in `user_version`;
//!   a database from a newer version is refused, never silently downgraded.
//! - Every write that belongs together (an event and the trainee's position) is one
//!   transaction.

mod checkpoint;
pub mod export;
pub mod fsio;
pub mod pin;
pub mod settings;
pub mod tables;
pub mod tally;

pub use tally::StepTally;

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use crate::error::{Error, Result};

/// The database file name inside the data directory.
pub const DB_FILE: &str = "datajam.sqlite3";

/// Schema migrations, in order; migration `i` moves `user_version` from `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: profiles, progress events, resume positions, imported tables, pack datasets.
    "CREATE TABLE profiles(
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE TABLE events(
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL REFERENCES profiles(id),
        pack_id TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        correct INTEGER,
        created_at TEXT NOT NULL
    );
    CREATE INDEX events_by_step ON events(profile_id, pack_id, lesson_id, step_id, created_at);
    CREATE TABLE positions(
        profile_id TEXT NOT NULL REFERENCES profiles(id),
        pack_id TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY(profile_id, pack_id)
    );
    CREATE TABLE workspace_tables(
        name TEXT PRIMARY KEY,
        source_file TEXT NOT NULL,
        sheet TEXT,
        columns_json TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        warnings_json TEXT NOT NULL
    );
    CREATE TABLE pack_datasets(
        pack_id TEXT NOT NULL,
        resource TEXT NOT NULL,
        table_name TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        PRIMARY KEY(pack_id, resource)
    );",
    // 2: each profile's settings (language, text size, high contrast).
    "CREATE TABLE profile_settings(
        profile_id TEXT PRIMARY KEY REFERENCES profiles(id),
        lang TEXT NOT NULL,
        text_size TEXT NOT NULL,
        high_contrast INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );",
    // 3: PINs (of a profile, by its id, or of the facilitator), as Argon2 PHC strings.
    "CREATE TABLE pins(
        owner TEXT PRIMARY KEY,
        hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );",
    // 4: each step's tally of a trainee's events (counts by kind, latest attempt and
    // reflection), kept in the transaction of each event: see `tally`.
    tally::MIGRATION,
];

/// Current time as RFC 3339 UTC with milliseconds, the format of every timestamp stored.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A new globally unique, time-ordered id (UUID v7).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub created_at: String,
}

/// Where a trainee was in a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    pub pack_id: String,
    pub lesson_id: String,
    pub step_id: String,
    pub updated_at: String,
}

/// What happened at a step. Stored as text in `events.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// An answer to a question, right or wrong.
    Attempt,
    /// A hint was shown (never counts as a wrong answer).
    Hint,
    /// A record was saved through a collect form.
    Record,
    /// A step was marked done (read and chart steps).
    Complete,
    /// The trainee asked to see the solution (after confirming).
    Reveal,
    /// The trainee skipped the step; later steps stay usable.
    Skip,
    /// A reflection was written (free text, not graded).
    Reflection,
    /// An import step's file was imported into its table.
    Import,
}

impl EventKind {
    /// Every kind, for reading them back.
    pub const ALL: [EventKind; 8] = [
        EventKind::Attempt,
        EventKind::Hint,
        EventKind::Record,
        EventKind::Complete,
        EventKind::Reveal,
        EventKind::Skip,
        EventKind::Reflection,
        EventKind::Import,
    ];

    /// The kind stored as `text`, if it is one.
    pub fn parse(text: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Attempt => "attempt",
            EventKind::Hint => "hint",
            EventKind::Record => "record",
            EventKind::Complete => "complete",
            EventKind::Reveal => "reveal",
            EventKind::Skip => "skip",
            EventKind::Reflection => "reflection",
            EventKind::Import => "import",
        }
    }
}

/// Identifies a step of a pack for a trainee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRef<'a> {
    pub profile_id: &'a str,
    pub pack_id: &'a str,
    pub pack_version: &'a str,
    pub lesson_id: &'a str,
    pub step_id: &'a str,
}

/// An event as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    pub lesson_id: String,
    pub step_id: String,
    pub kind: EventKind,
    pub payload: serde_json::Value,
    pub correct: Option<bool>,
    pub created_at: String,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    checkpointer: checkpoint::Checkpointer,
}

impl Drop for Store {
    fn drop(&mut self) {
        self.checkpointer.stop(&mut self.conn);
    }
}

/// An `events` row (id, lesson_id, step_id, kind, payload, correct, created_at) as an
/// [`Event`].
fn event_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let payload: String = r.get(4)?;
    let text: String = r.get(3)?;
    Ok(Event {
        id: r.get(0)?,
        lesson_id: r.get(1)?,
        step_id: r.get(2)?,
        kind: EventKind::parse(&text).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("unknown event kind {text}").into(),
            )
        })?,
        payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
        correct: r.get(5)?,
        created_at: r.get(6)?,
    })
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and brings its schema up to date.
    pub fn open(data_dir: &Path) -> Result<Store> {
        crate::paths::ensure_dir(data_dir)?;
        let path = data_dir.join(DB_FILE);
        let conn = Connection::open(&path)?;
        Self::init(conn, path)
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Room for the statements of a step action (look-ups, the event, its tally, the
        // position, the view), so none is parsed again at each answer.
        conn.set_prepared_statement_cache_capacity(64);
        migrate(&mut conn)?;
        let checkpointer = checkpoint::Checkpointer::start(&mut conn, &path)?;
        Ok(Store {
            conn,
            path,
            checkpointer,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The WAL checkpoints the store's thread ran so far (see [`checkpoint`]).
    pub fn background_checkpoints(&self) -> usize {
        self.checkpointer.done()
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Creates a profile. Names are unique on a laptop, ignoring case and outer spaces.
    pub fn create_profile(&mut self, name: &str) -> Result<Profile> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 60 || name.chars().any(char::is_control) {
            return Err(Error::ProfileNameInvalid);
        }
        let key = name.to_lowercase();
        let profile = Profile {
            id: new_id(),
            name: name.to_string(),
            created_at: now(),
        };
        let res = self.conn.execute(
            "INSERT INTO profiles(id, name, name_key, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![profile.id, profile.name, key, profile.created_at],
        );
        match res {
            Ok(_) => Ok(profile),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Err(Error::ProfileExists(name.to_string()))
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn profiles(&self) -> Result<Vec<Profile>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, created_at FROM profiles ORDER BY name_key")?;
        let rows = stmt.query_map([], |r| {
            Ok(Profile {
                id: r.get(0)?,
                name: r.get(1)?,
                created_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn profile(&self, id: &str) -> Result<Profile> {
        self.conn
            .prepare_cached("SELECT id, name, created_at FROM profiles WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(Profile {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    created_at: r.get(2)?,
                })
            })
            .optional()?
            .ok_or_else(|| Error::ProfileNotFound(id.to_string()))
    }

    /// Finds a profile by id or by name (case-insensitive).
    pub fn find_profile(&self, id_or_name: &str) -> Result<Profile> {
        let key = id_or_name.trim().to_lowercase();
        let id: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM profiles WHERE id = ?1 OR name_key = ?2",
                params![id_or_name, key],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.profile(&id),
            None => Err(Error::ProfileNotFound(id_or_name.to_string())),
        }
    }

    /// Appends an event and moves the trainee's position to its step, in one durable
    /// transaction. When this returns `Ok`, the event is on disk.
    pub fn append_event(
        &mut self,
        at: &StepRef<'_>,
        kind: EventKind,
        payload: &serde_json::Value,
        correct: Option<bool>,
    ) -> Result<Event> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let event = insert_event(&tx, at, kind, payload, correct)?;
        upsert_position(&tx, at, &event.created_at)?;
        tx.commit()?;
        Ok(event)
    }

    /// Records where the trainee is, so that reopening the app resumes there.
    pub fn set_position(&mut self, at: &StepRef<'_>) -> Result<()> {
        upsert_position(&self.conn, at, &now())
    }

    /// The last position of a profile in any pack (the most recently updated).
    pub fn last_position(&self, profile_id: &str) -> Result<Option<Position>> {
        self.position_where("ORDER BY updated_at DESC LIMIT 1", [profile_id])
    }

    /// The position of a profile in one pack.
    pub fn position_in_pack(&self, profile_id: &str, pack_id: &str) -> Result<Option<Position>> {
        self.position_where("AND pack_id = ?2", [profile_id, pack_id])
    }

    /// The first position of the profile `?1` that `rest` (the end of the query) selects.
    fn position_where<P: rusqlite::Params>(
        &self,
        rest: &str,
        params: P,
    ) -> Result<Option<Position>> {
        let sql = format!(
            "SELECT pack_id, lesson_id, step_id, updated_at FROM positions
             WHERE profile_id = ?1 {rest}"
        );
        Ok(self
            .conn
            .query_row(&sql, params, |r| {
                Ok(Position {
                    pack_id: r.get(0)?,
                    lesson_id: r.get(1)?,
                    step_id: r.get(2)?,
                    updated_at: r.get(3)?,
                })
            })
            .optional()?)
    }

    /// Every event of a profile in a pack, oldest first.
    pub fn events(&self, profile_id: &str, pack_id: &str) -> Result<Vec<Event>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, lesson_id, step_id, kind, payload, correct, created_at FROM events
             WHERE profile_id = ?1 AND pack_id = ?2 ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([profile_id, pack_id], event_of_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The events of one step of a profile, oldest first: read through the index
    /// `events_by_step`, so that opening or answering a step costs the same after ten
    /// thousand earlier events as after ten.
    pub fn step_events(
        &self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<Vec<Event>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, lesson_id, step_id, kind, payload, correct, created_at FROM events
             WHERE profile_id = ?1 AND pack_id = ?2 AND lesson_id = ?3 AND step_id = ?4
             ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([profile_id, pack_id, lesson_id, step_id], event_of_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Runs `f` inside one immediate transaction that also appends an event (with
    /// `correct`): used when a collected record, or the table a right answer saves, and
    /// its event must land together or not at all.
    pub fn with_event<T>(
        &mut self,
        at: &StepRef<'_>,
        kind: EventKind,
        correct: Option<bool>,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<(T, serde_json::Value)>,
    ) -> Result<(T, Event)> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (value, payload) = f(&tx)?;
        let event = insert_event(&tx, at, kind, &payload, correct)?;
        upsert_position(&tx, at, &event.created_at)?;
        tx.commit()?;
        Ok((value, event))
    }
}

fn insert_event(
    conn: &Connection,
    at: &StepRef<'_>,
    kind: EventKind,
    payload: &serde_json::Value,
    correct: Option<bool>,
) -> Result<Event> {
    let event = Event {
        id: new_id(),
        lesson_id: at.lesson_id.to_string(),
        step_id: at.step_id.to_string(),
        kind,
        payload: payload.clone(),
        correct,
        created_at: now(),
    };
    let mut stmt = conn.prepare_cached(
        "INSERT INTO events(id, profile_id, pack_id, pack_version, lesson_id, step_id, kind, payload, correct, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    stmt.execute(params![
        event.id,
        at.profile_id,
        at.pack_id,
        at.pack_version,
        at.lesson_id,
        at.step_id,
        event.kind.as_str(),
        payload.to_string(),
        correct,
        event.created_at
    ])?;
    tally::tally_event(conn, at, &event)?;
    Ok(event)
}

fn upsert_position(conn: &Connection, at: &StepRef<'_>, when: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO positions(profile_id, pack_id, lesson_id, step_id, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(profile_id, pack_id) DO UPDATE SET
           lesson_id = excluded.lesson_id, step_id = excluded.step_id, updated_at = excluded.updated_at",
    )?
    .execute(params![at.profile_id, at.pack_id, at.lesson_id, at.step_id, when])?;
    Ok(())
}

/// Applies the migrations the database has not seen yet, each in its own transaction.
fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let supported = MIGRATIONS.len() as i64;
    if version > supported {
        return Err(Error::SchemaTooNew {
            found: version,
            supported,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn bundled_sqlite_has_the_wal_reset_fix() {
        // SQLite before 3.51.3 can corrupt a WAL database on reset; we need at least that.
        let v = rusqlite::version_number();
        assert!(v >= 3_051_003, "bundled SQLite is {}", rusqlite::version());
    }

    #[test]
    fn opens_in_wal_with_full_sync_and_latest_schema() {
        let (_dir, store) = open();
        let mode: String = store
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = store
            .conn()
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
    }

    #[test]
    fn refuses_a_database_from_the_future() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store
                .conn()
                .pragma_update(None, "user_version", 999)
                .unwrap();
        }
        match Store::open(dir.path()) {
            Err(Error::SchemaTooNew { found: 999, .. }) => {}
            other => panic!("expected SchemaTooNew, got {:?}", other.map(|_| ())),
        }
    }

    #[test]
    fn profiles_are_unique_ignoring_case() {
        let (_dir, mut store) = open();
        let a = store.create_profile("  Aïcha ").unwrap();
        assert_eq!(a.name, "Aïcha");
        assert!(matches!(
            store.create_profile("aÏcha"),
            Err(Error::ProfileExists(_))
        ));
        assert!(matches!(
            store.create_profile("   "),
            Err(Error::ProfileNameInvalid)
        ));
        assert_eq!(store.find_profile("AÏCHA").unwrap().id, a.id);
        assert_eq!(store.profiles().unwrap().len(), 1);
    }

    #[test]
    fn events_persist_and_move_the_position() {
        let dir = tempfile::tempdir().unwrap();
        let profile;
        {
            let mut store = Store::open(dir.path()).unwrap();
            profile = store.create_profile("Moussa").unwrap();
            let at = StepRef {
                profile_id: &profile.id,
                pack_id: "p",
                pack_version: "1",
                lesson_id: "l1",
                step_id: "s2",
            };
            store
                .append_event(
                    &at,
                    EventKind::Attempt,
                    &serde_json::json!({"answer": "TD-ND"}),
                    Some(true),
                )
                .unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        let events = store.events(&profile.id, "p").unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].correct, Some(true));
        assert_eq!(events[0].payload["answer"], "TD-ND");
        let pos = store.last_position(&profile.id).unwrap().unwrap();
        assert_eq!((pos.lesson_id.as_str(), pos.step_id.as_str()), ("l1", "s2"));
    }
}
