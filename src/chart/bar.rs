//! Bar charts for DataJam Atelier.
//!
//! This module turns a small table of `(label, value)` rows into a bar chart
//! that trainees can read on screen (SVG, shown in the webview) or save and
//! share (PNG). Everything the trainee sees is in French: numbers are written
//! the French way (`951 418`, `12,5`) by [`format_number_fr`], and the texts
//! come from the [`BarChartSpec`] supplied by the caller.
//!
//! Design notes:
//! - Text is measured and rasterised with the DejaVu Sans fonts embedded in
//!   the binary (plotters' `ab_glyph` feature), so rendering never depends on
//!   the fonts installed on the trainee's machine.
//! - Colours come from the Okabe–Ito palette, which stays distinguishable for
//!   colour-blind readers: blue bars, one optional vermillion highlight.
//! - The layout is computed by hand in pixels rather than with plotters'
//!   `ChartBuilder`, so that long category names ("Ville de N'Djamena"),
//!   value labels at the end of the bars and French tick labels always fit.

use std::cell::RefCell;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, TextStyle};

pub use super::ChartError;

/// Font family used for every text of the charts (embedded, never looked up
/// on the system).
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// The Okabe–Ito colour-blind-safe palette, in its usual order: black,
/// orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.
pub const PALETTE: [&str; 8] = [
    "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
];

/// One bar: a category label and its value.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BarDatum {
    pub label: String,
    pub value: f64,
}

/// What to draw around the bars. All texts are shown as given (French).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct BarChartSpec {
    /// Chart title, drawn in bold at the top.
    pub title: String,
    /// Axis label for the categories.
    pub x_label: String,
    /// Axis label for the values.
    pub y_label: String,
    /// Source note printed at the bottom-left, e.g. "Source : RGPH2 2009 (INSEED)".
    pub source: String,
    /// Horizontal bars (categories on the y axis): best for long province names.
    #[serde(default)]
    pub horizontal: bool,
    /// Sort bars by value, largest first (top for horizontal bars, left for
    /// vertical ones). Otherwise the input order is kept.
    #[serde(default)]
    pub sort_desc: bool,
    /// Label of one bar to draw in the accent colour.
    #[serde(default)]
    pub highlight: Option<String>,
}

/// Width of a chart at scale 1, in pixels (SVG viewBox width).
pub(super) const WIDTH: u32 = 960;
/// Height of a chart at scale 1, in pixels (SVG viewBox height).
pub(super) const HEIGHT: u32 = 540;
/// Horizontal charts with more categories than this grow taller, so labels stay readable.
const ROWS_AT_BASE_HEIGHT: usize = 12;
/// Extra height per category beyond `ROWS_AT_BASE_HEIGHT`, and the tallest chart drawn.
const ROW_HEIGHT: u32 = 24;
const MAX_HEIGHT: u32 = 1600;
/// Largest PNG scale factor accepted; larger requests are clamped to it.
pub(super) const MAX_SCALE: u32 = 4;

pub(super) static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub(super) static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

// Okabe–Ito colours used by the charts (must match `PALETTE`).
pub(super) const BAR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub(super) const ACCENT: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
// Neutral colours for text and guides.
pub(super) const TEXT: RGBColor = RGBColor(0x1F, 0x1F, 0x1F);
pub(super) const MUTED: RGBColor = RGBColor(0x4D, 0x4D, 0x4D);
pub(super) const SOURCE: RGBColor = RGBColor(0x6B, 0x6B, 0x6B);
pub(super) const GRID: RGBColor = RGBColor(0xE2, 0xE2, 0xE2);
pub(super) const BASELINE: RGBColor = RGBColor(0x80, 0x80, 0x80);

// Rendered font sizes, in pixels at scale 1.
pub(super) const TITLE_PX: f64 = 20.0;
pub(super) const AXIS_TITLE_PX: f64 = 12.5;
pub(super) const CATEGORY_PX: f64 = 13.0;
pub(super) const TICK_PX: f64 = 12.0;
pub(super) const VALUE_PX: f64 = 12.5;
pub(super) const SOURCE_PX: f64 = 11.0;
/// Smallest font size used when many bars must share the space.
pub(super) const MIN_PX: f64 = 8.0;
/// Vertical charts turn their category labels rather than go below this.
const ROTATE_BELOW_PX: f64 = 10.0;

// Spacing, in pixels at scale 1.
pub(super) const MARGIN_X: f64 = 28.0;
pub(super) const MARGIN_TOP: f64 = 18.0;
pub(super) const MARGIN_BOTTOM: f64 = 14.0;
pub(super) const GAP: f64 = 8.0;

/// Registers the embedded DejaVu fonts with plotters, once per process.
fn ensure_fonts() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        let regular = plotters::style::register_font(FONT_FAMILY, FontStyle::Normal, FONT_REGULAR);
        let bold = plotters::style::register_font(FONT_FAMILY, FontStyle::Bold, FONT_BOLD);
        regular.is_ok() && bold.is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(ChartError::Draw(
            "the embedded DejaVu Sans font could not be loaded".to_string(),
        ))
    }
}

/// Formats a number the French way: thousands separated by U+202F (narrow
/// no-break space), decimal comma, `-` for negatives, never `-0`.
///
/// `format_number_fr(1234567.5, 1)` gives `"1 234 567,5"`. Non-finite
/// values give `"NaN"`, `"∞"` or `"-∞"`.
pub fn format_number_fr(value: f64, decimals: usize) -> String {
    if value.is_nan() {
        return "NaN".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    let digits = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits.as_str(), None),
    };
    let is_zero = digits.bytes().all(|b| b == b'0' || b == b'.');
    let mut out = String::with_capacity(digits.len() + 8);
    if value < 0.0 && !is_zero {
        out.push('-');
    }
    let len = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Height of a chart at scale 1: 540, taller for horizontal charts with many categories
/// (23 provinces get 24 px each beyond the first 12).
pub fn chart_height(spec: &BarChartSpec, categories: usize) -> u32 {
    if spec.horizontal && categories > ROWS_AT_BASE_HEIGHT {
        let extra = (categories - ROWS_AT_BASE_HEIGHT) as u32;
        HEIGHT
            .saturating_add(extra.saturating_mul(ROW_HEIGHT))
            .min(MAX_HEIGHT)
    } else {
        HEIGHT
    }
}

/// Draws a bar chart as an SVG document 960 wide and [`chart_height`] tall
/// (viewBox `0 0 960 540` for up to 12 horizontal bars and for vertical charts).
pub fn bar_chart_svg(spec: &BarChartSpec, data: &[BarDatum]) -> Result<String, ChartError> {
    let rows = prepare(spec, data)?;
    ensure_fonts()?;
    let height = chart_height(spec, rows.len());
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        render(&root, spec, &rows, 1.0, height, None)?;
        root.present().map_err(draw_err)?;
    }
    Ok(svg)
}

