//! Scatter plots: one point per row with two numbers, coloured by group, with labels
//! placed where they do not overlap and a tooltip per point (up to 2,000 points);
//! huge tables are thinned to [`MAX_POINTS`] points, and said so.

use plotters::style::text_anchor::{HPos, VPos};

use super::data::{self, numeric, Input, MAX_POINTS};
use super::layout::{numeric_area, numeric_axes, texts, x_title, Mark, Plot, Range, Texts};
use super::scene::{Scene, Shape, Tag};
use super::style::{look, BAR, HEIGHT, OTHER, SERIES, TEXT, WIDTH};
use super::text::{fit, measure};
use super::ChartError;
use crate::tr;

/// Most points whose labels are written.
const MAX_LABELS: usize = 200;

pub(super) fn scatter(input: Input<'_>, notes: &mut Vec<String>) -> crate::Result<Scene> {
    let Input { req, lang, .. } = input;
    let x = numeric(input.column(&req.x)?)?;
    let y = match input.opt_column(req.y.as_deref())? {
        Some(y) => numeric(y)?,
        None => {
            return Err(ChartError::MissingField {
                kind: "scatter",
                field: "y",
            }
            .into())
        }
    };
    let group = input.opt_column(req.group.as_deref())?;
    let label = input.opt_column(req.label.as_deref())?;
    let mut cols = vec![x, y];
    cols.extend(group);
    cols.extend(label);
    let rows = input.read(&cols)?;
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
        notes.push(data::rows_note(
            lang,
            skipped,
            "chart-note-no-number-pair",
            &[
                ("x", x.label.as_str().into()),
                ("y", y.label.as_str().into()),
            ],
        ));
    }
    if points.is_empty() {
        return Err(ChartError::Empty.into());
    }
    let t = texts(
        req,
        &x.label,
        &y.label,
        tr!(lang, "chart-title-scatter", y = &y.label, x = &x.label),
        lang,
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
        notes.push(tr!(
            t.lang,
            "chart-note-points-thinned",
            shown = t.number(MAX_POINTS as f64, 0),
            total = t.number(total as f64, 0),
            step = format!("{:.0}", step.ceil())
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
            notes.push(tr!(
                t.lang,
                "chart-note-groups-cap",
                shown = (SERIES.len() - 1).to_string()
            ));
            groups.truncate(SERIES.len() - 1);
        }
        groups.sort_by_key(|a| crate::i18n::text::fold(a));
    }
    let legend: Vec<_> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.clone(), SERIES[i], Mark::Dot))
        .collect();
    let mut scene = Scene::new(WIDTH, HEIGHT);
    let area = numeric_area(&mut scene, t, &legend);
    let Plot {
        left,
        right,
        x: xl,
        y: yl,
    } = numeric_axes(
        &mut scene,
        &area,
        (
            Range::of(points.iter().map(|p| p.0)),
            Range::of(points.iter().map(|p| p.1)),
        ),
        true,
        t.lang,
    );
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
    if show_labels && n > MAX_LABELS {
        notes.push(tr!(
            t.lang,
            "chart-note-labels-cap",
            max = MAX_LABELS.to_string()
        ));
    }
    scene.group(Tag::class("points"));
    for p in &points {
        let color = if grouped {
            groups
                .iter()
                .position(|g| *g == p.2)
                .map_or(OTHER, |i| SERIES[i])
        } else {
            BAR
        };
        let (cx, cy) = (xl.pos(p.0), yl.pos(p.1));
        let mut tag = Tag::class("point");
        if tooltips {
            let (x, y) = (t.number(p.0, 2), t.number(p.1, 2));
            let tip = if p.3.is_empty() {
                tr!(t.lang, "chart-tip-point", x = x, y = y)
            } else {
                tr!(t.lang, "chart-tip-named-point", name = &p.3, x = x, y = y)
            };
            tag = tag.data("label", p.3.clone()).title(tip);
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
    if show_labels && n <= MAX_LABELS {
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
            notes.push(tr!(
                t.lang,
                "chart-note-labels-hidden",
                n = hidden,
                count = hidden.to_string()
            ));
        }
    }
    x_title(&mut scene, &t.x_label, left, right, area.label_bottom);
    scene
}
