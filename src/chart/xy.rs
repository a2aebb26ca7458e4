//! Charts on two axes: bars (through [`super::bar`]), grouped and stacked bars, lines,
//! scatter plots, histograms and Lorenz curves, laid out as a [`Scene`].

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;
use rusqlite::Connection;

use super::bar::{
    look, nice_ticks, tick_values, Look, ACCENT, AXIS_TITLE_PX, BAR, BASELINE, GAP, GRID,
    MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, SOURCE, SOURCE_PX, TEXT, TICK_PX, TITLE_PX,
};
use super::data::{self, column, numeric, opt_column, Aggregated, MAX_POINTS};
use super::scene::{fit, measure, Scene, Shape, Tag};
use super::{format_number_fr, Agg, BarChartSpec, BarDatum, ChartError, ChartRequest, Kind};
use crate::import::ColumnInfo;
use crate::store::tables::TableInfo;

/// Width and height of the axis charts at scale 1.
pub(super) const WIDTH: f64 = 960.0;
pub(super) const HEIGHT: f64 = 540.0;

/// Colours for series, from the Okabe–Ito palette (blue first like the bars; the hard
/// to see yellow and the black late).
pub(super) const SERIES: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xF0, 0xE4, 0x42),
];

/// The texts around a chart.
pub(super) struct Texts {
    pub title: String,
    pub source: String,
    pub x_label: String,
    pub y_label: String,
}

fn or_default(v: &Option<String>, default: String) -> String {
    match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => default,
    }
}

/// The value axis label for `agg` of `y`: "Population", "Moyenne de Taux", "Nombre de lignes".
pub(super) fn value_label(agg: Agg, y: Option<&ColumnInfo>) -> String {
    match (agg, y) {
        (Agg::Count, _) | (_, None) => Agg::Count.label_fr().to_string(),
        (Agg::Sum, Some(y)) => y.label.clone(),
        (a, Some(y)) => format!("{} de {}", a.label_fr(), y.label),
    }
}

pub(super) fn texts(req: &ChartRequest, x_default: &str, y_default: &str, title: String) -> Texts {
    Texts {
        title: or_default(&req.title, title),
        source: match req.source.as_deref().map(str::trim) {
            Some(s) if !s.is_empty() => {
                if s.to_lowercase().starts_with("source") {
                    s.to_string()
                } else {
                    format!("Source : {s}")
                }
            }
            _ => String::new(),
        },
        x_label: or_default(&req.x_label, x_default.to_string()),
        y_label: or_default(&req.y_label, y_default.to_string()),
    }
}

/// The `bar` and `hbar` kinds: one value per category, drawn by [`super::bar`].
pub(super) fn bars(
    conn: &Connection,
    info: &TableInfo,
    req: &ChartRequest,
    notes: &mut Vec<String>,
) -> crate::Result<(BarChartSpec, Vec<BarDatum>)> {
    let x = column(info, &req.x)?;
    let y = opt_column(info, req.y.as_deref())?;
    let agg = req.effective_agg();
    if let (Some(y), true) = (y, agg != Agg::Count) {
        numeric(y)?;
    }
    let sort = req.sort.unwrap_or(false);
    let a = data::aggregate(
        conn,
        &info.name,
        x,
        y,
        None,
        agg,
        sort,
        data::MAX_CATEGORIES,
        notes,
    )?;
    let vl = value_label(agg, y);
    let t = texts(req, &x.label, &vl, format!("{vl} par {}", x.label));
    let spec = BarChartSpec {
        title: t.title,
        x_label: t.x_label,
        y_label: t.y_label,
        source: t.source,
        horizontal: req.kind == Kind::Hbar,
        sort_desc: sort,
        highlight: req.highlight.clone().filter(|h| !h.trim().is_empty()),
    };
    let data = a
        .categories
        .iter()
        .zip(&a.values[0])
        .filter_map(|(c, v)| {
            v.map(|v| BarDatum {
                label: c.clone(),
                value: v,
            })
        })
        .collect();
    Ok((spec, data))
}

// ---------- layout helpers ----------

/// The plot area and where the x axis title goes.
struct Frame {
    top: f64,
    bottom: f64,
}

#[derive(Clone, Copy)]
enum Mark {
    Box,
    Line { dashed: bool },
    Dot,
}

