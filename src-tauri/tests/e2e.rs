//! End-to-end test of the desktop app: the real binary, driven like a trainee would use it,
//! through tauri-driver and WebKitWebDriver. It needs a display and a session bus, so it is
//! ignored by a plain `cargo test`; `cargo xtask e2e` (and `cargo xtask test`) run it under
//! Xvfb inside `dbus-run-session`. Screenshots of every screen land in
//! `target/e2e-screenshots/` for a person to look at.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const TIMEOUT: Duration = Duration::from_secs(20);

struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // tauri-driver, WebKitWebDriver and the app share a process group: end them all, so a
        // failed test never leaves an app running (or a pipe open) behind it.
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
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

/// Starts tauri-driver with the app's data directory in its environment (the app inherits it).
fn start_driver(data_dir: &Path) -> Driver {
    start_driver_with(data_dir, &[])
}

fn start_driver_with(data_dir: &Path, env: &[(&str, &Path)]) -> Driver {
    spawn_driver(Some(data_dir), env)
}

/// tauri-driver with `env`; the app's data directory named by `DATAJAM_DATA_DIR` when
/// `data_dir` is given, else chosen by the app itself (no `DATAJAM_DATA_DIR` at all).
fn spawn_driver(data_dir: Option<&Path>, env: &[(&str, &Path)]) -> Driver {
    let port = free_port();
    let native = free_port();
    let mut cmd = Command::new(tauri_driver());
    match data_dir {
        Some(dir) => cmd.env("DATAJAM_DATA_DIR", dir),
        None => cmd.env_remove("DATAJAM_DATA_DIR"),
    };
    let child = cmd
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("DATAJAM_LANG", "fr")
        .envs(env.iter().map(|(k, v)| (*k, *v)))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("tauri-driver runs (cargo xtask deps installs it)");
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < TIMEOUT,
            "tauri-driver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child, port }
}

