//! Indicators benchmark: `cargo run --release -p datajam-bench -- indicators [--rows N] [--reps N]`.
//!
//! - The pure functions on N values (default 1,000,000 incomes, log-normal-like, from a
//!   fixed-seed generator): `gini`, `gini_weighted`, `palma`, `s80_s20` (each sorts a copy).
//! - `indicators::compute` Gini and Palma on a table of N rows (read from SQLite included).
//! - `provinces::normalise_column` on N rows spelled 60 ways (provinces, aliases, case and
//!   accent variants, plus unknown towns), in a fresh WAL database, with the column added
//!   the first time and refreshed the second.

use std::time::{Duration, Instant};

use datajam::analysis::indicators::{self, IndicatorRequest};
use datajam::analysis::provinces;
use datajam::i18n::Lang;
use datajam::import::{import_file, ImportOptions};
use datajam::store::Store;

use crate::measure::{self, BoxError};

/// xorshift64*: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn incomes(n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let values = (0..n)
        .map(|_| {
            // Sum of uniforms ~ normal; exp gives a skewed, income-like distribution.
            let z: f64 = (0..4).map(|_| rng.unit()).sum::<f64>() - 2.0;
            (10.0 + 1.2 * z).exp().round()
        })
        .collect();
    let weights = (0..n).map(|_| 1.0 + (rng.next() % 8) as f64).collect();
    (values, weights)
}

/// The median time of `reps` runs after a warm-up one, and what the last run gave.
fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut out = f();
    (measure::time(reps, || out = f()), out)
}

fn ms(d: Duration) -> String {
    measure::ms(d, 1)
}

pub fn run(args: &[String]) -> Result<(), BoxError> {
    let mut rows = 1_000_000usize;
    let mut reps = 5usize;
    measure::options(args, &mut [("--rows", &mut rows), ("--reps", &mut reps)])?;
    let (values, weights) = incomes(rows);
    println!("{rows} values; median of {reps} runs after a warm-up\n");
    println!("| measure | median | figure |");
    println!("|---|---:|---:|");
    let (d, g) = time(reps, || indicators::gini(&values));
    println!(
        "| gini (sort + one pass) | {} | {:.4} |",
        ms(d),
        g.unwrap_or(f64::NAN)
    );
    let (d, g) = time(reps, || indicators::gini_weighted(&values, &weights));
    println!(
        "| gini_weighted (Lorenz, trapezoids) | {} | {:.4} |",
        ms(d),
        g.unwrap_or(f64::NAN)
    );
    let (d, p) = time(reps, || indicators::palma(&values, None));
    println!("| palma | {} | {:.4} |", ms(d), p.unwrap_or(f64::NAN));
    let (d, p) = time(reps, || indicators::s80_s20(&values, None));
    println!("| s80_s20 | {} | {:.4} |", ms(d), p.unwrap_or(f64::NAN));

    // The same values in an imported table.
    let dir = tempfile::tempdir()?;
    let csv = dir.path().join("menages.csv");
    let spellings = spellings();
    {
        let mut w = csv::Writer::from_path(&csv)?;
        w.write_record(["id", "province", "revenu", "poids"])?;
        for (i, (v, wt)) in values.iter().zip(&weights).enumerate() {
            w.write_record([
                i.to_string(),
                spellings[i % spellings.len()].to_string(),
                v.to_string(),
                wt.to_string(),
            ])?;
        }
        w.flush()?;
    }
    let mut store = Store::open(&dir.path().join("data"))?;
    let t = Instant::now();
    import_file(store.conn_mut(), &csv, &ImportOptions::default())?;
    println!(
        "| (setup) import of the {rows}-row CSV | {} | |",
        ms(t.elapsed())
    );
    for kind in ["gini", "palma"] {
        let req = IndicatorRequest {
            kind: kind.into(),
            value: Some("revenu".into()),
            ..Default::default()
        };
        let (d, r) = time(reps, || {
            indicators::compute(store.conn(), "menages", &req, Lang::Fr)
        });
        let r = r?;
        println!(
            "| compute {kind} on the table (SQLite read included) | {} | {} |",
            ms(d),
            r.value_fr
        );
    }
    let req = IndicatorRequest {
        kind: "gini".into(),
        value: Some("revenu".into()),
        weight: Some("poids".into()),
        ..Default::default()
    };
    let (d, r) = time(reps, || {
        indicators::compute(store.conn(), "menages", &req, Lang::Fr)
    });
    println!(
        "| compute weighted gini on the table | {} | {} |",
        ms(d),
        r?.value_fr
    );

    let t = Instant::now();
    let first = provinces::normalise_column(store.conn_mut(), "menages", "province")?;
    let d1 = t.elapsed();
    let t = Instant::now();
    let again = provinces::normalise_column(store.conn_mut(), "menages", "province")?;
    let d2 = t.elapsed();
    assert_eq!(first, again);
    println!(
        "| normalise_column, {} spellings: column added (one transaction, WAL, sync=FULL) | {} | {} rows matched, {} unmatched spellings |",
        spellings.len(),
        ms(d1),
        first.matched,
        first.unmatched.len()
    );
    println!("| normalise_column again (refresh) | {} | |", ms(d2));
    // The floor: rewriting the column of every row, with no look-up at all.
    let t = Instant::now();
    {
        let tx = store.conn_mut().transaction()?;
        tx.execute("UPDATE menages SET iso_3166_2 = province", [])?;
        tx.commit()?;
    }
    println!(
        "| bare UPDATE copying the column into iso_3166_2, one transaction (floor) | {} | |",
        ms(t.elapsed())
    );
    let t = Instant::now();
    let mut n = 0usize;
    for i in 0..rows {
        n += usize::from(provinces::normalise(&spellings[i % spellings.len()]).is_some());
    }
    println!(
        "| provinces::normalise called once per row, in memory (for comparison) | {} | {n} matched |",
        ms(t.elapsed())
    );
    Ok(())
}

fn spellings() -> Vec<String> {
    let mut out: Vec<String> = ["Abéché", "Moundou", "Sarh", "Ennedi", "Inconnu"]
        .map(String::from)
        .to_vec();
    for p in provinces::all() {
        out.push(p.name.clone());
        out.push(p.name.to_uppercase());
        if let Some(a) = p.aliases.first() {
            out.push(a.to_lowercase());
        }
    }
    out.truncate(60);
    out
}
