//! Charts of one value per category and group: grouped bars, stacked bars and lines
//! (categories on x, one colour per group, a legend), laid out as a [`Scene`].

use super::data::{self, Aggregated, Input};
use super::layout::{
    axis, bar_tag, cat_labels, draw_cat_labels, draw_y_axis, frame, point_tip, texts, value_label,
    x_title, x_title_h, y_ticks_width, y_title, Lin, Mark, Texts,
};
use super::scene::{Scene, Shape, Tag};
use super::style::{BASELINE, GAP, HEIGHT, MARGIN_X, SERIES, TICK_PX, WIDTH};
use super::Kind;
use crate::tr;

/// Grouped bars, stacked bars and lines: categories on x, one colour per group.
pub(super) fn series_chart(input: Input<'_>, notes: &mut Vec<String>) -> crate::Result<Scene> {
    let Input { req, lang, .. } = input;
    let x = input.column(&req.x)?;
    let (y, agg) = input.value_column()?;
    let group = input.opt_column(req.group.as_deref())?;
    if group.is_none() && req.kind != Kind::Line {
        notes.push(tr!(lang, "chart-note-no-group"));
    }
    let sort = req.sort.unwrap_or(false) && req.kind != Kind::Line;
    let cap = if req.kind == Kind::Line {
        data::MAX_LINE_POINTS
    } else {
        data::MAX_CATEGORIES
    };
    let a = data::aggregate(input, x, y, group, agg, sort, cap, notes)?;
    let vl = value_label(agg, y, lang);
    let title = match group {
        Some(g) => tr!(
            lang,
            "chart-title-by-group",
            value = vl.as_str(),
            x = &x.label,
            group = &g.label
        ),
        None => tr!(lang, "chart-title-by", value = vl.as_str(), x = &x.label),
    };
    let t = texts(req, &x.label, &vl, title, lang);
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
    let ax = axis(
        lo,
        hi,
        (approx_h / 50.0).clamp(2.0, 8.0),
        whole,
        &|v, decimals| t.number(v, decimals),
    );
    let left = MARGIN_X + y_ticks_width(&ax) + GAP;
    let right = WIDTH - MARGIN_X;
    let band = (right - left) / n.max(1) as f64;
    let cl = cat_labels(&a.categories, band);
    let plot_top = top + TICK_PX / 2.0;
    let plot_bottom = f.bottom - bottom_room - cl.height - GAP;
    let yl = Lin::new(ax.lo, ax.hi, plot_bottom, plot_top);
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
                            let tip = point_tip(name, &a.categories[c], *v, t.lang);
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
                        Some(bar_tag(&a.categories[c], name, v, t.lang)),
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
                        Some(bar_tag(&a.categories[c], name, v, t.lang)),
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
