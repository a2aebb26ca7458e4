//! `datajam-bench-app`: the release app measured against an empty Tauri v2 window built the
//! same way (`bench/empty-window`, release, `tauri/custom-protocol`), both under Xvfb and
//! driven through tauri-driver as the end-to-end test drives the app. A program that prints
//! figures, each beside its limit measured in the same run; never a timed test.
//!
//! ```text
//! cargo run --release -p datajam-bench-app [-- --reps N] [--only start|memory|steps]
//! ```
//!
//! It builds both release programs first, starts its own Xvfb (1366×768) and session bus,
//! then measures:
//! - **start**: from asking WebDriver for a session (which starts the program) to the first
//!   page's content: the app's interactive welcome screen (the « Créer » button of the
//!   profiles screen, drawn once the catalog and profiles are loaded), the empty window's
//!   one paragraph; median of N starts after one warm-up start each;
//! - **memory**: PSS (`/proc/<pid>/smaps_rollup`) summed over the program and every process
//!   under it (WebKit's web and network processes), 2 s after the page is shown: the empty
//!   window, the app idle on its welcome screen, and the app with a 100,000-row table open
//!   in the « Analyser » grid;
//! - **step switching**: every step of every lesson of the built-in pack, clicked in the
//!   step list, twice (a step's first visit may make its table, once per workspace); the
//!   time, measured in the page, from the click until the new step is in the page, and
//!   until the next frame after it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Set in the child that runs inside Xvfb and the session bus.
const INNER: &str = "DATAJAM_BENCH_APP_INNER";
const ROWS: usize = 100_000;
const TIMEOUT: Duration = Duration::from_secs(60);
const SETTLE: Duration = Duration::from_secs(2);

fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reps = match args.iter().position(|a| a == "--reps") {
        Some(i) => args.get(i + 1).ok_or("--reps N")?.parse()?,
        None => 5,
    };
    if std::env::var_os(INNER).is_none() {
        return outer(&args);
    }
    let only = match args.iter().position(|a| a == "--only") {
        Some(i) => Some(args.get(i + 1).ok_or("--only start|memory|steps")?.as_str()),
        None => None,
    };
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(inner(reps, only))
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn release_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"))
        .join("release")
}

/// Builds both programs, then runs this program again inside Xvfb and a session bus.
fn outer(args: &[String]) -> Result<(), BoxError> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // The app as `cargo xtask dist` builds it (with the command line, so the core is built
    // with the same features), then the empty window the same way.
    let builds: [&[&str]; 2] = [
        &[
            "-p",
            "datajam-desktop",
            "-p",
            "datajam",
            "--features",
            "datajam-desktop/custom-protocol",
        ],
        &[
            "-p",
            "datajam-bench-empty-window",
            "--features",
            "datajam-bench-empty-window/custom-protocol",
        ],
    ];
    for packages in builds {
        let status = Command::new(&cargo)
            .current_dir(workspace())
            .args(["build", "--release"])
            .args(packages)
            .status()?;
        if !status.success() {
            return Err(format!("building {packages:?} failed").into());
        }
    }
    let display = (90..200)
        .map(|n| format!(":{n}"))
        .find(|d| !Path::new(&format!("/tmp/.X11-unix/X{}", &d[1..])).exists())
        .ok_or("no free X display")?;
    let mut xvfb = Command::new("Xvfb")
        .args([&display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("Xvfb: {e} (cargo xtask deps installs it)"))?;
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{}", &display[1..]));
    let start = Instant::now();
    while !socket.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = Command::new("dbus-run-session")
        .arg("--")
        .arg(std::env::current_exe()?)
        .args(args)
        .env(INNER, "1")
        .env("DISPLAY", &display)
        .env("NO_AT_BRIDGE", "1")
        .status();
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    if status?.success() {
        Ok(())
    } else {
        Err("the measuring run failed".into())
    }
}

struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // tauri-driver leads its own process group: WebKitWebDriver and the program go too.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    let in_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("tauri-driver"))
            .find(|p| p.is_file())
    });
    in_path.unwrap_or_else(|| {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .unwrap_or_default();
        home.join("bin/tauri-driver")
    })
}

fn free_port() -> Result<u16, BoxError> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

