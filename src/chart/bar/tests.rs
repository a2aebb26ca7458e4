//! Tests of the bar charts: layout read back from the SVG (bars, texts, French numbers),
//! the PNG output, data checks and sizes.

use super::*;
use crate::chart::style::{FONT_FAMILY, PALETTE};

const NNBSP: char = '\u{202F}';

fn datum(label: impl Into<String>, value: f64) -> BarDatum {
    BarDatum {
        label: label.into(),
        value,
    }
}

/// Bars of these labels and values, in this order.
fn data(rows: &[(&str, f64)]) -> Vec<BarDatum> {
    rows.iter()
        .map(|&(label, value)| datum(label, value))
        .collect()
}

/// The default spec (no texts, no sorting), with horizontal or vertical bars.
fn plain_spec(horizontal: bool) -> BarChartSpec {
    BarChartSpec {
        horizontal,
        ..BarChartSpec::default()
    }
}

fn census() -> Vec<BarDatum> {
    data(&[
        ("Guéra", 538_359.0),
        ("Logone Oriental", 779_339.0),
        ("Tibesti", 25_483.0),
        ("Ville de N'Djamena", 951_418.0),
        ("Ouaddaï", 721_166.0),
        ("Mayo-Kebbi Est", 774_782.0),
    ])
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
    assert!(matches!(
        bar_chart_svg(&spec, &[], Lang::Fr),
        Err(ChartError::Empty)
    ));
    assert!(matches!(
        bar_chart_png(&spec, &[], 1, Lang::Fr),
        Err(ChartError::Empty)
    ));
}

#[test]
fn non_finite_values_are_reported_with_their_label() {
    let spec = census_spec(false);
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut data = census();
        data[0].value = bad;
        match bar_chart_svg(&spec, &data, Lang::Fr) {
            Err(ChartError::NotFinite(label)) => assert_eq!(label, "Guéra"),
            other => panic!("expected NotFinite, got {other:?}"),
        }
        assert!(matches!(
            bar_chart_png(&spec, &data, 1, Lang::Fr),
            Err(ChartError::NotFinite(_))
        ));
    }
}

#[test]
fn svg_is_960_by_540() {
    let svg = bar_chart_svg(&census_spec(true), &census(), Lang::Fr).unwrap();
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
    let svg = bar_chart_svg(&census_spec(true), &data, Lang::Fr).unwrap();
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
    let svg = bar_chart_svg(&census_spec(true), &census(), Lang::Fr).unwrap();
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
    let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
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
    // Chad's 23 provinces, from the reference table.
    let names: Vec<&str> = crate::analysis::provinces::all()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let data: Vec<BarDatum> = names
        .iter()
        .enumerate()
        .map(|(i, n)| datum(*n, 10_000.0 * (i as f64 + 1.0)))
        .collect();
    let spec = BarChartSpec {
        title: "Les 23 provinces".to_string(),
        ..BarChartSpec::default()
    };
    let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(bars(&doc).len(), 23);
    let all = texts(&doc);
    for name in &names {
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
    let data = vec![datum(tricky, 3.0), datum("Normal", 1.0)];
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
        let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
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
    let data = vec![datum("Oui", 3.0), datum("Non", 1.0)];
    for horizontal in [true, false] {
        let spec = plain_spec(horizontal);
        let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let all = texts(&doc);
        assert!(all.iter().all(|(t, _)| !t.contains(',')), "{all:?}");
        text_node(&all, "2");
    }
}

#[test]
fn negative_and_decimal_values_are_drawn_on_both_sides_of_zero() {
    let data = vec![datum("Baisse", -3.25), datum("Hausse", 12.5)];
    for horizontal in [true, false] {
        let spec = plain_spec(horizontal);
        let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
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
    let one = decode(&bar_chart_png(&spec, &data, 1, Lang::Fr).unwrap());
    assert_eq!(one.dimensions(), (960, 540));
    let two = decode(&bar_chart_png(&spec, &data, 2, Lang::Fr).unwrap());
    assert_eq!(two.dimensions(), (1920, 1080));
    // Out-of-range scales are clamped rather than failing.
    let zero = decode(&bar_chart_png(&spec, &data, 0, Lang::Fr).unwrap());
    assert_eq!(zero.dimensions(), (960, 540));
}

#[test]
fn png_matches_the_svg_layout_and_draws_text_with_the_embedded_font() {
    let spec = census_spec(true);
    let data = census();
    let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let img = decode(&bar_chart_png(&spec, &data, 1, Lang::Fr).unwrap());
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
        serde_json::from_str(r#"{"title":"T","x_label":"X","y_label":"Y","source":"S"}"#).unwrap();
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
            .map(|(i, v)| datum(format!("Catégorie {i}"), *v))
            .collect();
        for horizontal in [true, false] {
            let spec = plain_spec(horizontal);
            let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
            roxmltree::Document::parse(&svg).unwrap();
            bar_chart_png(&spec, &data, 1, Lang::Fr).unwrap();
        }
    }
}

#[test]
fn sorting_is_stable_for_equal_values() {
    let data: Vec<BarDatum> = ["B", "A", "C"].iter().map(|l| datum(*l, 5.0)).collect();
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
    let spec = plain_spec(true);
    assert_eq!(chart_height(&spec, 6), 540);
    assert_eq!(chart_height(&spec, 23), 540 + 11 * 24);
    assert_eq!(chart_height(&spec, 10_000), 1600);
    let vertical = BarChartSpec::default();
    assert_eq!(chart_height(&vertical, 23), 540);
    let data: Vec<BarDatum> = (0..23)
        .map(|i| datum(format!("Province {i}"), f64::from(i) * 1000.0))
        .collect();
    let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
    assert!(svg.contains("viewBox=\"0 0 960 804\""), "{}", &svg[..200]);
    let png = bar_chart_png(&spec, &data, 2, Lang::Fr).unwrap();
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1920, 1608));
}

