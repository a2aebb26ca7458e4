//! Import benchmark (a program, not a timed test): the default mode of `datajam-bench`.
//!
//! `cargo run --release -p datajam-bench [-- --reps N --rows N --big-rows N]`
//!
//! Generates a 100,000-row × 10-column workbook and the same data as a plain
//! CSV (comma, decimal point, ISO dates, true/false), then measures, side by
//! side, the median of several repetitions of:
//! - calamine alone (open + `worksheet_range` + touching every cell) vs
//!   `datajam::import::import_file` into a fresh workspace database
//!   (`Store::open`: WAL, synchronous=FULL);
//! - the `csv` crate merely parsing the file (`ByteRecord` loop), and a bare SQLite
//!   insert of the same typed rows (one prepared INSERT, one transaction, fresh database
//!   opened as `Store::open` does), vs the full CSV import;
//! - the peak memory (VmHWM, Linux only) of a child process doing one full
//!   import: of the workbook, and of a generated 1,000,000-row CSV.
//!
//! It ends with issue 13's three figures, each beside its limit from the same run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::analysis;
use crate::measure::{self, median, BoxError};
use calamine::{Data, Reader, Xlsx};
use datajam::import::{self, ImportOptions, Phase, Progress};
use datajam::store::Store;

const COLUMNS: usize = 10;
/// The regions of the generated survey: the first eight provinces.
const REGIONS: &[&str] = analysis::PROVINCES.split_at(8).0;

fn value(
    i: usize,
) -> (
    i64,
    &'static str,
    String,
    i64,
    f64,
    f64,
    chrono::NaiveDate,
    bool,
    i64,
    String,
) {
    let base = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let date = base + chrono::Duration::days((i % 1500) as i64);
    (
        i as i64 + 1,
        REGIONS[i % REGIONS.len()],
        format!("Ménage {}", i * 7 % 100_003),
        (i * 37 % 90) as i64 + 1,
        ((i * 7919) % 1_000_000) as f64 / 100.0,
        ((i * 31) % 1000) as f64 / 10.0 + 0.25,
        date,
        i.is_multiple_of(3),
        (i * 13 % 12) as i64 + 1,
        if i.is_multiple_of(10) {
            "à vérifier".to_string()
        } else {
            format!("ras {}", i % 97)
        },
    )
}

const HEADER: [&str; COLUMNS] = [
    "id",
    "Région",
    "Nom",
    "Âge",
    "Revenu",
    "Taux",
    "Date enquête",
    "Électricité",
    "Taille",
    "Remarque",
];

fn make_xlsx(path: &Path, rows: usize) -> Result<(), BoxError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Enquête")?;
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    for i in 0..rows {
        let r = i as u32 + 1;
        let v = value(i);
        ws.write_number(r, 0, v.0 as f64)?;
        ws.write_string(r, 1, v.1)?;
        ws.write_string(r, 2, &v.2)?;
        ws.write_number(r, 3, v.3 as f64)?;
        ws.write_number(r, 4, v.4)?;
        ws.write_number(r, 5, v.5)?;
        let d = ExcelDateTime::from_ymd(
            chrono::Datelike::year(&v.6) as u16,
            chrono::Datelike::month(&v.6) as u8,
            chrono::Datelike::day(&v.6) as u8,
        )?;
        ws.write_datetime_with_format(r, 6, &d, &date_fmt)?;
        ws.write_boolean(r, 7, v.7)?;
        ws.write_number(r, 8, v.8 as f64)?;
        ws.write_string(r, 9, &v.9)?;
    }
    wb.save(path)?;
    Ok(())
}

