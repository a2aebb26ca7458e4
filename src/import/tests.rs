//! Tests of the import module. Fixtures are generated in temporary folders.

use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::Connection;

use super::*;
use crate::i18n::Lang;

#[path = "../../tests/support/workbook.rs"]
mod workbook;

/// An in-memory database with the store's schema (`store::MIGRATIONS`), as the app has it.
fn db() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    for m in crate::store::MIGRATIONS {
        conn.execute_batch(m).unwrap();
    }
    conn
}

/// Imports `bytes` as the file `name` with the default options.
fn import_ok(conn: &mut Connection, name: &str, bytes: &[u8]) -> ImportReport {
    import_bytes(conn, name, bytes, &ImportOptions::default()).unwrap()
}

/// The error of importing `bytes` as the file `name` with the default options.
fn import_err(conn: &mut Connection, name: &str, bytes: &[u8]) -> ImportError {
    import_bytes(conn, name, bytes, &ImportOptions::default()).unwrap_err()
}

/// Asserts that one of the report's warnings contains `part`.
fn assert_warns(report: &ImportReport, part: &str) {
    assert!(
        report.warnings.iter().any(|w| w.contains(part)),
        "no warning with {part:?} in {:?}",
        report.warnings
    );
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn query(conn: &Connection, sql: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    let rows = stmt
        .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The one value `sql` gives (asserting one row of one column).
fn value(conn: &Connection, sql: &str) -> Value {
    let rows = query(conn, sql);
    assert!(rows.len() == 1 && rows[0].len() == 1, "{sql}: {rows:?}");
    rows[0][0].clone()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn names(cols: &[ColumnInfo]) -> Vec<&str> {
    cols.iter().map(|c| c.name.as_str()).collect()
}

fn types(cols: &[ColumnInfo]) -> Vec<ColumnType> {
    cols.iter().map(|c| c.column_type).collect()
}

fn table_exists(conn: &Connection, name: &str) -> bool {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        > 0
}

fn meta_count(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM workspace_tables", [], |r| r.get(0))
        .unwrap()
}

use ColumnType::{Boolean, Date, Datetime, Integer, Number, Text};

#[test]
fn utf8_bom_semicolon_decimal_comma() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "\u{FEFF}Région;Population 2009;Taux (%)\nGuéra;553 795;12,5\nOuaddaï;721\u{a0}166;9,8\nSalamat;308 605;NA\n";
    let path = write(&dir, "Régions Tchad.csv", csv.as_bytes());
    let preview = preview_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!(preview.format, "csv");
    assert_eq!(preview.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(preview.delimiter.as_deref(), Some(";"));
    assert_eq!(preview.header_row, 1);
    assert_eq!(preview.rows.len(), 3);
    assert_eq!(preview.rows[0][2], serde_json::json!(12.5));
    assert_eq!(preview.rows[2][2], serde_json::Value::Null);

    let mut conn = db();
    let report = import_file(&mut conn, &path, &ImportOptions::default()).unwrap();
    assert_eq!(report.table, "regions_tchad");
    assert_eq!(report.rows, 3);
    assert_eq!(
        names(&report.columns),
        ["region", "population_2009", "taux_pct"]
    );
    assert_eq!(report.columns[0].label, "Région");
    assert_eq!(types(&report.columns), [Text, Integer, Number]);
    let rows = query(
        &conn,
        "SELECT region, population_2009, taux_pct FROM regions_tchad ORDER BY rowid",
    );
    assert_eq!(
        rows[0],
        [text("Guéra"), Value::Integer(553_795), Value::Real(12.5)]
    );
    assert_eq!(
        rows[1],
        [text("Ouaddaï"), Value::Integer(721_166), Value::Real(9.8)]
    );
    assert_eq!(rows[2][2], Value::Null);

    let meta = query(&conn, "SELECT name, source_file, sheet, columns_json, row_count, imported_at FROM workspace_tables");
    assert_eq!(meta.len(), 1);
    assert_eq!(meta[0][0], text("regions_tchad"));
    assert_eq!(meta[0][1], text("Régions Tchad.csv"));
    assert_eq!(meta[0][2], Value::Null);
    let Value::Text(json) = &meta[0][3] else {
        panic!("columns_json")
    };
    let cols: Vec<ColumnInfo> = serde_json::from_str(json).unwrap();
    assert_eq!(cols, report.columns);
    assert!(json.contains(r#""type":"integer""#));
    assert_eq!(meta[0][4], Value::Integer(3));
    let Value::Text(at) = &meta[0][5] else {
        panic!("imported_at")
    };
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
}

#[test]
fn windows_1252_csv() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252
        .encode("Région;Année;Chef-lieu\nGuéra;2009;Mongo\nOuaddaï;2009;Abéché\n");
    assert!(std::str::from_utf8(&bytes).is_err());
    let path = write(&dir, "regions.csv", &bytes);
    let preview = preview_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!(preview.encoding.as_deref(), Some("windows-1252"));
    let mut conn = db();
    let report = import_file(&mut conn, &path, &ImportOptions::default()).unwrap();
    assert_eq!(names(&report.columns), ["region", "annee", "chef_lieu"]);
    assert_eq!(types(&report.columns), [Text, Integer, Text]);
    assert_warns(&report, "Windows-1252");
    let rows = query(&conn, "SELECT region, annee, chef_lieu FROM regions");
    assert_eq!(
        rows[0],
        [text("Guéra"), Value::Integer(2009), text("Mongo")]
    );
    assert_eq!(
        rows[1],
        [text("Ouaddaï"), Value::Integer(2009), text("Abéché")]
    );
}

#[test]
fn utf16_le_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "nom\tâge\nAché\t31\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let mut conn = db();
    let report = import_ok(&mut conn, "export.txt", &bytes);
    assert_eq!(names(&report.columns), ["nom", "age"]);
    assert_eq!(
        query(&conn, "SELECT nom, age FROM export"),
        [[text("Aché"), Value::Integer(31)]]
    );
}

#[test]
fn tab_separated_with_booleans_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = "nom\tâge\tinscrit\tné le\tarrivée\nAli\t23\toui\t15/03/2001\t2024-03-15 08:30\nZara\t31\tnon\t2000-12-01\t2024-03-16T09:05:00\nMoussa\t\tNon\t05-04-99\t\n";
    let path = write(&dir, "participants.tsv", tsv.as_bytes());
    let mut conn = db();
    let report = import_file(&mut conn, &path, &ImportOptions::default()).unwrap();
    assert_eq!(
        names(&report.columns),
        ["nom", "age", "inscrit", "ne_le", "arrivee"]
    );
    assert_eq!(
        types(&report.columns),
        [Text, Integer, Boolean, Date, Datetime]
    );
    let rows = query(
        &conn,
        "SELECT age, inscrit, ne_le, arrivee FROM participants ORDER BY rowid",
    );
    let int = Value::Integer;
    assert_eq!(
        rows,
        [
            [
                int(23),
                int(1),
                text("2001-03-15"),
                text("2024-03-15 08:30:00")
            ],
            [
                int(31),
                int(0),
                text("2000-12-01"),
                text("2024-03-16 09:05:00")
            ],
            [Value::Null, int(0), text("1999-04-05"), Value::Null],
        ]
    );
}

#[test]
fn quoted_field_with_embedded_newline() {
    let mut conn = db();
    let csv =
        "id,commentaire,note\n1,\"ligne un\nligne deux, avec virgule\",\"12,5\"\n2,simple,3\n";
    let report = import_ok(&mut conn, "avis.csv", csv.as_bytes());
    assert_eq!(report.rows, 2);
    assert_eq!(types(&report.columns), [Integer, Text, Number]);
    let rows = query(&conn, "SELECT id, commentaire, note FROM avis ORDER BY id");
    assert_eq!(
        rows[0],
        [
            Value::Integer(1),
            text("ligne un\nligne deux, avec virgule"),
            Value::Real(12.5)
        ]
    );
    assert_eq!(
        rows[1],
        [Value::Integer(2), text("simple"), Value::Real(3.0)]
    );
}

#[test]
fn title_rows_above_header() {
    let mut conn = db();
    let csv = "Recensement général 2009 - Tchad;;\n;;\nRégion;Population;Superficie (km²)\nGuéra;553795;58950\nSalamat;308605;63000\n;;\n";
    let report = import_ok(&mut conn, "rgph.csv", csv.as_bytes());
    assert_eq!(
        names(&report.columns),
        ["region", "population", "superficie_km"]
    );
    assert_eq!(report.columns[2].label, "Superficie (km²)");
    assert_eq!(report.rows, 2);
    assert_warns(&report, "l'en-tête est à la ligne 3");
    let rows = query(&conn, "SELECT * FROM rgph ORDER BY rowid");
    assert_eq!(
        rows[1],
        [
            text("Salamat"),
            Value::Integer(308_605),
            Value::Integer(63_000)
        ]
    );
}

#[test]
fn years_as_column_headers() {
    let mut conn = db();
    let csv =
        "Population par région\nRégion,2009,2019\nGuéra,553795,700000\nSalamat,308605,400000\n";
    let report = import_ok(&mut conn, "pop.csv", csv.as_bytes());
    assert_eq!(names(&report.columns), ["region", "col_2009", "col_2019"]);
    assert_eq!(types(&report.columns), [Text, Integer, Integer]);
}

#[test]
fn explicit_header_row_and_out_of_range() {
    let mut conn = db();
    let csv = "x,y\na,b\n1,2\n";
    let opts = ImportOptions {
        header_row: Some(2),
        ..Default::default()
    };
    let report = import_bytes(&mut conn, "h.csv", csv.as_bytes(), &opts).unwrap();
    assert_eq!(names(&report.columns), ["a", "b"]);
    assert_eq!(report.rows, 1);
    let opts = ImportOptions {
        header_row: Some(9),
        table: Some("h2".into()),
        ..Default::default()
    };
    let err = import_bytes(&mut conn, "h.csv", csv.as_bytes(), &opts).unwrap_err();
    assert!(
        matches!(err, ImportError::HeaderRowOutOfRange { row: 9, last: 3 }),
        "{err:?}"
    );
    assert!(!table_exists(&conn, "h2"));
}

#[test]
fn no_header_row() {
    let mut conn = db();
    let report = import_ok(&mut conn, "nombres.csv", b"1,2\n3,4\n");
    assert_eq!(names(&report.columns), ["colonne_1", "colonne_2"]);
    assert_eq!(report.rows, 2);
}

#[test]
fn duplicate_and_empty_headers_and_trailing_empty_columns() {
    let mut conn = db();
    let csv = "nom,nom,,Nom,group/question,select,,\na,b,c,d,e,f,,\n,,,,,,,\n\n";
    let report = import_ok(&mut conn, "dups.csv", csv.as_bytes());
    assert_eq!(
        names(&report.columns),
        [
            "nom",
            "nom_2",
            "colonne_3",
            "nom_3",
            "group_question",
            "col_select"
        ]
    );
    let labels: Vec<&str> = report.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["nom", "nom", "colonne_3", "Nom", "group/question", "select"]
    );
    assert_eq!(report.rows, 1);
    assert_eq!(
        query(
            &conn,
            "SELECT nom, nom_2, colonne_3, nom_3, group_question, col_select FROM dups"
        ),
        [[
            text("a"),
            text("b"),
            text("c"),
            text("d"),
            text("e"),
            text("f")
        ]]
    );
    assert_warns(&report, "« nom_2 »");
}

#[test]
fn misfits_are_kept_as_text_with_a_warning() {
    let mut conn = db();
    let mut csv = String::from("x;commentaire\n");
    for i in 0..60 {
        csv.push_str(&format!("{i},5;ok\n"));
    }
    for bad in ["abc", "12 kg", "?"] {
        csv.push_str(&format!("{bad};ko\n"));
    }
    csv.push_str("N/A;ok\n-;ok\n…;ok\n");
    let report = import_ok(&mut conn, "mesures.csv", csv.as_bytes());
    assert_eq!(types(&report.columns), [Number, Text]);
    assert!(
        report.warnings.contains(
            &"Colonne « x » : 3 valeurs ne sont pas des nombres (ex. « abc ») ; elles sont gardées telles quelles.".to_string()
        ),
        "{:?}",
        report.warnings
    );
    let rows = query(
        &conn,
        "SELECT x, typeof(x) FROM mesures WHERE commentaire = 'ko' ORDER BY rowid",
    );
    assert_eq!(rows[0], [text("abc"), text("text")]);
    assert_eq!(rows[1], [text("12 kg"), text("text")]);
    let nulls = query(&conn, "SELECT count(*) FROM mesures WHERE x IS NULL");
    assert_eq!(nulls, [[Value::Integer(3)]]);
    assert_eq!(
        value(&conn, "SELECT x FROM mesures LIMIT 1"),
        Value::Real(0.5)
    );
}

#[test]
fn currency_percent_and_kobo_datetimes() {
    let mut conn = db();
    let csv = "start,montant,part,group_a/q1\n2024-03-15T08:30:00.000+01:00,15 000 FCFA,12 %,1.234.567\n2024-03-16T10:00:00.000+01:00,2500 F CFA,7,5 %,2\n";
    // The "7,5 %" line has a decimal comma, so it must be quoted in a comma CSV.
    let csv = csv.replace("7,5 %", "\"7,5 %\"");
    let report = import_ok(&mut conn, "kobo.csv", csv.as_bytes());
    assert_eq!(
        names(&report.columns),
        ["start", "montant", "part", "group_a_q1"]
    );
    assert_eq!(types(&report.columns), [Datetime, Number, Number, Integer]);
    assert_warns(&report, "FCFA");
    let rows = query(&conn, "SELECT * FROM kobo ORDER BY rowid");
    assert_eq!(
        rows[0],
        [
            text("2024-03-15 08:30:00"),
            Value::Real(15000.0),
            Value::Real(12.0),
            Value::Integer(1_234_567)
        ]
    );
    assert_eq!(rows[1][2], Value::Real(7.5));
}

/// Region, households, rate, survey date, electricity, remark.
type SampleRow = (&'static str, f64, f64, (u16, u8, u8), bool, &'static str);

fn sample_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Données").unwrap();
    // Title in B1, header in B3 (not at A1).
    ws.write_string(0, 1, "Enquête ménages 2024").unwrap();
    let header = [
        "Région",
        "Ménages",
        "Taux",
        "Date enquête",
        "Électricité",
        "Remarque",
    ];
    for (i, h) in header.iter().enumerate() {
        ws.write_string(2, 1 + i as u16, *h).unwrap();
    }
    let data: [SampleRow; 3] = [
        ("Guéra", 1200.0, 12.5, (2024, 3, 15), true, "RAS"),
        ("Ouaddaï", 3400.0, 8.25, (2024, 3, 16), false, "pluie"),
        ("Salamat", 560.0, 10.0, (2024, 4, 1), true, ""),
    ];
    for (r, (region, menages, taux, (y, m, d), elec, rem)) in data.iter().enumerate() {
        let row = 3 + r as u32;
        ws.write_string(row, 1, *region).unwrap();
        ws.write_number(row, 2, *menages).unwrap();
        ws.write_number(row, 3, *taux).unwrap();
        ws.write_datetime_with_format(
            row,
            4,
            ExcelDateTime::from_ymd(*y, *m, *d).unwrap(),
            &date_fmt,
        )
        .unwrap();
        ws.write_boolean(row, 5, *elec).unwrap();
        if !rem.is_empty() {
            ws.write_string(row, 6, *rem).unwrap();
        }
    }
    let other = wb.add_worksheet();
    other.set_name("Notes").unwrap();
    other.write_string(0, 0, "Source").unwrap();
    other.write_string(1, 0, "INSEED").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn xlsx_types_and_header_not_at_a1() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "enquete.xlsx", &sample_xlsx());
    let preview = preview_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!(preview.format, "xlsx");
    assert_eq!(preview.sheet.as_deref(), Some("Données"));
    assert_eq!(preview.sheets, ["Données", "Notes"]);
    assert_eq!(preview.header_row, 3);
    assert_eq!(preview.rows[0][3], serde_json::json!("2024-03-15"));
    assert_eq!(preview.rows[1][4], serde_json::json!(false));

    let mut conn = db();
    let report = import_file(&mut conn, &path, &ImportOptions::default()).unwrap();
    assert_eq!(
        names(&report.columns),
        [
            "region",
            "menages",
            "taux",
            "date_enquete",
            "electricite",
            "remarque"
        ]
    );
    assert_eq!(
        types(&report.columns),
        [Text, Integer, Number, Date, Boolean, Text]
    );
    assert_eq!(report.rows, 3);
    assert_warns(&report, "2 feuilles");
    let rows = query(&conn, "SELECT * FROM enquete ORDER BY rowid");
    assert_eq!(
        rows[0],
        [
            text("Guéra"),
            Value::Integer(1200),
            Value::Real(12.5),
            text("2024-03-15"),
            Value::Integer(1),
            text("RAS")
        ]
    );
    assert_eq!(rows[2][5], Value::Null);
    let sheet = query(
        &conn,
        "SELECT sheet FROM workspace_tables WHERE name = 'enquete'",
    );
    assert_eq!(sheet, [[text("Données")]]);

    // Another sheet, by name (case-insensitive), and a missing one.
    let opts = ImportOptions {
        sheet: Some("notes".into()),
        table: Some("notes".into()),
        ..Default::default()
    };
    let report = import_file(&mut conn, &path, &opts).unwrap();
    assert_eq!(names(&report.columns), ["source"]);
    let opts = ImportOptions {
        sheet: Some("Feuil9".into()),
        table: Some("x".into()),
        ..Default::default()
    };
    match import_file(&mut conn, &path, &opts) {
        Err(ImportError::SheetNotFound { name, available }) => {
            assert_eq!(name, "Feuil9");
            assert_eq!(available, ["Données", "Notes"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn xlsx_too_large_is_refused() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "a").unwrap();
    ws.write_number(1_000_000, 2, 1.0).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let mut conn = db();
    let err = import_err(&mut conn, "big.xlsx", &bytes);
    assert!(
        matches!(
            err,
            ImportError::TooLarge {
                limit: Limit::Cells,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.code(), "import.too_large");
    // French thousands separated by narrow no-break spaces, as everywhere in the app.
    assert!(
        err.message_fr().contains("2\u{202f}000\u{202f}000"),
        "{}",
        err.message_fr()
    );
    assert!(
        err.message_en().contains("2,000,000"),
        "{}",
        err.message_en()
    );
}

#[test]
fn csv_row_with_too_many_columns() {
    let mut conn = db();
    let line = vec!["1"; MAX_CSV_COLUMNS + 1].join(",");
    let csv = format!("{line}\n{line}\n");
    let err = import_err(&mut conn, "wide.csv", csv.as_bytes());
    assert!(
        matches!(
            err,
            ImportError::TooLarge {
                limit: Limit::Columns,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!table_exists(&conn, "wide"));
}

#[test]
fn pdf_renamed_xlsx_and_other_formats() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "rapport.xlsx",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    );
    let mut conn = db();
    let err = import_file(&mut conn, &path, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, ImportError::UnsupportedFormat(_)), "{err:?}");
    assert_eq!(err.code(), "import.unsupported_format");
    assert!(err.message_fr().contains("PDF"), "{}", err.message_fr());
    assert!(preview_file(&path, &ImportOptions::default()).is_err());

    let err = import_err(&mut conn, "budget.numbers", b"PK\x03\x04rest");
    assert!(matches!(err, ImportError::UnsupportedFormat(_)), "{err:?}");
    let err = import_err(
        &mut conn,
        "page.xls",
        b"<html><table><tr><td>1</td></tr></table></html>",
    );
    assert!(matches!(err, ImportError::UnsupportedFormat(_)), "{err:?}");
    // A truncated workbook is unreadable.
    let xlsx = sample_xlsx();
    let err = import_err(&mut conn, "cut.xlsx", &xlsx[..xlsx.len() / 2]);
    assert!(matches!(err, ImportError::Unreadable(_)), "{err:?}");
    assert!(meta_count(&conn) == 0);
}

#[test]
fn sniffing_beats_the_extension() {
    let mut conn = db();
    // A workbook renamed .csv is read as a workbook.
    let report = import_ok(&mut conn, "vrai_classeur.csv", &sample_xlsx());
    assert_eq!(report.rows, 3);
    assert_warns(&report, "en réalité un classeur");
    // A CSV renamed .xls is read as CSV.
    let report = import_ok(&mut conn, "export.xls", b"a;b\n1;2\n");
    assert_eq!(names(&report.columns), ["a", "b"]);
    assert_warns(&report, "contient du texte");
}

#[test]
fn empty_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = db();
    let empty = write(&dir, "vide.csv", b"");
    let err = import_file(&mut conn, &empty, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, ImportError::Empty), "{err:?}");
    assert_eq!(err.code(), "import.empty");
    let blank = write(&dir, "blanc.csv", b"\n\n;;;\n  \n");
    let err = import_file(&mut conn, &blank, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, ImportError::Empty), "{err:?}");
    let err = import_err(&mut conn, "vide.xlsx", b"");
    assert!(matches!(err, ImportError::Empty), "{err:?}");

    let missing = dir.path().join("absent.csv");
    let err = import_file(&mut conn, &missing, &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(&err, ImportError::NotFound(p) if p == &missing),
        "{err:?}"
    );
    assert_eq!(err.code(), "import.not_found");
    assert_eq!(
        err.message_fr(),
        format!(
            "Fichier introuvable : « {} ». Vérifiez le nom et l'emplacement du fichier.",
            missing.display()
        )
    );
    assert!(matches!(
        preview_file(&missing, &ImportOptions::default()),
        Err(ImportError::NotFound(_))
    ));
    assert_eq!(meta_count(&conn), 0);
}

