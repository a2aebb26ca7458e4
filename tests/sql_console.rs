//! The read-only SQL console: reads workspace and collect tables, refuses everything
//! else through SQLite itself (read-only connection + authorizer), stops long queries.

use std::path::PathBuf;
use std::time::Duration;

use datajam::analysis::sql::{run_readonly, run_readonly_with_limit};
use datajam::analysis::AnalysisError;
use datajam::i18n::Lang;
use datajam::import::{import_bytes, ImportOptions};
use datajam::store::Store;
use datajam::Error;
use serde_json::json;

struct Fx {
    _dir: tempfile::TempDir,
    store: Store,
    db: PathBuf,
}

fn fixture() -> Fx {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    import_bytes(
        store.conn_mut(),
        "villes.csv",
        "ville;province;population;date\nAbéché;Ouaddaï;76492;2009-05-20\nSarh;Moyen-Chari;102528;2009-05-20\nMoundou;Logone Occidental;137251;\n"
            .as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    store.create_profile("Amina").unwrap();
    store
        .conn()
        .execute_batch("CREATE TABLE collecte_puits (nom TEXT, debit REAL); INSERT INTO collecte_puits VALUES ('P1', 2.5);")
        .unwrap();
    let db = store.path().to_path_buf();
    Fx {
        _dir: dir,
        store,
        db,
    }
}

fn refused(fx: &Fx, sql: &str) -> AnalysisError {
    match run_readonly(&fx.db, sql, 100).map_err(Error::into_stage::<AnalysisError>) {
        Err(Ok(e)) => e,
        other => panic!("{sql}: expected a refusal, got {other:?}"),
    }
}

fn snapshot(fx: &Fx) -> (i64, i64, i64, Vec<String>) {
    let c = fx.store.conn();
    let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let mut stmt = c
        .prepare("SELECT name FROM sqlite_master ORDER BY name")
        .unwrap();
    let names = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap();
    (
        n("SELECT count(*) FROM villes"),
        n("SELECT count(*) FROM profiles"),
        n("SELECT count(*) FROM collecte_puits"),
        names,
    )
}

#[test]
fn reads_workspace_and_collect_tables() {
    let fx = fixture();
    let res = run_readonly(
        &fx.db,
        "SELECT ville, population, population / 1000.0 AS milliers, date FROM villes WHERE dj_fold(province) = 'ouaddai';",
        100,
    )
    .unwrap();
    assert_eq!(
        res.rows,
        vec![vec![
            json!("Abéché"),
            json!(76492),
            json!(76.492),
            json!("2009-05-20")
        ]]
    );
    let types: Vec<&str> = res.columns.iter().map(|c| c.column_type.as_str()).collect();
    assert_eq!(types, ["text", "integer", "number", "date"]);
    let res = run_readonly(
        &fx.db,
        "WITH t AS (SELECT province, sum(population) AS p FROM villes GROUP BY 1) SELECT * FROM t ORDER BY p DESC",
        2,
    )
    .unwrap();
    assert_eq!(res.rows.len(), 2);
    assert_eq!(res.total_rows, 3);
    let res = run_readonly(&fx.db, "SELECT nom, debit FROM collecte_puits", 10).unwrap();
    assert_eq!(res.rows, vec![vec![json!("P1"), json!(2.5)]]);
    let res = run_readonly(&fx.db, "SELECT dj_median(population) FROM villes", 10).unwrap();
    assert_eq!(res.rows, vec![vec![json!(102528.0)]]);
}

#[test]
fn everything_but_reading_is_refused_and_the_database_is_unchanged() {
    let fx = fixture();
    let before = snapshot(&fx);
    let cases = [
        ("INSERT INTO villes VALUES ('X', 'Y', 1, NULL)", "INSERT"),
        ("UPDATE villes SET population = 0", "UPDATE"),
        ("DELETE FROM villes", "DELETE"),
        ("DROP TABLE villes", "DROP"),
        ("CREATE TABLE x (a)", "CREATE"),
        ("CREATE TEMP TABLE x (a)", "CREATE"),
        ("ALTER TABLE villes RENAME TO v", "ALTER"),
        ("ATTACH DATABASE '/tmp/x.sqlite3' AS x", "ATTACH"),
        ("PRAGMA user_version = 99", "PRAGMA"),
        ("PRAGMA journal_mode = DELETE", "PRAGMA"),
        ("PRAGMA table_info(events)", "PRAGMA"),
        ("SELECT * FROM events", "« events »"),
        ("SELECT name FROM profiles", "« profiles »"),
        ("SELECT * FROM workspace_tables", "« workspace_tables »"),
        ("SELECT * FROM sqlite_master", "« sqlite_master »"),
        (
            "SELECT v.ville FROM villes v JOIN profiles p ON 1",
            "« profiles »",
        ),
        (
            "SELECT (SELECT count(*) FROM events) FROM villes",
            "« events »",
        ),
        ("BEGIN", "transaction"),
        ("VACUUM", ""),
        ("SELECT * FROM pragma_table_info('events')", ""),
        ("SELECT * FROM temp.sqlite_master", ""),
        ("SELECT * FROM sqlite_schema", ""),
        ("REPLACE INTO villes VALUES ('X', 'Y', 1, NULL)", "INSERT"),
        ("WITH x AS (SELECT 1) DELETE FROM villes", "DELETE"),
    ];
    for (sql, what) in cases {
        let e = match run_readonly(&fx.db, sql, 100).map_err(Error::into_stage::<AnalysisError>) {
            Err(Ok(e)) => e,
            other => panic!("{sql}: expected a refusal, got {other:?}"),
        };
        let msg = e.message(Lang::Fr);
        if what.is_empty() {
            assert!(
                matches!(e.code(), "sql.forbidden" | "sql.invalid"),
                "{sql}: {msg}"
            );
        } else {
            assert_eq!(e.code(), "sql.forbidden", "{sql}: {msg}");
            assert!(
                msg.starts_with("La console SQL ne fait que lire : ") && msg.contains(what),
                "{sql}: {msg}"
            );
        }
    }
    assert_eq!(snapshot(&fx), before);
    // VACUUM INTO works on a read-only database in SQLite: it must not write a copy.
    let copy = fx._dir.path().join("copie.sqlite3");
    let e = refused(&fx, &format!("VACUUM INTO '{}'", copy.display()));
    assert_eq!(e.code(), "sql.forbidden", "{e:?}");
    assert!(!copy.exists());
}

#[test]
fn syntax_errors_several_statements_and_time_limit() {
    let fx = fixture();
    let e = refused(&fx, "SELEC * FROM villes");
    assert_eq!(e.code(), "sql.invalid");
    assert!(e.message(Lang::Fr).contains("syntax error"));
    let e = refused(&fx, "SELECT 1; DELETE FROM villes");
    assert!(
        matches!(e.code(), "sql.multiple_statements" | "sql.forbidden"),
        "{e:?}"
    );
    assert_eq!(refused(&fx, "   ").code(), "sql.invalid");
    let started = std::time::Instant::now();
    let e = match run_readonly_with_limit(
        &fx.db,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
        10,
        Duration::from_millis(300),
    )
    .map_err(Error::into_stage::<AnalysisError>)
    {
        Err(Ok(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(e.code(), "sql.timeout");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(e.message(Lang::Fr).contains("arrêtée"));
}
