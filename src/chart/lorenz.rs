//! Lorenz curves: how a total is shared among rows (optionally weighted), on a square
//! plot with the line of perfect equality, and the Gini index computed by
//! [`crate::analysis::indicators`] so that the chart and the Indicators tab agree.

use plotters::style::text_anchor::{HPos, VPos};

use super::data::{self, numeric, Input};
use super::layout::{
    axis, draw_x_ticks, draw_y_axis, numeric_area, texts, x_title, y_ticks_width, Lin, Mark, Texts,
};
use super::scene::{Scene, Shape, Tag};
use super::style::{look, ACCENT, BAR, GAP, HEIGHT, MARGIN_X, MUTED, WIDTH};
use super::ChartError;
use crate::i18n::format_number;
use crate::tr;

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

pub(super) fn lorenz(input: Input<'_>, notes: &mut Vec<String>) -> crate::Result<Scene> {
    let Input { req, lang, .. } = input;
    let value_name = req
        .y
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(&req.x);
    let col = numeric(input.column(value_name)?)?;
    let weight = match input.opt_column(req.weight.as_deref())? {
        Some(w) => Some(numeric(w)?),
        None => None,
    };
    let mut cols = vec![col];
    cols.extend(weight);
    let rows = input.read(&cols)?;
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
    data::note_not_numeric(notes, lang, missing, &col.label);
    if negative > 0 {
        notes.push(data::rows_note(lang, negative, "chart-note-negative", &[]));
    }
    let Some((points, gini)) = lorenz_points(&values, weight.map(|_| weights.as_slice())) else {
        return Err(ChartError::Empty.into());
    };
    let gini_text = format_number(lang, gini, 2);
    notes.push(tr!(lang, "chart-note-gini", gini = gini_text));
    let x_default = match weight {
        Some(w) => tr!(lang, "chart-cumulative-share", column = &w.label),
        None => tr!(lang, "chart-cumulative-rows"),
    };
    let t = texts(
        req,
        &x_default,
        &tr!(lang, "chart-cumulative-share", column = &col.label),
        tr!(lang, "chart-title-lorenz", column = &col.label),
        lang,
    );
    Ok(draw_lorenz(&points, gini, &t))
}

fn draw_lorenz(points: &[(f64, f64)], gini: f64, t: &Texts) -> Scene {
    let mut scene = Scene::new(WIDTH, HEIGHT);
    let legend = [
        (
            tr!(t.lang, "chart-lorenz-curve"),
            BAR,
            Mark::Line { dashed: false },
        ),
        (
            tr!(t.lang, "chart-lorenz-equality"),
            MUTED,
            Mark::Line { dashed: true },
        ),
    ];
    let area = numeric_area(&mut scene, t, &legend);
    let plot_bottom = area.bottom;
    let pct = |v: f64, _d: usize| tr!(t.lang, "chart-percent", value = t.number(v * 100.0, 0));
    let ay = axis(0.0, 1.0, 5.0, false, &pct);
    let left = MARGIN_X + y_ticks_width(&ay) + GAP;
    // A square plot, so the diagonal is at 45°.
    let side = (plot_bottom - area.top).min(WIDTH - MARGIN_X - left);
    let right = left + side;
    let xl = Lin::new(0.0, 1.0, left, right);
    let yl = Lin::new(0.0, 1.0, plot_bottom, plot_bottom - side);
    draw_y_axis(&mut scene, &ay, yl, left, right);
    draw_x_ticks(&mut scene, &ay, xl, plot_bottom - side, plot_bottom, true);
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
        scene.text(
            tr!(t.lang, "chart-gini", gini = t.number(gini, 2)),
            look(14.0, true, ACCENT, HPos::Left, VPos::Center),
            gx,
            plot_bottom - side / 2.0,
            Some(Tag::class("gini")),
        );
    }
    x_title(&mut scene, &t.x_label, left, right, area.label_bottom);
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
}