/// Title, legend and source; returns the free area.
fn frame(scene: &mut Scene, t: &Texts, legend: &[(String, RGBColor, Mark)]) -> Frame {
    let w = scene.width;
    let mx = MARGIN_X;
    let mut top = MARGIN_TOP;
    if !t.title.trim().is_empty() {
        let title = fit(t.title.trim(), TITLE_PX, true, w - 2.0 * mx);
        scene.push(
            Shape::Text {
                text: title,
                x: mx,
                y: top,
                look: look(TITLE_PX, true, TEXT, HPos::Left, VPos::Top),
            },
            Some(Tag::class("title")),
        );
        top += measure("Éy", TITLE_PX, true).1 + GAP;
    }
    if !legend.is_empty() {
        let px = 12.0;
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
            scene.push(
                Shape::Text {
                    text: name,
                    x: x + 22.0,
                    y: cy,
                    look: look(px, false, TEXT, HPos::Left, VPos::Center),
                },
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
        scene.push(
            Shape::Text {
                text: source,
                x: mx,
                y: bottom,
                look: look(SOURCE_PX, false, SOURCE, HPos::Left, VPos::Bottom),
            },
            Some(Tag::class("source")),
        );
        bottom -= measure("Éy", SOURCE_PX, false).1 + 1.5 * GAP;
    }
    Frame { top, bottom }
}

/// A numeric axis: range extended to whole ticks, and the tick labels.
struct Axis {
    lo: f64,
    hi: f64,
    ticks: Vec<(f64, String)>,
}

fn axis(lo: f64, hi: f64, target: f64, whole: bool, fmt: &dyn Fn(f64, usize) -> String) -> Axis {
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

fn fr(v: f64, d: usize) -> String {
    format_number_fr(v, d)
}

/// Linear map from values to pixels.
#[derive(Clone, Copy)]
struct Lin {
    lo: f64,
    hi: f64,
    p0: f64,
    p1: f64,
}

impl Lin {
    fn pos(&self, v: f64) -> f64 {
        let span = if self.hi > self.lo {
            self.hi - self.lo
        } else {
            1.0
        };
        self.p0 + (v - self.lo) / span * (self.p1 - self.p0)
    }
}

fn tick_look(h: HPos, v: VPos) -> Look {
    look(TICK_PX, false, MUTED, h, v)
}

/// The y axis title (top-left) and where the plot starts; returns the new top.
fn y_title(scene: &mut Scene, label: &str, top: f64) -> f64 {
    if label.trim().is_empty() {
        return top + GAP;
    }
    let text = fit(
        label.trim(),
        AXIS_TITLE_PX,
        true,
        scene.width - 2.0 * MARGIN_X,
    );
    scene.push(
        Shape::Text {
            text,
            x: MARGIN_X,
            y: top,
            look: look(AXIS_TITLE_PX, true, MUTED, HPos::Left, VPos::Top),
        },
        Some(Tag::class("axis-label y")),
    );
    top + measure("Éy", AXIS_TITLE_PX, true).1 + 1.5 * GAP
}

/// The x axis title centred under the plot; returns the space it takes.
fn x_title(scene: &mut Scene, label: &str, left: f64, right: f64, bottom: f64) {
    if label.trim().is_empty() {
        return;
    }
    let text = fit(label.trim(), AXIS_TITLE_PX, true, right - left);
    scene.push(
        Shape::Text {
            text,
            x: (left + right) / 2.0,
            y: bottom,
            look: look(AXIS_TITLE_PX, true, MUTED, HPos::Center, VPos::Bottom),
        },
        Some(Tag::class("axis-label x")),
    );
}

fn x_title_h(label: &str) -> f64 {
    if label.trim().is_empty() {
        0.0
    } else {
        measure("Éy", AXIS_TITLE_PX, true).1 + GAP
    }
}

/// Draws horizontal grid lines and y tick labels; returns the widest label.
fn y_ticks_width(a: &Axis) -> f64 {
    a.ticks
        .iter()
        .map(|(_, t)| measure(t, TICK_PX, false).0)
        .fold(0.0, f64::max)
}

fn draw_y_axis(scene: &mut Scene, a: &Axis, y: Lin, left: f64, right: f64) {
    for (v, text) in &a.ticks {
        let py = y.pos(*v);
        let color = if *v == 0.0 { BASELINE } else { GRID };
        scene.line(left, py, right, py, color, 1.0);
        scene.push(
            Shape::Text {
                text: text.clone(),
                x: left - GAP,
                y: py,
                look: tick_look(HPos::Right, VPos::Center),
            },
            Some(Tag::class("tick y")),
        );
    }
}

fn draw_x_ticks(scene: &mut Scene, a: &Axis, x: Lin, top: f64, bottom: f64) {
    for (v, text) in &a.ticks {
        let px = x.pos(*v);
        scene.line(px, top, px, bottom, GRID, 1.0);
        scene.push(
            Shape::Text {
                text: text.clone(),
                x: px,
                y: bottom + GAP / 1.5,
                look: tick_look(HPos::Center, VPos::Top),
            },
            Some(Tag::class("tick x")),
        );
    }
}

/// How category labels sit under a band axis.
struct CatLabels {
    rotated: bool,
    /// Show one label in `stride`.
    stride: usize,
    labels: Vec<String>,
    height: f64,
}

fn cat_labels(categories: &[String], band: f64) -> CatLabels {
    let px = 12.0;
    let widest = categories
        .iter()
        .map(|c| measure(c, px, false).0)
        .fold(0.0, f64::max);
    if widest <= band * 0.92 {
        return CatLabels {
            rotated: false,
            stride: 1,
            labels: categories.to_vec(),
            height: measure("Éy", px, false).1,
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

fn draw_cat_labels(scene: &mut Scene, cl: &CatLabels, centers: &[f64], y: f64) {
    for (i, (label, cx)) in cl.labels.iter().zip(centers).enumerate() {
        if i % cl.stride != 0 {
            continue;
        }
        let lk = if cl.rotated {
            Look {
                rotated: true,
                ..look(12.0, false, TEXT, HPos::Right, VPos::Center)
            }
        } else {
            look(12.0, false, TEXT, HPos::Center, VPos::Top)
        };
        scene.push(
            Shape::Text {
                text: label.clone(),
                x: *cx,
                y: if cl.rotated { y + GAP / 2.0 } else { y },
                look: lk,
            },
            Some(Tag::class("category")),
        );
    }
}

// ---------- grouped, stacked, line ----------

/// Grouped bars, stacked bars and lines: categories on x, one colour per group.
pub(super) fn series_chart(
    conn: &Connection,
    info: &TableInfo,
    req: &ChartRequest,
    notes: &mut Vec<String>,
) -> crate::Result<Scene> {
    let x = column(info, &req.x)?;
    let y = opt_column(info, req.y.as_deref())?;
    let group = opt_column(info, req.group.as_deref())?;
    let agg = req.effective_agg();
    if let (Some(y), true) = (y, agg != Agg::Count) {
        numeric(y)?;
    }
    if group.is_none() && req.kind != Kind::Line {
        notes.push(
            "Sans colonne de groupe, chaque catégorie n'a qu'une barre : choisissez un groupe pour comparer."
                .to_string(),
        );
    }
    let sort = req.sort.unwrap_or(false) && req.kind != Kind::Line;
    let cap = if req.kind == Kind::Line {
        data::MAX_LINE_POINTS
    } else {
        data::MAX_CATEGORIES
    };
    let a = data::aggregate(conn, &info.name, x, y, group, agg, sort, cap, notes)?;
    let vl = value_label(agg, y);
    let title = match group {
        Some(g) => format!("{vl} par {} et {}", x.label, g.label),
        None => format!("{vl} par {}", x.label),
    };
    let t = texts(req, &x.label, &vl, title);
    Ok(draw_series(&a, req.kind, &t, group.is_some()))
}

fn draw_series(a: &Aggregated, kind: Kind, t: &Texts, legend: bool) -> Scene {
    let mut scene = Scene::new(WIDTH, HEIGHT);
    let mark = if kind == Kind::Line {
        Mark::Line { dashed: false }
    } else {
        Mark::Box
    };
    let legend_items: Vec<_> = if legend {
        a.series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), SERIES[i % SERIES.len()], mark))
            .collect()
    } else {
        Vec::new()
    };
    let f = frame(&mut scene, t, &legend_items);
    let top = y_title(&mut scene, &t.y_label, f.top);

    // Value range: stacked sums, or the values themselves (0 included for bars).
    let n = a.categories.len();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for c in 0..n {
        let (mut pos, mut neg) = (0.0, 0.0);
        for s in &a.values {
            if let Some(v) = s[c] {
                if kind == Kind::Stacked {
                    if v >= 0.0 {
                        pos += v
                    } else {
                        neg += v
                    }
                } else {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
        }
        if kind == Kind::Stacked {
            lo = lo.min(neg);
            hi = hi.max(pos);
        }
    }
    if kind != Kind::Line || lo > 0.0 && lo < hi * 0.5 {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    let whole = a
        .values
        .iter()
        .flatten()
        .flatten()
        .all(|v| v.fract() == 0.0);
    let bottom_room = x_title_h(&t.x_label);
    let approx_h = (f.bottom - top - 60.0 - bottom_room).max(80.0);
    let ax = axis(lo, hi, (approx_h / 50.0).clamp(2.0, 8.0), whole, &fr);
    let left = MARGIN_X + y_ticks_width(&ax) + GAP;
    let right = WIDTH - MARGIN_X;
    let band = (right - left) / n.max(1) as f64;
    let cl = cat_labels(&a.categories, band);
    let plot_top = top + TICK_PX / 2.0;
    let plot_bottom = f.bottom - bottom_room - cl.height - GAP;
    let yl = Lin {
        lo: ax.lo,
        hi: ax.hi,
        p0: plot_bottom,
        p1: plot_top,
    };
    draw_y_axis(&mut scene, &ax, yl, left, right);
    let centers: Vec<f64> = (0..n).map(|i| left + band * (i as f64 + 0.5)).collect();

    let k = a.series.len().max(1) as f64;
    let zero = yl.pos(0.0_f64.clamp(ax.lo, ax.hi));
    match kind {
        Kind::Line => {
            let show_points = n <= 60;
            for (si, (name, vals)) in a.series.iter().zip(&a.values).enumerate() {
                let color = SERIES[si % SERIES.len()];
                // Missing values break the line.
                let mut segment: Vec<(f64, f64)> = Vec::new();
                let mut segments = Vec::new();
                for (c, v) in vals.iter().enumerate() {
                    match v {
                        Some(v) => segment.push((centers[c], yl.pos(*v))),
                        None => {
                            if !segment.is_empty() {
                                segments.push(std::mem::take(&mut segment));
                            }
                        }
                    }
                }
                if !segment.is_empty() {
                    segments.push(segment);
                }
                scene.group(Tag::class("series").data("series", name.clone()));
                for seg in segments {
                    if seg.len() > 1 {
                        scene.push(
                            Shape::Polyline {
                                points: seg,
                                stroke: color,
                                width: 2.5,
                            },
                            Some(Tag::class("line").data("series", name.clone())),
                        );
                    } else if !show_points {
                        let (cx, cy) = seg[0];
                        scene.push(
                            Shape::Circle {
                                cx,
                                cy,
                                r: 2.5,
                                fill: color,
                                opacity: 1.0,
                            },
                            None,
                        );
                    }
                }
                if show_points {
                    for (c, v) in vals.iter().enumerate() {
                        if let Some(v) = v {
                            let tip = point_tip(name, &a.categories[c], *v);
                            scene.push(
                                Shape::Circle {
                                    cx: centers[c],
                                    cy: yl.pos(*v),
                                    r: 3.5,
                                    fill: color,
                                    opacity: 1.0,
                                },
                                Some(
                                    Tag::class("point")
                                        .data("label", a.categories[c].clone())
                                        .data("value", v.to_string())
                                        .title(tip),
                                ),
                            );
                        }
                    }
                }
                scene.end_group();
            }
        }
        Kind::Stacked => {
            let thickness = band * 0.7;
            for c in 0..n {
                let (mut pos, mut neg) = (0.0, 0.0);
                for (si, (name, vals)) in a.series.iter().zip(&a.values).enumerate() {
                    let Some(v) = vals[c] else { continue };
                    let (from, to) = if v >= 0.0 {
                        pos += v;
                        (pos - v, pos)
                    } else {
                        neg += v;
                        (neg - v, neg)
                    };
                    scene.rect(
                        centers[c] - thickness / 2.0,
                        yl.pos(from),
                        centers[c] + thickness / 2.0,
                        yl.pos(to),
                        SERIES[si % SERIES.len()],
                        Some(bar_tag(&a.categories[c], name, v)),
                    );
                }
            }
        }
        _ => {
            let inner = band * 0.8;
            let sub = inner / k;
            for (si, (name, vals)) in a.series.iter().zip(&a.values).enumerate() {
                for c in 0..n {
                    let Some(v) = vals[c] else { continue };
                    let x0 = centers[c] - inner / 2.0 + sub * si as f64;
                    scene.rect(
                        x0 + sub * 0.06,
                        yl.pos(v),
                        x0 + sub * 0.94,
                        zero,
                        SERIES[si % SERIES.len()],
                        Some(bar_tag(&a.categories[c], name, v)),
                    );
                }
            }
        }
    }
    scene.line(left, zero, right, zero, BASELINE, 1.0);
    draw_cat_labels(&mut scene, &cl, &centers, plot_bottom + GAP / 1.5);
    x_title(&mut scene, &t.x_label, left, right, f.bottom);
    scene
}

fn point_tip(series: &str, cat: &str, v: f64) -> String {
    let value = format_number_fr(v, if v.fract() == 0.0 { 0 } else { 2 });
    if series.is_empty() {
        format!("{cat} : {value}")
    } else {
        format!("{cat}, {series} : {value}")
    }
}

fn bar_tag(cat: &str, series: &str, v: f64) -> Tag {
    let mut tag = Tag::class("bar")
        .data("label", cat.to_string())
        .data("value", v.to_string());
    if !series.is_empty() {
        tag = tag.data("series", series.to_string());
    }
    tag.title(point_tip(series, cat, v))
}

// ---------- scatter ----------

pub(super) fn scatter(
    conn: &Connection,
    info: &TableInfo,
    req: &ChartRequest,
    notes: &mut Vec<String>,
) -> crate::Result<Scene> {
    let x = numeric(column(info, &req.x)?)?;
    let y = match opt_column(info, req.y.as_deref())? {
        Some(y) => numeric(y)?,
        None => {
            return Err(ChartError::MissingField {
                kind: "scatter",
                field: "y",
            }
            .into())
        }
    };
    let group = opt_column(info, req.group.as_deref())?;
    let label = opt_column(info, req.label.as_deref())?;
    let mut cols = vec![x, y];
    cols.extend(group);
    cols.extend(label);
    let rows = data::read(conn, &info.name, &cols)?;
    let mut points = Vec::with_capacity(rows.len());
    let mut skipped = 0;
    for row in &rows {
        match (data::num(&row[0]), data::num(&row[1])) {
            (Some(a), Some(b)) => {
                let g = group.and_then(|_| data::key(&row[2])).unwrap_or_default();
                let l = label
                    .and_then(|_| data::key(&row[cols.len() - 1]))
                    .unwrap_or_default();
                points.push((a, b, g, l));
            }
            _ => skipped += 1,
        }
    }
    if skipped > 0 {
        notes.push(format!(
            "{} sans nombre dans « {} » ou « {} » {} été laissée{} de côté.",
            data::lines_fr(skipped),
            x.label,
            y.label,
            if skipped == 1 { "a" } else { "ont" },
            if skipped == 1 { "" } else { "s" }
        ));
    }
    if points.is_empty() {
        return Err(ChartError::Empty.into());
    }
    let t = texts(
        req,
        &x.label,
        &y.label,
        format!("{} selon {}", y.label, x.label),
    );
    Ok(draw_scatter(points, &t, group.is_some(), notes))
}

type Point = (f64, f64, String, String);

pub(super) fn draw_scatter(
    mut points: Vec<Point>,
    t: &Texts,
    grouped: bool,
    notes: &mut Vec<String>,
) -> Scene {
    if points.len() > MAX_POINTS {
        let total = points.len();
        let step = total as f64 / MAX_POINTS as f64;
        points = (0..MAX_POINTS)
            .map(|i| points[(i as f64 * step) as usize].clone())
            .collect();
        notes.push(format!(
            "{} points sur {} sont dessinés (un sur {:.0} environ), pour que le graphique reste lisible.",
            format_number_fr(MAX_POINTS as f64, 0),
            format_number_fr(total as f64, 0),
            step.ceil()
        ));
    }
    let mut groups: Vec<String> = Vec::new();
    if grouped {
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for p in &points {
            *counts.entry(p.2.as_str()).or_default() += 1;
        }
        groups = counts.keys().map(|s| s.to_string()).collect();
        groups.sort_by(|a, b| counts[b.as_str()].cmp(&counts[a.as_str()]).then(a.cmp(b)));
        if groups.len() > SERIES.len() - 1 {
            notes.push(format!(
                "Seuls les {} groupes les plus nombreux ont leur couleur ; les autres sont en gris.",
                SERIES.len() - 1
            ));
            groups.truncate(SERIES.len() - 1);
        }
        groups.sort_by_key(|a| data::sort_key(a));
    }
    let legend: Vec<_> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.clone(), SERIES[i], Mark::Dot))
        .collect();
    let mut scene = Scene::new(WIDTH, HEIGHT);
    let f = frame(&mut scene, t, &legend);
    let top = y_title(&mut scene, &t.y_label, f.top);
    let (xlo, xhi) = min_max(points.iter().map(|p| p.0));
    let (ylo, yhi) = min_max(points.iter().map(|p| p.1));
    let xwhole = points.iter().all(|p| p.0.fract() == 0.0);
    let ywhole = points.iter().all(|p| p.1.fract() == 0.0);
    let bottom_room = x_title_h(&t.x_label) + measure("0", TICK_PX, false).1 + GAP;
    let plot_top = top + TICK_PX / 2.0;
    let plot_bottom = f.bottom - bottom_room;
    let ay = axis(
        ylo,
        yhi,
        ((plot_bottom - plot_top) / 50.0).clamp(2.0, 8.0),
        ywhole,
        &fr,
    );
    let left = MARGIN_X + y_ticks_width(&ay) + GAP;
    let right = WIDTH - MARGIN_X - 10.0;
    let ax = axis(
        xlo,
        xhi,
        ((right - left) / 110.0).clamp(2.0, 9.0),
        xwhole,
        &fr,
    );
    let xl = Lin {
        lo: ax.lo,
        hi: ax.hi,
        p0: left,
        p1: right,
    };
    let yl = Lin {
        lo: ay.lo,
        hi: ay.hi,
        p0: plot_bottom,
        p1: plot_top,
    };
    draw_y_axis(&mut scene, &ay, yl, left, right);
    draw_x_ticks(&mut scene, &ax, xl, plot_top, plot_bottom);
    let n = points.len();
    let (r, opacity) = if n > 5000 {
        (1.8, 0.45)
    } else if n > 500 {
        (2.5, 0.6)
    } else {
        (4.0, 0.85)
    };
    let tooltips = n <= 2000;
    let show_labels = points.iter().any(|p| !p.3.is_empty());
    if show_labels && n > 200 {
        notes.push("Les étiquettes des points ne sont écrites que pour 200 points au plus.".into());
    }
    scene.group(Tag::class("points"));
    for p in &points {
        let color = if grouped {
            groups
                .iter()
                .position(|g| *g == p.2)
                .map_or(RGBColor(0x99, 0x99, 0x99), |i| SERIES[i])
        } else {
            BAR
        };
        let (cx, cy) = (xl.pos(p.0), yl.pos(p.1));
        let mut tag = Tag::class("point");
        if tooltips {
            let name = if p.3.is_empty() {
                String::new()
            } else {
                format!("{} : ", p.3)
            };
            tag = tag.data("label", p.3.clone()).title(format!(
                "{name}{} ; {}",
                fr(p.0, 2),
                fr(p.1, 2)
            ));
        }
        scene.push(
            Shape::Circle {
                cx,
                cy,
                r,
                fill: color,
                opacity,
            },
            Some(tag),
        );
    }
    scene.end_group();
    if show_labels && n <= 200 {
        // Greedy placement: right of the point, else left, else left out.
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        let mut hidden = 0;
        for p in points.iter().filter(|p| !p.3.is_empty()) {
            let text = fit(&p.3, 11.0, false, 140.0);
            let (tw, th) = measure(&text, 11.0, false);
            let (cx, cy) = (xl.pos(p.0), yl.pos(p.1));
            let right_box = (
                cx + r + 3.0,
                cy - th / 2.0,
                cx + r + 3.0 + tw,
                cy + th / 2.0,
            );
            let left_box = (
                cx - r - 3.0 - tw,
                cy - th / 2.0,
                cx - r - 3.0,
                cy + th / 2.0,
            );
            let free = |b: &(f64, f64, f64, f64)| {
                b.0 >= 0.0
                    && b.2 <= WIDTH
                    && placed
                        .iter()
                        .all(|o| b.2 <= o.0 || b.0 >= o.2 || b.3 <= o.1 || b.1 >= o.3)
            };
            let (b, on_right) = if free(&right_box) {
                (right_box, true)
            } else if free(&left_box) {
                (left_box, false)
            } else {
                hidden += 1;
                continue;
            };
            placed.push(b);
            scene.push(
                Shape::Text {
                    text,
                    x: if on_right { b.0 } else { b.2 },
                    y: cy,
                    look: look(
                        11.0,
                        false,
                        TEXT,
                        if on_right { HPos::Left } else { HPos::Right },
                        VPos::Center,
                    ),
                },
                Some(Tag::class("point-label")),
            );
        }
        if hidden > 0 {
            notes.push(format!(
                "{hidden} étiquette{} de points {} été omise{} pour ne pas se chevaucher (survolez les points pour les lire).",
                if hidden == 1 { "" } else { "s" },
                if hidden == 1 { "a" } else { "ont" },
                if hidden == 1 { "" } else { "s" }
            ));
        }
    }
    x_title(&mut scene, &t.x_label, left, right, f.bottom);
    scene
}

fn min_max(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

// ---------- histogram ----------

/// Reads one numeric column, with a note for the rows left out.
fn numbers(
    conn: &Connection,
    info: &TableInfo,
    col: &ColumnInfo,
    notes: &mut Vec<String>,
) -> crate::Result<Vec<f64>> {
    let rows = data::read(conn, &info.name, &[col])?;
    let values: Vec<f64> = rows.iter().filter_map(|r| data::num(&r[0])).collect();
    data::note_not_numeric(notes, rows.len() - values.len(), &col.label);
    if values.is_empty() {
        return Err(ChartError::Empty.into());
    }
    Ok(values)
}

pub(super) fn histogram(
    conn: &Connection,
    info: &TableInfo,
    req: &ChartRequest,
    notes: &mut Vec<String>,
) -> crate::Result<Scene> {
    let col = numeric(column(info, &req.x)?)?;
    let values = numbers(conn, info, col, notes)?;
    let t = texts(
        req,
        &col.label,
        "Nombre de lignes",
        format!("Répartition de {}", col.label),
    );
    Ok(draw_histogram(&values, req.bins, &t))
}

pub(super) fn draw_histogram(values: &[f64], bins: Option<u32>, t: &Texts) -> Scene {
    let n = values.len();
    let bins = bins
        .map(|b| b.clamp(1, 100) as usize)
        .unwrap_or_else(|| ((n as f64).log2().ceil() as usize + 1).clamp(5, 30));
    let (lo, hi) = min_max(values.iter().copied());
    let width = if hi > lo {
        (hi - lo) / bins as f64
    } else {
        1.0
    };
    let mut counts = vec![0usize; bins];
    for v in values {
        let i = (((v - lo) / width).floor() as usize).min(bins - 1);
        counts[i] += 1;
    }
    let mut scene = Scene::new(WIDTH, HEIGHT);
    let f = frame(&mut scene, t, &[]);
    let top = y_title(&mut scene, &t.y_label, f.top);
    let bottom_room = x_title_h(&t.x_label) + measure("0", TICK_PX, false).1 + GAP;
    let plot_top = top + TICK_PX / 2.0;
    let plot_bottom = f.bottom - bottom_room;
    let max = counts.iter().copied().max().unwrap_or(1) as f64;
    let ay = axis(
        0.0,
        max,
        ((plot_bottom - plot_top) / 50.0).clamp(2.0, 8.0),
        true,
        &fr,
    );
    let left = MARGIN_X + y_ticks_width(&ay) + GAP;
    let right = WIDTH - MARGIN_X - 10.0;
    let whole = values.iter().all(|v| v.fract() == 0.0);
    let ax = axis(
        lo,
        lo + width * bins as f64,
        ((right - left) / 110.0).clamp(2.0, 9.0),
        whole,
        &fr,
    );
    let xl = Lin {
        lo: ax.lo,
        hi: ax.hi,
        p0: left,
        p1: right,
    };
    let yl = Lin {
        lo: ay.lo,
        hi: ay.hi,
        p0: plot_bottom,
        p1: plot_top,
    };
    draw_y_axis(&mut scene, &ay, yl, left, right);
    for (v, text) in &ax.ticks {
        scene.push(
            Shape::Text {
                text: text.clone(),
                x: xl.pos(*v),
                y: plot_bottom + GAP / 1.5,
                look: tick_look(HPos::Center, VPos::Top),
            },
            Some(Tag::class("tick x")),
        );
    }
    let d = if whole && width.fract() == 0.0 { 0 } else { 2 };
    for (i, c) in counts.iter().enumerate() {
        let a = lo + width * i as f64;
        let b = a + width;
        let label = format!(
            "[{} ; {}{}",
            fr(a, d),
            fr(b, d),
            if i + 1 == bins { "]" } else { "[" }
        );
        let (x0, x1) = (xl.pos(a), xl.pos(b));
        scene.rect(
            x0 + 0.5,
            yl.pos(*c as f64),
            x1 - 0.5,
            yl.pos(0.0),
            BAR,
            Some(
                Tag::class("bar")
                    .data("label", label.clone())
                    .data("value", c.to_string())
                    .title(format!("{label} : {c}")),
            ),
        );
    }
    scene.line(left, yl.pos(0.0), right, yl.pos(0.0), BASELINE, 1.0);
    x_title(&mut scene, &t.x_label, left, right, f.bottom);
    scene
}

// ---------- Lorenz ----------

/// Points of the Lorenz curve of `values` (weights 1 when `None`) and its Gini index,
/// from [`crate::analysis::indicators`] so that the chart and the Indicators tab always agree.
/// `None` when the curve does not exist (no values, zero total, negative values).
pub fn lorenz_points(values: &[f64], weights: Option<&[f64]>) -> Option<(Vec<(f64, f64)>, f64)> {
    let points = crate::analysis::indicators::lorenz(values, weights);
    if points.is_empty() {
        return None;
    }
    let gini = match weights {
        Some(w) => crate::analysis::indicators::gini_weighted(values, w)?,
        None => crate::analysis::indicators::gini(values)?,
    };
    Some((points, gini.clamp(0.0, 1.0)))
}

pub(super) fn lorenz(
    conn: &Connection,
    info: &TableInfo,
    req: &ChartRequest,
    notes: &mut Vec<String>,
) -> crate::Result<Scene> {
    let value_name = req
        .y
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(&req.x);
    let col = numeric(column(info, value_name)?)?;
    let weight = match opt_column(info, req.weight.as_deref())? {
        Some(w) => Some(numeric(w)?),
        None => None,
    };
    let mut cols = vec![col];
    cols.extend(weight);
    let rows = data::read(conn, &info.name, &cols)?;
    let (mut values, mut weights) = (Vec::new(), Vec::new());
    let (mut missing, mut negative) = (0, 0);
    for r in &rows {
        let v = data::num(&r[0]);
        let w = if weight.is_some() {
            data::num(&r[1])
        } else {
            Some(1.0)
        };
        match (v, w) {
            (Some(v), Some(w)) if v >= 0.0 && w > 0.0 => {
                values.push(v);
                weights.push(w);
            }
            (Some(_), Some(_)) => negative += 1,
            _ => missing += 1,
        }
    }
    data::note_not_numeric(notes, missing, &col.label);
    if negative > 0 {
        notes.push(format!(
            "{} avec une valeur négative (ou un poids nul) {} été laissée{} de côté : la courbe de Lorenz ne s'applique qu'à des valeurs positives.",
            data::lines_fr(negative),
            if negative == 1 { "a" } else { "ont" },
            if negative == 1 { "" } else { "s" }
        ));
    }
    let Some((points, gini)) = lorenz_points(&values, weight.map(|_| weights.as_slice())) else {
        return Err(ChartError::Empty.into());
    };
    notes.push(format!(
        "Indice de Gini : {} (0 = parfaite égalité, 1 = tout pour un seul).",
        format_number_fr(gini, 2)
    ));
    let x_default = match weight {
        Some(w) => format!("Part cumulée de {}", w.label),
        None => "Part cumulée des lignes".to_string(),
    };
    let t = texts(
        req,
        &x_default,
        &format!("Part cumulée de {}", col.label),
        format!("Courbe de Lorenz de {}", col.label),
    );
    Ok(draw_lorenz(&points, gini, &t))
}

fn draw_lorenz(points: &[(f64, f64)], gini: f64, t: &Texts) -> Scene {
    let mut scene = Scene::new(WIDTH, HEIGHT);
    let legend = [
        (
            "Courbe de Lorenz".to_string(),
            BAR,
            Mark::Line { dashed: false },
        ),
        (
            "Égalité parfaite".to_string(),
            MUTED,
            Mark::Line { dashed: true },
        ),
    ];
    let f = frame(&mut scene, t, &legend);
    let top = y_title(&mut scene, &t.y_label, f.top);
    let bottom_room = x_title_h(&t.x_label) + measure("0", TICK_PX, false).1 + GAP;
    let plot_top = top + TICK_PX / 2.0;
    let plot_bottom = f.bottom - bottom_room;
    let pct = |v: f64, _d: usize| format!("{}\u{a0}%", format_number_fr(v * 100.0, 0));
    let ay = axis(0.0, 1.0, 5.0, false, &pct);
    let left = MARGIN_X + y_ticks_width(&ay) + GAP;
    // A square plot, so the diagonal is at 45°.
    let side = (plot_bottom - plot_top).min(WIDTH - MARGIN_X - left);
    let right = left + side;
    let xl = Lin {
        lo: 0.0,
        hi: 1.0,
        p0: left,
        p1: right,
    };
    let yl = Lin {
        lo: 0.0,
        hi: 1.0,
        p0: plot_bottom,
        p1: plot_bottom - side,
    };
    draw_y_axis(&mut scene, &ay, yl, left, right);
    draw_x_ticks(&mut scene, &ay, xl, plot_bottom - side, plot_bottom);
    scene.push(
        Shape::Line {
            x0: xl.pos(0.0),
            y0: yl.pos(0.0),
            x1: xl.pos(1.0),
            y1: yl.pos(1.0),
            stroke: MUTED,
            width: 1.5,
            dashed: true,
        },
        Some(Tag::class("equality")),
    );
    // At most about 2000 vertices: enough for a smooth curve.
    let stride = (points.len() / 2000).max(1);
    let mut pts: Vec<(f64, f64)> = points
        .iter()
        .step_by(stride)
        .map(|(x, y)| (xl.pos(*x), yl.pos(*y)))
        .collect();
    if !(points.len() - 1).is_multiple_of(stride) {
        if let Some(last) = points.last() {
            pts.push((xl.pos(last.0), yl.pos(last.1)));
        }
    }
    scene.push(
        Shape::Polyline {
            points: pts,
            stroke: BAR,
            width: 2.5,
        },
        Some(Tag::class("lorenz").data("gini", format!("{gini:.4}"))),
    );
    // The Gini index, written in the free space right of the square.
    let gx = right + 3.0 * GAP;
    if gx + 160.0 < WIDTH {
        scene.push(
            Shape::Text {
                text: format!("Indice de Gini : {}", format_number_fr(gini, 2)),
                x: gx,
                y: plot_bottom - side / 2.0,
                look: look(14.0, true, ACCENT, HPos::Left, VPos::Center),
            },
            Some(Tag::class("gini")),
        );
    }
    x_title(&mut scene, &t.x_label, left, right, f.bottom);
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lorenz_of_equal_values_is_the_diagonal() {
        let (pts, gini) = lorenz_points(&[5.0; 4], None).unwrap();
        assert_eq!(pts.len(), 5);
        assert!(gini.abs() < 1e-12);
        for (x, y) in pts {
            assert!((x - y).abs() < 1e-12);
        }
        // One person has everything: Gini = 1 - 1/n.
        let (_, g) = lorenz_points(&[0.0, 0.0, 0.0, 10.0], None).unwrap();
        assert!((g - 0.75).abs() < 1e-12);
        // Weights count like repeated rows.
        let (_, a) = lorenz_points(&[1.0, 3.0], Some(&[2.0, 1.0])).unwrap();
        let (_, b) = lorenz_points(&[1.0, 1.0, 3.0], None).unwrap();
        assert!((a - b).abs() < 1e-12);
        assert!(lorenz_points(&[0.0, 0.0], None).is_none());
        assert!(lorenz_points(&[], None).is_none());
    }

    #[test]
    fn histogram_counts_every_value_once() {
        let t = Texts {
            title: "H".into(),
            source: String::new(),
            x_label: "x".into(),
            y_label: "n".into(),
        };
        let values: Vec<f64> = (0..100).map(f64::from).collect();
        let s = draw_histogram(&values, Some(10), &t);
        let svg = s.to_svg();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let total: usize = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("bar"))
            .map(|n| n.attribute("data-value").unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(total, 100);
        assert_eq!(s.count_class("bar"), 10);
        // Degenerate input does not panic.
        draw_histogram(&[3.0], None, &t);
        draw_histogram(&[2.0, 2.0], Some(0), &t);
    }
}
