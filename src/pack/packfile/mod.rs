//! `.datajam` pack files: one file per pack, for USB sticks.
//!
//! A pack file is a zip archive of a pack source folder (see [`crate::pack`]) plus
//! [`HASHES_FILE`], the SHA-256 of every other file. It is built reproducibly (same source,
//! same bytes: sorted entries, fixed timestamps and permissions, deflate) and read as
//! untrusted input: every entry is checked (path, type, size, compression ratio, hash)
//! in memory before anything is written, and installing copies the file under a temporary
//! name, syncs it and renames it, so a half-copied pack is never installed.
//!
//! This module owns the file format: building ([`build`], [`to_bytes`]) and reading
//! ([`read`], [`read_files`]) with their errors. `install` owns the installed packs
//! ([`install`], [`installed_for_workshop`]); `version` which version is newer
//! ([`compare_versions`]).

mod install;
#[cfg(test)]
mod tests;
mod version;

pub use install::{
    install, installed, installed_for_workshop, orphaned_steps, packs_dir, InstallReport,
    OrphanedStep, PACKS_DIR,
};
use version::check_version;
pub use version::compare_versions;

use std::collections::{BTreeMap, HashSet};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::i18n::Lang;
use crate::pack::{
    is_safe_relative_path, parse, Origin, Pack, PackError, Problem, MAX_FILES, MAX_FILE_BYTES,
    MAX_TOTAL_BYTES,
};
use crate::tr;

/// The extension of pack files.
pub const EXTENSION: &str = "datajam";
/// The manifest of hashes inside a pack file.
pub const HASHES_FILE: &str = "datajam-hashes.json";
/// The pack file format this version writes and reads.
pub const FORMAT: u32 = 1;
/// Largest pack file read at all (the content limits plus room for zip overhead).
pub const MAX_PACKFILE_BYTES: u64 = MAX_TOTAL_BYTES + 8 * 1024 * 1024;
/// Largest accepted ratio of uncompressed to compressed size for one entry...
pub const MAX_RATIO: u64 = 200;
/// ...checked on entries larger than this (tiny files compress unpredictably).
pub const RATIO_MIN_BYTES: u64 = 64 * 1024;
/// Why a pack file cannot be built, read or installed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PackFileError {
    /// The pack's content is invalid (manifest, lessons, schema version...).
    #[error(transparent)]
    Pack(#[from] PackError),
    #[error("cannot read the pack file {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("unsafe path in the pack file: {entry}")]
    UnsafePath { entry: String },
    #[error("link or special file in the pack file: {entry}")]
    Link { entry: String },
    #[error("entry present twice in the pack file: {entry}")]
    Duplicate { entry: String },
    #[error("more than {MAX_FILES} files in the pack file")]
    TooManyFiles,
    #[error("the pack file is too large: {entry}")]
    TooLarge { entry: String },
    #[error("suspicious compression (zip bomb?): {entry}")]
    ZipBomb { entry: String },
    #[error("the list of hashes ({HASHES_FILE}) is missing or invalid: {reason}")]
    HashesInvalid { reason: String },
    #[error("{entry} does not match its hash")]
    HashMismatch { entry: String },
    #[error("{entry} is not in the list of hashes")]
    NotHashed { entry: String },
    #[error("{entry} is in the list of hashes but not in the pack file")]
    Missing { entry: String },
    #[error("version `{version}` cannot be used in a file name")]
    BadVersion { version: String },
    #[error("the pack id `{id}` is the built-in pack's")]
    ReservedId { id: String },
    #[error("version {installed} of this pack is already installed, newer than {version}")]
    Downgrade { version: String, installed: String },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
}

crate::stage_error!(PackFileError {
    PackFileError::Pack(e) => e.code(),
    PackFileError::Unreadable { .. } => "pack.unreadable",
    PackFileError::UnsafePath { .. } => "pack.unsafe_path",
    PackFileError::Link { .. } => "pack.link",
    PackFileError::Duplicate { .. } => "pack.duplicate_entry",
    PackFileError::TooManyFiles => "pack.too_many_files",
    PackFileError::TooLarge { .. } => "pack.too_large",
    PackFileError::ZipBomb { .. } => "pack.zip_bomb",
    PackFileError::HashesInvalid { .. } => "pack.hashes_invalid",
    PackFileError::HashMismatch { .. } => "pack.hash_mismatch",
    PackFileError::NotHashed { .. } => "pack.not_hashed",
    PackFileError::Missing { .. } => "pack.file_missing",
    PackFileError::BadVersion { .. } => "pack.bad_version",
    PackFileError::ReservedId { .. } => "pack.reserved_id",
    PackFileError::Downgrade { .. } => "pack.downgrade",
    PackFileError::Write { .. } => "pack.write_failed",
});

