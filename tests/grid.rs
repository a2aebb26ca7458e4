//! The data grid: every column sorts both ways like SQLite (missing last, ties in rowid
//! order), paging covers every row exactly once, tampered cursors are refused.

use datajam::analysis::columnar;
use datajam::analysis::grid::{self, GridPage, GridRequest, GridSort};
use datajam::analysis::AnalysisError;
use datajam::import::{import_bytes, ImportOptions};
use datajam::store::tables::table_info;
use datajam::store::Store;
use datajam::Error;
use serde_json::Value;

const PROVINCES: &[&str] = &[
    "Lac",
    "lac",
    "Ouaddaï",
    "Abéché",
    "Kanem",
    "Mayo-Kebbi Est",
    "",
];

fn csv(n: usize, salt: usize) -> String {
    let mut s = String::from("id;province;age;revenu;present;remarque\n");
    for i in 0..n {
        let k = (i * 7 + salt) % 13;
        let age = if k == 3 {
            String::new()
        } else if i == 17 {
            "inconnu".into()
        } else {
            ((i * 31) % 23).to_string()
        };
        let revenu = if k == 5 {
            String::new()
        } else {
            format!("{},5", (i * 13) % 11)
        };
        let present = if i % 4 == 0 {
            "oui"
        } else if i % 4 == 1 {
            "non"
        } else {
            ""
        };
        s.push_str(&format!(
            "{i};{};{age};{revenu};{present};note {}\n",
            PROVINCES[(i * 5 + salt) % PROVINCES.len()],
            (i * 17) % 40
        ));
    }
    s
}

fn fixture(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let opts = ImportOptions {
        table: Some("t".into()),
        ..Default::default()
    };
    import_bytes(store.conn_mut(), "t.csv", csv(n, 0).as_bytes(), &opts).unwrap();
    (dir, store)
}

fn all_pages(
    store: &Store,
    sort: Option<GridSort>,
    size: usize,
) -> (Vec<Vec<Value>>, Vec<GridPage>) {
    let mut req = GridRequest {
        sort,
        cursor: None,
        page_size: size,
    };
    let mut rows = Vec::new();
    let mut pages = Vec::new();
    loop {
        let p = grid::page(store.conn(), "t", &req).unwrap();
        rows.extend(p.rows.iter().cloned());
        let next = p.next_cursor.clone();
        pages.push(p);
        match next {
            Some(c) => req.cursor = Some(c),
            None => break,
        }
        assert!(pages.len() < 10_000);
    }
    (rows, pages)
}

