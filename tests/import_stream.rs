//! The one-pass import (types decided on a sample, every row still observed) gives what a
//! first pass over the whole file decides: the same columns, types and warnings as the
//! preview (which reads the whole file before deciding), and every value stored under
//! the whole file's types, also when a column changes type after the sample.

use datajam::import::{
    import_bytes, import_file_with_progress, preview_bytes, ColumnType, ImportOptions,
    ImportReport, Phase, Progress,
};
use datajam::store::Store;
use rusqlite::types::Value;

/// More data rows than the sample the types are first decided on.
const ROWS: usize = 10_000;

struct Db {
    _dir: tempfile::TempDir,
    store: Store,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    Db { _dir: dir, store }
}

/// Imports `csv` and checks that the columns and warnings are the preview's.
fn import_like_preview(db: &mut Db, name: &str, csv: &str) -> ImportReport {
    let opts = ImportOptions::default();
    let preview = preview_bytes(name, csv.as_bytes(), &opts).unwrap();
    let report = import_bytes(db.store.conn_mut(), name, csv.as_bytes(), &opts).unwrap();
    assert_eq!(report.columns, preview.columns);
    assert_eq!(report.warnings, preview.warnings);
    let stored: String = db
        .store
        .conn()
        .query_row(
            "SELECT warnings_json FROM workspace_tables WHERE name = ?1",
            [&report.table],
            |r| r.get(0),
        )
        .unwrap();
    let stored: Vec<String> = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored, report.warnings);
    report
}

