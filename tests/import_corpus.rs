//! A corpus of small, tricky files as trainees bring them, each with the table it must
//! give: column names, types and every value read back from SQLite. Files are generated
//! here (text, `encoding_rs`, `rust_xlsxwriter`); only the public API is used.

#[path = "support/workbook.rs"]
mod workbook;

use datajam::i18n::Lang;
use datajam::import::{
    import_bytes, preview_file, ColumnInfo, ColumnType, ImportError, ImportOptions, ImportReport,
    Limit, MAX_TABLE_COLUMNS,
};
use datajam::store::tables::table_info;
use datajam::Workshop;
use rusqlite::types::Value;
use rusqlite::Connection;
use rust_xlsxwriter::Format;
use workbook::{grid, patch_part, xlsx, Cells};

use ColumnType::{Boolean, Date, Datetime, Integer, Number, Text};

fn db() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(datajam::store::MIGRATIONS[0]).unwrap();
    conn
}

fn t(s: &str) -> Value {
    Value::Text(s.to_string())
}
fn i(v: i64) -> Value {
    Value::Integer(v)
}
fn r(v: f64) -> Value {
    Value::Real(v)
}
const N: Value = Value::Null;

/// An imported table as read back from SQLite.
#[derive(Debug)]
struct Table {
    report: ImportReport,
    names: Vec<String>,
    types: Vec<ColumnType>,
    rows: Vec<Vec<Value>>,
}

impl Table {
    fn labels(&self) -> Vec<&str> {
        self.report
            .columns
            .iter()
            .map(|c| c.label.as_str())
            .collect()
    }
    fn has_warning(&self, needle: &str) -> bool {
        self.report.warnings.iter().any(|w| w.contains(needle))
    }
}

fn read_back(conn: &Connection, report: ImportReport) -> Table {
    let info = table_info(conn, &report.table).unwrap();
    assert_eq!(info.columns, report.columns, "workspace_tables agrees");
    assert_eq!(info.rows, report.rows);
    let mut stmt = conn
        .prepare(&format!(
            "SELECT * FROM \"{}\" ORDER BY rowid",
            report.table
        ))
        .unwrap();
    let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let n = names.len();
    let rows: Vec<Vec<Value>> = stmt
        .query_map([], |row| (0..n).map(|c| row.get::<_, Value>(c)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(stmt);
    let reported: Vec<&str> = report.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, reported, "SQLite columns are the reported ones");
    let types = report.columns.iter().map(|c| c.column_type).collect();
    assert_eq!(rows.len() as u64, report.rows);
    Table {
        report,
        names,
        types,
        rows,
    }
}

fn import_with(file_name: &str, bytes: &[u8], opts: &ImportOptions) -> Table {
    let mut conn = db();
    let report = import_bytes(&mut conn, file_name, bytes, opts)
        .unwrap_or_else(|e| panic!("{file_name}: {e:?}"));
    read_back(&conn, report)
}

fn import(file_name: &str, bytes: &[u8]) -> Table {
    import_with(file_name, bytes, &ImportOptions::default())
}

fn assert_table(table: &Table, names: &[&str], types: &[ColumnType], rows: &[Vec<Value>]) {
    assert_eq!(table.names, names, "names");
    assert_eq!(table.types, types, "types");
    assert_eq!(table.rows, rows, "rows");
}

// ---------------------------------------------------------------- text encodings

#[test]
fn french_excel_csv_windows_1252_with_thousands_separators() {
    // What Excel in French writes with "CSV (séparateur : point-virgule)".
    let text = "Région;Population;Budget (FCFA);Superficie\r\n\
                Guéra;553 795;1.234.567;58 950,5\r\n\
                Ouaddaï;721\u{a0}166;12.000.000;28 105,25\r\n\
                Hadjer-Lamis;562 957;987;12,75\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    assert!(bytes.contains(&0xE9), "é as one Windows-1252 byte");
    let table = import("recensement.csv", &bytes);
    assert_table(
        &table,
        &["region", "population", "budget_fcfa", "superficie"],
        &[Text, Integer, Integer, Number],
        &[
            vec![t("Guéra"), i(553_795), i(1_234_567), r(58_950.5)],
            vec![t("Ouaddaï"), i(721_166), i(12_000_000), r(28_105.25)],
            vec![t("Hadjer-Lamis"), i(562_957), i(987), r(12.75)],
        ],
    );
    assert_eq!(table.labels()[0], "Région");
    assert!(table.has_warning("Windows-1252"));
}

/// A single dot group ("2.000") is ambiguous on its own, but in a column where
/// "1.234.567" shows that dots group thousands (and in a file with decimal commas) it
/// means 2000, never 2 (a silent loss of three digits).
#[test]
fn french_dot_thousands_single_group() {
    let text = "Région;Budget\r\nGuéra;1.234.567\r\nOuaddaï;2.000\r\nLac;987\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let table = import("budget.csv", &bytes);
    assert_table(
        &table,
        &["region", "budget"],
        &[Text, Integer],
        &[
            vec![t("Guéra"), i(1_234_567)],
            vec![t("Ouaddaï"), i(2_000)],
            vec![t("Lac"), i(987)],
        ],
    );
}

#[test]
fn french_csv_narrow_no_break_space_thousands() {
    // U+202F (narrow no-break space, the French typographic separator) does not exist in
    // Windows-1252: such files are UTF-8.
    let text = "\u{feff}Province;Élèves;Ratio\n\
                Batha;12\u{202f}345;1,5\n\
                Kanem;1\u{202f}000\u{202f}000;0,25\n";
    let table = import("eleves.csv", text.as_bytes());
    assert_table(
        &table,
        &["province", "eleves", "ratio"],
        &[Text, Integer, Number],
        &[
            vec![t("Batha"), i(12_345), r(1.5)],
            vec![t("Kanem"), i(1_000_000), r(0.25)],
        ],
    );
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    // Excel's "Texte Unicode": UTF-16 LE with BOM, tab-separated.
    let text = "Ville\tHabitants\r\nAbéché\t76492\r\nMoundou\t137929\r\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    for (name, bytes) in [("villes_le.txt", le), ("villes_be.txt", be)] {
        let table = import(name, &bytes);
        assert_table(
            &table,
            &["ville", "habitants"],
            &[Text, Integer],
            &[vec![t("Abéché"), i(76_492)], vec![t("Moundou"), i(137_929)]],
        );
    }
}

