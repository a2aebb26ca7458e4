//! Checkpoints of the write-ahead log, off the path of the trainee's actions.
//!
//! SQLite's automatic checkpoint runs inside the commit that takes the WAL over 1,000
//! pages: that commit then syncs three times (its own WAL sync, the WAL again and the
//! database file for the checkpoint), about 30 ms on an eMMC disk where a sync takes
//! 10 ms, once every hundred or so answers. Here the store's connection has a WAL hook
//! instead of the automatic checkpoint: past the same 1,000 pages it wakes a thread that
//! runs a passive checkpoint on a connection of its own, with `synchronous=FULL` too.
//!
//! The WAL is reused from its start only once a checkpoint has copied all of it before a
//! commit begins: with commits seconds apart (a trainee's answers) the thread is done long
//! before the next one; with commits back to back it never catches up, so past
//! [`INLINE_PAGES`] the commit checkpoints itself, as SQLite would, and the WAL stays
//! bounded.
//!
//! Durability is the same: every commit still syncs the WAL before it returns (WAL mode,
//! `synchronous=FULL` on the store's connection); a checkpoint only copies committed pages
//! into the database file, syncing it, and a crash during one loses nothing (SQLite
//! replays the WAL on the next open). A passive checkpoint never blocks a commit.

use std::os::raw::c_int;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

use rusqlite::hooks::Wal;
use rusqlite::Connection;

use crate::error::Result;

/// The WAL size, in pages, past which a checkpoint is asked for (SQLite's default for its
/// automatic checkpoint).
pub const CHECKPOINT_PAGES: c_int = 1000;

/// The WAL size, in pages, past which the commit checkpoints in place (commits back to
/// back, which the thread cannot catch up with).
pub const INLINE_PAGES: c_int = 4 * CHECKPOINT_PAGES;

/// The checkpoint thread of a store; stopped (and its connection closed) when dropped.
pub(super) struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
    /// Checkpoints the thread ran.
    done: Arc<AtomicUsize>,
}

impl Checkpointer {
    /// Starts the thread for the database at `path` and hands the checkpoints of `conn`
    /// (the store's connection) to it.
    pub(super) fn start(conn: &mut Connection, path: &Path) -> Result<Checkpointer> {
        let (wake, asked) = sync_channel::<()>(1);
        let path = path.to_path_buf();
        let done = Arc::new(AtomicUsize::new(0));
        let counted = done.clone();
        let thread = std::thread::Builder::new()
            .name("datajam-checkpoint".into())
            .spawn(move || {
                let Ok(own) = open(&path) else { return };
                while asked.recv().is_ok() {
                    // A failed checkpoint is tried again at the next request; the WAL keeps
                    // every commit meanwhile.
                    if own
                        .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
                        .is_ok()
                    {
                        counted.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })?;
        let hook_wake = wake.clone();
        // The WAL size when a checkpoint was last asked for: one request per 1,000 pages
        // written, as often as SQLite's own checkpoint, not one per commit.
        let mut asked_at: c_int = 0;
        conn.wal_hook(Some(move |wal: &mut Wal, pages: c_int| {
            if pages < asked_at {
                // The WAL was reused from its start.
                asked_at = 0;
            }
            if pages >= INLINE_PAGES {
                // Busy when the thread is checkpointing: it goes on, nothing is lost.
                let _ = wal.checkpoint();
            } else if pages >= asked_at + CHECKPOINT_PAGES {
                asked_at = pages;
                // Full: a checkpoint is already asked for.
                let _ = hook_wake.try_send(());
            }
            Ok(())
        }))?;
        Ok(Checkpointer {
            wake: Some(wake),
            thread: Some(thread),
            done,
        })
    }

    /// The checkpoints the thread ran so far.
    pub(super) fn done(&self) -> usize {
        self.done.load(Ordering::SeqCst)
    }

    /// Stops the thread once its current checkpoint is done; `conn` (the store's) gets
    /// its own checkpoints back, SQLite's automatic one.
    pub(super) fn stop(&mut self, conn: &mut Connection) {
        let _ = conn.wal_hook(None::<fn(&mut Wal, c_int) -> rusqlite::Result<()>>);
        self.wake = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        let _ = conn.pragma_update(None, "wal_autocheckpoint", CHECKPOINT_PAGES);
    }
}

/// The checkpoint thread's connection: same sync level as the store's, so a checkpoint
/// syncs the database file before the WAL is reused.
fn open(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::INLINE_PAGES;
    use crate::store::{EventKind, StepRef, Store, DB_FILE};
    use std::time::{Duration, Instant};

    fn append(store: &mut Store, profile_id: &str, n: usize) {
        for i in 0..n {
            let at = StepRef {
                profile_id,
                pack_id: "p",
                pack_version: "1",
                lesson_id: "l1",
                step_id: &format!("s{}", i % 30),
            };
            let payload = serde_json::json!({"answer": "x".repeat(200), "n": i});
            store
                .append_event(&at, EventKind::Attempt, &payload, Some(false))
                .unwrap();
        }
    }

    #[test]
    fn the_wal_is_checkpointed_by_the_thread_and_stays_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let p = store.create_profile("Achta").unwrap();
        let wal = dir.path().join(format!("{DB_FILE}-wal"));
        // Enough commits to fill the WAL past its limit several times.
        append(&mut store, &p.id, 1500);
        let start = Instant::now();
        while store.background_checkpoints() == 0 && start.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(store.background_checkpoints() > 0, "no checkpoint ran");
        // The WAL is reused once checkpointed, so it does not grow with the history.
        append(&mut store, &p.id, 1500);
        let size = std::fs::metadata(&wal).unwrap().len();
        let limit = (INLINE_PAGES as u64 + 1000) * 4096;
        assert!(size < limit, "WAL of {size} bytes, limit {limit}");
        drop(store);
        // Every event is there after the store is closed and opened again.
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.events(&p.id, "p").unwrap().len(), 3000);
        let check: String = store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }
}
