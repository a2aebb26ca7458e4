//! The desktop UI's strings come from the one message catalog (`src/i18n/ftl/<lang>/ui.ftl`,
//! keys `ui-…`), checked here so that `cargo test` keeps it true on machines without Node:
//!
//! - every key the UI's modules name (`t('ui-…')`, or a `'ui-…'` in a table of codes and
//!   keys) is in the catalog in French, in English and in Arabic (whose `ui.ftl` is whole:
//!   every French `ui-` key, with Arabic's plural categories wherever a number selects);
//! - every `ui-` key of the catalog is named somewhere in `ui/js/` (no dead strings);
//! - no key is built at run time (`'ui-an-kind-' + kind`), which no check could follow;
//! - a number passed for a plural (`$n`, `$nrows`, `$ncolumns`) only selects a variant: the
//!   number shown is the text that `format.js` wrote (`$count`, `$rows`, `$columns`).

use std::collections::BTreeSet;

use datajam::i18n::catalog::{has, keys, messages, source};
use datajam::i18n::Lang;
use regex::Regex;

#[path = "support/ui_js.rs"]
mod ui_js;

/// Every module under `ui/js/`: its path (for messages) and code (its text without the
/// lines that are comments).
fn modules() -> Vec<(String, String)> {
    ui_js::modules()
        .into_iter()
        .map(|(path, text)| {
            let code: Vec<&str> = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            (path, code.join("\n"))
        })
        .collect()
}

/// The `ui-` keys named in `text`, as string literals.
fn keys_named(text: &str) -> BTreeSet<String> {
    let re = Regex::new(r#"['"](ui-[a-z0-9]+(?:-[a-z0-9]+)*)['"]"#).expect("a valid pattern");
    re.captures_iter(text).map(|c| c[1].to_string()).collect()
}

/// The lines of `text` that build a key at run time or name a key that is not a `ui-` one.
fn keys_built(text: &str) -> Vec<String> {
    let re = Regex::new(
        r#"['"]ui-[a-z0-9-]*-['"]|`ui-|\bt\(\s*`|\bt\(\s*['"](?:[^'"]*['"]\s*\+|(?:[^u'"]|u[^i]|ui[^-]))"#,
    )
    .expect("a valid pattern");
    text.lines()
        .filter(|l| re.is_match(l))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn every_key_the_ui_names_is_in_the_catalog_in_every_language() {
    let mut missing = Vec::new();
    let mut named = 0;
    for (path, text) in modules() {
        for key in keys_named(&text) {
            named += 1;
            for lang in [Lang::Fr, Lang::En, Lang::Ar] {
                if !has(lang, &key) {
                    missing.push(format!("{path}: {key} ({})", lang.code()));
                }
            }
        }
    }
    assert!(named > 200, "{named} keys named in ui/js/");
    assert!(
        missing.is_empty(),
        "keys the UI names that the catalog (src/i18n/ftl/<lang>/ui.ftl) lacks:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_ui_key_of_the_catalog_is_used() {
    let used: BTreeSet<String> = modules()
        .iter()
        .flat_map(|(_, text)| keys_named(text))
        .collect();
    let ui_keys: Vec<String> = keys(Lang::Fr)
        .into_iter()
        .filter(|k| k.starts_with("ui-"))
        .collect();
    assert!(ui_keys.len() > 200, "{} ui- keys", ui_keys.len());
    let dead: Vec<&String> = ui_keys.iter().filter(|k| !used.contains(*k)).collect();
    assert!(
        dead.is_empty(),
        "ui- keys of the catalog that no module of ui/js/ names: {dead:?}"
    );
}

#[test]
fn no_key_is_built_at_run_time() {
    let found: Vec<String> = modules()
        .iter()
        .flat_map(|(path, text)| {
            keys_built(text)
                .into_iter()
                .map(move |l| format!("{path}: {l}"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "keys built at run time or not ui- keys (name each key whole, in a table of codes and keys):\n{}",
        found.join("\n")
    );
}

#[test]
fn numbers_for_plurals_only_select_a_variant() {
    let shown = Regex::new(r"\{\s*\$(?:n|nrows|ncolumns)\s*\}").expect("a valid pattern");
    for lang in [Lang::Fr, Lang::En, Lang::Ar] {
        let text = source(lang);
        let found: Vec<&str> = text.lines().filter(|l| shown.is_match(l)).collect();
        assert!(
            found.is_empty(),
            "{}: a plural's number shown as Fluent writes it, not as format.js does: {found:?}",
            lang.code()
        );
    }
}

#[test]
fn arabic_has_every_ui_key_with_its_plural_categories() {
    let ar: BTreeSet<String> = keys(Lang::Ar).into_iter().collect();
    let fr: Vec<String> = keys(Lang::Fr)
        .into_iter()
        .filter(|k| k.starts_with("ui-"))
        .collect();
    let missing: Vec<&String> = fr.iter().filter(|k| !ar.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "ui- keys missing in src/i18n/ftl/ar/ui.ftl: {missing:?}"
    );
    // Where a number selects a variant, Arabic has its own categories (zero falls back to
    // `other` where the sentence needs no word of its own), `other` staying the default.
    let selector = Regex::new(r"\{\s*\$(n|nrows|ncolumns)\s*->").expect("a valid pattern");
    let mut plurals = 0;
    for (key, text) in messages(Lang::Ar) {
        let selectors = selector.find_iter(&text).count();
        if selectors == 0 {
            continue;
        }
        plurals += 1;
        for category in ["[one]", "[two]", "[few]", "[many]", "*[other]"] {
            assert_eq!(
                text.matches(category).count(),
                selectors,
                "{key}: {category} in each of its {selectors} selector(s):\n{text}"
            );
        }
    }
    assert!(plurals > 15, "{plurals} Arabic messages with plurals");
}

#[test]
fn the_checks_find_built_and_foreign_keys() {
    assert_eq!(
        keys_named("t('ui-an-kind-bar') + t(\"ui-no\") + t('an_old') 'ui-' 'ui-a-'"),
        BTreeSet::from(["ui-an-kind-bar".to_string(), "ui-no".to_string()])
    );
    for bad in [
        "t('an_kind_' + k)",
        "t('ui-an-kind-' + k)",
        "t(`ui-an-kind-${k}`)",
        "t(`an_operand_${which}`)",
        "t('an_or')",
        "const KEY = 'ui-an-kind-';",
    ] {
        assert_eq!(keys_built(bad).len(), 1, "{bad}");
    }
    for good in [
        "t('ui-an-kind-bar')",
        "t(KINDS[k])",
        "t(which === 'a' ? 'ui-an-operand-a' : 'ui-an-operand-b')",
        "t('ui-steps-done', { done: formatNumber(d), n })",
        "const list = ['a', 'b'].join(', ');",
    ] {
        assert!(keys_built(good).is_empty(), "{good}");
    }
}