/// xorshift64*: deterministic pseudo-random bytes.
fn pseudo_random(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

#[test]
fn random_bytes_never_panic() {
    let names = [
        "r.csv",
        "r.tsv",
        "r.txt",
        "r.xlsx",
        "r.xlsm",
        "r.xlsb",
        "r.xls",
        "r.ods",
        "r.numbers",
        "r",
        "r.dat",
    ];
    let prefixes: [&[u8]; 5] = [
        b"",
        b"PK\x03\x04",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
    ];
    let xlsx = sample_xlsx();
    let mut conn = db();
    let dir = tempfile::tempdir().unwrap();
    for seed in 0..60u64 {
        let len = (seed as usize * 37) % 3000;
        for prefix in prefixes {
            let mut bytes = prefix.to_vec();
            bytes.extend(pseudo_random(seed, len));
            for name in names {
                let _ = import_bytes(&mut conn, name, &bytes, &ImportOptions::default());
            }
        }
        // A real workbook with a few corrupted bytes.
        let mut damaged = xlsx.clone();
        for (i, b) in pseudo_random(seed, 8).into_iter().enumerate() {
            let pos = (seed as usize * 7919 + i * 104_729) % damaged.len();
            damaged[pos] = b;
        }
        let _ = import_bytes(&mut conn, "d.xlsx", &damaged, &ImportOptions::default());
        let path = write(&dir, "p.xlsx", &damaged);
        let _ = preview_file(&path, &ImportOptions::default());
    }
    // Whatever happened, metadata matches the tables that exist.
    let registered = query(&conn, "SELECT name FROM workspace_tables");
    for row in registered {
        let Value::Text(name) = &row[0] else { panic!() };
        assert!(table_exists(&conn, name));
    }
}

#[test]
fn table_exists_and_replace() {
    let mut conn = db();
    import_ok(&mut conn, "t.csv", b"a\n1\n2\n");
    let err = import_err(&mut conn, "T.csv", b"b\nx\n");
    assert!(
        matches!(err, ImportError::TableExists(ref t) if t == "t"),
        "{err:?}"
    );
    assert_eq!(value(&conn, "SELECT count(*) FROM t"), Value::Integer(2));
    assert_eq!(meta_count(&conn), 1);

    let opts = ImportOptions {
        replace: true,
        ..Default::default()
    };
    let report = import_bytes(&mut conn, "t.csv", b"b\nx\n", &opts).unwrap();
    assert_eq!(report.rows, 1);
    assert_eq!(value(&conn, "SELECT b FROM t"), text("x"));
    assert_eq!(
        value(&conn, "SELECT row_count FROM workspace_tables"),
        Value::Integer(1)
    );
}

#[test]
fn failed_import_leaves_nothing_behind() {
    let mut conn = db();
    // Force a failure at the very end of the transaction: after the table is
    // created and filled, the metadata insert is refused.
    conn.execute_batch(
        "CREATE TRIGGER refuse BEFORE INSERT ON workspace_tables BEGIN SELECT RAISE(ABORT, 'refus'); END;",
    )
    .unwrap();
    let err = import_err(&mut conn, "perdu.csv", b"a,b\n1,2\n3,4\n");
    assert!(matches!(err, ImportError::Db(_)), "{err:?}");
    assert_eq!(err.code(), "import.db");
    assert!(!table_exists(&conn, "perdu"));
    assert_eq!(meta_count(&conn), 0);

    // A failed replace keeps the old table and its metadata.
    conn.execute_batch("DROP TRIGGER refuse").unwrap();
    import_ok(&mut conn, "garde.csv", b"a\n1\n");
    conn.execute_batch(
        "CREATE TRIGGER refuse BEFORE INSERT ON workspace_tables BEGIN SELECT RAISE(ABORT, 'refus'); END;",
    )
    .unwrap();
    let opts = ImportOptions {
        replace: true,
        ..Default::default()
    };
    assert!(import_bytes(&mut conn, "garde.csv", b"z\n9\n9\n", &opts).is_err());
    assert_eq!(value(&conn, "SELECT a FROM garde"), Value::Integer(1));
    assert_eq!(meta_count(&conn), 1);
}

#[test]
fn invalid_and_reserved_table_names() {
    // `profiles` is one of the app's own tables, made by the store's migration.
    let mut conn = db();
    assert!(table_exists(&conn, "profiles"));
    for bad in [
        "sqlite_x",
        "_x",
        "select",
        "workspace_tables",
        "1abc",
        "a b",
        "é",
        "",
        "profiles",
        "PROFILES",
    ] {
        for replace in [false, true] {
            let opts = ImportOptions {
                table: Some(bad.into()),
                replace,
                ..Default::default()
            };
            let err = import_bytes(&mut conn, "ok.csv", b"a\n1\n", &opts).unwrap_err();
            assert!(
                matches!(err, ImportError::InvalidTableName(_)),
                "{bad}: {err:?}"
            );
        }
    }
    assert!(table_exists(&conn, "profiles"));
    // Names derived from the file are made safe instead.
    for (file, table) in [
        ("2024 Données.csv", "t_2024_donnees"),
        ("sqlite_stat1.csv", "t_sqlite_stat1"),
        ("Mixed_Case.csv", "mixed_case"),
    ] {
        assert_eq!(import_ok(&mut conn, file, b"a\n1\n").table, table);
    }
}

#[test]
fn error_codes_and_messages() {
    let errors = vec![
        ImportError::NotFound(PathBuf::from("x.csv")),
        ImportError::Empty,
        ImportError::UnsupportedFormat("PDF".into()),
        ImportError::Unreadable("zip".into()),
        ImportError::Encrypted,
        ImportError::SheetNotFound {
            name: "A".into(),
            available: vec!["B".into()],
        },
        ImportError::TableExists("t".into()),
        ImportError::InvalidTableName("t".into()),
        ImportError::HeaderRowOutOfRange { row: 5, last: 2 },
        ImportError::TooLarge {
            limit: Limit::Cells,
            found: 3_000_000,
            max: MAX_SHEET_CELLS,
        },
        ImportError::TooLarge {
            limit: Limit::Columns,
            found: 10_001,
            max: 10_000,
        },
        ImportError::TooLarge {
            limit: Limit::TableColumns,
            found: 2_001,
            max: MAX_TABLE_COLUMNS as u64,
        },
        ImportError::Archive(ArchiveProblem::SeveralFiles(vec![
            "a.csv".into(),
            "b.csv".into(),
        ])),
        ImportError::Archive(ArchiveProblem::TooLarge("a.csv".into())),
        ImportError::Io(std::io::Error::other("usb")),
        ImportError::Db(rusqlite::Error::InvalidQuery),
    ];
    let mut codes = std::collections::HashSet::new();
    for e in &errors {
        assert!(e.code().starts_with("import."));
        codes.insert(e.code());
        assert!(!e.message_fr().is_empty() && !e.message_en().is_empty());
        assert!(!e.to_string().is_empty());
    }
    // The three size limits share one code.
    assert_eq!(codes.len(), errors.len() - 2);
    assert_eq!(
        ImportError::SheetNotFound {
            name: "A".into(),
            available: vec!["B".into(), "C".into()]
        }
        .message_fr(),
        "La feuille « A » n'existe pas dans ce classeur. Feuilles disponibles : « B », « C »."
    );
}

#[test]
fn file_is_read_twice_not_collected() {
    // Many rows through the streaming path: counts and a value at the end.
    let mut csv = String::from("n;v\n");
    for i in 0..5000 {
        csv.push_str(&format!("{i};{}\n", i * 2));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "long.csv", csv.as_bytes());
    let mut conn = db();
    let report = import_file(&mut conn, &path, &ImportOptions::default()).unwrap();
    assert_eq!(report.rows, 5000);
    assert_eq!(
        value(&conn, "SELECT v FROM long WHERE n = 4999"),
        Value::Integer(9998)
    );
    let preview = preview_file(Path::new(&path), &ImportOptions::default()).unwrap();
    assert_eq!(preview.rows.len(), PREVIEW_ROWS);
}

#[test]
fn password_protected_workbook() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/protege.xlsx");
    let mut conn = db();
    let err = import_file(&mut conn, &path, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, ImportError::Encrypted), "{err:?}");
    assert_eq!(err.code(), "import.encrypted");
    assert!(err.message_fr().contains("mot de passe"));
    // Renamed .xls, it is still recognised as an encrypted workbook.
    let bytes = std::fs::read(&path).unwrap();
    let err = import_err(&mut conn, "protege.xls", &bytes);
    assert!(matches!(err, ImportError::Encrypted), "{err:?}");
    assert_eq!(meta_count(&conn), 0);
}

