//! `cargo xtask dist`: what goes on the room's USB stick, built into `dist/`.
//!
//! - the release app, built as the Tauri CLI builds it (`--release`, feature
//!   `tauri/custom-protocol`: the UI is embedded and served from the app, no dev server);
//! - `datajam-atelier_<version>_<arch>.deb` for Debian/Ubuntu: the app as
//!   `/usr/bin/datajam-atelier`, the facilitator's command line as `/usr/bin/datajam`, a menu
//!   entry and its icons;
//! - `datajam-atelier-portable-linux-<arch>/`: the same two programs with `portable.txt`
//!   beside them, so the folder runs from a USB stick and keeps its data in `datajam-data/`
//!   next to them;
//! - `SHA256SUMS` of every file above.
//!
//! The `.deb` is written with `dpkg-deb`, which every machine able to install one has: the
//! Tauri bundler would write the same files, but as a crate it adds about 290 crates to build
//! that nothing else here needs (and it does not read `tauri.conf.json` itself: the Tauri CLI
//! does), and the Tauri CLI takes many minutes to install on a fresh machine.
//!
//! No AppImage: Tauri's AppImage bundler downloads `linuxdeploy` and its GTK plugin while it
//! bundles, so it cannot be built offline.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cargo, run, step, Result};

/// The Debian package's name, and the installed program's.
pub const PACKAGE: &str = "datajam-atelier";
/// Where the installed app lands.
pub const INSTALLED_APP: &str = "/usr/bin/datajam-atelier";
/// What the app needs at run time on Debian/Ubuntu (Tauri v2 on Linux: WebKitGTK 4.1, GTK 3).
const DEPENDS: &str = "libwebkit2gtk-4.1-0, libgtk-3-0";
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What `dist` wrote.
pub struct Built {
    pub deb: PathBuf,
    pub portable: PathBuf,
}

/// The workspace's root folder.
pub fn workspace_root() -> Result<PathBuf> {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .ok_or_else(|| "no workspace folder".to_string())
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"))
}

/// Builds the release programs and writes the packages into `<root>/dist/`.
pub fn dist() -> Result<Built> {
    if !cfg!(target_os = "linux") {
        return Err("`cargo xtask dist` builds the Linux packages; on Windows, build the installer as README says (`cargo tauri build --bundles nsis`)".into());
    }
    let root = workspace_root()?;
    // One build for both programs, so the core is compiled once with one set of features.
    step(
        "build the release app (UI embedded: tauri/custom-protocol) and command line",
        cargo().current_dir(&root).args([
            "build",
            "--release",
            "-p",
            "datajam-desktop",
            "-p",
            "datajam",
            "--features",
            "datajam-desktop/custom-protocol",
        ]),
    )?;
    let release = target_dir(&root).join("release");
    let app = release.join("datajam-desktop");
    let cli = release.join("datajam");
    let arch = output("dpkg", &["--print-architecture"]).unwrap_or_else(|_| "amd64".into());

    let dist = root.join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    }
    fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;

    let deb = dist.join(format!("{PACKAGE}_{VERSION}_{arch}.deb"));
    eprintln!("\n==> {}", deb.display());
    write_deb(&root, &app, &cli, &arch, &deb)?;

    let portable = dist.join(format!("{PACKAGE}-portable-linux-{arch}"));
    eprintln!("==> {}", portable.display());
    write_portable(&app, &cli, &portable)?;

    write_sums(&dist)?;
    eprintln!("\n<== dist/:");
    for (path, bytes) in files_under(&dist)? {
        let shown = path.strip_prefix(&dist).unwrap_or(&path);
        eprintln!("    {:>8.1} MB  {}", bytes as f64 / 1e6, shown.display());
    }
    Ok(Built { deb, portable })
}

fn write_deb(root: &Path, app: &Path, cli: &Path, arch: &str, deb: &Path) -> Result {
    let stage = deb.with_extension("staging");
    let _ = fs::remove_dir_all(&stage);
    let bin = stage.join("usr/bin");
    program(app, &bin.join(PACKAGE))?;
    program(cli, &bin.join("datajam"))?;
    let icons = root.join("src-tauri/icons");
    for (file, size) in [
        ("32x32.png", "32x32"),
        ("128x128.png", "128x128"),
        ("128x128@2x.png", "256x256"),
        ("icon.png", "512x512"),
    ] {
        let to = stage.join(format!("usr/share/icons/hicolor/{size}/apps/{PACKAGE}.png"));
        copy(&icons.join(file), &to, 0o644)?;
    }
    write(
        &stage.join(format!("usr/share/applications/{PACKAGE}.desktop")),
        &desktop_entry(),
        0o644,
    )?;
    write(
        &stage.join(format!("usr/share/doc/{PACKAGE}/copyright")),
        COPYRIGHT,
        0o644,
    )?;
    let installed_kib = files_under(&stage)?.iter().map(|(_, b)| b).sum::<u64>() / 1024;
    write(
        &stage.join("DEBIAN/control"),
        &control(arch, installed_kib),
        0o644,
    )?;
    set_dir_modes(&stage)?;
    run(Command::new("dpkg-deb")
        .args(["--root-owner-group", "-Zxz", "--build"])
        .arg(&stage)
        .arg(deb))?;
    fs::remove_dir_all(&stage).map_err(|e| format!("{}: {e}", stage.display()))
}

