//! `datajam-bench charts`: drawing times of the chart engine, end to end from an
//! imported table (SQL read, aggregation, layout, SVG writing or PNG rasterising and
//! encoding), median of N runs after a warm-up.
//!
//! - a 10,000-point scatter plot to SVG and to PNG at 2× (1920 × 1080);
//! - the map of Chad's 23 provinces (choropleth, SVG and PNG 2×);
//! - a sorted bar chart of the 23 provinces (SVG).
//!
//! `bench/charts_matplotlib.py` draws the same scatter with matplotlib for comparison.

use std::path::Path;
use std::time::{Duration, Instant};

use datajam::chart::{chart_table, ChartRequest, Format, Kind};
use datajam::i18n::Lang;
use datajam::import::{import_bytes, ImportOptions};
use datajam::store::Store;

use crate::measure::{self, median, BoxError};

fn p95(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[((v.len() as f64) * 0.95).ceil() as usize - 1]
}

fn ms(d: Duration) -> String {
    measure::ms(d, 1)
}

/// Scatter data: x uniform, y = a noisy function of x, deterministic (LCG).
fn scatter_csv(points: usize) -> String {
    let mut s = String::from("x;y\n");
    let mut state: u64 = 42;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..points {
        let x = next() * 1000.0;
        let y = 0.6 * x + next() * 300.0;
        s.push_str(&format!("{x:.3};{y:.3}\n"));
    }
    s
}

pub fn run(args: &[String]) -> Result<(), BoxError> {
    let mut reps = 21usize;
    let mut points = 10_000usize;
    measure::options(
        args,
        &mut [("--reps", &mut reps), ("--points", &mut points)],
    )?;
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(dir.path())?;
    let opts = ImportOptions::default();
    import_bytes(
        store.conn_mut(),
        "nuage.csv",
        scatter_csv(points).as_bytes(),
        &opts,
    )?;
    let provinces = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../sample-data/reference/chad_provinces.csv"),
    )?;
    import_bytes(store.conn_mut(), "provinces.csv", &provinces, &opts)?;
    let conn = store.conn();

    let mut scatter = ChartRequest::new(Kind::Scatter, "x");
    scatter.y = Some("y".into());
    scatter.title = Some("Nuage de 10 000 points".into());
    scatter.source = Some("Données simulées".into());
    let mut map = ChartRequest::new(Kind::Map, "province");
    map.y = Some("pop_2009_source_a".into());
    map.title = Some("Population recensée en 2009".into());
    map.source = Some("RGPH2 2009".into());
    let mut bars = ChartRequest::new(Kind::Hbar, "province");
    bars.y = Some("pop_2009_source_a".into());
    bars.sort = Some(true);

    let cases: [(&str, &str, &ChartRequest, Format, &str); 5] = [
        (
            "scatter, 10,000 points → SVG",
            "nuage",
            &scatter,
            Format::Svg,
            "< 100 ms",
        ),
        (
            "scatter, 10,000 points → PNG 2× (1920×1080)",
            "nuage",
            &scatter,
            Format::Png { scale: 2 },
            "< 300 ms",
        ),
        (
            "map of Chad, 23 provinces → SVG",
            "provinces",
            &map,
            Format::Svg,
            "< 100 ms",
        ),
        (
            "map of Chad → PNG 2× (1920×1240)",
            "provinces",
            &map,
            Format::Png { scale: 2 },
            "",
        ),
        (
            "sorted bars, 23 provinces → SVG",
            "provinces",
            &bars,
            Format::Svg,
            "",
        ),
    ];
    println!("Charts: {points} scatter points; median and p95 of {reps} runs after one warm-up; end to end from the SQLite table.\n");
    println!("| chart | median | p95 | output | target |");
    println!("|---|---:|---:|---:|---:|");
    for (name, table, req, format, target) in cases {
        let warm = chart_table(conn, table, req, format, Lang::Fr)?;
        let mut times = Vec::with_capacity(reps);
        for _ in 0..reps {
            let t = Instant::now();
            let r = chart_table(conn, table, req, format, Lang::Fr)?;
            times.push(t.elapsed());
            std::hint::black_box(r.bytes.len());
        }
        println!(
            "| {name} | {} | {} | {:.0} kB | {target} |",
            ms(median(times.clone())),
            ms(p95(times)),
            warm.bytes.len() as f64 / 1000.0
        );
    }
    Ok(())
}