/// Like [`bar_chart_svg`], with every bar tagged `class="bar"` (`"bar highlight"` for
/// the highlighted one), `data-label` and `data-value`, in drawing order (left to right,
/// or top to bottom), so that the UI and tests can find the bars.
pub fn bar_chart_svg_tagged(spec: &BarChartSpec, data: &[BarDatum]) -> Result<String, ChartError> {
    let rows = prepare(spec, data)?;
    let svg = bar_chart_svg(spec, data)?;
    Ok(tag_bars(&svg, &rows))
}

/// Adds the bar classes to the rectangles plotters drew in the bar or accent colour.
fn tag_bars(svg: &str, rows: &[Row]) -> String {
    let mut out = String::with_capacity(svg.len() + rows.len() * 64);
    let mut rest = svg;
    let mut i = 0;
    while let Some(pos) = rest.find("<rect") {
        let (head, tail) = rest.split_at(pos);
        out.push_str(head);
        let end = tail.find('>').map_or(tail.len(), |e| e + 1);
        let elem = &tail[..end];
        let is_bar = elem.contains("fill=\"#0072B2\"") || elem.contains("fill=\"#D55E00\"");
        match rows.get(i) {
            Some(row) if is_bar => {
                out.push_str(&format!(
                    "<rect class=\"{}\" data-label=\"{}\" data-value=\"{}\"",
                    if row.highlighted {
                        "bar highlight"
                    } else {
                        "bar"
                    },
                    super::scene::esc(&row.label),
                    row.value
                ));
                out.push_str(&elem[5..]);
                i += 1;
            }
            _ => out.push_str(elem),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Draws a bar chart as PNG file bytes: 960 × 540 pixels at `scale` 1,
/// 1920 × 1080 at `scale` 2 (taller as [`chart_height`] says). `scale` is clamped to `1..=4`.
pub fn bar_chart_png(
    spec: &BarChartSpec,
    data: &[BarDatum],
    scale: u32,
) -> Result<Vec<u8>, ChartError> {
    use image::ImageEncoder;

    let rows = prepare(spec, data)?;
    ensure_fonts()?;
    let scale = scale.clamp(1, MAX_SCALE);
    let height = chart_height(spec, rows.len());
    let (w, h) = (WIDTH * scale, height * scale);
    let mut pixels = vec![0u8; (w as usize) * (h as usize) * 3];
    let texts = {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        let texts = render(
            &root,
            spec,
            &rows,
            f64::from(scale),
            height,
            Some(RefCell::default()),
        )?;
        root.present().map_err(draw_err)?;
        texts.map(RefCell::into_inner).unwrap_or_default()
    };
    draw_texts(&mut pixels, w, h, &texts)?;
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&pixels, w, h, image::ColorType::Rgb8)
        .map_err(|e| ChartError::Png(e.to_string()))?;
    Ok(png)
}

fn draw_err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// A bar ready to draw.
struct Row {
    label: String,
    value: f64,
    highlighted: bool,
}

/// Validates the data, applies sorting and marks the highlighted bar.
fn prepare(spec: &BarChartSpec, data: &[BarDatum]) -> Result<Vec<Row>, ChartError> {
    if data.is_empty() {
        return Err(ChartError::Empty);
    }
    if let Some(bad) = data.iter().find(|d| !d.value.is_finite()) {
        return Err(ChartError::NotFinite(bad.label.clone()));
    }
    let mut rows: Vec<Row> = data
        .iter()
        .map(|d| Row {
            label: d.label.clone(),
            value: d.value,
            highlighted: spec.highlight.as_deref() == Some(d.label.as_str()),
        })
        .collect();
    if spec.sort_desc {
        // Stable: equal values keep their input order.
        rows.sort_by(|a, b| b.value.total_cmp(&a.value));
    }
    Ok(rows)
}

/// How many decimals the value labels need: 0 for whole numbers, else the
/// fewest (at most 2) that show every value exactly.
fn value_decimals(rows: &[Row]) -> usize {
    (0..=2)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            rows.iter().all(|r| {
                let x = r.value * f;
                (x - x.round()).abs() <= 1e-9 * x.abs().max(1.0)
            })
        })
        .unwrap_or(2)
}

/// Nice tick values covering `[lo, hi]`, about `target` of them, and the
/// number of decimals their labels need.
pub(super) fn nice_ticks(lo: f64, hi: f64, target: f64, whole: bool) -> (f64, usize) {
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let raw = span / target.max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    let mut step = nice * mag;
    if whole && step < 1.0 {
        step = 1.0;
    }
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()).max(0.0) as usize
    };
    (step, decimals)
}

/// Tick values that are multiples of `step` inside `[a, b]`.
pub(super) fn tick_values(a: f64, b: f64, step: f64) -> Vec<f64> {
    let first = (a / step - 1e-9).ceil() as i64;
    let last = (b / step + 1e-9).floor() as i64;
    (first..=last)
        .take(1000)
        .map(|k| {
            let v = k as f64 * step;
            if v == 0.0 {
                0.0
            } else {
                v
            }
        })
        .collect()
}

/// How a piece of text looks: size in pixels at scale 1, weight, colour and
/// anchor (which point of the text box `(x, y)` designates, in the text's
/// own direction) and whether it reads bottom-to-top (rotated 270°).
#[derive(Clone, Copy)]
pub(super) struct Look {
    pub(super) px: f64,
    pub(super) bold: bool,
    pub(super) color: RGBColor,
    pub(super) h: HPos,
    pub(super) v: VPos,
    pub(super) rotated: bool,
}

pub(super) fn look(px: f64, bold: bool, color: RGBColor, h: HPos, v: VPos) -> Look {
    Look {
        px,
        bold,
        color,
        h,
        v,
        rotated: false,
    }
}

/// A text to rasterise after plotters has drawn the shapes (PNG only).
pub(super) struct TextOp {
    pub(super) text: String,
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) look: Look,
}

/// Drawing helpers bound to one drawing area and one scale factor.
struct Canvas<'a, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, Shift>,
    s: f64,
    /// `Some` for bitmaps: texts are collected here and drawn by
    /// [`draw_texts`] instead of plotters (see there why).
    deferred: Option<RefCell<Vec<TextOp>>>,
}

