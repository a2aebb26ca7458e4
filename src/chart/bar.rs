//! Bar charts (the `bar` and `hbar` kinds, and the lesson chart steps): a small table
//! of `(label, value)` rows laid out as a [`Scene`], which the one renderer writes as
//! SVG (shown in the webview: every bar is `class="bar"` with `data-label` and
//! `data-value`) or PNG. Numbers are written the way of the language asked (`951 418`,
//! `12,5` in French; `951,418`, `12.5` in English), and the texts come from the
//! [`BarChartSpec`].
//!
//! The layout is computed by hand in pixels so that long category names ("Ville de
//! N'Djamena"), value labels at the end of the bars and French tick labels always fit:
//! horizontal charts size their label column, vertical ones break labels on two lines
//! or turn them.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

use super::data::{self, Input};
use super::layout::{
    bar_tag, draw_x_ticks, draw_y_axis, frame, line_height, nice_ticks, texts, tick_values,
    value_label, x_title, x_title_h, y_title, Axis, Frame, Lin, Texts,
};
use super::scene::{Scene, Tag};
use super::style::{
    look, ACCENT, AXIS_TITLE_PX, BAR, BASELINE, CATEGORY_PX, GAP, HEIGHT, MARGIN_X, MIN_PX, MUTED,
    TEXT, TICK_PX, VALUE_PX, WIDTH,
};
use super::text::{fit, measure, wrap_in_two};
use super::Kind;
use crate::i18n::Lang;
use crate::tr;

pub use super::ChartError;

/// One bar: a category label and its value.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BarDatum {
    pub label: String,
    pub value: f64,
}

/// What to draw around the bars. All texts are shown as given.
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

/// Horizontal charts with more categories than this grow taller, so labels stay readable.
const ROWS_AT_BASE_HEIGHT: usize = 12;
/// Extra height per category beyond `ROWS_AT_BASE_HEIGHT`, and the tallest chart drawn.
const ROW_HEIGHT: u32 = 24;
const MAX_HEIGHT: u32 = 1600;
/// Vertical charts turn their category labels rather than go below this.
const ROTATE_BELOW_PX: f64 = 10.0;

/// Height of a chart at scale 1: 540, taller for horizontal charts with many categories
/// (23 provinces get 24 px each beyond the first 12).
pub fn chart_height(spec: &BarChartSpec, categories: usize) -> u32 {
    let base = HEIGHT as u32;
    if spec.horizontal && categories > ROWS_AT_BASE_HEIGHT {
        let extra = (categories - ROWS_AT_BASE_HEIGHT) as u32;
        base.saturating_add(extra.saturating_mul(ROW_HEIGHT))
            .min(MAX_HEIGHT)
    } else {
        base
    }
}

/// Draws a bar chart as an SVG document 960 wide and [`chart_height`] tall
/// (viewBox `0 0 960 540` for up to 12 horizontal bars and for vertical charts).
/// Every bar is tagged `class="bar"` (`"bar highlight"` for the highlighted one) with
/// `data-label` and `data-value`, in drawing order (left to right, or top to bottom).
/// Numbers and tooltips are written in `lang`.
pub fn bar_chart_svg(
    spec: &BarChartSpec,
    data: &[BarDatum],
    lang: Lang,
) -> Result<String, ChartError> {
    Ok(bar_scene(spec, data, lang)?.to_svg())
}

/// Draws a bar chart as PNG file bytes: 960 × 540 pixels at `scale` 1,
/// 1920 × 1080 at `scale` 2 (taller as [`chart_height`] says). `scale` is clamped to `1..=4`.
pub fn bar_chart_png(
    spec: &BarChartSpec,
    data: &[BarDatum],
    scale: u32,
    lang: Lang,
) -> Result<Vec<u8>, ChartError> {
    bar_scene(spec, data, lang)?.to_png(scale)
}