// ---- Options: types, missing values; 1904 dates; Kobo; progress ----

#[test]
fn user_types_override_inference() {
    let csv = "id;Valeur;flag\n1;12,5;1\n2;13;0\n3;abc;1\n";
    let mut conn = db();
    // Inferred: valeur is text (2 of 3 fit), flag integer (0/1).
    let report = import_ok(&mut conn, "a.csv", csv.as_bytes());
    assert_eq!(types(&report.columns), [Integer, Text, Integer]);

    let mut types_wanted = std::collections::BTreeMap::new();
    types_wanted.insert("id".to_string(), Text); // by name
    types_wanted.insert("Valeur".to_string(), Number); // by label
    types_wanted.insert("flag".to_string(), Boolean);
    types_wanted.insert("absente".to_string(), Integer);
    let opts = ImportOptions {
        table: Some("b".into()),
        types: types_wanted,
        ..Default::default()
    };
    let report = import_bytes(&mut conn, "b.csv", csv.as_bytes(), &opts).unwrap();
    assert_eq!(types(&report.columns), [Text, Number, Boolean]);
    assert_warns(
        &report,
        "« Valeur » : 1 valeur n'est pas un nombre (ex. « abc »)",
    );
    assert_warns(&report, "« absente »");
    let rows = query(&conn, "SELECT id, valeur, flag FROM b ORDER BY rowid");
    assert_eq!(rows[0], [text("1"), Value::Real(12.5), Value::Integer(1)]);
    assert_eq!(rows[1], [text("2"), Value::Real(13.0), Value::Integer(0)]);
    assert_eq!(rows[2], [text("3"), text("abc"), Value::Integer(1)]);
    // The preview applies the same choices.
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "b.csv", csv.as_bytes());
    let preview = preview_file(&path, &opts).unwrap();
    assert_eq!(preview.rows[0][2], serde_json::json!(true));
    assert_eq!(preview.rows[2][1], serde_json::json!("abc"));
}

