//! Histograms: how the numbers of one column spread over equal bins (one bar per bin,
//! `[a ; b[` labels, every number counted once).

use super::data::{self, numeric, Input};
use super::layout::{bar_tag, numeric_area, numeric_axes, texts, x_title, Plot, Range, Texts};
use super::scene::Scene;
use super::style::{BAR, BASELINE, HEIGHT, WIDTH};
use super::ChartError;
use crate::store::tables::ColumnInfo;
use crate::tr;

/// Reads one numeric column, with a note for the rows left out.
fn numbers(input: Input<'_>, col: &ColumnInfo, notes: &mut Vec<String>) -> crate::Result<Vec<f64>> {
    let rows = input.read(&[col])?;
    let values: Vec<f64> = rows.iter().filter_map(|r| data::num(&r[0])).collect();
    data::note_not_numeric(notes, input.lang, rows.len() - values.len(), &col.label);
    if values.is_empty() {
        return Err(ChartError::Empty.into());
    }
    Ok(values)
}

pub(super) fn histogram(input: Input<'_>, notes: &mut Vec<String>) -> crate::Result<Scene> {
    let Input { req, lang, .. } = input;
    let col = numeric(input.column(&req.x)?)?;
    let values = numbers(input, col, notes)?;
    let t = texts(
        req,
        &col.label,
        &tr!(lang, "chart-agg-count"),
        tr!(lang, "chart-title-histogram", column = &col.label),
        lang,
    );
    Ok(draw_histogram(&values, req.bins, &t))
}

pub(super) fn draw_histogram(values: &[f64], bins: Option<u32>, t: &Texts) -> Scene {
    let n = values.len();
    let bins = bins
        .map(|b| b.clamp(1, 100) as usize)
        .unwrap_or_else(|| ((n as f64).log2().ceil() as usize + 1).clamp(5, 30));
    let Range { lo, hi, .. } = Range::of(values.iter().copied());
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
    let area = numeric_area(&mut scene, t, &[]);
    let max = counts.iter().copied().max().unwrap_or(1) as f64;
    let x = Range {
        lo,
        hi: lo + width * bins as f64,
        whole: values.iter().all(|v| v.fract() == 0.0),
    };
    let whole = x.whole;
    let y = Range {
        lo: 0.0,
        hi: max,
        whole: true,
    };
    let Plot {
        left,
        right,
        x: xl,
        y: yl,
    } = numeric_axes(&mut scene, &area, (x, y), false, t.lang);
    let d = if whole && width.fract() == 0.0 { 0 } else { 2 };
    for (i, c) in counts.iter().enumerate() {
        let a = lo + width * i as f64;
        let b = a + width;
        let label = tr!(
            t.lang,
            "chart-bin",
            from = t.number(a, d),
            to = t.number(b, d),
            last = if i + 1 == bins { "yes" } else { "no" }
        );
        let (x0, x1) = (xl.pos(a), xl.pos(b));
        scene.rect(
            x0 + 0.5,
            yl.pos(*c as f64),
            x1 - 0.5,
            yl.pos(0.0),
            BAR,
            Some(bar_tag(&label, "", *c as f64, t.lang)),
        );
    }
    scene.line(left, yl.pos(0.0), right, yl.pos(0.0), BASELINE, 1.0);
    x_title(&mut scene, &t.x_label, left, right, area.label_bottom);
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn histogram_counts_every_value_once() {
        let t = Texts {
            title: "H".into(),
            source: String::new(),
            x_label: "x".into(),
            y_label: "n".into(),
            lang: Lang::Fr,
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
