//! The one message catalog of the app: every sentence the core, the CLI and the UI show,
//! keyed, in French and English, written in Fluent (`src/i18n/ftl/<lang>/*.ftl`).
//!
//! The core formats messages with [`tr`] (or the [`tr!`](crate::tr) macro); the desktop
//! app hands the UI the same files ([`source`]) and the UI formats them with the
//! JavaScript implementation of Fluent. A key missing in a language falls back to
//! French; a key missing everywhere shows as `[key]`, so that it is seen, and the tests
//! prove every key used exists in both languages.
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
    let cell = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let tag: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language tag");
        let mut b = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks around arguments: French and English text only.
        b.set_use_isolating(false);
        for (l, name, text) in FILES {
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

/// The catalog of `lang` as Fluent source, for the UI to format with the same messages.
pub fn source(lang: Lang) -> String {
    FILES
        .iter()
        .filter(|(l, _, _)| *l == lang)
        .map(|(_, _, text)| *text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every message key of `lang`'s catalog.
pub fn keys(lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for (l, _, text) in FILES {
        if *l != lang {
            continue;
        }
        for line in text.lines() {
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            if !id.is_empty()
                && !line.starts_with([' ', '#', '-', '['])
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                out.push(id.to_string());
            }
        }
    }
    out
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
}
