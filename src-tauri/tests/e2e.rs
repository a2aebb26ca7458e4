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
    let port = free_port();
    let native = free_port();
    let child = Command::new(tauri_driver())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("DATAJAM_DATA_DIR", data_dir)
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

async fn open_app(driver: &Driver) -> Client {
    let app = PathBuf::from(env!("CARGO_BIN_EXE_datajam-desktop"));
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
        let text = match c.find(Locator::Css(css)).await {
            Ok(el) => el.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        // French number formatting separates thousands with (narrow) no-break spaces.
        let text = text.replace(['\u{202f}', '\u{a0}'], " ");
        if text.contains(&expected.replace(['\u{202f}', '\u{a0}'], " ")) {
            return text;
        }
        if start.elapsed() > TIMEOUT {
            let banner = match c.find(Locator::Id("error")).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            panic!("{css}: expected «{expected}», found «{text}» (error banner: «{banner}»)");
        }
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
    let el = find(c, css).await;
    // Into the middle of the window: the sticky top bar would take the click at the top.
    let _ = c
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![serde_json::to_value(&el).expect("element as JSON")],
        )
        .await;
    el.click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
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

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_collects_analyses_visualises_and_resumes() {
    // A hung WebDriver must fail the test, not stall CI.
    tokio::time::timeout(Duration::from_secs(300), slice())
        .await
        .expect("the end-to-end test finishes within 5 minutes");
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

    type_into(&c, "#profile-name", "Aïcha").await;
    click(&c, "#profile-create").await;
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
    click(&c, "#submit-answer").await;
    wait_text(&c, "#feedback.ko", "Presque").await;
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
    click(&c, "#submit-answer").await;
    wait_text(&c, "#feedback.ok", "Bonne réponse !").await;
    wait_text(&c, "#feedback", "951 418").await;
    shot(&c, "07-question-juste").await;

    click(&c, "#next-step").await;
    wait_text(&c, "#step-title", "quand les sources ne sont pas d'accord").await;
    type_into(&c, "#answer-input", "387 461").await;
    click(&c, "#submit-answer").await;
    wait_text(
        &c,
        "#feedback.ko",
        "C'est la population du Sila selon la source A",
    )
    .await;
    type_into(&c, "#answer-input", "97 685").await;
    click(&c, "#submit-answer").await;
    wait_text(&c, "#feedback.ok", "Bonne réponse !").await;

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
    tokio::time::timeout(Duration::from_secs(300), import_export())
        .await
        .expect("the end-to-end test finishes within 5 minutes");
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
    type_into(&c, "#profile-name", "Brahim").await;
    click(&c, "#profile-create").await;

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
    click(&c, ".step-link[data-step='plus-peuplee']").await;
    wait_text(&c, "#step-title", "la province la plus peuplée").await;
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
    click(&c, ".step-link[data-step='moins-peuplees']").await;
    wait_text(&c, "#step-title", "les provinces les moins peuplées").await;
    for v in ["TD-BO", "TD-EE", "TD-EO", "TD-TI"] {
        click(&c, &format!("input[name='answer'][value='{v}']")).await;
    }
    click(&c, "#submit-answer").await;
    wait_text(&c, "#feedback.ko", "Ennedi-Est compte 107 302 habitants").await;
    click(&c, "input[name='answer'][value='TD-EE']").await;
    click(&c, "#submit-answer").await;
    wait_text(&c, "#feedback.ok", "Bonne réponse !").await;
    shot(&c, "14-choix-multiple").await;

    // A data task is checked on the result table; an anticipated mistake gets its message.
    click(&c, ".step-link[data-step='tableau-moins-peuplees']").await;
    wait_text(&c, "#step-title", "les 5 provinces les moins peuplées").await;
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
    click(&c, ".step-link[data-step='tracer-graphique']").await;
    wait_text(&c, "#step-title", "Tracer un graphique").await;
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
        find(&c, ".sort-column")
            .await
            .prop("value")
            .await
            .expect("sort column")
            .as_deref(),
        Some("population_2009_a")
    );
    assert_eq!(
        find(&c, ".limit-n")
            .await
            .prop("value")
            .await
            .expect("limit")
            .as_deref(),
        Some("5")
    );

    // A reflection: too short is refused with the reason, then saved.
    click(&c, ".step-link[data-step='reflexion']").await;
    wait_text(&c, "#step-title", "Et vous ?").await;
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
        find(&c, &ty("ecoles"))
            .await
            .prop("value")
            .await
            .expect("type")
            .as_deref(),
        Some("integer")
    );
    assert_eq!(
        find(&c, &ty("taux_de_reussite"))
            .await
            .prop("value")
            .await
            .expect("type")
            .as_deref(),
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
        let tables = datajam::tables::list_tables(store.conn()).expect("tables");
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
    let start = Instant::now();
    while !csv_out.exists() {
        assert!(start.elapsed() < TIMEOUT, "no export written");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let exported = std::fs::read(&csv_out).expect("read export");
    assert!(exported.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let exported = String::from_utf8_lossy(&exported);
    assert!(exported.contains("Guéra;120;45,5"), "{exported}");
    click(&c, "#tables tr[data-table='ecoles'] .export-xlsx").await;
    let xlsx = out.join("ecoles.xlsx");
    let start = Instant::now();
    while !xlsx.exists() {
        assert!(start.elapsed() < TIMEOUT, "no workbook written");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
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
    datajam::packfile::build(src, out).expect("pack build");
}

async fn select(c: &Client, css: &str, value: &str) {
    find(c, css)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver: run it with `cargo xtask e2e`"]
async fn a_trainee_analyses_and_charts_an_inequality() {
    tokio::time::timeout(Duration::from_secs(300), analyse())
        .await
        .expect("the end-to-end test finishes within 5 minutes");
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
    type_into(&c, "#profile-name", "Achta").await;
    click(&c, "#profile-create").await;
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
        find(&c, ".agg-as")
            .await
            .prop("value")
            .await
            .expect("name")
            .as_deref(),
        Some("moyenne_revenu")
    );
    click(&c, "#pipeline-run").await;
    wait_text(&c, "#pipeline-count", "2 ligne(s) dans le résultat.").await;
    wait_text(&c, "#pipeline-grid", "66 000").await;
    let sql = find(&c, "#pipeline-sql pre")
        .await
        .prop("textContent")
        .await
        .expect("sql")
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
