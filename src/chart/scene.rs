//! A chart as a list of shapes laid out once, in pixels at scale 1, then written out
//! either as SVG (our own small writer, so every element can carry a `class` and
//! `data-*` attributes the UI and the tests look for) or as PNG (plotters'
//! `BitMapBackend` for the shapes, the embedded DejaVu font rasterised with ab_glyph
//! by [`super::text`] for the texts). This is the one renderer of every chart kind.
//!
//! The same layout feeds both outputs, so the PNG shows the same chart as the SVG.

use std::fmt::Write as _;

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use plotters::style::RGBColor;

use super::style::{hex, Look, FONT_FAMILY, MAX_SCALE};
use super::text::{baseline_shift, draw_texts, TextOp};
use super::ChartError;

/// `class` and `data-*` attributes of an SVG element (ignored by the PNG output).
#[derive(Debug, Clone, Default)]
pub(super) struct Tag {
    pub class: String,
    pub data: Vec<(&'static str, String)>,
    /// A tooltip (`<title>` child) shown on hover in the webview.
    pub title: Option<String>,
}

impl Tag {
    pub fn class(class: impl Into<String>) -> Self {
        Tag {
            class: class.into(),
            ..Tag::default()
        }
    }
    pub fn data(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.data.push((key, value.into()));
        self
    }
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

#[derive(Clone)]
pub(super) enum Shape {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: RGBColor,
    },
    Line {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        stroke: RGBColor,
        width: f64,
        dashed: bool,
    },
    Polyline {
        points: Vec<(f64, f64)>,
        stroke: RGBColor,
        width: f64,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: RGBColor,
        opacity: f64,
    },
    /// Closed rings filled with `fill` and outlined with `stroke`.
    Polygon {
        rings: Vec<Vec<(f64, f64)>>,
        fill: RGBColor,
        stroke: RGBColor,
        width: f64,
    },
    Text {
        text: String,
        x: f64,
        y: f64,
        look: Look,
    },
    GroupStart,
    GroupEnd,
}

#[derive(Clone)]
pub(super) struct Item {
    shape: Shape,
    tag: Option<Box<Tag>>,
}

/// Shapes in drawing order, in pixels at scale 1.
#[derive(Clone)]
pub(super) struct Scene {
    pub width: f64,
    pub height: f64,
    items: Vec<Item>,
}

impl Scene {
    pub fn new(width: f64, height: f64) -> Self {
        Scene {
            width,
            height,
            items: Vec::new(),
        }
    }

    pub fn push(&mut self, shape: Shape, tag: Option<Tag>) {
        self.items.push(Item {
            shape,
            tag: tag.map(Box::new),
        });
    }

    pub fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, fill: RGBColor, tag: Option<Tag>) {
        let (x, w) = (x0.min(x1), (x1 - x0).abs());
        let (y, h) = (y0.min(y1), (y1 - y0).abs());
        self.push(Shape::Rect { x, y, w, h, fill }, tag);
    }

    pub fn line(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, stroke: RGBColor, width: f64) {
        self.push(
            Shape::Line {
                x0,
                y0,
                x1,
                y1,
                stroke,
                width,
                dashed: false,
            },
            None,
        );
    }

    /// A text, unless it is blank.
    pub fn text(&mut self, text: impl Into<String>, look: Look, x: f64, y: f64, tag: Option<Tag>) {
        let text = text.into();
        if text.trim().is_empty() {
            return;
        }
        self.push(Shape::Text { text, x, y, look }, tag);
    }

    pub fn group(&mut self, tag: Tag) {
        self.push(Shape::GroupStart, Some(tag));
    }

    pub fn end_group(&mut self) {
        self.push(Shape::GroupEnd, None);
    }

    /// How many items carry a tag whose class list contains `class` (tests).
    #[cfg(test)]
    pub fn count_class(&self, class: &str) -> usize {
        self.items
            .iter()
            .filter(|i| {
                i.tag
                    .as_ref()
                    .is_some_and(|t| t.class.split(' ').any(|c| c == class))
            })
            .count()
    }