/// The `bar` and `hbar` kinds: one value per category of `req.x`, from the table.
pub(super) fn from_table(input: Input<'_>, notes: &mut Vec<String>) -> crate::Result<Scene> {
    let Input { req, lang, .. } = input;
    let x = input.column(&req.x)?;
    let (y, agg) = input.value_column()?;
    let sort = req.sort.unwrap_or(false);
    let a = data::aggregate(input, x, y, None, agg, sort, data::MAX_CATEGORIES, notes)?;
    let vl = value_label(agg, y, lang);
    let title = tr!(lang, "chart-title-by", value = vl.as_str(), x = &x.label);
    let t = texts(req, &x.label, &vl, title, lang);
    let spec = BarChartSpec {
        title: t.title,
        x_label: t.x_label,
        y_label: t.y_label,
        source: t.source,
        horizontal: req.kind == Kind::Hbar,
        sort_desc: sort,
        highlight: req.highlight.clone().filter(|h| !h.trim().is_empty()),
    };
    let data: Vec<BarDatum> = a
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
    Ok(bar_scene(&spec, &data, lang)?)
}

/// Lays the chart out.
pub(super) fn bar_scene(
    spec: &BarChartSpec,
    data: &[BarDatum],
    lang: Lang,
) -> Result<Scene, ChartError> {
    let rows = prepare(spec, data)?;
    let height = chart_height(spec, rows.len());
    let mut scene = Scene::new(WIDTH, f64::from(height));
    let t = Texts {
        title: spec.title.clone(),
        source: spec.source.clone(),
        x_label: spec.x_label.clone(),
        y_label: spec.y_label.clone(),
        lang,
    };
    let frame = frame(&mut scene, &t, &[]);
    if spec.horizontal {
        horizontal(&mut scene, &t, &rows, &frame);
    } else {
        vertical(&mut scene, &t, &rows, &frame);
    }
    Ok(scene)
}

/// A bar ready to draw.
struct Row {
    label: String,
    value: f64,
    highlighted: bool,
}

impl Row {
    fn color(&self) -> RGBColor {
        if self.highlighted {
            ACCENT
        } else {
            BAR
        }
    }

    fn tag(&self, lang: Lang) -> Tag {
        let mut tag = bar_tag(&self.label, "", self.value, lang);
        if self.highlighted {
            tag.class.push_str(" highlight");
        }
        tag
    }
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

/// A bar edge on whole pixels, so that bars meet exactly (0 when the value is off
/// every scale).
fn px(v: f64) -> f64 {
    if v.is_finite() {
        v.round()
    } else {
        0.0
    }
}

/// The value labels of the bars.
fn value_texts(t: &Texts, rows: &[Row]) -> Vec<String> {
    let decimals = value_decimals(rows);
    rows.iter().map(|r| t.number(r.value, decimals)).collect()
}

fn horizontal(scene: &mut Scene, t: &Texts, rows: &[Row], frame: &Frame) {
    let w = scene.width;
    let mx = MARGIN_X;
    let n = rows.len() as f64;
    let whole = value_decimals(rows) == 0;

    // Vertical layout: [category axis title] bars, ticks, [value axis title].
    let cat_title = t.x_label.trim();
    let plot_top = frame.top
        + if cat_title.is_empty() {
            0.0
        } else {
            line_height(AXIS_TITLE_PX) + GAP
        };
    let plot_bottom = frame.bottom - line_height(TICK_PX) - GAP - x_title_h(&t.y_label);
    let plot_h = (plot_bottom - plot_top).max(10.0);
    let band = plot_h / n;

    // Font sizes shrink when many bars share the height.
    let cat_px = (band / 1.45).clamp(MIN_PX, CATEGORY_PX);
    let val_px = cat_px.min(VALUE_PX);

    // Category label column: as wide as the longest label, within reason.
    let labels: Vec<String> = rows
        .iter()
        .map(|r| fit(r.label.trim(), cat_px, false, w * 0.4))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| measure(l, cat_px, false).0)
        .fold(0.0, f64::max);
    let plot_left = mx + label_w + 1.5 * GAP;
    let plot_right = w - mx;

    // Value labels at the end of the bars need room beyond the longest bars.
    let value_texts = value_texts(t, rows);
    let (mut room_lo, mut room_hi) = (0.0f64, 0.0f64);
    for (row, text) in rows.iter().zip(&value_texts) {
        let needed = measure(text, val_px, row.highlighted).0 + GAP;
        if row.value < 0.0 {
            room_lo = room_lo.max(needed);
        } else {
            room_hi = room_hi.max(needed);
        }
    }
    let (lo, hi) = value_range(rows);
    let scale = Lin::with_room(lo, hi, plot_left, plot_right, room_lo, room_hi);

