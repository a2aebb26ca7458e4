//! A chart as a list of shapes laid out once, in pixels at scale 1, then written out
//! either as SVG (our own small writer, so every element can carry a `class` and
//! `data-*` attributes the UI and the tests look for) or as PNG (plotters'
//! `BitMapBackend` for the shapes, the embedded DejaVu font rasterised with ab_glyph
//! by [`super::text`] for the texts). This is the one renderer of every chart kind.
//!
//! The same layout feeds both outputs, so the PNG shows the same chart as the SVG.

use std::convert::Infallible;
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

    /// Hands every item to `sink`, unpacked, in drawing order: the one walk over the
    /// shapes that both writers share.
    fn walk<S: Sink>(&self, sink: &mut S) -> Drawn<S> {
        for item in &self.items {
            let tag = item.tag.as_deref();
            match &item.shape {
                Shape::Rect { x, y, w, h, fill } => sink.rect(tag, (*x, *y), (*w, *h), *fill)?,
                Shape::Line {
                    x0,
                    y0,
                    x1,
                    y1,
                    stroke,
                    width,
                    dashed,
                } => {
                    let pen = Pen::new(*stroke, *width);
                    sink.line(tag, (*x0, *y0), (*x1, *y1), pen, *dashed)?;
                }
                Shape::Polyline {
                    points,
                    stroke,
                    width,
                } => sink.polyline(tag, points, Pen::new(*stroke, *width))?,
                Shape::Circle {
                    cx,
                    cy,
                    r,
                    fill,
                    opacity,
                } => sink.circle(tag, (*cx, *cy), *r, *fill, *opacity)?,
                Shape::Polygon {
                    rings,
                    fill,
                    stroke,
                    width,
                } => sink.polygon(tag, rings, *fill, Pen::new(*stroke, *width))?,
                Shape::Text { text, x, y, look } => sink.text(tag, text, (*x, *y), look)?,
                Shape::GroupStart => sink.group_start(tag)?,
                Shape::GroupEnd => sink.group_end()?,
            }
        }
        Ok(())
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
        let mut svg = Svg { out };
        let Ok(()) = self.walk(&mut svg);
        let mut out = svg.out;
        out.push_str("</svg>\n");
        out
    }

    /// PNG file bytes at `scale` (clamped to 1..=4): `width × scale` by `height × scale`.
    pub fn to_png(&self, scale: u32) -> Result<Vec<u8>, ChartError> {
        use image::ImageEncoder;
        let scale = scale.clamp(1, MAX_SCALE);
        let (w, h) = (
            (self.width.round() as u32) * scale,
            (self.height.round() as u32) * scale,
        );
        let mut pixels = vec![255u8; (w as usize) * (h as usize) * 3];
        let texts = {
            let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
            let mut png = Png {
                root,
                s: f64::from(scale),
                texts: Vec::new(),
            };
            self.walk(&mut png)?;
            png.root.present().map_err(draw_err)?;
            png.texts
        };
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

/// A point or a size, in pixels at scale 1.
type Xy = (f64, f64);

/// What a sink's drawing of one item gives back.
type Drawn<S> = Result<(), <S as Sink>::Error>;

/// An outline: its colour and its width in pixels at scale 1.
#[derive(Clone, Copy)]
struct Pen {
    color: RGBColor,
    width: f64,
}

impl Pen {
    fn new(color: RGBColor, width: f64) -> Self {
        Pen { color, width }
    }
}

/// An output format: [`Scene::walk`] hands it each item; `tag` is the item's `class`,
/// `data-*` attributes and tooltip (the SVG output's alone).
trait Sink {
    type Error;
    fn rect(&mut self, tag: Option<&Tag>, at: Xy, size: Xy, fill: RGBColor) -> Drawn<Self>;
    fn line(&mut self, tag: Option<&Tag>, from: Xy, to: Xy, pen: Pen, dashed: bool) -> Drawn<Self>;
    fn polyline(&mut self, tag: Option<&Tag>, points: &[Xy], pen: Pen) -> Drawn<Self>;
    fn circle(&mut self, tag: Option<&Tag>, c: Xy, r: f64, fill: RGBColor, op: f64) -> Drawn<Self>;
    fn polygon(
        &mut self,
        tag: Option<&Tag>,
        rings: &[Vec<Xy>],
        fill: RGBColor,
        pen: Pen,
    ) -> Drawn<Self>;
    fn text(&mut self, tag: Option<&Tag>, text: &str, at: Xy, look: &Look) -> Drawn<Self>;
    fn group_start(&mut self, tag: Option<&Tag>) -> Drawn<Self>;
    fn group_end(&mut self) -> Drawn<Self>;
}

/// The PNG output: the shapes drawn by plotters at `s` device pixels a pixel, the texts
/// kept for [`draw_texts`].
struct Png<'a> {
    root: DrawingArea<BitMapBackend<'a>, plotters::coord::Shift>,
    s: f64,
    texts: Vec<TextOp>,
}

