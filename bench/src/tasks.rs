//! Data-task benchmark: `cargo run --release -p datajam-bench -- tasks [--rows N] [--reps R]`.
//!
//! - Opening a pack now proves its data and chart tasks (`datatask::check_tasks`: the
//!   datasets into an in-memory database, every reference and feedback run). Measured on
//!   the built-in pack: `Pack::builtin()` in all, and `check_tasks` alone; and `pack::parse`
//!   of its files beside the same files cut down to the one-lesson pack it was before the
//!   workshop's lessons, with the 50 ms limit of the app's start.
//! - `Workshop::submit_pipeline` (run the trainee's pipeline and the reference, compare,
//!   run the feedback pipelines when wrong, durable commit, step view), right and wrong,
//!   on the built-in pack, and on a generated pack of N rows (default 50,000) with two
//!   tasks: a group by province (23 result rows) and a filter keeping most rows (the
//!   comparison of two large tables). Also that pack's `check_tasks`. Medians of R runs.

use std::time::{Duration, Instant};

use datajam::i18n::Lang;
use datajam::pack::Pack;
use datajam::workshop::StepAt;
use datajam::Workshop;
use serde_json::json;

use crate::measure::{self, median, time, BoxError};

fn ms(d: Duration) -> String {
    measure::ms(d, 2)
}

const LESSON: &str = r#"+++
id = "l"
title = { fr = "Banc" }
+++

## Par province {#groupe}

```exercise
kind = "data"
dataset = "ecoles"
[reference]
steps = [ { op = "group", by = ["province"], aggregates = [{ fn = "sum", column = "eleves", as = "total" }] } ]
[[feedback]]
message = "Compté au lieu de sommé."
pipeline = { steps = [ { op = "group", by = ["province"], aggregates = [{ fn = "count", as = "total" }] } ] }
```

## Grandes écoles {#filtre}

```exercise
kind = "data"
dataset = "ecoles"
[reference]
steps = [ { op = "filter", conditions = [{ column = "eleves", cmp = "ge", value = 20 }] } ]
[[feedback]]
message = "Strictement plus de 20."
pipeline = { steps = [ { op = "filter", conditions = [{ column = "eleves", cmp = "gt", value = 20 }] } ] }
```
"#;

const PROVINCES: &[&str] = &[
    "Batha",
    "Borkou",
    "Guéra",
    "Kanem",
    "Lac",
    "Mandoul",
    "Ouaddaï",
    "Salamat",
    "Sila",
    "Tandjilé",
    "Tibesti",
    "Wadi Fira",
    "Hadjer-Lamis",
    "Chari-Baguirmi",
    "Moyen-Chari",
    "Logone Occidental",
    "Logone Oriental",
    "Mayo-Kebbi Est",
    "Mayo-Kebbi Ouest",
    "Barh El Gazel",
    "Ennedi-Est",
    "Ennedi-Ouest",
    "Ville de N'Djamena",
];

fn make_pack(dir: &std::path::Path, rows: usize) -> Result<(), BoxError> {
    std::fs::create_dir_all(dir.join("lessons"))?;
    std::fs::create_dir_all(dir.join("data"))?;
    std::fs::write(
        dir.join("pack.toml"),
        "schema = 1\nid = \"banc\"\nversion = \"1\"\nlicence = \"CC0\"\nlessons = [\"lessons/l.md\"]\ntitle = { fr = \"Banc\" }\n",
    )?;
    std::fs::write(
        dir.join("datapackage.json"),
        r#"{"licenses": [{"name": "CC0-1.0"}], "resources": [{"name": "ecoles", "path": "data/ecoles.csv",
            "sources": [{"title": "Generated for the benchmark"}], "schema": {"fields": [
            {"name": "ecole", "type": "string"}, {"name": "province", "type": "string"},
            {"name": "eleves", "type": "integer"}]}}]}"#,
    )?;
    let mut csv = String::from("ecole,province,eleves\n");
    let mut x: u64 = 42;
    for i in 0..rows {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let p = PROVINCES[(x >> 33) as usize % PROVINCES.len()];
        let eleves = 5 + (x >> 40) % 400;
        csv.push_str(&format!("E{i},{p},{eleves}\n"));
    }
    std::fs::write(dir.join("data/ecoles.csv"), csv)?;
    std::fs::write(dir.join("lessons/l.md"), LESSON)?;
    Ok(())
}

