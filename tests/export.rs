//! Export round trips: import a CSV into a workspace database, export the table to each
//! format, read the file back (csv crate, calamine) and compare values and types; then
//! import the exported file again and compare the two SQLite tables.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use datajam::import::{import_file, ColumnType, ImportOptions};
use datajam::store::export::{export_table, ExportError, ExportFormat, ExportReport};
use datajam::store::tables::{list_tables, table_info};
use datajam::store::Store;
use rusqlite::types::Value;
use rusqlite::Connection;

const REGIONS: &[&str] = &["Guéra", "Ouaddaï", "N'Djaména", "Mayo-Kebbi Est"];

/// The source CSV's header, as any exported CSV writes it back.
const HEADER: [&str; 8] = [
    "Région",
    "Population",
    "Taux d'accès (%)",
    "Date de collecte",
    "Horodatage",
    "Électrifié",
    "Code",
    "Remarque",
];

/// A French Excel-style CSV: `;`, decimal commas, day-first dates, oui/non, one misfit
/// value in the integer column, a text field with `,` `;` quotes and a newline.
fn source_csv() -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    w.write_record(HEADER).unwrap();
    for i in 0..20u32 {
        let population = if i == 7 {
            "inconnu".to_string()
        } else {
            (1000 + i * 137).to_string()
        };
        let taux = format!("{},25", i);
        let date = format!("{:02}/03/2009", i + 1);
        let stamp = format!("2024-03-15 08:{:02}:00", i);
        let bool_ = if i % 2 == 0 { "oui" } else { "non" };
        let code = format!("TD-{:02}", i);
        let note = if i == 3 {
            "Lac, « Bol »; nord \"centre\"\nligne 2".to_string()
        } else if i == 4 {
            String::new()
        } else {
            format!("école n°{i}")
        };
        w.write_record([
            REGIONS[i as usize % 4],
            &population,
            &taux,
            &date,
            &stamp,
            bool_,
            &code,
            &note,
        ])
        .unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

struct Fixture {
    dir: tempfile::TempDir,
    store: Store,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("data")).unwrap();
        let src = dir.path().join("Accès électricité.csv");
        std::fs::write(&src, source_csv()).unwrap();
        let opts = ImportOptions {
            table: Some("acces".into()),
            ..Default::default()
        };
        let report = import_file(store.conn_mut(), &src, &opts).unwrap();
        assert_eq!(report.rows, 20);
        Fixture { dir, store }
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn conn(&self) -> &Connection {
        self.store.conn()
    }

    /// Exports `table` to the file `name`, in the format its extension picks (French CSV
    /// for `.csv`): the file's path and the report, which must count all 20 rows.
    fn export_as(&self, table: &str, name: &str) -> (PathBuf, ExportReport) {
        let path = self.out(name);
        let format = ExportFormat::from_path(&path, true).unwrap();
        let report = export_table(self.conn(), table, &path, format).unwrap();
        assert_eq!(report.rows, 20);
        (path, report)
    }

    /// Re-imports an exported file as `table` and checks it equals `acces`.
    fn reimport_equals_original(&mut self, path: &Path, table: &str) {
        let opts = ImportOptions {
            table: Some(table.into()),
            ..Default::default()
        };
        let report = import_file(self.store.conn_mut(), path, &opts).unwrap();
        let original = table_info(self.conn(), "acces").unwrap();
        let again = table_info(self.conn(), table).unwrap();
        assert_eq!(again.columns, original.columns, "{}", path.display());
        assert_eq!(report.rows, 20);
        assert_eq!(
            all_rows(self.conn(), table),
            all_rows(self.conn(), "acces"),
            "{}",
            path.display()
        );
    }
}