#[test]
fn utf8_without_bom() {
    let text = "Localité,Ethnie majoritaire,Année\nFaya-Largeau,Toubou,2009\nBongor,Massa,2009\n";
    let table = import("localites.csv", text.as_bytes());
    assert_table(
        &table,
        &["localite", "ethnie_majoritaire", "annee"],
        &[Text, Text, Integer],
        &[
            vec![t("Faya-Largeau"), t("Toubou"), i(2009)],
            vec![t("Bongor"), t("Massa"), i(2009)],
        ],
    );
    assert!(!table.has_warning("Windows-1252"));
}

// ---------------------------------------------------------------- delimiters, quoting

#[test]
fn tab_separated() {
    let text = "Province\tÉcoles\tTaux\nLogone Occidental\t412\t61,5\nTandjilé\t388\t48,0\n";
    for name in ["ecoles.tsv", "ecoles.txt", "ecoles.csv"] {
        let table = import(name, text.as_bytes());
        assert_table(
            &table,
            &["province", "ecoles", "taux"],
            &[Text, Integer, Number],
            &[
                vec![t("Logone Occidental"), i(412), r(61.5)],
                vec![t("Tandjilé"), i(388), r(48.0)],
            ],
        );
    }
}

#[test]
fn pipe_separated() {
    let text = "code|nom|valeur\nTD-BA|Batha|1.5\nTD-BG|Bahr el Gazel|2.25\n";
    let table = import("codes.txt", text.as_bytes());
    assert_table(
        &table,
        &["code", "nom", "valeur"],
        &[Text, Text, Number],
        &[
            vec![t("TD-BA"), t("Batha"), r(1.5)],
            vec![t("TD-BG"), t("Bahr el Gazel"), r(2.25)],
        ],
    );
}

#[test]
fn quoted_fields_with_newlines_and_semicolons() {
    let text = "Date;Catégorie;Description\n\
                2024-03-01;Eau;\"Puits en panne ; pas de réparation\nsignalé par 3 personnes\"\n\
                2024-03-02;Santé;\"Le centre dit \"\"fermé\"\"; revenir lundi\"\n\
                2024-03-03;Eau;simple\n";
    let table = import("signalements.csv", text.as_bytes());
    assert_table(
        &table,
        &["date", "categorie", "description"],
        &[Date, Text, Text],
        &[
            vec![
                t("2024-03-01"),
                t("Eau"),
                t("Puits en panne ; pas de réparation\nsignalé par 3 personnes"),
            ],
            vec![
                t("2024-03-02"),
                t("Santé"),
                t("Le centre dit \"fermé\"; revenir lundi"),
            ],
            vec![t("2024-03-03"), t("Eau"), t("simple")],
        ],
    );
}

// ---------------------------------------------------------------- values

#[test]
fn percentages() {
    let text = "Province;Taux de scolarisation;Part\nBatha;45 %;12,5%\nLac;38,5 %;7%\n";
    let table = import("taux.csv", text.as_bytes());
    // The % sign is dropped: "45 %" is stored as 45 (not 0.45), with a warning.
    assert_table(
        &table,
        &["province", "taux_de_scolarisation", "part"],
        &[Text, Number, Number],
        &[
            vec![t("Batha"), r(45.0), r(12.5)],
            vec![t("Lac"), r(38.5), r(7.0)],
        ],
    );
    assert!(table.has_warning("pourcentages"));
}

#[test]
fn fcfa_amounts_become_numbers_with_a_warning() {
    let text =
        "Article;Prix\nSac de mil;15 000 FCFA\nSavon;500 F CFA\nCahier;250 F\nStylo;100 XAF\n";
    let table = import("prix.csv", text.as_bytes());
    assert_table(
        &table,
        &["article", "prix"],
        &[Text, Number],
        &[
            vec![t("Sac de mil"), r(15_000.0)],
            vec![t("Savon"), r(500.0)],
            vec![t("Cahier"), r(250.0)],
            vec![t("Stylo"), r(100.0)],
        ],
    );
    assert!(table.has_warning("FCFA"), "{:?}", table.report.warnings);
}

#[test]
fn dates_iso_day_first_and_two_digit_years() {
    let text = "iso;fr;court\n2009-05-12;12/05/2009;12-05-09\n2024-12-31;31/12/2024;31-12-24\n1998-01-02;02/01/1998;02-01-98\n";
    let table = import("dates.csv", text.as_bytes());
    let expected = vec![
        vec![t("2009-05-12"), t("2009-05-12"), t("2009-05-12")],
        vec![t("2024-12-31"), t("2024-12-31"), t("2024-12-31")],
        vec![t("1998-01-02"), t("1998-01-02"), t("1998-01-02")],
    ];
    assert_table(
        &table,
        &["iso", "fr", "court"],
        &[Date, Date, Date],
        &expected,
    );
}

#[test]
fn datetimes() {
    let text = "_submission_time;heure\n2024-03-15T08:30:00.000+01:00;15/03/2024 08:30\n2024-03-16 17:05:09;16/03/2024 17:05:09\n";
    let table = import("horaires.csv", text.as_bytes());
    assert_eq!(table.types, [Datetime, Datetime]);
    assert_eq!(
        table.rows,
        [
            vec![t("2024-03-15 08:30:00"), t("2024-03-15 08:30:00")],
            vec![t("2024-03-16 17:05:09"), t("2024-03-16 17:05:09")],
        ]
    );
}

