//! Arbitrary bytes as a CSV/TSV/TXT file: no panic; a failed import leaves nothing behind.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the extension (which changes the delimiter preference).
    let (name, rest) = match data.split_first() {
        Some((b, rest)) => (["f.csv", "f.tsv", "f.txt", "f"][usize::from(*b % 4)], rest),
        None => ("f.csv", data),
    };
    datajam_fuzz::check_import(name, rest);
});
