//! `.datajam` pack files: one file per pack, for USB sticks.
//!
//! A pack file is a zip archive of a pack source folder (see [`crate::pack`]) plus
//! [`HASHES_FILE`], the SHA-256 of every other file. It is built reproducibly (same source,
//! same bytes: sorted entries, fixed timestamps and permissions, deflate) and read as
//! untrusted input: every entry is checked (path, type, size, compression ratio, hash)
//! in memory before anything is written, and installing copies the file under a temporary
//! name, syncs it and renames it, so a half-copied pack is never installed.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::i18n::Lang;
use crate::pack::{
    is_safe_relative_path, parse, Origin, Pack, PackError, Problem, MAX_FILES, MAX_FILE_BYTES,
    MAX_TOTAL_BYTES,
};

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
/// Where installed packs live, under the data directory.
pub const PACKS_DIR: &str = "packs";

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

impl PackFileError {
    /// A stable, dotted code.
    pub fn code(&self) -> &'static str {
        match self {
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
        }
    }

    /// The message for a person, in their language, saying what they can do about it.
    pub fn message(&self, lang: Lang) -> String {
        const FR_REFUSED: &str =
            "Ce fichier de paquet est refusé et rien n'a été installé. Demandez à l'animateur un fichier reconstruit avec « datajam pack build ».";
        const EN_REFUSED: &str = "This pack file is refused and nothing was installed. Ask the facilitator for a file rebuilt with \"datajam pack build\".";
        let fr = lang == Lang::Fr;
        let (f, e) = match self {
            PackFileError::Pack(e) => return e.message(lang),
            PackFileError::Unreadable { path, reason } => (
                format!("Impossible de lire le fichier de paquet « {path} » : {reason}. Vérifiez la clé USB et recopiez le fichier."),
                format!("Cannot read the pack file \"{path}\": {reason}. Check the USB stick and copy the file again."),
            ),
            PackFileError::UnsafePath { entry } => (
                format!("Chemin dangereux dans le fichier de paquet : « {entry} ». {FR_REFUSED}"),
                format!("Unsafe path in the pack file: \"{entry}\". {EN_REFUSED}"),
            ),
            PackFileError::Link { entry } => (
                format!("Lien ou fichier spécial dans le fichier de paquet : « {entry} ». {FR_REFUSED}"),
                format!("Link or special file in the pack file: \"{entry}\". {EN_REFUSED}"),
            ),
            PackFileError::Duplicate { entry } => (
                format!("Le fichier de paquet contient deux fois « {entry} ». {FR_REFUSED}"),
                format!("The pack file holds \"{entry}\" twice. {EN_REFUSED}"),
            ),
            PackFileError::TooManyFiles => (
                format!("Le fichier de paquet contient plus de {MAX_FILES} fichiers. {FR_REFUSED}"),
                format!("The pack file holds more than {MAX_FILES} files. {EN_REFUSED}"),
            ),
            PackFileError::TooLarge { entry } => (
                format!(
                    "Le fichier de paquet est trop gros (« {entry} ») : au plus {} Mo par fichier et {} Mo en tout. {FR_REFUSED}",
                    MAX_FILE_BYTES / 1_048_576,
                    MAX_TOTAL_BYTES / 1_048_576
                ),
                format!(
                    "The pack file is too large (\"{entry}\"): at most {} MB per file and {} MB in all. {EN_REFUSED}",
                    MAX_FILE_BYTES / 1_048_576,
                    MAX_TOTAL_BYTES / 1_048_576
                ),
            ),
            PackFileError::ZipBomb { entry } => (
                format!("Compression suspecte dans le fichier de paquet (« {entry} ») : il pourrait saturer l'ordinateur. {FR_REFUSED}"),
                format!("Suspicious compression in the pack file (\"{entry}\"): it could overwhelm the computer. {EN_REFUSED}"),
            ),
            PackFileError::HashesInvalid { reason } => (
                format!("La liste des empreintes ({HASHES_FILE}) manque ou est illisible : {reason}. {FR_REFUSED}"),
                format!("The list of hashes ({HASHES_FILE}) is missing or unreadable: {reason}. {EN_REFUSED}"),
            ),
            PackFileError::HashMismatch { entry } => (
                format!("« {entry} » ne correspond pas à son empreinte : le fichier est abîmé ou a été modifié. Recopiez-le depuis une autre clé USB."),
                format!("\"{entry}\" does not match its hash: the file is damaged or was modified. Copy it again from another USB stick."),
            ),
            PackFileError::NotHashed { entry } => (
                format!("« {entry} » n'est pas dans la liste des empreintes. {FR_REFUSED}"),
                format!("\"{entry}\" is not in the list of hashes. {EN_REFUSED}"),
            ),
            PackFileError::Missing { entry } => (
                format!("« {entry} » est dans la liste des empreintes mais absent du fichier. {FR_REFUSED}"),
                format!("\"{entry}\" is in the list of hashes but missing from the file. {EN_REFUSED}"),
            ),
            PackFileError::BadVersion { version } => (
                format!("La version « {version} » ne peut servir de nom de fichier : utilisez des chiffres, des lettres, « . », « - », « + » ou « _ » (64 au plus)."),
                format!("Version \"{version}\" cannot be used in a file name: use digits, letters, \".\", \"-\", \"+\" or \"_\" (64 at most)."),
            ),
            PackFileError::ReservedId { id } => (
                format!("Le paquet « {id} » porte l'identifiant du paquet intégré à l'application : changez son `id` dans pack.toml."),
                format!("Pack \"{id}\" has the id of the pack built into the app: change its `id` in pack.toml."),
            ),
            PackFileError::Downgrade { version, installed } => (
                format!("La version {installed} de ce paquet, plus récente que {version}, est déjà installée : rien n'a été changé."),
                format!("Version {installed} of this pack, newer than {version}, is already installed: nothing was changed."),
            ),
            PackFileError::Write { path, reason } => (
                format!("Impossible d'écrire « {path} » : {reason}. Rien n'a été installé à moitié ; vérifiez l'espace disque et réessayez."),
                format!("Cannot write \"{path}\": {reason}. Nothing was half-installed; check the disk space and try again."),
            ),
        };
        if fr {
            f
        } else {
            e
        }
    }
}