#[test]
fn booleans_in_french_and_english() {
    let text = "ouinon;vraifaux;yesno;truefalse;unzero\n\
                oui;vrai;yes;true;1\n\
                non;faux;no;false;0\n\
                Oui;VRAI;Yes;TRUE;1\n";
    let table = import("booleens.csv", text.as_bytes());
    // 1/0 columns stay integers: they are counts as often as yes/no answers (Kobo
    // select_multiple columns are 0/1 and are summed).
    assert_table(
        &table,
        &["ouinon", "vraifaux", "yesno", "truefalse", "unzero"],
        &[Boolean, Boolean, Boolean, Boolean, Integer],
        &[
            vec![i(1), i(1), i(1), i(1), i(1)],
            vec![i(0), i(0), i(0), i(0), i(0)],
            vec![i(1), i(1), i(1), i(1), i(1)],
        ],
    );
}

#[test]
fn missing_value_markers_become_null() {
    let text = "Province;Valeur;Commentaire\n\
                A;1;x\n\
                B;;y\n\
                C;NA;z\n\
                D;N/A;\n\
                E;n/d;w\n\
                F;-;v\n\
                G;..;u\n\
                H;…;t\n\
                I;2;s\n";
    let table = import("manquants.csv", text.as_bytes());
    let col: Vec<Value> = table.rows.iter().map(|r| r[1].clone()).collect();
    assert_eq!(table.names, ["province", "valeur", "commentaire"]);
    assert_eq!(table.types, [Text, Integer, Text]);
    assert_eq!(col, [i(1), N, N, N, N, N, N, N, i(2)]);
    assert_eq!(table.rows[3][2], N, "empty text cell is NULL");
    assert_eq!(table.rows.len(), 9);
}

// ---------------------------------------------------------------- layout

#[test]
fn title_rows_above_the_header() {
    let text = "Population du Tchad par province;;\n\
                Source : RGPH 2009;;\n\
                ;;\n\
                Province;Hommes;Femmes\n\
                Batha;237 000;251 458\n\
                Borkou;54 000;43 251\n";
    let table = import("titre.csv", text.as_bytes());
    assert_table(
        &table,
        &["province", "hommes", "femmes"],
        &[Text, Integer, Integer],
        &[
            vec![t("Batha"), i(237_000), i(251_458)],
            vec![t("Borkou"), i(54_000), i(43_251)],
        ],
    );
    assert!(table.has_warning("au-dessus de l'en-tête"));
}

#[test]
fn merged_empty_and_duplicate_header_cells_xlsx() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        let bold = Format::new().set_bold();
        // A merged title above, then a header with a merged cell, an empty cell and a
        // duplicate name.
        ws.merge_range(0, 0, 0, 4, "Effectifs scolaires 2023", &bold)
            .unwrap();
        ws.merge_range(1, 1, 1, 2, "Élèves", &bold).unwrap();
        ws.write_string(1, 0, "Province").unwrap();
        ws.write_string(1, 4, "Province").unwrap();
        for (row, (p, a, b, c)) in [("Batha", 10, 11, 5), ("Lac", 20, 21, 6)]
            .iter()
            .enumerate()
        {
            let row = row as u32 + 2;
            ws.write_string(row, 0, *p).unwrap();
            ws.write_number(row, 1, *a).unwrap();
            ws.write_number(row, 2, *b).unwrap();
            ws.write_number(row, 3, *c).unwrap();
            ws.write_string(row, 4, p.to_uppercase()).unwrap();
        }
    });
    let table = import("effectifs.xlsx", &bytes);
    // The second half of a merged cell and the empty cell are unnamed (colonne_N);
    // the duplicate "Province" becomes province_2.
    assert_table(
        &table,
        &["province", "eleves", "colonne_3", "colonne_4", "province_2"],
        &[Text, Integer, Integer, Integer, Text],
        &[
            vec![t("Batha"), i(10), i(11), i(5), t("BATHA")],
            vec![t("Lac"), i(20), i(21), i(6), t("LAC")],
        ],
    );
    assert_eq!(table.labels()[1], "Élèves");
    assert!(table.has_warning("sans nom"));
    assert!(table.has_warning("plusieurs fois"));
}

#[test]
fn empty_and_duplicate_header_cells_csv() {
    let text = "Nom;;Nom;Total;total\nA;1;x;2;3\nB;4;y;5;6\n";
    let table = import("entetes.csv", text.as_bytes());
    assert_table(
        &table,
        &["nom", "colonne_2", "nom_2", "total", "total_2"],
        &[Text, Integer, Text, Integer, Integer],
        &[
            vec![t("A"), i(1), t("x"), i(2), i(3)],
            vec![t("B"), i(4), t("y"), i(5), i(6)],
        ],
    );
}

#[test]
fn trailing_empty_rows_and_columns() {
    let text = "a;b;;\n1;x;;\n2;y;;\n;;;\n\n;;;\n";
    let table = import("vides.csv", text.as_bytes());
    assert_table(
        &table,
        &["a", "b"],
        &[Integer, Text],
        &[vec![i(1), t("x")], vec![i(2), t("y")]],
    );
    // The same in a workbook: formatted but empty cells around the data.
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        let fill = Format::new().set_bold();
        ws.write_string(0, 0, "a").unwrap();
        ws.write_string(0, 1, "b").unwrap();
        ws.write_number(1, 0, 1).unwrap();
        ws.write_string(1, 1, "x").unwrap();
        ws.write_number(2, 0, 2).unwrap();
        ws.write_string(2, 1, "y").unwrap();
        ws.write_blank(10, 5, &fill).unwrap();
        ws.write_string(3, 0, "").unwrap();
    });
    let table = import("vides.xlsx", &bytes);
    assert_table(
        &table,
        &["a", "b"],
        &[Integer, Text],
        &[vec![i(1), t("x")], vec![i(2), t("y")]],
    );
}