fn make_csv(path: &Path, rows: usize) -> Result<(), BoxError> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record(HEADER)?;
    for i in 0..rows {
        let v = value(i);
        w.write_record([
            v.0.to_string(),
            v.1.to_string(),
            v.2,
            v.3.to_string(),
            format!("{}", v.4),
            format!("{}", v.5),
            v.6.format("%Y-%m-%d").to_string(),
            v.7.to_string(),
            v.8.to_string(),
            v.9,
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn calamine_alone(path: &Path) -> Result<u64, BoxError> {
    let mut wb: Xlsx<_> = calamine::open_workbook(path)?;
    let name = wb.sheet_names().first().cloned().ok_or("no sheet")?;
    let range = wb.worksheet_range(&name)?;
    let mut touched = 0u64;
    for row in range.rows() {
        for cell in row {
            touched += match cell {
                Data::Empty => 0,
                Data::String(s) => s.len() as u64 % 2 + 1,
                Data::Float(f) => u64::from(*f > 0.0) + 1,
                Data::Int(i) => u64::from(*i > 0) + 1,
                Data::Bool(b) => u64::from(*b) + 1,
                Data::DateTime(d) => u64::from(d.as_f64() > 0.0) + 1,
                _ => 1,
            };
        }
    }
    Ok(touched)
}

fn csv_alone(path: &Path) -> Result<u64, BoxError> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)?;
    let mut rec = csv::ByteRecord::new();
    let mut fields = 0u64;
    while r.read_byte_record(&mut rec)? {
        fields += rec.len() as u64;
    }
    Ok(fields)
}

/// One import into a fresh DATA dir; returns the time and the phase times.
fn full_import(path: &Path) -> Result<(Duration, [Duration; 3]), BoxError> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(dir.path())?;
    let mut phase_start = [None::<Instant>; 3];
    let start = Instant::now();
    let report = import::import_file_with_progress(
        store.conn_mut(),
        path,
        &ImportOptions::default(),
        &mut |p: &Progress| {
            let i = match p.phase {
                Phase::Reading => 0,
                Phase::Inferring => 1,
                Phase::Writing => 2,
            };
            if phase_start[i].is_none() {
                phase_start[i] = Some(Instant::now());
            }
        },
    )?;
    let total = start.elapsed();
    if report.rows == 0 {
        return Err("nothing imported".into());
    }
    let end = start + total;
    let at = |i: usize| phase_start[i].unwrap_or(end);
    let phases = [
        at(1).saturating_duration_since(start),
        at(2).saturating_duration_since(at(1)),
        end.saturating_duration_since(at(2)),
    ];
    Ok((total, phases))
}

/// A generated row as the import stores it (the date as ISO text, the boolean as 0/1).
type Row = (
    i64,
    &'static str,
    String,
    i64,
    f64,
    f64,
    String,
    i64,
    i64,
    String,
);

/// The rows [`sqlite_alone`] inserts, made before it is timed.
fn typed_rows(rows: usize) -> Vec<Row> {
    (0..rows)
        .map(|i| {
            let v = value(i);
            let date = v.6.format("%Y-%m-%d").to_string();
            (v.0, v.1, v.2, v.3, v.4, v.5, date, i64::from(v.7), v.8, v.9)
        })
        .collect()
}

/// SQLite alone: the same 100,000 × 10 typed values, made beforehand, inserted in one
/// transaction into a fresh workspace database opened as `Store::open` does (opened before
/// the clock starts, as the import's is), `per_statement` rows per INSERT: 1 is the bare
/// insert the issue names; 16 is the import's own way. Returns the time of the transaction
/// (table created, rows inserted, commit).
fn sqlite_alone(rows: &[Row], per_statement: usize) -> Result<Duration, BoxError> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(dir.path())?;
    let start = Instant::now();
    let tx = store.conn_mut().transaction()?;
    tx.execute(
        "CREATE TABLE t (a INTEGER, b TEXT, c TEXT, d INTEGER, e REAL, f REAL, g TEXT, h INTEGER, i INTEGER, j TEXT)",
        [],
    )?;
    {
        let one = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        let sql = |n: usize| format!("INSERT INTO t VALUES {}", vec![one; n].join(", "));
        let mut many = tx.prepare(&sql(per_statement))?;
        let mut single = tx.prepare(&sql(1))?;
        let bind =
            |stmt: &mut rusqlite::Statement<'_>, at: usize, r: &Row| -> rusqlite::Result<()> {
                let k = at * 10;
                stmt.raw_bind_parameter(k + 1, r.0)?;
                stmt.raw_bind_parameter(k + 2, r.1)?;
                stmt.raw_bind_parameter(k + 3, &r.2)?;
                stmt.raw_bind_parameter(k + 4, r.3)?;
                stmt.raw_bind_parameter(k + 5, r.4)?;
                stmt.raw_bind_parameter(k + 6, r.5)?;
                stmt.raw_bind_parameter(k + 7, &r.6)?;
                stmt.raw_bind_parameter(k + 8, r.7)?;
                stmt.raw_bind_parameter(k + 9, r.8)?;
                stmt.raw_bind_parameter(k + 10, &r.9)
            };
        let mut chunks = rows.chunks_exact(per_statement);
        for chunk in &mut chunks {
            for (at, r) in chunk.iter().enumerate() {
                bind(&mut many, at, r)?;
            }
            many.raw_execute()?;
        }
        for r in chunks.remainder() {
            bind(&mut single, 0, r)?;
            single.raw_execute()?;
        }
    }
    tx.commit()?;
    Ok(start.elapsed())
}

fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs this program again with a subcommand and reads the VmHWM it prints.
fn child_peak(what: &str, path: &Path) -> Result<Option<u64>, BoxError> {
    let out = Command::new(std::env::current_exe()?)
        .arg(what)
        .arg(path)
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "child {what} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM_KiB=")?.trim().parse().ok()))
}

