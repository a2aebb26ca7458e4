//! The core keeps the layout ARCHITECTURE.md draws, checked so that `cargo test` keeps it
//! true:
//!
//! - `src/` is folders by stage; no folder (or top-level module) reaches, through `use
//!   crate::…` and `crate::…` paths, a module that reaches it back: the stages form layers;
//! - no source file is over 1,000 lines (test files excepted);
//! - no sentence is chosen by language in code (`if fr`, `Lang::Fr =>`, `lang == Lang::Fr`)
//!   outside `src/i18n/`: the words are in the message catalog.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a readable folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A file is a test file when its name says so (`tests.rs`, `tests/…`).
fn is_test_file(rel: &Path) -> bool {
    rel.components()
        .any(|c| matches!(c.as_os_str().to_str(), Some("tests.rs" | "tests")))
}

/// The code of a file without its comments and without its `#[cfg(test)]` module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The layer a file of `src/` belongs to: its folder, or its own name at the top;
/// `None` for `lib.rs` and the CLI (`bin/`), which sit above everything.
fn layer_of(rel: &Path) -> Option<String> {
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let first = parts.next()?;
    if first == "bin" || first == "lib.rs" {
        return None;
    }
    Some(first.trim_end_matches(".rs").to_string())
}

/// Which layers each layer uses, from the `crate::<layer>` paths (and `tr!`, the catalog's
/// macro) of its code.
fn layer_uses(files: &BTreeMap<PathBuf, String>) -> BTreeMap<String, BTreeSet<String>> {
    let path = regex::Regex::new(r"\bcrate::([a-z_0-9]+)").expect("regex");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in files {
        let Some(layer) = layer_of(rel) else { continue };
        let uses = out.entry(layer.clone()).or_default();
        let code = code(text);
        for m in path.captures_iter(&code) {
            let target = m[1].to_string();
            if target != layer && target != "tr" {
                uses.insert(target);
            }
        }
        if code.contains("tr!(") && layer != "i18n" {
            uses.insert("i18n".into());
        }
    }
    out
}

/// The cycles of a graph: its strongly connected components of more than one node.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Reachability by repeated search: small graphs (a dozen layers).
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(n) = todo.pop() {
            for m in graph.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    todo.push(m.clone());
                }
            }
        }
        seen
    };
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in graph.keys() {
        if done.contains(n) {
            continue;
        }
        let ahead = reach(n);
        let mut comp: Vec<String> = graph
            .keys()
            .filter(|m| *m == n || (ahead.contains(*m) && reach(m).contains(n)))
            .cloned()
            .collect();
        comp.sort();
        done.extend(comp.iter().cloned());
        if comp.len() > 1 {
            out.push(comp);
        }
    }
    out
}

fn sources() -> BTreeMap<PathBuf, String> {
    let root = src();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a UTF-8 source file");
            (
                p.strip_prefix(&root).expect("under src").to_path_buf(),
                text,
            )
        })
        .collect()
}

#[test]
fn the_stages_form_layers_without_a_cycle() {
    let files = sources();
    let graph = layer_uses(&files);
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "layers that reach each other: {found:?}\nuses: {graph:#?}"
    );
    // The layers the architecture names are all there.
    for layer in [
        "i18n", "store", "import", "analysis", "chart", "lesson", "pack", "progress", "workshop",
    ] {
        assert!(graph.contains_key(layer), "no layer {layer}");
    }
}

#[test]
fn no_source_file_is_over_a_thousand_lines() {
    let long: Vec<String> = sources()
        .iter()
        .filter(|(rel, _)| !is_test_file(rel))
        .filter(|(_, text)| text.lines().count() > 1000)
        .map(|(rel, text)| format!("{} ({} lines)", rel.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "{long:?}");
}

#[test]
fn no_sentence_is_chosen_by_language_in_code() {
    let marks = [
        "if fr ",
        "if fr{",
        "Lang::Fr =>",
        "Lang::En =>",
        "lang == Lang::Fr",
        "== Lang::En",
    ];
    let mut found = Vec::new();
    for (rel, text) in sources() {
        if rel.starts_with("i18n") {
            continue;
        }
        for (i, line) in code(&text).lines().enumerate() {
            if marks.iter().any(|m| line.contains(m)) {
                found.push(format!("{}:{}: {}", rel.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_checks_see_what_they_look_for() {
    // A cycle of three, and a layer above it: one component.
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")] {
        g.entry(a.into()).or_default().insert(b.into());
        g.entry(b.into()).or_default();
    }
    assert_eq!(
        cycles(&g),
        vec![vec!["a".to_string(), "b".into(), "c".into()]]
    );
    g.get_mut("c").unwrap().clear();
    assert!(cycles(&g).is_empty());
    // Paths in comments and test modules do not count; paths in code do.
    let mut files = BTreeMap::new();
    files.insert(
        PathBuf::from("x/mod.rs"),
        "// crate::y\nuse crate::z::A;\n#[cfg(test)]\nmod tests { use crate::w; }".to_string(),
    );
    let uses = layer_uses(&files);
    assert_eq!(uses["x"], BTreeSet::from(["z".to_string()]));
    assert!(is_test_file(Path::new("pack/tests.rs")));
    assert!(!is_test_file(Path::new("pack/check.rs")));
}