/// The values of one column, in row order.
fn column(db: &Db, table: &str, col: &str) -> Vec<Value> {
    let mut stmt = db
        .store
        .conn()
        .prepare(&format!("SELECT \"{col}\" FROM \"{table}\" ORDER BY rowid"))
        .unwrap();
    let rows = stmt.query_map([], |r| r.get::<_, Value>(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

fn types(report: &ImportReport) -> Vec<ColumnType> {
    report.columns.iter().map(|c| c.column_type).collect()
}

#[test]
fn numbers_for_ten_thousand_rows_then_one_text_cell() {
    let mut csv = String::from("id;n\n");
    for i in 0..ROWS {
        csv.push_str(&format!("{i};{}\n", i * 3));
    }
    csv.push_str("x;beaucoup\n");
    let mut db = db();
    let report = import_like_preview(&mut db, "late_text.csv", &csv);
    assert_eq!(report.rows, ROWS as u64 + 1);
    assert_eq!(types(&report), [ColumnType::Integer, ColumnType::Integer]);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("« n »") && w.contains("« beaucoup »")),
        "{:?}",
        report.warnings
    );
    let n = column(&db, &report.table, "n");
    assert_eq!(n[0], Value::Integer(0));
    assert_eq!(n[ROWS - 1], Value::Integer((ROWS as i64 - 1) * 3));
    assert_eq!(n[ROWS], Value::Text("beaucoup".into()));
    assert_eq!(
        column(&db, &report.table, "id")[ROWS],
        Value::Text("x".into())
    );
}

#[test]
fn a_column_that_turns_to_text_after_the_sample_is_text() {
    // Integers for the sample, then words for most of the file: the whole file says text.
    let mut csv = String::from("code,nom\n");
    for i in 0..ROWS {
        if i < 3_000 {
            csv.push_str(&format!("{i},a{i}\n"));
        } else {
            csv.push_str(&format!("C{i},a{i}\n"));
        }
    }
    let mut db = db();
    let report = import_like_preview(&mut db, "turns.csv", &csv);
    assert_eq!(report.rows, ROWS as u64);
    assert_eq!(types(&report), [ColumnType::Text, ColumnType::Text]);
    let code = column(&db, &report.table, "code");
    assert_eq!(code[0], Value::Text("0".into()));
    assert_eq!(code[2_999], Value::Text("2999".into()));
    assert_eq!(code[ROWS - 1], Value::Text(format!("C{}", ROWS - 1)));
    // Nothing of the first attempt is left: one table, one row of metadata.
    let tables: i64 = db
        .store
        .conn()
        .query_row("SELECT count(*) FROM workspace_tables", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn integers_widened_to_numbers_after_the_sample() {
    // Whole numbers for the sample, then decimal commas for a third of the file.
    let mut csv = String::from("v\n");
    for i in 0..ROWS {
        if i < 6_000 {
            csv.push_str(&format!("{i}\n"));
        } else {
            csv.push_str(&format!("\"{i},5\"\n"));
        }
    }
    let mut db = db();
    let report = import_like_preview(&mut db, "widen.csv", &csv);
    assert_eq!(types(&report), [ColumnType::Number]);
    let v = column(&db, &report.table, "v");
    assert_eq!(v[7], Value::Real(7.0));
    assert_eq!(v[ROWS - 1], Value::Real(ROWS as f64 - 0.5));
}

#[test]
fn dots_grouping_thousands_seen_after_the_sample() {
    // "1.500" alone reads 1.5; a later "1.234.567" says dots group thousands: 1500.
    let mut csv = String::from("montant\n");
    for _ in 0..ROWS {
        csv.push_str("1.500\n");
    }
    csv.push_str("1.234.567\n");
    let mut db = db();
    let report = import_like_preview(&mut db, "dots.csv", &csv);
    assert_eq!(types(&report), [ColumnType::Integer]);
    let v = column(&db, &report.table, "montant");
    assert_eq!(v[0], Value::Integer(1500));
    assert_eq!(v[ROWS], Value::Integer(1_234_567));
}

#[test]
fn a_column_first_filled_after_the_sample_is_kept() {
    let mut csv = String::from("a,b\n");
    for i in 0..ROWS {
        csv.push_str(&format!("{i},{}\n", i % 7));
    }
    csv.push_str("1,2,oui\n");
    let mut db = db();
    let report = import_like_preview(&mut db, "wider.csv", &csv);
    assert_eq!(report.columns.len(), 3);
    assert_eq!(report.columns[2].name, "colonne_3");
    let c = column(&db, &report.table, "colonne_3");
    assert_eq!(c[0], Value::Null);
    assert_eq!(c[ROWS], Value::Integer(1));
}

#[test]
fn a_file_shorter_than_the_sample_and_an_empty_one() {
    let mut db = db();
    let report = import_like_preview(&mut db, "court.csv", "x;y\n1;oui\n2;non\n");
    assert_eq!(types(&report), [ColumnType::Integer, ColumnType::Boolean]);
    assert_eq!(
        column(&db, &report.table, "y"),
        [Value::Integer(1), Value::Integer(0)]
    );
    let report = import_like_preview(&mut db, "entete.csv", "x;y\n");
    assert_eq!(report.rows, 0);
}

#[test]
fn an_error_after_the_sample_leaves_nothing() {
    // A row wider than the CSV column limit, far after the sample.
    let mut csv = String::from("a,b\n");
    for i in 0..ROWS {
        csv.push_str(&format!("{i},{i}\n"));
    }
    csv.push_str(&",".repeat(datajam::import::MAX_CSV_COLUMNS + 1));
    csv.push('\n');
    let mut db = db();
    let err = import_bytes(
        db.store.conn_mut(),
        "trop.csv",
        csv.as_bytes(),
        &ImportOptions::default(),
    );
    assert!(err.is_err());
    let tables: i64 = db
        .store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'trop'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0);
}

#[test]
fn progress_when_the_rows_are_written_twice() {
    let mut csv = String::from("code\n");
    for i in 0..ROWS {
        csv.push_str(&if i < 3_000 {
            format!("{i}\n")
        } else {
            format!("C{i}\n")
        });
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deux.csv");
    std::fs::write(&path, &csv).unwrap();
    let mut db = db();
    let mut reports: Vec<Progress> = Vec::new();
    let report = import_file_with_progress(
        db.store.conn_mut(),
        &path,
        &ImportOptions::default(),
        &mut |p| reports.push(*p),
    )
    .unwrap();
    assert_eq!(report.rows, ROWS as u64);
    check_progress(&reports, report.rows);
}

/// Phases in order, fractions never going back, one report of completion at the end.
fn check_progress(reports: &[Progress], rows: u64) {
    assert_eq!(reports[0].phase, Phase::Reading);
    assert!(reports.iter().any(|p| p.phase == Phase::Inferring));
    for w in reports.windows(2) {
        assert!(w[0].phase <= w[1].phase, "{reports:?}");
        if let (Some(a), Some(b)) = (w[0].fraction, w[1].fraction) {
            assert!(a <= b, "{reports:?}");
        }
    }
    let last = reports.last().unwrap();
    assert_eq!(
        (last.phase, last.fraction, last.rows),
        (Phase::Writing, Some(1.0), rows)
    );
    assert_eq!(
        reports.iter().filter(|p| p.fraction == Some(1.0)).count(),
        1
    );
}

#[path = "support/workbook.rs"]
mod workbook;

/// Every row of `table`, in order.
fn all_rows(db: &Db, table: &str) -> Vec<Vec<Value>> {
    let mut stmt = db
        .store
        .conn()
        .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
        .unwrap();
    let n = stmt.column_count();
    let rows = stmt
        .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The worksheet with its declared dimension replaced by `dimension`.
fn with_dimension(xlsx: &[u8], dimension: &str) -> Vec<u8> {
    workbook::patch_part(xlsx, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find("<dimension ref=\"").expect("a dimension");
        let end = start + xml[start..].find("/>").unwrap() + 2;
        format!(
            "{}<dimension ref=\"{dimension}\"/>{}",
            &xml[..start],
            &xml[end..]
        )
    })
}

/// A sheet with a title row, its table from column C, a gap in the data, and a column
/// of integers that turns to words after the sample.
fn survey_xlsx() -> Vec<u8> {
    workbook::xlsx(|wb| {
        let ws = wb.add_worksheet();
        ws.write_string(0, 2, "Enquête ménages 2024").unwrap();
        for (c, h) in ["Province", "Ménages", "Code"].iter().enumerate() {
            ws.write_string(2, c as u16 + 2, *h).unwrap();
        }
        for i in 0..ROWS as u32 {
            let r = i + 3;
            ws.write_string(r, 2, ["Lac", "Kanem", "Batha"][i as usize % 3])
                .unwrap();
            if i % 11 != 0 {
                ws.write_number(r, 3, f64::from(i * 2)).unwrap();
            }
            if i < 3_000 {
                ws.write_number(r, 4, f64::from(i)).unwrap();
            } else {
                ws.write_string(r, 4, format!("Z{i}")).unwrap();
            }
        }
    })
}

#[test]
fn a_streamed_sheet_gives_what_the_whole_sheet_gives() {
    let streamed = survey_xlsx();
    let opts = ImportOptions::default();
    let mut first = db();
    let report = import_bytes(first.store.conn_mut(), "enquete.xlsx", &streamed, &opts).unwrap();
    let preview = preview_bytes("enquete.xlsx", &streamed, &opts).unwrap();
    assert_eq!(report.columns, preview.columns);
    assert_eq!(report.warnings, preview.warnings);
    assert_eq!(report.rows, ROWS as u64);
    assert_eq!(
        types(&report),
        [ColumnType::Text, ColumnType::Integer, ColumnType::Text]
    );
    let rows = all_rows(&first, &report.table);
    assert_eq!(
        rows[1],
        [
            Value::Text("Kanem".into()),
            Value::Integer(2),
            Value::Text("1".into())
        ]
    );
    assert_eq!(rows[0][1], Value::Null);
    // Declared dimensions that do not start at the first used column (left of it, right
    // of it): the sheet is read whole, with the same result.
    for dimension in ["A1:E10003", "D1:E10003"] {
        let patched = with_dimension(&streamed, dimension);
        let mut other = db();
        let again = import_bytes(other.store.conn_mut(), "enquete.xlsx", &patched, &opts).unwrap();
        assert_eq!(again.columns, report.columns, "{dimension}");
        assert_eq!(again.warnings, report.warnings, "{dimension}");
        assert_eq!(all_rows(&other, &again.table), rows, "{dimension}");
        let preview = preview_bytes("enquete.xlsx", &patched, &opts).unwrap();
        assert_eq!(preview.columns, report.columns, "{dimension}");
    }
    // Read again whole, the progress never goes back.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enquete.xlsx");
    std::fs::write(&path, with_dimension(&streamed, "A1:E10003")).unwrap();
    let mut reports: Vec<Progress> = Vec::new();
    let opts = ImportOptions {
        table: Some("encore".into()),
        ..Default::default()
    };
    let again = import_file_with_progress(first.store.conn_mut(), &path, &opts, &mut |p| {
        reports.push(*p)
    })
    .unwrap();
    check_progress(&reports, again.rows);
}
