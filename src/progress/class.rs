//! The facilitator's class, kept on their laptop between sessions: the progress files
//! merged so far, copied into `<data>/class/`.
//!
//! Adding files ([`add`]) reads and checks each one; a bad file is named with its reason and
//! nothing of it is kept, the good ones are still added and the view shown. A good file is
//! copied (atomically, through `store::fsio`) under a name made of its own file name and the
//! first hex digits of its SHA-256, so adding the same file again keeps one copy, while two
//! different files with the same name (two sticks) are both kept. The class view is the
//! merge of every kept file ([`view`]): merging again with more files updates it, in any
//! order.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::merge::{merge_sources, read_each, read_file};
use super::union::Source;
use super::{BadFile, ClassView};

/// The folder of the kept files, inside the data directory.
pub const CLASS_DIR: &str = "class";
/// The extension of progress files.
pub const EXTENSION: &str = "datajam-progress";
const EXT: &str = EXTENSION;

/// The class view and what the last addition did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassReport {
    pub view: ClassView,
    /// Files kept in the class (their names in `<data>/class/`), sorted.
    pub files: Vec<String>,
    /// Files of the last addition that were new to the class.
    pub added: usize,
    /// Files of the last addition already in the class.
    pub already: usize,
    /// Files of the last addition that were refused, with their reason.
    pub bad: Vec<BadFile>,
}

fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(CLASS_DIR)
}

/// The name a good file is kept under: its stem, cut and cleaned, and its hash.
fn kept_name(original: &Path, bytes: &[u8]) -> String {
    let stem = original
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.strip_suffix(&format!(".{EXT}")).unwrap_or(n))
        .unwrap_or("progression");
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    let hash = Sha256::digest(bytes);
    let hex: String = hash.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("{clean}-{hex}.{EXT}")
}

/// The files kept in the class, sorted by name.
fn kept(data_dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let dir = folder(data_dir);
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == EXT) && p.is_file())
        .collect();
    out.sort();
    Ok(out)
}

/// The class view of every kept file. A kept file that no longer reads (edited on the
/// laptop since) is named in `bad` and left out.
pub fn view(data_dir: &Path) -> crate::Result<ClassReport> {
    report(data_dir, 0, 0, Vec::new())
}

fn report(
    data_dir: &Path,
    added: usize,
    already: usize,
    mut bad: Vec<BadFile>,
) -> crate::Result<ClassReport> {
    let paths = kept(data_dir)?;
    let (good, kept_bad) = read_each(&paths);
    bad.extend(kept_bad);
    let names: Vec<(String, &super::ProgressFile)> = good
        .iter()
        .map(|(path, f)| {
            let name = Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.clone());
            (name, f)
        })
        .collect();
    let sources: Vec<Source> = names
        .iter()
        .map(|(name, file)| Source {
            path: Some(name),
            file,
        })
        .collect();
    Ok(ClassReport {
        view: merge_sources(&sources),
        files: names.into_iter().map(|(n, _)| n).collect(),
        added,
        already,
        bad,
    })
}

/// Adds progress files (or every progress file of a folder given among `paths`) to the
/// class, and returns the view of the whole class. Bad files are named and not kept.
pub fn add(data_dir: &Path, paths: &[PathBuf]) -> crate::Result<ClassReport> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|e| e == EXT))
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(p.clone());
        }
    }
    let dir = folder(data_dir);
    std::fs::create_dir_all(&dir)?;
    let (mut added, mut already, mut bad) = (0, 0, Vec::new());
    for p in &files {
        // Checked first: nothing of a bad file is kept.
        if let Err(problem) = read_file(p) {
            bad.push(BadFile {
                path: p.display().to_string(),
                problem,
            });
            continue;
        }
        let bytes = std::fs::read(p)?;
        let target = dir.join(kept_name(p, &bytes));
        if target.exists() {
            already += 1;
        } else {
            crate::store::fsio::write_atomic(&target, &bytes)?;
            added += 1;
        }
    }
    report(data_dir, added, already, bad)
}

/// Empties the class (a new workshop): every kept file is removed.
pub fn clear(data_dir: &Path) -> crate::Result<()> {
    for p in kept(data_dir)? {
        std::fs::remove_file(p)?;
    }
    Ok(())
}