    // Ticks and vertical grid lines, as many as their labels leave room for.
    let (axis_lo, axis_hi) = (scale.value_at(plot_left), scale.value_at(plot_right));
    let widest_tick = measure(&t.number(lo.abs().max(hi.abs()), 0), TICK_PX, false).0;
    let mut target = ((plot_right - plot_left) / (widest_tick + 40.0)).clamp(2.0, 8.0);
    let ticks = loop {
        let (step, tick_decimals) = nice_ticks(axis_lo, axis_hi, target, whole);
        let ticks: Vec<(f64, String)> = tick_values(axis_lo, axis_hi, step)
            .into_iter()
            .map(|v| (v, t.number(v, tick_decimals)))
            .collect();
        let widest = ticks
            .iter()
            .map(|(_, t)| measure(t, TICK_PX, false).0)
            .fold(0.0, f64::max);
        if step * scale.scale() >= widest + 2.0 * GAP || target <= 2.0 {
            break ticks;
        }
        target -= 1.0;
    };
    // Leave out a tick whose label would run off the picture.
    let ticks = ticks
        .into_iter()
        .filter(|(v, text)| scale.pos(*v) + measure(text, TICK_PX, false).0 / 2.0 <= w - mx / 3.0)
        .collect();
    let axis = Axis {
        lo: axis_lo,
        hi: axis_hi,
        ticks,
    };
    draw_x_ticks(scene, &axis, scale, plot_top, plot_bottom, true);

    // Bars, category labels and value labels; the first row at the top.
    let thickness = (band * 0.72).min(44.0);
    let zero = scale.pos(0.0);
    let cat_look = look(cat_px, false, TEXT, HPos::Right, VPos::Center);
    for (i, ((row, label), text)) in rows.iter().zip(labels).zip(&value_texts).enumerate() {
        let center = plot_top + band * (i as f64 + 0.5);
        let end = scale.pos(row.value);
        scene.rect(
            px(zero),
            px(center - thickness / 2.0),
            px(end),
            px(center + thickness / 2.0),
            row.color(),
            Some(row.tag(t.lang)),
        );
        scene.text(
            label,
            cat_look,
            plot_left - 1.5 * GAP,
            center,
            Some(Tag::class("category")),
        );
        let (h_pos, x) = if row.value < 0.0 {
            (HPos::Right, end - GAP / 1.5)
        } else {
            (HPos::Left, end + GAP / 1.5)
        };
        scene.text(
            text.clone(),
            look(val_px, row.highlighted, TEXT, h_pos, VPos::Center),
            x,
            center,
            Some(Tag::class("value-label")),
        );
    }
    scene.line(zero, plot_top, zero, plot_bottom, BASELINE, 1.0);

    // Axis titles: categories above the label column, values under the ticks.
    scene.text(
        cat_title,
        look(AXIS_TITLE_PX, true, MUTED, HPos::Left, VPos::Bottom),
        mx,
        plot_top - GAP / 1.5,
        Some(Tag::class("axis-label y")),
    );
    x_title(scene, &t.y_label, plot_left, plot_right, frame.bottom);
}