impl Png<'_> {
    /// A point in device pixels.
    fn p(&self, (x, y): Xy) -> (i32, i32) {
        ((x * self.s).round() as i32, (y * self.s).round() as i32)
    }

    /// An outline's style, at least one device pixel wide.
    fn stroke(&self, pen: Pen) -> ShapeStyle {
        let sw = (pen.width * self.s).round().max(1.0) as u32;
        pen.color.stroke_width(sw)
    }

    fn path(&self, points: Vec<(i32, i32)>, style: ShapeStyle) -> Result<(), ChartError> {
        self.root
            .draw(&PathElement::new(points, style))
            .map_err(draw_err)
    }
}

impl Sink for Png<'_> {
    type Error = ChartError;

    fn rect(&mut self, _: Option<&Tag>, at: Xy, size: Xy, fill: RGBColor) -> Drawn<Self> {
        // At least one device pixel, so thin bars stay visible.
        let (x0, y0) = self.p(at);
        let (mut x1, mut y1) = self.p((at.0 + size.0, at.1 + size.1));
        if x1 <= x0 {
            x1 = x0 + 1;
        }
        if y1 <= y0 {
            y1 = y0 + 1;
        }
        self.root
            .draw(&Rectangle::new([(x0, y0), (x1 - 1, y1 - 1)], fill.filled()))
            .map_err(draw_err)
    }

    fn line(&mut self, _: Option<&Tag>, from: Xy, to: Xy, pen: Pen, dashed: bool) -> Drawn<Self> {
        let style = self.stroke(pen);
        if dashed {
            for (a, b) in dashes(from.0, from.1, to.0, to.1, 6.0, 4.0) {
                self.path(vec![self.p(a), self.p(b)], style)?;
            }
            Ok(())
        } else {
            self.path(vec![self.p(from), self.p(to)], style)
        }
    }

    fn polyline(&mut self, _: Option<&Tag>, points: &[Xy], pen: Pen) -> Drawn<Self> {
        let pts: Vec<_> = points.iter().map(|&xy| self.p(xy)).collect();
        self.path(pts, self.stroke(pen))
    }

    fn circle(&mut self, _: Option<&Tag>, c: Xy, r: f64, fill: RGBColor, op: f64) -> Drawn<Self> {
        let radius = (r * self.s).round().max(1.0) as u32;
        self.root
            .draw(&Circle::new(self.p(c), radius, fill.mix(op).filled()))
            .map_err(draw_err)
    }

    fn polygon(
        &mut self,
        _: Option<&Tag>,
        rings: &[Vec<Xy>],
        fill: RGBColor,
        pen: Pen,
    ) -> Drawn<Self> {
        let style = self.stroke(pen);
        for ring in rings {
            let pts: Vec<_> = ring.iter().map(|&xy| self.p(xy)).collect();
            self.root
                .draw(&Polygon::new(pts.clone(), fill.filled()))
                .map_err(draw_err)?;
            let mut closed = pts;
            if let Some(first) = closed.first().copied() {
                closed.push(first);
            }
            self.path(closed, style)?;
        }
        Ok(())
    }

    fn text(&mut self, _: Option<&Tag>, text: &str, (x, y): Xy, look: &Look) -> Drawn<Self> {
        self.texts.push(TextOp {
            text: text.to_string(),
            x: x * self.s,
            y: y * self.s,
            look: Look {
                px: look.px * self.s,
                ..*look
            },
        });
        Ok(())
    }

    fn group_start(&mut self, _: Option<&Tag>) -> Drawn<Self> {
        Ok(())
    }

    fn group_end(&mut self) -> Drawn<Self> {
        Ok(())
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

/// Escapes text for SVG (or HTML) content and attribute values.
pub fn esc(s: &str) -> String {
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

/// The SVG output: our own small writer, every element with its `class` and `data-*`.
struct Svg {
    out: String,
}

impl Svg {
    /// Opens an element: `<name` and the tag's attributes.
    fn open(&mut self, name: &str, tag: Option<&Tag>) {
        let out = &mut self.out;
        let _ = write!(out, "<{name}");
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
    fn close(&mut self, name: &str, tag: Option<&Tag>) {
        match tag.and_then(|t| t.title.as_ref()) {
            Some(title) => {
                let _ = writeln!(self.out, "><title>{}</title></{name}>", esc(title));
            }
            None => self.out.push_str("/>\n"),
        }
    }
}

impl Sink for Svg {
    type Error = Infallible;

    fn rect(&mut self, tag: Option<&Tag>, (x, y): Xy, (w, h): Xy, fill: RGBColor) -> Drawn<Self> {
        self.open("rect", tag);
        let _ = write!(
            self.out,
            " x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{}\"",
            hex(fill)
        );
        self.close("rect", tag);
        Ok(())
    }

    fn line(&mut self, tag: Option<&Tag>, from: Xy, to: Xy, pen: Pen, dashed: bool) -> Drawn<Self> {
        let ((x0, y0), (x1, y1)) = (from, to);
        self.open("line", tag);
        let _ = write!(
            self.out,
            " x1=\"{x0:.1}\" y1=\"{y0:.1}\" x2=\"{x1:.1}\" y2=\"{y1:.1}\" stroke=\"{}\" stroke-width=\"{}\"{}",
            hex(pen.color),
            pen.width,
            if dashed { " stroke-dasharray=\"6 4\"" } else { "" }
        );
        self.close("line", tag);
        Ok(())
    }

    fn polyline(&mut self, tag: Option<&Tag>, points: &[Xy], pen: Pen) -> Drawn<Self> {
        self.open("polyline", tag);
        self.out.push_str(" points=\"");
        for (i, (x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            let _ = write!(self.out, "{x:.1},{y:.1}");
        }
        let _ = write!(
            self.out,
            "\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
            hex(pen.color),
            pen.width
        );
        self.close("polyline", tag);
        Ok(())
    }

    fn circle(&mut self, tag: Option<&Tag>, c: Xy, r: f64, fill: RGBColor, op: f64) -> Drawn<Self> {
        let (cx, cy) = c;
        self.open("circle", tag);
        let _ = write!(
            self.out,
            " cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r}\" fill=\"{}\"",
            hex(fill)
        );
        if op < 1.0 {
            let _ = write!(self.out, " fill-opacity=\"{op:.2}\"");
        }
        self.close("circle", tag);
        Ok(())
    }

    fn polygon(
        &mut self,
        tag: Option<&Tag>,
        rings: &[Vec<Xy>],
        fill: RGBColor,
        pen: Pen,
    ) -> Drawn<Self> {
        self.open("path", tag);
        self.out.push_str(" d=\"");
        for ring in rings {
            for (i, (x, y)) in ring.iter().enumerate() {
                let _ = write!(self.out, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
            }
            self.out.push('Z');
        }
        let _ = write!(
            self.out,
            "\" fill=\"{}\" fill-rule=\"evenodd\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
            hex(fill),
            hex(pen.color),
            pen.width
        );
        self.close("path", tag);
        Ok(())
    }

    fn text(&mut self, tag: Option<&Tag>, text: &str, (x, y): Xy, look: &Look) -> Drawn<Self> {
        let anchor = match look.h {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        // The PNG output shifts its baselines the same way (see `text::draw_texts`).
        let dy = baseline_shift(look.v).0;
        self.open("text", tag);
        let _ = write!(
            self.out,
            " x=\"{x:.1}\" y=\"{y:.1}\" dy=\"{dy}\" font-family=\"{FONT_FAMILY}\" font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"{anchor}\"",
            look.px,
            hex(look.color)
        );
        if look.bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        if look.rotated {
            let _ = write!(self.out, " transform=\"rotate(270 {x:.1} {y:.1})\"");
        }
        let _ = writeln!(self.out, ">{}</text>", esc(text));
        Ok(())
    }

    fn group_start(&mut self, tag: Option<&Tag>) -> Drawn<Self> {
        self.open("g", tag);
        self.out.push_str(">\n");
        if let Some(title) = tag.and_then(|t| t.title.as_ref()) {
            let _ = writeln!(self.out, "<title>{}</title>", esc(title));
        }
        Ok(())
    }

    fn group_end(&mut self) -> Drawn<Self> {
        self.out.push_str("</g>\n");
        Ok(())
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
