//! What every benchmark shares: reading its options, timing a piece of work, and writing
//! a duration.

use std::convert::Infallible;
use std::time::{Duration, Instant};

pub type BoxError = Box<dyn std::error::Error>;

/// Reads `--name N` options into the numbers they name (a value that does not parse
/// leaves the default); any other argument is an error.
pub fn options(args: &[String], numbers: &mut [(&str, &mut usize)]) -> Result<(), BoxError> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let Some((_, n)) = numbers.iter_mut().find(|(name, _)| name == a) else {
            return Err(format!("unknown argument {a}").into());
        };
        **n = it.next().and_then(|v| v.parse().ok()).unwrap_or(**n);
    }
    Ok(())
}

/// The middle of some timings (zero when there are none).
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// The time of each of `reps` runs of `f`; the first error stops.
pub fn try_runs<T, E>(
    reps: usize,
    mut f: impl FnMut() -> Result<T, E>,
) -> Result<Vec<Duration>, E> {
    let mut times = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = Instant::now();
        std::hint::black_box(f()?);
        times.push(t.elapsed());
    }
    Ok(times)
}

/// The time of each of `reps` runs of `f`.
pub fn runs<T>(reps: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    let Ok(times) = try_runs(reps, || Ok::<T, Infallible>(f()));
    times
}

/// The median time of `reps` runs of `f`.
pub fn time<T>(reps: usize, f: impl FnMut() -> T) -> Duration {
    median(runs(reps, f))
}

/// The median time of `reps` runs of `f`; the first error stops.
pub fn try_time<T>(
    reps: usize,
    f: impl FnMut() -> Result<T, BoxError>,
) -> Result<Duration, BoxError> {
    try_runs(reps, f).map(median)
}

/// A duration in milliseconds with `decimals` decimals: `12.35 ms`.
pub fn ms(d: Duration, decimals: usize) -> String {
    format!("{:.*} ms", decimals, d.as_secs_f64() * 1000.0)
}
