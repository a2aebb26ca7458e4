//! Charts drawn from imported tables, checked on their structure (parsed SVG), not on
//! pixels: bars per category in order, texts with accents, French numbers, series,
//! points, the map's province areas and classes, notes, PNG sizes, advice, errors, CLI.

use std::path::Path;

use datajam::chart::{
    self, advise_table, chart_svg_for, chart_table, Agg, ChartError, ChartRequest, Format, Kind,
    Question,
};
use datajam::i18n::Lang;
use datajam::import::{import_bytes, ImportOptions};
use datajam::store::Store;
use datajam::Error;

#[path = "support/cli.rs"]
mod cli;

const NNBSP: char = '\u{202F}';

const CENSUS: &str = "Province;Population;Ménages\n\
Guéra;538359;90000\n\
Ouaddaï;721166;120000\n\
Lac;451369;75000\n\
Tibesti;25483;5000\n\
Ville de N'Djamena;951418;180000\n\
Salamat;;52000\n\
Guéra;1000;10\n";

fn series_csv() -> String {
    let mut s = String::from("Année;Sexe;Effectif;Taux\n");
    for (i, year) in (2018..=2022).enumerate() {
        s.push_str(&format!("{year};Filles;{};{},5\n", 100 + i * 10, 40 + i));
        s.push_str(&format!("{year};Garçons;{};{},25\n", 120 + i * 5, 50 + i));
    }
    s
}

struct Fixture {
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    store: Store,
}

fn fixture(files: &[(&str, &str)]) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut store = Store::open(&data).unwrap();
    for (name, text) in files {
        import_bytes(
            store.conn_mut(),
            name,
            text.as_bytes(),
            &ImportOptions::default(),
        )
        .unwrap();
    }
    Fixture {
        _dir: dir,
        data,
        store,
    }
}

impl Fixture {
    /// The chart `r` of `table` drawn as SVG, in French, with its notes.
    fn svg(&self, table: &str, r: &ChartRequest) -> (String, Vec<String>) {
        chart_svg_for(self.store.conn(), table, r, Lang::Fr).unwrap()
    }

    /// The chart `r` of `table` saved to `path` (its extension picks the format) at `scale`.
    fn save(
        &self,
        table: &str,
        r: &ChartRequest,
        path: &Path,
        scale: u32,
    ) -> datajam::Result<Vec<String>> {
        chart::save(self.store.conn(), table, r, path, scale, Lang::Fr)
    }
}

fn provinces_csv() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/reference/chad_provinces.csv"),
    )
    .unwrap()
}

fn req(kind: Kind, x: &str, y: Option<&str>) -> ChartRequest {
    let mut r = ChartRequest::new(kind, x);
    r.y = y.map(String::from);
    r
}

fn with_class<'a, 'i>(
    doc: &'a roxmltree::Document<'i>,
    class: &str,
) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        })
        .collect()
}

fn texts(doc: &roxmltree::Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect()
}

fn f(n: roxmltree::Node<'_, '_>, a: &str) -> f64 {
    n.attribute(a).unwrap().parse().unwrap()
}

#[test]
fn sorted_hbar_has_one_bar_per_category_largest_first_with_french_texts() {
    let fx = fixture(&[("recensement.csv", CENSUS)]);
    let mut r = req(Kind::Hbar, "province", Some("Population"));
    r.sort = Some(true);
    r.title = Some("Population par région — Tchad, 2009".into());
    r.source = Some("RGPH2 (INSEED)".into());
    let (svg, notes) = fx.svg("recensement", &r);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let bars = with_class(&doc, "bar");
    let labels: Vec<&str> = bars
        .iter()
        .map(|b| b.attribute("data-label").unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Ville de N'Djamena", "Ouaddaï", "Guéra", "Lac", "Tibesti"]
    );
    // Guéra's two rows are summed; bars go down the page.
    assert_eq!(bars[2].attribute("data-value"), Some("539359"));
    for w in bars.windows(2) {
        assert!(f(w[0], "y") < f(w[1], "y"));
        assert!(f(w[0], "width") >= f(w[1], "width"));
    }
    let all = texts(&doc);
    assert!(all.contains(&"Population par région — Tchad, 2009".to_string()));
    assert!(
        all.contains(&"Source : RGPH2 (INSEED)".to_string()),
        "{all:?}"
    );
    assert!(all.contains(&"Ouaddaï".to_string()));
    assert!(all.contains(&format!("951{NNBSP}418")), "{all:?}");
    assert!(
        all.iter()
            .any(|t| t.ends_with(&format!("{NNBSP}000")) && t.len() > 4),
        "French ticks: {all:?}"
    );
    // Salamat has no population: left out, and said so.
    assert!(!labels.contains(&"Salamat"));
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("1 ligne sans nombre dans « Population »"),
        "{notes:?}"
    );
}