fn all_rows(conn: &Connection, table: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
        .unwrap();
    let n = stmt.column_count();
    let rows = stmt
        .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn read_csv(path: &Path, delimiter: u8) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn imported_table_is_listed_with_its_types() {
    let fx = Fixture::new();
    let tables = list_tables(fx.conn()).unwrap();
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(t.name, "acces");
    assert_eq!(t.source_file, "Accès électricité.csv");
    assert_eq!(t.rows, 20);
    let types: Vec<ColumnType> = t.columns.iter().map(|c| c.column_type).collect();
    use ColumnType::*;
    assert_eq!(
        types,
        [Text, Integer, Number, Date, Datetime, Boolean, Text, Text]
    );
    assert!(
        t.warnings.iter().any(|w| w.contains("inconnu")),
        "{:?}",
        t.warnings
    );
    let json = serde_json::to_value(t).unwrap();
    assert_eq!(json["columns"][1]["type"], "integer");
    assert_eq!(json["sheet"], serde_json::Value::Null);
}

#[test]
fn csv_round_trip() {
    let mut fx = Fixture::new();
    let path = fx.out("export.csv");
    let report = export_table(fx.conn(), "acces", &path, ExportFormat::Csv).unwrap();
    assert_eq!(report.rows, 20);
    assert_eq!(report.table, "acces");
    assert_eq!(report.format, ExportFormat::Csv);
    assert_eq!(report.path, path);
    let rows = read_csv(&path, b',');
    assert_eq!(rows.len(), 21);
    assert_eq!(rows[0], HEADER);
    assert_eq!(
        rows[1],
        [
            "Guéra",
            "1000",
            "0.25",
            "2009-03-01",
            "2024-03-15 08:00:00",
            "TRUE",
            "TD-00",
            "école n°0"
        ]
    );
    assert_eq!(rows[2][5], "FALSE");
    assert_eq!(rows[4][7], "Lac, « Bol »; nord \"centre\"\nligne 2");
    assert_eq!(rows[5][7], "");
    assert_eq!(rows[8][1], "inconnu", "misfit kept as its text");
    assert_eq!(rows[2][0], "Ouaddaï");
    let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
    assert!(text.contains("\r\n"));
    fx.reimport_equals_original(&path, "acces_csv");
}

#[test]
fn french_csv_round_trip() {
    let mut fx = Fixture::new();
    let (path, report) = fx.export_as("ACCES", "export_fr.csv");
    assert_eq!(report.format, ExportFormat::CsvFrench);
    let bytes = std::fs::read(&path).unwrap();
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap();
    assert!(first_line.starts_with(b"\xEF\xBB\xBFR\xC3\xA9gion;Population;"));
    let rows = read_csv(&path, b';');
    assert_eq!(
        rows[2],
        [
            "Ouaddaï",
            "1137",
            "1,25",
            "02/03/2009",
            "15/03/2024 08:01:00",
            "FAUX",
            "TD-01",
            "école n°1"
        ]
    );
    assert_eq!(rows[1][5], "VRAI");
    assert!(rows.iter().skip(1).all(|r| !r[2].contains('.')));
    assert_eq!(rows[4][7], "Lac, « Bol »; nord \"centre\"\nligne 2");
    assert_eq!(rows[8][1], "inconnu");
    fx.reimport_equals_original(&path, "acces_csv_fr");
}

#[test]
fn xlsx_round_trip_with_typed_cells() {
    let mut fx = Fixture::new();
    let (path, report) = fx.export_as("acces", "export.xlsx");
    assert!(report.warnings.is_empty());

    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(wb.sheet_names(), ["acces"]);
    let range = wb.worksheet_range("acces").unwrap();
    assert_eq!(range.start(), Some((0, 0)));
    assert_eq!(range.height(), 21);
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String("Région".into()));
    assert_eq!(rows[0][5], Data::String("Électrifié".into()));
    let r = rows[2];
    assert_eq!(r[0], Data::String("Ouaddaï".into()));
    assert_eq!(r[1], Data::Float(1137.0));
    assert_eq!(r[2], Data::Float(1.25));
    match &r[3] {
        Data::DateTime(d) => {
            assert!(d.is_datetime());
            assert_eq!(d.to_ymd_hms_milli(), (2009, 3, 2, 0, 0, 0, 0));
        }
        other => panic!("date cell: {other:?}"),
    }
    match &r[4] {
        Data::DateTime(d) => assert_eq!(d.to_ymd_hms_milli(), (2024, 3, 15, 8, 1, 0, 0)),
        other => panic!("datetime cell: {other:?}"),
    }
    assert_eq!(r[5], Data::Bool(false));
    assert_eq!(rows[1][5], Data::Bool(true));
    assert_eq!(r[6], Data::String("TD-01".into()));
    assert_eq!(rows[8][1], Data::String("inconnu".into()), "misfit as text");
    assert_eq!(rows[5][7], Data::Empty);
    assert_eq!(
        rows[4][7],
        Data::String("Lac, « Bol »; nord \"centre\"\nligne 2".into())
    );

    // Header bold and frozen: look at the sheet XML.
    let xml = sheet_xml(&path);
    assert!(xml.contains("state=\"frozen\""), "frozen pane");
    assert!(xml.contains("<col "), "column widths");
    assert!(xml.contains("formatCode=\"dd/mm/yyyy\"") || styles_xml(&path).contains("dd/mm/yyyy"));
    assert!(styles_xml(&path).contains("<b/>"), "bold header");

    fx.reimport_equals_original(&path, "acces_xlsx");
}

