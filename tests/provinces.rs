//! Province normalisation of a messy column: codes added in one transaction, unmatched
//! spellings reported, the column listed in `workspace_tables`, and the join on the code
//! with the built-in provinces dataset.

use std::path::Path;

use datajam::analysis::provinces::{normalise_column, Unmatched, ISO_COLUMN};
use datajam::import::{import_bytes, import_file, ColumnType, ImportOptions};
use datajam::store::tables::table_info;
use datajam::store::Store;

const MESSY: &str = "\u{FEFF}ecole;Province;eleves\n\
1;Ville de N'Djaména;120\n\
2;NDJAMENA;80\n\
3;n'djamena;50\n\
4;Ouaddai;60\n\
5;OUADDAÏ;30\n\
6;Moyen Chari;40\n\
7;moyen-chari;35\n\
8;Ennedi;15\n\
9;TD-LC;25\n\
10;Abeche;70\n\
11;Abeche;20\n\
12;;10\n\
13;Guéra;45\n\
14;  guera ;5\n\
15;Paris;1\n";

fn store_with(name: &str, csv: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let opts = ImportOptions {
        table: Some(name.into()),
        ..Default::default()
    };
    import_bytes(store.conn_mut(), "ecoles.csv", csv.as_bytes(), &opts).unwrap();
    (dir, store)
}

fn codes(store: &Store) -> Vec<(i64, Option<String>)> {
    let mut stmt = store
        .conn()
        .prepare("SELECT ecole, iso_3166_2 FROM ecoles ORDER BY ecole")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn a_messy_column_gets_iso_codes_and_the_unmatched_are_listed() {
    let (_dir, mut store) = store_with("ecoles", MESSY);
    let r = normalise_column(store.conn_mut(), "Ecoles", "province").unwrap();
    assert_eq!(r.table, "ecoles");
    assert_eq!(r.column, "province");
    assert_eq!(r.iso_column, ISO_COLUMN);
    // 15 rows: 1 empty, Ennedi (ambiguous), Abeche ×2 (a town, not a province), Paris.
    assert_eq!(r.matched, 10);
    assert_eq!(r.missing, 1);
    // N'Djamena, Ouaddaï, Moyen-Chari, Lac, Guéra.
    assert_eq!(r.provinces, 5);
    assert_eq!(
        r.unmatched,
        vec![
            Unmatched {
                value: "Abeche".into(),
                rows: 2
            },
            Unmatched {
                value: "Ennedi".into(),
                rows: 1
            },
            Unmatched {
                value: "Paris".into(),
                rows: 1
            },
        ]
    );
    let c = codes(&store);
    let code = |i: usize| c[i - 1].1.as_deref();
    assert_eq!(code(1), Some("TD-ND"));
    assert_eq!(code(2), Some("TD-ND"));
    assert_eq!(code(3), Some("TD-ND"));
    assert_eq!(code(4), Some("TD-OD"));
    assert_eq!(code(5), Some("TD-OD"));
    assert_eq!(code(6), Some("TD-MC"));
    assert_eq!(code(7), Some("TD-MC"));
    assert_eq!(code(8), None);
    assert_eq!(code(9), Some("TD-LC"));
    assert_eq!(code(10), None);
    assert_eq!(code(12), None);
    assert_eq!(code(13), Some("TD-GR"));
    assert_eq!(code(14), Some("TD-GR"));

    // The new column is listed like any other, once.
    let info = table_info(store.conn(), "ecoles").unwrap();
    let last = info.columns.last().unwrap();
    assert_eq!(last.name, "iso_3166_2");
    assert_eq!(last.column_type, ColumnType::Text);
    assert_eq!(info.columns.len(), 4);
    assert_eq!(info.rows, 15);
}

#[test]
fn normalising_again_refreshes_the_codes() {
    let (_dir, mut store) = store_with("ecoles", MESSY);
    normalise_column(store.conn_mut(), "ecoles", "province").unwrap();
    // A trainer fixes the town name, then runs it again.
    store
        .conn()
        .execute(
            "UPDATE ecoles SET province = 'Ouaddaï' WHERE province = 'Abeche'",
            [],
        )
        .unwrap();
    let r = normalise_column(store.conn_mut(), "ecoles", "province").unwrap();
    assert_eq!(r.matched, 12);
    assert_eq!(r.unmatched.len(), 2);
    assert_eq!(codes(&store)[9].1.as_deref(), Some("TD-OD"));
    let info = table_info(store.conn(), "ecoles").unwrap();
    assert_eq!(
        info.columns.iter().filter(|c| c.name == ISO_COLUMN).count(),
        1
    );
}

#[test]
fn errors_leave_the_table_unchanged() {
    let (_dir, mut store) = store_with("ecoles", MESSY);
    let e = normalise_column(store.conn_mut(), "ecoles", "region").unwrap_err();
    assert_eq!(e.code(), "table.column_not_found");
    let e = normalise_column(store.conn_mut(), "absent", "province").unwrap_err();
    assert_eq!(e.code(), "table.not_found");
    let info = table_info(store.conn(), "ecoles").unwrap();
    assert_eq!(info.columns.len(), 3);
    let n: i64 = store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM pragma_table_info('ecoles') WHERE name = 'iso_3166_2'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0);
}

/// The built-in dataset `provinces_2009.csv` keys its rows by ISO code in column
/// `code_iso`: a normalised table joins on it.
#[test]
fn a_normalised_table_joins_the_builtin_provinces_dataset() {
    let (_dir, mut store) = store_with("ecoles", MESSY);
    let builtin =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pack/data/provinces_2009.csv");
    import_file(store.conn_mut(), &builtin, &ImportOptions::default()).unwrap();
    normalise_column(store.conn_mut(), "ecoles", "province").unwrap();
    let (joined, pop): (i64, i64) = store
        .conn()
        .query_row(
            "SELECT COUNT(*), SUM(p.population_2009_a) FROM ecoles e \
             JOIN provinces_2009 p ON p.code_iso = e.iso_3166_2 WHERE e.ecole = 4",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(joined, 1);
    assert!(pop > 0);
    let all: i64 = store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM ecoles e JOIN provinces_2009 p ON p.code_iso = e.iso_3166_2",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(all, 10);
}
