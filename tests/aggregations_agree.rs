//! One aggregation: a chart's bars and a pipeline's group (both engines) give the same
//! figures for each calculation on the same data, missing values left out; a map area
//! whose values are all missing has no figure, as a pipeline's group gives none.

use datajam::analysis::pipeline::{self, Engine, Pipeline};
use datajam::chart::{chart_svg_for, Agg, ChartRequest, Kind};
use datajam::i18n::Lang;
use datajam::import::{import_bytes, ImportOptions};
use datajam::store::Store;
use serde_json::{json, Value};

/// Sums of reals that a plain running sum gets wrong (0.1 + 0.2 + 0.3), negative and
/// whole numbers, missing values, and a region with no number at all.
const DATA: &str = "region;valeur\n\
Lac;0,1\n\
Lac;0,2\n\
Lac;\n\
Lac;0,3\n\
Kanem;5\n\
Kanem;\n\
Kanem;-2,5\n\
Kanem;7\n\
Kanem;1e-17\n\
Guéra;12\n\
Salamat;\n\
Salamat;\n";

/// A workspace with `csv` imported as table `table`.
fn store_with(table: &str, csv: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let opts = ImportOptions {
        table: Some(table.into()),
        ..Default::default()
    };
    import_bytes(store.conn_mut(), "t.csv", csv.as_bytes(), &opts).unwrap();
    (dir, store)
}

/// The bars of a chart: (category, value).
fn bars(store: &Store, y: Option<&str>, agg: Agg) -> Vec<(String, f64)> {
    let mut r = ChartRequest::new(Kind::Bar, "region");
    r.y = y.map(String::from);
    r.agg = Some(agg);
    let (svg, _) = chart_svg_for(store.conn(), "t", &r, Lang::Fr).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("bar"))
        .map(|n| {
            (
                n.attribute("data-label").unwrap().to_string(),
                n.attribute("data-value").unwrap().parse().unwrap(),
            )
        })
        .collect()
}

/// The groups of a pipeline: (region, figure).
fn groups(store: &Store, aggregate: Value, engine: Engine) -> Vec<(String, Value)> {
    let p = Pipeline::from_value(json!({"steps": [
        {"op": "group", "by": ["region"], "aggregates": [aggregate]}
    ]}))
    .unwrap();
    let res = pipeline::run_with(store.conn(), "t", &p, 100, engine).unwrap();
    res.rows
        .iter()
        .map(|r| (r[0].as_str().unwrap().to_string(), r[1].clone()))
        .collect()
}

fn check(store: &Store, y: Option<&str>, agg: Agg) {
    let aggregate = match y {
        Some(c) => json!({"fn": agg.as_str(), "column": c, "as": "v"}),
        None => json!({"fn": agg.as_str(), "as": "v"}),
    };
    let chart = bars(store, y, agg);
    assert!(!chart.is_empty(), "{agg:?}");
    for engine in [Engine::Sql, Engine::Columns] {
        let groups = groups(store, aggregate.clone(), engine);
        assert_eq!(groups.len(), 4, "{agg:?} {engine:?}");
        for (region, figure) in &groups {
            match chart.iter().find(|(c, _)| c == region) {
                Some((_, v)) => assert_eq!(
                    figure.as_f64(),
                    Some(*v),
                    "{agg:?} {engine:?} {region}: chart {v}, pipeline {figure}"
                ),
                // A region with no number has no bar; its group has no figure (or 0 rows).
                None => {
                    assert_eq!(region, "Salamat", "{agg:?} {engine:?}");
                    assert!(
                        figure.is_null() || figure == &json!(0),
                        "{agg:?} {engine:?}: {figure}"
                    );
                }
            }
        }
        assert_eq!(
            chart.len(),
            groups
                .iter()
                .filter(|(_, f)| !f.is_null() && f != &json!(0))
                .count(),
            "{agg:?} {engine:?}"
        );
    }
}

#[test]
fn a_chart_and_a_pipeline_give_the_same_figures() {
    let (_dir, store) = store_with("t", DATA);
    for agg in [
        Agg::Sum,
        Agg::Mean,
        Agg::Median,
        Agg::Min,
        Agg::Max,
        Agg::Count,
    ] {
        check(&store, Some("valeur"), agg);
    }
    // Rows counted, with no value column: every region has rows.
    let chart = bars(&store, None, Agg::Count);
    let groups = groups(&store, json!({"fn": "count", "as": "v"}), Engine::Columns);
    assert_eq!(chart.len(), 4);
    for (region, figure) in groups {
        let (_, v) = chart.iter().find(|(c, _)| *c == region).unwrap();
        assert_eq!(figure.as_f64(), Some(*v), "{region}");
    }
    // The sum the chart draws is the compensated one: 0.1 + 0.2 + 0.3 = 0.6.
    let sums = bars(&store, Some("valeur"), Agg::Sum);
    assert!(sums.contains(&("Lac".to_string(), 0.6)), "{sums:?}");
}

#[test]
fn a_map_area_with_no_number_has_no_figure() {
    let (_dir, store) = store_with("m", "province;valeur\nLac;10\nLac;4\nKanem;\nKanem;\n");
    for agg in [Agg::Sum, Agg::Mean, Agg::Median, Agg::Min, Agg::Max] {
        let mut r = ChartRequest::new(Kind::Map, "province");
        r.y = Some("valeur".into());
        r.agg = Some(agg);
        let (svg, _) = chart_svg_for(store.conn(), "m", &r, Lang::Fr).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let area = |name: &str| {
            doc.descendants()
                .find(|n| n.attribute("data-name") == Some(name))
                .unwrap_or_else(|| panic!("no area {name}"))
        };
        assert!(area("Lac").attribute("data-value").is_some(), "{agg:?}");
        let kanem = area("Kanem");
        assert_eq!(kanem.attribute("data-value"), None, "{agg:?}");
        assert_eq!(
            kanem.attribute("class"),
            Some("province missing"),
            "{agg:?}"
        );
    }
}

#[test]
fn chart_requests_keep_their_names() {
    // The names of the JSON formats, as packs and saved answers hold them.
    for (name, agg) in [
        ("sum", Agg::Sum),
        ("mean", Agg::Mean),
        ("count", Agg::Count),
        ("median", Agg::Median),
        ("min", Agg::Min),
        ("max", Agg::Max),
    ] {
        let r: ChartRequest =
            serde_json::from_value(json!({"kind": "bar", "x": "a", "agg": name})).unwrap();
        assert_eq!(r.agg, Some(agg));
        assert_eq!(serde_json::to_value(&r).unwrap()["agg"], json!(name));
        assert_eq!(datajam::chart::parse_agg(name).unwrap(), agg);
    }
    // A chart does not draw a share, in JSON or typed.
    assert!(serde_json::from_value::<ChartRequest>(
        json!({"kind": "bar", "x": "a", "agg": "share"})
    )
    .is_err());
    assert!(datajam::chart::parse_agg("share").is_err());
    assert_eq!(datajam::chart::parse_agg("Moyenne").unwrap(), Agg::Mean);
    let p = Pipeline::from_value(json!({"steps": [{"op": "group", "by": ["a"],
        "aggregates": [{"fn": "share", "column": "b"}, {"fn": "median", "column": "b"}]}]}))
    .unwrap();
    let back = serde_json::to_value(&p).unwrap();
    assert_eq!(back["steps"][0]["aggregates"][0]["fn"], json!("share"));
    assert_eq!(back["steps"][0]["aggregates"][1]["fn"], json!("median"));
}
