//! The desktop app's configuration keeps the promises made to rooms without internet:
//! the Windows installer carries WebView2's offline installer, the page loads nothing
//! remote (strict CSP), and the UI is served from `ui/` without a dev server.

fn config() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src-tauri/tauri.conf.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_windows_installer_needs_no_internet() {
    let c = config();
    assert_eq!(
        c["bundle"]["windows"]["webviewInstallMode"]["type"],
        "offlineInstaller"
    );
}

#[test]
fn the_page_loads_nothing_remote_and_needs_no_dev_server() {
    let c = config();
    let csp = c["app"]["security"]["csp"].as_str().unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(!csp.contains("http://") || csp.contains("http://ipc.localhost"));
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    assert_eq!(c["build"]["frontendDist"], "../ui");
    assert!(c["build"].get("devUrl").is_none());
}

/// The installers (`cargo xtask dist`, `cargo tauri build`) take their version from
/// `tauri.conf.json`; `datajam --version` and files written take it from the workspace.
#[test]
fn the_installers_carry_the_programs_version() {
    let c = config();
    assert_eq!(c["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(c["productName"], "DataJam Atelier");
}
