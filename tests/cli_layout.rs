//! The `datajam` CLI's shape: it calls the core only through `Workshop`, one small module
//! per group of commands, and every sentence it prints comes from the message catalog.
//!
//! The sources of the CLI (`src/bin/datajam/**/*.rs`, and `src/bin/datajam.rs` if it
//! comes back) are read as tokens, comments and strings left out. A call of a function of
//! a `datajam` module (`datajam::progress::export(…)`, or `progress::export(…)` after
//! `use datajam::progress`, or `export(…)` after `use datajam::progress::export`) is
//! refused; so is an associated function of a `datajam` type other than `Workshop` and
//! the plain data types its methods take (`Lang::from_tag`, `Pipeline::from_json`…).
//! The catalog's `tr` (and the `tr!` macro) are how the CLI speaks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use datajam::i18n::catalog;
use datajam::i18n::Lang;

/// Types of the core whose associated functions the CLI may call.
const ALLOWED_TYPES: &[&str] = &[
    "Workshop",
    // Data the workshop's methods take, built or parsed from the command line.
    "Lang",
    "ImportOptions",
    "ExportFormat",
    "Pipeline",
    "ChartRequest",
    "IndicatorRequest",
    "Question",
    "Action",
];

/// Functions of core modules the CLI may call: the message catalog.
const ALLOWED_FUNCTIONS: &[&str] = &["datajam::i18n::catalog::tr"];

/// The largest CLI source file, in lines.
const MAX_LINES: usize = 400;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Punct(&'static str),
    Str(String),
    Other,
}

/// The tokens of Rust source, each with its line; comments dropped, strings kept as
/// [`Tok::Str`] with their text.
fn tokens(src: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let count_lines = |from: usize, to: usize| c[from..to].iter().filter(|&&x| x == '\n').count();
    while i < c.len() {
        let ch = c[i];
        let next = c.get(i + 1).copied().unwrap_or('\0');
        let start = i;
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && next == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && next == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            line += count_lines(start, i);
        } else if ch == 'r' && (next == '"' || (next == '#' && c.get(i + 2) == Some(&'"')))
            || (ch == 'b' && next == 'r' && matches!(c.get(i + 2), Some('"') | Some('#')))
        {
            // Raw string: r"…", r#"…"#, br"…".
            i += if ch == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while c[i] == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            let body = i;
            loop {
                if c[i] == '"' && (0..hashes).all(|h| c.get(i + 1 + h) == Some(&'#')) {
                    break;
                }
                i += 1;
            }
            let text: String = c[body..i].iter().collect();
            i += 1 + hashes;
            out.push((Tok::Str(text), line));
            line += count_lines(start, i);
        } else if ch == '"' || (ch == 'b' && next == '"') {
            i += if ch == 'b' { 2 } else { 1 };
            let mut text = String::new();
            while c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                text.push(c[i]);
                i += 1;
            }
            i += 1;
            out.push((Tok::Str(text), line));
            line += count_lines(start, i);
        } else if ch == '\'' {
            // A char literal ('x', '\n', '\u{…}') or a lifetime ('a).
            if next == '\\' {
                i += 2;
                while c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
            }
            out.push((Tok::Other, line));
        } else if ch.is_alphabetic() || ch == '_' {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push((Tok::Ident(c[start..i].iter().collect()), line));
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push((Tok::Other, line));
        } else {
            let two: String = c[i..(i + 2).min(c.len())].iter().collect();
            let p = match two.as_str() {
                "::" => "::",
                "=>" => "=>",
                "==" => "==",
                "!=" => "!=",
                _ => "",
            };
            if p.is_empty() {
                const ONE: &[&str] = &["(", ")", "{", "}", "<", ">", ",", ";", ".", "!", "*"];
                let one = ch.to_string();
                out.push((
                    ONE.iter()
                        .find(|p| **p == one)
                        .map_or(Tok::Other, |p| Tok::Punct(p)),
                    line,
                ));
                i += 1;
            } else {
                out.push((Tok::Punct(p), line));
                i += 2;
            }
        }
    }
    out
}

fn ident(t: Option<&(Tok, usize)>) -> Option<&str> {
    match t {
        Some((Tok::Ident(s), _)) => Some(s),
        _ => None,
    }
}

