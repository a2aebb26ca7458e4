//! Files written whole or not at all: the one atomic write every file the app saves goes
//! through (progress files, class CSVs, exported tables, charts, pack files, a step's
//! file copied out).
//!
//! [`write_atomic_with`] writes into a temporary file in the target's folder (named
//! `.datajam-….tmp`, so listings that skip hidden files never see it), flushes it to disk
//! (`fsync`), renames it over the target, then flushes the folder so that the rename
//! itself survives a power cut (on Unix; on Windows the rename is the best available).
//! A USB stick pulled out mid-write leaves the old file or no file, never half a file.
//!
//! - **Permissions**: the result has the permissions a plain `File::create` would give:
//!   an existing target keeps its own, a new file gets `0666` less the umask (`0644` under
//!   the usual umask `022`), not the temporary file's private `0600`.
//! - **Failure**: on any error (in the caller's writing, the flush or the rename) the
//!   temporary file is removed and the target is left untouched.

use std::fs::File;
use std::io::Write;
use std::path::Path;

/// The folder a file is written in: its parent, or `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `path` whole or not at all through `write`, which fills the temporary file and
/// returns a value passed back on success. Errors of `write` come back as they are; I/O
/// errors of the temporary file, the flush and the rename come back through `E::from`.
pub fn write_atomic_with<T, E>(
    path: &Path,
    write: impl FnOnce(&mut File) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<std::io::Error>,
{
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".datajam-").suffix(".tmp");
    #[cfg(unix)]
    let existing = std::fs::metadata(path).ok().filter(|m| m.is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with 0666 under the umask, as `File::create` would.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    // An existing target keeps its permissions, as `File::create` over it would.
    #[cfg(unix)]
    if let Some(meta) = existing {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    let value = write(tmp.as_file_mut())?;
    tmp.as_file_mut().flush()?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable. Best effort: the target is already replaced, and
    // some file systems refuse to flush a folder.
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(value)
}

/// Writes `bytes` to `path` whole or not at all (see [`write_atomic_with`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The names in a folder, sorted.
    pub(crate) fn names_in(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        write_atomic(&target, b"first").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"first");
        write_atomic(&target, b"second, longer").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second, longer");
        let n = write_atomic_with(&target, |f| {
            f.write_all(b"third")?;
            Ok::<_, std::io::Error>(5)
        })
        .unwrap();
        assert_eq!(n, 5);
        assert_eq!(std::fs::read(&target).unwrap(), b"third");
        assert_eq!(names_in(dir.path()), ["a.json"]);
    }

    #[test]
    fn a_failed_write_leaves_the_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.csv");
        std::fs::write(&target, b"old").unwrap();
        let err = write_atomic_with(&target, |f| {
            f.write_all(b"half a file")?;
            Err::<(), _>(std::io::Error::other("disk unplugged"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk unplugged");
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert_eq!(names_in(dir.path()), ["t.csv"]);
        // A new target is not created at all.
        let fresh = dir.path().join("new.xlsx");
        write_atomic_with(&fresh, |_| Err::<(), _>(std::io::Error::other("x"))).unwrap_err();
        assert!(!fresh.exists());
        assert_eq!(names_in(dir.path()), ["t.csv"]);
        // A rename that cannot happen (the target is a folder) leaves nothing behind.
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("inside"), b"kept").unwrap();
        write_atomic(&folder, b"x").unwrap_err();
        assert_eq!(names_in(dir.path()), ["folder", "t.csv"]);
        assert_eq!(names_in(&folder), ["inside"]);
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no").join("such.csv");
        assert!(write_atomic(&target, b"x").is_err());
        assert!(!dir.path().join("no").exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_result_has_ordinary_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        // What `File::create` gives a new file under this process's umask.
        File::create(dir.path().join("probe")).unwrap();
        let expected = mode(&dir.path().join("probe"));
        // 0644 under the usual umask 022; never the temporary file's 0600 unless the
        // umask itself asks for it.
        assert_ne!(expected, 0o600, "this test needs a umask that is not 077");
        let target = dir.path().join("new.csv");
        write_atomic(&target, b"x").unwrap();
        assert_eq!(mode(&target), expected);
        // An existing file keeps its own permissions, as `File::create` over it would.
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&target, b"y").unwrap();
        assert_eq!(mode(&target), 0o640);
        assert_eq!(std::fs::read(&target).unwrap(), b"y");
    }
}