impl PackFileError {
    /// The message for a person, in their language, saying what they can do about it.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PackFileError::Pack(e) => e.message(lang),
            PackFileError::Unreadable { path, reason } => {
                tr!(lang, "pack-file-unreadable", path = path, reason = reason)
            }
            PackFileError::UnsafePath { entry } => tr!(lang, "pack-unsafe-path", entry = entry),
            PackFileError::Link { entry } => tr!(lang, "pack-link", entry = entry),
            PackFileError::Duplicate { entry } => tr!(lang, "pack-duplicate-entry", entry = entry),
            PackFileError::TooManyFiles => {
                tr!(lang, "pack-too-many-files", max = MAX_FILES.to_string())
            }
            PackFileError::TooLarge { entry } => tr!(
                lang,
                "pack-too-large",
                entry = entry,
                file_mb = (MAX_FILE_BYTES / 1_048_576).to_string(),
                total_mb = (MAX_TOTAL_BYTES / 1_048_576).to_string()
            ),
            PackFileError::ZipBomb { entry } => tr!(lang, "pack-zip-bomb", entry = entry),
            PackFileError::HashesInvalid { reason } => tr!(
                lang,
                "pack-hashes-invalid",
                file = HASHES_FILE,
                reason = reason
            ),
            PackFileError::HashMismatch { entry } => tr!(lang, "pack-hash-mismatch", entry = entry),
            PackFileError::NotHashed { entry } => tr!(lang, "pack-not-hashed", entry = entry),
            PackFileError::Missing { entry } => tr!(lang, "pack-file-missing", entry = entry),
            PackFileError::BadVersion { version } => {
                tr!(lang, "pack-bad-version", version = version)
            }
            PackFileError::ReservedId { id } => tr!(lang, "pack-reserved-id", id = id),
            PackFileError::Downgrade { version, installed } => tr!(
                lang,
                "pack-downgrade",
                installed = installed,
                version = version
            ),
            PackFileError::Write { path, reason } => {
                tr!(lang, "pack-write-failed", path = path, reason = reason)
            }
        }
    }
}

/// The manifest of hashes stored as [`HASHES_FILE`].
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Hashes {
    format: u32,
    algorithm: String,
    /// The app that built the file (`DataJam Atelier 0.1.0`); absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    built_by: Option<String>,
    /// Path → lowercase hex SHA-256.
    files: BTreeMap<String, String>,
}

/// What `build` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct BuildReport {
    pub path: PathBuf,
    pub id: String,
    pub version: String,
    /// Files of the pack (the list of hashes not counted).
    pub files: usize,
    pub bytes: u64,
    /// SHA-256 of the whole pack file.
    pub sha256: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The bytes of a pack file for `pack`: deterministic for the same files.