fn is(t: Option<&(Tok, usize)>, p: &str) -> bool {
    matches!(t, Some((Tok::Punct(q), _)) if *q == p)
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Reads the use tree at `toks[*i]` under `prefix`: every name it brings in, with its
/// full path (`*` for a glob).
fn use_tree(
    toks: &[(Tok, usize)],
    i: &mut usize,
    prefix: &[String],
    out: &mut Vec<(String, Vec<String>)>,
) {
    let mut path = prefix.to_vec();
    if is(toks.get(*i), "::") {
        *i += 1;
    }
    loop {
        if is(toks.get(*i), "{") {
            *i += 1;
            while !is(toks.get(*i), "}") {
                use_tree(toks, i, &path, out);
                if is(toks.get(*i), ",") {
                    *i += 1;
                }
            }
            *i += 1;
            return;
        }
        if is(toks.get(*i), "*") {
            *i += 1;
            out.push(("*".into(), path));
            return;
        }
        let Some(name) = ident(toks.get(*i)) else {
            return;
        };
        *i += 1;
        if name != "self" {
            path.push(name.to_string());
        }
        if is(toks.get(*i), "::") {
            *i += 1;
            continue;
        }
        let mut local = path.last().cloned().unwrap_or_default();
        if ident(toks.get(*i)) == Some("as") {
            local = ident(toks.get(*i + 1)).unwrap_or_default().to_string();
            *i += 2;
        }
        out.push((local, path));
        return;
    }
}

/// The calls in `src` that go around `Workshop` (and the functions passed as values), as
/// "line N: path".
fn violations(src: &str) -> Vec<String> {
    let toks = tokens(src);
    let mut imports: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut out = Vec::new();
    let mut in_use = vec![false; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        if ident(toks.get(i)) == Some("use") {
            let start = i;
            i += 1;
            let mut names = Vec::new();
            use_tree(&toks, &mut i, &[], &mut names);
            while i < toks.len() && !is(toks.get(i), ";") {
                i += 1;
            }
            in_use[start..i].iter_mut().for_each(|b| *b = true);
            for (local, path) in names {
                if path.first().map(String::as_str) != Some("datajam") {
                    continue;
                }
                if local == "*" {
                    out.push(format!(
                        "line {}: use {}::*",
                        toks[start].1,
                        path.join("::")
                    ));
                } else {
                    imports.insert(local, path);
                }
            }
        }
        i += 1;
    }
    for (i, (tok, line)) in toks.iter().enumerate() {
        let Tok::Ident(first) = tok else { continue };
        let before = i.checked_sub(1).and_then(|b| toks.get(b));
        if in_use[i] || is(before, ".") || is(before, "::") || ident(before) == Some("fn") {
            continue;
        }
        // The path that starts here, turbofish skipped, and whether it is called.
        let mut segs = vec![first.clone()];
        let mut j = i + 1;
        while is(toks.get(j), "::") {
            if is(toks.get(j + 1), "<") {
                let mut depth = 0;
                j += 1;
                loop {
                    if is(toks.get(j), "<") {
                        depth += 1;
                    } else if is(toks.get(j), ">") {
                        depth -= 1;
                    }
                    j += 1;
                    if depth == 0 || j >= toks.len() {
                        break;
                    }
                }
                continue;
            }
            match ident(toks.get(j + 1)) {
                Some(s) => segs.push(s.to_string()),
                None => break,
            }
            j += 2;
        }
        // A call, or a function of a path passed as a value (`.map(chart::parse_agg)`).
        let called = is(toks.get(j), "(");
        if !called && (segs.len() < 2 || is(toks.get(j), "!")) {
            continue;
        }
        let full: Vec<String> = if first == "datajam" {
            segs
        } else if let Some(path) = imports.get(first) {
            path.iter()
                .cloned()
                .chain(segs.into_iter().skip(1))
                .collect()
        } else {
            continue;
        };
        let name = full.last().expect("a path");
        let owner = full.len().checked_sub(2).map(|k| full[k].as_str());
        let allowed = starts_upper(name) // a type, a constant, a tuple struct or variant
            || owner.is_some_and(|o| starts_upper(o) && ALLOWED_TYPES.contains(&o))
            || ALLOWED_FUNCTIONS.contains(&full.join("::").as_str());
        if !allowed {
            out.push(format!("line {line}: {}", full.join("::")));
        }
    }
    out
}

/// The language switches left in `src`: a `fr` flag, or a match or test on `Lang::Fr`.
fn language_switches(src: &str) -> Vec<String> {
    let toks = tokens(src);
    let mut out = Vec::new();
    for (i, (tok, line)) in toks.iter().enumerate() {
        if *tok == Tok::Ident("fr".into()) {
            out.push(format!("line {line}: `fr`"));
        }
        if *tok == Tok::Ident("Lang".into())
            && is(toks.get(i + 1), "::")
            && (is(toks.get(i + 3), "=>")
                || i.checked_sub(1)
                    .is_some_and(|b| is(toks.get(b), "==") || is(toks.get(b), "!=")))
        {
            out.push(format!("line {line}: a test of the language"));
        }
    }
    out
}

fn cli_sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bin");
    let mut out = Vec::new();
    if bin.join("datajam.rs").exists() {
        out.push(bin.join("datajam.rs"));
    }
    if bin.join("datajam").is_dir() {
        walk(&bin.join("datajam"), &mut out);
    }
    out.sort();
    assert!(!out.is_empty(), "no CLI source under {}", bin.display());
    out
}

