//! What the chart layouts share: the texts around a chart (title, legend, source, axis
//! titles, from the request or defaults), numeric axes with nice ticks written the way of
//! the chart's language, the plot area of a chart with two numeric axes, category labels under a
//! band axis, and the tags (class, data, tooltip) of bars and points.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use super::scene::{Scene, Shape, Tag};
use super::style::{
    look, Look, AXIS_TITLE_PX, BASELINE, GAP, GRID, LABEL_PX, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X,
    MUTED, SOURCE, SOURCE_PX, TEXT, TICK_PX, TITLE_PX,
};
use super::text::{fit, measure};
use super::{Agg, ChartRequest};
use crate::i18n::{format_number, Lang};
use crate::store::tables::ColumnInfo;
use crate::tr;

// ---------- texts ----------

/// The texts around a chart, and the language its numbers are written in.
pub(super) struct Texts {
    pub title: String,
    pub source: String,
    pub x_label: String,
    pub y_label: String,
    pub lang: Lang,
}

impl Texts {
    /// `v` with `decimals` decimals, written the way of the chart's language.
    pub fn number(&self, v: f64, decimals: usize) -> String {
        format_number(self.lang, v, decimals)
    }
}

fn or_default(v: &Option<String>, default: String) -> String {
    match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => default,
    }
}

/// The value axis label for `agg` of `y`: "Population", "Moyenne de Taux", "Nombre de lignes".
pub(super) fn value_label(agg: Agg, y: Option<&ColumnInfo>, lang: Lang) -> String {
    let words = |a: Agg| {
        let key = match a {
            Agg::Count => "chart-agg-count",
            Agg::Sum => "chart-agg-sum",
            Agg::Mean => "chart-agg-mean",
            Agg::Median => "chart-agg-median",
            Agg::Min => "chart-agg-min",
            Agg::Max => "chart-agg-max",
            Agg::Share => "chart-agg-share",
        };
        tr!(lang, key)
    };
    match (agg, y) {
        (Agg::Count, _) | (_, None) => words(Agg::Count),
        (Agg::Sum, Some(y)) => y.label.clone(),
        (a, Some(y)) => tr!(lang, "chart-agg-of", agg = words(a), column = &y.label),
    }
}

/// The request's texts, or these defaults, in `lang`; the source note starts with
/// "Source :" ("Source:").
pub(super) fn texts(
    req: &ChartRequest,
    x_default: &str,
    y_default: &str,
    title: String,
    lang: Lang,
) -> Texts {
    Texts {
        title: or_default(&req.title, title),
        source: match req.source.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => {
                if s.to_lowercase().starts_with("source") {
                    s.to_string()
                } else {
                    tr!(lang, "chart-source", source = s)
                }
            }
            _ => String::new(),
        },
        x_label: or_default(&req.x_label, x_default.to_string()),
        y_label: or_default(&req.y_label, y_default.to_string()),
        lang,
    }
}

/// The height of a line of text at `px` pixels.
pub(super) fn line_height(px: f64) -> f64 {
    measure("Éy", px, false).1
}

/// The free area between the title (and legend) and the source note.
pub(super) struct Frame {
    pub top: f64,
    pub bottom: f64,
}

/// How a legend entry shows its series.
#[derive(Clone, Copy)]
pub(super) enum Mark {
    Box,
    Line { dashed: bool },
    Dot,
}