#[test]
fn missing_values_replace_the_default_list() {
    let csv = "a;b;c\n1;5;x\n2;999;NA\n3;7;y\n4;;-\n";
    let mut conn = db();
    let report = import_ok(&mut conn, "d.csv", csv.as_bytes());
    // Default list: NA and - are missing; 999 is a value.
    assert_eq!(types(&report.columns), [Integer, Integer, Text]);
    assert_eq!(
        query(&conn, "SELECT b, c FROM d ORDER BY rowid"),
        [
            [Value::Integer(5), text("x")],
            [Value::Integer(999), Value::Null],
            [Value::Integer(7), text("y")],
            [Value::Null, Value::Null],
        ]
    );
    let opts = ImportOptions {
        table: Some("e".into()),
        missing_values: Some(vec!["999".into(), " -".into()]),
        ..Default::default()
    };
    let report = import_bytes(&mut conn, "e.csv", csv.as_bytes(), &opts).unwrap();
    assert_eq!(types(&report.columns), [Integer, Integer, Text]);
    assert_eq!(
        query(&conn, "SELECT b, c FROM e ORDER BY rowid"),
        [
            [Value::Integer(5), text("x")],
            [Value::Null, text("NA")],
            [Value::Integer(7), text("y")],
            [Value::Null, Value::Null],
        ]
    );
    // An empty list: only blank cells are missing.
    let opts = ImportOptions {
        table: Some("f".into()),
        missing_values: Some(Vec::new()),
        ..Default::default()
    };
    import_bytes(&mut conn, "f.csv", csv.as_bytes(), &opts).unwrap();
    assert_eq!(value(&conn, "SELECT c FROM f WHERE a = 4"), text("-"));
}