#[test]
fn xlsx_used_range_starting_at_c4() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        // C4 is (row 3, col 2).
        ws.write_string(3, 2, "Province").unwrap();
        ws.write_string(3, 3, "Date").unwrap();
        ws.write_string(3, 4, "Valeur").unwrap();
        ws.write_string(3, 5, "Actif").unwrap();
        let d1 = rust_xlsxwriter::ExcelDateTime::from_ymd(2009, 5, 12).unwrap();
        let d2 = rust_xlsxwriter::ExcelDateTime::from_ymd(2019, 1, 31).unwrap();
        ws.write_string(4, 2, "Salamat").unwrap();
        ws.write_datetime_with_format(4, 3, &d1, &date).unwrap();
        ws.write_number(4, 4, 1.5).unwrap();
        ws.write_boolean(4, 5, true).unwrap();
        ws.write_string(5, 2, "Sila").unwrap();
        ws.write_datetime_with_format(5, 3, &d2, &date).unwrap();
        ws.write_number(5, 4, 2).unwrap();
        ws.write_boolean(5, 5, false).unwrap();
    });
    let table = import("decale.xlsx", &bytes);
    assert_table(
        &table,
        &["province", "date", "valeur", "actif"],
        &[Text, Date, Number, Boolean],
        &[
            vec![t("Salamat"), t("2009-05-12"), r(1.5), i(1)],
            vec![t("Sila"), t("2019-01-31"), r(2.0), i(0)],
        ],
    );
}

#[test]
fn workbook_with_several_sheets_pick_by_name() {
    let bytes = grid(
        &[
            ("Notes", &[&["Lisez-moi : données illustratives"][..]][..]),
            (
                "Écoles 2023",
                &[&["Province", "Écoles"], &["Wadi Fira", "120"]],
            ),
            (
                "Santé",
                &[
                    &["Province", "Centres"],
                    &["Ennedi Est", "7"],
                    &["Ennedi Ouest", "4"],
                ],
            ),
        ],
        Cells::Numbers,
    );
    let opts = ImportOptions {
        sheet: Some("Santé".into()),
        ..Default::default()
    };
    let table = import_with("classeur.xlsx", &bytes, &opts);
    assert_table(
        &table,
        &["province", "centres"],
        &[Text, Integer],
        &[vec![t("Ennedi Est"), i(7)], vec![t("Ennedi Ouest"), i(4)]],
    );
    let mut conn = db();
    let info = {
        import_bytes(&mut conn, "classeur.xlsx", &bytes, &opts).unwrap();
        table_info(&conn, "classeur").unwrap()
    };
    assert_eq!(info.sheet.as_deref(), Some("Santé"));

    let opts = ImportOptions {
        sheet: Some("Écoles 2023".into()),
        ..Default::default()
    };
    let table = import_with("classeur.xlsx", &bytes, &opts);
    assert_eq!(table.rows, [vec![t("Wadi Fira"), i(120)]]);

    // The preview lists every sheet.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("classeur.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let preview = preview_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!(preview.sheets, ["Notes", "Écoles 2023", "Santé"]);

    let opts = ImportOptions {
        sheet: Some("Education".into()),
        ..Default::default()
    };
    match import_bytes(&mut db(), "classeur.xlsx", &bytes, &opts) {
        Err(e @ ImportError::SheetNotFound { .. }) => {
            assert_eq!(e.code(), "import.sheet_not_found");
            assert!(e.message_fr().contains("Santé"));
        }
        other => panic!("expected SheetNotFound, got {other:?}"),
    }
}

// ---------------------------------------------------------------- KoboToolbox

/// NOTE: another developer is refining how Kobo columns are named (group prefixes,
/// `_uuid`…). These assertions are deliberately loose: names unique, non-empty and
/// valid identifiers; types sensible. Tighten them once the naming is settled.
#[test]
fn kobotoolbox_export() {
    let text = "start;end;identification/province;identification/village;menage/taille;menage/chef_femme;eau/source;eau/source/puits;eau/source/forage;eau/source/riviere;_id;_uuid;_submission_time;_index\n\
2024-03-15T08:01:02.000+01:00;2024-03-15T08:20:00.000+01:00;Batha;Ati;6;oui;puits forage;1;1;0;101;6f1c2a4e-1b2c-4d5e-9f00-0a1b2c3d4e5f;2024-03-15T09:00:00;1\n\
2024-03-15T09:01:02.000+01:00;2024-03-15T09:25:00.000+01:00;Lac;Bol;4;non;riviere;0;0;1;102;7a2d3b5f-2c3d-4e6f-8a11-1b2c3d4e5f60;2024-03-15T10:00:00;2\n\
2024-03-16T10:01:02.000+01:00;2024-03-16T10:15:00.000+01:00;Salamat;Am Timan;9;non;forage;0;1;0;103;8b3e4c60-3d4e-4f70-9b22-2c3d4e5f6071;2024-03-16T11:00:00;3\n";
    let table = import("enquete_menages_kobo.csv", text.as_bytes());
    assert_eq!(table.rows.len(), 3);
    assert_eq!(
        table.names.len(),
        14,
        "one column per field: {:?}",
        table.names
    );
    let mut seen = std::collections::HashSet::new();
    for name in &table.names {
        assert!(!name.is_empty());
        assert!(
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{name}"
        );
        assert!(!name.starts_with(|c: char| c.is_ascii_digit()), "{name}");
        assert!(seen.insert(name.to_lowercase()), "duplicate {name}");
    }
    let type_of = |label: &str| {
        let col: &ColumnInfo = table
            .report
            .columns
            .iter()
            .find(|c| c.label == label)
            .unwrap_or_else(|| panic!("no column labelled {label}"));
        col.column_type
    };
    assert_eq!(type_of("start"), Datetime);
    assert_eq!(type_of("_submission_time"), Datetime);
    assert_eq!(type_of("identification/province"), Text);
    assert_eq!(type_of("menage/taille"), Integer);
    assert_eq!(type_of("menage/chef_femme"), Boolean);
    assert_eq!(type_of("_uuid"), Text);
    assert_eq!(type_of("_id"), Integer);
    // 0/1 choice columns: numbers that can be summed (Integer today; Boolean would do).
    assert!(matches!(type_of("eau/source/puits"), Integer | Boolean));
    let uuid_col = table
        .report
        .columns
        .iter()
        .position(|c| c.label == "_uuid")
        .unwrap();
    assert_eq!(
        table.rows[0][uuid_col],
        t("6f1c2a4e-1b2c-4d5e-9f00-0a1b2c3d4e5f")
    );
}

