//! Analysis benchmark: `cargo run --release -p datajam-bench -- analysis [--rows N] [--reps N]`.
//!
//! A CSV of N rows (default 1,000,000: province among 23, sexe, age with 5 % missing,
//! revenu, a nearly unique name, a date) is imported into a fresh workspace, then:
//! - group-by on two text columns with count and mean: plain SQLite (`Engine::Sql`), the
//!   in-memory columns cold (cache cleared: columns loaded first) and warm, and SQLite
//!   with a covering index (time to build the index, then the query);
//! - the data grid sorted by each kind of column: first page cold (column not in
//!   memory), first page after `grid::warm`, the next page, a page at depth N/2; and
//!   SQLite's own first page (`ORDER BY … LIMIT 50`) and `OFFSET N/2` for comparison;
//! - the same group-by and sorts with pandas (python3), when it is installed.
//!
//! Figures are medians of `--reps` runs (default 5).

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use datajam::analysis::columnar;
use datajam::analysis::grid::{self, GridRequest, GridSort};
use datajam::analysis::pipeline::{self, Engine, Pipeline};
use datajam::import::{self, ImportOptions};
use datajam::store::Store;

use crate::measure::{self, median, try_time as time, BoxError};

/// The 23 provinces of Chad, as a survey may spell them.
pub(crate) const PROVINCES: &[&str] = &[
    "Batha",
    "Borkou",
    "Chari-Baguirmi",
    "Guéra",
    "Hadjer-Lamis",
    "Kanem",
    "Lac",
    "Logone Occidental",
    "Logone Oriental",
    "Mandoul",
    "Mayo-Kebbi Est",
    "Mayo-Kebbi Ouest",
    "Moyen-Chari",
    "Ouaddaï",
    "Salamat",
    "Tandjilé",
    "Wadi Fira",
    "N'Djaména",
    "Barh El Gazel",
    "Ennedi Est",
    "Ennedi Ouest",
    "Sila",
    "Tibesti",
];

fn make_csv(path: &Path, rows: usize) -> Result<(), BoxError> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(w, "id,province,sexe,age,revenu,nom,date_visite")?;
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for i in 0..rows {
        let r = next();
        let age = if r % 20 == 0 {
            String::new()
        } else {
            (5 + (r >> 8) % 75).to_string()
        };
        writeln!(
            w,
            "{i},{},{},{age},{}.{:02},nom{:07},20{:02}-{:02}-{:02}",
            PROVINCES[(r >> 16) as usize % PROVINCES.len()],
            if (r >> 24) % 2 == 0 { "F" } else { "M" },
            (r >> 32) % 100_000,
            (r >> 40) % 100,
            next() % 10_000_000,
            10 + (r >> 48) % 15,
            1 + (r >> 52) % 12,
            1 + (r >> 56) % 28
        )?;
    }
    w.flush()?;
    Ok(())
}

fn ms(d: Duration) -> String {
    measure::ms(d, 1)
}

const PANDAS: &str = r#"
import sys, time
try:
    import pandas as pd
except ImportError:
    print("pandas: not installed"); sys.exit(0)