impl<DB: DrawingBackend> Canvas<'_, DB> {
    /// The plotters text style for `look` at this canvas' scale.
    fn text_style(&self, look: &Look) -> TextStyle<'static> {
        let weight = if look.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        // plotters writes `size / 1.24` as the SVG font size.
        let style = FontDesc::new(
            FontFamily::Name(FONT_FAMILY),
            look.px * 1.24 * self.s,
            weight,
        )
        .color(&look.color)
        .pos(Pos::new(look.h, look.v));
        if look.rotated {
            style.transform(FontTransform::Rotate270)
        } else {
            style
        }
    }

    /// Width and height of `text` in device pixels (a slight overestimate
    /// of the rendered size, which keeps layouts on the safe side).
    fn measure(&self, text: &str, look: &Look) -> Result<(f64, f64), ChartError> {
        if text.is_empty() {
            return Ok((0.0, 0.0));
        }
        let (w, h) = self
            .root
            .estimate_text_size(
                text,
                &self.text_style(&Look {
                    rotated: false,
                    ..*look
                }),
            )
            .map_err(draw_err)?;
        Ok((f64::from(w), f64::from(h)))
    }

    fn text(&self, text: &str, look: &Look, x: f64, y: f64) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        if let Some(deferred) = &self.deferred {
            deferred.borrow_mut().push(TextOp {
                text: text.to_string(),
                x,
                y,
                look: Look {
                    px: look.px * self.s,
                    ..*look
                },
            });
            return Ok(());
        }
        self.root
            .draw(&Text::new(text, (px(x), px(y)), self.text_style(look)))
            .map_err(draw_err)
    }

    fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), ChartError> {
        let (l, r) = (x0.min(x1), x0.max(x1));
        let (t, b) = (y0.min(y1), y0.max(y1));
        self.root
            .draw(&Rectangle::new(
                [(px(l), px(t)), (px(r), px(b))],
                color.filled(),
            ))
            .map_err(draw_err)
    }

    fn line(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), ChartError> {
        let width = self.s.round().max(1.0) as u32;
        self.root
            .draw(&PathElement::new(
                vec![(px(x0), px(y0)), (px(x1), px(y1))],
                color.stroke_width(width),
            ))
            .map_err(draw_err)
    }

    /// Shortens `text` with an ellipsis so that it fits in `max_w` pixels.
    fn fit(&self, text: &str, look: &Look, max_w: f64) -> Result<String, ChartError> {
        if self.measure(text, look)?.0 <= max_w {
            return Ok(text.to_string());
        }
        let chars: Vec<char> = text.chars().collect();
        for keep in (1..chars.len()).rev() {
            let head: String = chars[..keep].iter().collect();
            let candidate = format!("{}…", head.trim_end());
            if self.measure(&candidate, look)?.0 <= max_w {
                return Ok(candidate);
            }
        }
        Ok("…".to_string())
    }
}

/// Rasterises texts into an RGB buffer of width `w` with ab_glyph.
///
/// plotters 0.3.7's own ab_glyph rasteriser drops each glyph's left side
/// bearing, which gives visibly uneven letter spacing ("Provin ce"); this
/// lays glyphs out properly, with the same anchors as plotters' SVG backend
/// so that the PNG matches the SVG.
pub(super) fn draw_texts(
    pixels: &mut [u8],
    w: u32,
    h: u32,
    texts: &[TextOp],
) -> Result<(), ChartError> {
    use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};

    let regular =
        FontRef::try_from_slice(FONT_REGULAR).map_err(|e| ChartError::Draw(e.to_string()))?;
    let bold = FontRef::try_from_slice(FONT_BOLD).map_err(|e| ChartError::Draw(e.to_string()))?;
    for op in texts {
        let font = if op.look.bold { &bold } else { &regular };
        let em = op.look.px as f32;
        let units = font.units_per_em().unwrap_or(2048.0);
        let scale = PxScale::from(em * font.height_unscaled() / units);
        let scaled = font.as_scaled(scale);

        // Lay the glyphs out on a baseline at y = 0.
        let mut caret = 0.0f32;
        let mut prev = None;
        let mut glyphs = Vec::with_capacity(op.text.len());
        for ch in op.text.chars() {
            let id = scaled.glyph_id(ch);
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            glyphs.push(id.with_scale_and_position(scale, point(caret, 0.0)));
            caret += scaled.h_advance(id);
            prev = Some(id);
        }
        let dx = match op.look.h {
            HPos::Left => 0.0,
            HPos::Center => -caret / 2.0,
            HPos::Right => -caret,
        };
        // Same baselines as the SVG backend: dy = 0.76em, 0.5ex or -0.5ex.
        let half_ex = 0.5 * 0.547 * em;
        let dy = match op.look.v {
            VPos::Top => 0.76 * em,
            VPos::Center => half_ex,
            VPos::Bottom => -half_ex,
        };
        let (ax, ay) = (op.x.round() as i64, op.y.round() as i64);
        let (dx, dy) = (dx.round() as i64, dy.round() as i64);
        let rotated = op.look.rotated;
        let (r, g, b) = (op.look.color.0, op.look.color.1, op.look.color.2);
        for glyph in glyphs {
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, coverage| {
                // Pixel in the text's own frame, relative to the anchor.
                let lx = dx + bounds.min.x as i64 + i64::from(gx);
                let ly = dy + bounds.min.y as i64 + i64::from(gy);
                // SVG's rotate(270): (lx, ly) -> (ly, -lx).
                let (x, y) = if rotated {
                    (ax + ly, ay - lx)
                } else {
                    (ax + lx, ay + ly)
                };
                if x < 0 || y < 0 || x >= i64::from(w) || y >= i64::from(h) {
                    return;
                }
                let i = ((y as usize) * (w as usize) + x as usize) * 3;
                let a = coverage.clamp(0.0, 1.0);
                if let Some(px) = pixels.get_mut(i..i + 3) {
                    for (dst, src) in px.iter_mut().zip([r, g, b]) {
                        *dst = (f32::from(*dst) * (1.0 - a) + f32::from(src) * a).round() as u8;
                    }
                }
            });
        }
    }
    Ok(())
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// The space left for the plot between the title and the source note.
struct Frame {
    /// Top of the free area below the title.
    top: f64,
    /// Bottom of the free area above the source note.
    bottom: f64,
}

/// Draws the white background, the title and the source note, and returns
/// the area left for the chart itself.
fn draw_frame<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    spec: &BarChartSpec,
    w: f64,
    h: f64,
) -> Result<Frame, ChartError> {
    let s = c.s;
    c.root.fill(&WHITE).map_err(draw_err)?;
    let mx = MARGIN_X * s;
    let mut top = MARGIN_TOP * s;
    let title = spec.title.trim();
    if !title.is_empty() {
        let style = look(TITLE_PX, true, TEXT, HPos::Left, VPos::Top);
        let title = c.fit(title, &style, w - 2.0 * mx)?;
        let (_, th) = c.measure(&title, &style)?;
        c.text(&title, &style, mx, top)?;
        top += th + 2.0 * GAP * s;
    }
    let mut bottom = h - MARGIN_BOTTOM * s;
    let source = spec.source.trim();
    if !source.is_empty() {
        let style = look(SOURCE_PX, false, SOURCE, HPos::Left, VPos::Bottom);
        let source = c.fit(source, &style, w - 2.0 * mx)?;
        let (_, sh) = c.measure(&source, &style)?;
        c.text(&source, &style, mx, bottom)?;
        bottom -= sh + 1.5 * GAP * s;
    }
    Ok(Frame { top, bottom })
}

/// Maps values to pixels along the value axis, leaving room for the value
/// labels beyond the ends of the longest bars.
struct ValueScale {
    lo: f64,
    /// Pixel position of `lo` (already shifted by the room left for labels).
    origin: f64,
    /// Pixels per unit (negative for a vertical axis pointing up).
    per_unit: f64,
}