pub fn run(args: &[String]) -> Result<(), BoxError> {
    let mut rows = 50_000usize;
    let mut reps = 7usize;
    measure::options(args, &mut [("--rows", &mut rows), ("--reps", &mut reps)])?;
    let reps = reps.max(1);
    println!("# Data tasks (median of {reps} runs)");

    let builtin = Pack::builtin()?;
    let open = time(reps, || Pack::builtin().map(|p| p.lessons.len()));
    let check = time(reps, || {
        datajam::pack::proofs::check_tasks(&builtin.lessons, &builtin.datasets, builtin.files())
            .len()
    });
    println!(
        "built-in pack: Pack::builtin() {} (of which check_tasks {})",
        ms(open),
        ms(check)
    );
    // The same pack cut down to what it was before the two-day workshop was written (one
    // lesson, `premiers-pas`, on one table), parsed in this run: the figure to compare
    // with, and the limit a start of the app can afford.
    let small = one_lesson_pack(builtin.files())?;
    let open_small = time(reps, || {
        datajam::pack::parse(small.clone(), datajam::pack::Origin::Builtin)
            .0
            .map(|p| p.lessons.len())
    });
    let open_full = time(reps, || {
        datajam::pack::parse(builtin.files().clone(), datajam::pack::Origin::Builtin)
            .0
            .map(|p| p.lessons.len())
    });
    let steps: usize = builtin.lessons.iter().map(|l| l.steps.len()).sum();
    println!(
        "opening the built-in pack ({} lessons, {steps} steps, {} datasets): {} | one-lesson pack of before (premiers-pas, 1 dataset): {} | ratio {:.1}× | limit 50 ms: {}",
        builtin.lessons.len(),
        builtin.datasets.len(),
        ms(open_full),
        ms(open_small),
        open_full.as_secs_f64() / open_small.as_secs_f64(),
        if open_full < Duration::from_millis(50) { "met" } else { "MISSED" }
    );

    let dir = tempfile::tempdir()?;
    let mut w = Workshop::open(dir.path(), Lang::Fr)?;
    let (pack, lesson, step) = ("datajam-tchad", "premiers-pas", "tableau-moins-peuplees");
    let right = json!({"steps": [
        {"op": "sort", "keys": [{"column": "population_2009_a", "desc": false}]},
        {"op": "limit", "n": 5}]});
    let wrong = json!({"steps": [{"op": "limit", "n": 5}]});
    let mut n = 0;
    let mut submit =
        |w: &mut Workshop, pack: &str, lesson: &str, step: &str, p: &serde_json::Value| {
            n += 1;
            let id = w.create_profile(&format!("T{n}")).unwrap().id;
            let t = Instant::now();
            let o = w
                .submit_pipeline(&StepAt::new(&id, pack, lesson, step), p)
                .unwrap();
            (t.elapsed(), o.verdict)
        };
    let mut timed = |w: &mut Workshop,
                     pack: &str,
                     lesson: &str,
                     step: &str,
                     p: &serde_json::Value,
                     label: &str| {
        let mut v = Vec::new();
        let mut verdict = "";
        for _ in 0..reps {
            let (d, verdict_now) = submit(w, pack, lesson, step, p);
            v.push(d);
            verdict = verdict_now;
        }
        println!("{label}: submit_pipeline {} ({verdict})", ms(median(v)));
    };
    timed(
        &mut w,
        pack,
        lesson,
        step,
        &right,
        "built-in, 23 rows, right (saves the result table)",
    );
    timed(
        &mut w,
        pack,
        lesson,
        step,
        &wrong,
        "built-in, 23 rows, wrong",
    );

    let src = tempfile::tempdir()?;
    make_pack(src.path(), rows)?;
    let t = Instant::now();
    let big = Pack::from_dir(src.path())?;
    let load = t.elapsed();
    let check = time(reps.min(3), || {
        datajam::pack::proofs::check_tasks(&big.lessons, &big.datasets, big.files()).len()
    });
    println!(
        "generated pack, {rows} rows: Pack::from_dir {} (check_tasks alone {})",
        ms(load),
        ms(check)
    );
    w.add_pack(big)?;
    let group_right = json!({"steps": [{"op": "group", "by": ["province"], "aggregates": [{"fn": "sum", "column": "eleves", "as": "n"}]}]});
    let group_wrong = json!({"steps": [{"op": "group", "by": ["province"], "aggregates": [{"fn": "mean", "column": "eleves", "as": "n"}]}]});
    let filter_right = json!({"steps": [{"op": "filter", "conditions": [{"column": "eleves", "cmp": "gt", "value": 19}]}]});
    let filter_wrong = json!({"steps": [{"op": "filter", "conditions": [{"column": "eleves", "cmp": "gt", "value": 21}]}]});
    timed(
        &mut w,
        "banc",
        "l",
        "groupe",
        &group_right,
        &format!("{rows} rows, group by province, right"),
    );
    timed(
        &mut w,
        "banc",
        "l",
        "groupe",
        &group_wrong,
        &format!("{rows} rows, group by province, wrong (feedback run)"),
    );
    timed(
        &mut w,
        "banc",
        "l",
        "filtre",
        &filter_right,
        &format!("{rows} rows, filter keeping ~96 %, right"),
    );
    timed(
        &mut w,
        "banc",
        "l",
        "filtre",
        &filter_wrong,
        &format!("{rows} rows, filter keeping ~96 %, wrong (feedback run)"),
    );
    Ok(())
}

/// The built-in pack's files with only the lesson `premiers-pas` and the table it reads
/// (`provinces_2009`): the built-in pack as it was before the workshop's lessons.
fn one_lesson_pack(
    files: &std::collections::BTreeMap<String, Vec<u8>>,
) -> Result<std::collections::BTreeMap<String, Vec<u8>>, BoxError> {
    let mut out = std::collections::BTreeMap::new();
    let manifest = String::from_utf8(files["pack.toml"].clone())?;
    let mut toml: toml::Table = manifest.parse()?;
    toml.insert(
        "lessons".into(),
        toml::Value::Array(vec!["lessons/01-premiers-pas.md".into()]),
    );
    toml.remove("guide");
    toml.remove("questions");
    out.insert("pack.toml".to_string(), toml.to_string().into_bytes());
    let mut package: serde_json::Value = serde_json::from_slice(&files["datapackage.json"])?;
    if let Some(r) = package["resources"].as_array_mut() {
        r.retain(|r| r["name"] == "provinces_2009");
    }
    out.insert("datapackage.json".into(), serde_json::to_vec(&package)?);
    for k in ["lessons/01-premiers-pas.md", "data/provinces_2009.csv"] {
        out.insert(k.to_string(), files[k].clone());
    }
    Ok(out)
}