reps = int(sys.argv[2])
t = time.perf_counter(); df = pd.read_csv(sys.argv[1]); print(f"pandas read_csv: {(time.perf_counter()-t)*1000:.1f} ms")
def med(f):
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    ts.sort(); return ts[len(ts)//2] * 1000
print(f"pandas {pd.__version__} group-by province, sexe (size, mean age): {med(lambda: df.groupby(['province','sexe']).agg(n=('id','size'), age=('age','mean'))):.1f} ms")
for c in ['province', 'age', 'revenu', 'nom']:
    print(f"pandas sort_values({c}) first page: {med(lambda: df.sort_values(c, kind='stable', na_position='last').iloc[:50]):.1f} ms; "
          f"nsmallest-style top 50: {med(lambda: df.iloc[df[c].argsort(kind='stable')[:50]] if c != 'province' and c != 'nom' else df.sort_values(c).head(50)):.1f} ms")
s = df.sort_values('nom', kind='stable')
print(f"pandas page at depth N/2 once sorted: {med(lambda: s.iloc[len(s)//2:len(s)//2+50]):.3f} ms")
"#;

pub fn run(args: &[String]) -> Result<(), BoxError> {
    let mut rows = 1_000_000usize;
    let mut reps = 5usize;
    measure::options(args, &mut [("--rows", &mut rows), ("--reps", &mut reps)])?;
    let work = tempfile::tempdir()?;
    let csv = work.path().join("menages.csv");
    make_csv(&csv, rows)?;
    let data = work.path().join("data");
    let mut store = Store::open(&data)?;
    let t = Instant::now();
    let report = import::import_file(store.conn_mut(), &csv, &ImportOptions::default())?;
    println!(
        "import of {rows} rows ({} columns): {}",
        report.columns.len(),
        ms(t.elapsed())
    );
    let table = report.table.clone();
    let conn = store.conn();

    println!("\n## Group-by province, sexe: count and mean age");
    let p = Pipeline::from_json(
        r#"{"steps":[{"op":"group","by":["province","sexe"],"aggregates":[{"fn":"count","as":"effectif"},{"fn":"mean","column":"age","as":"age_moyen"}]}]}"#,
    )?;
    let sql = time(reps, || {
        Ok(pipeline::run_with(conn, &table, &p, 1000, Engine::Sql)?)
    })?;
    println!("SQLite (GROUP BY, no index):            {}", ms(sql));
    let cold = time(reps, || {
        columnar::clear_cache();
        Ok(pipeline::run_with(conn, &table, &p, 1000, Engine::Columns)?)
    })?;
    println!("in-memory columns, cold (load 3 cols):  {}", ms(cold));
    let warm = time(reps, || {
        Ok(pipeline::run_with(conn, &table, &p, 1000, Engine::Columns)?)
    })?;
    println!("in-memory columns, warm:                {}", ms(warm));
    let a = pipeline::run_with(conn, &table, &p, 1000, Engine::Sql)?;
    let b = pipeline::run_with(conn, &table, &p, 1000, Engine::Columns)?;
    assert_eq!(a.total_rows, b.total_rows);
    let filtered = Pipeline::from_json(
        r#"{"steps":[{"op":"filter","conditions":[{"column":"age","cmp":"ge","value":"18"}]},{"op":"group","by":["province","sexe"],"aggregates":[{"fn":"count","as":"effectif"},{"fn":"mean","column":"revenu","as":"revenu_moyen"},{"fn":"median","column":"revenu","as":"revenu_median"}]},{"op":"sort","keys":[{"column":"effectif","desc":true}]},{"op":"limit","n":10}]}"#,
    )?;
    let f_sql = time(reps, || {
        Ok(pipeline::run_with(
            conn,
            &table,
            &filtered,
            1000,
            Engine::Sql,
        )?)
    })?;
    let f_mem = time(reps, || {
        Ok(pipeline::run_with(
            conn,
            &table,
            &filtered,
            1000,
            Engine::Columns,
        )?)
    })?;
    println!(
        "filter age >= 18, group (count, mean, median revenu), sort, limit: SQLite {}, columns (warm) {}",
        ms(f_sql),
        ms(f_mem)
    );
    {
        // Covering index, for comparison (on a copy: the workspace stays as imported).
        let copy = work.path().join("copy.sqlite3");
        conn.execute("VACUUM INTO ?1", [copy.to_string_lossy()])?;
        let c = rusqlite::Connection::open(&copy)?;
        datajam::analysis::register_functions(&c)?;
        let t = Instant::now();
        c.execute_batch(&format!(
            "CREATE INDEX by_prov_sexe ON \"{table}\"(province, sexe, age)"
        ))?;
        let build = t.elapsed();
        let q = format!(
            "SELECT province, sexe, count(*), avg(age) FROM \"{table}\" GROUP BY province, sexe"
        );
        let query = time(reps, || {
            let mut s = c.prepare(&q)?;
            let n = s.query_map([], |_| Ok(()))?.count();
            Ok(n)
        })?;
        println!(
            "SQLite with a covering index: build {} once, then {}",
            ms(build),
            ms(query)
        );
    }

    println!("\n## Data grid, 50 rows a page");
    let half = rows / 2;
    // Every column back in memory after the cache is cleared (`grid::warm`, one scan).
    let warm_again = || -> Result<(), BoxError> {
        columnar::clear_cache();
        grid::warm(store.path(), &table)
            .join()
            .map_err(|_| "warm panicked")?;
        Ok(())
    };
    for (col, kind) in [
        ("province", "text, 23 values"),
        ("age", "integer, 5 % missing"),
        ("revenu", "number"),
        ("nom", "text, nearly unique"),
    ] {
        let sort = Some(GridSort {
            column: col.into(),
            desc: false,
        });
        let first_req = GridRequest {
            sort: sort.clone(),
            cursor: None,
            page_size: 50,
        };
        // The page after `cursor`, in the same order.
        let page_at = |cursor: Option<String>| {
            grid::page(
                conn,
                &table,
                &GridRequest {
                    cursor,
                    ..first_req.clone()
                },
            )
        };
        let mut next_times = Vec::new();
        let mut immediate = Vec::new();
        let mut first_times = Vec::new();
        time(reps, || {
            columnar::clear_cache();
            let t = Instant::now();
            let p = grid::page(conn, &table, &first_req)?;
            first_times.push(t.elapsed());
            // The next page at once: may wait for the background sort.
            let t = Instant::now();
            let p2 = page_at(p.next_cursor.clone())?;
            immediate.push(t.elapsed());
            let t = Instant::now();
            page_at(p2.next_cursor.clone())?;
            next_times.push(t.elapsed());
            // Let this round's background load and sort end before the next round, so
            // that they do not compete with its cold pages (clear_cache stops nothing).
            std::thread::sleep(Duration::from_millis(3000));
            Ok(())
        })?;
        // First page once the columns are in memory (grid::warm after an import).
        let mut warm_pages = Vec::new();
        for _ in 0..reps {
            warm_again()?;
            let t = Instant::now();
            grid::page(conn, &table, &first_req)?;
            warm_pages.push(t.elapsed());
        }
        // The second page asked at once after the first, column in memory (after
        // `grid::warm`) but its full order not computed yet: keyset over the column.
        let mut warm_second = Vec::new();
        let mut served_before_sort = 0;
        for _ in 0..reps {
            warm_again()?;
            let p = grid::page(conn, &table, &first_req)?;
            let data = columnar::column(conn, &table, col, ty_of(conn, &table, col)?)?;
            if data.sorted_if_ready(false).is_none() {
                served_before_sort += 1;
            }
            let t = Instant::now();
            page_at(p.next_cursor.clone())?;
            warm_second.push(t.elapsed());
        }
        let p = grid::page(conn, &table, &first_req)?;
        let cursor = p.next_cursor.unwrap_or_default();
        let parts: Vec<&str> = cursor.split('.').collect();
        let data = columnar::column(conn, &table, col, ty_of(conn, &table, col)?)?;
        let key_rowid = data.rowids[data.sorted(false)[half - 1] as usize];
        let deep_cursor = format!("s.{half}.{key_rowid}.{}.{}", parts[3], parts[4]);
        // The full order is ready (the first page started it in the background).
        page_at(Some(deep_cursor.clone()))?;
        let deep = time(reps, || Ok(page_at(Some(deep_cursor.clone()))?))?;
        // The same page straight from SQLite: `tail` is what follows `LIMIT 50`.
        let sqlite_page = |tail: &str| -> Result<usize, BoxError> {
            let mut s = conn.prepare(&format!(
                "SELECT rowid, * FROM \"{table}\" ORDER BY \"{col}\" IS NULL, \"{col}\", rowid LIMIT 50{tail}"
            ))?;
            let n = s.query_map([], |_| Ok(()))?.count();
            Ok(n)
        };
        let sqlite_first = time(reps, || sqlite_page(""))?;
        let offset = format!(" OFFSET {half}");
        let sqlite_offset = time(reps.min(3), || sqlite_page(&offset))?;
        println!(
            "{col} ({kind}): first page cold {}, after warm {}; next page at once: cold {}, after warm {} ({served_before_sort}/{reps} before the full sort), then {}; page at depth {half}: {} | SQLite first page {}, OFFSET {half}: {}",
            ms(median(first_times.clone())),
            ms(median(warm_pages)),
            ms(median(immediate)),
            ms(median(warm_second)),
            ms(median(next_times)),
            ms(deep),
            ms(sqlite_first),
            ms(sqlite_offset)
        );
    }
    let warm_all = time(reps.min(3), warm_again)?;
    println!("grid::warm (all 7 columns, one scan): {}", ms(warm_all));
    let unsorted = time(reps, || {
        let p = grid::page(
            conn,
            &table,
            &GridRequest {
                sort: None,
                cursor: None,
                page_size: 50,
            },
        )?;
        Ok(grid::page(
            conn,
            &table,
            &GridRequest {
                sort: None,
                cursor: p.next_cursor,
                page_size: 50,
            },
        )?)
    })?;
    println!("unsorted grid, two pages: {}", ms(unsorted));

    println!("\n## pandas, same CSV (python3)");
    let script = work.path().join("bench_pandas.py");
    std::fs::write(&script, PANDAS)?;
    match std::process::Command::new("python3")
        .arg(&script)
        .arg(&csv)
        .arg(reps.to_string())
        .output()
    {
        Ok(out) => {
            print!("{}", String::from_utf8_lossy(&out.stdout));
            if !out.status.success() {
                eprint!("{}", String::from_utf8_lossy(&out.stderr));
            }
        }
        Err(e) => println!("python3 not available: {e}"),
    }
    Ok(())
}

fn ty_of(
    conn: &rusqlite::Connection,
    table: &str,
    col: &str,
) -> Result<datajam::import::ColumnType, BoxError> {
    let info = datajam::store::tables::table_info(conn, table)?;
    Ok(info
        .columns
        .iter()
        .find(|c| c.name == col)
        .ok_or("no such column")?
        .column_type)
}