    /// The SVG document.
    pub fn to_svg(&self) -> String {
        let mut out = String::with_capacity(4096 + self.items.len() * 90);
        let (w, h) = (self.width.round(), self.height.round());
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" role=\"img\">\n<rect class=\"background\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n"
        );
        for item in &self.items {
            write_item(&mut out, item);
        }
        out.push_str("</svg>\n");
        out
    }

    /// PNG file bytes at `scale` (clamped to 1..=4): `width × scale` by `height × scale`.
    pub fn to_png(&self, scale: u32) -> Result<Vec<u8>, ChartError> {
        use image::ImageEncoder;
        let scale = scale.clamp(1, MAX_SCALE);
        let s = f64::from(scale);
        let (w, h) = (
            (self.width.round() as u32) * scale,
            (self.height.round() as u32) * scale,
        );
        let mut pixels = vec![255u8; (w as usize) * (h as usize) * 3];
        let mut texts = Vec::new();
        {
            let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
            let p = |x: f64, y: f64| ((x * s).round() as i32, (y * s).round() as i32);
            for item in &self.items {
                match &item.shape {
                    Shape::Rect { x, y, w, h, fill } => {
                        // At least one device pixel, so thin bars stay visible.
                        let (x0, y0) = p(*x, *y);
                        let (mut x1, mut y1) = p(x + w, y + h);
                        if x1 <= x0 {
                            x1 = x0 + 1;
                        }
                        if y1 <= y0 {
                            y1 = y0 + 1;
                        }
                        root.draw(&Rectangle::new([(x0, y0), (x1 - 1, y1 - 1)], fill.filled()))
                            .map_err(draw_err)?;
                    }
                    Shape::Line {
                        x0,
                        y0,
                        x1,
                        y1,
                        stroke,
                        width,
                        dashed,
                    } => {
                        let sw = (width * s).round().max(1.0) as u32;
                        let style = stroke.stroke_width(sw);
                        if *dashed {
                            for (a, b) in dashes(*x0, *y0, *x1, *y1, 6.0, 4.0) {
                                root.draw(&PathElement::new(vec![p(a.0, a.1), p(b.0, b.1)], style))
                                    .map_err(draw_err)?;
                            }
                        } else {
                            root.draw(&PathElement::new(vec![p(*x0, *y0), p(*x1, *y1)], style))
                                .map_err(draw_err)?;
                        }
                    }
                    Shape::Polyline {
                        points,
                        stroke,
                        width,
                    } => {
                        let sw = (width * s).round().max(1.0) as u32;
                        let pts: Vec<_> = points.iter().map(|(x, y)| p(*x, *y)).collect();
                        root.draw(&PathElement::new(pts, stroke.stroke_width(sw)))
                            .map_err(draw_err)?;
                    }
                    Shape::Circle {
                        cx,
                        cy,
                        r,
                        fill,
                        opacity,
                    } => {
                        let radius = (r * s).round().max(1.0) as u32;
                        root.draw(&Circle::new(
                            p(*cx, *cy),
                            radius,
                            fill.mix(*opacity).filled(),
                        ))
                        .map_err(draw_err)?;
                    }
                    Shape::Polygon {
                        rings,
                        fill,
                        stroke,
                        width,
                    } => {
                        let sw = (width * s).round().max(1.0) as u32;
                        for ring in rings {
                            let pts: Vec<_> = ring.iter().map(|(x, y)| p(*x, *y)).collect();
                            root.draw(&Polygon::new(pts.clone(), fill.filled()))
                                .map_err(draw_err)?;
                            let mut closed = pts;
                            if let Some(first) = closed.first().copied() {
                                closed.push(first);
                            }
                            root.draw(&PathElement::new(closed, stroke.stroke_width(sw)))
                                .map_err(draw_err)?;
                        }
                    }
                    Shape::Text { text, x, y, look } => texts.push(TextOp {
                        text: text.clone(),
                        x: x * s,
                        y: y * s,
                        look: Look {
                            px: look.px * s,
                            ..*look
                        },
                    }),
                    Shape::GroupStart | Shape::GroupEnd => {}
                }
            }
            root.present().map_err(draw_err)?;
        }
        draw_texts(&mut pixels, w, h, &texts);
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new_with_quality(
            &mut png,
            image::codecs::png::CompressionType::Fast,
            image::codecs::png::FilterType::Sub,
        )
        .write_image(&pixels, w, h, image::ColorType::Rgb8)
        .map_err(|e| ChartError::Png(e.to_string()))?;
        Ok(png)
    }
}

fn draw_err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// The dash segments of a line: `on` pixels drawn, `off` pixels left out.
fn dashes(x0: f64, y0: f64, x1: f64, y1: f64, on: f64, off: f64) -> Vec<((f64, f64), (f64, f64))> {
    let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
    if len <= 0.0 {
        return Vec::new();
    }
    let (ux, uy) = ((x1 - x0) / len, (y1 - y0) / len);
    let mut out = Vec::new();
    let mut t = 0.0;
    while t < len {
        let e = (t + on).min(len);
        out.push(((x0 + ux * t, y0 + uy * t), (x0 + ux * e, y0 + uy * e)));
        t += on + off;
    }
    out
}

/// Escapes text for SVG content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn write_tag(out: &mut String, tag: &Option<Box<Tag>>) {
    if let Some(t) = tag {
        if !t.class.is_empty() {
            let _ = write!(out, " class=\"{}\"", esc(&t.class));
        }
        for (k, v) in &t.data {
            let _ = write!(out, " data-{k}=\"{}\"", esc(v));
        }
    }
}