/// Identical header cells are renamed `x`, `x_2`, `x_3`…; naming used to restart its
/// search for every column (cubic time: 2 000 identical cells took ~7 s, an ODS row with
/// `table:number-columns-repeated="16384"` hung for many minutes). Found by the robustness
/// test. The time bound only catches a hang again; it is not a speed measurement.
#[test]
fn many_duplicate_header_cells_import_quickly() {
    let n = 2000;
    let text = format!("{}\n{}\n", vec!["x"; n].join(";"), vec!["1"; n].join(";"));
    let start = std::time::Instant::now();
    let table = import("doublons.csv", text.as_bytes());
    assert_eq!(table.names.len(), n);
    assert_eq!(table.names[n - 1], format!("x_{n}"));
    assert!(
        start.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

// ---------------------------------------------------------------- HXL hashtag rows

fn hxl_of(table: &Table) -> Vec<Option<&str>> {
    table
        .report
        .columns
        .iter()
        .map(|c| c.hxl.as_deref())
        .collect()
}

/// An Ushahidi platform v3 CSV export: labels, then the HXL row, then the posts.
#[test]
fn ushahidi_v3_export_with_its_hxl_row() {
    let bytes = include_bytes!("fixtures/import/ushahidi_v3_export.csv");
    let table = import("ushahidi_v3_export.csv", bytes);
    assert_eq!(
        table.names,
        [
            "post_id",
            "post_status",
            "created_utc",
            "updated_utc",
            "post_date_utc",
            "contact_id",
            "contact",
            "sets",
            "titre",
            "description",
            "categories",
            "province",
            "lieu_lat",
            "lieu_lon",
            "personnes_touchees"
        ]
    );
    assert_eq!(
        table.types,
        [
            Integer, Text, Datetime, Datetime, Datetime, Integer, Text, Text, Text, Text, Text,
            Text, Number, Number, Integer
        ]
    );
    assert_eq!(table.labels()[2], "Created (UTC)");
    assert_eq!(table.labels()[12], "Lieu.lat");
    assert_eq!(
        hxl_of(&table),
        [
            Some("#meta+id"),
            Some("#status"),
            Some("#date+created"),
            Some("#date+updated"),
            Some("#date+reported"),
            Some("#contact+id"),
            Some("#contact+phone"),
            Some("#x_sets"),
            Some("#description+title"),
            Some("#description"),
            Some("#sector"),
            Some("#adm1+name"),
            Some("#geo+lat"),
            Some("#geo+lon"),
            Some("#affected")
        ]
    );
    // The hashtag row is not a post: 12 posts, the first one is 101.
    assert_eq!(table.rows.len(), 12);
    let row = &table.rows[0];
    assert_eq!(row[0], i(101));
    assert_eq!(row[2], t("2024-08-05 07:12:40"));
    assert_eq!(row[6], t("+235 66 12 34 56"));
    assert_eq!(
        row[9],
        t("L'eau est entrée dans une vingtaine de maisons. #Tchad")
    );
    assert_eq!(row[10], t("Abris,Eau et assainissement"));
    assert_eq!(row[12], r(12.0712));
    // Posts without a contact or a place: empty cells.
    assert_eq!(table.rows[1][5], N);
    assert_eq!(table.rows[1][14], N);
    assert_eq!(table.rows[5][12], N);
    assert!(table
        .has_warning("Ligne de balises HXL reconnue (ligne 2) : #meta+id, #status, #date+created"));
    // Types come from the posts only: no misfit warning about the hashtags.
    assert!(!table.has_warning("telle"), "{:?}", table.report.warnings);
    // The tags are kept in workspace_tables (read_back compares them) and shown by preview.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    std::fs::write(&path, bytes).unwrap();
    let p = preview_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!((p.header_row, p.hxl_row), (1, 2));
    assert_eq!(p.columns[11].hxl.as_deref(), Some("#adm1+name"));
    assert_eq!(p.rows[0][0], serde_json::json!(101));
    assert!(p.warnings.iter().any(|w| w.contains("(ligne 2)")));
    // Same when the header row is given: the hashtag row under it is still skipped.
    let opts = ImportOptions {
        header_row: Some(1),
        ..Default::default()
    };
    let given = import_with("ushahidi_v3_export.csv", bytes, &opts);
    assert_eq!(given.rows, table.rows);
    assert_eq!(hxl_of(&given), hxl_of(&table));
}

/// An HDX-style dataset: a label left empty takes its tag; `;` and decimal commas too.
#[test]
fn hdx_style_csv_with_a_hashtag_row() {
    let text = "Province;;Date;Personnes affectées;Secteur\n\
                #adm1+name;#adm1+pcode;#date;#affected+total;#sector\n\
                Lac;TD-LC;2024-01-15;1 250;Abris\n\
                Sila;TD-SI;2024-01-16;980;Santé\n";
    let table = import("hdx.csv", text.as_bytes());
    assert_table(
        &table,
        &[
            "province",
            "adm1_pcode",
            "date",
            "personnes_affectees",
            "secteur",
        ],
        &[Text, Text, Date, Integer, Text],
        &[
            vec![t("Lac"), t("TD-LC"), t("2024-01-15"), i(1250), t("Abris")],
            vec![t("Sila"), t("TD-SI"), t("2024-01-16"), i(980), t("Santé")],
        ],
    );
    assert_eq!(table.labels()[1], "#adm1+pcode");
    assert_eq!(hxl_of(&table)[3], Some("#affected+total"));
    assert!(
        !table.has_warning("sans nom"),
        "{:?}",
        table.report.warnings
    );
}

/// No label row at all: the first row is the hashtag row, the columns are named after it.
#[test]
fn hxl_only_csv_names_columns_after_the_tags() {
    let text = "#adm1+name,#date,#affected +f,#affected +m\n\
                Lac,2024-01-15,10,12\n\
                Kanem,2024-01-15,7,\n";
    let table = import("hxl_seul.csv", text.as_bytes());
    assert_table(
        &table,
        &["adm1_name", "date", "affected_f", "affected_m"],
        &[Text, Date, Integer, Integer],
        &[
            vec![t("Lac"), t("2024-01-15"), i(10), i(12)],
            vec![t("Kanem"), t("2024-01-15"), i(7), N],
        ],
    );
    assert_eq!(
        table.labels(),
        ["#adm1+name", "#date", "#affected+f", "#affected+m"]
    );
    assert_eq!(hxl_of(&table)[2], Some("#affected+f"));
    assert!(table.has_warning("(ligne 1)"));
    assert!(table.has_warning("nommées d'après leurs balises"));
}

/// Hashtags in the data are data: a tweet's hashtag, a column of hashtags.
#[test]
fn hashtags_in_data_rows_are_not_an_hxl_row() {
    let text = "Tweet,Hashtag,Retweets\n\
                123,#Tchad,14\n\
                124,#education,3\n";
    let table = import("tweets.csv", text.as_bytes());
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0][1], t("#Tchad"));
    assert!(hxl_of(&table).iter().all(Option::is_none));
    assert!(!table.has_warning("HXL"));
    // A column of hashtags whose first value happens to be an HXL tag.
    let text = "Balise,Sens\n#date,Une date\n#sector,Un secteur\n#geo+lat,Une latitude\n";
    let table = import("balises.csv", text.as_bytes());
    assert_eq!(table.rows.len(), 3, "{:?}", table.report.warnings);
    assert_eq!(table.rows[0][0], t("#date"));
    assert!(!table.has_warning("HXL"));
}