/// Title, legend (one row or more, under the title) and source note; returns the free area.
pub(super) fn frame(scene: &mut Scene, t: &Texts, legend: &[(String, RGBColor, Mark)]) -> Frame {
    let w = scene.width;
    let mx = MARGIN_X;
    let mut top = MARGIN_TOP;
    if !t.title.trim().is_empty() {
        let title = fit(t.title.trim(), TITLE_PX, true, w - 2.0 * mx);
        scene.text(
            title,
            look(TITLE_PX, true, TEXT, HPos::Left, VPos::Top),
            mx,
            top,
            Some(Tag::class("title")),
        );
        top += line_height(TITLE_PX) + GAP;
    }
    if !legend.is_empty() {
        let px = LABEL_PX;
        let line_h = 20.0;
        let mut x = mx;
        scene.group(Tag::class("legend"));
        for (name, color, mark) in legend {
            let name = fit(name, px, false, 220.0);
            let tw = measure(&name, px, false).0;
            let item_w = 16.0 + 6.0 + tw + 18.0;
            if x + item_w > w - mx && x > mx {
                x = mx;
                top += line_h;
            }
            let cy = top + line_h / 2.0;
            match mark {
                Mark::Box => scene.rect(x, cy - 6.0, x + 14.0, cy + 6.0, *color, None),
                Mark::Line { dashed } => scene.push(
                    Shape::Line {
                        x0: x,
                        y0: cy,
                        x1: x + 16.0,
                        y1: cy,
                        stroke: *color,
                        width: 2.5,
                        dashed: *dashed,
                    },
                    None,
                ),
                Mark::Dot => scene.push(
                    Shape::Circle {
                        cx: x + 7.0,
                        cy,
                        r: 5.0,
                        fill: *color,
                        opacity: 1.0,
                    },
                    None,
                ),
            }
            scene.text(
                name,
                look(px, false, TEXT, HPos::Left, VPos::Center),
                x + 22.0,
                cy,
                Some(Tag::class("legend-label")),
            );
            x += item_w;
        }
        scene.end_group();
        top += line_h + GAP;
    }
    let mut bottom = scene.height - MARGIN_BOTTOM;
    if !t.source.trim().is_empty() {
        let source = fit(t.source.trim(), SOURCE_PX, false, w - 2.0 * mx);
        scene.text(
            source,
            look(SOURCE_PX, false, SOURCE, HPos::Left, VPos::Bottom),
            mx,
            bottom,
            Some(Tag::class("source")),
        );
        bottom -= line_height(SOURCE_PX) + 1.5 * GAP;
    }
    Frame { top, bottom }
}

/// The y axis title (top-left) and where the plot starts; returns the new top.
pub(super) fn y_title(scene: &mut Scene, label: &str, top: f64) -> f64 {
    if label.trim().is_empty() {
        return top + GAP;
    }
    let text = fit(
        label.trim(),
        AXIS_TITLE_PX,
        true,
        scene.width - 2.0 * MARGIN_X,
    );
    scene.text(
        text,
        look(AXIS_TITLE_PX, true, MUTED, HPos::Left, VPos::Top),
        MARGIN_X,
        top,
        Some(Tag::class("axis-label y")),
    );
    top + measure("Éy", AXIS_TITLE_PX, true).1 + 1.5 * GAP
}

/// The x axis title centred under the plot, its bottom at `bottom`.
pub(super) fn x_title(scene: &mut Scene, label: &str, left: f64, right: f64, bottom: f64) {
    if label.trim().is_empty() {
        return;
    }
    let text = fit(label.trim(), AXIS_TITLE_PX, true, right - left);
    scene.text(
        text,
        look(AXIS_TITLE_PX, true, MUTED, HPos::Center, VPos::Bottom),
        (left + right) / 2.0,
        bottom,
        Some(Tag::class("axis-label x")),
    );
}

/// The height the x axis title takes (with its gap), 0 without one.
pub(super) fn x_title_h(label: &str) -> f64 {
    if label.trim().is_empty() {
        0.0
    } else {
        measure("Éy", AXIS_TITLE_PX, true).1 + GAP
    }
}

// ---------- numeric axes ----------

/// A nice tick step for `[lo, hi]` with about `target` ticks, and the number of
/// decimals its labels need.
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

/// A numeric axis: its range and the tick labels.
pub(super) struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<(f64, String)>,
}

/// An axis covering `[lo, hi]`, extended to whole ticks, about `target` of them.
pub(super) fn axis(
    lo: f64,
    hi: f64,
    target: f64,
    whole: bool,
    fmt: &dyn Fn(f64, usize) -> String,
) -> Axis {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    if hi <= lo {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        lo -= pad;
        hi += pad;
    }
    let (step, decimals) = nice_ticks(lo, hi, target, whole);
    let lo2 = (lo / step + 1e-9).floor() * step;
    let hi2 = (hi / step - 1e-9).ceil() * step;
    let ticks = tick_values(lo2, hi2, step)
        .into_iter()
        .map(|v| (v, fmt(v, decimals)))
        .collect();
    Axis {
        lo: lo2,
        hi: hi2,
        ticks,
    }
}

/// Linear map from values to pixels.
#[derive(Clone, Copy)]
pub(super) struct Lin {
    lo: f64,
    /// Pixel position of `lo`.
    origin: f64,
    /// Pixels per unit (negative for a vertical axis pointing up).
    per_unit: f64,
}

