//! Pack files on disk and in the binary: the limits on a pack's content whatever its
//! origin, safe relative paths, reading a pack folder (no links, no hidden files, within
//! the limits), the built-in pack embedded at compile time, and a copy of a pack folder
//! under another id.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use include_dir::{include_dir, Dir};

use super::{Pack, PackError, Problem};

/// The built-in pack's source folder, embedded at compile time.
pub(super) static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/sample-data/pack");

/// Limits on a pack's content, whatever its origin.
pub const MAX_FILES: usize = 500;
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: u64 = 100 * 1024 * 1024;

pub(super) fn collect_embedded(dir: &Dir<'static>, out: &mut BTreeMap<String, Vec<u8>>) {
    for f in dir.files() {
        out.insert(
            f.path().to_string_lossy().replace('\\', "/"),
            f.contents().to_vec(),
        );
    }
    for d in dir.dirs() {
        collect_embedded(d, out);
    }
}

/// Reads every regular file under `dir`, refusing links and enforcing the limits.
pub(super) fn read_dir_limited(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, PackError> {
    let unreadable = |reason: String| PackError::Unreadable {
        path: dir.display().to_string(),
        reason,
    };
    let meta = std::fs::metadata(dir).map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_dir() {
        return Err(unreadable("not a folder".into()));
    }
    let mut files = BTreeMap::new();
    let mut problems = Vec::new();
    let mut total = 0u64;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| unreadable(e.to_string()))?;
        for entry in entries {
            let entry = entry.map_err(|e| unreadable(e.to_string()))?;
            let path = entry.path();
            let rel = path
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            if rel.split('/').any(|part| part.starts_with('.')) {
                continue; // hidden files: .git, .DS_Store...
            }
            let ft = entry.file_type().map_err(|e| unreadable(e.to_string()))?;
            if ft.is_symlink() {
                problems.push(Problem {
                    file: rel,
                    line: 0,
                    message: "links are not allowed in a pack".into(),
                });
            } else if ft.is_dir() {
                stack.push(path);
            } else if ft.is_file() {
                let len = entry.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
                total = total.saturating_add(len);
                if files.len() >= MAX_FILES {
                    return Err(unreadable(format!("more than {MAX_FILES} files")));
                }
                if len > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES {
                    return Err(unreadable(format!(
                        "too large (at most {} MB per file, {} MB in all)",
                        MAX_FILE_BYTES / 1_048_576,
                        MAX_TOTAL_BYTES / 1_048_576
                    )));
                }
                let bytes = std::fs::read(&path).map_err(|e| unreadable(e.to_string()))?;
                files.insert(rel, bytes);
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(PackError::Invalid(problems))
    }
}

/// Writes a copy of the pack folder `src` into `dst` under another `id` and `version`,
/// with every dataset renamed by `rename` (in file names and in every text file, as whole
/// words), so that the copy can be installed beside the original: two packs may not share a
/// dataset name. Binary files (workbooks) are copied unchanged. Used by the tests, and by a
/// facilitator who starts a pack of their own from the built-in one.
pub fn copy_renamed(
    src: &Path,
    dst: &Path,
    id: &str,
    version: &str,
    rename: &dyn Fn(&str) -> String,
) -> Result<(), PackError> {
    let pack = Pack::from_dir(src)?;
    let mut names: Vec<String> = pack.datasets.iter().map(|d| d.name.clone()).collect();
    // Longest first, so that a name containing another is replaced whole.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let words: Vec<(regex::Regex, String)> = names
        .iter()
        .filter_map(|n| {
            regex::Regex::new(&format!(r"\b{}\b", regex::escape(n)))
                .ok()
                .map(|re| (re, rename(n)))
        })
        .collect();
    let swap = |text: &str| {
        words.iter().fold(text.to_string(), |t, (re, to)| {
            re.replace_all(&t, regex::NoExpand(to)).into_owned()
        })
    };
    let id_line = regex::Regex::new(r#"(?m)^id\s*=\s*"[^"]*""#).expect("a valid regex");
    let version_line = regex::Regex::new(r#"(?m)^version\s*=\s*"[^"]*""#).expect("a valid regex");
    let io = |e: std::io::Error| PackError::Unreadable {
        path: dst.display().to_string(),
        reason: e.to_string(),
    };
    for (rel, bytes) in pack.files() {
        let out = dst.join(swap(rel));
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let bytes = match std::str::from_utf8(bytes) {
            Ok(text) => {
                let mut text = swap(text);
                if rel == "pack.toml" {
                    text = id_line
                        .replace(&text, regex::NoExpand(&format!("id = \"{id}\"")))
                        .into_owned();
                    text = version_line
                        .replace(&text, regex::NoExpand(&format!("version = \"{version}\"")))
                        .into_owned();
                }
                text.into_bytes()
            }
            Err(_) => bytes.clone(),
        };
        std::fs::write(&out, bytes).map_err(io)?;
    }
    Ok(())
}

/// A relative path inside a pack: no absolute path, no `..`, no backslash, no drive.
pub fn is_safe_relative_path(p: &str) -> bool {
    !p.is_empty()
        && !p.contains('\\')
        && !p.contains(':')
        && Path::new(p)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}
