//! Each step's tally of a trainee's events (table `step_tallies`, migration 4): how many
//! events of each kind the step has, how many attempts were right, and which attempt and
//! which reflection are the latest.
//!
//! The tally is updated by [`tally_event`] in the transaction that inserts the event, so
//! it never disagrees with `events`; migration 4 builds it from the events already there.
//! Reading a step's view then costs one row (and the last attempt by its id), however
//! many events the trainee has: a step's status, its attempts and hints counts do not
//! read or parse the step's history.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::{Event, EventKind, StepRef};
use crate::error::Result;

/// The SQL of migration 4: the table, and the tallies of the events already stored.
pub(super) const MIGRATION: &str = "CREATE TABLE step_tallies(
        profile_id TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        step_id TEXT NOT NULL,
        events INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        hints INTEGER NOT NULL,
        records INTEGER NOT NULL,
        completes INTEGER NOT NULL,
        reveals INTEGER NOT NULL,
        skips INTEGER NOT NULL,
        reflections INTEGER NOT NULL,
        imports INTEGER NOT NULL,
        last_attempt_id TEXT,
        last_attempt_at TEXT,
        last_reflection_id TEXT,
        last_reflection_at TEXT,
        PRIMARY KEY(profile_id, pack_id, lesson_id, step_id)
    ) WITHOUT ROWID;
    INSERT INTO step_tallies
    SELECT e.profile_id, e.pack_id, e.lesson_id, e.step_id, count(*),
        sum(e.kind = 'attempt'), sum(e.kind = 'attempt' AND e.correct IS 1),
        sum(e.kind = 'hint'), sum(e.kind = 'record'), sum(e.kind = 'complete'),
        sum(e.kind = 'reveal'), sum(e.kind = 'skip'), sum(e.kind = 'reflection'),
        sum(e.kind = 'import'),
        a.id, a.created_at, r.id, r.created_at
    FROM events e
    LEFT JOIN events a ON a.id = (
        SELECT x.id FROM events x
        WHERE x.profile_id = e.profile_id AND x.pack_id = e.pack_id
          AND x.lesson_id = e.lesson_id AND x.step_id = e.step_id AND x.kind = 'attempt'
        ORDER BY x.created_at DESC, x.id DESC LIMIT 1)
    LEFT JOIN events r ON r.id = (
        SELECT x.id FROM events x
        WHERE x.profile_id = e.profile_id AND x.pack_id = e.pack_id
          AND x.lesson_id = e.lesson_id AND x.step_id = e.step_id AND x.kind = 'reflection'
        ORDER BY x.created_at DESC, x.id DESC LIMIT 1)
    GROUP BY e.profile_id, e.pack_id, e.lesson_id, e.step_id;";

/// What a step's events add up to, for one trainee.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepTally {
    /// Events of any kind.
    pub events: usize,
    pub attempts: usize,
    /// Attempts judged right.
    pub correct: usize,
    pub hints: usize,
    pub records: usize,
    pub completes: usize,
    pub reveals: usize,
    pub skips: usize,
    pub reflections: usize,
    pub imports: usize,
    /// The id of the latest attempt (by time, then id), if any.
    pub last_attempt: Option<String>,
    /// The id of the latest reflection, if any.
    pub last_reflection: Option<String>,
}

impl StepTally {
    /// The tally of `events`, the events of one step: the same figures as the table keeps.
    pub fn of(events: &[&Event]) -> StepTally {
        let mut t = StepTally::default();
        let mut last_attempt: Option<&Event> = None;
        let mut last_reflection: Option<&Event> = None;
        let later = |e: &Event, than: Option<&Event>| {
            than.is_none_or(|o| (&e.created_at, &e.id) > (&o.created_at, &o.id))
        };
        for e in events {
            t.events += 1;
            match e.kind {
                EventKind::Attempt if later(e, last_attempt) => last_attempt = Some(e),
                EventKind::Reflection if later(e, last_reflection) => last_reflection = Some(e),
                _ => {}
            }
            if e.kind == EventKind::Attempt && e.correct == Some(true) {
                t.correct += 1;
            }
            *t.count_mut(e.kind) += 1;
        }
        t.last_attempt = last_attempt.map(|e| e.id.clone());
        t.last_reflection = last_reflection.map(|e| e.id.clone());
        t
    }

    /// The number of events of `kind`.
    pub fn count(&self, kind: EventKind) -> usize {
        match kind {
            EventKind::Attempt => self.attempts,
            EventKind::Hint => self.hints,
            EventKind::Record => self.records,
            EventKind::Complete => self.completes,
            EventKind::Reveal => self.reveals,
            EventKind::Skip => self.skips,
            EventKind::Reflection => self.reflections,
            EventKind::Import => self.imports,
        }
    }