/// The manifest of hashes stored as [`HASHES_FILE`].
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Hashes {
    format: u32,
    algorithm: String,
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

/// A step that a new version of a pack no longer has: progress on it is orphaned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct OrphanedStep {
    pub lesson: String,
    pub step: String,
}

impl std::fmt::Display for OrphanedStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.lesson, self.step)
    }
}

/// What `install` did.
#[derive(Debug, Clone, Serialize)]
pub struct InstallReport {
    pub id: String,
    pub version: String,
    pub path: PathBuf,
    /// True when this exact file was already installed (nothing written).
    pub already_installed: bool,
    /// Versions of the same pack that this one replaced.
    pub replaced: Vec<String>,
    /// Steps of the replaced versions that this one no longer has.
    pub orphaned: Vec<OrphanedStep>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A version usable in a file name: `[A-Za-z0-9.+_-]`, 1 to 64 characters, not only dots.
fn check_version(version: &str) -> Result<(), PackFileError> {
    let ok = !version.is_empty()
        && version.len() <= 64
        && !version.chars().all(|c| c == '.')
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '_'));
    if ok {
        Ok(())
    } else {
        Err(PackFileError::BadVersion {
            version: version.to_string(),
        })
    }
}

/// The semantic version (<https://semver.org>) a pack version reads as: `1.2.3`,
/// `1.2.3-rc1`, `1.2.3+build`, and the shorter `1` and `1.2` (as `1.0.0` and `1.2.0`,
/// with the same pre-release and build). `None` for any other version.
fn semantic(version: &str) -> Option<semver::Version> {
    if let Ok(v) = semver::Version::parse(version) {
        return Some(v);
    }
    let (rest, build) = match version.split_once('+') {
        Some((r, b)) => (r, Some(b)),
        None => (version, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (rest, None),
    };
    let mut parts: Vec<&str> = core.split('.').collect();
    if parts.len() > 2
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    parts.resize(3, "0");
    let mut full = parts.join(".");
    if let Some(pre) = pre {
        full = format!("{full}-{pre}");
    }
    if let Some(build) = build {
        full = format!("{full}+{build}");
    }
    semver::Version::parse(&full).ok()
}

/// Compares versions part by part (`1.10.0` > `1.9.2`, `0.1` < `0.1.1`): numbers
/// numerically, the rest as text.
fn compare_parts(a: &str, b: &str) -> Ordering {
    let parts = |s: &str| -> Vec<String> {
        s.split(['.', '-', '+', '_'])
            .map(|p| p.to_string())
            .collect()
    };
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(pb.iter()) {
        let o = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(m), Ok(n)) => m.cmp(&n),
            _ => x.cmp(y),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    pa.len().cmp(&pb.len())
}

/// Orders two pack versions, newest greatest. Semantic versions (see [`semantic`]) follow
/// semver: a pre-release comes before its release (`1.0.0-rc1` < `1.0.0` < `1.0.1`,
/// `1.0.0-rc.2` < `1.0.0-rc.10`); two that semver ranks the same but are written
/// differently (`1.2` and `1.2.0`) are told apart part by part, so that only the same
/// text is `Equal`. Other versions (`2024.03.15.2`, `v3`) compare part by part, numbers
/// numerically and the rest as text.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    match (semantic(a), semantic(b)) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| compare_parts(a, b)),
        _ => compare_parts(a, b),
    }
}

