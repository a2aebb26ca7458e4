//! `preview_file` on arbitrary bytes written to a temporary file; the first byte picks
//! the file name (csv, tsv, txt, xlsx, xls, xlsb, ods, none). No panic; a preview has at
//! most 20 rows, each as wide as the columns.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let names = datajam_fuzz::PREVIEW_NAMES;
    let (name, rest) = match data.split_first() {
        Some((b, rest)) => (names[usize::from(*b) % names.len()], rest),
        None => (names[0], data),
    };
    datajam_fuzz::check_preview(name, rest);
});