    /// True when the step has an event of `kind`.
    pub fn has(&self, kind: EventKind) -> bool {
        self.count(kind) > 0
    }

    fn count_mut(&mut self, kind: EventKind) -> &mut usize {
        match kind {
            EventKind::Attempt => &mut self.attempts,
            EventKind::Hint => &mut self.hints,
            EventKind::Record => &mut self.records,
            EventKind::Complete => &mut self.completes,
            EventKind::Reveal => &mut self.reveals,
            EventKind::Skip => &mut self.skips,
            EventKind::Reflection => &mut self.reflections,
            EventKind::Import => &mut self.imports,
        }
    }
}

/// The columns of a tally, after the step's four keys.
const COLUMNS: &str = "events, attempts, correct, hints, records, completes, reveals, skips,
    reflections, imports, last_attempt_id, last_reflection_id";

/// A `step_tallies` row's [`COLUMNS`], from column `at` on.
fn tally_of_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<StepTally> {
    let n = |i: usize| -> rusqlite::Result<usize> { Ok(r.get::<_, i64>(at + i)?.max(0) as usize) };
    Ok(StepTally {
        events: n(0)?,
        attempts: n(1)?,
        correct: n(2)?,
        hints: n(3)?,
        records: n(4)?,
        completes: n(5)?,
        reveals: n(6)?,
        skips: n(7)?,
        reflections: n(8)?,
        imports: n(9)?,
        last_attempt: r.get(at + 10)?,
        last_reflection: r.get(at + 11)?,
    })
}

