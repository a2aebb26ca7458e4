//! Where DataJam Atelier keeps its data: the directory named by `DATAJAM_DATA_DIR`, or the
//! operating system's per-user data directory.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The environment variable that overrides the data directory (tests, scripted runs, a
/// portable install on a USB stick).
pub const DATA_DIR_ENV: &str = "DATAJAM_DATA_DIR";

/// The data directory: `DATAJAM_DATA_DIR` if set and not empty, else the OS default.
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    os_data_dir().ok_or_else(|| Error::DataDir {
        path: String::new(),
        reason: "no home directory".into(),
    })
}

fn os_data_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        env("APPDATA").map(|d| d.join("DataJam Atelier"))
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support/DataJam Atelier"))
    } else {
        env("XDG_DATA_HOME")
            .or_else(|| env("HOME").map(|h| h.join(".local/share")))
            .map(|d| d.join("datajam-atelier"))
    }
}

/// Creates the data directory if needed and checks it is a directory.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::DataDir {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    if !dir.is_dir() {
        return Err(Error::DataDir {
            path: dir.display().to_string(),
            reason: "not a directory".into(),
        });
    }
    Ok(())
}
