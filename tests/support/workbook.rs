//! Workbooks written with rust_xlsxwriter, for the tests that read them back
//! (included with `#[path = "support/workbook.rs"] mod workbook;`).

#![allow(dead_code)]

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

/// How a grid's text cells are written. Empty cells are always left blank.
#[derive(Clone, Copy)]
pub enum Cells {
    /// `n:12.5` as a number, `d:2025-05-12` as a date (`dd/mm/yyyy`), anything else as text.
    Prefixed,
    /// A cell that reads as a number is a number, anything else is text.
    Numbers,
}

impl Cells {
    fn write(self, ws: &mut Worksheet, r: u32, c: u16, cell: &str) {
        match self {
            Cells::Prefixed => {
                if let Some(n) = cell.strip_prefix("n:") {
                    ws.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
                } else if let Some(d) = cell.strip_prefix("d:") {
                    let fmt = Format::new().set_num_format("dd/mm/yyyy");
                    let dt = ExcelDateTime::parse_from_str(d).unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &fmt).unwrap();
                } else {
                    ws.write_string(r, c, cell).unwrap();
                }
            }
            Cells::Numbers => {
                if let Ok(n) = cell.parse::<f64>() {
                    ws.write_number(r, c, n).unwrap();
                } else {
                    ws.write_string(r, c, cell).unwrap();
                }
            }
        }
    }
}

/// A workbook with these sheets, each a grid of cells written as `cells` says.
pub fn grid<R: AsRef<[S]>, S: AsRef<str>>(sheets: &[(&str, &[R])], cells: Cells) -> Vec<u8> {
    xlsx(|wb| {
        for (name, rows) in sheets {
            let ws = wb.add_worksheet();
            ws.set_name(*name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.as_ref().iter().enumerate() {
                    let cell = cell.as_ref();
                    if !cell.is_empty() {
                        cells.write(ws, r as u32, c as u16, cell);
                    }
                }
            }
        }
    })
}

/// A workbook built by `build`, as bytes.
pub fn xlsx(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut wb = Workbook::new();
    build(&mut wb);
    wb.save_to_buffer().unwrap()
}

/// The workbook `xlsx` with its part `name` (e.g. `xl/worksheets/sheet1.xml`) rewritten
/// by `edit`: for what rust_xlsxwriter cannot write (a 1904 date system, an absurd
/// declared dimension).
pub fn patch_part(xlsx: &[u8], name: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut found = false;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let part = file.name().unwrap().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if part == name {
            found = true;
            bytes = edit(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        out.start_file(part, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    assert!(found, "no part {name}");
    out.finish().unwrap().into_inner()
}
