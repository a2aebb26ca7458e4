//! Checks shared by the robustness test (`tests/robustness.rs`) and the cargo-fuzz
//! targets (`fuzz/`, which include this file by path): feed arbitrary bytes to the
//! importer and check that it never panics and that a failed import leaves nothing
//! behind. Also builds well-formed workbooks around fuzzed XML, so that fuzzing reaches
//! the sheet parsers instead of stopping at the zip layer.

#![allow(dead_code)]

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use datajam::import::{import_bytes, preview_file, ImportOptions};
use rusqlite::Connection;

/// A fresh in-memory workspace database (the app's schema, so app tables are protected).
pub fn workspace() -> Connection {
    let conn = Connection::open_in_memory().expect("in-memory database");
    conn.execute_batch(datajam::store::MIGRATIONS[0])
        .expect("schema");
    conn
}

/// Everything in the database: schema objects and registered tables.
fn snapshot(conn: &Connection) -> (Vec<(String, String)>, Vec<String>) {
    let mut stmt = conn
        .prepare("SELECT type, name FROM sqlite_master ORDER BY type, name")
        .expect("prepare");
    let objects = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("rows");
    let mut stmt = conn
        .prepare("SELECT name FROM workspace_tables ORDER BY name")
        .expect("prepare");
    let registered = stmt
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("rows");
    (objects, registered)
}

/// Imports `bytes` as `file_name` into a fresh workspace. Panics (a finding) when the
/// importer panics, when an error leaves a table or a registration behind, when an
/// error has no code or message, or when a success is inconsistent.
/// Returns whether the import succeeded.
pub fn check_import(file_name: &str, bytes: &[u8]) -> bool {
    let mut conn = workspace();
    let before = snapshot(&conn);
    match import_bytes(&mut conn, file_name, bytes, &ImportOptions::default()) {
        Ok(report) => {
            let info = datajam::store::tables::table_info(&conn, &report.table)
                .expect("an imported table is listed");
            assert_eq!(info.rows, report.rows);
            assert_eq!(info.columns, report.columns);
            assert!(!report.columns.is_empty());
            let count: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM \"{}\"", report.table),
                    [],
                    |r| r.get(0),
                )
                .expect("count");
            assert_eq!(count as u64, report.rows);
            let mut names: Vec<String> = report
                .columns
                .iter()
                .map(|c| c.name.to_lowercase())
                .collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), report.columns.len(), "unique column names");
            true
        }
        Err(e) => {
            assert_eq!(
                snapshot(&conn),
                before,
                "a failed import ({}) left something behind",
                e.code()
            );
            assert!(e.code().starts_with("import."), "{}", e.code());
            assert!(!e.message_fr().is_empty() && !e.message_en().is_empty());
            false
        }
    }
}

/// Previews `bytes` written to a file named `file_name`; checks the preview's shape.
pub fn check_preview(file_name: &str, bytes: &[u8]) -> bool {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(file_name);
    std::fs::write(&path, bytes).expect("write");
    match preview_file(&path, &ImportOptions::default()) {
        Ok(p) => {
            assert!(p.rows.len() <= datajam::import::PREVIEW_ROWS);
            assert!(p.rows.iter().all(|r| r.len() == p.columns.len()));
            true
        }
        Err(e) => {
            assert!(e.code().starts_with("import."), "{}", e.code());
            false
        }
    }
}

/// The entries of a zip archive, in order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).expect("entry");
            let name = f.name().expect("entry name").to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("read entry");
            (name, data)
        })
        .collect()
}

/// A zip archive of `entries`, stored without compression.
pub fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(name.as_str(), opts).expect("start entry");
        w.write_all(data).expect("write entry");
    }
    w.finish().expect("finish zip").into_inner()
}

/// A small valid XLSX: a title row, a header, and typed values (text with accents,
/// integers, decimals, dates, booleans, an empty cell).
pub fn sample_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Données").expect("name");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_string(0, 0, "Titre : effectifs").expect("cell");
    for (c, h) in ["Province", "Élèves", "Taux", "Date", "Public"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).expect("cell");
    }
    for r in 0..5u32 {
        let row = r + 3;
        ws.write_string(
            row,
            0,
            ["Batha", "Guéra", "Lac", "Kanem", "Sila"][r as usize],
        )
        .expect("cell");
        ws.write_number(row, 1, f64::from(1000 + r * 17))
            .expect("cell");
        ws.write_number(row, 2, 0.5 + f64::from(r)).expect("cell");
        let d = ExcelDateTime::from_ymd(2020, 1, 1 + r as u8).expect("date");
        ws.write_datetime_with_format(row, 3, &d, &date)
            .expect("cell");
        if r != 2 {
            ws.write_boolean(row, 4, r % 2 == 0).expect("cell");
        }
    }
    let second = wb.add_worksheet();
    second.set_name("Autre").expect("name");
    second.write_string(0, 0, "x").expect("cell");
    wb.save_to_buffer().expect("xlsx")
}

/// A small valid ODS spreadsheet (written by hand: the minimal parts calamine needs).
pub fn sample_ods() -> Vec<u8> {
    rezip(&[
        (
            "mimetype".to_string(),
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        (
            "META-INF/manifest.xml".to_string(),
            br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#
                .to_vec(),
        ),
        ("content.xml".to_string(), ODS_CONTENT.as_bytes().to_vec()),
    ])
}

pub const ODS_CONTENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Feuille1"><table:table-row><table:table-cell office:value-type="string"><text:p>Province</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Valeur</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Date</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Ok</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Ouaddaï</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1.5"><text:p>1,5</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2009-05-12"><text:p>12/05/2009</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>Lac</text:p></table:table-cell><table:table-cell/><table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25 %</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;

fn cached(
    cell: &'static OnceLock<Vec<(String, Vec<u8>)>>,
    make: fn() -> Vec<u8>,
) -> &'static [(String, Vec<u8>)] {
    cell.get_or_init(|| unzip(&make()))
}

/// The parts of [`sample_xlsx`].
pub fn xlsx_parts() -> &'static [(String, Vec<u8>)] {
    static PARTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    cached(&PARTS, sample_xlsx)
}

/// The parts of [`sample_ods`].
pub fn ods_parts() -> &'static [(String, Vec<u8>)] {
    static PARTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    cached(&PARTS, sample_ods)
}

/// A package made of `parts` where the part `index` (modulo the count) is `data`.
pub fn with_part(parts: &[(String, Vec<u8>)], index: usize, data: &[u8]) -> Vec<u8> {
    let mut parts = parts.to_vec();
    let i = index % parts.len();
    parts[i].1 = data.to_vec();
    rezip(&parts)
}

/// Turns fuzz input into a workbook: the first byte picks a part of the sample package
/// (XLSX or ODS) that the rest of the input replaces; when the first byte is 0xFF the
/// input is used as the whole file.
pub fn fuzzed_package(parts: &[(String, Vec<u8>)], data: &[u8]) -> Vec<u8> {
    match data.split_first() {
        None => Vec::new(),
        Some((0xFF, rest)) => rest.to_vec(),
        Some((&b, rest)) => with_part(parts, usize::from(b), rest),
    }
}

/// File names used by the preview target and test; the first byte picks one.
pub const PREVIEW_NAMES: &[&str] = &[
    "donnees.csv",
    "donnees.tsv",
    "donnees.txt",
    "donnees.xlsx",
    "donnees.xls",
    "donnees.xlsb",
    "donnees.ods",
    "donnees",
];