#[test]
fn xlsx_with_an_hxl_row_under_the_header() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "Titre du rapport").unwrap();
        for (c, (label, tag)) in [
            ("Province", "#adm1+name"),
            ("Date", "#date+reported"),
            ("Ménages", "#affected+hh"),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(2, c as u16, *label).unwrap();
            ws.write_string(3, c as u16, *tag).unwrap();
        }
        let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 8, 5).unwrap();
        let fmt = Format::new().set_num_format("dd/mm/yyyy");
        for (row, (p, n)) in [("Lac", 42.0), ("Sila", 17.0)].iter().enumerate() {
            let r = 4 + row as u32;
            ws.write_string(r, 0, *p).unwrap();
            ws.write_datetime_with_format(r, 1, &d, &fmt).unwrap();
            ws.write_number(r, 2, *n).unwrap();
        }
    });
    let table = import("rapport.xlsx", &bytes);
    assert_table(
        &table,
        &["province", "date", "menages"],
        &[Text, Date, Integer],
        &[
            vec![t("Lac"), t("2024-08-05"), i(42)],
            vec![t("Sila"), t("2024-08-05"), i(17)],
        ],
    );
    assert_eq!(
        hxl_of(&table),
        [
            Some("#adm1+name"),
            Some("#date+reported"),
            Some("#affected+hh")
        ]
    );
    assert!(table.has_warning("Ligne de balises HXL reconnue (ligne 4)"));
}

// ---------------------------------------------------------------- languages

/// Files whose import says something: (file name, bytes, a French warning, its English
/// counterpart).
fn files_with_warnings() -> Vec<(&'static str, Vec<u8>, &'static str, &'static str)> {
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode("Région;Cas\r\nGuéra;3\r\nBatha;5\r\n");
    let two_sheets = grid(
        &[
            (
                "Écoles",
                &[&["Province", "Écoles"][..], &["Wadi Fira", "120"]][..],
            ),
            ("Santé", &[&["Province"]]),
        ],
        Cells::Numbers,
    );
    let kobo = "menage/taille;menage/chef_femme;_id;_uuid;_submission_time\n\
                6;oui;101;6f1c2a4e-1b2c-4d5e-9f00-0a1b2c3d4e5f;2024-03-15T09:00:00\n\
                4;non;102;7a2d3b5f-2c3d-4e6f-8a11-1b2c3d4e5f60;2024-03-15T10:00:00\n";
    vec![
        (
            "recensement.csv",
            cp1252.into_owned(),
            "Le fichier n'est pas en UTF-8 : il a été lu en Windows-1252 (l'encodage d'Excel sous Windows). Vérifiez les accents.",
            "The file is not in UTF-8: it was read as Windows-1252 (the encoding of Excel on Windows). Check the accented letters.",
        ),
        (
            "classeur.xlsx",
            two_sheets,
            "Le classeur contient 2 feuilles ; seule la feuille « Écoles » est lue. Choisissez une autre feuille si besoin.",
            "The workbook has 2 sheets; only the sheet “Écoles” is read. Choose another sheet if needed.",
        ),
        (
            "enquete_kobo.csv",
            kobo.as_bytes().to_vec(),
            "Export KoboToolbox reconnu : les colonnes « groupe/question » portent le nom de la question, les choix multiples sont des colonnes oui/non « question__choix », et les métadonnées (_id, _uuid, _submission_time…) commencent par « kobo_ ».",
            "KoboToolbox export recognised: “group/question” columns are named after the question, multiple choices are yes/no columns “question__choice”, and the metadata (_id, _uuid, _submission_time…) start with “kobo_”.",
        ),
        (
            "ushahidi_v3_export.csv",
            include_bytes!("fixtures/import/ushahidi_v3_export.csv").to_vec(),
            "Ligne de balises HXL reconnue (ligne 2) : #meta+id, #status,",
            "HXL hashtag row recognised (row 2): #meta+id, #status,",
        ),
    ]
}