fn expected_ids(store: &Store, column: &str, desc: bool) -> Vec<i64> {
    let c = format!("\"{column}\"");
    let sql = format!(
        "SELECT id FROM t ORDER BY {c} IS NULL, {c} {}, rowid",
        if desc { "DESC" } else { "ASC" }
    );
    let mut stmt = store.conn().prepare(&sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn every_column_sorts_both_ways_and_pages_cover_every_row_once() {
    let (_dir, store) = fixture(250);
    let info = table_info(store.conn(), "t").unwrap();
    assert_eq!(info.rows, 250);
    // `age` holds one text among integers: sorted the way SQLite sorts.
    for col in &info.columns {
        for desc in [false, true] {
            for size in [1, 7, 50, 250, 1000] {
                let (rows, pages) = all_pages(
                    &store,
                    Some(GridSort {
                        column: col.name.clone(),
                        desc,
                    }),
                    size,
                );
                let ids: Vec<i64> = rows.iter().map(|r| r[0].as_i64().unwrap()).collect();
                assert_eq!(
                    ids,
                    expected_ids(&store, &col.name, desc),
                    "{} desc={desc} size={size}",
                    col.name
                );
                assert_eq!(pages[0].total_rows, 250);
                assert_eq!(pages.len(), 250usize.div_ceil(size));
            }
        }
    }
    // Missing values last, both ways.
    let (rows, _) = all_pages(
        &store,
        Some(GridSort {
            column: "revenu".into(),
            desc: true,
        }),
        50,
    );
    let first_null = rows.iter().position(|r| r[3].is_null()).unwrap();
    assert!(rows[first_null..].iter().all(|r| r[3].is_null()));
    assert!(first_null > 0);
    // Booleans as true/false, types for the UI.
    let p = grid::page(
        store.conn(),
        "t",
        &GridRequest {
            sort: None,
            cursor: None,
            page_size: 2,
        },
    )
    .unwrap();
    assert_eq!(p.rows[0][4], Value::Bool(true));
    assert_eq!(p.rows[1][4], Value::Bool(false));
    let types: Vec<&str> = p.columns.iter().map(|c| c.column_type.as_str()).collect();
    assert_eq!(
        types,
        ["integer", "text", "integer", "number", "boolean", "text"]
    );
}

#[test]
fn unsorted_pages_follow_the_rows() {
    let (_dir, store) = fixture(103);
    let (rows, pages) = all_pages(&store, None, 10);
    let ids: Vec<i64> = rows.iter().map(|r| r[0].as_i64().unwrap()).collect();
    assert_eq!(ids, (0..103).collect::<Vec<i64>>());
    assert_eq!(pages.len(), 11);
    assert!(pages.last().unwrap().next_cursor.is_none());
}

fn bad_cursor(store: &Store, sort: Option<GridSort>, cursor: &str) {
    let req = GridRequest {
        sort,
        cursor: Some(cursor.to_string()),
        page_size: 10,
    };
    match grid::page(store.conn(), "t", &req) {
        Err(e) if matches!(e.stage(), Some(AnalysisError::BadCursor)) => {}
        other => panic!("{cursor}: expected BadCursor, got {other:?}"),
    }
}

#[test]
fn tampered_or_stale_cursors_are_refused() {
    let (_dir, mut store) = fixture(60);
    let by_age = Some(GridSort {
        column: "age".into(),
        desc: false,
    });
    let first = grid::page(
        store.conn(),
        "t",
        &GridRequest {
            sort: by_age.clone(),
            cursor: None,
            page_size: 10,
        },
    )
    .unwrap();
    let cursor = first.next_cursor.clone().unwrap();
    for c in [
        "",
        "garbage",
        "s.10",
        "r.5.0",
        "s.x.y.z",
        "s.999999.0.0",
        "s.1.2.3.4",
    ] {
        bad_cursor(&store, by_age.clone(), c);
    }
    // Another offset with the same signature is fine; a changed signature is not.
    let parts: Vec<&str> = cursor.split('.').collect();
    let moved = format!("s.20.{}.{}.{}", parts[2], parts[3], parts[4]);
    assert!(grid::page(
        store.conn(),
        "t",
        &GridRequest {
            sort: by_age.clone(),
            cursor: Some(moved),
            page_size: 10
        }
    )
    .is_ok());
    bad_cursor(
        &store,
        by_age.clone(),
        &format!("s.10.{}.{}0.{}", parts[2], parts[3], parts[4]),
    );
    bad_cursor(
        &store,
        by_age.clone(),
        &format!("s.99.{}.{}.{}", parts[2], parts[3], parts[4]),
    );
    // A key (rowid) that is not in the table.
    bad_cursor(
        &store,
        by_age.clone(),
        &format!("s.10.99999.{}.{}", parts[3], parts[4]),
    );
    // A cursor of another sort or of the unsorted grid.
    bad_cursor(
        &store,
        Some(GridSort {
            column: "age".into(),
            desc: true,
        }),
        &cursor,
    );
    bad_cursor(&store, None, &cursor);
    // The table was replaced since: the cursor is stale.
    let opts = ImportOptions {
        table: Some("t".into()),
        replace: true,
        ..Default::default()
    };
    import_bytes(store.conn_mut(), "t.csv", csv(60, 3).as_bytes(), &opts).unwrap();
    bad_cursor(&store, by_age.clone(), &cursor);
    // And the new content is what the grid shows.
    let (rows, _) = all_pages(&store, by_age, 9);
    let ids: Vec<i64> = rows.iter().map(|r| r[0].as_i64().unwrap()).collect();
    assert_eq!(ids, expected_ids(&store, "age", false));
    // Unknown column, unknown table.
    let e = grid::page(
        store.conn(),
        "t",
        &GridRequest {
            sort: Some(GridSort {
                column: "agee".into(),
                desc: false,
            }),
            cursor: None,
            page_size: 10,
        },
    );
    assert!(matches!(e, Err(Error::ColumnNotFound(_))));
    let e = grid::page(
        store.conn(),
        "events",
        &GridRequest {
            sort: None,
            cursor: None,
            page_size: 10,
        },
    );
    assert!(matches!(e, Err(Error::TableNotFound(_))));
}

#[test]
fn warm_loads_columns_in_the_background() {
    let (_dir, store) = fixture(120);
    grid::warm(store.path(), "t").join().unwrap();
    let (rows, _) = all_pages(
        &store,
        Some(GridSort {
            column: "province".into(),
            desc: true,
        }),
        25,
    );
    let ids: Vec<i64> = rows.iter().map(|r| r[0].as_i64().unwrap()).collect();
    assert_eq!(ids, expected_ids(&store, "province", true));
}

/// Every page of a sort, asked with `before` run before each page.
fn pages_with(
    store: &Store,
    sort: &GridSort,
    size: usize,
    before: impl Fn(),
) -> (Vec<i64>, Vec<Option<String>>) {
    let mut req = GridRequest {
        sort: Some(sort.clone()),
        cursor: None,
        page_size: size,
    };
    let mut ids = Vec::new();
    let mut cursors = vec![None];
    loop {
        before();
        let p = grid::page(store.conn(), "t", &req).unwrap();
        ids.extend(p.rows.iter().map(|r| r[0].as_i64().unwrap()));
        match p.next_cursor {
            Some(c) => {
                cursors.push(Some(c.clone()));
                req.cursor = Some(c);
            }
            None => break,
        }
        assert!(cursors.len() < 10_000);
    }
    (ids, cursors)
}

#[test]
fn pages_before_and_after_the_background_sort_agree() {
    let (_dir, store) = fixture(230);
    let info = table_info(store.conn(), "t").unwrap();
    for col in &info.columns {
        for desc in [false, true] {
            let sort = GridSort {
                column: col.name.clone(),
                desc,
            };
            let want = expected_ids(&store, &col.name, desc);
            // Column never in memory: every page is SQLite's keyset after the cursor.
            let (sqlite_ids, cursors) = pages_with(&store, &sort, 17, columnar::clear_cache);
            assert_eq!(sqlite_ids, want, "{} desc={desc} (SQLite keyset)", col.name);
            // Column in memory, full order not computed: keyset over the column.
            let data = columnar::column(store.conn(), "t", &col.name, col.column_type).unwrap();
            let mut keyset_ids = Vec::new();
            for c in cursors.iter().flatten() {
                let rowid: i64 = c.split('.').nth(2).unwrap().parse().unwrap();
                let key = data.position(rowid).unwrap();
                keyset_ids.push(
                    data.after(key, 17, desc)
                        .iter()
                        .map(|&p| data.rowids[p as usize])
                        .collect::<Vec<_>>(),
                );
            }
            // Once the full order is there, the same cursors give the same pages.
            data.sorted(desc);
            assert!(data.sorted_if_ready(desc).is_some());
            let mut after_ids = Vec::new();
            for c in &cursors {
                let p = grid::page(
                    store.conn(),
                    "t",
                    &GridRequest {
                        sort: Some(sort.clone()),
                        cursor: c.clone(),
                        page_size: 17,
                    },
                )
                .unwrap();
                after_ids.extend(p.rows.iter().map(|r| r[0].as_i64().unwrap()));
            }
            assert_eq!(after_ids, want, "{} desc={desc} (full sort)", col.name);
            // The in-memory keyset pages are the same rows (ids are rowids here:
            // the fixture's `id` is rowid - 1).
            let sorted_rowids: Vec<i64> = want.iter().map(|id| id + 1).collect();
            let keyset_flat: Vec<i64> = keyset_ids.concat();
            assert_eq!(
                keyset_flat,
                sorted_rowids[17..],
                "{} desc={desc} (keyset in memory)",
                col.name
            );
            // And a sort walked from the start after the full order agrees too.
            let (ids, later_cursors) = pages_with(&store, &sort, 17, || {});
            assert_eq!(ids, want);
            assert_eq!(later_cursors, cursors, "{} desc={desc}: cursors", col.name);
        }
    }
}