/// The program the tests drive: the one `DATAJAM_E2E_APP` names (the app installed from the
/// `.deb`), else the debug build of this crate.
fn app_program() -> PathBuf {
    std::env::var_os(INSTALLED_APP_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_datajam-desktop")))
}

/// Names an installed app for the tests to drive instead of the debug build (`cargo xtask
/// deb` sets it to `/usr/bin/datajam-atelier`, then to the portable copy's program).
const INSTALLED_APP_ENV: &str = "DATAJAM_E2E_APP";

async fn open_app(driver: &Driver) -> Client {
    let app = app_program();
    let mut caps = serde_json::Map::new();
    // No browserName: WebKitWebDriver would reject it for a Tauri app.
    caps.insert("tauri:options".into(), json!({ "application": app }));
    let client = ClientBuilder::rustls()
        .expect("TLS setup")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session on the app");
    let _ = client.set_window_size(1366, 768).await;
    client
}

fn shots_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

async fn shot(c: &Client, name: &str) {
    // Let the webview paint what the last command changed.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = c.screenshot().await.expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"), "screenshot is a PNG");
    std::fs::write(shots_dir().join(format!("{name}.png")), png).expect("write screenshot");
}

async fn find(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element {css}: {e}"))
}

/// Waits until the element's text contains `expected`; returns the text.
async fn wait_text(c: &Client, css: &str, expected: &str) -> String {
    let start = Instant::now();
    loop {
        let text = text_at(c, Locator::Css(css)).await;
        // French number formatting separates thousands with (narrow) no-break spaces.
        let text = text.replace(['\u{202f}', '\u{a0}'], " ");
        if text.contains(&expected.replace(['\u{202f}', '\u{a0}'], " ")) {
            return text;
        }
        if start.elapsed() > TIMEOUT {
            let banner = text_at(c, Locator::Id("error")).await;
            panic!("{css}: expected «{expected}», found «{text}» (error banner: «{banner}»)");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of the element `at`, or nothing when there is none.
async fn text_at(c: &Client, at: Locator<'_>) -> String {
    match c.find(at).await {
        Ok(el) => el.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// What the app says of the last answer, and its error banner (for a failure's message).
async fn feedback_and_banner(c: &Client) -> (String, String) {
    (
        text_at(c, Locator::Id("feedback")).await,
        text_at(c, Locator::Id("error")).await,
    )
}

/// The property `name` of the element `css` (its `value`, its `textContent`…).
async fn prop(c: &Client, css: &str, name: &str) -> Option<String> {
    find(c, css)
        .await
        .prop(name)
        .await
        .unwrap_or_else(|e| panic!("{name} of {css}: {e}"))
}

/// Waits until the app has written the file `path`; `missing` says what is not there.
async fn wait_file(path: &Path, missing: &str) {
    let start = Instant::now();
    while !path.exists() {
        assert!(start.elapsed() < TIMEOUT, "{missing}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

async fn wait_count(c: &Client, css: &str, n: usize) {
    let start = Instant::now();
    while count(c, css).await != n {
        assert!(
            start.elapsed() < TIMEOUT,
            "{css}: expected {n} elements, found {}",
            count(c, css).await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn click(c: &Client, css: &str) {
    // An element the page redraws between finding and clicking (the pipeline editor
    // redraws a step when the core answers with its columns) is found again.
    let start = Instant::now();
    loop {
        settle(c).await;
        let el = find(c, css).await;
        // Into the middle of the window: the sticky top bar would take the click at the top.
        let _ = c
            .execute(
                "arguments[0].scrollIntoView({block: 'center'})",
                vec![serde_json::to_value(&el).expect("element as JSON")],
            )
            .await;
        match el.click().await {
            Ok(_) => return,
            Err(e) if is_stale(&e) && start.elapsed() < TIMEOUT => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(e) => panic!("click {css}: {e}"),
        }
    }
}

/// True when WebDriver no longer knows the element (the page replaced it).
fn is_stale(e: &fantoccini::error::CmdError) -> bool {
    let text = e.to_string();
    text.contains("was not found") || text.contains("stale")
}

async fn type_into(c: &Client, css: &str, text: &str) {
    let el = find(c, css).await;
    el.clear()
        .await
        .unwrap_or_else(|e| panic!("clear {css}: {e}"));
    el.send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type into {css}: {e}"));
}

/// Runs a test's body, failing it with `late` when it takes longer than `limit`: a hung
/// WebDriver must fail the test, not stall CI.
async fn within(limit: Duration, body: impl std::future::Future<Output = ()>, late: &str) {
    tokio::time::timeout(limit, body).await.expect(late);
}

/// Runs a test's body, failing it when it takes longer than `minutes` minutes.
async fn within_minutes(minutes: u64, body: impl std::future::Future<Output = ()>) {
    within(
        Duration::from_secs(minutes * 60),
        body,
        &format!("the end-to-end test finishes within {minutes} minutes"),
    )
    .await;
}

/// Opens the step `step` from the lesson's list and waits for its title to show `title`.
async fn open_step(c: &Client, step: &str, title: &str) {
    click(c, &format!(".step-link[data-step='{step}']")).await;
    wait_text(c, "#step-title", title).await;
}

/// Submits the answer given and waits until the verdict `css` (`#feedback.ok` or
/// `#feedback.ko`) says `expected`.
async fn submit_answer(c: &Client, css: &str, expected: &str) {
    click(c, "#submit-answer").await;
    wait_text(c, css, expected).await;
}

/// Creates the profile `name` on the profiles screen.
async fn create_profile(c: &Client, name: &str) {
    type_into(c, "#profile-name", name).await;
    click(c, "#profile-create").await;
}

/// The app installed from the `.deb` (`cargo xtask deb`, part of `cargo xtask test`, installs
/// it, runs this test on `/usr/bin/datajam-atelier`, then removes the package): its window
/// opens on the welcome screen with its version, from the embedded UI, and a new profile
/// finds the built-in pack.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the installed .deb: run it with `cargo xtask deb`"]
async fn dist_installed_app_opens_on_the_built_in_pack() {
    let app = std::env::var_os(INSTALLED_APP_ENV)
        .map(PathBuf::from)
        .expect("DATAJAM_E2E_APP names the installed app: run `cargo xtask deb`");
    assert!(app.is_file(), "{} is installed", app.display());
    within_minutes(2, installed(app)).await;
}

async fn installed(app: PathBuf) {
    let data = tempfile::tempdir().expect("temp data dir");
    let driver = start_driver(data.path());
    let c = open_app(&driver).await;
    find(&c, "#screen-profiles").await;
    assert_eq!(c.title().await.expect("title"), "DataJam Atelier");
    let version = datajam::written_by().replace("DataJam Atelier ", "");
    wait_text(&c, "#app-version", &version).await;
    shot(&c, "installed-01-accueil").await;

    // The window is the installed program's, not a build from the sources.
    let running = running_programs();
    assert!(
        running.iter().any(|p| p == &app),
        "{} runs (running: {running:?})",
        app.display()
    );

    create_profile(&c, "Achta").await;
    wait_text(&c, "#screen-packs", "DataJam Tchad").await;
    click(&c, ".lesson-open[data-lesson='premiers-pas']").await;
    wait_text(&c, "#step-title", "Bienvenue dans l'atelier").await;
    shot(&c, "installed-02-lecon").await;
    // The profile went where DATAJAM_DATA_DIR says.
    let db = data.path().join(datajam::store::DB_FILE);
    assert!(db.is_file(), "{} written", db.display());
    c.close().await.expect("close the session");
}

/// The portable copy that `cargo xtask dist` writes (`DATAJAM_E2E_PORTABLE` names its
/// folder), copied onto a "stick": run from there with no `DATAJAM_DATA_DIR` and a home
/// folder of its own, the desktop app keeps the trainee's profile in `datajam-data/` beside
/// itself and writes nothing of ours in the home folder.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the portable copy of `cargo xtask dist`: run it with `cargo xtask deb`"]
async fn dist_portable_app_keeps_its_data_beside_itself() {
    let folder = std::env::var_os("DATAJAM_E2E_PORTABLE")
        .map(PathBuf::from)
        .expect("DATAJAM_E2E_PORTABLE names the portable folder: run `cargo xtask deb`");
    within_minutes(2, portable(folder)).await;
}

async fn portable(folder: PathBuf) {
    let stick = tempfile::tempdir().expect("temp stick");
    let home = tempfile::tempdir().expect("temp home");
    let copy = stick.path().join("datajam-atelier");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(&folder).expect("the portable folder") {
        let from = entry.unwrap().path();
        std::fs::copy(&from, copy.join(from.file_name().unwrap())).unwrap();
    }
    let program = copy.join("datajam-atelier");
    assert!(
        copy.join("portable.txt").is_file(),
        "portable.txt is shipped"
    );
    let driver = spawn_driver(
        None,
        &[
            ("HOME", home.path()),
            ("XDG_DATA_HOME", &home.path().join(".local/share")),
        ],
    );
    let mut caps = serde_json::Map::new();
    caps.insert("tauri:options".into(), json!({ "application": program }));
    let c = ClientBuilder::rustls()
        .expect("TLS setup")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session on the portable app");
    find(&c, "#screen-profiles").await;
    create_profile(&c, "Zara").await;
    wait_text(&c, "#screen-packs", "DataJam Tchad").await;
    wait_text(&c, "#current-profile", "Zara").await;
    shot(&c, "portable-01-paquets").await;
    c.close().await.expect("close the session");
    drop(driver);

    let db = copy.join("datajam-data").join(datajam::store::DB_FILE);
    assert!(db.is_file(), "{} written beside the program", db.display());
    let ours = home.path().join(".local/share/datajam-atelier");
    assert!(
        !ours.exists(),
        "nothing in the home folder's data: {}",
        ours.display()
    );
    // What the webview itself keeps in the home folder (README says so): listed for a person.
    let mut left = Vec::new();
    let mut stack = vec![home.path().to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                left.push(e.path().strip_prefix(home.path()).unwrap().to_path_buf());
            }
        }
    }
    eprintln!("the webview left in the home folder: {left:?}");
}

/// The programs of this machine's running processes (their `/proc/<pid>/exe`).
fn running_programs() -> Vec<PathBuf> {
    std::fs::read_dir("/proc")
        .map(|entries| {
            entries
                .filter_map(|e| std::fs::read_link(e.ok()?.path().join("exe")).ok())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_collects_analyses_visualises_and_resumes() {
    within_minutes(5, slice()).await;
}

async fn slice() {
    let data = tempfile::tempdir().expect("temp data dir");
    let driver = start_driver(data.path());

    // First session: create a profile and work through the lesson.
    let c = open_app(&driver).await;
    find(&c, "#screen-profiles").await;
    assert_eq!(c.title().await.expect("title"), "DataJam Atelier");
    wait_text(
        &c,
        "#screen-profiles h1",
        "Qui travaille sur cet ordinateur ?",
    )
    .await;
    shot(&c, "01-profils").await;

    create_profile(&c, "Aïcha").await;
    wait_text(&c, "#screen-packs", "DataJam Tchad").await;
    wait_text(&c, "#current-profile", "Aïcha").await;
    shot(&c, "02-paquets").await;

    click(&c, ".lesson-open[data-lesson='premiers-pas']").await;
    wait_text(&c, "#step-title", "Bienvenue dans l'atelier").await;
    assert!(count(&c, ".prose strong").await > 0, "Markdown is rendered");
    shot(&c, "03-lecture").await;

    // Collect: an out-of-range value is refused in French, then a valid record is saved.
    click(&c, "#next-step").await;
    wait_text(&c, "#step-title", "Collecter : une école observée").await;
    assert_eq!(count(&c, ".step-link.done[data-step='bienvenue']").await, 1);
    type_into(&c, "#field-nom_ecole", "École de Mongo").await;
    find(&c, "#field-province")
        .await
        .select_by_value("TD-GR")
        .await
        .expect("select province");
    type_into(&c, "#field-eleves", "-5").await;
    click(&c, "#record-submit").await;
    wait_text(
        &c,
        ".field-error[data-field='eleves']",
        "La valeur doit être comprise entre 1 et 5\u{202F}000.",
    )
    .await;
    wait_text(&c, "#record-message", "n'a pas été sauvegardé").await;
    assert_eq!(count(&c, ".record-row").await, 0, "nothing saved");
    shot(&c, "04-collecte-erreur").await;

    type_into(&c, "#field-eleves", "240").await;
    type_into(&c, "#field-filles", "130").await;
    click(&c, "#record-submit").await;
    wait_count(&c, ".record-row", 1).await;
    wait_text(&c, "#records", "École de Mongo").await;
    wait_text(&c, "#records", "Guéra").await;
    wait_text(&c, "#record-message", "Enregistrement sauvegardé.").await;
    shot(&c, "05-collecte-ok").await;

    // Analyse: a wrong answer gets its message, a hint shows its counter, then the right one.
    click(&c, "#next-step").await;
    wait_text(&c, "#step-title", "la province la plus peuplée").await;
    wait_count(&c, "#data-table tbody tr", 23).await;
    click(&c, "input[name='answer'][value='TD-LR']").await;
    submit_answer(&c, "#feedback.ko", "Presque").await;
    click(&c, "#hint-button").await;
    wait_text(&c, "#hints", "Indice 1/2").await;
    wait_text(&c, "#hint-button", "(1/2)").await;
    wait_text(&c, "#attempts", "1 essai").await; // a hint is never an answer
    assert_eq!(
        find(&c, "#attempts").await.text().await.expect("attempts"),
        "1 essai"
    );
    shot(&c, "06-question-indice").await;
    click(&c, "input[name='answer'][value='TD-ND']").await;
    submit_answer(&c, "#feedback.ok", "Bonne réponse !").await;
    wait_text(&c, "#feedback", "951 418").await;
    shot(&c, "07-question-juste").await;

    click(&c, "#next-step").await;
    wait_text(&c, "#step-title", "quand les sources ne sont pas d'accord").await;
    type_into(&c, "#answer-input", "387 461").await;
    submit_answer(
        &c,
        "#feedback.ko",
        "C'est la population du Sila selon la source A",
    )
    .await;
    type_into(&c, "#answer-input", "97 685").await;
    submit_answer(&c, "#feedback.ok", "Bonne réponse !").await;

    // Visualise: the chart is drawn by the core and shown as SVG.
    click(&c, "#next-step").await;
    wait_text(&c, "#step-title", "Visualiser").await;
    find(&c, "#chart svg").await;
    let svg = find(&c, "#chart")
        .await
        .html(true)
        .await
        .expect("chart markup");
    assert!(
        svg.contains("Population recensée en 2009 par province"),
        "chart title"
    );
    assert!(svg.contains("Ouaddaï"), "accented labels");
    shot(&c, "08-graphique").await;
    c.close().await.expect("close the app");

    // Second session: the same profile resumes at the same step, with its answers.
    let c = open_app(&driver).await;
    click(&c, ".profile-item[data-name='Aïcha']").await;
    wait_text(&c, "#step-title", "Visualiser").await;
    for done in ["bienvenue", "collecte-ecole", "plus-peuplee", "ecart-sila"] {
        assert_eq!(
            count(&c, &format!(".step-link.done[data-step='{done}']")).await,
            1,
            "{done} is done after reopening"
        );
    }
    shot(&c, "09-reprise").await;
    click(&c, ".step-link[data-step='plus-peuplee']").await;
    wait_text(&c, "#feedback.ok", "Bonne réponse !").await;
    wait_text(&c, "#hints", "Indice 1/2").await;
    click(&c, ".step-link[data-step='collecte-ecole']").await;
    wait_count(&c, ".record-row", 1).await;
    c.close().await.expect("close the app");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_imports_a_french_csv_and_exports_it() {
    within_minutes(5, import_export()).await;
}

async fn import_export() {
    let data = tempfile::tempdir().expect("temp data dir");
    let files = tempfile::tempdir().expect("temp files dir");
    // What French-locale Excel writes: `;`, decimal commas, spaces in thousands, Windows-1252.
    let csv = files.path().join("écoles.csv");
    let text = "Province;Écoles;Taux de réussite\r\nGuéra;120;45,5\r\nOuaddaï;98;38,25\r\nLac;1 250;50\r\n";
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            'É' => 0xC9,
            'ï' => 0xEF,
            c => c as u8,
        })
        .collect();
    std::fs::write(&csv, bytes).expect("write csv");
    let out = files.path().join("exports");
    std::fs::create_dir_all(&out).expect("exports dir");
    let pack_file = files.path().join("atelier-e2e.datajam");
    write_pack_file(&files.path().join("pack-src"), &pack_file);
    let driver = start_driver_with(
        data.path(),
        &[
            ("DATAJAM_TEST_PICK_FILE", csv.as_path()),
            ("DATAJAM_TEST_SAVE_DIR", out.as_path()),
            ("DATAJAM_TEST_PICK_PACK", pack_file.as_path()),
        ],
    );

    let c = open_app(&driver).await;
    create_profile(&c, "Brahim").await;

    // A pack file from the facilitator's USB stick, installed from the home screen.
    find(&c, ".pack[data-pack='datajam-tchad']").await;
    assert_eq!(count(&c, ".pack").await, 1);
    click(&c, "#install-pack").await;
    wait_text(
        &c,
        "#install-status",
        "Paquet « atelier-e2e » 1.0.0 installé.",
    )
    .await;
    wait_count(&c, ".pack[data-pack='atelier-e2e']", 1).await;
    shot(&c, "15-paquet-installe").await;

    // A step is always recoverable: the solution after a confirmation, or skip it.
    click(&c, ".lesson-open[data-lesson='premiers-pas']").await;
    open_step(&c, "plus-peuplee", "la province la plus peuplée").await;
    click(&c, "#reveal-button").await;
    wait_text(&c, "#reveal-confirm-box", "Voir la solution maintenant ?").await;
    click(&c, "#reveal-confirm").await;
    wait_text(&c, "#solution", "Solution : Ville de N'Djamena").await;
    assert_eq!(count(&c, "#reveal-button").await, 0, "revealed once");
    shot(&c, "12-solution").await;
    click(&c, "#skip-step").await;
    wait_text(&c, "#step-title", "quand les sources ne sont pas d'accord").await;
    assert_eq!(
        count(&c, ".step-link.skipped[data-step='plus-peuplee']").await,
        1
    );

    // Multiple choice: the set counts, an anticipated near miss gets its message.
    open_step(&c, "moins-peuplees", "les provinces les moins peuplées").await;
    for v in ["TD-BO", "TD-EE", "TD-EO", "TD-TI"] {
        click(&c, &format!("input[name='answer'][value='{v}']")).await;
    }
    submit_answer(&c, "#feedback.ko", "Ennedi-Est compte 107 302 habitants").await;
    click(&c, "input[name='answer'][value='TD-EE']").await;
    submit_answer(&c, "#feedback.ok", "Bonne réponse !").await;
    shot(&c, "14-choix-multiple").await;

    // A data task is checked on the result table; an anticipated mistake gets its message.
    open_step(
        &c,
        "tableau-moins-peuplees",
        "les 5 provinces les moins peuplées",
    )
    .await;
    click(&c, ".add-step[data-op='sort']").await;
    select(&c, ".sort-column", "population_2009_a").await;
    click(&c, ".add-step[data-op='limit']").await;
    type_into(&c, ".limit-n", "5").await;
    click(&c, "#task-check").await;
    wait_text(&c, "#feedback.ko", "triez dans").await;
    wait_text(&c, "#task-result", "Ville de N'Djamena").await;
    click(&c, ".sort-desc").await;
    click(&c, "#task-check").await;
    wait_text(&c, "#feedback.ok", "Bonne réponse !").await;
    wait_text(&c, "#task-result", "Tibesti").await;
    wait_text(&c, "#task-saved", "provinces_moins_peuplees").await;
    assert_eq!(
        count(&c, ".step-link.done[data-step='tableau-moins-peuplees']").await,
        1
    );
    shot(&c, "16-tache-donnees").await;

    // A chart task is checked on what the chart shows.
    open_step(&c, "tracer-graphique", "Tracer un graphique").await;
    select(&c, "#chart-kind", "line").await;
    select(&c, "#chart-x", "province").await;
    select(&c, "#chart-y", "population_2009_a").await;
    select(&c, "#chart-agg", "sum").await;
    click(&c, "#task-check").await;
    wait_text(&c, "#feedback.ko", "Une courbe relie des points").await;
    select(&c, "#chart-kind", "hbar").await;
    click(&c, "#task-check").await;
    wait_text(&c, "#feedback.ok", "Bonne réponse !").await;
    // The chart checked stays on screen, one bar per province.
    wait_count(&c, "#analyse-chart svg .bar", 23).await;
    assert_eq!(
        count(&c, ".step-link.done[data-step='tracer-graphique']").await,
        1
    );
    shot(&c, "17-tache-graphique").await;

    // Back on the data task, the trainee's last table steps are there to go on from.
    click(&c, ".step-link[data-step='tableau-moins-peuplees']").await;
    wait_count(&c, "#data-task .pipeline-step", 2).await;
    assert_eq!(
        prop(&c, ".sort-column", "value").await.as_deref(),
        Some("population_2009_a")
    );
    assert_eq!(prop(&c, ".limit-n", "value").await.as_deref(), Some("5"));

    // A reflection: too short is refused with the reason, then saved.
    open_step(&c, "reflexion", "Et vous ?").await;
    type_into(&c, "#reflection-text", "Les écoles").await;
    click(&c, "#reflection-submit").await;
    wait_text(&c, "#reflection-message", "Écrivez au moins 20 caractères").await;
    type_into(
        &c,
        "#reflection-text",
        "L'accès des filles au collège dans le Lac.",
    )
    .await;
    click(&c, "#reflection-submit").await;
    wait_text(&c, "#reflection-message", "Réflexion enregistrée.").await;
    assert_eq!(count(&c, ".step-link.done[data-step='reflexion']").await, 1);
    shot(&c, "13-reflexion").await;

    click(&c, "#crumbs button").await;
    click(&c, "#open-data").await;
    find(&c, "#screen-data").await;
    // The built-in pack's dataset is a workspace table already.
    find(&c, "#tables tr[data-table='provinces_2009']").await;

    // Preview: what was detected, the inferred types, which can be changed.
    click(&c, "#import-button").await;
    let detected = wait_text(&c, "#import-detected", "windows-1252").await;
    assert!(detected.contains("séparateur « ; »"), "{detected}");
    assert!(detected.contains("en-têtes ligne 1"), "{detected}");
    wait_text(&c, "#import-columns thead", "Taux de réussite").await;
    let ty = |col: &str| format!("select.type-select[data-column='{col}']");
    assert_eq!(
        prop(&c, &ty("ecoles"), "value").await.as_deref(),
        Some("integer")
    );
    assert_eq!(
        prop(&c, &ty("taux_de_reussite"), "value").await.as_deref(),
        Some("number")
    );
    find(&c, &ty("ecoles"))
        .await
        .select_by_value("text")
        .await
        .expect("override a type");
    shot(&c, "10-import-apercu").await;

    click(&c, "#import-confirm").await;
    wait_text(
        &c,
        "#import-report",
        "Tableau « ecoles » importé : 3 lignes, 3 colonnes.",
    )
    .await;
    find(&c, "#tables tr[data-table='ecoles']").await;
    click(&c, "#tables tr[data-table='ecoles'] .view-table").await;
    wait_text(&c, "#table-view", "Ouaddaï").await;
    wait_text(&c, "#table-view", "45,5").await;
    shot(&c, "11-import-fait").await;

    // The override reached the database.
    {
        let store = datajam::store::Store::open(data.path()).expect("open the store");
        let tables = datajam::store::tables::list_tables(store.conn()).expect("tables");
        let t = tables
            .iter()
            .find(|t| t.name == "ecoles")
            .expect("ecoles table");
        let types: Vec<String> = t
            .columns
            .iter()
            .map(|c| {
                serde_json::to_value(c.column_type)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(types, ["text", "text", "number"]);
    }

    // Export for French Excel, and as a workbook.
    click(&c, "#tables tr[data-table='ecoles'] .export-csv-fr").await;
    let csv_out = out.join("ecoles.csv");
    wait_file(&csv_out, "no export written").await;
    let exported = std::fs::read(&csv_out).expect("read export");
    assert!(exported.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let exported = String::from_utf8_lossy(&exported);
    assert!(exported.contains("Guéra;120;45,5"), "{exported}");
    click(&c, "#tables tr[data-table='ecoles'] .export-xlsx").await;
    let xlsx = out.join("ecoles.xlsx");
    wait_file(&xlsx, "no workbook written").await;
    assert!(
        std::fs::read(&xlsx).expect("read xlsx").starts_with(b"PK"),
        "a zip workbook"
    );
    c.close().await.expect("close the app");
}

/// A copy of the built-in pack's source with another id and dataset names, built into a
/// `.datajam` file as a facilitator would (`datajam pack build`).
fn write_pack_file(src: &Path, out: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sample-data/pack");
    datajam::pack::copy_renamed(&from, src, "atelier-e2e", "1.0.0", &|n| {
        if n == "provinces_2009" {
            "provinces_e2e".into()
        } else {
            format!("{n}_e2e")
        }
    })
    .expect("copy the built-in pack");
    datajam::pack::packfile::build(src, out).expect("pack build");
}

async fn select(c: &Client, css: &str, value: &str) {
    let start = Instant::now();
    loop {
        settle(c).await;
        match find(c, css).await.select_by_value(value).await {
            Ok(_) => return,
            Err(e) if is_stale(&e) && start.elapsed() < TIMEOUT => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(e) => panic!("select {value} in {css}: {e}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_analyses_and_charts_an_inequality() {
    within_minutes(5, analyse()).await;
}

async fn analyse() {
    let data = tempfile::tempdir().expect("temp data dir");
    let files = tempfile::tempdir().expect("temp files dir");
    // 130 households: enough for three grid pages of 50; incomes rise with the row number,
    // so the largest is known.
    let csv = files.path().join("menages.csv");
    let provinces = ["Lac", "Guéra", "Ouaddaï", "Ville de N'Djamena", "Mandoul"];
    let mut text = String::from("id,province,sexe_chef,revenu\n");
    for i in 1..=130 {
        let sex = if i % 3 == 0 { "F" } else { "M" };
        text.push_str(&format!(
            "{i},{},{sex},{}\n",
            provinces[i % provinces.len()],
            1000 * i
        ));
    }
    std::fs::write(&csv, text).expect("write csv");
    let out = files.path().join("exports");
    std::fs::create_dir_all(&out).expect("exports dir");
    let driver = start_driver_with(
        data.path(),
        &[
            ("DATAJAM_TEST_PICK_FILE", csv.as_path()),
            ("DATAJAM_TEST_SAVE_DIR", out.as_path()),
        ],
    );
    let c = open_app(&driver).await;
    create_profile(&c, "Achta").await;
    click(&c, "#open-data").await;
    click(&c, "#import-button").await;
    wait_text(&c, "#import-columns thead", "revenu").await;
    click(&c, "#import-confirm").await;
    wait_text(&c, "#import-report", "130 lignes").await;

    // The grid: pages of 50, sorted by any column.
    click(&c, "#tables tr[data-table='menages'] .analyse-table").await;
    wait_text(&c, "#grid-status", "Lignes 1 à 50 sur 130").await;
    click(&c, "#grid-next").await;
    wait_text(&c, "#grid-status", "Lignes 51 à 100 sur 130").await;
    click(&c, "button.sort[data-column='revenu']").await;
    wait_text(&c, "#grid-status", "Lignes 1 à 50 sur 130").await;
    click(&c, "button.sort[data-column='revenu']").await;
    wait_text(&c, "#analyse-grid thead", "▼").await;
    wait_text(&c, "#analyse-grid tbody tr:first-child", "130 000").await;
    shot(&c, "20-analyse-tableau").await;

    // Indicators: Gini of incomes, then the provinces normalised to their codes.
    click(&c, "#tab-indicator").await;
    select(&c, "#indicator-kind", "gini").await;
    select(&c, "#indicator-value", "revenu").await;
    click(&c, "#indicator-compute").await;
    // Incomes 1000·i for i = 1..130: Gini = (n-1)/(3n) ≈ 0,33.
    wait_text(&c, "#indicator-figure", "0,33").await;
    // With the Lorenz curve and its line of equality.
    wait_count(&c, "#indicator-chart svg .lorenz", 1).await;
    wait_count(&c, "#indicator-chart svg .equality", 1).await;
    select(&c, "#provinces-column", "province").await;
    click(&c, "#provinces-normalise").await;
    wait_text(&c, "#provinces-result", "130 ligne(s) reconnue(s).").await;
    let shown = find(&c, "#analyse-panel").await.text().await.expect("text");
    assert!(!shown.contains("null"), "{shown}");
    shot(&c, "21-analyse-indicateurs").await;

    // The transformation: mean income by sex of the household head, with its SQL.
    click(&c, "#tab-pipeline").await;
    click(&c, ".add-step[data-op='group']").await;
    click(&c, ".group-by input[value='sexe_chef']").await;
    select(&c, ".agg-fn", "mean").await;
    select(&c, ".agg-column", "revenu").await;
    // The result column is named after the calculation.
    assert_eq!(
        prop(&c, ".agg-as", "value").await.as_deref(),
        Some("moyenne_revenu")
    );
    click(&c, "#pipeline-run").await;
    wait_text(&c, "#pipeline-count", "2 ligne(s) dans le résultat.").await;
    wait_text(&c, "#pipeline-grid", "66 000").await;
    let sql = prop(&c, "#pipeline-sql pre", "textContent")
        .await
        .unwrap_or_default();
    assert!(sql.contains("GROUP BY"), "{sql}");
    type_into(&c, "#pipeline-save-name", "revenu_par_sexe").await;
    click(&c, "#pipeline-save").await;
    wait_text(
        &c,
        "#pipeline-saved",
        "Tableau « revenu_par_sexe » enregistré (2 lignes).",
    )
    .await;
    shot(&c, "22-analyse-transformer").await;

    // A chart: mean income by province, exported as PNG 2×.
    click(&c, "#tab-chart").await;
    select(&c, "#chart-kind", "hbar").await;
    select(&c, "#chart-x", "province").await;
    select(&c, "#chart-y", "revenu").await;
    select(&c, "#chart-agg", "mean").await;
    type_into(&c, "#chart-title", "Revenu moyen des ménages par province").await;
    click(&c, "#chart-draw").await;
    wait_text(
        &c,
        "#analyse-chart",
        "Revenu moyen des ménages par province",
    )
    .await;
    wait_count(&c, "#analyse-chart svg .bar", 5).await;
    shot(&c, "23-analyse-graphique").await;
    click(&c, ".export-chart[data-format='png2']").await;
    let start = Instant::now();
    loop {
        let pngs: Vec<_> = std::fs::read_dir(&out)
            .expect("exports")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "png"))
            .collect();
        if let Some(p) = pngs.first() {
            let bytes = std::fs::read(p.path()).expect("read png");
            if bytes.len() > 100 {
                assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
                break;
            }
        }
        assert!(start.elapsed() < TIMEOUT, "no chart exported");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The SQL console reads, and refuses to write.
    click(&c, "#tab-sql").await;
    type_into(&c, "#sql-text", "DELETE FROM menages").await;
    click(&c, "#sql-run").await;
    wait_text(&c, "#error", "ne fait que lire").await;
    type_into(
        &c,
        "#sql-text",
        "SELECT province, count(*) AS n FROM menages GROUP BY province ORDER BY n DESC",
    )
    .await;
    click(&c, "#sql-run").await;
    wait_text(&c, "#sql-grid", "Mandoul").await;
    shot(&c, "24-analyse-sql").await;
    {
        let store = datajam::store::Store::open(data.path()).expect("open the store");
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM menages", [], |r| r.get(0))
            .expect("count");
        assert_eq!(n, 130, "the console wrote nothing");
    }
    c.close().await.expect("close the app");
}

// ---------- the pipeline editor builds every data task ----------

/// A pack written for this test, with data tasks the built-in pack may not have yet: « ou »
/// filters, pivots, joins (a clash of column names, a task on an earlier task's result),
/// several sort keys, groups with several aggregates, every derive.
const EDITOR_PACK: &[(&str, &str)] = &[
    (
        "pack.toml",
        r#"schema = 1
id = "editeur-e2e"
version = "1.0.0"
licence = "CC-BY-4.0"
authors = ["Test"]
lessons = ["lessons/editeur.md"]

[title]
fr = "Paquet de test de l'éditeur"
en = "Editor test pack"

[description]
fr = "Données illustratives, pour tester l'éditeur de traitements."
en = "Illustrative data, to test the pipeline editor."
"#,
    ),
    (
        "datapackage.json",
        r#"{ "name": "editeur-e2e", "resources": [
  { "name": "frequentation_e2e", "path": "data/frequentation_e2e.csv",
    "title": "Fréquentation scolaire (illustrative, pour les tests)",
    "schema": { "fields": [
      { "name": "code", "type": "string" }, { "name": "region", "type": "string" },
      { "name": "milieu", "type": "string" }, { "name": "sexe", "type": "string" },
      { "name": "taux", "type": "number" }, { "name": "effectif", "type": "integer" },
      { "name": "date_enquete", "type": "date" } ], "missingValues": [""] } },
  { "name": "recensement_e2e", "path": "data/recensement_e2e.csv",
    "title": "Population par région (illustrative, pour les tests)",
    "schema": { "fields": [
      { "name": "code_iso", "type": "string" }, { "name": "region", "type": "string" },
      { "name": "population", "type": "integer" } ], "missingValues": [""] } }
] }"#,
    ),
    (
        "data/frequentation_e2e.csv",
        "code,region,milieu,sexe,taux,effectif,date_enquete\n\
TD-LC,Lac,rural,F,18.5,120,2010-05-03\n\
TD-LC,Lac,rural,M,27.0,140,2010-05-03\n\
TD-KA,Kanem,rural,F,,95,2010-05-10\n\
TD-KA,Kanem,rural,M,31.2,101,2010-05-10\n\
TD-OD,Ouaddaï,rural,F,35.4,210,2010-06-01\n\
TD-OD,Ouaddaï,rural,M,44.8,230,2010-06-01\n\
TD-GR,Guéra,rural,F,41.0,150,2010-06-07\n\
TD-GR,Guéra,rural,M,52.3,160,2010-06-07\n\
TD-ND,N'Djamena,urbain,F,78.9,400,2010-04-20\n\
TD-ND,N'Djamena,urbain,M,82.1,410,2010-04-20\n\
TD-BO,Borkou,rural,F,22.0,,2010-07-15\n\
TD-BO,Borkou,rural,M,31.0,40,2010-07-15\n",
    ),
    (
        "data/recensement_e2e.csv",
        "code_iso,region,population\nTD-LC,Lac,451369\nTD-KA,Kanem,354603\nTD-OD,Ouaddaï,731679\nTD-GR,Guéra,553795\nTD-ND,N'Djamena,993492\nTD-TI,Tibesti,25483\n",
    ),
    (
        "lessons/editeur.md",
        r#"+++
id = "editeur"
title = { fr = "L'éditeur de traitements", en = "The pipeline editor" }
+++

## Filtrer avec « ou » {#filtre-ou}

Le Lac, ou un taux sous 25 %.

```exercise
kind = "data"
dataset = "frequentation_e2e"
ordered = true

[reference]
steps = [
  { op = "filter", match = "any", conditions = [
    { column = "region", cmp = "eq", value = "lac" },
    { column = "taux", cmp = "lt", value = "25" } ] },
  { op = "sort", keys = [{ column = "region", desc = false }, { column = "sexe", desc = true }] },
]

[[feedback]]
message = "Avec « et », il ne reste qu'une ligne."
pipeline = { steps = [
  { op = "filter", conditions = [
    { column = "region", cmp = "eq", value = "lac" },
    { column = "taux", cmp = "lt", value = "25" } ] },
] }
```

## Filles et garçons côte à côte {#parite}

```exercise
kind = "data"
dataset = "frequentation_e2e"
result = "parite_e2e"
ordered = true

[reference]
steps = [
  { op = "pivot", index = ["code", "region"], columns = "sexe", values = "taux", agg = "mean" },
  { op = "derive", as = "ecart", fn = "sub", a = { column = "M" }, b = { column = "F" } },
  { op = "derive", as = "ipf", fn = "div", a = { column = "F" }, b = { column = "M" } },
  { op = "derive", as = "ipf", fn = "round", a = { column = "ipf" }, b = { value = 2 } },
  { op = "sort", keys = [{ column = "ecart", desc = true }] },
  { op = "limit", n = 4 },
]
```

## Joindre le recensement {#jointure}

```exercise
kind = "data"
dataset = "parite_e2e"

[reference]
steps = [
  { op = "join", table = "recensement_e2e", left_on = "code", right_on = "code_iso", how = "inner" },
  { op = "derive", as = "pop_milliers", fn = "div", a = { column = "population" }, b = { value = 1000 } },
  { op = "filter", conditions = [
    { column = "population", cmp = "ge", value = "500 000" },
    { column = "region_recensement_e2e", cmp = "not_missing" } ] },
]

[[feedback]]
message = "Toutes les lignes sont gardées : seulement celles qui correspondent."
pipeline = { steps = [
  { op = "join", table = "recensement_e2e", left_on = "code", right_on = "code_iso", how = "left" },
  { op = "derive", as = "pop_milliers", fn = "div", a = { column = "population" }, b = { value = 1000 } },
] }
```

## Regrouper {#groupes}

```exercise
kind = "data"
dataset = "frequentation_e2e"
ordered = true

[reference]
steps = [
  { op = "filter", conditions = [
    { column = "sexe", cmp = "in", value = ["F", "M"] },
    { column = "effectif", cmp = "not_missing" },
    { column = "region", cmp = "ne", value = "Borkou" } ] },
  { op = "group", by = ["milieu", "sexe"], aggregates = [
    { fn = "count", as = "n" },
    { fn = "sum", column = "effectif", as = "eleves" },
    { fn = "mean", column = "taux" },
    { fn = "count", column = "taux", as = "taux_connus" },
    { fn = "max", column = "region", as = "derniere" } ] },
  { op = "sort", keys = [{ column = "milieu" }, { column = "n", desc = true }] },
]
```

## Les manquants {#manquants}

```exercise
kind = "data"
dataset = "frequentation_e2e"
ordered = true

[reference]
steps = [
  { op = "filter", match = "any", conditions = [
    { column = "taux", cmp = "is_missing" },
    { column = "effectif", cmp = "is_missing" },
    { column = "region", cmp = "contains", value = "djam" } ] },
  { op = "derive", as = "reste", fn = "sub", a = { value = 100 }, b = { column = "taux" } },
  { op = "derive", as = "annee", fn = "year", a = { column = "date_enquete" } },
  { op = "derive", as = "pct", fn = "percentage", a = { column = "effectif" }, b = { value = 500 } },
  { op = "derive", as = "pct", fn = "round", a = { column = "pct" } },
  { op = "sort", keys = [{ column = "region" }, { column = "sexe", desc = false }] },
  { op = "limit", n = 10 },
]
```

## Jointure gauche {#jointure-gauche}

```exercise
kind = "data"
dataset = "frequentation_e2e"
ordered = true

[reference]
steps = [
  { op = "group", by = ["code"], aggregates = [{ fn = "sum", column = "effectif", as = "eleves" }] },
  { op = "join", table = "recensement_e2e", left_on = "code", right_on = "code_iso" },
  { op = "derive", as = "pour_1000", fn = "per_1000", a = { column = "eleves" }, b = { column = "population" } },
  { op = "sort", keys = [{ column = "pour_1000", desc = true }] },
]
```

## Tout le tableau {#total}

```exercise
kind = "data"
dataset = "frequentation_e2e"

[reference]
steps = [
  { op = "group", aggregates = [
    { fn = "sum", column = "effectif", as = "total" },
    { fn = "median", column = "taux", as = "mediane" },
    { fn = "min", column = "taux", as = "plus_bas" },
    { fn = "share", as = "part" } ] },
]
```

## Une ligne, une colonne par milieu {#pivot-simple}

```exercise
kind = "data"
dataset = "frequentation_e2e"

[reference]
steps = [
  { op = "pivot", columns = "milieu", values = "effectif" },
  { op = "derive", as = "rapport", fn = "div", a = { column = "urbain" }, b = { column = "rural" } },
]
```
"#,
    ),
];

/// Writes [`EDITOR_PACK`] under `src` and builds it into `out` (the build proves every
/// reference runs and every anticipated wrong answer differs from it).
fn write_editor_pack(src: &Path, out: &Path) -> datajam::pack::Pack {
    for (rel, text) in EDITOR_PACK {
        let dest = src.join(rel);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("mkdir");
        std::fs::write(dest, text).expect("write");
    }
    datajam::pack::packfile::build(src, out).expect("the editor test pack builds");
    datajam::pack::Pack::from_dir(src).expect("the editor test pack loads")
}

/// A data task of a pack: where it is and its pipelines.
struct DataStep {
    pack: String,
    lesson: String,
    step: String,
    dataset: String,
    reference: serde_json::Value,
    feedback: Vec<serde_json::Value>,
}

/// Every `kind = "data"` step of a pack, in pack order.
fn data_steps(pack: &datajam::pack::Pack) -> Vec<DataStep> {
    let mut out = Vec::new();
    for lesson in &pack.lessons {
        for step in &lesson.steps {
            if let datajam::pack::Exercise::Data(t) = &step.exercise {
                out.push(DataStep {
                    pack: pack.id().to_string(),
                    lesson: lesson.id.clone(),
                    step: step.id.clone(),
                    dataset: t.dataset.clone(),
                    reference: serde_json::to_value(&t.reference).expect("reference as JSON"),
                    feedback: t
                        .feedback
                        .iter()
                        .map(|f| serde_json::to_value(&f.pipeline).expect("feedback as JSON"))
                        .collect(),
                });
            }
        }
    }
    out
}

/// A CSS string (between double quotes).
fn css_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Waits until the editor has the columns of every step from the core.
async fn settle(c: &Client) {
    let start = Instant::now();
    while count(c, ".pipeline-editor[data-busy]").await > 0 {
        assert!(start.elapsed() < TIMEOUT, "the pipeline editor stays busy");
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
}

/// Picks `value` in the select `css` by clicking its option, as a trainee would; waits
/// for the option (a column the core has not sent yet).
async fn choose(c: &Client, css: &str, value: &str) {
    let start = Instant::now();
    loop {
        settle(c).await;
        if let Ok(sel) = c.find(Locator::Css(css)).await {
            // A select scrolled out of the window takes no choice.
            let _ = c
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![serde_json::to_value(&sel).expect("element as JSON")],
                )
                .await;
            // Clicking the option already chosen changes nothing. A name the core matches
            // ignoring case (`F` for the column `f`) is the option a trainee would pick.
            let value = matching_value(&sel, "option", value).await;
            let option = format!("option[value={}]", css_str(&value));
            if sel.select_by(Locator::Css(&option)).await.is_ok() {
                return;
            }
        }
        if start.elapsed() > TIMEOUT {
            shot(c, "echec-editeur").await;
            let shown = match c.find(Locator::Css(css)).await {
                Ok(sel) => sel.html(false).await.unwrap_or_default(),
                Err(_) => "(no such select)".into(),
            };
            panic!("cannot choose «{value}» in {css}: {shown}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The `value` of one of the `tag` elements under `parent` equal to `value`, else equal to
/// it ignoring ASCII case (as the core matches column names), else `value` itself.
async fn matching_value(parent: &fantoccini::elements::Element, tag: &str, value: &str) -> String {
    let mut loose = None;
    for el in parent.find_all(Locator::Css(tag)).await.unwrap_or_default() {
        let Some(v) = el.attr("value").await.ok().flatten() else {
            continue;
        };
        if v == value {
            return v;
        }
        if loose.is_none() && v.eq_ignore_ascii_case(value) {
            loose = Some(v);
        }
    }
    loose.unwrap_or_else(|| value.to_string())
}

/// Checks the checkbox of column `name` in the group of checkboxes `css`.
async fn check_column(c: &Client, css: &str, name: &str) {
    settle(c).await;
    let group = find(c, css).await;
    let value = matching_value(&group, "input[type=checkbox]", name).await;
    set_checked(c, &format!("{css} input[value={}]", css_str(&value)), true).await;
}

/// Types `text` into the field `css` (emptied first, by keys, as a trainee would).
async fn fill(c: &Client, css: &str, text: &str) {
    settle(c).await;
    let el = find(c, css).await;
    // Select all, then delete: an input event the editor hears even when `text` is empty.
    el.send_keys("\u{E009}a\u{E000}\u{E003}")
        .await
        .unwrap_or_else(|e| panic!("empty {css}: {e}"));
    if !text.is_empty() {
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }
    let shown = el.prop("value").await.ok().flatten().unwrap_or_default();
    assert_eq!(shown, text, "{css} holds what was typed");
}

/// Checks or unchecks the checkbox `css` by clicking it.
async fn set_checked(c: &Client, css: &str, on: bool) {
    settle(c).await;
    let el = find(c, css).await;
    if el.is_selected().await.expect("checkbox state") != on {
        click(c, css).await;
    }
}

/// A JSON value as a trainee types it in a field.
fn typed(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().map(typed).collect::<Vec<_>>().join("; "),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn text_of<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v.get(key).and_then(|x| x.as_str()).unwrap_or("")
}

/// Builds `pipeline` in the editor on screen through its controls only: the buttons that
/// add steps, conditions, calculations and sort keys, the selects, checkboxes and fields.
async fn build_in_editor(c: &Client, pipeline: &serde_json::Value) {
    let steps = pipeline["steps"].as_array().expect("steps");
    for (i, s) in steps.iter().enumerate() {
        let op = text_of(s, "op");
        settle(c).await;
        click(c, &format!(".add-step[data-op='{op}']")).await;
        let li = format!("#pipeline-steps > li.pipeline-step[data-index='{i}']");
        find(c, &li).await;
        match op {
            "filter" => {
                let conditions = s["conditions"].as_array().expect("conditions");
                for (k, cond) in conditions.iter().enumerate() {
                    if k > 0 {
                        click(c, &format!("{li} .add-condition")).await;
                    }
                    let row = format!("{li} .condition[data-index='{k}']");
                    choose(c, &format!("{row} .filter-column"), text_of(cond, "column")).await;
                    let cmp = text_of(cond, "cmp");
                    choose(c, &format!("{row} .filter-op"), cmp).await;
                    if !matches!(cmp, "is_missing" | "not_missing") {
                        fill(c, &format!("{row} .filter-value"), &typed(&cond["value"])).await;
                    }
                }
                if text_of(s, "match") == "any" && conditions.len() > 1 {
                    choose(c, &format!("{li} .filter-match"), "any").await;
                }
            }
            "derive" => {
                fill(c, &format!("{li} .derive-name"), text_of(s, "as")).await;
                let func = text_of(s, "fn");
                choose(c, &format!("{li} .derive-fn"), func).await;
                for (which, field) in [("a", ".derive-a-value"), ("b", ".derive-constant")] {
                    let operand = &s[which];
                    if operand.is_null() {
                        continue;
                    }
                    if func == "round" && which == "b" {
                        fill(
                            c,
                            &format!("{li} .derive-constant"),
                            &typed(&operand["value"]),
                        )
                        .await;
                        continue;
                    }
                    match operand.get("column").and_then(|x| x.as_str()) {
                        Some(col) => choose(c, &format!("{li} .derive-{which}"), col).await,
                        None => {
                            choose(c, &format!("{li} .derive-{which}"), "").await;
                            fill(c, &format!("{li} {field}"), &typed(&operand["value"])).await;
                        }
                    }
                }
            }
            "group" => {
                for by in s["by"].as_array().into_iter().flatten() {
                    let name = by.as_str().expect("by column");
                    check_column(c, &format!("{li} .group-by"), name).await;
                }
                let aggs = s["aggregates"].as_array().cloned().unwrap_or_default();
                if aggs.is_empty() {
                    click(c, &format!("{li} .remove-agg")).await;
                }
                for (k, a) in aggs.iter().enumerate() {
                    if k > 0 {
                        click(c, &format!("{li} .add-agg")).await;
                    }
                    let row = format!("{li} .agg[data-index='{k}']");
                    choose(c, &format!("{row} .agg-fn"), text_of(a, "fn")).await;
                    choose(c, &format!("{row} .agg-column"), text_of(a, "column")).await;
                    fill(c, &format!("{row} .agg-as"), text_of(a, "as")).await;
                }
            }
            "sort" => {
                for (k, key) in s["keys"].as_array().expect("keys").iter().enumerate() {
                    if k > 0 {
                        click(c, &format!("{li} .add-sort-key")).await;
                    }
                    let row = format!("{li} .sort-key[data-index='{k}']");
                    choose(c, &format!("{row} .sort-column"), text_of(key, "column")).await;
                    let desc = key.get("desc").and_then(|d| d.as_bool()).unwrap_or(false);
                    set_checked(c, &format!("{row} .sort-desc"), desc).await;
                }
            }
            "limit" => fill(c, &format!("{li} .limit-n"), &typed(&s["n"])).await,
            "pivot" => {
                for col in s["index"].as_array().into_iter().flatten() {
                    let name = col.as_str().expect("index column");
                    check_column(c, &format!("{li} .pivot-index"), name).await;
                }
                choose(c, &format!("{li} .pivot-columns"), text_of(s, "columns")).await;
                let agg = s.get("agg").and_then(|a| a.as_str()).unwrap_or("sum");
                choose(c, &format!("{li} .pivot-agg"), agg).await;
                choose(c, &format!("{li} .pivot-values"), text_of(s, "values")).await;
            }
            "join" => {
                choose(c, &format!("{li} .join-table"), text_of(s, "table")).await;
                choose(c, &format!("{li} .join-left"), text_of(s, "left_on")).await;
                choose(c, &format!("{li} .join-right"), text_of(s, "right_on")).await;
                let how = s.get("how").and_then(|a| a.as_str()).unwrap_or("left");
                choose(c, &format!("{li} .join-how"), how).await;
            }
            other => panic!("the driver has no gesture for the step «{other}»"),
        }
    }
    settle(c).await;
}

/// The home screen (the packs), from wherever the app is.
async fn go_home(c: &Client) {
    if count(c, "#screen-packs").await == 0 {
        click(c, "#crumbs button").await;
    }
    find(c, "#screen-packs").await;
}

/// Opens each data task in the app, builds its reference by driving the editor, checks
/// it, and comes back to it to find the pipeline in the editor again.
async fn solve_in_app(c: &Client, tasks: &[DataStep]) {
    for task in tasks {
        let started = Instant::now();
        go_home(c).await;
        click(
            c,
            &format!(
                ".pack[data-pack={}] .lesson-open[data-lesson={}]",
                css_str(&task.pack),
                css_str(&task.lesson)
            ),
        )
        .await;
        // The lesson opens on its current step: go to the task's step unless it is that one
        // (clicking it would draw the step again, under the driver's feet).
        let current = find(c, ".step-link.current")
            .await
            .attr("data-step")
            .await
            .expect("current step");
        if current.as_deref() != Some(task.step.as_str()) {
            click(c, &format!(".step-link[data-step={}]", css_str(&task.step))).await;
        }
        let here = format!("article.step[data-step={}]", css_str(&task.step));
        find(c, &format!("{here} #data-task .pipeline-editor")).await;
        assert_eq!(
            count(c, &format!("{here} .pipeline-step")).await,
            0,
            "{}: a fresh profile starts from an empty editor",
            task.step
        );
        build_in_editor(c, &task.reference).await;
        let steps = task.reference["steps"].as_array().map_or(0, Vec::len);
        shot(c, &format!("40-editeur-{}-{}", task.pack, task.step)).await;
        click(c, "#task-check").await;
        let start = Instant::now();
        loop {
            if count(c, "#feedback.ok").await > 0 {
                break;
            }
            let (feedback, banner) = feedback_and_banner(c).await;
            assert!(
                start.elapsed() < TIMEOUT && count(c, "#feedback.ko, #feedback.warn").await == 0,
                "{} / {}: the app does not say it is right: «{feedback}» «{banner}»",
                task.lesson,
                task.step
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        wait_text(c, "#feedback.ok", "Bonne réponse").await;
        // Away and back on the step: the pipeline is in the editor again, every step of it.
        let mut other = None;
        for link in c
            .find_all(Locator::Css(".step-link"))
            .await
            .expect("step links")
        {
            let id = link.attr("data-step").await.ok().flatten();
            if id.as_deref() != Some(task.step.as_str()) {
                other = id;
                break;
            }
        }
        if let Some(other) = other {
            click(c, &format!(".step-link[data-step={}]", css_str(&other))).await;
            find(c, &format!("article.step[data-step={}]", css_str(&other))).await;
            click(c, &format!(".step-link[data-step={}]", css_str(&task.step))).await;
        }
        wait_count(c, &format!("{here} .pipeline-step"), steps).await;
        settle(c).await;
        eprintln!(
            "editor: {} / {} ({steps} steps) built and checked in {:.1?}",
            task.lesson,
            task.step,
            started.elapsed()
        );
    }
}

/// A pipeline in one canonical form: the core's defaults written out, values as a trainee
/// types them (`in` lists as lists of texts), a `year`'s unused `b` dropped.
fn canonical(p: &serde_json::Value) -> serde_json::Value {
    let parsed = datajam::analysis::pipeline::Pipeline::from_value(p.clone())
        .unwrap_or_else(|e| panic!("not a pipeline of the core ({e}): {p}"));
    let mut v = serde_json::to_value(parsed).expect("pipeline as JSON");
    for s in v["steps"].as_array_mut().expect("steps") {
        match text_of(s, "op") {
            "filter" => {
                for c in s["conditions"].as_array_mut().expect("conditions") {
                    let cmp = text_of(c, "cmp").to_string();
                    let value = c.get("value").cloned().unwrap_or(serde_json::Value::Null);
                    let o = c.as_object_mut().expect("condition");
                    match cmp.as_str() {
                        "is_missing" | "not_missing" => {
                            o.remove("value");
                        }
                        "in" => {
                            let items: Vec<serde_json::Value> = match &value {
                                serde_json::Value::Array(a) => {
                                    a.iter().map(typed).collect::<Vec<_>>()
                                }
                                other => typed(other).split(';').map(str::to_string).collect(),
                            }
                            .into_iter()
                            .map(|x| x.trim().to_string())
                            .filter(|x| !x.is_empty())
                            .map(serde_json::Value::String)
                            .collect();
                            o.insert("value".into(), serde_json::Value::Array(items));
                        }
                        _ => {
                            o.insert("value".into(), typed(&value).into());
                        }
                    }
                }
            }
            "derive" => {
                if text_of(s, "fn") == "year" {
                    s.as_object_mut().expect("derive").remove("b");
                }
                for which in ["a", "b"] {
                    if let Some(value) = s.get(which).and_then(|o| o.get("value")).cloned() {
                        s[which]["value"] = typed(&value).into();
                    }
                }
            }
            _ => {}
        }
    }
    v
}

/// Pipelines that use every op and every option of the core's JSON.
fn every_option(other: &str) -> Vec<serde_json::Value> {
    vec![
        json!({"steps": [{"op": "filter", "conditions": [
            {"column": "region", "cmp": "eq", "value": "Lac"},
            {"column": "region", "cmp": "ne", "value": "Kanem"},
            {"column": "taux", "cmp": "lt", "value": 50},
            {"column": "taux", "cmp": "le", "value": "50,5"},
            {"column": "effectif", "cmp": "gt", "value": "1 000"},
            {"column": "effectif", "cmp": "ge", "value": 0},
            {"column": "region", "cmp": "contains", "value": "dja"},
            {"column": "region", "cmp": "in", "value": ["Lac", "Kanem", "N'Djamena"]},
            {"column": "sexe", "cmp": "in", "value": "F; M"},
            {"column": "taux", "cmp": "is_missing"},
            {"column": "effectif", "cmp": "not_missing"},
            {"column": "date_enquete", "cmp": "lt", "value": "01/06/2010"}
        ]}]}),
        json!({"steps": [
            {"op": "filter", "match": "any", "conditions": [{"column": "region", "cmp": "eq", "value": "Lac"}]},
            {"op": "filter", "match": "all", "conditions": [{"column": "sexe", "cmp": "eq", "value": "F"}]},
            {"op": "filter", "match": "any", "conditions": [
                {"column": "taux", "cmp": "is_missing"},
                {"column": "effectif", "cmp": "is_missing"},
                {"column": "region", "cmp": "in", "value": ["Borkou"]}]},
            {"op": "filter", "conditions": []}
        ]}),
        json!({"steps": [
            {"op": "derive", "as": "s", "fn": "add", "a": {"column": "taux"}, "b": {"column": "effectif"}},
            {"op": "derive", "as": "d", "fn": "sub", "a": {"value": 100}, "b": {"column": "taux"}},
            {"op": "derive", "as": "m", "fn": "mul", "a": {"column": "taux"}, "b": {"value": "2,5"}},
            {"op": "derive", "as": "q", "fn": "div", "a": {"column": "effectif"}, "b": {"value": 1000}},
            {"op": "derive", "as": "p", "fn": "percentage", "a": {"column": "effectif"}, "b": {"value": 250}},
            {"op": "derive", "as": "k", "fn": "per_1000", "a": {"value": 3}, "b": {"value": 4}},
            {"op": "derive", "as": "r", "fn": "round", "a": {"column": "q"}, "b": {"value": 1}},
            {"op": "derive", "as": "r0", "fn": "round", "a": {"column": "q"}},
            {"op": "derive", "as": "an", "fn": "year", "a": {"column": "date_enquete"}},
            {"op": "derive", "as": "taux", "fn": "round", "a": {"column": "taux"}, "b": {"value": 0}}
        ]}),
        json!({"steps": [
            {"op": "group", "by": ["region", "sexe"], "aggregates": [
                {"fn": "count"}, {"fn": "count", "as": "lignes"},
                {"fn": "count", "column": "taux", "as": "connus"},
                {"fn": "sum", "column": "effectif"}, {"fn": "mean", "column": "taux", "as": "moyenne"},
                {"fn": "median", "column": "taux"}, {"fn": "min", "column": "region", "as": "premier"},
                {"fn": "max", "column": "date_enquete"}, {"fn": "share", "column": "effectif", "as": "part"},
                {"fn": "share", "as": "part_lignes"}]},
            {"op": "sort", "keys": [{"column": "region"}, {"column": "sexe", "desc": true}, {"column": "lignes", "desc": false}]},
            {"op": "limit", "n": 0}
        ]}),
        json!({"steps": [
            {"op": "group", "by": ["milieu"]},
            {"op": "sort", "keys": []},
            {"op": "limit", "n": 7}
        ]}),
        json!({"steps": [
            {"op": "group", "aggregates": [{"fn": "sum", "column": "effectif", "as": "total"}]}
        ]}),
        json!({"steps": [
            {"op": "pivot", "index": ["code", "region"], "columns": "sexe", "values": "taux", "agg": "mean"},
            {"op": "derive", "as": "ecart", "fn": "sub", "a": {"column": "M"}, "b": {"column": "F"}},
            {"op": "sort", "keys": [{"column": "ecart", "desc": true}]}
        ]}),
        json!({"steps": [{"op": "pivot", "columns": "milieu", "values": "effectif"}]}),
        json!({"steps": [
            {"op": "pivot", "index": ["sexe"], "columns": "milieu", "values": "region", "agg": "max"},
            {"op": "pivot", "index": [], "columns": "sexe", "values": "rural", "agg": "count"}
        ]}),
        json!({"steps": [
            {"op": "pivot", "index": ["region"], "columns": "sexe", "values": "effectif", "agg": "median"},
            {"op": "pivot", "index": ["region"], "columns": "F", "values": "M", "agg": "min"}
        ]}),
        // The core reads `share` in a pivot as a mean; the editor does not offer it, but keeps it.
        json!({"steps": [{"op": "pivot", "index": ["region"], "columns": "sexe", "values": "taux", "agg": "share"}]}),
        json!({"steps": [
            {"op": "join", "table": other, "left_on": "code", "right_on": "code_iso", "how": "inner"},
            {"op": "join", "table": other, "left_on": "code", "right_on": "code_iso", "how": "left"},
            {"op": "join", "table": other, "left_on": "code", "right_on": "code_iso"},
            {"op": "sort", "keys": [{"column": "region_recensement_e2e"}, {"column": "population_recensement_e2e_2", "desc": true}]},
            {"op": "derive", "as": "pour_1000", "fn": "per_1000", "a": {"column": "effectif"}, "b": {"column": "population"}}
        ]}),
        // Not runnable (no such table, no such columns), yet put back as it was.
        json!({"steps": [
            {"op": "join", "table": "absente", "left_on": "nulle_part", "right_on": "ailleurs", "how": "inner"},
            {"op": "filter", "match": "any", "conditions": [{"column": "fantome", "cmp": "eq", "value": "x"}, {"column": "autre", "cmp": "is_missing"}]},
            {"op": "group", "by": ["fantome"], "aggregates": [{"fn": "sum", "column": "autre", "as": "s"}]}
        ]}),
    ]
}

/// `load(p)` then `pipeline()` of the app's own editor module, for each (table, pipeline).
async fn round_trip(c: &Client, cases: &[(String, serde_json::Value)]) -> Vec<serde_json::Value> {
    let args: Vec<serde_json::Value> = cases
        .iter()
        .map(|(table, pipeline)| json!({"table": table, "pipeline": pipeline}))
        .collect();
    let script = r#"
        const [cases, done] = arguments;
        (async () => {
          const m = await import(new URL('js/widgets/pipeline.js', document.baseURI).href);
          const { api } = await import(new URL('js/api.js', document.baseURI).href);
          const tables = await api.listTables();
          const out = [];
          for (const k of cases) {
            const info = tables.find((x) => x.name === k.table) || { name: k.table, columns: [] };
            const editor = m.pipelineEditor(info);
            const loaded = editor.load(k.pipeline);
            await editor.whenIdle();
            out.push({ loaded, pipeline: editor.pipeline(),
              shown: editor.element.querySelectorAll('.pipeline-step').length });
          }
          return out;
        })().then(done, (e) => done({ error: String((e && e.stack) || e) }));
    "#;
    let out = c
        .execute_async(script, vec![serde_json::Value::Array(args)])
        .await
        .expect("the round-trip script runs");
    match out {
        serde_json::Value::Array(a) => a,
        other => panic!("round trip failed: {other}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn the_editor_builds_every_data_task_and_puts_any_pipeline_back() {
    within(
        Duration::from_secs(600),
        editor_builds_every_task(),
        "the editor's end-to-end test finishes within 10 minutes",
    )
    .await;
}

async fn editor_builds_every_task() {
    let started = Instant::now();
    let data = tempfile::tempdir().expect("temp data dir");
    let files = tempfile::tempdir().expect("temp files dir");
    let pack_file = files.path().join("editeur-e2e.datajam");
    let test_pack = write_editor_pack(&files.path().join("editeur-src"), &pack_file);
    let builtin = datajam::pack::Pack::builtin().expect("the built-in pack loads");
    let builtin_tasks = data_steps(&builtin);
    let test_tasks = data_steps(&test_pack);
    assert!(
        !builtin_tasks.is_empty(),
        "the built-in pack has data tasks"
    );
    assert_eq!(test_tasks.len(), 8);

    let driver = start_driver_with(
        data.path(),
        &[("DATAJAM_TEST_PICK_PACK", pack_file.as_path())],
    );
    let c = open_app(&driver).await;
    create_profile(&c, "Hawa").await;
    find(&c, ".pack[data-pack='datajam-tchad']").await;
    click(&c, "#install-pack").await;
    wait_text(
        &c,
        "#install-status",
        "Paquet « editeur-e2e » 1.0.0 installé.",
    )
    .await;
    wait_count(&c, ".pack[data-pack='editeur-e2e']", 1).await;

    // Every data task of the built-in pack, in pack order (a task may work on the result of
    // an earlier one), then those of the test pack.
    let t = Instant::now();
    solve_in_app(&c, &builtin_tasks).await;
    eprintln!(
        "editor: {} data task(s) of the built-in pack built by clicks in {:.1?}",
        builtin_tasks.len(),
        t.elapsed()
    );
    let t = Instant::now();
    solve_in_app(&c, &test_tasks).await;
    eprintln!(
        "editor: {} data task(s) of the test pack built by clicks in {:.1?}",
        test_tasks.len(),
        t.elapsed()
    );

    // Screenshots of the editor with every step kind, in the Transformer tab.
    go_home(&c).await;
    click(&c, "#open-data").await;
    click(
        &c,
        "#tables tr[data-table='frequentation_e2e'] .analyse-table",
    )
    .await;
    click(&c, "#tab-pipeline").await;
    find(&c, "#pipeline-add").await;
    let showcase = json!({"steps": [
        {"op": "filter", "match": "any", "conditions": [
            {"column": "region", "cmp": "eq", "value": "Lac"},
            {"column": "taux", "cmp": "lt", "value": "25"},
            {"column": "effectif", "cmp": "is_missing"}]},
        {"op": "derive", "as": "reste", "fn": "sub", "a": {"value": 100}, "b": {"column": "taux"}},
        {"op": "group", "by": ["code", "region", "sexe"], "aggregates": [
            {"fn": "mean", "column": "taux", "as": "taux"},
            {"fn": "count", "as": "n"}]},
        {"op": "sort", "keys": [{"column": "region"}, {"column": "sexe", "desc": true}]},
        {"op": "pivot", "index": ["code", "region"], "columns": "sexe", "values": "taux", "agg": "mean"},
        {"op": "join", "table": "recensement_e2e", "left_on": "code", "right_on": "code_iso", "how": "inner"},
        {"op": "limit", "n": 10}
    ]});
    build_in_editor(&c, &showcase).await;
    click(&c, "#pipeline-run").await;
    wait_text(&c, "#pipeline-count", "ligne(s) dans le résultat").await;
    let grid = find(&c, "#pipeline-grid thead")
        .await
        .html(false)
        .await
        .expect("header");
    for col in ["F", "M", "population", "region_recensement_e2e"] {
        assert!(
            grid.contains(&format!("title=\"{col}\"")),
            "{col} in {grid}"
        );
    }
    assert!(grid.contains(">region (recensement_e2e)<"), "{grid}");
    for (i, name) in [
        "filtre", "calcul", "groupe", "tri", "pivot", "jointure", "limite",
    ]
    .iter()
    .enumerate()
    {
        let el = find(&c, &format!("#pipeline-steps > li[data-index='{i}']")).await;
        let _ = c
            .execute(
                "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -70)",
                vec![serde_json::to_value(&el).expect("element as JSON")],
            )
            .await;
        shot(&c, &format!("41-editeur-etape-{}-{name}", i + 1)).await;
    }

    // Keyboard: a condition is added and the focus goes to its column.
    let add = find(&c, "#pipeline-steps > li[data-index='0'] .add-condition").await;
    add.send_keys("\u{E007}")
        .await
        .expect("Enter on the button");
    let focused = c
        .execute(
            "return document.activeElement && document.activeElement.className",
            vec![],
        )
        .await
        .expect("focused element");
    assert_eq!(
        focused.as_str(),
        Some("filter-column"),
        "focus on the new condition"
    );
    wait_count(&c, "#pipeline-steps > li[data-index='0'] .condition", 4).await;

    // The round trip of the editor's JSON: every data task's reference and anticipated
    // wrong answers, and pipelines using every option, come back out of `load` as they went in.
    let t = Instant::now();
    let mut cases: Vec<(String, serde_json::Value)> = Vec::new();
    for task in builtin_tasks.iter().chain(&test_tasks) {
        cases.push((task.dataset.clone(), task.reference.clone()));
        for f in &task.feedback {
            cases.push((task.dataset.clone(), f.clone()));
        }
    }
    for p in every_option("recensement_e2e") {
        cases.push(("frequentation_e2e".into(), p));
    }
    let out = round_trip(&c, &cases).await;
    assert_eq!(out.len(), cases.len());
    for ((table, p), got) in cases.iter().zip(&out) {
        assert_eq!(got["loaded"], json!(true), "{table}: load refused {p}");
        let steps = p["steps"].as_array().map_or(0, Vec::len);
        assert_eq!(
            got["shown"],
            json!(steps),
            "{table}: every step shown for {p}"
        );
        assert_eq!(
            canonical(&got["pipeline"]),
            canonical(p),
            "{table}: the editor gives back another pipeline than it was given"
        );
    }
    eprintln!(
        "editor: {} pipelines put back into the editor and read out again in {:.1?}",
        cases.len(),
        t.elapsed()
    );
    eprintln!("editor: the whole test took {:.1?}", started.elapsed());
    c.close().await.expect("close the app");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn numbers_follow_the_interface_language() {
    within_minutes(2, numbers()).await;
}

/// The UI's one number formatter (`ui/js/format.js`), in the app's own webview: French
/// groups thousands with a narrow no-break space and has a decimal comma, as the core
/// does; English writes 1,234.5; the default and the interface's strings follow the
/// interface's language.
async fn numbers() {
    let data = tempfile::tempdir().expect("temp data dir");
    let driver = start_driver(data.path());
    let c = open_app(&driver).await;
    find(&c, "#profile-name").await;
    let script = r#"
        const [fr, en, done] = arguments;
        (async () => {
          const url = (p) => new URL(p, document.baseURI).href;
          const { formatNumber, formatBytes } = await import(url('js/format.js'));
          const { setCatalog, t } = await import(url('js/i18n.js'));
          const rows = (first, last, total, ms) => t('ui-an-rows-of', {
            first: formatNumber(first), last: formatNumber(last), total: formatNumber(total), ms: formatNumber(ms),
          });
          const out = {
            fr: formatNumber(1234567.5, { lang: 'fr' }),
            en: formatNumber(1234567.5, { lang: 'en' }),
            rounded: formatNumber(-0.0001, { maxDecimals: 2 }),
            small: formatNumber(0.123456, { maxDecimals: 4, lang: 'fr' }),
            big: formatNumber(1e21, { lang: 'fr' }),
            page: rows(1, 50, 12345, 3),
            size: formatBytes(15 * 1024 * 1024 / 10),
            defaultFr: formatNumber(12.5),
          };
          setCatalog({ lang: 'en', source: en });
          Object.assign(out, {
            defaultEn: formatNumber(12.5),
            pageEn: rows(1, 50, 12345, 3),
            sizeEn: formatBytes(15 * 1024 * 1024 / 10),
          });
          setCatalog({ lang: 'fr', source: fr });
          return out;
        })().then(done, (e) => done({ error: String((e && e.stack) || e) }));
    "#;
    let catalog = |lang| json!(datajam::i18n::catalog::source(lang));
    let out = c
        .execute_async(
            script,
            vec![
                catalog(datajam::i18n::Lang::Fr),
                catalog(datajam::i18n::Lang::En),
            ],
        )
        .await
        .expect("the formatting script runs");
    let got = |k: &str| {
        out[k]
            .as_str()
            .unwrap_or_else(|| panic!("{k}: {out}"))
            .to_string()
    };
    assert_eq!(got("fr"), "1\u{202F}234\u{202F}567,5");
    assert_eq!(got("en"), "1,234,567.5");
    assert_eq!(got("rounded"), "0", "never « -0 », as the core");
    assert_eq!(got("small"), "0,1235");
    assert_eq!(
        got("big"),
        "1\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000"
    );
    assert_eq!(got("page"), "Lignes 1 à 50 sur 12\u{202F}345 (3 ms)");
    assert_eq!(got("size"), "1,5 Mo");
    assert_eq!(got("defaultFr"), "12,5");
    assert_eq!(got("defaultEn"), "12.5");
    assert_eq!(got("pageEn"), "Rows 1 to 50 of 12,345 (3 ms)");
    assert_eq!(got("sizeEn"), "1.5 MB");
    c.close().await.expect("close the app");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_imports_the_practice_file_of_a_lesson() {
    within_minutes(5, import_step()).await;
}

/// The Ushahidi-shaped export the import lesson ships as its practice file.
fn ushahidi_export() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/import/ushahidi_v3_export.csv")
}

/// A small pack whose lesson ships an Ushahidi-shaped export (labels, HXL hashtags, posts)
/// and imports it in an `import` step, then asks a question on the table.
fn write_import_pack(src: &Path, out: &Path) {
    let practice = ushahidi_export();
    for d in ["lessons", "fichiers"] {
        std::fs::create_dir_all(src.join(d)).expect("mkdir");
    }
    std::fs::copy(&practice, src.join("fichiers/ushahidi_signalements.csv")).expect("copy");
    std::fs::write(
        src.join("pack.toml"),
        "schema = 1\nid = \"atelier-ushahidi\"\nversion = \"1.0.0\"\nlicence = \"CC0-1.0\"\nlessons = [\"lessons/ushahidi.md\"]\ntitle = { fr = \"Signalements Ushahidi\" }\n",
    )
    .expect("pack.toml");
    std::fs::write(
        src.join("lessons/ushahidi.md"),
        r#"+++
id = "ushahidi"
title = { fr = "Des signalements citoyens" }
+++

## Importer les signalements {#importer}

Voici un export de la plateforme Ushahidi. Regardez l'aperçu avant d'importer.

```exercise
kind = "import"
file = "fichiers/ushahidi_signalements.csv"
table = "signalements"
hints = ["La deuxième ligne porte des balises HXL : ce ne sont pas des données."]
explanation = "La ligne de balises HXL décrit les colonnes ; elle n'est pas importée comme données."
```

## Combien de signalements ? {#combien}

```exercise
kind = "question"
type = "number"
answer = 12
dataset = "signalements"
```
"#,
    )
    .expect("lesson");
    datajam::pack::packfile::build(src, out).expect("pack build");
}

async fn import_step() {
    let data = tempfile::tempdir().expect("temp data dir");
    let files = tempfile::tempdir().expect("temp files dir");
    let pack_file = files.path().join("atelier-ushahidi.datajam");
    write_import_pack(&files.path().join("pack-src"), &pack_file);
    datajam::pack::packfile::install(&pack_file, data.path()).expect("install the pack");
    let out = files.path().join("copies");
    std::fs::create_dir_all(&out).expect("copies dir");
    let driver = start_driver_with(data.path(), &[("DATAJAM_TEST_SAVE_DIR", out.as_path())]);

    let c = open_app(&driver).await;
    create_profile(&c, "Khadidja").await;
    click(
        &c,
        ".pack[data-pack='atelier-ushahidi'] .lesson-open[data-lesson='ushahidi']",
    )
    .await;
    wait_text(&c, "#step-title", "Importer les signalements").await;

    // What the import screen would show: detection, the HXL row, typed columns, rows.
    wait_text(
        &c,
        "#import-detected",
        "en-têtes ligne 1 · balises HXL ligne 2",
    )
    .await;
    wait_text(&c, "#import-columns .hxl-tags", "#adm1+name").await;
    wait_text(&c, "#import-columns .types", "Date et heure").await;
    wait_text(&c, "#import-columns tbody", "Quartier inondé à Walia").await;
    wait_text(
        &c,
        "#import-preview-warnings",
        "Ligne de balises HXL reconnue (ligne 2)",
    )
    .await;
    assert_eq!(count(&c, "#import-columns tbody tr").await, 12);
    assert_eq!(count(&c, "#import-step-done").await, 0);
    shot(&c, "30-etape-import").await;

    // A copy of the file for the Data screen.
    click(&c, "#import-step-copy").await;
    wait_text(&c, "#import-step-status", "Copie enregistrée").await;
    let copy = out.join("ushahidi_signalements.csv");
    let practice = ushahidi_export();
    assert_eq!(
        std::fs::read(&copy).expect("the copy"),
        std::fs::read(&practice).expect("the practice file")
    );

    click(&c, "#import-step-button").await;
    wait_text(
        &c,
        "#import-step-done",
        "Le tableau « signalements » est prêt : 12 lignes, 15 colonnes.",
    )
    .await;
    wait_text(&c, "#import-step-button", "Importer à nouveau").await;
    wait_text(&c, "#feedback", "elle n'est pas importée comme données").await;
    wait_count(&c, ".step-link.done[data-step='importer']", 1).await;
    shot(&c, "31-etape-import-faite").await;

    // The next step works on the table.
    click(&c, "#next-step").await;
    wait_text(&c, "#step-title", "Combien de signalements").await;
    wait_text(&c, "#data-table", "Route coupée vers Bongor").await;
    type_into(&c, "#answer-input", "12").await;
    submit_answer(&c, "#feedback.ok", "Bonne réponse !").await;

    // Back on the import step: the table opens in the Analyse screen.
    click(&c, ".step-link[data-step='importer']").await;
    click(&c, "#import-step-analyse").await;
    wait_text(&c, "#grid-status", "sur 12").await;
    c.close().await.expect("close the app");
}

// ---------- the whole built-in workshop, every lesson, through the app ----------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_does_the_whole_workshop_in_the_app() {
    within(
        Duration::from_secs(900),
        whole_workshop(),
        "the whole workshop is done within 15 minutes",
    )
    .await;
}

/// A number as a trainee types it in French (decimal comma).
fn typed_fr(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Number(n) => n.to_string().replace('.', ","),
        other => typed(other),
    }
}

/// Waits until the step's link in the lesson's list is marked done.
async fn wait_step_done(c: &Client, step: &str) {
    let css = format!(".step-link.done[data-step={}]", css_str(step));
    let start = Instant::now();
    while count(c, &css).await == 0 {
        if start.elapsed() > TIMEOUT {
            shot(c, "echec-etape").await;
            let (feedback, banner) = feedback_and_banner(c).await;
            panic!("step {step} is not done: «{feedback}» «{banner}»");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Draws `chart` (a chart request of the pack) with the chart editor's controls.
async fn draw_in_editor(c: &Client, chart: &serde_json::Value) {
    choose(c, "#chart-kind", text_of(chart, "kind")).await;
    choose(c, "#chart-x", text_of(chart, "x")).await;
    choose(c, "#chart-y", text_of(chart, "y")).await;
    if !text_of(chart, "y").is_empty() {
        if let Some(agg) = chart.get("agg").and_then(|a| a.as_str()) {
            choose(c, "#chart-agg", agg).await;
        }
    }
    choose(c, "#chart-group", text_of(chart, "group")).await;
    if let Some(w) = chart.get("weight").and_then(|a| a.as_str()) {
        choose(c, "#chart-weight", w).await;
    }
    if count(c, "#chart-sort-field:not([hidden])").await > 0 {
        let sort = chart.get("sort").and_then(|s| s.as_bool()).unwrap_or(false);
        set_checked(c, "#chart-sort", sort).await;
    }
    fill(c, "#chart-title", text_of(chart, "title")).await;
}

/// Profile → the facilitator's guide and the pack's data from the home screen → every
/// lesson of the built-in pack in order, every step done by the gestures a trainee makes
/// (answers typed or clicked, pipelines built in the editor, charts drawn with the chart
/// form, records entered, reflections written), a screenshot of each step. The lesson
/// `openstat-visualiser` is checked more closely: an anticipated wrong answer and its
/// message, a hint, the data's credit line, the bars drawn.
async fn whole_workshop() {
    use datajam::pack::Exercise;
    use datajam::workshop::play::Action;
    let data = tempfile::tempdir().expect("temp data dir");
    let driver = start_driver(data.path());
    let c = open_app(&driver).await;
    let pack = datajam::pack::Pack::builtin().expect("the built-in pack");
    let actions = datajam::workshop::play::reference_actions(&pack);

    create_profile(&c, "Mahamat").await;
    let home = format!(".pack[data-pack={}]", css_str(pack.id()));
    find(&c, &home).await;
    shot(&c, "50-accueil").await;

    // The facilitator's guide, from the pack's card.
    click(&c, &format!("{home} .guide-open")).await;
    wait_text(&c, "#guide-title", "Guide de l'animateur").await;
    let toc = count(&c, "#guide-toc li").await;
    assert!(toc >= 8, "the guide's contents list {toc} headings");
    wait_text(&c, "#guide-body", "Jour 1").await;
    wait_text(&c, "#guide-body", "Jour 2").await;
    click(&c, "#guide-toc li:nth-child(3) button").await;
    shot(&c, "51-guide-animateur").await;
    click(&c, "#guide-back").await;

    // The pack's datasets, each with its sources and licence.
    click(&c, &format!("{home} details.pack-data summary")).await;
    wait_count(&c, &format!("{home} li.dataset"), pack.datasets.len()).await;
    for d in &pack.datasets {
        let text = wait_text(
            &c,
            &format!("{home} li.dataset[data-dataset={}]", css_str(&d.name)),
            "Licences",
        )
        .await;
        assert!(text.contains("Sources"), "{}: {text}", d.name);
    }
    wait_text(&c, &format!("{home} details.pack-data"), "EXEMPLE FICTIF").await;
    shot(&c, "52-donnees-du-paquet").await;

    for (li, lesson) in pack.lessons.iter().enumerate() {
        let started = Instant::now();
        go_home(&c).await;
        click(
            &c,
            &format!("{home} .lesson-open[data-lesson={}]", css_str(&lesson.id)),
        )
        .await;
        let deep = lesson.id == "openstat-visualiser";
        for (si, step) in lesson.steps.iter().enumerate() {
            let here = format!("article.step[data-step={}]", css_str(&step.id));
            if count(&c, &here).await == 0 {
                click(&c, &format!(".step-link[data-step={}]", css_str(&step.id))).await;
            }
            find(&c, &here).await;
            let shot_name = format!("6{li}-{}-{:02}-{}", lesson.id, si + 1, step.id);
            let action = actions
                .iter()
                .find(|a| a.lesson() == lesson.id && a.step() == step.id)
                .expect("a reference action for every step");
            match (&step.exercise, action) {
                (Exercise::Read | Exercise::Chart(_), _) => {
                    if matches!(step.exercise, Exercise::Chart(_)) {
                        find(&c, &format!("{here} #chart svg")).await;
                    }
                    shot(&c, &shot_name).await;
                    // Moving on marks it read; the last step's button ends the lesson
                    // (below).
                    if si + 1 < lesson.steps.len() {
                        click(&c, "#next-step").await;
                        wait_step_done(&c, &step.id).await;
                    }
                    continue;
                }
                (Exercise::Question(q), Action::Answer { answer, .. }) => {
                    if step.id == "gain-tchad" {
                        // 624 rows: a hundred in the page, and a search finds Chad's twelve.
                        wait_text(&c, "#data-table-status", "100 premières lignes sur 624").await;
                        wait_count(&c, "#data-table tbody tr", 100).await;
                        type_into(&c, "#data-table-filter", "tchad").await;
                        wait_count(&c, "#data-table tbody tr", 12).await;
                        wait_text(&c, "#data-table", "38,09").await;
                        shot(&c, "6x-recherche-dans-le-tableau").await;
                    }
                    if deep {
                        // An anticipated wrong answer first: its own message.
                        if let Some(f) = q.feedback.iter().find(|f| !f.answer.is_null()) {
                            answer_question(&c, q, &f.answer).await;
                            let shown = find(&c, "#feedback.ko").await.text().await.expect("text");
                            let first = f.message.split(['.', ';', ':']).next().unwrap_or("");
                            assert!(
                                shown.contains(first.trim()),
                                "{}: «{shown}» should say «{}»",
                                step.id,
                                f.message
                            );
                        }
                    }
                    answer_question(&c, q, answer).await;
                    find(&c, "#feedback.ok").await;
                }
                (Exercise::Data(_), Action::Pipeline { pipeline, .. }) => {
                    find(&c, &format!("{here} #data-task .pipeline-editor")).await;
                    if deep {
                        click(&c, "#hint-button").await;
                        wait_text(&c, "#hints", "Indice 1/").await;
                        wait_text(&c, "#dataset-credit", "Source").await;
                    }
                    build_in_editor(&c, pipeline).await;
                    click(&c, "#task-check").await;
                    wait_text(&c, "#feedback.ok", "Bonne réponse").await;
                }
                (Exercise::ChartTask(_), Action::Chart { chart, .. }) => {
                    find(&c, &format!("{here} #chart-task .chart-editor")).await;
                    wait_text(&c, "#dataset-credit", "Licence").await;
                    draw_in_editor(&c, chart).await;
                    click(&c, "#task-check").await;
                    find(&c, "#feedback.ok").await;
                    find(&c, "#analyse-chart svg").await;
                    if deep && step.id == "barres-triees" {
                        // One bar per 2010 region, sorted.
                        wait_count(&c, "#analyse-chart svg .bar", 20).await;
                    }
                }
                (Exercise::Reflection(_), Action::Reflect { text, .. }) => {
                    type_into(&c, "#reflection-text", text).await;
                    click(&c, "#reflection-submit").await;
                }
                (Exercise::Collect(col), Action::Record { values, .. }) => {
                    for f in &col.form.fields {
                        let v = &values[&f.name];
                        let id = format!("#field-{}", f.name);
                        use datajam::lesson::form::FieldType;
                        match f.field_type {
                            FieldType::Choice | FieldType::Province => choose(&c, &id, v).await,
                            FieldType::Multiple => {
                                for one in v.split_whitespace() {
                                    set_checked(
                                        &c,
                                        &format!("{id} input[value={}]", css_str(one)),
                                        true,
                                    )
                                    .await;
                                }
                            }
                            FieldType::Date => {
                                // Typed day first, as a trainee writes a date.
                                let d: Vec<&str> = v.split('-').collect();
                                let typed = format!("{}/{}/{}", d[2], d[1], d[0]);
                                type_into(&c, &id, &typed).await;
                            }
                            FieldType::Location => {
                                let mut it = v.split_whitespace();
                                let (lat, lon) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
                                type_into(&c, &format!("{id}_lat"), &lat.replace('.', ",")).await;
                                type_into(&c, &format!("{id}_lon"), &lon.replace('.', ",")).await;
                            }
                            _ => type_into(&c, &id, v).await,
                        }
                    }
                    click(&c, "#record-submit").await;
                    wait_count(&c, "#records .record-row", 1).await;
                }
                (Exercise::Import(_), Action::Import { .. }) => {
                    click(&c, "#import-step-button").await;
                    find(&c, "#import-step-done").await;
                }
                (e, a) => panic!("{}: no gesture for {} with {a:?}", step.id, e.kind()),
            }
            wait_step_done(&c, &step.id).await;
            shot(&c, &shot_name).await;
        }
        // The last step's button ends the lesson and goes home, where it shows done.
        click(&c, "#next-step").await;
        wait_text(
            &c,
            &format!(
                "{home} .lesson-open[data-lesson={}] .lesson-status",
                css_str(&lesson.id)
            ),
            "Terminée",
        )
        .await;
        eprintln!(
            "workshop: lesson {} ({} steps) done in {:.1?}",
            lesson.id,
            lesson.steps.len(),
            started.elapsed()
        );
    }
    shot(&c, "70-atelier-termine").await;

    // What the app saved is what the core counts: every lesson done.
    c.close().await.expect("close the session");
    drop(driver);
    let w = datajam::Workshop::open(data.path(), datajam::i18n::Lang::Fr).expect("data");
    let p = w.find_profile("Mahamat").expect("profile").id;
    for l in &w.packs(Some(&p)).expect("packs")[0].lessons {
        assert_eq!(l.done, l.steps, "{}: every step done", l.id);
    }
}

/// Gives `answer` to the question on screen, as a trainee would, and sends it.
async fn answer_question(c: &Client, q: &datajam::pack::Question, answer: &serde_json::Value) {
    use datajam::pack::AnswerType;
    match q.answer_type {
        AnswerType::Choice => {
            click(
                c,
                &format!("input[name=answer][value={}]", css_str(&typed(answer))),
            )
            .await;
        }
        AnswerType::Multiple => {
            for b in c
                .find_all(Locator::Css("#multiple-choices input:checked"))
                .await
                .expect("checked boxes")
            {
                b.click().await.expect("uncheck");
            }
            for v in answer.as_array().into_iter().flatten() {
                click(
                    c,
                    &format!("#multiple-choices input[value={}]", css_str(&typed(v))),
                )
                .await;
            }
        }
        _ => type_into(c, "#answer-input", &typed_fr(answer)).await,
    }
    click(c, "#submit-answer").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_hands_in_and_the_facilitator_sees_the_class() {
    within(
        Duration::from_secs(240),
        hand_in_and_class(),
        "the end-to-end test finishes within 4 minutes",
    )
    .await;
}

/// Two trainees' progress files made by the core as the app makes them, on another
/// laptop: Aïcha gives the same anticipated wrong answer three times (stuck), Moussa the
/// right one after it. Returns the files and the wrong answer as the desk words it (a
/// choice by its label).
fn two_trainees(dir: &Path) -> (PathBuf, PathBuf, String) {
    use datajam::pack::Exercise;
    use datajam::workshop::StepAt;
    let laptop = tempfile::tempdir().expect("temp data dir");
    let mut w = datajam::Workshop::open(laptop.path(), datajam::i18n::Lang::Fr).expect("workshop");
    let pack_id = w.packs(None).expect("packs")[0].id.clone();
    let pack = w.pack(&pack_id).expect("built-in pack").clone();
    let (lesson, step, q) = pack
        .lessons
        .iter()
        .flat_map(|l| l.steps.iter().map(move |s| (l, s)))
        .find_map(|(l, s)| match &s.exercise {
            Exercise::Question(q) if q.feedback.iter().any(|f| f.answer.is_string()) => {
                Some((l.id.clone(), s.id.clone(), q.clone()))
            }
            _ => None,
        })
        .expect("a question with an anticipated wrong answer");
    let wrong = q
        .feedback
        .iter()
        .find(|f| f.answer.is_string())
        .unwrap()
        .answer
        .clone();
    let mut files = Vec::new();
    for (name, answers) in [
        ("Aïcha", vec![wrong.clone(), wrong.clone(), wrong.clone()]),
        ("Moussa", vec![wrong.clone(), q.answer.clone()]),
    ] {
        let p = w.create_profile(name).expect("profile");
        w.lesson(&p.id, &pack_id, &lesson).expect("lesson");
        let at = StepAt {
            profile: p.id.clone(),
            pack: pack_id.clone(),
            lesson: lesson.clone(),
            step: step.clone(),
        };
        for a in &answers {
            w.answer(&at, a).expect("answer saved");
        }
        let file = dir.join(format!("{}.datajam-progress", name.to_lowercase()));
        w.export_progress(&p.id, &file).expect("progress file");
        files.push(file);
    }
    // The facilitator reads a choice by its label, not by its value.
    let wrong = wrong.as_str().unwrap().trim();
    let wrong = q
        .choices
        .iter()
        .find(|c| c.value == wrong)
        .map_or(wrong.to_string(), |c| c.label.clone());
    (files.remove(0), files.remove(0), wrong)
}

/// The trainee's "Exporter ma progression" writes the same progress file the CLI writes;
/// the facilitator's desk merges two trainees' files with a bad one among them: the bad
/// file is named and the others shown, the stuck trainee with their wrong answers, each
/// step's most common wrong answer, and the class is still there after a restart.
async fn hand_in_and_class() {
    let data = tempfile::tempdir().expect("temp data dir");
    let stick = tempfile::tempdir().expect("temp stick");
    let (aicha, moussa, wrong) = two_trainees(stick.path());
    let bad = stick.path().join("abime.datajam-progress");
    std::fs::write(&bad, b"{ ce n'est pas du JSON").unwrap();
    let out = tempfile::tempdir().expect("temp save dir");
    let picks = std::env::join_paths([&aicha, &bad, &moussa]).unwrap();
    let picks = PathBuf::from(picks);
    let driver = start_driver_with(
        data.path(),
        &[
            ("DATAJAM_TEST_SAVE_DIR", out.path()),
            ("DATAJAM_TEST_PICK_PROGRESS", picks.as_path()),
        ],
    );
    let c = open_app(&driver).await;

    // The welcome screen says which version this is.
    let version = datajam::written_by().replace("DataJam Atelier ", "");
    let shown = wait_text(&c, "#app-version", &version).await;
    assert!(shown.contains("version"), "{shown}");

    // The trainee hands in their work.
    create_profile(&c, "Fatimé").await;
    find(&c, "#screen-packs").await;
    click(&c, "#export-progress").await;
    let done = wait_text(&c, "#handin-done", "fatime.datajam-progress").await;
    assert!(done.contains("enregistré"), "{done}");
    let file = out.path().join("fatime.datajam-progress");
    wait_file(&file, "the progress file is written").await;
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(written["format"], "datajam-progress");
    assert_eq!(written["profile"]["name"], "Fatimé");
    shot(&c, "80-handin").await;

    // The facilitator's desk, from the welcome screen.
    click(&c, "#change-profile").await;
    click(&c, "#open-facilitator").await;
    find(&c, "#class-empty").await;
    click(&c, "#class-add-files").await;
    let bad_text = wait_text(&c, "#class-bad", "abime.datajam-progress").await;
    assert!(bad_text.contains("1 fichier(s) refusé(s)"), "{bad_text}");
    wait_text(&c, "#class-status", "2 fichier(s) ajouté(s)").await;
    wait_count(&c, "#class-table tbody tr", 2).await;
    let table = text_at(&c, Locator::Css("#class-table")).await;
    assert!(
        table.contains("Aïcha") && table.contains("Moussa"),
        "{table}"
    );
    let stuck = wait_text(&c, "#class-stuck", "Aïcha").await;
    assert!(!stuck.contains("Moussa"), "{stuck}");
    assert!(
        stuck.contains(&format!("« {wrong} », « {wrong} », « {wrong} »")),
        "the stuck trainee's own wrong answers: {stuck}"
    );
    let steps = text_at(&c, Locator::Css("#class-steps")).await;
    assert!(
        steps.contains(&format!("« {wrong} » (4)")),
        "the step's most common wrong answer, with its count: {steps}"
    );
    assert!(steps.contains("1 sur 2"), "{steps}");
    // The core's chart of the success per step: one bar for the one step reached.
    assert_eq!(count(&c, "#class-steps .class-chart svg .bar").await, 1);
    shot(&c, "81-facilitator-class").await;
    let steps_card = find(&c, "#class-steps").await;
    let _ = c
        .execute(
            "arguments[0].scrollIntoView({block: 'start'})",
            vec![serde_json::to_value(&steps_card).expect("element as JSON")],
        )
        .await;
    shot(&c, "82-facilitator-steps").await;

    // Adding the same files again doubles nothing.
    click(&c, "#class-add-files").await;
    wait_text(&c, "#class-status", "0 fichier(s) ajouté(s), 2 déjà").await;
    wait_count(&c, "#class-table tbody tr", 2).await;
    c.close().await.expect("close the session");
    drop(driver);

    // Another day: the class is still on the laptop.
    let driver = start_driver(data.path());
    let c = open_app(&driver).await;
    click(&c, "#open-facilitator").await;
    wait_count(&c, "#class-table tbody tr", 2).await;
    wait_text(&c, "#class-summary", "2 stagiaire(s), 2 fichier(s)").await;
    c.close().await.expect("close the session");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_keeps_a_notebook_and_exports_it() {
    within(
        Duration::from_secs(240),
        notebook_walk(),
        "the end-to-end test finishes within 4 minutes",
    )
    .await;
}

/// A trainee draws a chart and writes a reflection (with markup in it) through the app,
/// opens « Mon carnet » from the home screen, finds both there, and exports it: the HTML
/// file holds the reflection, escaped, and the chart as SVG.
async fn notebook_walk() {
    const REFLECTION: &str = "L'accès des filles <b>à l'école</b> & la distance au lycée.";
    let data = tempfile::tempdir().expect("temp data dir");
    let out = tempfile::tempdir().expect("temp save dir");
    let driver = start_driver_with(data.path(), &[("DATAJAM_TEST_SAVE_DIR", out.path())]);
    let c = open_app(&driver).await;
    create_profile(&c, "Zara").await;
    find(&c, "#screen-packs").await;
    click(&c, ".lesson-open[data-lesson='premiers-pas']").await;

    open_step(&c, "tracer-graphique", "Tracer un graphique").await;
    let chart = json!({"kind": "hbar", "x": "province", "y": "population_2009_a", "agg": "sum"});
    draw_in_editor(&c, &chart).await;
    click(&c, "#task-check").await;
    wait_step_done(&c, "tracer-graphique").await;

    open_step(&c, "reflexion", "Et vous").await;
    type_into(&c, "#reflection-text", REFLECTION).await;
    click(&c, "#reflection-submit").await;
    wait_text(&c, "#reflection-message", "enregistrée").await;

    go_home(&c).await;
    click(&c, "#open-notebook").await;
    wait_text(&c, "#screen-notebook .nb-reflection", REFLECTION).await;
    assert_eq!(count(&c, "#screen-notebook .nb-chart figure svg").await, 1);
    let answers = text_at(&c, Locator::Css("#screen-notebook")).await;
    assert!(answers.contains("Mon graphique"), "{answers}");
    shot(&c, "90-notebook").await;

    click(&c, "#export-notebook").await;
    wait_text(&c, "#notebook-exported", "carnet-zara.html").await;
    let file = out.path().join("carnet-zara.html");
    wait_file(&file, "the notebook is written").await;
    let html = std::fs::read_to_string(&file).expect("the notebook file");
    assert!(
        html.contains("L&#39;accès des filles &lt;b&gt;à l&#39;école&lt;/b&gt; &amp; la distance"),
        "the reflection, escaped: {html}"
    );
    assert!(html.contains("<svg"), "the chart inline");
    assert!(!html.contains("<script") && !html.contains("http"));
    shot(&c, "91-notebook-exported").await;
    c.close().await.expect("close the session");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_reads_a_done_lesson_again() {
    within(
        Duration::from_secs(180),
        review_walk(),
        "the end-to-end test finishes within 3 minutes",
    )
    .await;
}

/// A lesson done on this laptop (by the core, as the app does it) is opened again: its
/// done steps show the trainee's own answers read-only, and reading adds no event.
async fn review_walk() {
    const PACK: &str = "datajam-tchad";
    const LESSON: &str = "premiers-pas";
    let data = tempfile::tempdir().expect("temp data dir");
    let (profile, before) = {
        let mut w =
            datajam::Workshop::open(data.path(), datajam::i18n::Lang::Fr).expect("workshop");
        let p = w.create_profile("Hawa").expect("profile").id;
        for a in w.reference_actions(PACK).expect("reference") {
            if a.lesson() == LESSON {
                w.play(&p, PACK, &a).expect("played");
            }
        }
        let before = w.events(&p, PACK).expect("events");
        (p, before)
    };
    let driver = start_driver(data.path());
    let c = open_app(&driver).await;
    click(&c, ".profile-item[data-name='Hawa']").await;
    find(&c, "#screen-lesson").await;
    open_step(&c, "plus-peuplee", "la province la plus peuplée").await;
    wait_text(&c, "#review-note", "relisez").await;
    assert_eq!(
        count(&c, "#submit-answer:disabled").await,
        1,
        "#submit-answer read-only"
    );
    assert_eq!(
        prop(&c, "input[name='answer'][value='TD-ND']", "checked")
            .await
            .as_deref(),
        Some("true"),
        "the trainee's own answer"
    );
    open_step(&c, "reflexion", "Et vous").await;
    assert_eq!(
        count(&c, "#reflection-text:disabled").await,
        1,
        "#reflection-text read-only"
    );
    assert!(!prop(&c, "#reflection-text", "value")
        .await
        .unwrap_or_default()
        .is_empty());
    shot(&c, "92-review").await;
    open_step(&c, "tracer-graphique", "Tracer un graphique").await;
    assert_eq!(
        count(&c, "#task-check:disabled").await,
        1,
        "#task-check read-only"
    );
    click(&c, "#next-step").await;
    wait_text(&c, "#step-title", "Et vous").await;
    c.close().await.expect("close the session");
    drop(driver);
    let w = datajam::Workshop::open(data.path(), datajam::i18n::Lang::Fr).expect("workshop");
    assert_eq!(
        w.events(&profile, PACK).expect("events"),
        before,
        "no event added"
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_sets_the_language_and_the_text_size() {
    within(
        Duration::from_secs(180),
        settings_walk(),
        "the end-to-end test finishes within 3 minutes",
    )
    .await;
}

/// The document's computed font size, in pixels.
async fn root_font_size(c: &Client) -> String {
    c.execute(
        "return getComputedStyle(document.documentElement).fontSize",
        vec![],
    )
    .await
    .expect("computed font size")
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// « Réglages » from the header: English, larger text, high contrast; saved with the
/// profile, gone for the next trainee, back when the profile is picked again.
async fn settings_walk() {
    let data = tempfile::tempdir().expect("temp data dir");
    let driver = start_driver(data.path());
    let c = open_app(&driver).await;
    create_profile(&c, "Kaltouma").await;
    find(&c, "#screen-packs").await;
    assert_eq!(root_font_size(&c).await, "15px");
    click(&c, "#open-settings").await;
    find(&c, "#settings-form").await;
    choose(&c, "#settings-lang", "en").await;
    click(&c, "#settings-size input[value='larger']").await;
    click(&c, "#settings-contrast").await;
    click(&c, "#settings-save").await;
    wait_text(&c, "#settings-saved", "Settings saved.").await;
    wait_text(&c, "#change-profile", "Change profile").await;
    assert_eq!(root_font_size(&c).await, "20px");
    assert_eq!(prop(&c, "html", "lang").await.as_deref(), Some("en"));
    assert_eq!(count(&c, "html.high-contrast").await, 1);
    shot(&c, "93-settings").await;
    click(&c, "#crumbs button").await;
    find(&c, "#screen-packs").await;
    let home = text_at(&c, Locator::Css("#notebook-card")).await;
    assert!(home.contains("My notebook"), "{home}");
    shot(&c, "94-home-english-larger").await;

    // The next trainee finds the app's own settings.
    click(&c, "#change-profile").await;
    wait_text(
        &c,
        "#screen-profiles h1",
        "Qui travaille sur cet ordinateur",
    )
    .await;
    assert_eq!(root_font_size(&c).await, "15px");
    assert_eq!(count(&c, "html.high-contrast").await, 0);
    // Picked again: English and larger text come back.
    click(&c, ".profile-item[data-name='Kaltouma']").await;
    wait_text(&c, "#change-profile", "Change profile").await;
    assert_eq!(root_font_size(&c).await, "20px");
    c.close().await.expect("close the session");
}

// ---------- the facilitator's packs: check, build, install; a hostile pack ----------

/// A small pack of one lesson (`lessons/lecon.md`) whose first step says `text`, then
/// asks a number question; `pack.toml` names its authors and licence.
fn write_small_pack(src: &Path, id: &str, title: &str, text: &str) {
    std::fs::create_dir_all(src.join("lessons")).expect("mkdir");
    std::fs::write(
        src.join("pack.toml"),
        format!(
            "schema = 1\nid = \"{id}\"\nversion = \"1.2.0\"\nlicence = \"CC-BY-4.0\"\nauthors = [\"Amina Mahamat\", \"Idriss Abakar\"]\nlessons = [\"lessons/lecon.md\"]\ntitle = {{ fr = \"Paquet de l'atelier\" }}\n"
        ),
    )
    .expect("pack.toml");
    std::fs::write(
        src.join("lessons/lecon.md"),
        format!(
            "+++\nid = \"lecon\"\ntitle = {{ fr = \"Une leçon\" }}\n+++\n\n## {title} {{#texte}}\n\n{text}\n\n```exercise\nkind = \"question\"\ntype = \"number\"\nanswer = 12\n```\n"
        ),
    )
    .expect("lesson");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn the_facilitator_checks_builds_and_installs_a_pack() {
    within_minutes(4, pack_desk()).await;
}

/// On the facilitator's desk: a pack folder with a mistake shows the problem with its file
/// and line; once fixed it is valid, its `.datajam` file is built where the facilitator
/// chooses (the same bytes as `datajam pack build`), installed, and listed with its
/// version, authors and licence beside the built-in pack and its datasets.
async fn pack_desk() {
    let data = tempfile::tempdir().expect("temp data dir");
    let files = tempfile::tempdir().expect("temp files dir");
    let src = files.path().join("mon-paquet");
    let out = files.path().join("cle");
    std::fs::create_dir_all(&out).expect("out dir");
    let built = out.join("paquet-atelier-1.2.0.datajam");
    let bad_step = "Un exercice mal écrit :\n\n```exercise\nkind = \"devinette\"\n```";
    write_small_pack(&src, "paquet-atelier", "Un texte", bad_step);
    let problems = datajam::Workshop::check_pack(&src, None)
        .expect("the folder is read")
        .problems;
    assert!(!problems.is_empty(), "the mistake is found by the core");
    let first = &problems[0];
    assert_eq!(first.file, "lessons/lecon.md");
    let driver = start_driver_with(
        data.path(),
        &[
            ("DATAJAM_TEST_PICK_FOLDER", src.as_path()),
            ("DATAJAM_TEST_SAVE_DIR", out.as_path()),
            ("DATAJAM_TEST_PICK_PACK", built.as_path()),
        ],
    );
    let c = open_app(&driver).await;
    click(&c, "#open-facilitator").await;
    click(&c, "#open-pack-desk").await;
    find(&c, "#screen-pack-desk").await;
    let installed = text_at(&c, Locator::Css("#installed-packs")).await;
    assert!(!installed.contains("Amina Mahamat"), "{installed}");

    // The mistake, with its file and line.
    click(&c, "#pack-check").await;
    wait_text(&c, "#pack-invalid", "problème").await;
    let listed = wait_text(
        &c,
        "#pack-problems",
        &format!("lessons/lecon.md:{}", first.line),
    )
    .await;
    assert!(listed.contains(&first.message), "{listed}");
    assert_eq!(
        count(&c, "#pack-build").await,
        0,
        "no build of an invalid pack"
    );
    shot(&c, "90-pack-desk-problems").await;

    // Fixed, checked again, built, installed.
    write_small_pack(&src, "paquet-atelier", "Un texte", "Tout va bien.");
    click(&c, "#pack-check").await;
    wait_text(
        &c,
        "#pack-valid",
        "Le paquet « paquet-atelier » 1.2.0 est valide : 1 leçon(s), 1 étape(s)",
    )
    .await;
    click(&c, "#pack-build").await;
    wait_text(&c, "#pack-built", "paquet-atelier-1.2.0.datajam").await;
    wait_file(&built, "the pack file is written").await;
    let by_cli = files.path().join("par-la-cli.datajam");
    datajam::pack::packfile::build(&src, &by_cli).expect("pack build");
    assert_eq!(
        std::fs::read(&built).unwrap(),
        std::fs::read(&by_cli).unwrap(),
        "the desk builds the same file as `datajam pack build`"
    );
    shot(&c, "91-pack-desk-built").await;
    click(&c, "#install-pack").await;
    wait_text(
        &c,
        "#install-status",
        "Paquet « paquet-atelier » 1.2.0 installé",
    )
    .await;
    let pack = "#installed-packs [data-pack='paquet-atelier']";
    wait_text(
        &c,
        &format!("{pack} .pack-authors"),
        "Amina Mahamat, Idriss Abakar",
    )
    .await;
    wait_text(&c, &format!("{pack} .pack-licence"), "CC-BY-4.0").await;
    wait_text(&c, &format!("{pack} .version"), "v1.2.0").await;
    assert!(count(&c, "#installed-packs .installed-pack .dataset").await > 0);
    shot(&c, "92-pack-desk-installed").await;
    c.close().await.expect("close the app");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_hostile_pack_installed_through_the_app_runs_nothing() {
    within_minutes(3, hostile_pack()).await;
}

/// Writes the pack folder `src` as a `.datajam` file by hand, with its list of hashes, as
/// someone would who does not use `datajam pack build` (whose checker would refuse it).
fn write_pack_by_hand(src: &Path, out: &Path) {
    use sha2::{Digest, Sha256};
    use std::io::Write;
    let files: Vec<(String, Vec<u8>)> = ["pack.toml", "lessons/lecon.md"]
        .iter()
        .map(|p| {
            (
                p.to_string(),
                std::fs::read(src.join(p)).expect("pack file"),
            )
        })
        .collect();
    let hex = |b: &[u8]| -> String {
        Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    };
    let hashes: serde_json::Map<String, serde_json::Value> = files
        .iter()
        .map(|(p, b)| (p.clone(), json!(hex(b))))
        .collect();
    let list = json!({ "format": 1, "algorithm": "sha256", "files": hashes });
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out).expect("pack file"));
    let options = zip::write::SimpleFileOptions::default();
    let list = serde_json::to_vec_pretty(&list).unwrap();
    let entries = std::iter::once(("datajam-hashes.json".to_string(), list)).chain(files);
    for (path, bytes) in entries {
        zip.start_file(path, options).expect("zip entry");
        zip.write_all(&bytes).expect("zip write");
    }
    zip.finish().expect("zip");
}

/// What the page says of the flags a payload would set, and what of the lesson could run.
async fn flags(c: &Client) -> serde_json::Value {
    c.execute(
        "return { pwned: window.__pwned === undefined ? null : String(window.__pwned),
                  title: document.title,
                  dangerous: document.querySelectorAll('script:not([type=module]):not([src]), iframe, [onerror], [onmouseover], [onclick], a[href^=\"javascript\"], img[src^=\"javascript\"]').length };",
        vec![],
    )
    .await
    .expect("read the flags")
}

/// Asserts that no payload ran and nothing that could run is in the page.
async fn assert_nothing_ran(c: &Client) {
    tokio::time::sleep(Duration::from_millis(500)).await;
    let seen = flags(c).await;
    assert_eq!(seen["pwned"], serde_json::Value::Null, "{seen}");
    assert_eq!(seen["title"], "DataJam Atelier", "{seen}");
    assert_eq!(seen["dangerous"], 0, "{seen}");
}

/// Packs from an unknown USB stick, installed through the app. One written by hand with
/// raw HTML in its lesson (`<script>`, `onerror=`, `onmouseover=`, a `javascript:` link, an
/// iframe, SVG with a script) is refused with the file and line named. Another passes the
/// checker with `javascript:` and `data:` links and images in its Markdown and HTML in its
/// titles and authors: installed and opened, it shows its text and runs nothing.
async fn hostile_pack() {
    let data = tempfile::tempdir().expect("temp data dir");
    let files = tempfile::tempdir().expect("temp files dir");
    let pack_file = files.path().join("piege.datajam");
    let raw_html = r#"Ce texte doit rester lisible.

<script>window.__pwned = 'script'; document.title = 'pwned';</script>

<img src="x" onerror="window.__pwned = 'onerror'; document.title = 'pwned'">

<p onmouseover="window.__pwned = 'mouseover'">Survolez-moi</p>

<a href="javascript:window.__pwned='href'">Autre lien</a>

<iframe src="javascript:parent.__pwned='iframe'"></iframe>

<svg><script>window.__pwned = 'svg'</script></svg>"#;
    let src = files.path().join("html");
    write_small_pack(&src, "paquet-piege", "Un texte piégé", raw_html);
    write_pack_by_hand(&src, &pack_file);
    let driver = start_driver_with(
        data.path(),
        &[("DATAJAM_TEST_PICK_PACK", pack_file.as_path())],
    );
    let c = open_app(&driver).await;
    create_profile(&c, "Hawa").await;
    click(&c, "#install-pack").await;
    let refused = wait_text(&c, "#install-error", "lessons/lecon.md:10").await;
    assert!(refused.contains("<script>"), "{refused}");
    assert_eq!(count(&c, ".pack[data-pack='paquet-piege']").await, 0);
    assert_nothing_ran(&c).await;
    shot(&c, "93-hostile-pack-refused").await;

    // What passes the checker: links and images in Markdown, HTML in plain-text fields.
    let markdown = r#"Ce texte doit rester lisible.

[Lien piégé](javascript:window.__pwned='markdown';void(0)) · [Lien data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=) · <javascript:window.__pwned='autolink'> · [Titre piégé](https://exemple.org "\" onmouseover=\"window.__pwned='attr'")

![Image piégée](javascript:window.__pwned='image') ![Image distante](https://exemple.org/x.png)"#;
    let src = files.path().join("markdown");
    write_small_pack(&src, "paquet-piege", "Un texte piégé", markdown);
    let toml = std::fs::read_to_string(src.join("pack.toml"))
        .unwrap()
        .replace(
            "Paquet de l'atelier",
            "Piège <img src=x onerror=window.__pwned='pack'>",
        );
    std::fs::write(src.join("pack.toml"), toml).unwrap();
    let lesson = std::fs::read_to_string(src.join("lessons/lecon.md"))
        .unwrap()
        .replace(
            "Une leçon",
            "Leçon <img src=x onerror=window.__pwned='lesson'>",
        );
    std::fs::write(src.join("lessons/lecon.md"), lesson).unwrap();
    datajam::pack::packfile::build(&src, &pack_file).expect("the checker lets it through");
    click(&c, "#install-pack").await;
    wait_text(
        &c,
        "#install-status",
        "Paquet « paquet-piege » 1.2.0 installé",
    )
    .await;
    let pack = wait_text(
        &c,
        ".pack[data-pack='paquet-piege']",
        "Piège <img src=x onerror=window.__pwned='pack'>",
    )
    .await;
    assert!(
        pack.contains("Leçon <img src=x"),
        "titles shown as text: {pack}"
    );
    assert_nothing_ran(&c).await;
    click(
        &c,
        ".pack[data-pack='paquet-piege'] .lesson-open[data-lesson='lecon']",
    )
    .await;
    wait_text(&c, "#step-title", "Un texte piégé").await;
    let shown = wait_text(&c, "#screen-lesson .prose", "Ce texte doit rester lisible.").await;
    assert!(
        shown.contains("Lien piégé") && shown.contains("Titre piégé"),
        "{shown}"
    );
    // Every element of the lesson hovered and every link clicked: nothing may run.
    let _ = c
        .execute(
            "for (const el of document.querySelectorAll('#screen-lesson .prose *')) {
               el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
               if (el.tagName === 'A' && !/^https?:/.test(el.getAttribute('href') || '')) el.click();
             }",
            vec![],
        )
        .await;
    assert_nothing_ran(&c).await;
    let remote = c
        .execute(
            "return [...document.querySelectorAll('#screen-lesson img')].map((i) => i.getAttribute('src'));",
            vec![],
        )
        .await
        .expect("images");
    assert!(
        !remote.to_string().contains("exemple.org"),
        "no remote image reaches the webview: {remote}"
    );
    // The app still works: the lesson's question is answered.
    wait_text(&c, "#step-title", "Un texte piégé").await;
    type_into(&c, "#answer-input", "12").await;
    submit_answer(&c, "#feedback.ok", "Bonne réponse !").await;
    shot(&c, "94-hostile-pack-opened").await;
    c.close().await.expect("close the app");
}

// ---------- PINs ----------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_profile_with_a_pin_does_not_open_with_a_wrong_one() {
    within_minutes(3, pins()).await;
}

/// Submits the PIN `pin` in the PIN form `id` (`profile-pin`, `desk-pin`...).
async fn give_pin(c: &Client, id: &str, pin: &str) {
    type_into(c, &format!("#{id}-input"), pin).await;
    click(c, &format!("#{id}-submit")).await;
}

/// A trainee sets a PIN from their profile; a wrong PIN does not open it, the right one
/// does. The facilitator sets the desk's PIN on first use and resets the trainee's PIN;
/// the desk then asks its PIN and refuses a wrong one.
async fn pins() {
    let data = tempfile::tempdir().expect("temp data dir");
    let driver = start_driver(data.path());
    let c = open_app(&driver).await;
    create_profile(&c, "Aïcha").await;
    find(&c, "#screen-packs").await;
    type_into(&c, "#my-pin-new", "2468").await;
    click(&c, "#my-pin-save").await;
    wait_text(&c, "#my-pin-status", "Code PIN enregistré.").await;
    find(&c, "#my-pin-current").await;

    // A wrong PIN: refused, in French, and the profile stays closed.
    click(&c, "#change-profile").await;
    click(&c, ".profile-item[data-name='Aïcha']").await;
    give_pin(&c, "profile-pin", "1111").await;
    wait_text(&c, "#profile-pin-error", "Code PIN incorrect.").await;
    assert_eq!(count(&c, "#screen-profiles").await, 1);
    assert_eq!(count(&c, "#current-profile").await, 0);
    shot(&c, "95-pin-wrong").await;
    give_pin(&c, "profile-pin", "2468").await;
    wait_text(&c, "#current-profile", "Aïcha").await;
    find(&c, "#screen-packs").await;

    // The desk's PIN on first use; the trainee's PIN reset from the desk.
    click(&c, "#change-profile").await;
    click(&c, "#open-facilitator").await;
    give_pin(&c, "desk-pin-setup", "1357").await;
    wait_text(&c, "#desk-pin-saved", "Code PIN de l'animateur enregistré").await;
    click(&c, "#trainee-pins li .pin-reset").await;
    wait_text(
        &c,
        "#trainee-pins-status",
        "Le code PIN de Aïcha est retiré",
    )
    .await;
    shot(&c, "96-pin-desk").await;

    // Back at the desk: its PIN is asked, a wrong one refused.
    click(&c, "#crumbs button").await;
    click(&c, "#open-facilitator").await;
    give_pin(&c, "desk-pin", "0000").await;
    wait_text(&c, "#desk-pin-error", "Code PIN de l'animateur incorrect.").await;
    assert_eq!(count(&c, "#screen-facilitator").await, 0);
    give_pin(&c, "desk-pin", "1357").await;
    find(&c, "#screen-facilitator").await;
    wait_text(&c, "#trainee-pins", "Aucun profil n'a de code PIN.").await;

    // The trainee's profile opens without a PIN again.
    click(&c, "#crumbs button").await;
    click(&c, ".profile-item[data-name='Aïcha']").await;
    wait_text(&c, "#current-profile", "Aïcha").await;
    c.close().await.expect("close the app");
}

// ---------- room setup ----------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn the_facilitator_prepares_the_room_stick() {
    within_minutes(3, room_stick()).await;
}

/// From the desk, the room's USB stick gets the installed pack (a file that installs),
/// the installers' folder and a « lisez-moi » in French.
async fn room_stick() {
    let data = tempfile::tempdir().expect("temp data dir");
    let files = tempfile::tempdir().expect("temp files dir");
    let stick = files.path().join("cle");
    let dist = files.path().join("dist");
    std::fs::create_dir_all(&stick).expect("stick");
    std::fs::create_dir_all(dist.join("windows")).expect("dist");
    std::fs::write(dist.join("windows/DataJam-Atelier.msi"), b"msi").expect("installer");
    let pack_file = files.path().join("paquet-atelier.datajam");
    let src = files.path().join("src");
    write_small_pack(&src, "paquet-atelier", "Un texte", "Tout va bien.");
    datajam::pack::packfile::build(&src, &pack_file).expect("pack build");
    datajam::pack::packfile::install(&pack_file, data.path()).expect("install the pack");
    let driver = start_driver_with(
        data.path(),
        &[
            ("DATAJAM_TEST_PICK_FOLDER", stick.as_path()),
            ("DATAJAM_TEST_DIST_DIR", dist.as_path()),
        ],
    );
    let c = open_app(&driver).await;
    click(&c, "#open-facilitator").await;
    click(&c, "#open-pack-desk").await;
    click(&c, "#room-prepare").await;
    wait_text(&c, "#room-done", "un paquet").await;
    wait_text(&c, "#room-installers", "1 fichier(s)").await;
    shot(&c, "97-room-stick").await;
    let folder = stick.join("datajam-atelier");
    let copied = folder.join("paquets/paquet-atelier-1.2.0.datajam");
    let laptop = tempfile::tempdir().expect("another laptop");
    let installed = datajam::pack::packfile::install(&copied, laptop.path()).expect("it installs");
    assert_eq!(installed.id, "paquet-atelier");
    assert_eq!(
        std::fs::read(folder.join("installateurs/windows/DataJam-Atelier.msi")).unwrap(),
        b"msi"
    );
    let readme = std::fs::read_to_string(folder.join("LISEZ-MOI.txt")).expect("lisez-moi");
    assert!(readme.contains("« Installer un paquet… »"), "{readme}");
    assert!(readme.contains("paquet-atelier-1.2.0.datajam"), "{readme}");
    c.close().await.expect("close the app");
}

// ---------- Arabic, right to left ----------

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_reads_the_app_in_arabic_right_to_left() {
    within(
        Duration::from_secs(180),
        arabic_walk(),
        "the end-to-end test finishes within 3 minutes",
    )
    .await;
}

/// Evaluates the JavaScript expression `js` (returning a value) in the app's window.
async fn eval(c: &Client, js: &str) -> serde_json::Value {
    c.execute(&format!("return {js}"), vec![])
        .await
        .unwrap_or_else(|e| panic!("{js}: {e}"))
}

/// Chooses the language `code` in « Réglages » and saves; the screen says `saved`.
async fn set_language(c: &Client, code: &str, saved: &str) {
    click(c, "#open-settings").await;
    find(c, "#settings-form").await;
    choose(c, "#settings-lang", code).await;
    click(c, "#settings-save").await;
    wait_text(c, "#settings-saved", saved).await;
}

/// « Réglages » → العربية: the home screen in Arabic from the catalog, the document right
/// to left, the lessons' buttons laid against the right edge; back to French, left to right.
async fn arabic_walk() {
    use datajam::i18n::{catalog::tr, Lang};
    let data = tempfile::tempdir().expect("temp data dir");
    let driver = start_driver(data.path());
    let c = open_app(&driver).await;
    create_profile(&c, "Hawa").await;
    find(&c, "#screen-packs").await;
    assert_eq!(prop(&c, "html", "dir").await.as_deref(), Some("ltr"));
    set_language(&c, "ar", &tr(Lang::Ar, "ui-settings-saved", &[])).await;
    assert_eq!(prop(&c, "html", "lang").await.as_deref(), Some("ar"));
    assert_eq!(prop(&c, "html", "dir").await.as_deref(), Some("rtl"));
    shot(&c, "95-settings-arabic").await;
    click(&c, "#crumbs button").await;
    find(&c, "#screen-packs").await;
    let change = tr(Lang::Ar, "ui-change-profile", &[]);
    wait_text(&c, "#change-profile", &change).await;
    let notebook = text_at(&c, Locator::Css("#notebook-card")).await;
    assert!(
        notebook.contains(&tr(Lang::Ar, "ui-notebook-title", &[])),
        "{notebook}"
    );
    assert_eq!(eval(&c, "document.documentElement.dir").await, json!("rtl"));
    assert_eq!(
        eval(
            &c,
            "getComputedStyle(document.querySelector('#screen-packs')).direction"
        )
        .await,
        json!("rtl")
    );
    // The list's indent (its start) is at its right: the first lesson's button touches the
    // list's left edge, not its right one; the button's title is at its right, and so is
    // the brand in the header.
    let layout = eval(
        &c,
        "(() => {
            const b = document.querySelector('.lesson-open');
            const list = b.closest('ol').getBoundingClientRect();
            const r = b.getBoundingClientRect();
            const title = b.querySelector('.lesson-title').getBoundingClientRect();
            const bar = document.querySelector('.topbar').getBoundingClientRect();
            const brand = document.querySelector('.brand').getBoundingClientRect();
            return {
                left_gap: r.left - list.left,
                right_gap: list.right - r.right,
                title_right: r.right - title.right < r.width / 4,
                brand_right: bar.right - brand.right < bar.width / 4,
            };
        })()",
    )
    .await;
    let gap = |side: &str| layout[side].as_f64().expect("a gap");
    assert!(gap("left_gap").abs() < 2.0, "{layout}");
    assert!(gap("right_gap") > 8.0, "{layout}");
    assert_eq!(layout["title_right"], json!(true), "{layout}");
    assert_eq!(layout["brand_right"], json!(true), "{layout}");
    shot(&c, "95-home-arabic").await;

    // A lesson: its list of steps (the sidebar) stands at the right of the step.
    click(&c, ".lesson-open").await;
    find(&c, "#step-title").await;
    let sides = eval(
        &c,
        "document.querySelector('#screen-lesson aside').getBoundingClientRect().left
            > document.querySelector('#step-pane').getBoundingClientRect().left",
    )
    .await;
    assert_eq!(sides, json!(true), "the steps' list is at the right");
    shot(&c, "96-lesson-arabic").await;

    // Back to French: left to right again.
    set_language(&c, "fr", "Réglages enregistrés.").await;
    assert_eq!(prop(&c, "html", "dir").await.as_deref(), Some("ltr"));
    c.close().await.expect("close the session");
}