#[test]
fn vertical_bars_keep_alphabetical_order_and_count_rows_without_y() {
    let fx = fixture(&[("recensement.csv", CENSUS)]);
    let (svg, notes) = fx.svg("recensement", &req(Kind::Bar, "Province", None));
    assert!(notes.is_empty(), "{notes:?}");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let bars = with_class(&doc, "bar");
    let got: Vec<(&str, &str)> = bars
        .iter()
        .map(|b| {
            (
                b.attribute("data-label").unwrap(),
                b.attribute("data-value").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Guéra", "2"),
            ("Lac", "1"),
            ("Ouaddaï", "1"),
            ("Salamat", "1"),
            ("Tibesti", "1"),
            ("Ville de N'Djamena", "1")
        ]
    );
    for w in bars.windows(2) {
        assert!(f(w[0], "x") < f(w[1], "x"));
    }
    assert!(texts(&doc).contains(&"Nombre de lignes par Province".to_string()));
}

#[test]
fn aggregations_mean_median_min_max() {
    let fx = fixture(&[("recensement.csv", CENSUS)]);
    for (agg, guera) in [
        (Agg::Mean, "269679.5"),
        (Agg::Median, "269679.5"),
        (Agg::Min, "1000"),
        (Agg::Max, "538359"),
    ] {
        let mut r = req(Kind::Bar, "province", Some("population"));
        r.agg = Some(agg);
        let (svg, _) = fx.svg("recensement", &r);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let bar = with_class(&doc, "bar")
            .into_iter()
            .find(|b| b.attribute("data-label") == Some("Guéra"))
            .unwrap();
        assert_eq!(bar.attribute("data-value"), Some(guera), "{agg:?}");
    }
}

#[test]
fn grouped_and_stacked_bars_have_one_bar_per_category_and_group() {
    let fx = fixture(&[("effectifs.csv", &series_csv())]);
    for kind in [Kind::Grouped, Kind::Stacked] {
        let mut r = req(kind, "annee", Some("effectif"));
        r.group = Some("Sexe".into());
        let (svg, notes) = fx.svg("effectifs", &r);
        assert!(notes.is_empty(), "{notes:?}");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let bars = with_class(&doc, "bar");
        assert_eq!(bars.len(), 10, "{kind:?}");
        let filles: Vec<_> = bars
            .iter()
            .filter(|b| b.attribute("data-series") == Some("Filles"))
            .collect();
        assert_eq!(filles.len(), 5);
        let years: Vec<&str> = filles
            .iter()
            .map(|b| b.attribute("data-label").unwrap())
            .collect();
        assert_eq!(years, ["2018", "2019", "2020", "2021", "2022"]);
        assert_eq!(filles[4].attribute("data-value"), Some("140"));
        let legend = with_class(&doc, "legend");
        assert_eq!(legend.len(), 1);
        let legend_texts: Vec<_> = legend[0]
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or_default())
            .collect();
        assert_eq!(legend_texts, ["Filles", "Garçons"]);
        let garcons: Vec<_> = bars
            .iter()
            .filter(|b| b.attribute("data-series") == Some("Garçons"))
            .collect();
        if kind == Kind::Stacked {
            // Garçons sits on top of Filles in the same column.
            for (a, b) in filles.iter().zip(&garcons) {
                assert!((f(**a, "x") - f(**b, "x")).abs() < 0.01);
                assert!((f(**b, "y") + f(**b, "height") - f(**a, "y")).abs() < 0.2);
            }
        } else {
            for (a, b) in filles.iter().zip(&garcons) {
                assert!(f(**a, "x") < f(**b, "x"));
            }
        }
    }
}