impl ValueScale {
    /// `start` and `end` are the pixel positions of the two ends of the axis
    /// (start = low values); `room_lo` / `room_hi` the pixels needed beyond
    /// the most negative / most positive bar.
    fn new(lo: f64, hi: f64, start: f64, end: f64, room_lo: f64, room_hi: f64) -> Self {
        let dir = if end >= start { 1.0 } else { -1.0 };
        let length = (end - start).abs();
        let usable = (length - room_lo - room_hi).max(length * 0.3);
        let span = if hi > lo { hi - lo } else { 1.0 };
        ValueScale {
            lo,
            origin: start + dir * room_lo.min(length * 0.35),
            per_unit: dir * usable / span,
        }
    }
    fn pos(&self, v: f64) -> f64 {
        self.origin + (v - self.lo) * self.per_unit
    }
    fn value_at(&self, pos: f64) -> f64 {
        self.lo + (pos - self.origin) / self.per_unit
    }
}

fn render<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &BarChartSpec,
    rows: &[Row],
    s: f64,
    height: u32,
    deferred: Option<RefCell<Vec<TextOp>>>,
) -> Result<Option<RefCell<Vec<TextOp>>>, ChartError> {
    let c = Canvas { root, s, deferred };
    let (w, h) = (f64::from(WIDTH) * s, f64::from(height) * s);
    let frame = draw_frame(&c, spec, w, h)?;
    if spec.horizontal {
        render_horizontal(&c, spec, rows, &frame, w)?;
    } else {
        render_vertical(&c, spec, rows, &frame, w)?;
    }
    Ok(c.deferred)
}

/// Value range of the bars, always including 0.
fn value_range(rows: &[Row]) -> (f64, f64) {
    let lo = rows.iter().map(|r| r.value).fold(0.0, f64::min);
    let hi = rows.iter().map(|r| r.value).fold(0.0, f64::max);
    if lo == 0.0 && hi == 0.0 {
        (0.0, 1.0)
    } else {
        (lo, hi)
    }
}

fn render_horizontal<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    spec: &BarChartSpec,
    rows: &[Row],
    frame: &Frame,
    w: f64,
) -> Result<(), ChartError> {
    let s = c.s;
    let mx = MARGIN_X * s;
    let n = rows.len() as f64;
    let decimals = value_decimals(rows);
    let whole = decimals == 0;

    // Vertical layout: [category axis title] bars, ticks, [value axis title].
    let cat_title = spec.x_label.trim();
    let cat_title_style = look(AXIS_TITLE_PX, true, MUTED, HPos::Left, VPos::Bottom);
    let cat_title_h = c.measure(cat_title, &cat_title_style)?.1;
    let plot_top = frame.top
        + if cat_title.is_empty() {
            0.0
        } else {
            cat_title_h + GAP * s
        };

    let val_title = spec.y_label.trim();
    let val_title_style = look(AXIS_TITLE_PX, true, MUTED, HPos::Center, VPos::Bottom);
    let val_title_h = c.measure(val_title, &val_title_style)?.1;
    let tick_style = look(TICK_PX, false, MUTED, HPos::Center, VPos::Top);
    let tick_h = c.measure("0123456789", &tick_style)?.1;
    let mut plot_bottom = frame.bottom - tick_h - GAP * s;
    if !val_title.is_empty() {
        plot_bottom -= val_title_h + GAP * s;
    }
    let plot_h = (plot_bottom - plot_top).max(10.0 * s);
    let band = plot_h / n;

    // Font sizes shrink when many bars share the height.
    let cat_px = (band / s / 1.45).clamp(MIN_PX, CATEGORY_PX);
    let val_px = cat_px.min(VALUE_PX);
    let cat_style = look(cat_px, false, TEXT, HPos::Right, VPos::Center);

    // Category label column: as wide as the longest label, within reason.
    let max_label_w = w * 0.4;
    let mut labels = Vec::with_capacity(rows.len());
    let mut label_w: f64 = 0.0;
    for row in rows {
        let label = c.fit(row.label.trim(), &cat_style, max_label_w)?;
        label_w = label_w.max(c.measure(&label, &cat_style)?.0);
        labels.push(label);
    }
    let plot_left = mx + label_w + 1.5 * GAP * s;
    let plot_right = w - mx;

    // Value labels at the end of the bars need room beyond the longest bars.
    let value_texts: Vec<String> = rows
        .iter()
        .map(|r| format_number_fr(r.value, decimals))
        .collect();
    let mut room_lo: f64 = 0.0;
    let mut room_hi: f64 = 0.0;
    for (row, text) in rows.iter().zip(&value_texts) {
        let style = look(val_px, row.highlighted, TEXT, HPos::Left, VPos::Center);
        let needed = c.measure(text, &style)?.0 + GAP * s;
        if row.value < 0.0 {
            room_lo = room_lo.max(needed);
        } else {
            room_hi = room_hi.max(needed);
        }
    }
    let (lo, hi) = value_range(rows);
    let scale = ValueScale::new(lo, hi, plot_left, plot_right, room_lo, room_hi);

    // Ticks and vertical grid lines.
    let (axis_lo, axis_hi) = (scale.value_at(plot_left), scale.value_at(plot_right));
    let widest_tick = c
        .measure(&format_number_fr(lo.abs().max(hi.abs()), 0), &tick_style)?
        .0;
    let plot_w = plot_right - plot_left;
    let mut target = (plot_w / (widest_tick + 40.0 * s)).clamp(2.0, 8.0);
    let ticks = loop {
        let (step, tick_decimals) = nice_ticks(axis_lo, axis_hi, target, whole);
        let values = tick_values(axis_lo, axis_hi, step);
        let texts: Vec<String> = values
            .iter()
            .map(|v| format_number_fr(*v, tick_decimals))
            .collect();
        let mut widest: f64 = 0.0;
        for t in &texts {
            widest = widest.max(c.measure(t, &tick_style)?.0);
        }
        if step * scale.per_unit.abs() >= widest + 2.0 * GAP * s || target <= 2.0 {
            break values.into_iter().zip(texts).collect::<Vec<_>>();
        }
        target -= 1.0;
    };
    for (v, text) in &ticks {
        let x = scale.pos(*v);
        let (tw, _) = c.measure(text, &tick_style)?;
        // Skip a tick whose label would run off the picture.
        if x + tw / 2.0 > w - mx / 3.0 {
            continue;
        }
        if *v != 0.0 {
            c.line(x, plot_top, x, plot_bottom, GRID)?;
        }
        c.text(text, &tick_style, x, plot_bottom + GAP * s / 1.5)?;
    }

    // Bars, category labels and value labels; the first row at the top.
    let thickness = (band * 0.72).min(44.0 * s);
    let zero = scale.pos(0.0);
    for (i, ((row, label), text)) in rows.iter().zip(&labels).zip(&value_texts).enumerate() {
        let center = plot_top + band * (i as f64 + 0.5);
        let end = scale.pos(row.value);
        let color = if row.highlighted { ACCENT } else { BAR };
        c.rect(
            zero,
            center - thickness / 2.0,
            end,
            center + thickness / 2.0,
            color,
        )?;
        c.text(label, &cat_style, plot_left - 1.5 * GAP * s, center)?;
        let (h_pos, x) = if row.value < 0.0 {
            (HPos::Right, end - GAP * s / 1.5)
        } else {
            (HPos::Left, end + GAP * s / 1.5)
        };
        let style = look(val_px, row.highlighted, TEXT, h_pos, VPos::Center);
        c.text(text, &style, x, center)?;
    }
    c.line(zero, plot_top, zero, plot_bottom, BASELINE)?;

    // Axis titles: categories above the label column, values under the ticks.
    c.text(cat_title, &cat_title_style, mx, plot_top - GAP * s / 1.5)?;
    c.text(
        val_title,
        &val_title_style,
        (plot_left + plot_right) / 2.0,
        frame.bottom,
    )?;
    Ok(())
}

