//! Markdown from packs to HTML that is safe to put in the webview.
//!
//! Pack content comes from USB sticks, so it is untrusted: pulldown-cmark renders it, then
//! ammonia keeps only a small allow-list of tags and attributes. No script, no event
//! handler, no `javascript:` URL, no iframe, no remote image ever comes out of here.

use std::borrow::Cow;
use std::collections::HashSet;

use pulldown_cmark::{html, Options, Parser};

/// Renders Markdown to sanitised HTML.
pub fn to_safe_html(markdown: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let parser = Parser::new_ext(markdown, opts);
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, parser);
    sanitize(&raw)
}

/// Cleans HTML with the allow-list used for every piece of pack content.
pub fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "kbd",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
    .into_iter()
    .collect();
    let schemes: HashSet<&str> = ["http", "https", "mailto"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(schemes)
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|element, attribute, value| {
            // Images may only come from the app itself (a relative path), never the network.
            if element == "img" && attribute == "src" {
                let v = value.trim();
                if v.contains(':') || v.starts_with("//") || v.starts_with('\\') {
                    return None;
                }
            }
            Some(Cow::Borrowed(value))
        })
        .clean(html)
        .to_string()
}

/// Text for places where no markup is allowed (titles): strips Markdown emphasis marks
/// and returns plain text (escaped by whoever displays it).
pub fn plain_text(markdown: &str) -> String {
    let parser = Parser::new(markdown);
    let mut out = String::new();
    for ev in parser {
        match ev {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => out.push_str(&t),
            pulldown_cmark::Event::SoftBreak | pulldown_cmark::Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_ordinary_markdown() {
        let html = to_safe_html("# Titre\n\nLa province **Guéra** compte *538 359* habitants.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h1>Titre</h1>"), "{html}");
        assert!(html.contains("<strong>Guéra</strong>"));
        assert!(html.contains("<table>"));
    }

    #[test]
    fn strips_everything_dangerous() {
        let evil = r#"
<script>alert(1)</script>
<img src="x" onerror="alert(2)">
<img src="https://example.org/track.png">
<img src="//example.org/track.png">
<iframe src="https://example.org"></iframe>

[clic](javascript:alert(3)) and ![img](https://example.org/x.png)

<a href="JaVaScRiPt:alert(4)">x</a>
<div onclick="alert(5)" style="background:url(https://example.org)">d</div>
<svg><script>alert(6)</script></svg>
<form action="https://example.org"><input></form>
"#;
        let html = to_safe_html(evil);
        let lower = html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "javascript:",
            "<iframe",
            "example.org",
            "style=",
            "<svg",
            "<form",
            "<input",
        ] {
            assert!(!lower.contains(bad), "{bad} survived in {html}");
        }
    }

    #[test]
    fn keeps_safe_links_with_rel() {
        let html = to_safe_html("[INSEED](https://www.inseed.td)");
        assert!(html.contains("href=\"https://www.inseed.td\""));
        assert!(html.contains("rel=\"noopener noreferrer\""));
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("La **population** en `2009`"),
            "La population en 2009"
        );
    }
}
