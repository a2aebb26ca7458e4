//! Project automation, in Rust so that it runs wherever cargo does.
//!
//! - `cargo xtask app`  — installs what the desktop app needs to build (on Debian/Ubuntu:
//!   the WebKitGTK development packages), then opens the app on the built-in pack.
//! - `cargo xtask test` — installs what the tests need (the packages above, Xvfb,
//!   WebKitWebDriver, tauri-driver), then runs formatting and lint checks, every unit and
//!   integration test, and the end-to-end test of the real app under Xvfb.
//! - `cargo xtask e2e [NAME]`  — only the end-to-end test (after the same installs); with
//!   NAME, only its tests whose name contains NAME.
//! - `cargo xtask dist` — builds the release app and its packages into `dist/` (a `.deb`,
//!   a portable folder, `SHA256SUMS`; see `dist.rs`).
//! - `cargo xtask deb` — `dist`, then installs the `.deb` on this machine, opens the installed
//!   app under Xvfb through the end-to-end harness, and removes the package (part of `test`).
//! - `cargo xtask modeles` — writes the facilitators' templates in `sample-data/modeles/`
//!   (see `modeles.rs`; reproducible: the same bytes each time).
//!
//! `.ci/run` calls `cargo xtask test`, so CI proves the README on a clean checkout.

use std::env;
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

mod dist;
mod modeles;

/// Debian/Ubuntu packages needed to build and run the desktop app (Tauri v2 on Linux).
const APP_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
];

