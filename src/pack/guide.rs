//! The facilitator's guide of a pack: one Markdown file named by `guide = "…"` in
//! `pack.toml`, checked like the lessons when the pack is loaded (a safe path inside the
//! pack, UTF-8, no raw HTML) and rendered through the same sanitiser
//! ([`crate::pack::markdown::to_safe_html`]), with its title and a table of contents for the
//! app's guide screen and `datajam pack guide`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::i18n::Lang;
use crate::pack::{is_safe_relative_path, localized, Pack, Problem};
use crate::tr;

/// A pack's guide, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct GuideView {
    pub pack_id: String,
    pub pack_title: String,
    /// The guide's first-level heading when it opens with one (then not repeated in
    /// `html`), else « Guide de l'animateur ».
    pub title: String,
    /// The rest of the guide as sanitised HTML.
    pub html: String,
    /// Its second- and third-level headings, in order.
    pub toc: Vec<TocEntry>,
}

/// A heading of the guide, for its table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    /// 2 or 3.
    pub level: u8,
    pub text: String,
    /// Position of the heading among the `h2` and `h3` elements of `html` (0-based), so the
    /// screen can jump to it.
    pub index: usize,
}

/// Problems with the guide named in the manifest: unsafe path, missing file, not text,
/// raw HTML, nothing in it.
pub(crate) fn check(path: &str, files: &BTreeMap<String, Vec<u8>>) -> Vec<Problem> {
    let at = |file: &str, message: String| Problem {
        file: file.to_string(),
        line: 0,
        message,
    };
    if !is_safe_relative_path(path) {
        return vec![at(
            "pack.toml",
            format!("guide `{path}`: the path must be relative to the pack folder, without `..`"),
        )];
    }
    let Some(bytes) = files.get(path) else {
        return vec![at("pack.toml", format!("guide file {path} not found"))];
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return vec![at(path, "not UTF-8 text".into())];
    };
    if text.trim().is_empty() {
        return vec![at(path, "the guide is empty".into())];
    }
    crate::pack::raw_html_problems(path, text, "the guide", |l| l + 1)
}

/// The guide of `pack`, or `None` when it has none.
pub fn view(pack: &Pack, lang: Lang) -> Option<GuideView> {
    let markdown = pack.guide_markdown()?;
    let (title, html, toc) = render(markdown);
    Some(GuideView {
        pack_id: pack.id().to_string(),
        pack_title: localized(&pack.manifest.title, lang),
        title: title.unwrap_or_else(|| tr!(lang, "pack-guide-default-title")),
        html,
        toc,
    })
}

/// Splits a guide into its title (a first-level heading opening it), its body as
/// sanitised HTML and the table of contents of the body.
pub fn render(markdown: &str) -> (Option<String>, String, Vec<TocEntry>) {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut title = None;
    let mut body = markdown;
    let mut events = Parser::new_ext(markdown, opts).into_offset_iter();
    if let Some((
        Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }),
        range,
    )) = events.next()
    {
        let mut text = String::new();
        for (ev, _) in events.by_ref() {
            match ev {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
        }
        if !text.trim().is_empty() {
            title = Some(text.trim().to_string());
            body = &markdown[range.end.min(markdown.len())..];
        }
    }
    let mut toc = Vec::new();
    let mut current: Option<(u8, String)> = None;
    for ev in Parser::new_ext(body, opts) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                current = match level {
                    HeadingLevel::H2 => Some((2, String::new())),
                    HeadingLevel::H3 => Some((3, String::new())),
                    _ => None,
                };
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut current {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = current.take() {
                    toc.push(TocEntry {
                        level,
                        text: text.trim().to_string(),
                        index: toc.len(),
                    });
                }
            }
            _ => {}
        }
    }
    (title, crate::pack::markdown::to_safe_html(body), toc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_body_and_table_of_contents() {
        let (title, html, toc) = render(
            "# Guide de l'animateur\n\nIntro.\n\n## Jour 1\n\n| Heure | Séance |\n|---|---|\n| 8 h 30 | Accueil |\n\n### Matin\n\n## Jour 2 `bis`\n",
        );
        assert_eq!(title.as_deref(), Some("Guide de l'animateur"));
        assert!(!html.contains("<h1>"), "{html}");
        assert!(
            html.contains("<table>") && html.contains("<td>8 h 30</td>"),
            "{html}"
        );
        let texts: Vec<(u8, &str, usize)> = toc
            .iter()
            .map(|e| (e.level, e.text.as_str(), e.index))
            .collect();
        assert_eq!(
            texts,
            [(2, "Jour 1", 0), (3, "Matin", 1), (2, "Jour 2 bis", 2)]
        );
    }

    #[test]
    fn a_guide_without_a_title_keeps_its_first_heading() {
        let (title, html, toc) = render("Texte d'abord.\n\n# Plus tard\n");
        assert_eq!(title, None);
        assert!(html.contains("<h1>Plus tard</h1>"), "{html}");
        assert!(toc.is_empty());
    }

    #[test]
    fn check_refuses_unsafe_missing_and_raw_html() {
        let files: BTreeMap<String, Vec<u8>> = [
            ("guide/a.md", "# G\n\nBien.\n"),
            (
                "guide/html.md",
                "# G\n\nTexte\n\n<script>alert(1)</script>\n",
            ),
            ("guide/vide.md", " \n"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect();
        assert!(check("guide/a.md", &files).is_empty());
        let p = check("../a.md", &files);
        assert!(p[0].message.contains("without `..`"), "{p:?}");
        assert_eq!(p[0].file, "pack.toml");
        let p = check("/etc/passwd", &files);
        assert!(p[0].message.contains("relative"), "{p:?}");
        let p = check("guide/absent.md", &files);
        assert_eq!(p[0].message, "guide file guide/absent.md not found");
        let p = check("guide/html.md", &files);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].to_string(),
            "guide/html.md:5: raw HTML is not allowed in the guide: <script>alert(1)</script>"
        );
        let p = check("guide/vide.md", &files);
        assert_eq!(p[0].message, "the guide is empty");
    }
}
