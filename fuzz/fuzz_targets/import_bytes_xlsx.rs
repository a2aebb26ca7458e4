//! XLSX: the first byte picks a part of a valid sample workbook that the rest of the
//! input replaces (so fuzzing reaches the sheet XML parsers); 0xFF uses the input as the
//! whole file. No panic; a failed import leaves nothing behind.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = datajam_fuzz::fuzzed_package(datajam_fuzz::xlsx_parts(), data);
    datajam_fuzz::check_import("f.xlsx", &file);
});