/// Adds `event`, just inserted at `at`, to its step's tally (inside the caller's
/// transaction). The latest attempt and reflection stay the latest by (time, id), even
/// for an event older than those already counted.
pub(super) fn tally_event(conn: &Connection, at: &StepRef<'_>, event: &Event) -> Result<()> {
    let one = |k: EventKind| i64::from(event.kind == k);
    let attempt = (event.kind == EventKind::Attempt).then_some(&event.id);
    let reflection = (event.kind == EventKind::Reflection).then_some(&event.id);
    let at_of = |id: Option<&String>| id.map(|_| event.created_at.as_str());
    let mut stmt = conn.prepare_cached(
        "INSERT INTO step_tallies VALUES
            (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
         ON CONFLICT(profile_id, pack_id, lesson_id, step_id) DO UPDATE SET
            events = events + 1,
            attempts = attempts + excluded.attempts,
            correct = correct + excluded.correct,
            hints = hints + excluded.hints,
            records = records + excluded.records,
            completes = completes + excluded.completes,
            reveals = reveals + excluded.reveals,
            skips = skips + excluded.skips,
            reflections = reflections + excluded.reflections,
            imports = imports + excluded.imports,
            last_attempt_id = CASE WHEN excluded.last_attempt_id IS NOT NULL AND (last_attempt_id IS NULL
                OR (excluded.last_attempt_at, excluded.last_attempt_id)
                    > (last_attempt_at, last_attempt_id))
                THEN excluded.last_attempt_id ELSE last_attempt_id END,
            last_attempt_at = CASE WHEN excluded.last_attempt_id IS NOT NULL AND (last_attempt_id IS NULL
                OR (excluded.last_attempt_at, excluded.last_attempt_id)
                    > (last_attempt_at, last_attempt_id))
                THEN excluded.last_attempt_at ELSE last_attempt_at END,
            last_reflection_id = CASE WHEN excluded.last_reflection_id IS NOT NULL AND (last_reflection_id IS NULL
                OR (excluded.last_reflection_at, excluded.last_reflection_id)
                    > (last_reflection_at, last_reflection_id))
                THEN excluded.last_reflection_id ELSE last_reflection_id END,
            last_reflection_at = CASE WHEN excluded.last_reflection_id IS NOT NULL AND (last_reflection_id IS NULL
                OR (excluded.last_reflection_at, excluded.last_reflection_id)
                    > (last_reflection_at, last_reflection_id))
                THEN excluded.last_reflection_at ELSE last_reflection_at END",
    )?;
    stmt.execute(params![
        at.profile_id,
        at.pack_id,
        at.lesson_id,
        at.step_id,
        one(EventKind::Attempt),
        i64::from(event.kind == EventKind::Attempt && event.correct == Some(true)),
        one(EventKind::Hint),
        one(EventKind::Record),
        one(EventKind::Complete),
        one(EventKind::Reveal),
        one(EventKind::Skip),
        one(EventKind::Reflection),
        one(EventKind::Import),
        attempt,
        at_of(attempt),
        reflection,
        at_of(reflection),
    ])?;
    Ok(())
}

impl super::Store {
    /// The tally of one step of a profile (all zero when it has no event): one row, read
    /// by its key, whatever the length of the trainee's history.
    pub fn step_tally(
        &self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<StepTally> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM step_tallies
             WHERE profile_id = ?1 AND pack_id = ?2 AND lesson_id = ?3 AND step_id = ?4"
        ))?;
        let tally = stmt
            .query_row([profile_id, pack_id, lesson_id, step_id], |r| {
                tally_of_row(r, 0)
            })
            .optional()?;
        Ok(tally.unwrap_or_default())
    }

    /// The tallies of every step of a profile in a pack that has events, by (lesson, step).
    pub fn tallies(
        &self,
        profile_id: &str,
        pack_id: &str,
    ) -> Result<HashMap<(String, String), StepTally>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT lesson_id, step_id, {COLUMNS} FROM step_tallies
             WHERE profile_id = ?1 AND pack_id = ?2"
        ))?;
        let rows = stmt.query_map([profile_id, pack_id], |r| {
            Ok(((r.get(0)?, r.get(1)?), tally_of_row(r, 2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One event by its id.
    pub fn event(&self, id: &str) -> Result<Option<Event>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, lesson_id, step_id, kind, payload, correct, created_at FROM events
             WHERE id = ?1",
        )?;
        Ok(stmt.query_row([id], super::event_of_row).optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, MIGRATIONS};
    use serde_json::json;

    fn at<'a>(profile_id: &'a str, step_id: &'a str) -> StepRef<'a> {
        StepRef {
            profile_id,
            pack_id: "p",
            pack_version: "1",
            lesson_id: "l1",
            step_id,
        }
    }

    /// Every step's tally as the table has it equals the tally of its events.
    fn assert_tallies_match_events(store: &Store, profile_id: &str) {
        let events = store.events(profile_id, "p").unwrap();
        let tallies = store.tallies(profile_id, "p").unwrap();
        let mut steps: Vec<(String, String)> = events
            .iter()
            .map(|e| (e.lesson_id.clone(), e.step_id.clone()))
            .collect();
        steps.dedup();
        steps.sort();
        steps.dedup();
        assert_eq!(tallies.len(), steps.len(), "one tally per step with events");
        for (lesson, step) in steps {
            let mine: Vec<&Event> = events
                .iter()
                .filter(|e| e.lesson_id == lesson && e.step_id == step)
                .collect();
            let expected = StepTally::of(&mine);
            assert!(expected.events > 0);
            assert_eq!(tallies[&(lesson.clone(), step.clone())], expected, "{step}");
            assert_eq!(
                store.step_tally(profile_id, "p", &lesson, &step).unwrap(),
                expected
            );
        }
    }

    #[test]
    fn each_event_updates_its_steps_tally_in_its_transaction() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let p = store.create_profile("Halimé").unwrap();
        let kinds = [
            (EventKind::Attempt, Some(false)),
            (EventKind::Hint, None),
            (EventKind::Attempt, Some(true)),
            (EventKind::Attempt, Some(false)),
            (EventKind::Reveal, None),
            (EventKind::Reflection, None),
            (EventKind::Reflection, None),
            (EventKind::Record, None),
            (EventKind::Skip, None),
            (EventKind::Complete, None),
            (EventKind::Import, None),
        ];
        let mut last_attempt = String::new();
        let mut last_reflection = String::new();
        for (i, (kind, correct)) in kinds.iter().enumerate() {
            let step = if i % 2 == 0 { "s1" } else { "s2" };
            let e = store
                .append_event(&at(&p.id, step), *kind, &json!({"n": i}), *correct)
                .unwrap();
            if step == "s1" && *kind == EventKind::Attempt {
                last_attempt = e.id.clone();
            }
            if step == "s1" && *kind == EventKind::Reflection {
                last_reflection = e.id.clone();
            }
        }
        // A record and its event in one transaction count as well.
        store
            .with_event(&at(&p.id, "s3"), EventKind::Record, None, |_| {
                Ok(((), json!({})))
            })
            .unwrap();
        assert_tallies_match_events(&store, &p.id);
        let s1 = store.step_tally(&p.id, "p", "l1", "s1").unwrap();
        assert_eq!(
            (s1.events, s1.attempts, s1.correct, s1.reveals),
            (6, 2, 1, 1)
        );
        assert_eq!(s1.last_attempt.as_deref(), Some(last_attempt.as_str()));
        assert_eq!(
            s1.last_reflection.as_deref(),
            Some(last_reflection.as_str())
        );
        let s2 = store.step_tally(&p.id, "p", "l1", "s2").unwrap();
        assert_eq!(
            (s2.attempts, s2.correct, s2.hints, s2.completes),
            (1, 0, 1, 1)
        );
        assert_eq!(store.step_tally(&p.id, "p", "l1", "s3").unwrap().records, 1);
        assert_eq!(
            store.step_tally(&p.id, "p", "l1", "none").unwrap(),
            StepTally::default()
        );
        // A failed transaction leaves the tally as it was.
        let before = store.step_tally(&p.id, "p", "l1", "s3").unwrap();
        let failed: Result<((), Event)> =
            store.with_event(&at(&p.id, "s3"), EventKind::Record, None, |_| {
                Err(crate::error::Error::ProfileNameInvalid)
            });
        assert!(failed.is_err());
        assert_eq!(store.step_tally(&p.id, "p", "l1", "s3").unwrap(), before);
    }

    #[test]
    fn an_older_event_does_not_become_the_latest_attempt() {
        // A laptop's clock set back: the latest attempt stays the one latest in time, as
        // when the events themselves are read in order.
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let p = store.create_profile("Idriss").unwrap();
        let sref = at(&p.id, "s1");
        let newer = store
            .append_event(&sref, EventKind::Attempt, &json!({"answer": 2}), Some(true))
            .unwrap();
        let older = Event {
            id: crate::store::new_id(),
            lesson_id: "l1".into(),
            step_id: "s1".into(),
            kind: EventKind::Attempt,
            payload: json!({"answer": 1}),
            correct: Some(false),
            created_at: "2020-01-01T00:00:00.000Z".into(),
        };
        let conn = store.conn();
        conn.execute(
            "INSERT INTO events(id, profile_id, pack_id, pack_version, lesson_id, step_id,
                kind, payload, correct, created_at)
             VALUES (?1, ?2, 'p', '1', 'l1', 's1', 'attempt', '{}', 0, ?3)",
            params![older.id, p.id, older.created_at],
        )
        .unwrap();
        tally_event(conn, &sref, &older).unwrap();
        let t = store.step_tally(&p.id, "p", "l1", "s1").unwrap();
        assert_eq!((t.attempts, t.correct), (2, 1));
        assert_eq!(t.last_attempt, Some(newer.id));
        assert_tallies_match_events(&store, &p.id);
    }

    #[test]
    fn a_database_of_version_3_gets_the_tallies_of_its_events() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(crate::store::DB_FILE);
        {
            // The schema as version 3 left it, with a trainee's events.
            let conn = Connection::open(&path).unwrap();
            for m in &MIGRATIONS[..3] {
                conn.execute_batch(m).unwrap();
            }
            conn.pragma_update(None, "user_version", 3).unwrap();
            conn.execute(
                "INSERT INTO profiles VALUES ('u1', 'Zara', 'zara', '2026-01-01T00:00:00.000Z')",
                [],
            )
            .unwrap();
            let rows = [
                ("e1", "s1", "attempt", Some(false), "08:00:00"),
                ("e2", "s1", "hint", None, "08:00:01"),
                ("e3", "s1", "attempt", Some(true), "08:00:02"),
                ("e4", "s1", "attempt", Some(false), "08:00:03"),
                ("e5", "s2", "reflection", None, "08:00:04"),
                ("e6", "s2", "reflection", None, "08:00:05"),
                ("e7", "s3", "skip", None, "08:00:06"),
                ("e8", "s4", "record", None, "08:00:07"),
                ("e9", "s4", "record", None, "08:00:07"),
            ];
            for (id, step, kind, correct, time) in rows {
                conn.execute(
                    "INSERT INTO events VALUES (?1, 'u1', 'p', '1', 'l1', ?2, ?3, '{}', ?4, ?5)",
                    params![id, step, kind, correct, format!("2026-01-01T{time}.000Z")],
                )
                .unwrap();
            }
        }
        let mut store = Store::open(dir.path()).unwrap();
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
        assert_tallies_match_events(&store, "u1");
        let s1 = store.step_tally("u1", "p", "l1", "s1").unwrap();
        assert_eq!((s1.events, s1.attempts, s1.correct, s1.hints), (4, 3, 1, 1));
        assert_eq!(s1.last_attempt.as_deref(), Some("e4"));
        let s2 = store.step_tally("u1", "p", "l1", "s2").unwrap();
        assert_eq!(s2.last_reflection.as_deref(), Some("e6"));
        assert_eq!(s2.last_attempt, None);
        assert_eq!(store.step_tally("u1", "p", "l1", "s4").unwrap().records, 2);
        // Events added after the migration go on from the migrated tallies.
        store
            .append_event(&at("u1", "s1"), EventKind::Attempt, &json!({}), Some(true))
            .unwrap();
        assert_tallies_match_events(&store, "u1");
        let s1 = store.step_tally("u1", "p", "l1", "s1").unwrap();
        assert_eq!((s1.events, s1.attempts, s1.correct), (5, 4, 2));
    }
}