#[test]
fn the_cli_calls_the_core_only_through_workshop() {
    let mut found = Vec::new();
    for path in cli_sources() {
        let src = std::fs::read_to_string(&path).unwrap();
        for v in violations(&src) {
            found.push(format!("{}: {v}", path.display()));
        }
    }
    assert!(
        found.is_empty(),
        "calls around Workshop:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_cli_is_small_modules_without_language_switches() {
    let sources = cli_sources();
    let names: Vec<String> = sources
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"main.rs".to_string()), "{names:?}");
    assert!(
        sources.len() >= 8,
        "one module per group of commands: {names:?}"
    );
    for path in &sources {
        let src = std::fs::read_to_string(path).unwrap();
        let lines = src.lines().count();
        assert!(lines <= MAX_LINES, "{}: {lines} lines", path.display());
        let switches = language_switches(&src);
        assert!(switches.is_empty(), "{}: {switches:?}", path.display());
    }
}

#[test]
fn every_cli_message_is_in_the_catalog_in_both_languages() {
    let mut used = Vec::new();
    for path in cli_sources() {
        let src = std::fs::read_to_string(&path).unwrap();
        for (tok, _) in tokens(&src) {
            if let Tok::Str(s) = tok {
                if s.starts_with("cli-") {
                    used.push(s);
                }
            }
        }
    }
    assert!(used.len() > 50, "{} keys used", used.len());
    for key in &used {
        for lang in [Lang::Fr, Lang::En] {
            assert!(catalog::has(lang, key), "{key} is missing in {lang:?}");
        }
    }
    let unused: Vec<String> = catalog::keys(Lang::Fr)
        .into_iter()
        .filter(|k| k.starts_with("cli-") && !used.contains(k))
        .collect();
    assert!(
        unused.is_empty(),
        "catalog keys the CLI does not use: {unused:?}"
    );
}

#[test]
fn the_checker_finds_calls_around_workshop() {
    let old = r#"
use datajam::progress::{self, Action};
use datajam::chart::Agg;
use datajam::pack::packfile;
use datajam::analysis::provinces::all;
use datajam::{Error, Workshop};

fn run(w: &mut Workshop, lang: Lang) -> Result<(), Error> {
    let fr = lang == Lang::Fr;
    let s = progress::export(w.store(), "a", &out)?;
    let p = packfile::load(&path)?;
    let r = datajam::analysis::sql::run_readonly(w.store().path(), "q", 10)?;
    for p in all() {}
    let k = datajam::chart::Kind::parse("bar")?;
    let a = agg.map(Agg::parse);
    if fr { println!("Bonjour"); }
    let msg = match lang { Lang::Fr => "oui", Lang::En => "yes" };
}
"#;
    assert_eq!(
        violations(old),
        [
            "line 10: datajam::progress::export",
            "line 11: datajam::pack::packfile::load",
            "line 12: datajam::analysis::sql::run_readonly",
            "line 13: datajam::analysis::provinces::all",
            "line 14: datajam::chart::Kind::parse",
            "line 15: datajam::chart::Agg::parse",
        ]
    );
    assert_eq!(
        violations("use datajam::store::*;\n"),
        ["line 1: use datajam::store::*"]
    );
    assert_eq!(
        violations("use datajam as dj;\nfn f() { dj::progress::merge(&files); }\n"),
        ["line 2: datajam::progress::merge"]
    );
    assert_eq!(
        language_switches(old),
        [
            "line 9: `fr`",
            "line 9: a test of the language",
            "line 16: `fr`",
            "line 17: a test of the language",
            "line 17: a test of the language",
        ]
    );

    let new = r##"
use datajam::i18n::Lang;
use datajam::{tr, Error, Workshop};
use crate::output::print_json;

/// `progress::export(w.store())` in a comment is not a call.
fn run(cx: &Ctx) -> Result<(), Error> {
    let mut w = Workshop::open_in(None, Lang::from_tag("en"))?;
    let all = datajam::Workshop::provinces();
    let p = w.play(&profile, &pack, &action)?;
    let e = Error::Io(std::io::Error::other("x"));
    println!("{}", tr!(cx.lang, "cli-rows", n = 1));
    let s = "datajam::progress::export(";
    let r = r#"packfile::load("x")"#;
    let c = '(';
    print_json(&p);
    std::fs::read_to_string(&path)?;
    let t = datajam::i18n::catalog::tr(Lang::En, "cli-rows", &[]);
    assert_eq!(cx.lang, Lang::En);
    let lang = cx.lang_arg.map(Lang::from_tag).unwrap_or_else(Lang::from_env);
    let progress = 3;
    let next = progress + 1;
    let ext = datajam::pack::packfile::EXTENSION;
}
"##;
    assert_eq!(violations(new), Vec::<String>::new());
    assert_eq!(language_switches(new), Vec::<String>::new());
}