/// Rewrites the `xl/workbook.xml` of an XLSX so that it uses the 1904 date
/// system (rust_xlsxwriter cannot: its 1904 support is crate-private).
fn with_1904_dates(xlsx: &[u8]) -> Vec<u8> {
    workbook::patch_part(xlsx, "xl/workbook.xml", |xml| {
        assert!(xml.contains("<workbookPr"), "{xml}");
        xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
    })
}

#[test]
fn excel_1904_date_system() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    let dt_fmt = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "jour").unwrap();
    ws.write_string(0, 1, "moment").unwrap();
    // Serial numbers written as such, read in the workbook's date system.
    for (r, (d, t)) in [(43000.0, 43000.5), (40000.0, 40000.25)].iter().enumerate() {
        ws.write_number_with_format(r as u32 + 1, 0, *d, &date_fmt)
            .unwrap();
        ws.write_number_with_format(r as u32 + 1, 1, *t, &dt_fmt)
            .unwrap();
    }
    let plain = wb.save_to_buffer().unwrap();
    let mut conn = db();
    // The 1900 system, as written by rust_xlsxwriter.
    let report = import_ok(&mut conn, "d1900.xlsx", &plain);
    assert_eq!(types(&report.columns), [Date, Datetime]);
    assert_eq!(
        query(&conn, "SELECT jour, moment FROM d1900 ORDER BY rowid"),
        [
            [text("2017-09-22"), text("2017-09-22 12:00:00")],
            [text("2009-07-06"), text("2009-07-06 06:00:00")],
        ]
    );
    // The same serials in the 1904 system are 1462 days later.
    let bytes = with_1904_dates(&plain);
    let report = import_ok(&mut conn, "d1904.xlsx", &bytes);
    assert_eq!(types(&report.columns), [Date, Datetime]);
    assert_eq!(
        query(&conn, "SELECT jour, moment FROM d1904 ORDER BY rowid"),
        [
            [text("2021-09-23"), text("2021-09-23 12:00:00")],
            [text("2013-07-07"), text("2013-07-07 06:00:00")],
        ]
    );
}

