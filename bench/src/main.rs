//! The benchmark program (a program, not a timed test): `cargo run --release -p
//! datajam-bench [-- MODE]`. Each mode prints its figures, each beside its limit measured
//! in the same run.
//!
//! - no mode: the import (see `import.rs`);
//! - `progress [--answers N] [--slow-answers N]`: recording answers (as the history grows,
//!   and on a disk with a 10 ms fsync) and merging progress files (`progress.rs`);
//! - `indicators [--rows N]`: Gini/Palma over 1,000,000 values and province normalisation
//!   of 1,000,000 rows (`indicators.rs`);
//! - `engine [--rows N]`: Table Schema checks, pack loading, XLSForm reading and form
//!   validation (`engine.rs`);
//! - `analysis`, `tasks`, `charts`: see their files.

mod analysis;
mod charts;
mod engine;
mod import;
mod indicators;
mod measure;
mod progress;
mod slowdisk;
mod tasks;

use measure::BoxError;

/// A benchmark mode, given the arguments after its name.
type Benchmark = fn(&[String]) -> Result<(), BoxError>;

fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().collect();
    let benchmark: Option<Benchmark> = match args.get(1).map(String::as_str) {
        Some("progress") => Some(progress::run),
        Some("analysis") => Some(analysis::run),
        Some("indicators") => Some(indicators::run),
        Some("tasks") => Some(tasks::run),
        Some("engine") => Some(engine::run),
        Some("charts") => Some(charts::run),
        _ => None,
    };
    if let Some(run) = benchmark {
        return run(&args[2..]);
    }
    // Child modes of the import bench (one thing done, the peak memory printed).
    if let (Some(mode), Some(path)) = (args.get(1), args.get(2)) {
        if import::child(mode, path)? {
            return Ok(());
        }
    }
    import::run(args.get(1..).unwrap_or_default())
}