impl Lin {
    /// `lo` at pixel `p0`, `hi` at pixel `p1`.
    pub fn new(lo: f64, hi: f64, p0: f64, p1: f64) -> Self {
        let span = if hi > lo { hi - lo } else { 1.0 };
        Lin {
            lo,
            origin: p0,
            per_unit: (p1 - p0) / span,
        }
    }

    /// Values `lo..hi` between the pixels `start` (low values) and `end`, leaving
    /// `room_lo` / `room_hi` pixels beyond the lowest / highest value (for labels).
    pub fn with_room(lo: f64, hi: f64, start: f64, end: f64, room_lo: f64, room_hi: f64) -> Self {
        let dir = if end >= start { 1.0 } else { -1.0 };
        let length = (end - start).abs();
        let usable = (length - room_lo - room_hi).max(length * 0.3);
        let span = if hi > lo { hi - lo } else { 1.0 };
        Lin {
            lo,
            origin: start + dir * room_lo.min(length * 0.35),
            per_unit: dir * usable / span,
        }
    }

    pub fn pos(&self, v: f64) -> f64 {
        self.origin + (v - self.lo) * self.per_unit
    }

    pub fn value_at(&self, pos: f64) -> f64 {
        self.lo + (pos - self.origin) / self.per_unit
    }

    /// Pixels per unit, always positive.
    pub fn scale(&self) -> f64 {
        self.per_unit.abs()
    }
}

fn tick_look(h: HPos, v: VPos) -> Look {
    look(TICK_PX, false, MUTED, h, v)
}

/// The width of the widest tick label of `a`.
pub(super) fn y_ticks_width(a: &Axis) -> f64 {
    a.ticks
        .iter()
        .map(|(_, t)| measure(t, TICK_PX, false).0)
        .fold(0.0, f64::max)
}

/// Horizontal grid lines (the baseline at 0) and the y tick labels left of `left`.
pub(super) fn draw_y_axis(scene: &mut Scene, a: &Axis, y: Lin, left: f64, right: f64) {
    for (v, text) in &a.ticks {
        let py = y.pos(*v);
        let color = if *v == 0.0 { BASELINE } else { GRID };
        scene.line(left, py, right, py, color, 1.0);
        scene.text(
            text.clone(),
            tick_look(HPos::Right, VPos::Center),
            left - GAP,
            py,
            Some(Tag::class("tick y")),
        );
    }
}

/// The x tick labels under `bottom`, with vertical grid lines from `top` when `grid`.
pub(super) fn draw_x_ticks(scene: &mut Scene, a: &Axis, x: Lin, top: f64, bottom: f64, grid: bool) {
    for (v, text) in &a.ticks {
        let px = x.pos(*v);
        if grid {
            scene.line(px, top, px, bottom, GRID, 1.0);
        }
        scene.text(
            text.clone(),
            tick_look(HPos::Center, VPos::Top),
            px,
            bottom + GAP / 1.5,
            Some(Tag::class("tick x")),
        );
    }
}

/// Where the plot of a chart with a numeric y axis goes, vertically.
pub(super) struct Area {
    /// Top and bottom of the plot.
    pub top: f64,
    pub bottom: f64,
    /// Where the x axis title sits (its bottom).
    pub label_bottom: f64,
}

/// Title, legend, source and y axis title of a chart with numbers on both axes;
/// returns the room left for the plot, above the x tick labels and the x axis title.
pub(super) fn numeric_area(
    scene: &mut Scene,
    t: &Texts,
    legend: &[(String, RGBColor, Mark)],
) -> Area {
    let f = frame(scene, t, legend);
    let top = y_title(scene, &t.y_label, f.top);
    let bottom_room = x_title_h(&t.x_label) + measure("0", TICK_PX, false).1 + GAP;
    Area {
        top: top + TICK_PX / 2.0,
        bottom: f.bottom - bottom_room,
        label_bottom: f.bottom,
    }
}

/// The two numeric axes of a plot, and its left and right edges.
pub(super) struct Plot {
    pub left: f64,
    pub right: f64,
    pub x: Lin,
    pub y: Lin,
}

/// A range of values on an axis, and whether they are all whole numbers.
pub(super) struct Range {
    pub lo: f64,
    pub hi: f64,
    pub whole: bool,
}

