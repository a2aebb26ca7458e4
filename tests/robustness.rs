//! Property test: every reader (CSV/TSV/TXT, XLSX, ODS, XLS/XLSB detection, preview) on
//! thousands of arbitrary and mutated-valid inputs, without panicking, and a failed
//! import leaves nothing behind. A seeded xorshift generator keeps runs reproducible.
//!
//! `DATAJAM_ROBUSTNESS_ITERS=20000 cargo test -p datajam --release --test robustness`
//! runs longer; `DATAJAM_ROBUSTNESS_SEED=…` changes the inputs. The coverage-guided
//! version of this test is in `fuzz/` (cargo-fuzz).

mod support;

use std::panic::{catch_unwind, AssertUnwindSafe};

use support::robustness::*;

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let n = self.below(max + 1);
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn iterations() -> usize {
    std::env::var("DATAJAM_ROBUSTNESS_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500)
}

fn seed() -> u64 {
    std::env::var("DATAJAM_ROBUSTNESS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_DA7A_7C4D)
}

/// Tokens that matter to the readers, spliced into inputs.
const TEXT_TOKENS: &[&[u8]] = &[
    b";",
    b",",
    b"\t",
    b"|",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"\0",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xE9",
    b"\xC3\xA9",
    b"\xC3",
    b"\xE2\x80\xAF",
    b"\xC2\xA0",
    b"NA",
    b"n/d",
    b"\xE2\x80\xA6",
    b"-",
    b"..",
    b"1 234,5",
    b"1.234.567",
    b"12,5 %",
    b"15 000 FCFA",
    b"oui",
    b"FAUX",
    b"2009-05-12",
    b"31/12/2024",
    b"29-02-23",
    b"2024-03-15T08:30:00.000+01:00",
    b"1,5E+308",
    b"-9223372036854775809",
    b"99999999999999999999",
    b"1e400",
    b"=SUM(A1)",
    b"group/question",
    b"_uuid",
    b"select",
    b"\"\n\"",
    b"Province;Valeur\n",
];

const XML_TOKENS: &[&[u8]] = &[
    b"<",
    b">",
    b"/>",
    b"\"",
    b"&amp;",
    b"&#0;",
    b"&#x1F600;",
    b"&unknown;",
    b"<![CDATA[",
    b"]]>",
    b"r=\"A1\"",
    b"r=\"XFD1048576\"",
    b"r=\"ZZZZZ0\"",
    b"t=\"s\"",
    b"t=\"b\"",
    b"t=\"e\"",
    b"t=\"str\"",
    b"t=\"inlineStr\"",
    b"t=\"d\"",
    b"s=\"1\"",
    b"s=\"999\"",
    b"<v>",
    b"</v>",
    b"<v>999999</v>",
    b"<v>-1</v>",
    b"<v>1e308</v>",
    b"<v>NaN</v>",
    b"<c r=\"B2\" t=\"s\"><v>0</v></c>",
    b"<row r=\"1048576\">",
    b"<row r=\"0\">",
    b"<dimension ref=\"A1:XFD1048576\"/>",
    b"<mergeCell ref=\"A1:C3\"/>",
    b"table:number-rows-repeated=\"1000000\"",
    b"table:number-columns-repeated=\"16384\"",
    b"office:value-type=\"float\"",
    b"office:value=\"abc\"",
    b"office:value-type=\"date\"",
    b"office:date-value=\"9999-99-99\"",
    b"<table:table-cell/>",
    b"<text:p>",
    b"</text:p>",
    b"<text:s text:c=\"99999\"/>",
    b"\xC3\xA9",
    b"\xFF",
];

/// One random edit: flip, insert a token, delete, duplicate or truncate.
fn mutate(rng: &mut Rng, input: &mut Vec<u8>, tokens: &[&[u8]]) {
    let len = input.len();
    match rng.below(6) {
        0 if len > 0 => {
            let i = rng.below(len);
            input[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            input[i] = rng.next() as u8;
        }
        2 => {
            let at = rng.below(len + 1);
            let tok = rng.pick(tokens);
            input.splice(at..at, tok.iter().copied());
        }
        3 if len > 0 => {
            let a = rng.below(len);
            let b = (a + 1 + rng.below(16)).min(len);
            input.drain(a..b);
        }
        4 if len > 0 => {
            let a = rng.below(len);
            let b = (a + 1 + rng.below(64)).min(len);
            let chunk: Vec<u8> = input[a..b].to_vec();
            let at = rng.below(len + 1);
            input.splice(at..at, chunk);
        }
        _ => input.truncate(rng.below(len + 1)),
    }
}

fn mutated(rng: &mut Rng, seed: &[u8], tokens: &[&[u8]]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        mutate(rng, &mut out, tokens);
    }
    out
}

/// Runs `check`; on a panic, saves the input for replay and fails with its location.
fn run(
    label: &str,
    file_name: &str,
    input: &[u8],
    check: impl FnOnce(&str, &[u8]) -> bool,
) -> bool {
    match catch_unwind(AssertUnwindSafe(|| check(file_name, input))) {
        Ok(ok) => ok,
        Err(panic) => {
            let dir = std::env::temp_dir().join("datajam-robustness");
            let _ = std::fs::create_dir_all(&dir);
            let path = dir.join(format!("{label}-{}", file_name));
            let _ = std::fs::write(&path, input);
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!(
                "{label}: {file_name} panicked ({msg}); input saved to {}",
                path.display()
            );
        }
    }
}

const CSV_SEEDS: &[&[u8]] = &[
    b"\xEF\xBB\xBFR\xC3\xA9gion;Population;Taux (%)\r\nGu\xC3\xA9ra;553 795;12,5\r\nSalamat;308\xC2\xA0605;NA\r\n",
    b"Titre\n\nProvince,Date,Oui\nBatha,12/05/2009,oui\nLac,2009-05-13,non\n",
    b"a\tb\tc\n1\t\"x\ny\"\t3\n4\t5\t6\n",
    b"code|nom|valeur\nTD-BA|Batha|1.5\n",
    b"R\xE9gion;Prix\nGu\xE9ra;15 000 FCFA\n",
    b"\xFF\xFEa\0;\0b\0\n\x001\0;\x002\0\n\0",
    b"start;identification/province;_uuid;_submission_time;q/a;q/b\n2024-03-15T08:01:02.000+01:00;Batha;6f1c;2024-03-15T09:00:00;1;0\n",
    b"",
];

#[test]
fn csv_reader_survives_arbitrary_and_mutated_input() {
    let mut rng = Rng::new(seed());
    let names = ["f.csv", "f.tsv", "f.txt", "f"];
    let mut ok = 0;
    for n in 0..iterations() {
        let input = if n % 4 == 0 {
            rng.bytes(300)
        } else {
            let seed = rng_pick(&mut rng, CSV_SEEDS);
            mutated(&mut rng, seed, TEXT_TOKENS)
        };
        let name = *rng.pick(&names);
        ok += usize::from(run(&format!("csv-{n}"), name, &input, check_import));
    }
    assert!(
        ok > iterations() / 4,
        "most mutated CSV files still import ({ok})"
    );
}

fn rng_pick<'a>(rng: &mut Rng, seeds: &[&'a [u8]]) -> &'a [u8] {
    seeds[rng.below(seeds.len())]
}