/// The time of one run of `f`.
fn time_one<T>(f: impl FnOnce() -> Result<T, BoxError>) -> Result<Duration, BoxError> {
    let t = Instant::now();
    std::hint::black_box(f()?);
    Ok(t.elapsed())
}

fn ms(d: Duration) -> String {
    format!("{:>12}", measure::ms(d, 1))
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

/// The rows of one file format: the reader alone, the full import against it with its
/// target ratio, and the median of each of the import's three phases.
fn print_format(
    format: &str,
    alone_label: &str,
    alone: Duration,
    (import, target): (Duration, &str),
    (phases_label, phases): (&str, &[[Duration; 3]]),
) {
    println!("| {format}: {alone_label} | {} | 1.00 | |", ms(alone));
    println!(
        "| {format}: datajam import_file (fresh DB, WAL, sync=FULL) | {} | {:.2}× | {target} |",
        ms(import),
        ratio(import, alone)
    );
    let phase = |i: usize| ms(median(phases.iter().map(|p| p[i]).collect()));
    println!(
        "|   of which {phases_label} | {} / {} / {} | | |",
        phase(0).trim(),
        phase(1).trim(),
        phase(2).trim()
    );
}

/// The child modes (`child-import PATH`, `child-calamine PATH`, `child-nothing PATH`,
/// `gen DIR`): true when `mode` was one of them (done).
pub fn child(mode: &str, path: &str) -> Result<bool, BoxError> {
    let path = PathBuf::from(path);
    match mode {
        "child-import" => {
            let dir = tempfile::tempdir()?;
            let mut store = Store::open(dir.path())?;
            import::import_file(store.conn_mut(), &path, &ImportOptions::default())?;
        }
        "child-calamine" => {
            calamine_alone(&path)?;
        }
        "child-nothing" => {}
        // Writes the data files into a folder, e.g. to profile one import
        // with `perf record datajam-bench child-import DIR/enquete.csv`.
        "gen" => {
            std::fs::create_dir_all(&path)?;
            make_xlsx(&path.join("enquete.xlsx"), 100_000)?;
            make_csv(&path.join("enquete.csv"), 100_000)?;
            return Ok(true);
        }
        _ => return Ok(false),
    }
    println!("VmHWM_KiB={}", vm_hwm_kib().unwrap_or(0));
    Ok(true)
}

/// One of issue 13's figures: what was measured, its limit from the same run, met or not.
fn figure(name: &str, measured: String, limit: String, met: bool) {
    let verdict = if met { "met" } else { "**not met**" };
    println!("| {name} | {measured} | {limit} | {verdict} |");
}

pub fn run(args: &[String]) -> Result<(), BoxError> {
    let mut reps = 7usize;
    let mut rows = 100_000usize;
    let mut big_rows = 1_000_000usize;
    measure::options(
        args,
        &mut [
            ("--reps", &mut reps),
            ("--rows", &mut rows),
            ("--big-rows", &mut big_rows),
        ],
    )?;
    let work = tempfile::tempdir()?;
    let xlsx = work.path().join("enquete.xlsx");
    let csv_path = work.path().join("enquete.csv");
    let t = Instant::now();
    make_xlsx(&xlsx, rows)?;
    make_csv(&csv_path, rows)?;
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    println!(
        "Data: {rows} rows × {COLUMNS} columns ({} cells); xlsx {:.1} MB, csv {:.1} MB (plain: comma, decimal point, ISO dates); generated in {:.1} s",
        rows * COLUMNS,
        size(&xlsx),
        size(&csv_path),
        t.elapsed().as_secs_f64()
    );
    println!("Median of {reps} rounds, each timing every measure once in turn (after one warm-up round).\n");

    // Warm-up (page cache, allocator).
    calamine_alone(&xlsx)?;
    full_import(&xlsx)?;
    csv_alone(&csv_path)?;
    full_import(&csv_path)?;
    let typed = typed_rows(rows);
    sqlite_alone(&typed, 1)?;
    sqlite_alone(&typed, 16)?;

    // Interleaved: each round times every measure once, so that a figure and its limit
    // see the same load on the machine (shared with other jobs).
    let (mut cal, mut xi, mut cp, mut ci, mut sq) = (vec![], vec![], vec![], vec![], vec![]);
    let mut sq16 = vec![];
    let (mut x_phases, mut c_phases) = (vec![], vec![]);
    for _ in 0..reps {
        cal.push(time_one(|| calamine_alone(&xlsx))?);
        let (t, p) = full_import(&xlsx)?;
        xi.push(t);
        x_phases.push(p);
        cp.push(time_one(|| csv_alone(&csv_path))?);
        let (t, p) = full_import(&csv_path)?;
        ci.push(t);
        c_phases.push(p);
        sq.push(sqlite_alone(&typed, 1)?);
        sq16.push(sqlite_alone(&typed, 16)?);
    }
    let [cal, xi, cp, ci, sq, sq16] = [cal, xi, cp, ci, sq, sq16].map(median);

    println!("| measure | median | ratio | |");
    println!("|---|---:|---:|---:|");
    print_format(
        "xlsx",
        "calamine alone (open + range + every cell)",
        cal,
        (xi, ""),
        ("reading the workbook / inferring / writing", &x_phases),
    );
    print_format(
        "csv",
        "csv crate alone (ByteRecord loop)",
        cp,
        (ci, ""),
        (
            "encoding+delimiter scan / sample / reading+writing",
            &c_phases,
        ),
    );
    println!(
        "| sqlite alone: same typed rows, one prepared INSERT, one transaction (fresh DB, WAL, sync=FULL) | {} | {:.2}× of csv alone | |",
        ms(sq),
        ratio(sq, cp)
    );

    let mut big_peak = None;
    if cfg!(target_os = "linux") {
        let big = work.path().join("grand.csv");
        let t = Instant::now();
        make_csv(&big, big_rows)?;
        println!(
            "\nLarge CSV: {big_rows} rows ({:.1} MB), generated in {:.1} s.",
            size(&big),
            t.elapsed().as_secs_f64()
        );
        let nothing = child_peak("child-nothing", &xlsx)?.unwrap_or(0);
        let calamine_peak = child_peak("child-calamine", &xlsx)?.unwrap_or(0);
        let import_peak = child_peak("child-import", &xlsx)?.unwrap_or(0);
        let csv_peak = child_peak("child-import", &csv_path)?.unwrap_or(0);
        let t = Instant::now();
        big_peak = child_peak("child-import", &big)?;
        let big_time = t.elapsed();
        let mb = |k: u64| k as f64 / 1024.0;
        println!("\nPeak memory (VmHWM of a child process, Linux):");
        println!("| process | peak RSS |");
        println!("|---|---:|");
        println!("| child doing nothing | {:.1} MiB |", mb(nothing));
        println!("| calamine alone, xlsx | {:.1} MiB |", mb(calamine_peak));
        println!("| full xlsx import | {:.1} MiB |", mb(import_peak));
        println!("| full csv import, {rows} rows | {:.1} MiB |", mb(csv_peak));
        println!(
            "| full csv import, {big_rows} rows (child process, {:.1} s) | {:.1} MiB |",
            big_time.as_secs_f64(),
            mb(big_peak.unwrap_or(0))
        );
    } else {
        println!("\nPeak memory: measured on Linux only (/proc/self/status VmHWM).");
    }

    println!("\nIssue 13, import figures (limits from this run):");
    println!("| figure | measured | limit | met? |");
    println!("|---|---:|---:|---|");
    let x = ratio(xi, cal);
    figure(
        &format!("import of a {rows} × {COLUMNS} xlsx / calamine's read"),
        format!("{x:.2}× ({} / {})", measure::ms(xi, 0), measure::ms(cal, 0)),
        format!("≤ 1.1× ({})", measure::ms(cal.mul_f64(1.1), 0)),
        x <= 1.1,
    );
    let c = ratio(ci, sq);
    figure(
        "import of the same data as CSV / bare SQLite insert of the same typed rows",
        format!("{c:.2}× ({} / {})", measure::ms(ci, 0), measure::ms(sq, 0)),
        format!("≤ 1.3× ({})", measure::ms(sq.mul_f64(1.3), 0)),
        c <= 1.3,
    );
    let c16 = ratio(ci, sq16);
    figure(
        "the same, against a bare insert of 16 rows per statement (the import's own way)",
        format!(
            "{c16:.2}× ({} / {})",
            measure::ms(ci, 0),
            measure::ms(sq16, 0)
        ),
        format!("≤ 1.3× ({})", measure::ms(sq16.mul_f64(1.3), 0)),
        c16 <= 1.3,
    );
    match big_peak {
        Some(kib) => {
            let mb = kib as f64 * 1024.0 / 1e6;
            figure(
                &format!("peak RSS importing a {big_rows}-row CSV (VmHWM of a child)"),
                format!("{mb:.1} MB"),
                "< 200 MB".to_string(),
                mb < 200.0,
            );
        }
        None => figure(
            &format!("peak RSS importing a {big_rows}-row CSV"),
            "not measured (Linux only)".to_string(),
            "< 200 MB".to_string(),
            false,
        ),
    }
    Ok(())
}
