//! Installed packs: a pack file checked then copied into `<data>/packs/` as
//! `<id>-<version>.datajam` ([`install`]), replacing older versions and listing the steps
//! they had that the new one has not; the installed packs read back, and the ones a
//! workshop lists after the built-in pack ([`installed_for_workshop`]).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{
    compare_versions, read, read_bytes, read_limited, with_path, write_atomically, PackFileError,
    EXTENSION,
};
use crate::i18n::Lang;
use crate::pack::{Origin, Pack};
use crate::tr;

/// Where installed packs live, under the data directory.
pub const PACKS_DIR: &str = "packs";

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

/// The folder of installed packs.
pub fn packs_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(PACKS_DIR)
}

/// The installed pack files, in name order (temporary files left by an interrupted copy
/// are not listed).
pub(super) fn installed_files(data_dir: &Path) -> Vec<PathBuf> {
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
    let mut warnings = Vec::new();
    let mut by_id: BTreeMap<String, Pack> = BTreeMap::new();
    for (path, r) in installed(data_dir) {
        match r {
            Err(e) => warnings.push(format!("{}: {}", path.display(), e.message(lang))),
            Ok(p) if p.id() == builtin.id() => warnings.push(tr!(
                lang,
                "pack-builtin-id-ignored",
                path = path.display().to_string()
            )),
            Ok(p) => {
                let keep_new = by_id.get(p.id()).is_none_or(|old| {
                    compare_versions(&p.manifest.version, &old.manifest.version)
                        == Ordering::Greater
                });
                if by_id.contains_key(p.id()) {
                    warnings.push(tr!(lang, "pack-several-versions", id = p.id()));
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
            warnings.push(tr!(
                lang,
                "pack-dataset-name-taken",
                id = p.id(),
                dataset = &d.name
            ));
            continue;
        }
        tables.extend(p.datasets.iter().map(|d| d.name.clone()));
        packs.push(p);
    }
    (packs, warnings)
}