/// The steps of `old` (by lesson and step id) that `new` does not have.
pub fn orphaned_steps(old: &Pack, new: &Pack) -> Vec<OrphanedStep> {
    let kept: HashSet<(&str, &str)> = new
        .lessons
        .iter()
        .flat_map(|l| l.steps.iter().map(move |s| (l.id.as_str(), s.id.as_str())))
        .collect();
    let mut out: Vec<OrphanedStep> = old
        .lessons
        .iter()
        .flat_map(|l| l.steps.iter().map(move |s| (l.id.as_str(), s.id.as_str())))
        .filter(|k| !kept.contains(k))
        .map(|(lesson, step)| OrphanedStep {
            lesson: lesson.to_string(),
            step: step.to_string(),
        })
        .collect();
    out.sort();
    out.dedup();
    out
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
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), PackFileError> {
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
fn read_limited(file: &Path) -> Result<Vec<u8>, PackFileError> {
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
fn with_path(e: PackFileError, file: &Path) -> PackFileError {
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

/// The folder of installed packs.
pub fn packs_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(PACKS_DIR)
}

/// The installed pack files, in name order (temporary files left by an interrupted copy
/// are not listed).
fn installed_files(data_dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(packs_dir(data_dir))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == EXTENSION)
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    out.sort();
    out
}

/// Loads every installed pack. A corrupt installed file is reported with its path, not fatal.
pub fn installed(data_dir: &Path) -> Vec<(PathBuf, Result<Pack, PackFileError>)> {
    installed_files(data_dir)
        .into_iter()
        .map(|p| {
            let r = read(&p);
            (p, r)
        })
        .collect()
}

/// Validates the pack file `file` fully, then installs it into `<data_dir>/packs/` as
/// `<id>-<version>.datajam` (temporary name, sync, rename). The same file again changes
/// nothing; a newer version replaces older ones and lists the steps they had that it has
/// not; an older version than the installed one is refused.
pub fn install(file: &Path, data_dir: &Path) -> Result<InstallReport, PackFileError> {
    let bytes = read_limited(file)?;
    let pack =
        read_bytes(&bytes, Origin::PackFile(file.to_path_buf())).map_err(|e| with_path(e, file))?;
    if let Ok(builtin) = Pack::builtin() {
        if builtin.id() == pack.id() {
            return Err(PackFileError::ReservedId {
                id: pack.id().to_string(),
            });
        }
    }
    let id = pack.id().to_string();
    let version = pack.manifest.version.clone();
    let dir = packs_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(|e| PackFileError::Write {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let dest = dir.join(format!("{id}-{version}.{EXTENSION}"));

    // Other installed versions of the same pack (unreadable files are left alone).
    let already = std::fs::read(&dest).is_ok_and(|b| b == bytes);
    let mut others = Vec::new();
    for (path, r) in installed(data_dir) {
        if path == dest && already {
            continue;
        }
        if let Ok(p) = r {
            if p.id() == id {
                if compare_versions(&p.manifest.version, &version) == Ordering::Greater {
                    return Err(PackFileError::Downgrade {
                        version,
                        installed: p.manifest.version.clone(),
                    });
                }
                others.push((path, p));
            }
        }
    }

    if !already {
        write_atomically(&dest, &bytes)?;
    }
    let mut orphaned = BTreeSet::new();
    let mut replaced = Vec::new();
    for (path, old) in &others {
        orphaned.extend(orphaned_steps(old, &pack));
        replaced.push(old.manifest.version.clone());
        if *path != dest {
            std::fs::remove_file(path).map_err(|e| PackFileError::Write {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        }
    }
    Ok(InstallReport {
        id,
        version,
        path: dest,
        already_installed: already && others.is_empty(),
        replaced,
        orphaned: orphaned.into_iter().collect(),
    })
}

/// The installed packs a workshop lists after `builtin`, and a warning (in `lang`) for each
/// one left out: unreadable, with the built-in id, an older copy of the same id, or
/// with a dataset name another pack already uses (datasets become workspace tables).
pub fn installed_for_workshop(
    builtin: &Pack,
    data_dir: &Path,
    lang: Lang,
) -> (Vec<Pack>, Vec<String>) {
    let fr = lang == Lang::Fr;
    let mut warnings = Vec::new();
    let mut by_id: BTreeMap<String, Pack> = BTreeMap::new();
    for (path, r) in installed(data_dir) {
        match r {
            Err(e) => warnings.push(format!("{}: {}", path.display(), e.message(lang))),
            Ok(p) if p.id() == builtin.id() => warnings.push(if fr {
                format!(
                    "{} : ce paquet porte l'identifiant du paquet intégré ; il est ignoré.",
                    path.display()
                )
            } else {
                format!(
                    "{}: this pack has the built-in pack's id; it is ignored.",
                    path.display()
                )
            }),
            Ok(p) => {
                let keep_new = by_id.get(p.id()).is_none_or(|old| {
                    compare_versions(&p.manifest.version, &old.manifest.version)
                        == Ordering::Greater
                });
                if by_id.contains_key(p.id()) {
                    warnings.push(if fr {
                        format!("Plusieurs versions du paquet « {} » sont installées ; seule la plus récente est utilisée.", p.id())
                    } else {
                        format!("Several versions of pack \"{}\" are installed; only the newest is used.", p.id())
                    });
                }
                if keep_new {
                    by_id.insert(p.id().to_string(), p);
                }
            }
        }
    }
    let mut tables: HashSet<String> = builtin.datasets.iter().map(|d| d.name.clone()).collect();
    let mut packs = Vec::new();
    for p in by_id.into_values() {
        if let Some(d) = p.datasets.iter().find(|d| tables.contains(&d.name)) {
            warnings.push(if fr {
                format!("Le paquet « {} » n'est pas chargé : son jeu de données « {} » porte le nom d'un jeu d'un autre paquet.", p.id(), d.name)
            } else {
                format!("Pack \"{}\" is not loaded: its dataset \"{}\" has the name of another pack's dataset.", p.id(), d.name)
            });
            continue;
        }
        tables.extend(p.datasets.iter().map(|d| d.name.clone()));
        packs.push(p);
    }
    (packs, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zip::write::SimpleFileOptions;

    /// A copy of the built-in pack's source with another id, version and dataset name.
    fn sample_copy(id: &str, version: &str) -> tempfile::TempDir {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pack");
        let dir = tempfile::tempdir().unwrap();
        crate::pack::copy_renamed(&src, dir.path(), id, version, &|n| {
            if n == "provinces_2009" {
                "provinces_copie".into()
            } else {
                format!("{n}_copie")
            }
        })
        .unwrap();
        dir
    }

    fn built(id: &str, version: &str) -> (tempfile::TempDir, PathBuf) {
        let src = sample_copy(id, version);
        let out = src.path().join(format!("../{id}-{version}-test.datajam"));
        let out_dir = tempfile::tempdir().unwrap();
        let out = out_dir.path().join(out.file_name().unwrap());
        build(src.path(), &out).unwrap();
        (out_dir, out)
    }

    fn valid_files() -> BTreeMap<String, Vec<u8>> {
        let src = sample_copy("essai", "1.0.0");
        Pack::from_dir(src.path()).unwrap().files().clone()
    }

    fn hashes_json(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
        serde_json::to_vec(&Hashes {
            format: FORMAT,
            algorithm: "sha256".into(),
            files: files.iter().map(|(p, b)| (p.clone(), sha256(b))).collect(),
        })
        .unwrap()
    }

    /// A zip of `entries`, in order, deflated.
    fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            z.start_file(name.as_str(), o).unwrap();
            z.write_all(bytes).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    /// The valid files plus `extra`, with hashes of everything.
    fn zip_with(extra: &[(&str, &[u8])]) -> Vec<u8> {
        let mut files = valid_files();
        for (n, b) in extra {
            files.insert(n.to_string(), b.to_vec());
        }
        let mut entries = vec![(HASHES_FILE.to_string(), hashes_json(&files))];
        entries.extend(files);
        zip_of(&entries)
    }

    fn code(bytes: &[u8]) -> String {
        match read_bytes(bytes, Origin::Builtin) {
            Ok(_) => "ok".into(),
            Err(e) => {
                // Every refusal has a message in both languages.
                assert!(!e.message(Lang::Fr).is_empty() && !e.message(Lang::En).is_empty());
                e.code().to_string()
            }
        }
    }

    /// Replaces every occurrence of `from` by `to` (same length) in the zip bytes: names
    /// in local headers and the central directory.
    fn patch(bytes: &mut [u8], from: &[u8], to: &[u8]) {
        assert_eq!(from.len(), to.len());
        let mut n = 0;
        for i in 0..=bytes.len() - from.len() {
            if &bytes[i..i + from.len()] == from {
                bytes[i..i + from.len()].copy_from_slice(to);
                n += 1;
            }
        }
        assert!(n > 0);
    }

    /// Sets the declared uncompressed size of every entry named `name`.
    fn patch_size(bytes: &mut [u8], name: &str, size: u32) {
        let mut i = 0;
        while i + 46 < bytes.len() {
            let sig = u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
            let (name_at, size_at, len_at) = match sig {
                0x04034b50 => (30, 22, 26),
                0x02014b50 => (46, 24, 28),
                _ => {
                    i += 1;
                    continue;
                }
            };
            let len = u16::from_le_bytes([bytes[i + len_at], bytes[i + len_at + 1]]) as usize;
            if bytes.get(i + name_at..i + name_at + len) == Some(name.as_bytes()) {
                bytes[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
            }
            i += 4;
        }
    }

    #[test]
    fn build_is_reproducible() {
        let a = sample_copy("essai", "1.0.0");
        std::thread::sleep(std::time::Duration::from_millis(20));
        let b = sample_copy("essai", "1.0.0");
        let out = tempfile::tempdir().unwrap();
        let (fa, fb) = (out.path().join("a.datajam"), out.path().join("b.datajam"));
        let ra = build(a.path(), &fa).unwrap();
        build(b.path(), &fb).unwrap();
        let (ba, bb) = (std::fs::read(&fa).unwrap(), std::fs::read(&fb).unwrap());
        assert_eq!(ba, bb);
        assert_eq!(ra.sha256, sha256(&ba));
        assert_eq!(ra.bytes, ba.len() as u64);
        // Fixed order, timestamps, permissions and compression.
        let mut z = zip::ZipArchive::new(Cursor::new(&ba)).unwrap();
        let mut names = Vec::new();
        for i in 0..z.len() {
            let f = z.by_index_raw(i).unwrap();
            assert_eq!(f.last_modified(), Some(zip::DateTime::default()));
            assert_eq!(f.unix_mode(), Some(0o100644));
            assert_eq!(f.compression(), zip::CompressionMethod::Deflated);
            names.push(f.name().unwrap().to_string());
        }
        assert_eq!(names[0], HASHES_FILE);
        assert!(names[1..].windows(2).all(|w| w[0] < w[1]), "{names:?}");
        // Building again over the same output gives the same bytes.
        build(a.path(), &fa).unwrap();
        assert_eq!(std::fs::read(&fa).unwrap(), ba);
        // And the file reads back to the same files.
        let pack = read(&fa).unwrap();
        assert_eq!(pack.id(), "essai");
        assert_eq!(
            pack.files(),
            Pack::from_dir(a.path()).unwrap().files(),
            "round trip of the files"
        );
        assert_eq!(pack.origin, Origin::PackFile(fa.clone()));
    }

    #[test]
    fn build_refuses_an_invalid_pack_and_writes_nothing() {
        let src = sample_copy("essai", "1.0.0");
        std::fs::write(src.path().join("pack.toml"), "schema = 99\n").unwrap();
        let out = tempfile::tempdir().unwrap();
        let f = out.path().join("x.datajam");
        let e = build(src.path(), &f).unwrap_err();
        assert_eq!(e.code(), "pack.invalid");
        assert!(!f.exists());
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
        // A version that cannot be a file name.
        let src = sample_copy("essai", "../../x");
        assert_eq!(
            build(src.path(), &f).unwrap_err().code(),
            "pack.bad_version"
        );
    }

    #[test]
    fn valid_zip_is_accepted() {
        assert_eq!(code(&zip_with(&[])), "ok");
    }

    #[test]
    fn unsafe_paths_are_refused() {
        for name in [
            "../evil.md",
            "/etc/evil",
            "lessons\\evil.md",
            "C:/evil",
            "a/../../b",
        ] {
            assert_eq!(
                code(&zip_with(&[(name, b"x")])),
                "pack.unsafe_path",
                "{name}"
            );
        }
    }

    #[test]
    fn links_are_refused() {
        let mut files = valid_files();
        files.insert("lien".into(), b"/etc/passwd".to_vec());
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = SimpleFileOptions::default();
        z.start_file(HASHES_FILE, o).unwrap();
        z.write_all(&hashes_json(&files)).unwrap();
        for (n, b) in &files {
            if n == "lien" {
                z.add_symlink("lien", "/etc/passwd", o).unwrap();
            } else {
                z.start_file(n.as_str(), o).unwrap();
                z.write_all(b).unwrap();
            }
        }
        let bytes = z.finish().unwrap().into_inner();
        assert_eq!(code(&bytes), "pack.link");
    }

    #[test]
    fn duplicate_entries_are_refused() {
        let mut bytes = zip_with(&[("lessons/zz-a.md", b"x"), ("lessons/zz-b.md", b"x")]);
        patch(&mut bytes, b"lessons/zz-b.md", b"lessons/zz-a.md");
        assert_eq!(code(&bytes), "pack.duplicate_entry");
    }

    #[test]
    fn too_many_files_are_refused() {
        let names: Vec<String> = (0..=MAX_FILES).map(|i| format!("data/f{i}.txt")).collect();
        let extra: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
        assert_eq!(code(&zip_with(&extra)), "pack.too_many_files");
    }

    #[test]
    fn zip_bombs_are_refused() {
        // A high compression ratio.
        let zeros = vec![0u8; 5 * 1024 * 1024];
        assert_eq!(
            code(&zip_with(&[("data/zeros.csv", &zeros)])),
            "pack.zip_bomb"
        );
        // An entry that holds more than it declares: decompression stops at the declared size.
        let text = b"a,b\n1,2\n".repeat(100);
        let mut bytes = zip_with(&[("data/lie.csv", &text)]);
        patch_size(&mut bytes, "data/lie.csv", 10);
        assert_eq!(code(&bytes), "pack.zip_bomb");
        // A damaged entry (its CRC no longer matches) is unreadable.
        let mut bytes = zip_of(&[("a.csv".to_string(), text.clone())]);
        let crc_at = 14;
        bytes[crc_at] ^= 0xff;
        let central = bytes.len() - 22 - 46 - "a.csv".len();
        bytes[central + 16] ^= 0xff;
        assert_eq!(code(&bytes), "pack.unreadable");
        // Declared sizes beyond the limits are refused before decompressing.
        let mut bytes = zip_with(&[("data/big.csv", &text)]);
        patch_size(&mut bytes, "data/big.csv", (MAX_FILE_BYTES + 1) as u32);
        assert_eq!(code(&bytes), "pack.too_large");
    }

    #[test]
    fn invalid_content_is_refused_by_the_pack_checks() {
        for (name, content) in [
            ("pack.toml", &b"not toml ["[..]),
            ("pack.toml", &b"schema = 99\nid = \"x\"\n"[..]),
            ("datapackage.json", &b"{ not json"[..]),
        ] {
            let bytes = zip_with(&[(name, content)]);
            match read_bytes(&bytes, Origin::Builtin) {
                Err(PackFileError::Pack(PackError::Invalid(p))) => {
                    assert_eq!(p[0].file, name, "{p:?}")
                }
                other => panic!("{other:?}"),
            }
        }
        let manifest = String::from_utf8(valid_files()["pack.toml"].clone())
            .unwrap()
            .replace("schema = 1", "schema = 99");
        let bytes = zip_with(&[("pack.toml", manifest.as_bytes())]);
        let e = read_bytes(&bytes, Origin::Builtin).unwrap_err();
        assert!(e.to_string().contains("unknown schema version 99"), "{e}");
    }

    #[test]
    fn hashes_are_checked() {
        let files = valid_files();
        let good = hashes_json(&files);
        let entries = |hashes: Option<Vec<u8>>, files: &BTreeMap<String, Vec<u8>>| {
            let mut e: Vec<(String, Vec<u8>)> = hashes
                .map(|h| vec![(HASHES_FILE.to_string(), h)])
                .unwrap_or_default();
            e.extend(files.clone());
            zip_of(&e)
        };
        assert_eq!(code(&entries(Some(good.clone()), &files)), "ok");
        assert_eq!(code(&entries(None, &files)), "pack.hashes_invalid");
        assert_eq!(
            code(&entries(Some(b"{]".to_vec()), &files)),
            "pack.hashes_invalid"
        );
        // A file changed after the hashes were made.
        let mut changed = files.clone();
        changed.insert(
            "pack.toml".into(),
            [files["pack.toml"].as_slice(), b"\n"].concat(),
        );
        assert_eq!(
            code(&entries(Some(good.clone()), &changed)),
            "pack.hash_mismatch"
        );
        // A file added without a hash.
        let mut added = files.clone();
        added.insert("lessons/extra.md".into(), b"x".to_vec());
        assert_eq!(
            code(&entries(Some(good.clone()), &added)),
            "pack.not_hashed"
        );
        // A file listed but absent.
        let mut removed = files.clone();
        removed.remove("data/provinces_copie.csv");
        assert_eq!(code(&entries(Some(good), &removed)), "pack.file_missing");
        // Another format of the list.
        let other = String::from_utf8(hashes_json(&files))
            .unwrap()
            .replace("\"format\":1", "\"format\":2");
        assert_eq!(
            code(&entries(Some(other.into_bytes()), &files)),
            "pack.hashes_invalid"
        );
    }

    #[test]
    fn not_a_zip_is_unreadable() {
        assert_eq!(code(b"PK\x03\x04 not really"), "pack.unreadable");
        assert_eq!(code(b""), "pack.unreadable");
    }

    #[test]
    fn refused_file_installs_nothing() {
        let data = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("mauvais.datajam");
        std::fs::write(&f, zip_with(&[("../evil", b"x")])).unwrap();
        let e = install(&f, data.path()).unwrap_err();
        assert_eq!(e.code(), "pack.unsafe_path");
        assert!(e.message(Lang::Fr).contains("rien n'a été installé"));
        assert!(installed_files(data.path()).is_empty());
        let e = install(&dir.path().join("absent.datajam"), data.path()).unwrap_err();
        assert_eq!(e.code(), "pack.unreadable");
        assert!(installed_files(data.path()).is_empty());
    }

    #[test]
    fn install_is_idempotent_and_workshop_lists_the_pack() {
        let (_d, f) = built("essai", "1.0.0");
        let data = tempfile::tempdir().unwrap();
        let r = install(&f, data.path()).unwrap();
        assert!(!r.already_installed);
        assert_eq!(r.path, data.path().join("packs/essai-1.0.0.datajam"));
        assert_eq!(std::fs::read(&r.path).unwrap(), std::fs::read(&f).unwrap());
        let r = install(&f, data.path()).unwrap();
        assert!(r.already_installed);
        assert!(r.replaced.is_empty() && r.orphaned.is_empty());
        assert_eq!(installed_files(data.path()).len(), 1);

        let w = crate::Workshop::open(data.path(), Lang::Fr).unwrap();
        assert!(w.pack_warnings().is_empty(), "{:?}", w.pack_warnings());
        let packs = w.packs(None).unwrap();
        assert_eq!(packs.len(), 2);
        assert!(packs[0].builtin);
        assert_eq!(packs[1].id, "essai");
        assert!(!packs[1].builtin);
        let tables: Vec<String> = w.tables().unwrap().into_iter().map(|t| t.name).collect();
        assert!(tables.iter().any(|t| t == "provinces_copie"), "{tables:?}");
        assert!(tables.iter().any(|t| t == "provinces_2009"), "{tables:?}");
    }

    #[test]
    fn upgrade_reports_orphaned_steps_and_downgrade_is_refused() {
        let data = tempfile::tempdir().unwrap();
        let (_d1, v1) = built("essai", "1.9.0");
        install(&v1, data.path()).unwrap();
        let src = sample_copy("essai", "1.10.0");
        let lesson = src.path().join("lessons/01-premiers-pas.md");
        let text = std::fs::read_to_string(&lesson).unwrap();
        std::fs::write(&lesson, text.replace("{#conclusion}", "{#bilan}")).unwrap();
        let out = tempfile::tempdir().unwrap();
        let v2 = out.path().join("essai-2.datajam");
        build(src.path(), &v2).unwrap();
        let r = install(&v2, data.path()).unwrap();
        assert_eq!(r.replaced, vec!["1.9.0".to_string()]);
        assert_eq!(
            r.orphaned,
            vec![OrphanedStep {
                lesson: "premiers-pas".into(),
                step: "conclusion".into()
            }]
        );
        assert_eq!(
            installed_files(data.path()),
            vec![data.path().join("packs/essai-1.10.0.datajam")]
        );
        // The older version again: refused, nothing changed.
        let e = install(&v1, data.path()).unwrap_err();
        assert_eq!(e.code(), "pack.downgrade");
        assert_eq!(installed_files(data.path()).len(), 1);
    }

    #[test]
    fn builtin_id_and_corrupt_files_are_not_fatal() {
        let data = tempfile::tempdir().unwrap();
        let (_d, f) = built("datajam-tchad", "9.0.0");
        assert_eq!(
            install(&f, data.path()).unwrap_err().code(),
            "pack.reserved_id"
        );
        // Put there by hand anyway, with a corrupt file beside it.
        std::fs::create_dir_all(packs_dir(data.path())).unwrap();
        std::fs::copy(
            &f,
            packs_dir(data.path()).join("datajam-tchad-9.0.0.datajam"),
        )
        .unwrap();
        std::fs::write(packs_dir(data.path()).join("casse-1.datajam"), b"abime").unwrap();
        std::fs::write(packs_dir(data.path()).join(".datajam-x.tmp"), b"moitie").unwrap();
        let w = crate::Workshop::open(data.path(), Lang::En).unwrap();
        let packs = w.packs(None).unwrap();
        assert_eq!(packs.len(), 1);
        assert!(packs[0].builtin);
        assert_eq!(packs[0].version, "0.1.0");
        assert_eq!(w.pack_warnings().len(), 2, "{:?}", w.pack_warnings());
        let loaded = installed(data.path());
        assert_eq!(loaded.len(), 2);
        assert!(loaded.iter().any(|(_, r)| r.is_err()));
    }

    #[test]
    fn versions_compare_by_parts() {
        assert_eq!(compare_versions("1.10.0", "1.9.2"), Ordering::Greater);
        assert_eq!(compare_versions("0.1.0", "0.1.0"), Ordering::Equal);
        assert_eq!(compare_versions("0.1", "0.1.1"), Ordering::Less);
    }

    /// Each version is older than the next.
    fn ascending(versions: &[&str]) {
        for (i, a) in versions.iter().enumerate() {
            assert_eq!(compare_versions(a, a), Ordering::Equal, "{a}");
            for b in &versions[i + 1..] {
                assert_eq!(compare_versions(a, b), Ordering::Less, "{a} < {b}");
                assert_eq!(compare_versions(b, a), Ordering::Greater, "{b} > {a}");
            }
        }
    }

    #[test]
    fn a_pre_release_comes_before_its_release() {
        ascending(&[
            "0.9.9",
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-beta",
            "1.0.0-rc.2",
            "1.0.0-rc.10",
            "1.0.0-rc1",
            "1.0.0",
            "1.0.1",
            "1.10.0",
        ]);
        // Short versions read as semantic ones, with their pre-releases.
        ascending(&["1-beta", "1", "1.1-rc1", "1.1", "1.1.0", "1.1.1", "1.2"]);
        ascending(&["0.1", "0.1.0", "0.1.1"]);
        // Build metadata does not make a release older.
        ascending(&["1.0.0-rc1", "1.0.0+build.1", "1.0.1"]);
    }

    #[test]
    fn versions_that_are_not_semantic_keep_their_order() {
        ascending(&[
            "2024.03.15.1",
            "2024.03.15.2",
            "2024.03.15.10",
            "2024.11.1.1",
        ]);
        ascending(&["1.2.3", "1.2.3.4"]);
        ascending(&["v1.9", "v1.10", "v2"]);
        ascending(&["01.2.3", "01.2.4"]);
        ascending(&["1_0", "1_1"]);
    }

    #[test]
    fn a_release_candidate_after_its_release_is_a_downgrade() {
        let data = tempfile::tempdir().unwrap();
        let (_d1, release) = built("essai", "1.0.0");
        let (_d2, candidate) = built("essai", "1.0.0-rc1");
        install(&release, data.path()).unwrap();
        let e = install(&candidate, data.path()).unwrap_err();
        assert_eq!(e.code(), "pack.downgrade");
        assert_eq!(
            installed_files(data.path()),
            vec![data.path().join("packs/essai-1.0.0.datajam")]
        );
        // The other way round, the release replaces its candidate.
        let data = tempfile::tempdir().unwrap();
        install(&candidate, data.path()).unwrap();
        let r = install(&release, data.path()).unwrap();
        assert_eq!(r.replaced, vec!["1.0.0-rc1".to_string()]);
        assert_eq!(
            installed_files(data.path()),
            vec![data.path().join("packs/essai-1.0.0.datajam")]
        );
    }

    /// A built and an installed pack file are ordinary files (0644 under umask 022), not
    /// private like the temporary file they were written through (0600).
    #[cfg(unix)]
    #[test]
    fn built_and_installed_files_have_ordinary_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let data = tempfile::tempdir().unwrap();
        let probe = data.path().join("probe");
        std::fs::File::create(&probe).unwrap();
        let expected = mode(&probe);
        assert_ne!(expected, 0o600, "this test needs a umask that is not 077");
        let (_d, f) = built("essai", "1.0.0");
        assert_eq!(mode(&f), expected);
        let r = install(&f, data.path()).unwrap();
        assert_eq!(mode(&r.path), expected);
    }
}