const KOBO_HEADER: [&str; 22] = [
    "start",
    "end",
    "today",
    "informations/region",
    "informations/village",
    "menage/taille",
    "menage/chef_femme",
    "menage/sources_eau",
    "menage/sources_eau/puits",
    "menage/sources_eau/forage",
    "menage/sources_eau/riviere",
    "commentaire",
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
];

/// Three submissions; the third did not answer the water question.
const KOBO_ROWS: [[&str; 22]; 3] = [
    [
        "2024-03-15T08:02:11.000+01:00",
        "2024-03-15T08:10:45.000+01:00",
        "2024-03-15",
        "Guéra",
        "Mongo",
        "7",
        "oui",
        "puits forage",
        "1",
        "1",
        "0",
        "",
        "154321",
        "0c4f1a9e-3b7d-4c55-9a0e-5d2f8e1b7a01",
        "2024-03-15T07:11:02",
        "",
        "",
        "submitted_via_web",
        "",
        "vXk3Yh8fQ2bLm9",
        "",
        "1",
    ],
    [
        "2024-03-15T09:15:00.000+01:00",
        "2024-03-15T09:31:12.000+01:00",
        "2024-03-15",
        "Ouaddaï",
        "Abéché",
        "5",
        "non",
        "riviere",
        "0",
        "0",
        "1",
        "Puits tari",
        "154322",
        "7d21b0c3-91aa-4e0f-8b2c-1f3e5a6c9d02",
        "2024-03-15T08:32:40",
        "",
        "",
        "submitted_via_web",
        "",
        "vXk3Yh8fQ2bLm9",
        "",
        "2",
    ],
    [
        "2024-03-16T10:00:00.000+01:00",
        "2024-03-16T10:05:00.000+01:00",
        "2024-03-16",
        "Salamat",
        "Am Timan",
        "9",
        "non",
        "",
        "",
        "",
        "",
        "",
        "154323",
        "e5b8c6d4-2f1a-4d3b-a7e9-0c4b2d1f8e03",
        "2024-03-16T09:06:13",
        "",
        "",
        "submitted_via_web",
        "",
        "vXk3Yh8fQ2bLm9",
        "",
        "3",
    ],
];

const KOBO_NAMES: [&str; 22] = [
    "start",
    "col_end",
    "today",
    "region",
    "village",
    "taille",
    "chef_femme",
    "sources_eau",
    "sources_eau__puits",
    "sources_eau__forage",
    "sources_eau__riviere",
    "commentaire",
    "kobo_id",
    "kobo_uuid",
    "kobo_submission_time",
    "kobo_validation_status",
    "kobo_notes",
    "kobo_status",
    "kobo_submitted_by",
    "kobo_version",
    "kobo_tags",
    "kobo_index",
];