fn zip_entry(path: &Path, name: &str) -> String {
    // calamine depends on zip; reading the part through it keeps the test dependency-free.
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut entry = archive.by_name(name).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut entry, &mut s).unwrap();
    s
}

fn sheet_xml(path: &Path) -> String {
    zip_entry(path, "xl/worksheets/sheet1.xml")
}

fn styles_xml(path: &Path) -> String {
    zip_entry(path, "xl/styles.xml")
}

#[test]
fn existing_target_is_replaced() {
    let fx = Fixture::new();
    let path = fx.out("export.csv");
    std::fs::write(&path, "ancien contenu").unwrap();
    export_table(fx.conn(), "acces", &path, ExportFormat::Csv).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("\u{FEFF}Région,"));
    assert_eq!(
        files_in(fx.dir.path()),
        ["Accès électricité.csv", "data", "export.csv"]
    );
}

#[test]
fn unknown_or_app_tables_are_refused_and_nothing_is_written() {
    let fx = Fixture::new();
    let out = fx.out("out");
    std::fs::create_dir(&out).unwrap();
    for table in [
        "nothing",
        "profiles",
        "workspace_tables",
        "sqlite_master",
        "acces\"; DROP TABLE profiles; --",
    ] {
        for format in [
            ExportFormat::Csv,
            ExportFormat::CsvFrench,
            ExportFormat::Xlsx,
        ] {
            let path = out.join(format!("t.{}", format.extension()));
            let err = export_table(fx.conn(), table, &path, format).unwrap_err();
            assert!(matches!(err, ExportError::TableNotFound(_)), "{err:?}");
            assert_eq!(err.code(), "export.table_not_found");
            assert!(err.message_fr().contains(table));
            let wrapped = datajam::Error::from(err);
            assert_eq!(wrapped.code(), "export.table_not_found");
        }
    }
    assert!(files_in(&out).is_empty());
    // The injection attempt did nothing.
    let n: i64 = fx
        .conn()
        .query_row("SELECT count(*) FROM profiles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn missing_folder_and_folder_target_are_clear_errors() {
    let fx = Fixture::new();
    let path = fx.out("pas_de_dossier").join("export.csv");
    let err = export_table(fx.conn(), "acces", &path, ExportFormat::Csv).unwrap_err();
    assert_eq!(err.code(), "export.io");
    assert!(
        err.message_fr().contains("dossier n'existe pas"),
        "{}",
        err.message_fr()
    );
    assert!(!fx.out("pas_de_dossier").exists());

    let dir_target = fx.out("un_dossier.csv");
    std::fs::create_dir(&dir_target).unwrap();
    let err = export_table(fx.conn(), "acces", &dir_target, ExportFormat::Csv).unwrap_err();
    assert_eq!(err.code(), "export.invalid_path");
    assert!(files_in(&dir_target).is_empty());
}

/// Registered columns that do not match the table any more (a damaged database) are
/// refused; the old file is left untouched and no temporary file behind. (SQLite would
/// otherwise read a quoted unknown column as a string literal.) The unit tests of
/// `export` cover a failure in the middle of writing.
#[test]
fn damaged_metadata_is_refused_and_leaves_no_partial_file() {
    let fx = Fixture::new();
    let out = fx.out("out");
    std::fs::create_dir(&out).unwrap();
    let path = out.join("export.xlsx");
    std::fs::write(&path, b"old").unwrap();
    fx.conn()
        .execute(
            "UPDATE workspace_tables SET columns_json = ?1 WHERE name = 'acces'",
            [r#"[{"name":"disparue","label":"Disparue","type":"text"}]"#],
        )
        .unwrap();
    for format in [
        ExportFormat::Csv,
        ExportFormat::CsvFrench,
        ExportFormat::Xlsx,
    ] {
        let err = export_table(fx.conn(), "acces", &path, format).unwrap_err();
        assert_eq!(err.code(), "export.column_missing", "{err:?}");
        assert!(err.message_fr().contains("disparue"));
    }
    assert_eq!(files_in(&out), ["export.xlsx"]);
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
}

#[cfg(unix)]
#[test]
fn read_only_folder_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let fx = Fixture::new();
    let out = fx.out("lecture_seule");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(out.join("probe"), b"x").is_ok() {
        // Running as root: permissions are not enforced; nothing to test here.
        std::fs::remove_file(out.join("probe")).unwrap();
        return;
    }
    let err =
        export_table(fx.conn(), "acces", &out.join("e.xlsx"), ExportFormat::Xlsx).unwrap_err();
    assert_eq!(err.code(), "export.io");
    assert!(err.message_fr().contains("accès refusé"));
    assert!(files_in(&out).is_empty());
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn duplicate_labels_fall_back_to_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let src = dir.path().join("doublons.csv");
    std::fs::write(&src, "Total;total;Zone\n1;2;Nord\n3;4;Sud\n").unwrap();
    import_file(store.conn_mut(), &src, &ImportOptions::default()).unwrap();
    let path = dir.path().join("d.csv");
    export_table(store.conn(), "doublons", &path, ExportFormat::Csv).unwrap();
    let rows = read_csv(&path, b',');
    assert_eq!(rows[0], ["total", "total_2", "zone"]);
    assert_eq!(rows[1], ["1", "2", "Nord"]);
}

#[test]
fn errors_have_both_languages() {
    let err = ExportFormat::from_path(Path::new("x.pdf"), true).unwrap_err();
    let e = datajam::Error::from(err);
    assert_eq!(e.code(), "export.unsupported_format");
    assert!(e.message(datajam::i18n::Lang::Fr).contains(".pdf"));
    assert!(e.message(datajam::i18n::Lang::En).contains("Cannot export"));
}

#[test]
fn through_the_workshop_as_the_app_calls_it() {
    use datajam::i18n::Lang;
    let dir = tempfile::tempdir().unwrap();
    let mut w = datajam::Workshop::open(&dir.path().join("data"), Lang::Fr).unwrap();
    let src = dir.path().join("Écoles.csv");
    std::fs::write(&src, "Province;Écoles\nBatha;120\nLac;85\n").unwrap();
    let imported = w.import(&src, &ImportOptions::default()).unwrap();
    let tables = w.tables().unwrap();
    assert!(tables.iter().any(|t| t.name == imported.table));
    assert_eq!(w.table_info(&imported.table).unwrap().rows, 2);
    let out = dir.path().join("écoles.xlsx");
    let format = ExportFormat::from_path(&out, w.lang() == Lang::Fr).unwrap();
    let report = w.export_table(&imported.table, &out, format).unwrap();
    assert_eq!(report.rows, 2);
    assert!(out.exists());
    let err = w
        .export_table(
            "inconnue",
            &dir.path().join("x.csv"),
            ExportFormat::CsvFrench,
        )
        .unwrap_err();
    assert_eq!(err.code(), "export.table_not_found");
    assert!(err.message(Lang::Fr).contains("« inconnue »"));
    assert!(err.message(Lang::En).contains("“inconnue”"));
    let err = w.table_info("inconnue").unwrap_err();
    assert_eq!(err.code(), "table.not_found");
}

/// Text cells a spreadsheet would run as formulas (OWASP "CSV injection") are written
/// with a leading `'` in both CSV formats; numbers, negative ones included, stay numbers;
/// in XLSX such a text is a text cell, never a formula.
#[test]
fn formula_like_texts_are_defused_in_csv_and_stay_text_in_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let src = dir.path().join("notes.csv");
    std::fs::write(&src, "=Nom;Valeur\nAïcha;4,5\n").unwrap();
    let opts = ImportOptions {
        table: Some("notes".into()),
        ..Default::default()
    };
    import_file(store.conn_mut(), &src, &opts).unwrap();
    // Stored text, number, and the text as both CSV formats write it.
    let hostile = [
        ("=SUM(A1:A2)", -3.0, "'=SUM(A1:A2)"),
        ("+235 66 00 00 00", 1.0, "'+235 66 00 00 00"),
        ("-2+3", 2.0, "'-2+3"),
        ("@cmd", 3.0, "'@cmd"),
        ("\t=1", 4.0, "'\t=1"),
        ("\r=1", 5.0, "'\r=1"),
        ("sûr = oui", -0.5, "sûr = oui"),
    ];
    for (text, n, _) in hostile {
        store
            .conn()
            .execute("INSERT INTO notes VALUES (?1, ?2)", (text, n))
            .unwrap();
    }
    let conn = store.conn();
    let columns = &table_info(conn, "notes").unwrap().columns;
    assert_eq!(columns[1].column_type, ColumnType::Number);
    let expected = |french: bool| -> Vec<Vec<String>> {
        let num = |n: f64| {
            let s = n.to_string();
            if french {
                s.replace('.', ",")
            } else {
                s
            }
        };
        let mut rows = vec![
            vec!["'=Nom".to_string(), "Valeur".to_string()],
            vec!["Aïcha".to_string(), num(4.5)],
        ];
        for (_, n, written) in hostile {
            rows.push(vec![written.to_string(), num(n)]);
        }
        rows
    };
    for (format, delimiter, french) in [
        (ExportFormat::Csv, b',', false),
        (ExportFormat::CsvFrench, b';', true),
    ] {
        let path = dir.path().join(format!("notes-{french}.csv"));
        export_table(conn, "notes", &path, format).unwrap();
        let rows = read_csv(&path, delimiter);
        assert_eq!(rows, expected(french), "{format:?}");
        assert_eq!(
            rows[2],
            ["'=SUM(A1:A2)", "-3"],
            "a negative number stays a number"
        );
    }

    let path = dir.path().join("notes.xlsx");
    export_table(conn, "notes", &path, ExportFormat::Xlsx).unwrap();
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let range = wb.worksheet_range("notes").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String("=Nom".into()));
    assert_eq!(rows[2][0], Data::String("=SUM(A1:A2)".into()));
    assert_eq!(rows[2][1], Data::Float(-3.0));
    assert_eq!(rows[3][0], Data::String("+235 66 00 00 00".into()));
    assert!(!sheet_xml(&path).contains("<f>"), "no formula cell");
}
