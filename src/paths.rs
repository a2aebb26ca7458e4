//! Where DataJam Atelier keeps its data: the directory named by `DATAJAM_DATA_DIR`; else,
//! for a **portable copy** (a folder on a USB stick with [`PORTABLE_MARKER`] beside the
//! program), the folder [`PORTABLE_DATA`] beside the program; else the operating system's
//! per-user data directory.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The environment variable that overrides the data directory (tests, scripted runs, a
/// portable install on a USB stick).
pub const DATA_DIR_ENV: &str = "DATAJAM_DATA_DIR";

/// The file that makes a copy of the program portable: beside the program, it keeps the
/// data next to it (its content does not matter).
pub const PORTABLE_MARKER: &str = "portable.txt";
/// The folder, beside a portable program, that holds its data.
pub const PORTABLE_DATA: &str = "datajam-data";

/// The data directory: `DATAJAM_DATA_DIR` if set and not empty; else the portable folder
/// beside the running program when [`PORTABLE_MARKER`] sits there; else the OS default.
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| portable_data_dir(&exe))
    {
        return Ok(dir);
    }
    os_data_dir().ok_or_else(|| Error::DataDir {
        path: String::new(),
        reason: "no home directory".into(),
    })
}

/// The data folder of a portable copy whose program is `exe`: `<exe's folder>/datajam-data`
/// when `portable.txt` sits beside the program, else `None`.
pub fn portable_data_dir(exe: &Path) -> Option<PathBuf> {
    let dir = exe.parent()?;
    dir.join(PORTABLE_MARKER)
        .is_file()
        .then(|| dir.join(PORTABLE_DATA))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_beside_the_program_keeps_the_data_next_to_it() {
        let stick = tempfile::tempdir().unwrap();
        let exe = stick.path().join("datajam-desktop.exe");
        std::fs::write(&exe, b"").unwrap();
        assert_eq!(portable_data_dir(&exe), None, "no marker: not portable");
        std::fs::write(stick.path().join(PORTABLE_MARKER), b"").unwrap();
        assert_eq!(
            portable_data_dir(&exe),
            Some(stick.path().join(PORTABLE_DATA))
        );
        // A folder named like the marker is not one.
        let other = tempfile::tempdir().unwrap();
        std::fs::create_dir(other.path().join(PORTABLE_MARKER)).unwrap();
        assert_eq!(portable_data_dir(&other.path().join("datajam")), None);
    }
}