fn vertical(scene: &mut Scene, t: &Texts, rows: &[Row], frame: &Frame) {
    let w = scene.width;
    let mx = MARGIN_X;
    let n = rows.len() as f64;
    let whole = value_decimals(rows) == 0;
    let (lo, hi) = value_range(rows);

    // Value axis title above the plot, left-aligned like the title; category axis
    // title centred at the bottom.
    let plot_top = y_title(scene, &t.y_label, frame.top) + line_height(TICK_PX) / 2.0;
    let labels_bottom = frame.bottom - x_title_h(&t.x_label);

    // Tick labels on the left: their width sets where the plot starts.
    let widest_tick = measure(&t.number(lo.abs().max(hi.abs()) * 1.2, 0), TICK_PX, false).0
        + if lo < 0.0 {
            measure("-", TICK_PX, false).0
        } else {
            0.0
        };
    let plot_left = mx + widest_tick + GAP;
    let plot_right = w - mx;
    let band = (plot_right - plot_left) / n;

    // Category labels under the bars, on one or two lines; when they do not
    // fit even in a smaller font, they are turned to read bottom-to-top. Labels and
    // value labels keep a gap of about a tenth of a band between neighbours.
    let mut cat_px = CATEGORY_PX;
    let mut wrapped: Vec<Vec<String>>;
    let rotated = loop {
        wrapped = rows
            .iter()
            .map(|row| wrap_in_two(row.label.trim(), cat_px, false, band * 0.88))
            .collect();
        let fits = rows.iter().zip(&wrapped).all(|(row, lines)| {
            lines
                .iter()
                .all(|l| !l.ends_with('…') || row.label.trim().ends_with('…'))
        });
        if fits {
            break false;
        }
        if cat_px <= ROTATE_BELOW_PX {
            break true;
        }
        cat_px -= 1.0;
    };
    let (cat_look, label_area) = if rotated {
        cat_px = (band * 0.8).clamp(MIN_PX, CATEGORY_PX);
        let max_len = (labels_bottom - plot_top) * 0.4;
        wrapped = rows
            .iter()
            .map(|row| vec![fit(row.label.trim(), cat_px, false, max_len)])
            .collect();
        let longest = wrapped
            .iter()
            .map(|l| measure(&l[0], cat_px, false).0)
            .fold(0.0, f64::max);
        (
            look(cat_px, false, TEXT, HPos::Right, VPos::Center).rotated(),
            longest,
        )
    } else {
        let max_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f64;
        (
            look(cat_px, false, TEXT, HPos::Center, VPos::Top),
            max_lines * line_height(cat_px),
        )
    };
    let line_h = line_height(cat_px);
    let plot_bottom = labels_bottom - label_area - GAP;

    // Value labels above (or below, for negatives) the bars, smaller when too wide.
    let value_texts = value_texts(t, rows);
    let mut val_px = VALUE_PX;
    for (row, text) in rows.iter().zip(&value_texts) {
        let tw = measure(text, val_px, row.highlighted).0;
        if tw > band * 0.92 {
            val_px = (val_px * band * 0.92 / tw).max(MIN_PX);
        }
    }
    let val_h = line_height(val_px);
    let room_lo = if lo < 0.0 { val_h + GAP } else { 0.0 };
    let room_hi = if hi > 0.0 { val_h + GAP } else { 0.0 };
    let scale = Lin::with_room(lo, hi, plot_bottom, plot_top, room_lo, room_hi);

    // Ticks and horizontal grid lines.
    let (axis_lo, axis_hi) = (scale.value_at(plot_bottom), scale.value_at(plot_top));
    let (step, tick_decimals) = nice_ticks(
        axis_lo,
        axis_hi,
        ((plot_bottom - plot_top) / 45.0).clamp(2.0, 7.0),
        whole,
    );
    let axis = Axis {
        lo: axis_lo,
        hi: axis_hi,
        ticks: tick_values(axis_lo, axis_hi, step)
            .into_iter()
            .map(|v| (v, t.number(v, tick_decimals)))
            .collect(),
    };
    draw_y_axis(scene, &axis, scale, plot_left, plot_right);

    // Bars, value labels and category labels; the first row on the left.
    let thickness = (band * 0.7).min(90.0);
    let zero = scale.pos(0.0);
    for (i, ((row, lines), text)) in rows.iter().zip(wrapped).zip(value_texts).enumerate() {
        let center = plot_left + band * (i as f64 + 0.5);
        let end = scale.pos(row.value);
        scene.rect(
            px(center - thickness / 2.0),
            px(end),
            px(center + thickness / 2.0),
            px(zero),
            row.color(),
            Some(row.tag(t.lang)),
        );
        let (v_pos, y) = if row.value < 0.0 {
            (VPos::Top, end + GAP / 2.0)
        } else {
            (VPos::Bottom, end - GAP / 2.0)
        };
        scene.text(
            text,
            look(val_px, row.highlighted, TEXT, HPos::Center, v_pos),
            center,
            y,
            Some(Tag::class("value-label")),
        );
        for (k, line) in lines.into_iter().enumerate() {
            scene.text(
                line,
                cat_look,
                center,
                plot_bottom + GAP + k as f64 * line_h,
                Some(Tag::class("category")),
            );
        }
    }
    scene.line(plot_left, zero, plot_right, zero, BASELINE, 1.0);
    x_title(scene, &t.x_label, plot_left, plot_right, frame.bottom);
}

#[cfg(test)]
mod tests;