/// An import's warnings are in its language: French by default, English when asked; the
/// table keeps them (`workspace_tables.warnings_json`) in that language.
#[test]
fn warnings_come_out_in_the_language_of_the_import() {
    let english = ImportOptions {
        lang: Lang::En,
        ..Default::default()
    };
    for (file, bytes, fr, en) in files_with_warnings() {
        for (opts, expected, other) in [(&ImportOptions::default(), fr, en), (&english, en, fr)] {
            let mut conn = db();
            let report = import_bytes(&mut conn, file, &bytes, opts).unwrap();
            let warnings = &report.warnings;
            assert!(
                warnings.iter().any(|w| w.starts_with(expected)),
                "{file} ({:?}): {warnings:#?}",
                opts.lang
            );
            assert!(!warnings.iter().any(|w| w.starts_with(other)), "{file}");
            if opts.lang == Lang::En {
                // French punctuation gives away a warning left untranslated.
                assert!(!warnings.iter().any(|w| w.contains(" : ")), "{warnings:#?}");
            }
            let stored = table_info(&conn, &report.table).unwrap().warnings;
            assert_eq!(&stored, warnings, "{file}: stored as written");
        }
    }
}

/// The workshop imports and previews in its own language.
#[test]
fn the_workshop_imports_in_its_language() {
    let (file, bytes, fr, en) = files_with_warnings().remove(0);
    for (lang, expected) in [(Lang::Fr, fr), (Lang::En, en)] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(file);
        std::fs::write(&path, &bytes).unwrap();
        let mut w = Workshop::open(&dir.path().join("data"), lang).unwrap();
        let opts = ImportOptions::default();
        let preview = w.preview(&path, &opts).unwrap();
        assert!(preview.warnings.iter().any(|x| x == expected), "{lang:?}");
        let report = w.import(&path, &opts).unwrap();
        assert!(report.warnings.iter().any(|x| x == expected), "{lang:?}");
        let stored = w.table_info(&report.table).unwrap().warnings;
        assert_eq!(stored, report.warnings);
    }
}

// ---------------------------------------------------------------- real files that used to fail

/// A workbook whose first tab was left blank, the data on the second: that one is read,
/// and the preview and the import say which.
#[test]
fn empty_first_sheet_reads_the_first_sheet_with_data() {
    let bytes = grid(
        &[
            ("Feuil1", &[][..]),
            (
                "Données",
                &[&["Province", "Écoles"][..], &["Salamat", "31"]][..],
            ),
            ("Feuil3", &[]),
        ],
        Cells::Numbers,
    );
    for (lang, said) in [
        (
            Lang::Fr,
            "La feuille « Feuil1 » est vide : la feuille « Données », la première",
        ),
        (
            Lang::En,
            "The sheet “Feuil1” is empty: the sheet “Données”, the first one",
        ),
    ] {
        let opts = ImportOptions {
            lang,
            ..Default::default()
        };
        let table = import_with("ecoles.xlsx", &bytes, &opts);
        assert_table(
            &table,
            &["province", "ecoles"],
            &[Text, Integer],
            &[vec![t("Salamat"), i(31)]],
        );
        assert!(table.has_warning(said), "{:#?}", table.report.warnings);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ecoles.xlsx");
        std::fs::write(&path, &bytes).unwrap();
        let preview = preview_file(&path, &opts).unwrap();
        assert_eq!(preview.sheet.as_deref(), Some("Données"));
        assert!(preview.warnings.iter().any(|w| w.contains(said)));
    }
    // The sheet asked for by name is read even when empty: nothing else is guessed.
    let opts = ImportOptions {
        sheet: Some("Feuil1".into()),
        ..Default::default()
    };
    let err = import_bytes(&mut db(), "ecoles.xlsx", &bytes, &opts).unwrap_err();
    assert_eq!(err.code(), "import.empty");
    // Only empty sheets: the file holds no data.
    let blank = grid::<&[&str], &str>(&[("Feuil1", &[]), ("Feuil2", &[])], Cells::Numbers);
    let err = import_bytes(&mut db(), "vide.xlsx", &blank, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "import.empty");
}

/// A sheet declaring `A1:XFD1048576` (17 billion cells, as some tools write) over a few
/// real cells is read from its real cells.
#[test]
fn absurd_declared_dimension_falls_back_to_the_real_cells() {
    let small = grid(
        &[(
            "Feuil1",
            &[&["Région", "Cas"][..], &["Lac", "12"], &["Kanem", "7"]][..],
        )],
        Cells::Numbers,
    );
    let bytes = patch_part(&small, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find("<dimension ref=\"").expect("a dimension");
        let end = start + xml[start..].find("/>").unwrap() + 2;
        format!(
            "{}<dimension ref=\"A1:XFD1048576\"/>{}",
            &xml[..start],
            &xml[end..]
        )
    });
    let table = import("cas.xlsx", &bytes);
    assert_table(
        &table,
        &["region", "cas"],
        &[Text, Integer],
        &[vec![t("Lac"), i(12)], vec![t("Kanem"), i(7)]],
    );
}