fn start_driver(data_dir: &Path) -> Result<Driver, BoxError> {
    let port = free_port()?;
    let native = free_port()?;
    let mut cmd = Command::new(tauri_driver());
    cmd.args(["--port", &port.to_string()])
        .args(["--native-port", &native.to_string()])
        .env("DATAJAM_DATA_DIR", data_dir)
        .env("DATAJAM_LANG", "fr")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let child = cmd
        .spawn()
        .map_err(|e| format!("tauri-driver: {e} (cargo xtask deps installs it)"))?;
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if start.elapsed() > TIMEOUT {
            return Err("tauri-driver did not listen".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(Driver { child, port })
}

async fn session(driver: &Driver, program: &Path) -> Result<Client, BoxError> {
    let mut caps = serde_json::Map::new();
    caps.insert("tauri:options".into(), json!({ "application": program }));
    Ok(ClientBuilder::rustls()?
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await?)
}

/// Polls until `css` is in the page.
async fn wait_for(c: &Client, css: &str) -> Result<(), BoxError> {
    let start = Instant::now();
    while c.find(Locator::Css(css)).await.is_err() {
        if start.elapsed() > TIMEOUT {
            return Err(format!("no {css} after {TIMEOUT:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Ok(())
}

/// Polls until the text of `css` contains `expected` (French digits grouped by spaces).
async fn wait_text(c: &Client, css: &str, expected: &str) -> Result<(), BoxError> {
    let start = Instant::now();
    loop {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            let text = el.text().await.unwrap_or_default();
            if text.replace(['\u{202f}', '\u{a0}'], " ").contains(expected) {
                return Ok(());
            }
        }
        if start.elapsed() > TIMEOUT {
            return Err(format!("{css} never said {expected}").into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn click(c: &Client, css: &str) -> Result<(), BoxError> {
    wait_for(c, css).await?;
    c.find(Locator::Css(css)).await?.click().await?;
    Ok(())
}

/// One start: a new session on `program` until `ready` is in the page.
async fn start_once(
    driver: &Driver,
    program: &Path,
    ready: &str,
) -> Result<(Duration, Client), BoxError> {
    let t0 = Instant::now();
    let c = session(driver, program).await?;
    wait_for(&c, ready).await?;
    Ok((t0.elapsed(), c))
}

/// Ends a session and waits until the program has gone.
async fn close(c: Client, program: &Path) -> Result<(), BoxError> {
    c.close().await?;
    let start = Instant::now();
    while pid_of(program).is_some() && start.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// The process running `program`.
fn pid_of(program: &Path) -> Option<u32> {
    let program = program.canonicalize().ok()?;
    std::fs::read_dir("/proc").ok()?.find_map(|e| {
        let e = e.ok()?;
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        (std::fs::read_link(e.path().join("exe")).ok()? == program).then_some(pid)
    })
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: fields follow the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// PSS in kB of `pid` and of every process under it, with each process's name.
fn pss_tree(pid: u32) -> (u64, Vec<(String, u64)>) {
    let all: Vec<u32> = std::fs::read_dir("/proc")
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let p = tree[i];
        tree.extend(all.iter().copied().filter(|&c| parent_of(c) == Some(p)));
        i += 1;
    }
    let mut parts = Vec::new();
    for p in tree {
        let rollup = std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).unwrap_or_default();
        let kb = rollup
            .lines()
            .find_map(|l| l.strip_prefix("Pss:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0);
        let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        parts.push((name.trim().to_string(), kb));
    }
    (parts.iter().map(|(_, kb)| kb).sum(), parts)
}

async fn pss_after_settle(program: &Path) -> Result<(u64, Vec<(String, u64)>), BoxError> {
    tokio::time::sleep(SETTLE).await;
    let pid = pid_of(program).ok_or_else(|| format!("{} is not running", program.display()))?;
    Ok(pss_tree(pid))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn mb(kb: u64) -> String {
    format!("{:.0} MB", kb as f64 / 1024.0)
}

fn parts(p: &[(String, u64)]) -> String {
    p.iter()
        .filter(|(_, kb)| *kb > 1024)
        .map(|(n, kb)| format!("{n} {}", mb(*kb)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn yes(ok: bool) -> &'static str {
    if ok {
        "**met**"
    } else {
        "**not met**"
    }
}

/// A 100,000-row, 10-column CSV like the import bench's.
fn write_csv(path: &Path) -> Result<(), BoxError> {
    use std::io::Write;
    let regions = [
        "Lac",
        "Kanem",
        "Ouaddaï",
        "Logone Oriental",
        "N'Djamena",
        "Mandoul",
    ];
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "id,region,nom,age,revenu,taux,date_enquete,scolarise,taille_menage,remarque"
    )?;
    for i in 0..ROWS {
        writeln!(
            out,
            "{i},{},Personne {i},{},{}.{:02},{}.{},2024-{:02}-{:02},{},{},remarque {}",
            regions[i % regions.len()],
            18 + i % 60,
            20_000 + (i * 7919) % 500_000,
            i % 100,
            i % 100,
            i % 10,
            1 + i % 12,
            1 + i % 28,
            i % 3 == 0,
            1 + i % 12,
            i % 17
        )?;
    }
    out.flush()?;
    Ok(())
}

/// What `--only` asks for: `start`, `memory` or `steps` (all when absent).
fn wanted(only: Option<&str>, part: &str) -> bool {
    only.is_none_or(|o| o == part)
}

async fn inner(reps: usize, only: Option<&str>) -> Result<(), BoxError> {
    let release = release_dir();
    let app = release.join("datajam-desktop");
    let empty = release.join("datajam-bench-empty-window");
    for p in [&app, &empty] {
        if !p.is_file() {
            return Err(format!("{} is missing", p.display()).into());
        }
    }
    println!("# datajam-bench-app ({reps} starts of each after a warm-up, release builds, Xvfb 1366×768)\n");
    println!("| figure | measured | limit, from the same run | |");
    println!("|---|---:|---|---|");
    let mut notes = Vec::new();
    if wanted(only, "start") || wanted(only, "memory") {
        let (starts, empty_idle, app_idle) = starts_and_idle(&app, &empty, reps).await?;
        let (app_ms, empty_ms) = (median(starts.0.clone()), median(starts.1.clone()));
        println!(
            "| start → interactive welcome screen (median) | {app_ms:.0} ms | < 1000 ms and ≤ 1.5 × the empty window's first page ({empty_ms:.0} ms → {:.0} ms) | {} ({:.2}×) |",
            empty_ms * 1.5,
            yes(app_ms < 1000.0 && app_ms <= empty_ms * 1.5),
            app_ms / empty_ms
        );
        println!(
            "| memory (PSS, program + WebKit processes), app idle on the welcome screen | {} | the empty window: {} | {:.2}× |",
            mb(app_idle.0),
            mb(empty_idle.0),
            app_idle.0 as f64 / empty_idle.0 as f64
        );
        let list = |v: &[f64]| {
            v.iter()
                .map(|ms| format!("{ms:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        notes.push(format!(
            "starts, ms: app {}; empty window {}",
            list(&starts.0),
            list(&starts.1)
        ));
        notes.push(format!("memory, empty window: {}", parts(&empty_idle.1)));
        notes.push(format!("memory, app idle: {}", parts(&app_idle.1)));
        if wanted(only, "memory") {
            let app_grid = grid_memory(&app).await?;
            println!(
                "| memory, app with a {ROWS}-row table open in the grid | {} | ≤ 1.15 × the empty window ({}) | {} ({:.2}×) |",
                mb(app_grid.0),
                mb(empty_idle.0 * 115 / 100),
                yes(app_grid.0 as f64 <= empty_idle.0 as f64 * 1.15),
                app_grid.0 as f64 / empty_idle.0 as f64
            );
            notes.push(format!("memory, app with the grid: {}", parts(&app_grid.1)));
        }
    }
    if wanted(only, "steps") {
        let (lessons, mut each) = step_switches(&app).await?;
        for (title, again) in [("first visits", false), ("visits again", true)] {
            let of = |e: &&(f64, f64, String)| e.2.ends_with("(again)") == again;
            let painted: Vec<f64> = each.iter().filter(of).map(|e| e.0).collect();
            let shown: Vec<f64> = each.iter().filter(of).map(|e| e.1).collect();
            let (p_med, p95, p_max) = (
                median(painted.clone()),
                percentile(painted.clone(), 0.95),
                percentile(painted, 1.0),
            );
            println!(
                "| switching lesson steps, {title}, click → next frame ({} switches, {lessons} lessons): median / p95 / max | {p_med:.1} / {p95:.1} / {p_max:.1} ms | < 50 ms | {} |",
                shown.len(),
                yes(p_max < 50.0)
            );
            println!(
                "| the same, click → new step in the page: median / p95 / max | {:.1} / {:.1} / {:.1} ms | | |",
                median(shown.clone()),
                percentile(shown.clone(), 0.95),
                percentile(shown, 1.0)
            );
        }
        each.sort_by(|a, b| b.0.total_cmp(&a.0));
        notes.push("slowest switches (click → next frame / → in the page):".into());
        for (frame, dom, step) in each.iter().take(12) {
            notes.push(format!("  {frame:>6.1} / {dom:>6.1} ms  {step}"));
        }
    }
    println!();
    for n in notes {
        println!("{n}");
    }
    Ok(())
}

type Pss = (u64, Vec<(String, u64)>);

/// Starts of both programs in turn (the first of each warms up), and each one's memory
/// once idle: ((app starts, empty starts) in ms, empty window's PSS, app's PSS).
async fn starts_and_idle(
    app: &Path,
    empty: &Path,
    reps: usize,
) -> Result<((Vec<f64>, Vec<f64>), Pss, Pss), BoxError> {
    let data = tempfile::tempdir()?;
    let driver = start_driver(data.path())?;
    let (mut app_starts, mut empty_starts) = (Vec::new(), Vec::new());
    let (mut app_idle, mut empty_idle) = ((0, Vec::new()), (0, Vec::new()));
    for round in 0..=reps {
        let (t, c) = start_once(&driver, empty, "#ready").await?;
        if round > 0 {
            empty_starts.push(t.as_secs_f64() * 1000.0);
        }
        if round == 1 {
            empty_idle = pss_after_settle(empty).await?;
        }
        close(c, empty).await?;
        let (t, c) = start_once(&driver, app, "#profile-create").await?;
        if round > 0 {
            app_starts.push(t.as_secs_f64() * 1000.0);
        }
        if round == 1 {
            app_idle = pss_after_settle(app).await?;
        }
        close(c, app).await?;
    }
    Ok(((app_starts, empty_starts), empty_idle, app_idle))
}

/// The app's memory with a 100,000-row table open in the « Analyser » grid.
async fn grid_memory(app: &Path) -> Result<Pss, BoxError> {
    let grid_data = tempfile::tempdir()?;
    let csv = grid_data.path().join("enquete.csv");
    write_csv(&csv)?;
    {
        let mut w = datajam::Workshop::open(grid_data.path(), datajam::i18n::Lang::Fr)?;
        w.import(&csv, &datajam::import::ImportOptions::default())?;
    }
    let driver = start_driver(grid_data.path())?;
    let (_, c) = start_once(&driver, app, "#profile-create").await?;
    new_profile(&c).await?;
    click(&c, "#open-data").await?;
    click(&c, "#tables tr[data-table='enquete'] .analyse-table").await?;
    wait_text(&c, "#grid-status", "sur 100 000").await?;
    let pss = pss_after_settle(app).await?;
    close(c, app).await?;
    Ok(pss)
}

async fn new_profile(c: &Client) -> Result<(), BoxError> {
    c.find(Locator::Css("#profile-name"))
        .await?
        .send_keys("Banc")
        .await?;
    click(c, "#profile-create").await
}

/// Every step of every lesson of the built-in pack, clicked in the step list: the number of
/// lessons, and for each switch (ms to the next frame, ms until in the page, lesson/step).
async fn step_switches(app: &Path) -> Result<(usize, Vec<(f64, f64, String)>), BoxError> {
    let steps_data = tempfile::tempdir()?;
    let driver = start_driver(steps_data.path())?;
    let (_, c) = start_once(&driver, app, "#profile-create").await?;
    new_profile(&c).await?;
    wait_for(&c, ".lesson-open").await?;
    let mut lessons = Vec::new();
    for el in c.find_all(Locator::Css(".lesson-open")).await? {
        if let Some(id) = el.attr("data-lesson").await? {
            lessons.push(id);
        }
    }
    let mut each = Vec::new();
    // Twice: the first visit of a step may make its table (once per workspace).
    let visits = lessons.iter().chain(lessons.iter()).enumerate();
    for (n, lesson) in visits {
        let pass = if n < lessons.len() { "" } else { " (again)" };
        click(&c, &format!(".lesson-open[data-lesson='{lesson}']")).await?;
        wait_for(&c, "#step-title").await?;
        let mut steps = Vec::new();
        for el in c.find_all(Locator::Css(".step-link")).await? {
            if let Some(id) = el.attr("data-step").await? {
                steps.push(id);
            }
        }
        // Forwards through the lesson, then back to its first step.
        let order: Vec<&String> = steps.iter().skip(1).chain(steps.first()).collect();
        for step in order {
            let v: Value = c.execute_async(SWITCH, vec![json!(step)]).await?;
            let dom = v["shown"].as_f64().ok_or("no time")?;
            let frame = v["painted"].as_f64().ok_or("no time")?;
            each.push((frame, dom, format!("{lesson}/{step}{pass}")));
        }
        click(&c, "#crumbs button").await?;
        wait_for(&c, ".lesson-open").await?;
    }
    close(c, app).await?;
    Ok((lessons.len(), each))
}

/// In the page: clicks the step link `arguments[0]`, then reports (ms) when the new step is
/// in the page (`shown`) and when the next frame after it was drawn (`painted`).
const SWITCH: &str = r#"
const id = arguments[0];
const done = arguments[arguments.length - 1];
const sel = `.step-link[data-step="${CSS.escape(id)}"]`;
const old = document.querySelector('#step-title');
const t0 = performance.now();
document.querySelector(sel).click();
const check = () => {
  const title = document.querySelector('#step-title');
  if (title && title !== old && document.querySelector(`${sel}.current`)) {
    const shown = performance.now() - t0;
    requestAnimationFrame(() => done({ shown, painted: performance.now() - t0 }));
  } else {
    setTimeout(check, 0);
  }
};
check();
"#;