/// Closes an element: `/>`, or `><title>…</title></name>` when it has a tooltip.
fn close(out: &mut String, name: &str, tag: &Option<Box<Tag>>) {
    match tag.as_ref().and_then(|t| t.title.as_ref()) {
        Some(title) => {
            let _ = writeln!(out, "><title>{}</title></{name}>", esc(title));
        }
        None => out.push_str("/>\n"),
    }
}

fn write_item(out: &mut String, item: &Item) {
    match &item.shape {
        Shape::Rect { x, y, w, h, fill } => {
            out.push_str("<rect");
            write_tag(out, &item.tag);
            let _ = write!(
                out,
                " x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{}\"",
                hex(*fill)
            );
            close(out, "rect", &item.tag);
        }
        Shape::Line {
            x0,
            y0,
            x1,
            y1,
            stroke,
            width,
            dashed,
        } => {
            out.push_str("<line");
            write_tag(out, &item.tag);
            let _ = write!(
                out,
                " x1=\"{x0:.1}\" y1=\"{y0:.1}\" x2=\"{x1:.1}\" y2=\"{y1:.1}\" stroke=\"{}\" stroke-width=\"{width}\"{}",
                hex(*stroke),
                if *dashed { " stroke-dasharray=\"6 4\"" } else { "" }
            );
            close(out, "line", &item.tag);
        }
        Shape::Polyline {
            points,
            stroke,
            width,
        } => {
            out.push_str("<polyline");
            write_tag(out, &item.tag);
            out.push_str(" points=\"");
            for (i, (x, y)) in points.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{x:.1},{y:.1}");
            }
            let _ = write!(
                out,
                "\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\" stroke-linejoin=\"round\"",
                hex(*stroke)
            );
            close(out, "polyline", &item.tag);
        }
        Shape::Circle {
            cx,
            cy,
            r,
            fill,
            opacity,
        } => {
            out.push_str("<circle");
            write_tag(out, &item.tag);
            let _ = write!(
                out,
                " cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r}\" fill=\"{}\"",
                hex(*fill)
            );
            if *opacity < 1.0 {
                let _ = write!(out, " fill-opacity=\"{opacity:.2}\"");
            }
            close(out, "circle", &item.tag);
        }
        Shape::Polygon {
            rings,
            fill,
            stroke,
            width,
        } => {
            out.push_str("<path");
            write_tag(out, &item.tag);
            out.push_str(" d=\"");
            for ring in rings {
                for (i, (x, y)) in ring.iter().enumerate() {
                    let _ = write!(out, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
                }
                out.push('Z');
            }
            let _ = write!(
                out,
                "\" fill=\"{}\" fill-rule=\"evenodd\" stroke=\"{}\" stroke-width=\"{width}\" stroke-linejoin=\"round\"",
                hex(*fill),
                hex(*stroke)
            );
            close(out, "path", &item.tag);
        }
        Shape::Text { text, x, y, look } => {
            let anchor = match look.h {
                HPos::Left => "start",
                HPos::Center => "middle",
                HPos::Right => "end",
            };
            // The PNG output shifts its baselines the same way (see `text::draw_texts`).
            let dy = baseline_shift(look.v).0;
            out.push_str("<text");
            write_tag(out, &item.tag);
            let _ = write!(
                out,
                " x=\"{x:.1}\" y=\"{y:.1}\" dy=\"{dy}\" font-family=\"{FONT_FAMILY}\" font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"{anchor}\"",
                look.px,
                hex(look.color)
            );
            if look.bold {
                out.push_str(" font-weight=\"bold\"");
            }
            if look.rotated {
                let _ = write!(out, " transform=\"rotate(270 {x:.1} {y:.1})\"");
            }
            let _ = writeln!(out, ">{}</text>", esc(text));
        }
        Shape::GroupStart => {
            out.push_str("<g");
            write_tag(out, &item.tag);
            out.push_str(">\n");
            if let Some(title) = item.tag.as_ref().and_then(|t| t.title.as_ref()) {
                let _ = writeln!(out, "<title>{}</title>", esc(title));
            }
        }
        Shape::GroupEnd => out.push_str("</g>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_escapes_markup_and_carries_tags() {
        let mut s = Scene::new(100.0, 50.0);
        s.rect(
            0.0,
            0.0,
            10.0,
            10.0,
            RGBColor(0, 0x72, 0xB2),
            Some(Tag::class("bar").data("label", "a<b & \"c\"")),
        );
        let svg = s.to_svg();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let bar = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("bar"))
            .unwrap();
        assert_eq!(bar.attribute("data-label"), Some("a<b & \"c\""));
        assert_eq!(s.count_class("bar"), 1);
    }

    #[test]
    fn png_has_the_scaled_size() {
        let s = Scene::new(40.0, 30.0);
        for scale in [1, 2] {
            let png = s.to_png(scale).unwrap();
            let img = image::load_from_memory(&png).unwrap();
            assert_eq!((img.width(), img.height()), (40 * scale, 30 * scale));
        }
    }
}