#[test]
fn line_chart_draws_one_line_per_group_through_every_year() {
    let fx = fixture(&[("effectifs.csv", &series_csv())]);
    let mut r = req(Kind::Line, "Année", Some("Taux"));
    r.group = Some("sexe".into());
    r.agg = Some(Agg::Mean);
    let (svg, _) = fx.svg("effectifs", &r);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let lines = with_class(&doc, "line");
    assert_eq!(lines.len(), 2);
    for l in &lines {
        let xs: Vec<f64> = l
            .attribute("points")
            .unwrap()
            .split(' ')
            .map(|p| p.split(',').next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(xs.len(), 5);
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
    }
    assert_eq!(with_class(&doc, "point").len(), 10);
    let all = texts(&doc);
    assert!(all.contains(&"Moyenne de Taux".to_string()), "{all:?}");
    assert!(all.iter().any(|t| t.contains(',')) || all.iter().any(|t| t == "40"));
}

#[test]
fn scatter_has_a_point_per_row_and_labels_and_caps_huge_inputs() {
    let mut csv = String::from("nom;x;y\n");
    for i in 0..25_000 {
        csv.push_str(&format!("p{i};{};{}\n", i % 997, (i * 7) % 1013));
    }
    csv.push_str("vide;;3\n");
    let fx = fixture(&[("recensement.csv", CENSUS), ("nuage.csv", &csv)]);
    let mut r = req(Kind::Scatter, "population", Some("Ménages"));
    r.label = Some("province".into());
    let (svg, _) = fx.svg("recensement", &r);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(with_class(&doc, "point").len(), 6);
    let labels: Vec<_> = with_class(&doc, "point-label")
        .iter()
        .map(|n| n.text().unwrap().to_string())
        .collect();
    assert!(labels.contains(&"Ouaddaï".to_string()), "{labels:?}");

    let (svg, notes) = fx.svg("nuage", &req(Kind::Scatter, "x", Some("y")));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(with_class(&doc, "point").len(), 20_000);
    assert!(
        notes
            .iter()
            .any(|n| n.contains(&format!("20{NNBSP}000 points sur 25{NNBSP}000"))),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.contains("1 ligne sans nombre")),
        "{notes:?}"
    );
}

#[test]
fn histogram_bins_count_every_number_once() {
    let fx = fixture(&[("recensement.csv", CENSUS)]);
    let mut r = req(Kind::Histogram, "population", None);
    r.bins = Some(4);
    let (svg, notes) = fx.svg("recensement", &r);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let bars = with_class(&doc, "bar");
    assert_eq!(bars.len(), 4);
    let total: u32 = bars
        .iter()
        .map(|b| b.attribute("data-value").unwrap().parse::<u32>().unwrap())
        .sum();
    assert_eq!(total, 6);
    assert!(bars[0].attribute("data-label").unwrap().starts_with("[1"));
    assert!(notes[0].contains("1 ligne"), "{notes:?}");
}

#[test]
fn lorenz_curve_has_the_equality_line_and_the_gini_index() {
    let fx = fixture(&[("recensement.csv", CENSUS)]);
    let (svg, notes) = fx.svg("recensement", &req(Kind::Lorenz, "population", None));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(with_class(&doc, "equality").len(), 1);
    let curve = &with_class(&doc, "lorenz")[0];
    let gini: f64 = curve.attribute("data-gini").unwrap().parse().unwrap();
    assert!(gini > 0.2 && gini < 0.8, "{gini}");
    assert_eq!(curve.attribute("points").unwrap().split(' ').count(), 7);
    assert!(
        notes.iter().any(|n| n.starts_with("Indice de Gini : 0,")),
        "{notes:?}"
    );
    assert!(texts(&doc).contains(&"Égalité parfaite".to_string()));
    assert!(texts(&doc).iter().any(|t| t == "100\u{a0}%"));
}