fn wide_csv(columns: usize) -> String {
    let header: Vec<String> = (1..=columns).map(|c| format!("q{c}")).collect();
    let row = vec!["1"; columns];
    format!("{}\n{}\n", header.join(";"), row.join(";"))
}

/// A CSV wider than a table can be: a clear message in the user's language, not
/// SQLite's English; the widest table that fits is imported.
#[test]
fn csv_with_more_columns_than_a_table_can_hold() {
    let table = import("large.csv", wide_csv(MAX_TABLE_COLUMNS).as_bytes());
    assert_eq!(table.names.len(), MAX_TABLE_COLUMNS);
    assert_eq!(table.rows.len(), 1);

    let csv = wide_csv(MAX_TABLE_COLUMNS + 1);
    let mut conn = db();
    let err = import_bytes(
        &mut conn,
        "trop.csv",
        csv.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::TooLarge {
                limit: Limit::TableColumns,
                found: 2001,
                max: 2000
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.code(), "import.too_large");
    assert_eq!(
        err.message_fr(),
        "Le tableau a 2\u{202f}001 colonnes : une table de l'atelier en a au plus 2\u{202f}000. \
         Gardez seulement les colonnes utiles (supprimez les autres dans un tableur), ou \
         vérifiez que la première ligne est bien l'en-tête."
    );
    assert_eq!(
        err.message_en(),
        "The table has 2,001 columns: a workshop table has at most 2,000. Keep only the \
         useful columns (delete the others in a spreadsheet), or check that the first row \
         really is the header."
    );
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'trop'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0, "nothing half-written");
    // The preview says it too, before an import is tried.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trop.csv");
    std::fs::write(&path, &csv).unwrap();
    let err = preview_file(&path, &ImportOptions::default()).unwrap_err();
    assert!(matches!(
        err,
        ImportError::TooLarge {
            limit: Limit::TableColumns,
            ..
        }
    ));
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

const SMALL_CSV: &[u8] = b"Province;Forages\nLac;12\nKanem;7\n";

/// A CSV compressed as `.gz`, or alone in a `.zip` (next to what macOS adds), is
/// decompressed and imported, named after the file inside, with a warning saying so.
#[test]
fn compressed_csv_is_decompressed_and_imported() {
    let zipped = zip_of(&[
        ("forages.csv", SMALL_CSV),
        ("__MACOSX/._forages.csv", b"junk"),
    ]);
    for (file, bytes) in [("forages.csv.gz", gzip(SMALL_CSV)), ("Archive.zip", zipped)] {
        let table = import(file, &bytes);
        assert_eq!(table.report.table, "forages", "{file}");
        assert_table(
            &table,
            &["province", "forages"],
            &[Text, Integer],
            &[vec![t("Lac"), i(12)], vec![t("Kanem"), i(7)]],
        );
        assert!(
            table.has_warning(&format!(
                "Le fichier « forages.csv » a été extrait du fichier compressé « {file} »."
            )),
            "{:#?}",
            table.report.warnings
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(file);
        std::fs::write(&path, &bytes).unwrap();
        let preview = preview_file(&path, &ImportOptions::default()).unwrap();
        assert_eq!(preview.format, "csv");
        assert_eq!(preview.rows.len(), 2);
        let info = {
            let mut conn = db();
            datajam::import::import_file(&mut conn, &path, &ImportOptions::default()).unwrap();
            table_info(&conn, "forages").unwrap()
        };
        assert_eq!(info.source_file, file, "the file given is remembered");
    }
    // A workbook renamed .zip is still read as a workbook.
    let book = grid(
        &[("Feuil1", &[&["a", "b"][..], &["1", "2"]][..])],
        Cells::Numbers,
    );
    let table = import("classeur.zip", &book);
    assert_eq!(table.rows, [vec![i(1), i(2)]]);
}

/// A zip of several files, or a decompression bomb: a clear refusal, in both languages.
#[test]
fn zip_of_several_files_and_decompression_bombs_are_refused() {
    use datajam::import::ArchiveProblem;
    let several = zip_of(&[("ecoles.csv", SMALL_CSV), ("sante.csv", SMALL_CSV)]);
    let err = import_bytes(
        &mut db(),
        "donnees.zip",
        &several,
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, ImportError::Archive(ArchiveProblem::SeveralFiles(n)) if n == &["ecoles.csv", "sante.csv"]),
        "{err:?}"
    );
    assert_eq!(err.code(), "import.archive_several_files");
    assert!(err.message_fr().starts_with(
        "Le fichier compressé contient plusieurs fichiers (« ecoles.csv », « sante.csv ») : décompressez-le"
    ), "{}", err.message_fr());
    assert!(
        err.message_en().starts_with(
            "The compressed file holds several files (“ecoles.csv”, “sante.csv”): extract it"
        ),
        "{}",
        err.message_en()
    );

    // 8 MiB of one repeated line compresses a thousandfold.
    let bomb: Vec<u8> = b"a;1\n".repeat(2 * 1024 * 1024);
    for (file, bytes) in [
        ("bombe.csv.gz", gzip(&bomb)),
        ("bombe.zip", zip_of(&[("bombe.csv", &bomb)])),
    ] {
        assert!(bytes.len() * 200 < bomb.len(), "{file}: {}", bytes.len());
        let mut conn = db();
        let err = import_bytes(&mut conn, file, &bytes, &ImportOptions::default()).unwrap_err();
        assert!(
            matches!(&err, ImportError::Archive(ArchiveProblem::TooLarge(n)) if n == "bombe.csv"),
            "{file}: {err:?}"
        );
        assert_eq!(err.code(), "import.archive_too_large");
        assert!(
            err.message_fr()
                .contains("« bombe.csv » dépasserait 200 Mo"),
            "{}",
            err.message_fr()
        );
        assert!(
            err.message_en().contains("“bombe.csv” would exceed 200 MB"),
            "{}",
            err.message_en()
        );
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM workspace_tables", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0);
    }
}
