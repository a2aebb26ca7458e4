//! The desktop UI's ES modules (`ui/js/`) as text, for the tests that check them
//! (included with `#[path = "support/ui_js.rs"] mod ui_js;`).

use std::path::{Path, PathBuf};

/// The folder `ui/`.
pub fn ui() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui")
}

/// Every module under `ui/js/`, sorted: its path under `ui/js/` with `/` separators, and
/// its text.
pub fn modules() -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|x| x == "js") {
                let text = std::fs::read_to_string(&path).expect("a readable module");
                let key = path
                    .strip_prefix(root)
                    .expect("under ui/js")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((key, text));
            }
        }
    }
    let root = ui().join("js");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    assert!(out.len() > 10, "the UI's modules are in {}", root.display());
    out
}