pub fn to_bytes(pack: &Pack) -> Result<Vec<u8>, PackFileError> {
    use zip::write::SimpleFileOptions;
    let files = pack.files();
    if files.contains_key(HASHES_FILE) {
        return Err(PackError::Invalid(vec![Problem {
            file: HASHES_FILE.into(),
            line: 0,
            message: "this file name is reserved for pack files".into(),
        }])
        .into());
    }
    let hashes = Hashes {
        format: FORMAT,
        algorithm: "sha256".into(),
        built_by: Some(crate::written_by()),
        files: files.iter().map(|(p, b)| (p.clone(), sha256(b))).collect(),
    };
    let mut hashes_json = serde_json::to_vec_pretty(&hashes).map_err(|e| PackFileError::Write {
        path: HASHES_FILE.into(),
        reason: e.to_string(),
    })?;
    hashes_json.push(b'\n');
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let write_err = |e: &dyn std::fmt::Display| PackFileError::Write {
        path: "zip".into(),
        reason: e.to_string(),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // The list of hashes first, then the files in path order.
    let entries = std::iter::once((HASHES_FILE, hashes_json.as_slice()))
        .chain(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    for (path, bytes) in entries {
        zip.start_file(path, options).map_err(|e| write_err(&e))?;
        zip.write_all(bytes).map_err(|e| write_err(&e))?;
    }
    let cursor = zip.finish().map_err(|e| write_err(&e))?;
    Ok(cursor.into_inner())
}

/// Writes `bytes` to `out` whole or not at all (see [`crate::store::fsio`]): `out` is
/// either absent, the old file, or the complete new one.
pub(super) fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), PackFileError> {
    crate::store::fsio::write_atomic(out, bytes).map_err(|e| PackFileError::Write {
        path: out.display().to_string(),
        reason: e.to_string(),
    })
}

/// Builds the pack file `out` from the pack source folder `dir`, after checking the pack:
/// an invalid pack is refused and nothing is written.
pub fn build(dir: &Path, out: &Path) -> Result<BuildReport, PackFileError> {
    let pack = Pack::from_dir(dir)?;
    check_version(&pack.manifest.version)?;
    let bytes = to_bytes(&pack)?;
    write_atomically(out, &bytes)?;
    Ok(BuildReport {
        path: out.to_path_buf(),
        id: pack.id().to_string(),
        version: pack.manifest.version.clone(),
        files: pack.files().len(),
        bytes: bytes.len() as u64,
        sha256: sha256(&bytes),
    })
}

/// Reads the files of a pack file held in memory, checking every entry and every hash.
/// The list of hashes itself is not in the result.
pub fn read_files(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, PackFileError> {
    let unreadable = |reason: String| PackFileError::Unreadable {
        path: String::new(),
        reason,
    };
    if bytes.len() as u64 > MAX_PACKFILE_BYTES {
        return Err(PackFileError::TooLarge {
            entry: "(pack file)".into(),
        });
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("not a DataJam pack file ({e})")))?;
    if zip.has_duplicate_names() {
        return Err(PackFileError::Duplicate { entry: "?".into() });
    }
    if zip.len() > MAX_FILES + 1 {
        return Err(PackFileError::TooManyFiles);
    }

    // First pass: names, types and declared sizes, without decompressing anything.
    let mut entries = Vec::new();
    let mut names = HashSet::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| unreadable(e.to_string()))?;
        let name = match std::str::from_utf8(f.name_raw()) {
            Ok(n) => n.to_string(),
            Err(_) => {
                return Err(PackFileError::UnsafePath {
                    entry: String::from_utf8_lossy(f.name_raw()).into_owned(),
                })
            }
        };
        let stripped = name.strip_suffix('/').unwrap_or(&name);
        if !is_safe_relative_path(stripped) || name.contains('\0') {
            return Err(PackFileError::UnsafePath { entry: name });
        }
        if f.is_symlink() {
            return Err(PackFileError::Link { entry: name });
        }
        if f.is_dir() {
            continue; // folders carry nothing; their files are checked one by one
        }
        // A unix file type other than a regular file (fifo, device...).
        if let Some(mode) = f.unix_mode() {
            let kind = mode & 0o170000;
            if kind != 0 && kind != 0o100000 {
                return Err(PackFileError::Link { entry: name });
            }
        }
        if !names.insert(name.clone()) {
            return Err(PackFileError::Duplicate { entry: name });
        }
        if names.len() > MAX_FILES + 1 {
            return Err(PackFileError::TooManyFiles);
        }
        if !matches!(
            f.compression(),
            zip::CompressionMethod::Stored | zip::CompressionMethod::Deflated
        ) {
            return Err(unreadable(format!("{name}: unsupported compression")));
        }
        let size = f.size();
        total = total.saturating_add(size);
        if size > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES {
            return Err(PackFileError::TooLarge { entry: name });
        }
        if size > RATIO_MIN_BYTES && size / f.compressed_size().max(1) > MAX_RATIO {
            return Err(PackFileError::ZipBomb { entry: name });
        }
        entries.push((i, name, size));
    }

    // Second pass: decompress, never more than the declared size (plus one byte to catch
    // an entry that lies about it); the zip reader checks each entry's CRC at its end.
    let mut files = BTreeMap::new();
    for (i, name, size) in entries {
        let f = zip.by_index(i).map_err(|e| unreadable(e.to_string()))?;
        let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0).min(1 << 20));
        // The zip reader itself stops with an error past the declared size.
        if let Err(e) = f.take(size + 1).read_to_end(&mut buf) {
            return Err(if e.to_string().contains("larger than its declared") {
                PackFileError::ZipBomb { entry: name }
            } else {
                unreadable(format!("{name}: {e}"))
            });
        }
        if buf.len() as u64 > size {
            return Err(PackFileError::ZipBomb { entry: name });
        }
        if (buf.len() as u64) < size {
            return Err(unreadable(format!("{name}: truncated")));
        }
        files.insert(name, buf);
    }

    // Hashes: every file listed, every listed file present, every hash right.
    let hashes_bytes = files
        .remove(HASHES_FILE)
        .ok_or_else(|| PackFileError::HashesInvalid {
            reason: "missing".into(),
        })?;
    let hashes: Hashes =
        serde_json::from_slice(&hashes_bytes).map_err(|e| PackFileError::HashesInvalid {
            reason: e.to_string(),
        })?;
    if hashes.format != FORMAT || hashes.algorithm != "sha256" {
        return Err(PackFileError::HashesInvalid {
            reason: format!(
                "unknown format {} / {} (this app reads {FORMAT} / sha256)",
                hashes.format, hashes.algorithm
            ),
        });
    }
    for (path, bytes) in &files {
        match hashes.files.get(path) {
            None => {
                return Err(PackFileError::NotHashed {
                    entry: path.clone(),
                })
            }
            Some(h) if !h.eq_ignore_ascii_case(&sha256(bytes)) => {
                return Err(PackFileError::HashMismatch {
                    entry: path.clone(),
                })
            }
            Some(_) => {}
        }
    }
    if let Some(path) = hashes.files.keys().find(|p| !files.contains_key(*p)) {
        return Err(PackFileError::Missing {
            entry: path.clone(),
        });
    }
    Ok(files)
}