#[test]
fn map_has_one_area_per_province_with_the_right_class() {
    let fx = fixture(&[("provinces.csv", &provinces_csv())]);
    let mut r = req(Kind::Map, "iso_3166_2", Some("pop_2009_source_a"));
    r.title = Some("Population recensée en 2009".into());
    let (svg, notes) = fx.svg("provinces", &r);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let areas = with_class(&doc, "province");
    assert_eq!(areas.len(), 22, "22 areas: the two Ennedi share one");
    let by_iso = |iso: &str| {
        areas
            .iter()
            .find(|a| a.attribute("data-iso") == Some(iso))
            .unwrap_or_else(|| panic!("{iso}"))
            .attribute("class")
            .unwrap()
            .to_string()
    };
    assert_eq!(by_iso("TD-ND"), "province q5"); // the largest population
    assert_eq!(by_iso("TD-TI"), "province q1"); // the smallest
    assert_eq!(by_iso("TD-MO"), "province q3"); // Mayo-Kebbi Ouest, read by its ISO code
                                                // Ennedi: both values known, so coloured, from the sum of both rows.
    let ennedi = areas
        .iter()
        .find(|a| a.attribute("data-iso") == Some("TD-EE TD-EO"))
        .unwrap();
    assert!(!ennedi.attribute("class").unwrap().contains("missing"));
    let both: u64 = ["TD-EE", "TD-EO"]
        .iter()
        .map(|c| {
            datajam::analysis::provinces::by_code(c)
                .unwrap()
                .pop_2009_a
                .unwrap()
        })
        .sum();
    assert_eq!(
        ennedi.attribute("data-value"),
        Some(both.to_string().as_str())
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("Ennedi-Est et Ennedi-Ouest")),
        "{notes:?}"
    );
    assert_eq!(with_class(&doc, "legend").len(), 1);
    assert!(texts(&doc).contains(&"Population recensée en 2009".to_string()));
    assert!(texts(&doc)
        .iter()
        .any(|t| t.contains(" à ") && t.contains(NNBSP)));
}

#[test]
fn map_greys_ennedi_with_one_value_reports_unknown_provinces_and_places_points() {
    let csv = "Région;Incidents;lat;lon\n\
Lac;12;13.45;14.71\n\
Guéra;3;11.9;18.4\n\
Ennedi-Est;4;17.2;22.5\n\
Atlantis;9;;\n\
N'Djaména;30;12.11;15.04\n\
Kanem;2;15.4;-14.3\n";
    let fx = fixture(&[("incidents.csv", csv)]);
    let mut r = req(Kind::Map, "Région", Some("Incidents"));
    r.lat = Some("lat".into());
    r.lon = Some("lon".into());
    let (svg, notes) = fx.svg("incidents", &r);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let areas = with_class(&doc, "province");
    let find = |iso: &str| {
        areas
            .iter()
            .find(|a| a.attribute("data-iso") == Some(iso))
            .unwrap()
    };
    assert!(find("TD-EE TD-EO")
        .attribute("class")
        .unwrap()
        .contains("missing"));
    assert!(find("TD-SA")
        .attribute("class")
        .unwrap()
        .contains("missing"));
    assert_eq!(find("TD-ND").attribute("class"), Some("province q4"));
    assert_eq!(find("TD-ND").attribute("data-value"), Some("30"));
    assert_eq!(with_class(&doc, "point").len(), 4);
    let all = notes.join("\n");
    assert!(all.contains("« Atlantis »"), "{all}");
    assert!(all.contains("une seule des deux provinces"), "{all}");
    assert!(all.contains("1 ligne sans latitude"), "{all}");
    assert!(all.contains("1 ligne hors du Tchad"), "{all}");
    assert!(texts(&doc).contains(&"Pas de donnée".to_string()));
}

#[test]
fn png_at_2x_is_twice_the_size_of_1x_and_not_blank() {
    let fx = fixture(&[
        ("recensement.csv", CENSUS),
        ("provinces.csv", &provinces_csv()),
    ]);
    let cases = [
        (
            "recensement",
            req(Kind::Hbar, "province", Some("population")),
        ),
        ("recensement", req(Kind::Histogram, "population", None)),
        (
            "provinces",
            req(Kind::Map, "province", Some("pop_2009_source_a")),
        ),
    ];
    for (table, r) in cases {
        let draw = |format| chart_table(fx.store.conn(), table, &r, format, Lang::Fr).unwrap();
        let one = draw(Format::Png { scale: 1 });
        let two = draw(Format::Png { scale: 2 });
        let a = image::load_from_memory(&one.bytes).unwrap().to_rgb8();
        let b = image::load_from_memory(&two.bytes).unwrap().to_rgb8();
        assert_eq!((b.width(), b.height()), (a.width() * 2, a.height() * 2));
        assert_eq!((one.width, one.height), (a.width(), a.height()));
        let dark = a.pixels().filter(|p| p.0.iter().all(|c| *c < 90)).count();
        assert!(dark > 200, "{table}: text and shapes drawn ({dark})");
        let svg = draw(Format::Svg);
        assert_eq!((svg.width, svg.height), (a.width(), a.height()));
        assert!(svg.svg().unwrap().starts_with("<svg"));
    }
}