#[test]
fn every_bar_is_tagged_with_its_label_and_value_in_drawing_order() {
    // The lesson chart steps show `bar_chart_svg` as it is: the webview and the tests
    // find the bars by their class, as they do on the other kinds.
    let data = census();
    for horizontal in [true, false] {
        let spec = census_spec(horizontal);
        let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let tagged: Vec<_> = doc
            .descendants()
            .filter(|n| matches!(n.attribute("class"), Some("bar" | "bar highlight")))
            .collect();
        assert_eq!(tagged.len(), data.len());
        assert!(tagged.iter().all(|n| n.has_tag_name("rect")));
        let labels: Vec<&str> = tagged
            .iter()
            .map(|n| n.attribute("data-label").unwrap())
            .collect();
        assert_eq!(labels, SORTED);
        for node in &tagged {
            let label = node.attribute("data-label").unwrap();
            let datum = data.iter().find(|d| d.label == label).unwrap();
            assert_eq!(
                node.attribute("data-value"),
                Some(datum.value.to_string().as_str())
            );
            let highlighted = node.attribute("class") == Some("bar highlight");
            assert_eq!(highlighted, label == "Ouaddaï", "{label}");
            assert_eq!(
                node.attribute("fill"),
                Some(if highlighted { "#D55E00" } else { "#0072B2" })
            );
        }
        // The tagged bars are the bars the layout drew, in the same order.
        let drawn = bars(&doc);
        for (node, bar) in tagged.iter().zip(&drawn) {
            assert_eq!(attr_f64(*node, "x"), bar.x);
            assert_eq!(attr_f64(*node, "y"), bar.y);
        }
        // Texts carry their classes too.
        let scene = bar_scene(&spec, &data, Lang::Fr).unwrap();
        assert_eq!(scene.count_class("bar"), data.len());
        assert_eq!(scene.count_class("title"), 1);
        assert_eq!(scene.count_class("source"), 1);
        assert_eq!(scene.count_class("value-label"), data.len());
    }
}