/// Reads and checks a pack file held in memory; `origin` is recorded in the pack.
pub fn read_bytes(bytes: &[u8], origin: Origin) -> Result<Pack, PackFileError> {
    let files = read_files(bytes)?;
    let (pack, problems) = parse(files, origin);
    match pack {
        Some(p) if problems.is_empty() => {
            check_version(&p.manifest.version)?;
            Ok(p)
        }
        _ => Err(PackError::Invalid(problems).into()),
    }
}

/// Reads a file no larger than the pack file limit.
pub(super) fn read_limited(file: &Path) -> Result<Vec<u8>, PackFileError> {
    let unreadable = |reason: String| PackFileError::Unreadable {
        path: file.display().to_string(),
        reason,
    };
    let f = std::fs::File::open(file).map_err(|e| unreadable(e.to_string()))?;
    let meta = f.metadata().map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(unreadable("not a file".into()));
    }
    if meta.len() > MAX_PACKFILE_BYTES {
        return Err(PackFileError::TooLarge {
            entry: file.display().to_string(),
        });
    }
    let mut bytes = Vec::new();
    f.take(MAX_PACKFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    Ok(bytes)
}

/// Fills in the file path of an error that names none.
pub(super) fn with_path(e: PackFileError, file: &Path) -> PackFileError {
    match e {
        PackFileError::Unreadable { path, reason } if path.is_empty() => {
            PackFileError::Unreadable {
                path: file.display().to_string(),
                reason,
            }
        }
        e => e,
    }
}

/// Reads and fully checks the pack file `file`.
pub fn read(file: &Path) -> Result<Pack, PackFileError> {
    let bytes = read_limited(file)?;
    read_bytes(&bytes, Origin::PackFile(file.to_path_buf())).map_err(|e| with_path(e, file))
}

/// Loads a pack from a pack file or else a source folder, whichever `path` is.
pub fn load(path: &Path) -> Result<Pack, PackFileError> {
    if path.is_file() {
        read(path)
    } else {
        Ok(Pack::from_dir(path)?)
    }
}