/// Splits a label into at most two lines that fit `max_w`, breaking at a
/// space or after a hyphen; shortens it with an ellipsis as a last resort.
fn wrap_label<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    label: &str,
    style: &Look,
    max_w: f64,
) -> Result<Vec<String>, ChartError> {
    if c.measure(label, style)?.0 <= max_w {
        return Ok(vec![label.to_string()]);
    }
    // Candidate break points: after a space (dropped) or after a hyphen (kept).
    let mut best: Option<(f64, String, String)> = None;
    for (i, ch) in label.char_indices() {
        let (first, second) = match ch {
            ' ' => (&label[..i], &label[i + 1..]),
            '-' => (&label[..i + 1], &label[i + 1..]),
            _ => continue,
        };
        let (first, second) = (first.trim(), second.trim());
        if first.is_empty() || second.is_empty() {
            continue;
        }
        let widest = c.measure(first, style)?.0.max(c.measure(second, style)?.0);
        if best.as_ref().is_none_or(|(b, _, _)| widest < *b) {
            best = Some((widest, first.to_string(), second.to_string()));
        }
    }
    match best {
        Some((_, first, second)) => Ok(vec![
            c.fit(&first, style, max_w)?,
            c.fit(&second, style, max_w)?,
        ]),
        None => Ok(vec![c.fit(label, style, max_w)?]),
    }
}