#[test]
fn svg_texts_sit_on_their_anchor_with_the_embedded_font_first() {
    let svg = bar_chart_svg(&census_spec(false), &census(), Lang::Fr).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let all = texts(&doc);
    assert!(!all.is_empty());
    // The embedded font first, then fallbacks for an SVG opened elsewhere.
    assert!(FONT_FAMILY.starts_with("DejaVu Sans,"));
    for (t, node) in &all {
        assert_eq!(node.attribute("font-family"), Some(FONT_FAMILY), "{t}");
        // The anchor is the point the layout chose; the baseline shift is relative.
        let dy = node.attribute("dy").unwrap();
        assert!(["0.76em", "0.5ex", "-0.5ex"].contains(&dy), "{t}: {dy}");
    }
    // A value label centred above its bar sits at the bar's centre.
    let bar = &bars(&doc)[0];
    let value = text_node(&all, &format!("951{NNBSP}418"));
    assert!((attr_f64(value, "x") - (bar.x + bar.width / 2.0)).abs() <= 1.0);
    assert!(attr_f64(value, "y") < bar.y);
}

/// Pixels darker than `limit` on every channel in the rectangle `[x0, x1) × [y0, y1)`.
fn dark(img: &image::RgbImage, (x0, y0, x1, y1): (u32, u32, u32, u32), limit: u8) -> usize {
    (x0..x1)
        .flat_map(|x| (y0..y1).map(move |y| (x, y)))
        .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|&c| c < limit))
        .count()
}

#[test]
fn png_of_french_labels_has_the_expected_size_and_text_drawn_at_the_scale() {
    let data = data(&[("Ouaddaï", 721_166.0), ("Guéra", 538_359.0)]);
    let spec = BarChartSpec {
        title: "Population recensée en 2009 — Ouaddaï et Guéra".to_string(),
        source: "Source : RGPH2 2009 (INSEED)".to_string(),
        horizontal: true,
        ..BarChartSpec::default()
    };
    let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let first = &bars(&doc)[0];
    let one = decode(&bar_chart_png(&spec, &data, 1, Lang::Fr).unwrap());
    let two = decode(&bar_chart_png(&spec, &data, 2, Lang::Fr).unwrap());
    assert_eq!(one.dimensions(), (960, 540));
    assert_eq!(two.dimensions(), (1920, 1080));
    // "Ouaddaï" is drawn left of its bar, at both scales, with four times the ink at 2×
    // (rasterised at the scale, not enlarged).
    let label = (
        28,
        first.y as u32,
        first.x as u32 - 4,
        (first.y + first.height) as u32,
    );
    let ink1 = dark(&one, label, 128);
    let ink2 = dark(
        &two,
        (label.0 * 2, label.1 * 2, label.2 * 2, label.3 * 2),
        128,
    );
    assert!(ink1 > 30, "label pixels at 1×: {ink1}");
    assert!(
        (ink1 * 3..=ink1 * 5).contains(&ink2),
        "label pixels: {ink1} at 1×, {ink2} at 2×"
    );
    // The bar is where the SVG says, at both scales.
    let (cx, cy) = (first.x + first.width / 2.0, first.y + first.height / 2.0);
    assert_eq!(one.get_pixel(cx as u32, cy as u32).0, [0x00, 0x72, 0xB2]);
    assert_eq!(
        two.get_pixel((cx * 2.0) as u32, (cy * 2.0) as u32).0,
        [0x00, 0x72, 0xB2]
    );
}

#[test]
fn turned_labels_are_drawn_in_the_png_too() {
    let data: Vec<BarDatum> = (0..23)
        .map(|i| datum(format!("Préfecture numéro {i}"), 1000.0 * f64::from(i + 1)))
        .collect();
    let spec = BarChartSpec::default();
    let svg = bar_chart_svg(&spec, &data, Lang::Fr).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let all = texts(&doc);
    let label = text_node(&all, "Préfecture numéro 0");
    assert!(label
        .attribute("transform")
        .is_some_and(|t| t.starts_with("rotate(270")));
    // Under the bars, the turned labels leave ink in the PNG.
    let bottom = bars(&doc)
        .iter()
        .map(|b| b.y + b.height)
        .fold(0.0, f64::max);
    let img = decode(&bar_chart_png(&spec, &data, 1, Lang::Fr).unwrap());
    let ink = dark(&img, (28, bottom as u32 + 4, 932, bottom as u32 + 60), 128);
    assert!(ink > 500, "turned label pixels: {ink}");
}