#[test]
fn xlsx_reader_survives_mutated_workbooks() {
    let mut rng = Rng::new(seed() ^ 0x1234);
    let parts = xlsx_parts();
    let raw = sample_xlsx();
    assert!(check_import("sample.xlsx", &raw), "the sample imports");
    let mut ok = 0;
    let n_iter = iterations() / 2;
    for n in 0..n_iter {
        let input = match n % 5 {
            // Raw bytes of the file, mutated (mostly zip/deflate errors).
            0 => mutated(&mut rng, &raw, TEXT_TOKENS),
            // Arbitrary bytes after a zip signature.
            1 => {
                let mut b = b"PK\x03\x04".to_vec();
                b.extend(rng.bytes(200));
                b
            }
            // One XML part mutated inside an otherwise valid package.
            _ => {
                let i = rng.below(parts.len());
                let data = mutated(&mut rng, &parts[i].1, XML_TOKENS);
                with_part(parts, i, &data)
            }
        };
        ok += usize::from(run(&format!("xlsx-{n}"), "f.xlsx", &input, check_import));
    }
    assert!(ok > 0, "some mutated workbooks still import");
}

#[test]
fn ods_reader_survives_mutated_spreadsheets() {
    let mut rng = Rng::new(seed() ^ 0x0D5);
    let parts = ods_parts();
    let raw = sample_ods();
    assert!(check_import("sample.ods", &raw), "the sample imports");
    let mut ok = 0;
    let n_iter = iterations() / 2;
    for n in 0..n_iter {
        let input = if n % 5 == 0 {
            mutated(&mut rng, &raw, TEXT_TOKENS)
        } else {
            let i = rng.below(parts.len());
            let data = mutated(&mut rng, &parts[i].1, XML_TOKENS);
            with_part(parts, i, &data)
        };
        ok += usize::from(run(&format!("ods-{n}"), "f.ods", &input, check_import));
    }
    assert!(ok > 0, "some mutated spreadsheets still import");
}

#[test]
fn legacy_workbook_detection_survives_garbage() {
    // No XLS/XLSB generator here: arbitrary bytes behind the compound-file and zip
    // signatures still exercise detection and calamine's first parsing steps.
    let mut rng = Rng::new(seed() ^ 0x715);
    for n in 0..iterations() / 4 {
        let mut input = match n % 3 {
            0 => b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec(),
            1 => b"PK\x05\x06".to_vec(),
            _ => Vec::new(),
        };
        input.extend(rng.bytes(600));
        let name = *rng.pick(&["f.xls", "f.xlsb", "f.xlsx", "f.csv", "f.docx", "f.numbers"]);
        run(&format!("legacy-{n}"), name, &input, check_import);
    }
}

#[test]
fn preview_survives_everything() {
    let mut rng = Rng::new(seed() ^ 0x9E7);
    let xlsx = sample_xlsx();
    let ods = sample_ods();
    for n in 0..iterations() / 4 {
        let name = *rng.pick(PREVIEW_NAMES);
        let input = match rng.below(4) {
            0 => rng.bytes(300),
            1 => {
                let seed = rng_pick(&mut rng, CSV_SEEDS);
                mutated(&mut rng, seed, TEXT_TOKENS)
            }
            2 => {
                let parts = xlsx_parts();
                let i = rng.below(parts.len());
                let data = mutated(&mut rng, &parts[i].1, XML_TOKENS);
                with_part(parts, i, &data)
            }
            _ => mutated(&mut rng, if n % 2 == 0 { &xlsx } else { &ods }, XML_TOKENS),
        };
        run(&format!("preview-{n}"), name, &input, check_preview);
    }
}
