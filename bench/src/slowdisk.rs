//! A slow disk for the benchmarks: an SQLite VFS ("slowdisk") that wraps the default one
//! (the unix VFS) and, in each file's `xSync`, sleeps a set delay before the real sync,
//! counting the syncs by kind of file (the database, its WAL, any other).
//!
//! Installed as SQLite's default VFS, so a `Workshop` or a `Store` opened afterwards goes
//! through it with the core unchanged (same `Store::open`: WAL, synchronous=FULL). Every
//! call but `xOpen`, `xSync` and `xClose` is the unix VFS's own, on the unix VFS's own
//! file structure: `xOpen` lets the unix VFS open the file in place and only swaps the
//! file's method table for a copy whose `xSync` and `xClose` are ours.

use std::collections::HashMap;
use std::ffi::{c_char, c_int};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use rusqlite::ffi;

use crate::measure::BoxError;

/// The delay slept in each sync, in microseconds (0: none).
static DELAY_US: AtomicU64 = AtomicU64::new(0);
/// Syncs of the main database file, of the WAL, of any other file.
static SYNCS: [AtomicU64; 3] = [const { AtomicU64::new(0) }; 3];

thread_local! {
    /// The same, by the calling thread only.
    static MINE: [std::cell::Cell<u64>; 3] = const { [const { std::cell::Cell::new(0) }; 3] };
}

const MAIN_DB: usize = 0;
const WAL: usize = 1;
const OTHER: usize = 2;

/// Addresses (as `usize`, so the state is `Send`) of what the shim keeps.
#[derive(Default)]
struct State {
    /// The wrapped VFS.
    base: usize,
    /// Our method table for each original one, and back.
    ours_of: HashMap<usize, usize>,
    original_of: HashMap<usize, usize>,
    /// The kind of each open file.
    kind_of: HashMap<usize, usize>,
}

fn state() -> &'static Mutex<State> {
    static STATE: OnceLock<Mutex<State>> = OnceLock::new();
    STATE.get_or_init(|| Mutex::new(State::default()))
}

/// Syncs counted so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Syncs {
    pub db: u64,
    pub wal: u64,
    pub other: u64,
}

impl Syncs {
    pub fn total(&self) -> u64 {
        self.db + self.wal + self.other
    }

    /// The syncs between `earlier` and `self`.
    pub fn since(&self, earlier: Syncs) -> Syncs {
        Syncs {
            db: self.db - earlier.db,
            wal: self.wal - earlier.wal,
            other: self.other - earlier.other,
        }
    }
}

/// The syncs this thread did so far (through the shim).
pub fn my_syncs() -> Syncs {
    MINE.with(|m| Syncs {
        db: m[MAIN_DB].get(),
        wal: m[WAL].get(),
        other: m[OTHER].get(),
    })
}

/// The syncs counted so far (by every connection opened through the shim, on any thread).
pub fn syncs() -> Syncs {
    Syncs {
        db: SYNCS[MAIN_DB].load(Ordering::SeqCst),
        wal: SYNCS[WAL].load(Ordering::SeqCst),
        other: SYNCS[OTHER].load(Ordering::SeqCst),
    }
}

/// Sets the delay each sync takes on top of the real one.
pub fn set_delay(delay: Duration) {
    DELAY_US.store(delay.as_micros() as u64, Ordering::SeqCst);
}

/// Registers the shim as SQLite's default VFS (once): connections opened from now on go
/// through it; those already open keep theirs.
pub fn install() -> Result<(), BoxError> {
    static INSTALLED: OnceLock<std::result::Result<(), String>> = OnceLock::new();
    INSTALLED
        .get_or_init(|| unsafe { register() })
        .clone()
        .map_err(Into::into)
}

unsafe fn register() -> std::result::Result<(), String> {
    // SAFETY: sqlite3_vfs_find(NULL) gives the default VFS, which lives as long as the
    // process; our copy is leaked so it does too, as SQLite requires of a registered VFS.
    unsafe {
        let base = ffi::sqlite3_vfs_find(std::ptr::null());
        if base.is_null() {
            return Err("no default SQLite VFS".into());
        }
        state().lock().unwrap().base = base as usize;
        let mut vfs: ffi::sqlite3_vfs = *base;
        vfs.zName = c"slowdisk".as_ptr();
        vfs.pNext = std::ptr::null_mut();
        vfs.xOpen = Some(x_open);
        let vfs = Box::leak(Box::new(vfs));
        match ffi::sqlite3_vfs_register(vfs, 1) {
            ffi::SQLITE_OK => Ok(()),
            rc => Err(format!("sqlite3_vfs_register failed: {rc}")),
        }
    }
}

unsafe extern "C" fn x_open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    // SAFETY: SQLite hands a `file` of the base VFS's `szOsFile` bytes (ours is the same);
    // the base VFS opens it in place, and we only replace its method table with a copy.
    unsafe {
        let base = state().lock().unwrap().base as *mut ffi::sqlite3_vfs;
        let Some(open) = (*base).xOpen else {
            return ffi::SQLITE_ERROR;
        };
        let rc = open(base, name, file, flags, out_flags);
        if rc != ffi::SQLITE_OK || (*file).pMethods.is_null() {
            return rc;
        }
        let kind = if flags & ffi::SQLITE_OPEN_MAIN_DB != 0 {
            MAIN_DB
        } else if flags & ffi::SQLITE_OPEN_WAL != 0 {
            WAL
        } else {
            OTHER
        };
        let mut st = state().lock().unwrap();
        let original = (*file).pMethods as usize;
        let ours = *st.ours_of.entry(original).or_insert_with(|| {
            let mut m: ffi::sqlite3_io_methods = *(original as *const ffi::sqlite3_io_methods);
            m.xSync = Some(x_sync);
            m.xClose = Some(x_close);
            Box::leak(Box::new(m)) as *const ffi::sqlite3_io_methods as usize
        });
        st.original_of.insert(ours, original);
        st.kind_of.insert(file as usize, kind);
        (*file).pMethods = ours as *const ffi::sqlite3_io_methods;
        rc
    }
}

/// The original method table of a file opened through the shim.
unsafe fn original(file: *mut ffi::sqlite3_file) -> &'static ffi::sqlite3_io_methods {
    let st = state().lock().unwrap();
    // SAFETY: every file whose methods are ours was opened by `x_open`, which recorded
    // the original (static) table of the base VFS.
    unsafe { &*(st.original_of[&((*file).pMethods as usize)] as *const ffi::sqlite3_io_methods) }
}

unsafe extern "C" fn x_sync(file: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    // SAFETY: called by SQLite on a file opened by `x_open`.
    unsafe {
        let methods = original(file);
        let kind = state()
            .lock()
            .unwrap()
            .kind_of
            .get(&(file as usize))
            .copied()
            .unwrap_or(OTHER);
        SYNCS[kind].fetch_add(1, Ordering::SeqCst);
        MINE.with(|m| m[kind].set(m[kind].get() + 1));
        let delay = DELAY_US.load(Ordering::SeqCst);
        if delay > 0 {
            std::thread::sleep(Duration::from_micros(delay));
        }
        match methods.xSync {
            Some(sync) => sync(file, flags),
            None => ffi::SQLITE_OK,
        }
    }
}

unsafe extern "C" fn x_close(file: *mut ffi::sqlite3_file) -> c_int {
    // SAFETY: called by SQLite on a file opened by `x_open`.
    unsafe {
        let methods = original(file);
        state().lock().unwrap().kind_of.remove(&(file as usize));
        match methods.xClose {
            Some(close) => close(file),
            None => ffi::SQLITE_OK,
        }
    }
}
