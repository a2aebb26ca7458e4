//! The one message catalog of the app: every sentence the core, the CLI and the UI show,
//! keyed, in French and English, and in Arabic for the files translated so far, written in
//! Fluent (`src/i18n/ftl/<lang>/*.ftl`).
//!
//! The core formats messages with [`tr`] (or the [`tr!`](crate::tr) macro); the desktop
//! app hands the UI the same files ([`source`]) and the UI formats them with the
//! JavaScript implementation of Fluent. A key missing in a language falls back to
//! French (in [`tr`], and in the Arabic [`source`] handed to the UI, which carries French
//! messages for the keys Arabic lacks); a key missing everywhere shows as `[key]`, so that
//! it is seen, and the tests prove every key used exists in French and English.
//!
//! Numbers shown to people are formatted first ([`crate::i18n::format_number`]) and
//! passed as text; a number passed as a number is for plural selection
//! (`{ $n -> [one] … *[other] … }`).

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// `(Lang::Fr, name, text), (Lang::En, name, text)` for each file `ftl/<lang>/<name>.ftl`.
macro_rules! ftl_files {
    ($($name:literal),* $(,)?) => {
        &[$(
            (Lang::Fr, $name, include_str!(concat!("ftl/fr/", $name, ".ftl"))),
            (Lang::En, $name, include_str!(concat!("ftl/en/", $name, ".ftl"))),
        )*]
    };
}

/// The catalog's files, per language, in the order they are loaded (one per area).
#[rustfmt::skip]
const FILES: &[(Lang, &str, &str)] = ftl_files![
    "core",
    "errors",
    "import",
    "store",
    "analysis",
    "workshop",
    "lesson",
    "pack",
    "progress",
    "ui",
    "cli",
    "indicators",
    "chart",
];

/// `(Lang::Ar, name, text)` for each file `ftl/ar/<name>.ftl`.
macro_rules! ftl_files_ar {
    ($($name:literal),* $(,)?) => {
        &[$((Lang::Ar, $name, include_str!(concat!("ftl/ar/", $name, ".ftl")))),*]
    };
}

/// Arabic's files, those translated so far (a first translation, to be reviewed in Chad):
/// what a trainee meets first. French stands in for every other message, key by key.
#[rustfmt::skip]
const FILES_AR: &[(Lang, &str, &str)] = ftl_files_ar![
    "errors",
    "workshop",
    "lesson",
    "ui",
];

/// Every file of the catalog, whatever its language.
fn files() -> impl Iterator<Item = &'static (Lang, &'static str, &'static str)> {
    FILES.iter().chain(FILES_AR)
}

/// An argument of a message: a text, or a number (for plurals).
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize, f64);

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static FR: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static AR: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
        Lang::Ar => &AR,
    };
    cell.get_or_init(|| {
        let tag: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language tag");
        let mut b = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks around arguments: the text goes to terminals and files
        // too, and the UI lays Arabic out with `dir="rtl"` (the browser isolates its runs).
        b.set_use_isolating(false);
        for (l, name, text) in files() {
            if *l == lang {
                let res = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|(_, e)| panic!("{}/{name}: {e:?}", lang.code()));
                b.add_resource(res)
                    .unwrap_or_else(|e| panic!("{}/{name}: {e:?}", lang.code()));
            }
        }
        b
    })
}

/// Whether the catalog of `lang` has the message `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