fn check_kobo(conn: &Connection, report: &ImportReport) {
    assert_eq!(names(&report.columns), KOBO_NAMES);
    assert_eq!(report.columns[8].label, "menage/sources_eau/puits");
    assert_eq!(report.columns[12].label, "_id");
    assert_eq!(
        types(&report.columns),
        [
            Datetime, Datetime, Date, Text, Text, Integer, Boolean, Text, Boolean, Boolean,
            Boolean, Text, Integer, Text, Datetime, Text, Text, Text, Text, Text, Text, Integer
        ]
    );
    assert_warns(report, "KoboToolbox");
    let t = &report.table;
    assert_eq!(
        query(
            conn,
            &format!("SELECT region, sources_eau__puits, sources_eau__forage, sources_eau__riviere, kobo_submission_time, kobo_id, kobo_index FROM {t} ORDER BY rowid")
        ),
        [
            [text("Guéra"), Value::Integer(1), Value::Integer(1), Value::Integer(0), text("2024-03-15 07:11:02"), Value::Integer(154_321), Value::Integer(1)],
            [text("Ouaddaï"), Value::Integer(0), Value::Integer(0), Value::Integer(1), text("2024-03-15 08:32:40"), Value::Integer(154_322), Value::Integer(2)],
            [text("Salamat"), Value::Null, Value::Null, Value::Null, text("2024-03-16 09:06:13"), Value::Integer(154_323), Value::Integer(3)],
        ]
    );
    // Shares of households per water source: what the lesson computes.
    assert_eq!(
        query(
            conn,
            &format!("SELECT sum(sources_eau__puits), avg(sources_eau__riviere) FROM {t}")
        ),
        [[Value::Integer(1), Value::Real(0.5)]]
    );
}

#[test]
fn kobo_csv_export() {
    // KoboToolbox's CSV export: ";" separated, XML names, "/" group separator.
    let mut csv = KOBO_HEADER.join(";");
    csv.push('\n');
    for row in KOBO_ROWS {
        csv.push_str(&row.join(";"));
        csv.push('\n');
    }
    let mut conn = db();
    let report = import_ok(&mut conn, "enquete_eau_2024.csv", csv.as_bytes());
    check_kobo(&conn, &report);
}

#[test]
fn kobo_xlsx_export() {
    // KoboToolbox's XLSX export: numbers as numbers, dates as ISO text.
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("enquete_eau").unwrap();
    for (c, h) in KOBO_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in KOBO_ROWS.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            if v.is_empty() {
                continue;
            }
            match v.parse::<f64>() {
                Ok(n) if !v.contains('-') => ws.write_number(r, c, n).unwrap(),
                _ => ws.write_string(r, c, *v).unwrap(),
            };
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let mut conn = db();
    let report = import_ok(&mut conn, "enquete_eau_2024.xlsx", &bytes);
    check_kobo(&conn, &report);
}

fn check_progress(reports: &[Progress], rows: u64) {
    assert!(reports.len() >= 3, "{reports:?}");
    assert_eq!(reports[0].phase, Phase::Reading);
    assert!(reports.iter().any(|p| p.phase == Phase::Inferring));
    for w in reports.windows(2) {
        assert!(w[0].phase <= w[1].phase, "{reports:?}");
        if let (Some(a), Some(b)) = (w[0].fraction, w[1].fraction) {
            assert!(a <= b, "{reports:?}");
        }
    }
    let last = reports.last().unwrap();
    assert_eq!(last.phase, Phase::Writing);
    assert_eq!(last.fraction, Some(1.0));
    assert_eq!(last.rows, rows);
    assert_eq!(
        reports.iter().filter(|p| p.fraction == Some(1.0)).count(),
        1,
        "{reports:?}"
    );
    // Throttled: nothing like one report per row.
    assert!(reports.len() < 200, "{}", reports.len());
}

#[test]
fn progress_reports_come_in_order_and_end_at_one() {
    let mut csv = String::from("n;v;d\n");
    for i in 0..20_000 {
        csv.push_str(&format!("{i};{},5;2024-01-{:02}\n", i * 2, i % 28 + 1));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "long.csv", csv.as_bytes());
    let mut conn = db();
    let mut reports = Vec::new();
    let report = import_file_with_progress(&mut conn, &path, &ImportOptions::default(), &mut |p| {
        reports.push(*p)
    })
    .unwrap();
    assert_eq!(report.rows, 20_000);
    check_progress(&reports, 20_000);

    // A workbook too.
    let path = write(&dir, "sample.xlsx", &sample_xlsx());
    let mut reports = Vec::new();
    let report = import_file_with_progress(&mut conn, &path, &ImportOptions::default(), &mut |p| {
        reports.push(*p)
    })
    .unwrap();
    check_progress(&reports, report.rows);

    // No report claims completion when the import fails.
    let mut reports = Vec::new();
    let err = import_file_with_progress(&mut conn, &path, &ImportOptions::default(), &mut |p| {
        reports.push(*p)
    });
    assert!(matches!(err, Err(ImportError::TableExists(_))));
    assert!(reports.iter().all(|p| p.fraction != Some(1.0)));
}

#[test]
fn choice_columns_outside_kobo_and_boolean_from_numbers() {
    // "q" and "q/a": the select_multiple signature, even without Kobo metadata.
    let csv = "q,q/a,q/b\na,1,0\nb,0,1\na b,1,1\n";
    let mut conn = db();
    let report = import_ok(&mut conn, "g.csv", csv.as_bytes());
    assert_eq!(names(&report.columns), ["q", "q__a", "q__b"]);
    assert_eq!(types(&report.columns), [Text, Boolean, Boolean]);
    assert!(!report.warnings.iter().any(|w| w.contains("KoboToolbox")));
    // A plain 0/1 column stays an integer.
    let report = import_ok(&mut conn, "h.csv", b"x,y\n1,0\n2,1\n");
    assert_eq!(types(&report.columns), [Integer, Integer]);
}