impl Range {
    /// The smallest and largest of `values` (infinite when there are none).
    pub fn of(values: impl Iterator<Item = f64>) -> Range {
        values.fold(
            Range {
                lo: f64::INFINITY,
                hi: f64::NEG_INFINITY,
                whole: true,
            },
            |r, v| Range {
                lo: r.lo.min(v),
                hi: r.hi.max(v),
                whole: r.whole && v.fract() == 0.0,
            },
        )
    }
}

/// Numeric x and y axes filling `area`: y tick labels and grid lines, x tick labels
/// (with vertical grid lines when `x_grid`), numbers written in `lang`.
pub(super) fn numeric_axes(
    scene: &mut Scene,
    area: &Area,
    (x, y): (Range, Range),
    x_grid: bool,
    lang: Lang,
) -> Plot {
    let number = |v: f64, decimals: usize| format_number(lang, v, decimals);
    let ay = axis(
        y.lo,
        y.hi,
        ((area.bottom - area.top) / 50.0).clamp(2.0, 8.0),
        y.whole,
        &number,
    );
    let left = MARGIN_X + y_ticks_width(&ay) + GAP;
    let right = scene.width - MARGIN_X - 10.0;
    let ax = axis(
        x.lo,
        x.hi,
        ((right - left) / 110.0).clamp(2.0, 9.0),
        x.whole,
        &number,
    );
    let xl = Lin::new(ax.lo, ax.hi, left, right);
    let yl = Lin::new(ay.lo, ay.hi, area.bottom, area.top);
    draw_y_axis(scene, &ay, yl, left, right);
    draw_x_ticks(scene, &ax, xl, area.top, area.bottom, x_grid);
    Plot {
        left,
        right,
        x: xl,
        y: yl,
    }
}

// ---------- category labels ----------

/// How category labels sit under a band axis.
pub(super) struct CatLabels {
    rotated: bool,
    /// Show one label in `stride`.
    stride: usize,
    labels: Vec<String>,
    pub height: f64,
}

/// Category labels for bands `band` pixels wide: level when they fit, else turned
/// (and every `stride`-th only when the bands are too thin even for that).
pub(super) fn cat_labels(categories: &[String], band: f64) -> CatLabels {
    let px = LABEL_PX;
    let widest = categories
        .iter()
        .map(|c| measure(c, px, false).0)
        .fold(0.0, f64::max);
    if widest <= band * 0.92 {
        return CatLabels {
            rotated: false,
            stride: 1,
            labels: categories.to_vec(),
            height: line_height(px),
        };
    }
    let stride = ((px * 1.4) / band).ceil().max(1.0) as usize;
    let labels: Vec<String> = categories
        .iter()
        .map(|c| fit(c, px, false, 120.0))
        .collect();
    let height = labels
        .iter()
        .map(|l| measure(l, px, false).0)
        .fold(0.0, f64::max);
    CatLabels {
        rotated: true,
        stride,
        labels,
        height,
    }
}

pub(super) fn draw_cat_labels(scene: &mut Scene, cl: &CatLabels, centers: &[f64], y: f64) {
    for (i, (label, cx)) in cl.labels.iter().zip(centers).enumerate() {
        if i % cl.stride != 0 {
            continue;
        }
        let (lk, y) = if cl.rotated {
            (
                look(LABEL_PX, false, TEXT, HPos::Right, VPos::Center).rotated(),
                y + GAP / 2.0,
            )
        } else {
            (look(LABEL_PX, false, TEXT, HPos::Center, VPos::Top), y)
        };
        scene.text(label.clone(), lk, *cx, y, Some(Tag::class("category")));
    }
}

// ---------- tags ----------

/// The tooltip of a value: "2019, Filles : 120", or "Guéra : 538 359" without a series.
pub(super) fn point_tip(series: &str, cat: &str, v: f64, lang: Lang) -> String {
    let value = format_number(lang, v, if v.fract() == 0.0 { 0 } else { 2 });
    if series.is_empty() {
        tr!(lang, "chart-tip", label = cat, value = value)
    } else {
        tr!(
            lang,
            "chart-tip-series",
            label = cat,
            series = series,
            value = value
        )
    }
}

/// A bar's tag: `class="bar"`, its category (`data-label`), value and series, and a
/// tooltip in `lang`.
pub(super) fn bar_tag(cat: &str, series: &str, v: f64, lang: Lang) -> Tag {
    let mut tag = Tag::class("bar")
        .data("label", cat.to_string())
        .data("value", v.to_string());
    if !series.is_empty() {
        tag = tag.data("series", series.to_string());
    }
    tag.title(point_tip(series, cat, v, lang))
}