/// Extra packages for the end-to-end test: a virtual screen, the WebDriver for WebKitGTK,
/// and a session bus.
const TEST_PACKAGES: &[&str] = &["xvfb", "webkit2gtk-driver", "dbus", "dbus-daemon"];

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((t, rest)) => (t.as_str(), rest.to_vec()),
        None => ("help", Vec::new()),
    };
    let result = match task {
        "app" => app(&rest),
        "test" => test(&rest),
        "e2e" => install_test_deps().and_then(|()| e2e(rest.first().map(String::as_str), &[])),
        "dist" => install_packages(APP_PACKAGES).and_then(|()| dist::dist().map(|_| ())),
        "deb" => install_test_deps().and_then(|()| deb()),
        "deps" => install_test_deps(),
        "modeles" => write_templates(),
        _ => {
            eprintln!(
                "usage: cargo xtask <task>\n\n  app    install what is missing, then open DataJam Atelier\n  test   install what is missing, then run every check and test (e2e included)\n         --no-e2e skips the end-to-end test\n  e2e    the end-to-end test only (e2e NAME: the tests whose name contains NAME)\n  dist   build the release app and its packages into dist/ (.deb, portable folder)\n  deb    dist, then install the .deb, open the installed app under Xvfb, remove it\n  deps   only install what the tests need\n  modeles  write the templates of sample-data/modeles/"
            );
            return if task == "help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, String>;

/// Writes the facilitators' templates (`sample-data/modeles/`) from `modeles.rs`.
fn write_templates() -> Result {
    let root = dist::workspace_root()?;
    let bytes = modeles::questions_template(modeles::DATASET).map_err(|e| e.to_string())?;
    let path = root.join(modeles::QUESTIONS_TEMPLATE);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}

fn app(extra: &[String]) -> Result {
    install_packages(APP_PACKAGES)?;
    let mut cmd = cargo();
    cmd.args(["run", "-p", "datajam-desktop", "--"]).args(extra);
    run(&mut cmd)
}

fn test(args: &[String]) -> Result {
    let skip_e2e = args.iter().any(|a| a == "--no-e2e");
    install_test_deps()?;
    let started = Instant::now();
    step(
        "cargo fmt --all --check",
        cargo().args(["fmt", "--all", "--check"]),
    )?;
    step(
        "cargo clippy --workspace --all-targets -- -D warnings",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    eprintln!("\n==> the core depends on no GUI crate (cargo tree -p datajam)");
    core_has_no_gui()?;
    step(
        "cargo test --workspace (unit and integration tests)",
        cargo().args(["test", "--workspace"]),
    )?;
    if skip_e2e {
        eprintln!("xtask: end-to-end test skipped (--no-e2e)");
    } else if !cfg!(target_os = "linux") {
        eprintln!("xtask: end-to-end test skipped: it runs on Linux only for now (see README)");
    } else {
        e2e(None, &[])?;
        deb()?;
    }
    eprintln!("xtask: all checks passed in {:.0?}", started.elapsed());
    Ok(())
}

/// The core crate must build and test without Tauri, wry, WebKit or GTK.
fn core_has_no_gui() -> Result {
    let out = cargo()
        .args([
            "tree",
            "-p",
            "datajam",
            "-e",
            "normal,build",
            "--prefix",
            "none",
        ])
        .output()
        .map_err(|e| format!("cannot run cargo tree: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo tree failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let tree = String::from_utf8_lossy(&out.stdout);
    let gui: Vec<&str> = tree
        .lines()
        .filter(|l| {
            let name = l.split_whitespace().next().unwrap_or("");
            ["tauri", "wry", "webkit2gtk", "gtk", "tao"]
                .iter()
                .any(|g| name == *g || name.starts_with(&format!("{g}-")))
        })
        .collect();
    if gui.is_empty() {
        eprintln!(
            "<== ok: {} crates, none of them a GUI crate",
            tree.lines().count()
        );
        Ok(())
    } else {
        Err(format!(
            "the core crate depends on GUI crates: {}",
            gui.join(", ")
        ))
    }
}

fn install_test_deps() -> Result {
    let mut all: Vec<&str> = APP_PACKAGES.to_vec();
    all.extend_from_slice(TEST_PACKAGES);
    install_packages(&all)?;
    ensure_tauri_driver()
}

/// The end-to-end test: the real app, driven through tauri-driver and WebKitWebDriver,
/// in a virtual 1366×768 screen and its own session bus. `filter`: only the tests whose
/// name contains it.
fn e2e(filter: Option<&str>, env: &[(&str, &str)]) -> Result {
    if !cfg!(target_os = "linux") {
        return Err(
            "the end-to-end test runs on Linux (tauri-driver with WebKitWebDriver); on Windows it needs msedgedriver and is not automated yet, on macOS tauri-driver has no WebDriver"
                .into(),
        );
    }
    // Build first, outside the virtual screen, so the build's output is not mixed in.
    step(
        "build the desktop app and its end-to-end test",
        cargo().args(["test", "-p", "datajam-desktop", "--test", "e2e", "--no-run"]),
    )?;
    let display = free_display();
    let mut xvfb = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "1366x768x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start Xvfb: {e}"))?;
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{}", &display[1..]));
    let ready = wait_for(Duration::from_secs(10), || socket.exists());
    let result = if !ready {
        Err("Xvfb did not start".to_string())
    } else {
        let mut cmd = Command::new("dbus-run-session");
        cmd.arg("--")
            .arg(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "test",
                "-p",
                "datajam-desktop",
                "--test",
                "e2e",
                "--",
                "--ignored",
                "--test-threads=1",
                "--nocapture",
            ])
            .args(filter)
            // The tests of what `dist` builds run only from `deb` (the package installed).
            .args(filter.map_or(&["--skip", "dist_"][..], |_| &[]))
            .envs(env.iter().copied())
            .env("DISPLAY", &display)
            .env("NO_AT_BRIDGE", "1");
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        eprintln!("\n==> end-to-end test of the desktop app (Xvfb, tauri-driver, WebKitWebDriver)");
        run_with_limit(&mut cmd, Duration::from_secs(15 * 60))
    };
    stop(&mut xvfb);
    result
}

/// `dist`, then the `.deb` installed on this machine, its app opened under Xvfb by the
/// end-to-end test `dist_installed_app_opens_on_the_built_in_pack`, the portable copy run
/// from a temporary "stick" (`dist_portable_app_keeps_its_data_beside_itself`), and the
/// package removed again (also when a test fails).
fn deb() -> Result {
    let built = dist::dist()?;
    eprintln!("\n==> install {}", built.deb.display());
    run(as_root("dpkg").arg("-i").arg(&built.deb))?;
    let portable = built.portable.to_string_lossy().to_string();
    let tested = installed_cli_version().and_then(|()| {
        e2e(
            Some("dist_"),
            &[
                ("DATAJAM_E2E_APP", dist::INSTALLED_APP),
                ("DATAJAM_E2E_PORTABLE", portable.as_str()),
            ],
        )
    });
    eprintln!("\n==> remove {}", dist::PACKAGE);
    let removed = run(as_root("dpkg").args(["-r", dist::PACKAGE])).and_then(|()| {
        if PathBuf::from(dist::INSTALLED_APP).exists() {
            Err(format!(
                "{} is still there after dpkg -r",
                dist::INSTALLED_APP
            ))
        } else {
            Ok(())
        }
    });
    tested.and(removed)?;
    eprintln!(
        "<== the .deb installs, its app opens, and it is removed (portable copy in {})",
        built.portable.display()
    );
    Ok(())
}

/// The installed command line states the version this checkout builds.
fn installed_cli_version() -> Result {
    let out = Command::new("/usr/bin/datajam")
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run the installed /usr/bin/datajam: {e}"))?;
    let said = String::from_utf8_lossy(&out.stdout);
    if out.status.success() && said.contains(env!("CARGO_PKG_VERSION")) {
        eprintln!("<== /usr/bin/datajam --version: {}", said.trim());
        Ok(())
    } else {
        Err(format!("/usr/bin/datajam --version said {said:?}"))
    }
}

/// `program`, through sudo when not root.
fn as_root(program: &str) -> Command {
    if is_root() {
        Command::new(program)
    } else {
        let mut c = Command::new("sudo");
        c.arg(program);
        c
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn free_display() -> String {
    (90..200)
        .map(|n| format!(":{n}"))
        .find(|d| {
            !PathBuf::from(format!("/tmp/.X11-unix/X{}", &d[1..])).exists()
                && !PathBuf::from(format!("/tmp/.X{}-lock", &d[1..])).exists()
        })
        .unwrap_or_else(|| ":99".into())
}

fn wait_for(limit: Duration, mut ok: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    ok()
}

fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn cargo() -> Command {
    Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn step(title: &str, cmd: &mut Command) -> Result {
    eprintln!("\n==> {title}");
    let started = Instant::now();
    run(cmd)?;
    eprintln!("<== {title}: ok in {:.1?}", started.elapsed());
    Ok(())
}

fn run(cmd: &mut Command) -> Result {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed ({status})", cmd.get_program()))
    }
}

/// Runs a command in its own process group and ends the whole group if it outlives `limit`.
fn run_with_limit(cmd: &mut Command, limit: Duration) -> Result {
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {:?}: {e}", cmd.get_program()))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            return if status.success() {
                eprintln!("<== ok in {:.1?}", started.elapsed());
                Ok(())
            } else {
                Err(format!("{:?} failed ({status})", cmd.get_program()))
            };
        }
        if started.elapsed() > limit {
            #[cfg(unix)]
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .stderr(Stdio::null())
                .status();
            stop(&mut child);
            return Err(format!(
                "{:?} took longer than {limit:?} and was stopped",
                cmd.get_program()
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Installs the missing Debian/Ubuntu packages with apt-get (through sudo when not root).
/// Elsewhere, says what to install and carries on.
fn install_packages(packages: &[&str]) -> Result {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    if !succeeds("dpkg-query", &["--version"]) {
        eprintln!(
            "xtask: not a Debian/Ubuntu system; make sure the equivalents of these are installed: {}",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| {
            Command::new("dpkg-query")
                .args(["-W", "-f=${Status}", p])
                .output()
                .map(|o| !String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
                .unwrap_or(true)
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing {}", missing.join(" "));
    let apt = |args: &[&str]| -> Command {
        let mut c = as_root("apt-get");
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q", "--no-install-recommends"]);
    install.args(&missing);
    run(&mut install)
}

/// Installs tauri-driver (the WebDriver bridge for Tauri apps) when it is not on PATH.
fn ensure_tauri_driver() -> Result {
    if succeeds("tauri-driver", &["--help"]) {
        return Ok(());
    }
    eprintln!("xtask: installing tauri-driver");
    run(cargo().args(["install", "tauri-driver", "--locked", "--version", "^2"]))
}