fn write_portable(app: &Path, cli: &Path, folder: &Path) -> Result {
    program(app, &folder.join(PACKAGE))?;
    program(cli, &folder.join("datajam"))?;
    write(&folder.join("portable.txt"), PORTABLE_NOTE, 0o644)
}

/// `SHA256SUMS` in the format `sha256sum -c` checks, for every file under `dist`.
fn write_sums(dist: &Path) -> Result {
    let mut sums = String::new();
    for (path, _) in files_under(dist)? {
        let rel = path.strip_prefix(dist).unwrap_or(&path);
        let line = output("sha256sum", &[&path.to_string_lossy()])?;
        let hash = line.split_whitespace().next().unwrap_or_default();
        sums.push_str(&format!("{hash}  {}\n", rel.display()));
    }
    write(&dist.join("SHA256SUMS"), &sums, 0o644)
}

fn control(arch: &str, installed_kib: u64) -> String {
    format!(
        "Package: {PACKAGE}\n\
         Version: {VERSION}\n\
         Architecture: {arch}\n\
         Maintainer: DataJam Atelier <atelier@datajam.invalid>\n\
         Installed-Size: {installed_kib}\n\
         Depends: {DEPENDS}\n\
         Section: education\n\
         Priority: optional\n\
         Description: Atelier hors ligne de données ouvertes\n \
         DataJam Atelier guide des stagiaires, sans internet, de la collecte à l'analyse\n \
         et aux graphiques, sur des données réelles du Tchad. Comprend la commande\n \
         « datajam » de l'animateur.\n"
    )
}

fn desktop_entry() -> String {
    format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=DataJam Atelier\n\
         GenericName=Atelier de données ouvertes\n\
         Comment=Atelier hors ligne de données ouvertes\n\
         Exec={PACKAGE}\n\
         Icon={PACKAGE}\n\
         Terminal=false\n\
         Categories=Education;\n"
    )
}

const COPYRIGHT: &str = "DataJam Atelier\n\
Licence: MIT OR Apache-2.0.\n\
The built-in lesson pack's datasets carry their own sources and licences, listed in the\n\
pack (« Sources des données ») and in sample-data/README.md of the source code.\n";

const PORTABLE_NOTE: &str = "Copie portable de DataJam Atelier.\n\
\n\
Ce fichier rend la copie portable : tant qu'il est à côté du programme, les profils,\n\
les tableaux et la progression sont gardés dans le dossier « datajam-data » à côté de lui\n\
(sur la clé USB), et rien n'est écrit dans le dossier personnel de l'ordinateur.\n\
Lancer « datajam-atelier ». Il faut WebKitGTK 4.1 (paquet libwebkit2gtk-4.1-0),\n\
présent sur Ubuntu et Debian avec un bureau.\n";

/// A program copied without its symbols (less to carry on a USB stick; the build in
/// `target/release` keeps them for profilers).
fn program(from: &Path, to: &Path) -> Result {
    copy(from, to, 0o755)?;
    run(Command::new("strip").arg("--strip-unneeded").arg(to))
}

fn copy(from: &Path, to: &Path, mode: u32) -> Result {
    if let Some(dir) = to.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::copy(from, to).map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))?;
    set_mode(to, mode)
}

fn write(to: &Path, text: &str, mode: u32) -> Result {
    if let Some(dir) = to.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(to, text).map_err(|e| format!("{}: {e}", to.display()))?;
    set_mode(to, mode)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> Result {
    Ok(())
}

/// Folders 0755 whatever the umask, as dpkg expects.
fn set_dir_modes(dir: &Path) -> Result {
    set_mode(dir, 0o755)?;
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            set_dir_modes(&path)?;
        }
    }
    Ok(())
}

/// Every file under `dir`, with its size, in a stable order.
fn files_under(dir: &Path) -> Result<Vec<(PathBuf, u64)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            let meta = entry.metadata().map_err(|e| e.to_string())?;
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                out.push((entry.path(), meta.len()));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn output(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}