#[test]
fn errors_name_the_problem_with_stable_codes() {
    let fx = fixture(&[("recensement.csv", CENSUS)]);
    let conn = fx.store.conn();
    let code = |r: &ChartRequest, table: &str| match chart_svg_for(conn, table, r, Lang::Fr) {
        Err(e) => (e.code(), e.message(datajam::i18n::Lang::Fr)),
        Ok(_) => panic!("expected an error for {r:?}"),
    };
    let (c, m) = code(&req(Kind::Bar, "région", None), "recensement");
    assert_eq!(c, "chart.unknown_column");
    assert!(m.contains("« région »"), "{m}");
    assert_eq!(
        code(&req(Kind::Bar, "province", None), "absent").0,
        "table.not_found"
    );
    let (c, m) = code(
        &req(Kind::Scatter, "province", Some("population")),
        "recensement",
    );
    assert_eq!(c, "chart.not_numeric");
    assert!(m.contains("Province"), "{m}");
    assert_eq!(
        code(&req(Kind::Scatter, "population", None), "recensement").0,
        "chart.missing_field"
    );
    assert_eq!(
        code(&req(Kind::Map, "ménages", None), "recensement").0,
        "chart.no_province"
    );
    assert!(matches!(
        Kind::parse("camembert"),
        Err(ChartError::UnknownKind(_))
    ));
    let e: Error = Kind::parse("camembert").unwrap_err().into();
    assert_eq!(e.code(), "chart.unknown_kind");
    assert!(e
        .message(datajam::i18n::Lang::Fr)
        .contains("bar, hbar, grouped"));
    let ui: Result<ChartRequest, _> = serde_json::from_str(r#"{"kind":"camembert","x":"a"}"#);
    assert!(ui.is_err());
    // save: a wrong extension writes nothing.
    let out = fx._dir.path().join("graphique.jpg");
    let e = fx
        .save("recensement", &req(Kind::Bar, "province", None), &out, 1)
        .unwrap_err();
    assert_eq!(e.code(), "chart.bad_extension");
    assert!(!out.exists());
}

#[test]
fn the_ui_request_with_nulls_draws_and_save_picks_the_format() {
    let fx = fixture(&[("recensement.csv", CENSUS)]);
    let r: ChartRequest = serde_json::from_str(
        r#"{"kind":"hbar","x":"province","y":"population","agg":"sum","group":null,"title":null,"source":"recensement.csv"}"#,
    )
    .unwrap();
    let (svg, _) = fx.svg("recensement", &r);
    assert!(svg.contains("Source : recensement.csv"));
    let dir = fx._dir.path();
    fx.save("recensement", &r, &dir.join("g.svg"), 1).unwrap();
    fx.save("recensement", &r, &dir.join("g.png"), 2).unwrap();
    let svg = std::fs::read_to_string(dir.join("g.svg")).unwrap();
    roxmltree::Document::parse(&svg).unwrap();
    let png = image::open(dir.join("g.png")).unwrap();
    assert_eq!(png.width(), 1920);
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn advice_for_each_question_reads_the_table() {
    let fx = fixture(&[
        ("effectifs.csv", &series_csv()),
        ("provinces.csv", &provinces_csv()),
    ]);
    let conn = fx.store.conn();
    let first = |t: &str, q| {
        advise_table(conn, t, q, Lang::Fr)
            .unwrap()
            .into_iter()
            .next()
    };
    let a = first("effectifs", Question::Trend).unwrap();
    assert_eq!((a.kind.as_str(), a.x.as_deref()), ("line", Some("annee")));
    assert_eq!(first("effectifs", Question::Compare).unwrap().kind, "hbar");
    let a = first("effectifs", Question::Relationship).unwrap();
    assert_eq!(
        (a.kind.as_str(), a.x.as_deref(), a.y.as_deref()),
        ("scatter", Some("effectif"), Some("taux"))
    );
    assert_eq!(
        first("effectifs", Question::Distribution).unwrap().kind,
        "histogram"
    );
    assert!(first("effectifs", Question::Geography).is_none());
    // The province column is found from its values.
    let a = first("provinces", Question::Geography).unwrap();
    assert_eq!((a.kind.as_str(), a.x.as_deref()), ("map", Some("province")));
    let a = first("provinces", Question::Inequality).unwrap();
    assert_eq!(a.kind, "lorenz");
    assert!(a.reason.contains("Gini"));
    // Every advised chart can be drawn.
    for q in Question::ALL {
        for a in advise_table(conn, "provinces", q, Lang::Fr).unwrap() {
            let r = req(
                Kind::parse(&a.kind).unwrap(),
                a.x.as_deref().unwrap(),
                a.y.as_deref(),
            );
            chart_svg_for(conn, "provinces", &r, Lang::Fr).unwrap_or_else(|e| panic!("{a:?}: {e}"));
        }
    }
}

#[test]
fn cli_chart_writes_svg_and_png_and_reports_errors_in_french() {
    let fx = fixture(&[("recensement.csv", CENSUS)]);
    let run = |args: &[&str]| cli::datajam(&fx.data, args);
    // `datajam chart recensement --kind KIND --x X` and the rest.
    let chart = |kind: &str, x: &str, rest: &[&str]| {
        let mut args = vec!["chart", "recensement", "--kind", kind, "--x", x];
        args.extend_from_slice(rest);
        run(&args)
    };
    let dir = fx._dir.path();
    let svg = dir.join("pop.svg");
    let out = chart(
        "hbar",
        "province",
        &[
            "--y",
            "population",
            "--sort",
            "--title",
            "Population (2009)",
            "--source",
            "RGPH2",
            "-o",
            svg.to_str().unwrap(),
            "--json",
        ],
    );
    cli::assert_ok(&out);
    let v = cli::json(&out);
    assert_eq!(v["path"], svg.to_str().unwrap());
    assert_eq!(v["notes"].as_array().unwrap().len(), 1);
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(with_class(&doc, "bar").len(), 5);

    let png = dir.join("pop.png");
    let out = chart(
        "bar",
        "province",
        &[
            "--agg",
            "count",
            "-o",
            png.to_str().unwrap(),
            "--scale",
            "2",
        ],
    );
    cli::assert_ok(&out);
    assert_eq!(image::open(&png).unwrap().width(), 1920);

    for (kind, x, error) in [
        (
            "camembert",
            "province",
            "Type de graphique inconnu « camembert »",
        ),
        ("bar", "région", "La colonne « région » n'existe pas"),
    ] {
        let out = chart(kind, x, &["-o", "x.svg"]);
        assert_eq!(out.status.code(), Some(1));
        cli::assert_stderr_has(&out, error);
    }

    let out = run(&[
        "chart-advice",
        "recensement",
        "--question",
        "compare",
        "--json",
    ]);
    assert!(out.status.success());
    let v = cli::json(&out);
    assert_eq!(v[0]["kind"], "hbar");
    assert!(v[0]["reason"].as_str().unwrap().contains("barres"));
}

#[test]
fn many_categories_and_groups_are_capped_with_a_note() {
    let mut csv = String::from("commune;groupe;valeur\n");
    for i in 0..45 {
        for g in 0..11 {
            csv.push_str(&format!("C{i:02};G{g:02};{}\n", i + g));
        }
    }
    let fx = fixture(&[("communes.csv", &csv)]);
    let mut r = req(Kind::Grouped, "commune", Some("valeur"));
    r.group = Some("groupe".into());
    let (svg, notes) = fx.svg("communes", &r);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(with_class(&doc, "bar").len(), 30 * 8);
    assert!(
        notes
            .iter()
            .any(|n| n == "Seules les 30 premières catégories sont montrées (sur 45)."),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Seuls les 8 groupes les plus grands")),
        "{notes:?}"
    );
    // The largest groups are kept: G03..G10.
    let series: std::collections::BTreeSet<_> = with_class(&doc, "bar")
        .iter()
        .map(|b| b.attribute("data-series").unwrap().to_string())
        .collect();
    assert_eq!(series.iter().next().map(String::as_str), Some("G03"));
    let (_, notes) = fx.svg("communes", &req(Kind::Hbar, "commune", Some("valeur")));
    assert!(
        notes.iter().any(|n| n.contains("30 premières catégories")),
        "{notes:?}"
    );
}