/// The message `key` in `lang`, with its arguments (French when `lang` has none).
pub fn tr(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let b = if has(lang, key) {
        bundle(lang)
    } else {
        bundle(Lang::Fr)
    };
    let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
        return format!("[{key}]");
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fargs.set(*name, FluentValue::from(s.to_string())),
            Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// The catalog of `lang` as Fluent source, for the UI to format with the same messages:
/// for a language other than French, followed by the French messages it lacks (the UI's
/// fallback to French, as [`tr`]'s).
pub fn source(lang: Lang) -> String {
    let mut out: Vec<String> = files()
        .filter(|(l, _, _)| *l == lang)
        .map(|(_, _, text)| text.to_string())
        .collect();
    if lang != Lang::Fr {
        let own: std::collections::BTreeSet<String> = keys(lang).into_iter().collect();
        out.extend(
            messages(Lang::Fr)
                .into_iter()
                .filter(|(id, _)| !own.contains(id))
                .map(|(_, text)| text),
        );
    }
    out.join("\n")
}

/// Whether `line` starts a message (`id = …` at the start of the line).
fn message_id(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('=')?;
    let id = id.trim_end();
    let ok = id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then_some(id)
}

/// Every message of `lang`'s own files: its key and its Fluent source (the `id = …` line
/// and the lines that continue it, up to the next message or comment).
pub fn messages(lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (_, _, text) in files().filter(|(l, _, _)| *l == lang) {
        let mut open = false;
        for line in text.lines() {
            if let Some(id) = message_id(line) {
                out.push((id.to_string(), format!("{line}\n")));
                open = true;
            } else if line.starts_with('#') {
                open = false;
            } else if let Some((_, body)) = out.last_mut().filter(|_| open) {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    out
}

/// Every message key of `lang`'s own files.
pub fn keys(lang: Lang) -> Vec<String> {
    messages(lang).into_iter().map(|(id, _)| id).collect()
}

/// `tr!(lang, "key", name = value, …)`: the message `key` with its arguments.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::catalog::tr(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::catalog::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let mut fr = keys(Lang::Fr);
        let mut en = keys(Lang::En);
        fr.sort();
        en.sort();
        let only_fr: Vec<_> = fr.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !fr.contains(k)).collect();
        assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
        assert!(only_en.is_empty(), "missing in French: {only_en:?}");
        assert!(fr.len() > 10, "{} keys", fr.len());
        for lang in [Lang::Fr, Lang::En] {
            for k in keys(lang) {
                assert!(has(lang, k.as_str()), "{k} does not parse in {lang:?}");
            }
        }
    }

    #[test]
    fn plurals_and_arguments() {
        let cases = [
            (Lang::Fr, 1, "1", "1 étape faite"),
            (Lang::Fr, 0, "0", "0 étape faite"),
            (Lang::Fr, 1500, "1 500", "1 500 étapes faites"),
            (Lang::En, 1, "1", "1 step done"),
            (Lang::En, 2, "2", "2 steps done"),
        ];
        for (lang, n, count, want) in cases {
            assert_eq!(tr!(lang, "steps-done", n = n, count = count), want);
        }
        assert_eq!(tr(Lang::Fr, "no-such-key", &[]), "[no-such-key]");
    }

    /// Whether `text` has a letter of the Arabic script.
    fn arabic(text: &str) -> bool {
        text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    }

    #[test]
    fn arabic_falls_back_to_french_key_by_key() {
        // A translated message is Arabic, with Arabic plural categories.
        assert!(arabic(&tr(Lang::Ar, "ui-home", &[])));
        let two = tr!(Lang::Ar, "ui-attempts", n = 2, count = "2");
        let three = tr!(Lang::Ar, "ui-attempts", n = 3, count = "3");
        assert!(
            arabic(&two) && arabic(&three) && two != three,
            "{two} / {three}"
        );
        // A message not translated yet is the French one, arguments and plurals included.
        assert!(!has(Lang::Ar, "cli-rows"));
        assert_eq!(tr(Lang::Ar, "cli-rows", &[]), tr(Lang::Fr, "cli-rows", &[]));
        assert_eq!(
            tr!(Lang::Ar, "steps-done", n = 1500, count = "1 500"),
            "1 500 étapes faites"
        );
        // The UI's Arabic catalog: Arabic first, then every French message Arabic lacks,
        // once, all of it valid Fluent.
        let src = source(Lang::Ar);
        let res = FluentResource::try_new(src.clone()).expect("the Arabic source parses");
        let mut b = FluentBundle::new_concurrent(vec![Lang::Ar.code().parse().unwrap()]);
        b.add_resource(res)
            .expect("no key twice in the Arabic source");
        let mut ids: Vec<&str> = src.lines().filter_map(message_id).collect();
        ids.sort();
        let mut fr = keys(Lang::Fr);
        fr.sort();
        assert_eq!(ids, fr);
        assert!(src.contains("ui-home = ") && !src.contains("ui-home = Accueil"));
        assert!(src.contains(
            &messages(Lang::Fr)
                .iter()
                .find(|(k, _)| k == "steps-done")
                .unwrap()
                .1
        ));
    }

    #[test]
    fn messages_are_split_whole() {
        let m = messages(Lang::Fr);
        let (_, steps) = m.iter().find(|(k, _)| k == "ui-steps-done").unwrap();
        assert!(
            steps.starts_with("ui-steps-done = { $n ->\n") && steps.ends_with("}\n"),
            "{steps}"
        );
        let (_, next) = m.iter().find(|(k, _)| k == "ui-import-title").unwrap();
        assert_eq!(next, "ui-import-title = Vos données\n");
    }
}