fn render_vertical<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    spec: &BarChartSpec,
    rows: &[Row],
    frame: &Frame,
    w: f64,
) -> Result<(), ChartError> {
    let s = c.s;
    let mx = MARGIN_X * s;
    let n = rows.len() as f64;
    let decimals = value_decimals(rows);
    let whole = decimals == 0;
    let (lo, hi) = value_range(rows);

    // Value axis title above the plot, left-aligned like the title.
    let val_title = spec.y_label.trim();
    let val_title_style = look(AXIS_TITLE_PX, true, MUTED, HPos::Left, VPos::Top);
    let val_title_h = c.measure(val_title, &val_title_style)?.1;
    c.text(val_title, &val_title_style, mx, frame.top)?;
    let tick_style = look(TICK_PX, false, MUTED, HPos::Right, VPos::Center);
    let tick_h = c.measure("0123456789", &tick_style)?.1;
    let plot_top = frame.top
        + tick_h / 2.0
        + if val_title.is_empty() {
            0.0
        } else {
            val_title_h + 1.5 * GAP * s
        };

    // Category axis title centred at the bottom.
    let cat_title = spec.x_label.trim();
    let cat_title_style = look(AXIS_TITLE_PX, true, MUTED, HPos::Center, VPos::Bottom);
    let cat_title_h = c.measure(cat_title, &cat_title_style)?.1;
    let labels_bottom = frame.bottom
        - if cat_title.is_empty() {
            0.0
        } else {
            cat_title_h + GAP * s
        };

    // Tick labels on the left: their width sets where the plot starts.
    let widest_tick =
        c.measure(
            &format_number_fr(lo.abs().max(hi.abs()) * 1.2, 0),
            &tick_style,
        )?
        .0 + if lo < 0.0 {
            c.measure("-", &tick_style)?.0
        } else {
            0.0
        };
    let plot_left = mx + widest_tick + GAP * s;
    let plot_right = w - mx;
    let band = (plot_right - plot_left) / n;

    // Category labels under the bars, on one or two lines; when they do not
    // fit even in a smaller font, they are turned to read bottom-to-top.
    let mut cat_px = CATEGORY_PX;
    let mut wrapped: Vec<Vec<String>>;
    let rotated = loop {
        let style = look(cat_px, false, TEXT, HPos::Center, VPos::Top);
        wrapped = Vec::with_capacity(rows.len());
        let mut fits = true;
        for row in rows {
            let label = row.label.trim();
            let lines = wrap_label(c, label, &style, band * 0.94)?;
            fits &= lines
                .iter()
                .all(|l| !l.ends_with('…') || label.ends_with('…'));
            wrapped.push(lines);
        }
        if fits {
            break false;
        }
        if cat_px <= ROTATE_BELOW_PX {
            break true;
        }
        cat_px -= 1.0;
    };
    let (cat_style, label_area) = if rotated {
        cat_px = (band * 0.8 / s).clamp(MIN_PX, CATEGORY_PX);
        let style = Look {
            rotated: true,
            ..look(cat_px, false, TEXT, HPos::Right, VPos::Center)
        };
        let max_len = (labels_bottom - plot_top) * 0.4;
        let mut longest: f64 = 0.0;
        wrapped = Vec::with_capacity(rows.len());
        for row in rows {
            let label = c.fit(row.label.trim(), &style, max_len)?;
            longest = longest.max(c.measure(&label, &style)?.0);
            wrapped.push(vec![label]);
        }
        (style, longest)
    } else {
        let style = look(cat_px, false, TEXT, HPos::Center, VPos::Top);
        let line_h = c.measure("Éy", &style)?.1 * 1.2;
        let max_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f64;
        (style, max_lines * line_h)
    };
    let line_h = c.measure("Éy", &cat_style)?.1 * 1.2;
    let plot_bottom = labels_bottom - label_area - GAP * s;

    // Value labels above (or below, for negatives) the bars.
    let value_texts: Vec<String> = rows
        .iter()
        .map(|r| format_number_fr(r.value, decimals))
        .collect();
    let mut val_px = VALUE_PX;
    for (row, text) in rows.iter().zip(&value_texts) {
        let style = look(val_px, row.highlighted, TEXT, HPos::Center, VPos::Bottom);
        let tw = c.measure(text, &style)?.0;
        if tw > band * 0.98 {
            val_px = (val_px * band * 0.98 / tw).max(MIN_PX);
        }
    }
    let val_h = c
        .measure("0", &look(val_px, true, TEXT, HPos::Center, VPos::Bottom))?
        .1;
    let room_lo = if lo < 0.0 { val_h + GAP * s } else { 0.0 };
    let room_hi = if hi > 0.0 { val_h + GAP * s } else { 0.0 };
    let scale = ValueScale::new(lo, hi, plot_bottom, plot_top, room_lo, room_hi);

    // Ticks and horizontal grid lines.
    let (axis_lo, axis_hi) = (scale.value_at(plot_bottom), scale.value_at(plot_top));
    let plot_h = plot_bottom - plot_top;
    let (step, tick_decimals) = nice_ticks(
        axis_lo,
        axis_hi,
        (plot_h / (45.0 * s)).clamp(2.0, 7.0),
        whole,
    );
    for v in tick_values(axis_lo, axis_hi, step) {
        let y = scale.pos(v);
        if v != 0.0 {
            c.line(plot_left, y, plot_right, y, GRID)?;
        }
        c.text(
            &format_number_fr(v, tick_decimals),
            &tick_style,
            plot_left - GAP * s,
            y,
        )?;
    }

    // Bars, value labels and category labels; the first row on the left.
    let thickness = (band * 0.7).min(90.0 * s);
    let zero = scale.pos(0.0);
    for (i, ((row, lines), text)) in rows.iter().zip(&wrapped).zip(&value_texts).enumerate() {
        let center = plot_left + band * (i as f64 + 0.5);
        let end = scale.pos(row.value);
        let color = if row.highlighted { ACCENT } else { BAR };
        c.rect(
            center - thickness / 2.0,
            end,
            center + thickness / 2.0,
            zero,
            color,
        )?;
        let (v_pos, y) = if row.value < 0.0 {
            (VPos::Top, end + GAP * s / 2.0)
        } else {
            (VPos::Bottom, end - GAP * s / 2.0)
        };
        let style = look(val_px, row.highlighted, TEXT, HPos::Center, v_pos);
        c.text(text, &style, center, y)?;
        for (k, line) in lines.iter().enumerate() {
            c.text(
                line,
                &cat_style,
                center,
                plot_bottom + GAP * s + k as f64 * line_h,
            )?;
        }
    }
    c.line(plot_left, zero, plot_right, zero, BASELINE)?;
    c.text(
        cat_title,
        &cat_title_style,
        (plot_left + plot_right) / 2.0,
        frame.bottom,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NNBSP: char = '\u{202F}';

    fn census() -> Vec<BarDatum> {
        [
            ("Guéra", 538_359.0),
            ("Logone Oriental", 779_339.0),
            ("Tibesti", 25_483.0),
            ("Ville de N'Djamena", 951_418.0),
            ("Ouaddaï", 721_166.0),
            ("Mayo-Kebbi Est", 774_782.0),
        ]
        .iter()
        .map(|(label, value)| BarDatum {
            label: (*label).to_string(),
            value: *value,
        })
        .collect()
    }

    /// The census rows, largest first.
    const SORTED: [&str; 6] = [
        "Ville de N'Djamena",
        "Logone Oriental",
        "Mayo-Kebbi Est",
        "Ouaddaï",
        "Guéra",
        "Tibesti",
    ];

    fn census_spec(horizontal: bool) -> BarChartSpec {
        BarChartSpec {
            title: "Population recensée en 2009, par province".to_string(),
            x_label: "Province".to_string(),
            y_label: "Population recensée en 2009".to_string(),
            source: "Source : RGPH2 2009 (INSEED)".to_string(),
            horizontal,
            sort_desc: true,
            highlight: Some("Ouaddaï".to_string()),
        }
    }

    /// A bar as found in the SVG.
    #[derive(Debug)]
    struct SvgBar {
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        fill: String,
    }

    fn attr_f64(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
        node.attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    }

    /// The bar rectangles (filled with the bar or accent colour).
    fn bars(doc: &roxmltree::Document<'_>) -> Vec<SvgBar> {
        doc.descendants()
            .filter(|n| n.has_tag_name("rect"))
            .filter(|n| matches!(n.attribute("fill"), Some("#0072B2") | Some("#D55E00")))
            .map(|n| SvgBar {
                x: attr_f64(n, "x"),
                y: attr_f64(n, "y"),
                width: attr_f64(n, "width"),
                height: attr_f64(n, "height"),
                fill: n.attribute("fill").unwrap_or_default().to_string(),
            })
            .collect()
    }

    /// Every `<text>` element: (trimmed content, node).
    fn texts<'a, 'i>(doc: &'a roxmltree::Document<'i>) -> Vec<(String, roxmltree::Node<'a, 'i>)> {
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| (n.text().unwrap_or_default().trim().to_string(), n))
            .collect()
    }

    fn text_node<'a, 'i>(
        all: &[(String, roxmltree::Node<'a, 'i>)],
        content: &str,
    ) -> roxmltree::Node<'a, 'i> {
        match all.iter().find(|(t, _)| t == content) {
            Some((_, node)) => *node,
            None => panic!(
                "no <text> {content:?} in {:?}",
                all.iter().map(|(t, _)| t).collect::<Vec<_>>()
            ),
        }
    }

    #[test]
    fn french_number_format() {
        assert_eq!(
            format_number_fr(1_234_567.5, 1),
            "1\u{202F}234\u{202F}567,5"
        );
        assert_eq!(format_number_fr(951_418.0, 0), format!("951{NNBSP}418"));
        assert_eq!(format_number_fr(-1234.0, 0), format!("-1{NNBSP}234"));
        assert_eq!(format_number_fr(1000.0, 0), format!("1{NNBSP}000"));
        assert_eq!(format_number_fr(999.0, 0), "999");
        assert_eq!(format_number_fr(100_000.0, 0), format!("100{NNBSP}000"));
        assert_eq!(format_number_fr(0.0, 0), "0");
        assert_eq!(format_number_fr(12.0, 2), "12,00");
        assert_eq!(format_number_fr(0.75, 2), "0,75");
        assert_eq!(format_number_fr(999.999, 2), format!("1{NNBSP}000,00"));
        assert_eq!(format_number_fr(-3.25, 2), "-3,25");
        // Never "-0".
        assert_eq!(format_number_fr(-0.0, 0), "0");
        assert_eq!(format_number_fr(-0.004, 2), "0,00");
        assert_eq!(format_number_fr(-0.4, 0), "0");
        assert_eq!(format_number_fr(f64::NAN, 0), "NaN");
    }

    #[test]
    fn palette_is_okabe_ito_and_matches_the_bar_colours() {
        assert_eq!(PALETTE[5], "#0072B2");
        assert_eq!(PALETTE[6], "#D55E00");
        let hex = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        assert_eq!(hex(BAR), PALETTE[5]);
        assert_eq!(hex(ACCENT), PALETTE[6]);
    }

    #[test]
    fn empty_data_is_an_error() {
        let spec = census_spec(true);
        assert!(matches!(bar_chart_svg(&spec, &[]), Err(ChartError::Empty)));
        assert!(matches!(
            bar_chart_png(&spec, &[], 1),
            Err(ChartError::Empty)
        ));
    }

    #[test]
    fn non_finite_values_are_reported_with_their_label() {
        let spec = census_spec(false);
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut data = census();
            data[0].value = bad;
            match bar_chart_svg(&spec, &data) {
                Err(ChartError::NotFinite(label)) => assert_eq!(label, "Guéra"),
                other => panic!("expected NotFinite, got {other:?}"),
            }
            assert!(matches!(
                bar_chart_png(&spec, &data, 1),
                Err(ChartError::NotFinite(_))
            ));
        }
    }

    #[test]
    fn svg_is_960_by_540() {
        let svg = bar_chart_svg(&census_spec(true), &census()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert!(root.has_tag_name("svg"));
        assert_eq!(root.attribute("viewBox"), Some("0 0 960 540"));
        assert_eq!(root.attribute("width"), Some("960"));
        assert_eq!(root.attribute("height"), Some("540"));
    }

    #[test]
    fn horizontal_svg_has_one_bar_per_province_sorted_from_the_top() {
        let data = census();
        let svg = bar_chart_svg(&census_spec(true), &data).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();

        let bars = bars(&doc);
        assert_eq!(bars.len(), data.len());
        // Top to bottom, widths decreasing, proportional to the values.
        for pair in bars.windows(2) {
            assert!(pair[0].y < pair[1].y, "{bars:?}");
            assert!(pair[0].width >= pair[1].width, "{bars:?}");
        }
        let longest = bars[0].width;
        for (bar, name) in bars.iter().zip(SORTED) {
            let value = data.iter().find(|d| d.label == name).unwrap().value;
            let expected = longest * value / 951_418.0;
            assert!((bar.width - expected).abs() <= 1.5, "{name}: {bar:?}");
            // All bars start at the same x (the zero line).
            assert_eq!(bar.x, bars[0].x);
        }
        // Only Ouaddaï (4th largest) is in the accent colour.
        let fills: Vec<&str> = bars.iter().map(|b| b.fill.as_str()).collect();
        assert_eq!(
            fills,
            ["#0072B2", "#0072B2", "#0072B2", "#D55E00", "#0072B2", "#0072B2"]
        );

        // Category labels are complete and in the same order as the bars,
        // each one level with its bar.
        let all = texts(&doc);
        for (bar, name) in bars.iter().zip(SORTED) {
            let node = text_node(&all, name);
            let y = attr_f64(node, "y");
            assert!(
                (y - (bar.y + bar.height / 2.0)).abs() <= 1.5,
                "{name} at y={y}, bar {bar:?}"
            );
            assert!(attr_f64(node, "x") < bar.x, "{name} left of its bar");
        }
    }

    #[test]
    fn svg_texts_are_french_with_accents_and_the_embedded_font() {
        let svg = bar_chart_svg(&census_spec(true), &census()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let all = texts(&doc);

        let title = text_node(&all, "Population recensée en 2009, par province");
        assert_eq!(title.attribute("font-weight"), Some("bold"));
        for needed in [
            "Ouaddaï",
            "Guéra",
            "Population recensée en 2009",
            "Province",
            "Source : RGPH2 2009 (INSEED)",
        ] {
            text_node(&all, needed);
        }
        // Value at the end of the bar and ticks, in French format.
        text_node(&all, &format!("951{NNBSP}418"));
        text_node(&all, &format!("25{NNBSP}483"));
        text_node(&all, &format!("200{NNBSP}000"));
        text_node(&all, "0");
        assert!(
            all.iter().all(|(t, _)| !t.contains('.')),
            "no decimal point anywhere"
        );
        // Every text uses the embedded font.
        assert!(!all.is_empty());
        for (t, node) in &all {
            assert_eq!(node.attribute("font-family"), Some(FONT_FAMILY), "{t}");
        }
        // The source note is the lowest text, at the left, in a smaller font.
        let source = text_node(&all, "Source : RGPH2 2009 (INSEED)");
        let lowest = all
            .iter()
            .map(|(_, n)| attr_f64(*n, "y"))
            .fold(f64::MIN, f64::max);
        assert_eq!(attr_f64(source, "y"), lowest);
        assert!(attr_f64(source, "x") <= 30.0);
        assert!(attr_f64(source, "font-size") < attr_f64(title, "font-size"));
        assert_ne!(source.attribute("fill"), Some("#1F1F1F"));
    }

    #[test]
    fn vertical_svg_keeps_the_input_order_from_left_to_right() {
        let data = census();
        let spec = BarChartSpec {
            horizontal: false,
            sort_desc: false,
            highlight: None,
            ..census_spec(false)
        };
        let svg = bar_chart_svg(&spec, &data).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let bars = bars(&doc);
        assert_eq!(bars.len(), data.len());
        assert!(bars.iter().all(|b| b.fill == "#0072B2"));
        for pair in bars.windows(2) {
            assert!(pair[0].x < pair[1].x, "{bars:?}");
        }
        // Heights follow the values; bars stand on the same baseline.
        let tallest = bars.iter().map(|b| b.height).fold(0.0, f64::max);
        let bottom = bars[0].y + bars[0].height;
        for (bar, datum) in bars.iter().zip(&data) {
            let expected = tallest * datum.value / 951_418.0;
            assert!((bar.height - expected).abs() <= 1.5, "{datum:?} {bar:?}");
            assert_eq!(bar.y + bar.height, bottom);
        }
        // Each label sits under its bar (possibly on two lines).
        let all = texts(&doc);
        for (bar, datum) in bars.iter().zip(&data) {
            let first_word = datum.label.split(' ').next().unwrap_or_default();
            let node = all
                .iter()
                .find(|(t, _)| t.starts_with(first_word))
                .map(|(_, n)| *n)
                .unwrap();
            let x = attr_f64(node, "x");
            assert!((x - (bar.x + bar.width / 2.0)).abs() <= 1.5, "{datum:?}");
            assert!(attr_f64(node, "y") > bottom);
        }
    }

    #[test]
    fn vertical_svg_turns_many_labels_instead_of_cutting_them() {
        let names = [
            "Batha",
            "Borkou",
            "Chari-Baguirmi",
            "Guéra",
            "Hadjer-Lamis",
            "Kanem",
            "Lac",
            "Logone Occidental",
            "Logone Oriental",
            "Mandoul",
            "Mayo-Kebbi Est",
            "Mayo-Kebbi Ouest",
            "Moyen-Chari",
            "Ouaddaï",
            "Salamat",
            "Tandjilé",
            "Wadi Fira",
            "Ville de N'Djamena",
            "Barh El Gazel",
            "Ennedi Est",
            "Sila",
            "Tibesti",
            "Ennedi Ouest",
        ];
        let data: Vec<BarDatum> = names
            .iter()
            .enumerate()
            .map(|(i, n)| BarDatum {
                label: (*n).to_string(),
                value: 10_000.0 * (i as f64 + 1.0),
            })
            .collect();
        let spec = BarChartSpec {
            title: "Les 23 provinces".to_string(),
            ..BarChartSpec::default()
        };
        let svg = bar_chart_svg(&spec, &data).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert_eq!(bars(&doc).len(), 23);
        let all = texts(&doc);
        for name in names {
            let node = text_node(&all, name);
            assert!(
                node.attribute("transform")
                    .is_some_and(|t| t.starts_with("rotate(270")),
                "{name}"
            );
        }
        assert!(all.iter().all(|(t, _)| !t.contains('…')));
    }

    #[test]
    fn labels_with_markup_characters_yield_well_formed_svg() {
        let tricky = r#"A <b> & "c" 'd'"#;
        let data = vec![
            BarDatum {
                label: tricky.to_string(),
                value: 3.0,
            },
            BarDatum {
                label: "Normal".to_string(),
                value: 1.0,
            },
        ];
        for horizontal in [true, false] {
            let spec = BarChartSpec {
                title: format!("Titre {tricky}"),
                x_label: "<x>".to_string(),
                y_label: "&y".to_string(),
                source: "Source : \"test\" & <co>".to_string(),
                horizontal,
                sort_desc: false,
                highlight: Some(tricky.to_string()),
            };
            let svg = bar_chart_svg(&spec, &data).unwrap();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let all = texts(&doc);
            text_node(&all, tricky);
            text_node(&all, &format!("Titre {tricky}"));
            text_node(&all, "<x>");
            text_node(&all, "&y");
            text_node(&all, "Source : \"test\" & <co>");
            let fills: Vec<String> = bars(&doc).into_iter().map(|b| b.fill).collect();
            assert_eq!(fills, ["#D55E00", "#0072B2"]);
        }
    }

    #[test]
    fn small_whole_numbers_get_whole_ticks() {
        let data = vec![
            BarDatum {
                label: "Oui".to_string(),
                value: 3.0,
            },
            BarDatum {
                label: "Non".to_string(),
                value: 1.0,
            },
        ];
        for horizontal in [true, false] {
            let spec = BarChartSpec {
                horizontal,
                ..BarChartSpec::default()
            };
            let svg = bar_chart_svg(&spec, &data).unwrap();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let all = texts(&doc);
            assert!(all.iter().all(|(t, _)| !t.contains(',')), "{all:?}");
            text_node(&all, "2");
        }
    }

    #[test]
    fn negative_and_decimal_values_are_drawn_on_both_sides_of_zero() {
        let data = vec![
            BarDatum {
                label: "Baisse".to_string(),
                value: -3.25,
            },
            BarDatum {
                label: "Hausse".to_string(),
                value: 12.5,
            },
        ];
        for horizontal in [true, false] {
            let spec = BarChartSpec {
                horizontal,
                ..BarChartSpec::default()
            };
            let svg = bar_chart_svg(&spec, &data).unwrap();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let all = texts(&doc);
            text_node(&all, "-3,25");
            text_node(&all, "12,50");
            let bars = bars(&doc);
            assert_eq!(bars.len(), 2);
            if horizontal {
                // The negative bar ends where the positive one starts.
                assert_eq!(bars[0].x + bars[0].width, bars[1].x);
            } else {
                assert_eq!(bars[0].y, bars[1].y + bars[1].height);
            }
        }
    }

    fn decode(png: &[u8]) -> image::RgbImage {
        assert!(png.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]));
        image::load_from_memory_with_format(png, image::ImageFormat::Png)
            .unwrap()
            .to_rgb8()
    }

    #[test]
    fn png_sizes_follow_the_scale() {
        let spec = census_spec(true);
        let data = census();
        let one = decode(&bar_chart_png(&spec, &data, 1).unwrap());
        assert_eq!(one.dimensions(), (960, 540));
        let two = decode(&bar_chart_png(&spec, &data, 2).unwrap());
        assert_eq!(two.dimensions(), (1920, 1080));
        // Out-of-range scales are clamped rather than failing.
        let zero = decode(&bar_chart_png(&spec, &data, 0).unwrap());
        assert_eq!(zero.dimensions(), (960, 540));
    }

    #[test]
    fn png_matches_the_svg_layout_and_draws_text_with_the_embedded_font() {
        let spec = census_spec(true);
        let data = census();
        let svg = bar_chart_svg(&spec, &data).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let img = decode(&bar_chart_png(&spec, &data, 1).unwrap());
        let pixel = |x: f64, y: f64| img.get_pixel(x as u32, y as u32).0;

        // Bars are where the SVG puts them, in the same colours.
        for bar in bars(&doc) {
            let expected = if bar.fill == "#D55E00" {
                [0xD5, 0x5E, 0x00]
            } else {
                [0x00, 0x72, 0xB2]
            };
            assert_eq!(
                pixel(bar.x + bar.width / 2.0, bar.y + bar.height / 2.0),
                expected
            );
        }
        // Text is rasterised (no system font involved): the title band holds
        // dark anti-aliased glyph pixels, the background is white.
        assert_eq!(pixel(950.0, 5.0), [255, 255, 255]);
        let dark = (28..500)
            .flat_map(|x| (18..42).map(move |y| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|&c| c < 80))
            .count();
        assert!(dark > 500, "title pixels: {dark}");
        // Category labels are drawn left of the bars.
        let first = &bars(&doc)[0];
        let label_ink = (28..first.x as u32 - 4)
            .flat_map(|x| {
                let (y0, y1) = (first.y as u32, (first.y + first.height) as u32);
                (y0..y1).map(move |y| (x, y))
            })
            .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|&c| c < 128))
            .count();
        assert!(label_ink > 50, "label pixels: {label_ink}");
    }

    #[test]
    fn spec_deserializes_with_optional_fields_missing() {
        let spec: BarChartSpec =
            serde_json::from_str(r#"{"title":"T","x_label":"X","y_label":"Y","source":"S"}"#)
                .unwrap();
        assert!(!spec.horizontal && !spec.sort_desc && spec.highlight.is_none());
        let datum: BarDatum = serde_json::from_str(r#"{"label":"Guéra","value":538359}"#).unwrap();
        assert_eq!(datum.value, 538_359.0);
    }

    #[test]
    fn extreme_or_degenerate_values_do_not_panic() {
        let cases: [&[f64]; 4] = [&[0.0, 0.0], &[1e308, -1e308], &[1e-300, 2e-300], &[-5.0]];
        for values in cases {
            let data: Vec<BarDatum> = values
                .iter()
                .enumerate()
                .map(|(i, v)| BarDatum {
                    label: format!("Catégorie {i}"),
                    value: *v,
                })
                .collect();
            for horizontal in [true, false] {
                let spec = BarChartSpec {
                    horizontal,
                    ..BarChartSpec::default()
                };
                let svg = bar_chart_svg(&spec, &data).unwrap();
                roxmltree::Document::parse(&svg).unwrap();
                bar_chart_png(&spec, &data, 1).unwrap();
            }
        }
    }

    #[test]
    fn sorting_is_stable_for_equal_values() {
        let data: Vec<BarDatum> = ["B", "A", "C"]
            .iter()
            .map(|l| BarDatum {
                label: (*l).to_string(),
                value: 5.0,
            })
            .collect();
        let spec = BarChartSpec {
            sort_desc: true,
            ..BarChartSpec::default()
        };
        let rows = prepare(&spec, &data).unwrap();
        let order: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(order, ["B", "A", "C"]);
    }

    #[test]
    fn many_horizontal_bars_make_a_taller_chart() {
        let spec = BarChartSpec {
            horizontal: true,
            ..Default::default()
        };
        assert_eq!(chart_height(&spec, 6), 540);
        assert_eq!(chart_height(&spec, 23), 540 + 11 * 24);
        assert_eq!(chart_height(&spec, 10_000), 1600);
        let vertical = BarChartSpec::default();
        assert_eq!(chart_height(&vertical, 23), 540);
        let data: Vec<BarDatum> = (0..23)
            .map(|i| BarDatum {
                label: format!("Province {i}"),
                value: f64::from(i) * 1000.0,
            })
            .collect();
        let svg = bar_chart_svg(&spec, &data).unwrap();
        assert!(svg.contains("viewBox=\"0 0 960 804\""), "{}", &svg[..200]);
        let png = bar_chart_png(&spec, &data, 2).unwrap();
        let img = image::load_from_memory(&png).unwrap();
        assert_eq!((img.width(), img.height()), (1920, 1608));
    }
}
