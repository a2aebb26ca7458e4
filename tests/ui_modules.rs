//! The desktop UI's ES modules (`ui/js/`, loaded by the webview with no bundler) keep a
//! layout a person can follow, checked here so that `cargo test` keeps it true on machines
//! without Node:
//!
//! - every import names a module that exists (a relative path: there is no bundler), under
//!   `ui/js/` or a third-party one copied unchanged under `ui/vendor/`;
//! - no module imports, directly or not, a module that imports it back: screens import the
//!   router (`router.js`), and only the entry point (`main.js`) imports the screens;
//! - a screen (`screens/*.js`) imports no other screen: what two screens share is a widget
//!   (`widgets/`);
//! - no screen module is over 600 lines;
//! - numbers are written for the trainee by `format.js` only (no `toLocaleString`, `Intl.`
//!   or a locale such as `fr-FR` anywhere else), so they follow the interface's language.

use std::collections::BTreeMap;

use regex::Regex;

#[path = "support/ui_js.rs"]
mod ui_js;
use ui_js::ui;

/// The modules, by path under `ui/js/` with `/` separators, and what each imports (the
/// specifiers as written).
type Modules = BTreeMap<String, Module>;

struct Module {
    text: String,
    imports: Vec<String>,
}

/// The specifiers a module imports: `import … from '…'`, `import '…'`,
/// `export … from '…'` and `import('…')`. A dynamic import of anything but a string
/// literal is returned as `?` (the check cannot follow it).
fn imports_of(text: &str) -> Vec<String> {
    let code = strip_comments(text);
    let patterns = [
        r#"(?m)^\s*import\s+(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]"#,
        r#"(?m)^\s*export\s+(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]"#,
        r#"\bimport\(\s*(?:['"]([^'"]+)['"]\s*\)|[^'"\s])"#,
    ];
    let mut found = Vec::new();
    for p in patterns {
        let re = Regex::new(p).expect("a valid pattern");
        for c in re.captures_iter(&code) {
            found.push(
                c.get(1)
                    .map_or_else(|| "?".to_string(), |m| m.as_str().to_string()),
            );
        }
    }
    found
}