/// Every warning of the import, from the catalog, in French word for word as it was
/// written in the code before the catalog, and in English with no French left.
#[test]
fn warning_sentences_in_french_and_english() {
    use crate::i18n::catalog::{tr, Arg};
    let args: &[(&str, Arg<'_>)] = &[
        ("file", "notes.csv".into()),
        ("ext", "xls".into()),
        ("count", "3".into()),
        ("n", 3usize.into()),
        ("sheet", "Santé".into()),
        ("row", "4".into()),
        ("column", "âge".into()),
        ("list", "#adm1, #date.".into()),
        ("name", "nom".into()),
        ("position", "2".into()),
        ("renamed", "nom_2".into()),
        ("first", "nom_2".into()),
        ("last", "nom_4".into()),
        ("positions", "2, 5".into()),
        ("label", "Prix".into()),
        ("noun", "des nombres".into()),
        ("example", "abc".into()),
        ("kind", "PNG".into()),
    ];
    let fr = [
        ("import-not-utf8", "Le fichier n'est pas en UTF-8 : il a été lu en Windows-1252 (l'encodage d'Excel sous Windows). Vérifiez les accents."),
        ("import-text-has-no-sheets", "Un fichier texte n'a pas de feuilles : le choix de feuille est ignoré."),
        ("import-really-a-workbook", "Le fichier « notes.csv » est en réalité un classeur : il est lu comme tel."),
        ("import-text-read-as-csv", "Le fichier « notes.csv » porte l'extension .xls mais contient du texte : il est lu comme un fichier CSV."),
        ("import-several-sheets", "Le classeur contient 3 feuilles ; seule la feuille « Santé » est lue. Choisissez une autre feuille si besoin."),
        ("import-no-header", "Aucune ligne d'en-tête reconnue : les colonnes sont nommées colonne_1, colonne_2… Indiquez la ligne d'en-tête si le fichier en a une."),
        ("import-rows-above-header", "3 ligne(s) au-dessus de l'en-tête (titre, notes) ont été ignorées ; l'en-tête est à la ligne 4."),
        ("import-no-data-rows", "Aucune ligne de données sous l'en-tête : la table est vide."),
        ("import-kobo", "Export KoboToolbox reconnu : les colonnes « groupe/question » portent le nom de la question, les choix multiples sont des colonnes oui/non « question__choix », et les métadonnées (_id, _uuid, _submission_time…) commencent par « kobo_ »."),
        ("import-type-for-unknown-column", "Type demandé pour la colonne « âge » : aucune colonne ne porte ce nom ; la demande est ignorée."),
        ("import-hxl-row", "Ligne de balises HXL reconnue (ligne 4) : #adm1, #date. Ce n'est pas une ligne de données : les balises sont gardées avec les colonnes."),
        ("import-hxl-names-from-tags", "Le fichier n'a pas de ligne d'intitulés : les colonnes sont nommées d'après leurs balises (#adm1+name devient adm1_name)."),
        ("import-duplicate-name-once", "Le nom de colonne « nom » apparaît plusieurs fois : la colonne 2 s'appelle « nom_2 »."),
        ("import-duplicate-name-many", "Le nom de colonne « nom » apparaît 3 fois : les colonnes suivantes s'appellent « nom_2 » à « nom_4 »."),
        ("import-unnamed-columns", "Colonne(s) sans nom dans l'en-tête (position 2, 5) : elles s'appellent « colonne_N »."),
        ("import-column-misfits", "Colonne « Prix » : 3 valeurs ne sont pas des nombres (ex. « abc ») ; elles sont gardées telles quelles."),
        ("import-column-currency", "Colonne « Prix » : montants avec unité monétaire (FCFA, €…) ; l'unité a été retirée et les valeurs sont enregistrées comme nombres."),
        ("import-column-percent", "Colonne « Prix » : pourcentages enregistrés sans le signe % (« 12 % » devient 12)."),
        ("import-column-formula-errors", "Colonne « Prix » : 3 cellule(s) contiennent une erreur de formule (ex. « abc ») ; elles sont laissées vides."),
        ("import-format-image", "image PNG"),
        ("import-format-web-page", "page web HTML"),
        ("import-format-extension", "fichier .xls"),
        ("import-format-binary", "fichier binaire"),
        ("import-format-not-a-workbook", "archive ou document qui n'est pas un classeur"),
    ];
    for (key, expected) in fr {
        assert_eq!(tr(Lang::Fr, key, args), expected, "{key}");
    }
    let mut one = args.to_vec();
    one.retain(|(name, _)| *name != "n" && *name != "count");
    one.extend([("n", Arg::from(1usize)), ("count", "1".into())]);
    one.retain(|(name, _)| *name != "noun");
    one.push((
        "noun",
        Arg::from(crate::tr!(Lang::Fr, "import-type-integer", n = 1)),
    ));
    assert_eq!(
        tr(Lang::Fr, "import-column-misfits", &one),
        "Colonne « Prix » : 1 valeur n'est pas un nombre entier (ex. « abc ») ; elle est gardée telle quelle."
    );
    for key in crate::i18n::catalog::keys(Lang::En) {
        if key.starts_with("import-") {
            for a in [args, &one[..]] {
                let en = tr(Lang::En, &key, a);
                assert!(!en.contains(" : ") && !en.contains('«'), "{key}: {en}");
                assert_ne!(en, tr(Lang::Fr, &key, a), "{key} is not translated");
            }
        }
    }
}

/// What a refused file is, in the import's language.
#[test]
fn unsupported_formats_are_described_in_the_language_of_the_import() {
    let files: [(&str, &[u8], &str, &str); 4] = [
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\nrest",
            "image PNG",
            "PNG image",
        ),
        (
            "page.xls",
            b"<html><table></table></html>",
            "page web HTML",
            "HTML web page",
        ),
        ("notes.md", b"# Titre\n", "fichier .md", ".md file"),
        (
            "lettre.docx",
            &sample_docx(),
            "archive ou document qui n'est pas un classeur",
            "archive or document that is not a workbook",
        ),
    ];
    for (file, bytes, fr, en) in files {
        for (lang, expected) in [(Lang::Fr, fr), (Lang::En, en)] {
            let opts = ImportOptions {
                lang,
                ..Default::default()
            };
            match preview_bytes(file, bytes, &opts) {
                Err(ImportError::UnsupportedFormat(what)) => assert_eq!(what, expected, "{file}"),
                other => panic!("{file}: {other:?}"),
            }
        }
    }
}

/// A zip archive that is no workbook (a word-processing document).
fn sample_docx() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(&mut zip, b"<w:document/>").unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn the_file_dialog_offers_every_format_and_compressed_files() {
    assert_eq!(&PICK_EXTENSIONS[..EXTENSIONS.len()], EXTENSIONS);
    assert_eq!(&PICK_EXTENSIONS[EXTENSIONS.len()..], ["gz", "zip"]);
}