/// The text without `//` and `/* */` comments (a `//` inside a string or a regular
/// expression literal is kept when a quote or a slash precedes it on the line).
fn strip_comments(text: &str) -> String {
    let block = Regex::new(r"(?s)/\*.*?\*/").expect("a valid pattern");
    let text = block.replace_all(text, "");
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains(['\'', '"', '`', '/']) => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ui_modules() -> Modules {
    ui_js::modules()
        .into_iter()
        .map(|(key, text)| {
            let imports = imports_of(&text);
            (key, Module { text, imports })
        })
        .collect()
}

/// The module `spec` names when `from` imports it, as a key of [`Modules`]; `None` for a
/// specifier that is not a relative path or leaves `ui/js/`.
fn resolve(from: &str, spec: &str) -> Option<String> {
    if !(spec.starts_with("./") || spec.starts_with("../")) {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in spec.split('/') {
        match part {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Whether `spec`, imported by `from`, names a file of `ui/vendor/` (third-party modules,
/// which import nothing of the UI's and so are no part of its graph).
fn vendored(from: &str, spec: &str) -> bool {
    resolve(&format!("js/{from}"), spec)
        .is_some_and(|rel| rel.starts_with("vendor/") && ui().join(rel).is_file())
}

/// Each module's imports as modules, or the imports that name none.
fn graph(modules: &Modules) -> Result<BTreeMap<&str, Vec<String>>, Vec<String>> {
    let mut edges = BTreeMap::new();
    let mut broken = Vec::new();
    for (name, m) in modules {
        let mut to = Vec::new();
        for spec in &m.imports {
            match resolve(name, spec) {
                Some(target) if modules.contains_key(&target) => to.push(target),
                _ if vendored(name, spec) => {}
                _ => broken.push(format!("{name} imports «{spec}»")),
            }
        }
        edges.insert(name.as_str(), to);
    }
    if broken.is_empty() {
        Ok(edges)
    } else {
        Err(broken)
    }
}

/// The first import cycle found, as the modules along it (the first one repeated at the end).
fn find_cycle(edges: &BTreeMap<&str, Vec<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<&str, Vec<String>>,
        marks: &mut BTreeMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        marks.insert(node, Mark::Open);
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            let next = next.as_str();
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let start = path.iter().position(|p| *p == next).expect("on the path");
                    let mut cycle: Vec<String> =
                        path[start..].iter().map(|s| s.to_string()).collect();
                    cycle.push(next.to_string());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(next, edges, marks, path) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in edges.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(c) = visit(node, edges, &mut marks, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn is_screen(name: &str) -> bool {
    name.starts_with("screens/")
}

/// The imports that break the screens' rule: a screen imported by anything but `main.js`,
/// or `main.js` imported at all.
fn screen_rule_breaks(edges: &BTreeMap<&str, Vec<String>>) -> Vec<String> {
    let mut breaks = Vec::new();
    for (from, to) in edges {
        for target in to {
            if (is_screen(target) && *from != "main.js") || target == "main.js" {
                breaks.push(format!("{from} imports {target}"));
            }
        }
    }
    breaks
}

#[test]
fn every_import_names_a_module_of_the_ui() {
    let modules = ui_modules();
    if let Err(broken) = graph(&modules) {
        panic!(
            "imports that name no module under ui/js/ (relative paths, no bundler):\n{}",
            broken.join("\n")
        );
    }
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let modules = ui_modules();
    let edges = graph(&modules).unwrap_or_default();
    if let Some(cycle) = find_cycle(&edges) {
        panic!("import cycle in ui/js/: {}", cycle.join(" → "));
    }
}

#[test]
fn only_the_entry_point_imports_a_screen() {
    let modules = ui_modules();
    let edges = graph(&modules).unwrap_or_default();
    assert!(
        edges.keys().filter(|k| is_screen(k)).count() >= 6,
        "the screens are in ui/js/screens/"
    );
    let breaks = screen_rule_breaks(&edges);
    assert!(
        breaks.is_empty(),
        "a screen is imported by main.js only, and main.js by nothing (what screens share goes to widgets/, the state and go.* to router.js):\n{}",
        breaks.join("\n")
    );
}

#[test]
fn no_screen_module_is_over_600_lines() {
    let long: Vec<String> = ui_modules()
        .iter()
        .filter(|(name, _)| is_screen(name))
        .map(|(name, m)| (name, m.text.lines().count()))
        .filter(|(_, n)| *n > 600)
        .map(|(name, n)| format!("{name}: {n} lines"))
        .collect();
    assert!(long.is_empty(), "screen modules over 600 lines: {long:?}");
}

#[test]
fn numbers_are_written_by_format_js_only() {
    let modules = ui_modules();
    assert!(
        modules["format.js"]
            .text
            .contains("export function formatNumber"),
        "format.js writes the numbers"
    );
    let re = Regex::new(r#"toLocaleString|\bIntl\.|['"](?:fr|en)-[A-Z]{2}['"]"#).expect("pattern");
    let found: Vec<String> = modules
        .iter()
        .filter(|(name, _)| name.as_str() != "format.js")
        .flat_map(|(name, m)| {
            m.text
                .lines()
                .enumerate()
                .filter(|(_, l)| re.is_match(l))
                .map(move |(i, l)| format!("{name}:{}: {}", i + 1, l.trim()))
        })
        .collect();
    assert!(
        found.is_empty(),
        "numbers formatted outside format.js (call formatNumber, which follows the interface's language):\n{}",
        found.join("\n")
    );
}

// ---------- the check itself, on modules made up here ----------

fn made_up(files: &[(&str, &str)]) -> Modules {
    files
        .iter()
        .map(|(name, text)| {
            (
                name.to_string(),
                Module {
                    text: text.to_string(),
                    imports: imports_of(text),
                },
            )
        })
        .collect()
}

#[test]
fn the_check_reads_every_form_of_import() {
    let text = "// import { no } from './comment.js';\n\
        import { h, clear } from './dom.js';\n\
        import {\n  a,\n  b,\n} from '../widgets/x.js';\n\
        import * as all from \"./all.js\";\n\
        import './side.js';\n\
        export { c } from './re.js';\n\
        const lazy = () => import('./lazy.js');\n\
        const dynamic = (p) => import(p);\n\
        const s = 'import x from nowhere';\n";
    assert_eq!(
        imports_of(text),
        [
            "./dom.js",
            "../widgets/x.js",
            "./all.js",
            "./side.js",
            "./re.js",
            "./lazy.js",
            "?"
        ]
    );
    assert_eq!(
        resolve("screens/lesson.js", "../widgets/x.js").as_deref(),
        Some("widgets/x.js")
    );
    assert_eq!(resolve("main.js", "../outside.js"), None);
    assert_eq!(resolve("main.js", "bare"), None);
}

#[test]
fn the_check_finds_the_cycle_of_screens_importing_the_entry_point() {
    // The layout before router.js: main.js imported the screens, which imported main.js.
    let modules = made_up(&[
        (
            "main.js",
            "import { lessonScreen } from './screens/lesson.js';",
        ),
        (
            "screens/lesson.js",
            "import { go } from '../main.js';\nimport { chartEditor } from './analyse.js';",
        ),
        ("screens/analyse.js", "import { h } from '../dom.js';"),
        ("dom.js", ""),
    ]);
    let edges = graph(&modules).expect("every import resolves");
    assert_eq!(
        find_cycle(&edges).expect("a cycle"),
        ["main.js", "screens/lesson.js", "main.js"]
    );
    assert_eq!(
        screen_rule_breaks(&edges),
        [
            "screens/lesson.js imports main.js",
            "screens/lesson.js imports screens/analyse.js"
        ]
    );
    let fixed = made_up(&[
        (
            "main.js",
            "import { lessonScreen } from './screens/lesson.js';\nimport './router.js';",
        ),
        ("screens/lesson.js", "import { go } from '../router.js';"),
        ("router.js", "import { h } from './dom.js';"),
        ("dom.js", ""),
    ]);
    let edges = graph(&fixed).expect("every import resolves");
    assert_eq!(find_cycle(&edges), None);
    assert!(screen_rule_breaks(&edges).is_empty());
    let broken = made_up(&[("main.js", "import { x } from './gone.js';")]);
    assert_eq!(
        graph(&broken).err(),
        Some(vec!["main.js imports «./gone.js»".to_string()])
    );
}

#[test]
fn the_check_accepts_a_vendored_module_that_exists_only() {
    let modules = made_up(&[(
        "i18n.js",
        "import { FluentBundle } from '../vendor/fluent-bundle/index.js';\n\
         import { x } from '../vendor/none/index.js';\n\
         import { y } from '../css/app.css';",
    )]);
    assert_eq!(
        graph(&modules).err(),
        Some(vec![
            "i18n.js imports «../vendor/none/index.js»".to_string(),
            "i18n.js imports «../css/app.css»".to_string()
        ])
    );
}

/// Every text file under `ui/` (what the webview serves) that names a web address, with
/// the line: the app works with no network, so nothing there points at one, not even a
/// comment or a licence (licences of vendored code live in `third_party/`).
fn remote_addresses(dir: &std::path::Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            remote_addresses(&path, out);
            continue;
        }
        // Fonts and images are binary; only text can name an address.
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for (i, line) in text.lines().enumerate() {
            if line.contains("http://") || line.contains("https://") {
                out.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
}

#[test]
fn nothing_the_webview_serves_names_a_remote_address() {
    let mut found = Vec::new();
    remote_addresses(&ui_js::ui(), &mut found);
    assert!(found.is_empty(), "{found:#?}");
}
