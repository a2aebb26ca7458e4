//! A portable copy: the program in a folder (a USB stick) with `portable.txt` beside it
//! keeps its data next to itself, not in the laptop's user folder; without the marker it
//! uses the user folder; `DATAJAM_DATA_DIR` wins over both.

use std::path::Path;
use std::process::Command;

/// Runs a copy of the `datajam` program placed in `folder`, with `home` as the user's home.
fn run_copy(folder: &Path, home: &Path, data_dir: Option<&Path>) -> std::process::Output {
    let exe = folder.join(if cfg!(windows) {
        "datajam.exe"
    } else {
        "datajam"
    });
    if !exe.exists() {
        std::fs::copy(env!("CARGO_BIN_EXE_datajam"), &exe).expect("copy the program");
    }
    let mut cmd = Command::new(&exe);
    cmd.args(["profile", "list"])
        .env_remove("DATAJAM_DATA_DIR")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home)
        .env("APPDATA", home);
    if let Some(d) = data_dir {
        cmd.env("DATAJAM_DATA_DIR", d);
    }
    // The other test may fork while this one's copy is still open for writing: the child
    // holds the file until it execs, and running it meanwhile fails with "Text file busy".
    for _ in 0..100 {
        match cmd.output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other.expect("run the copied program"),
        }
    }
    cmd.output().expect("run the copied program")
}

fn database_in(dir: &Path) -> bool {
    dir.join("datajam.sqlite3").is_file()
}

#[test]
fn a_portable_copy_keeps_its_data_beside_itself() {
    let stick = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        stick.path().join("portable.txt"),
        b"DataJam Atelier portable\n",
    )
    .unwrap();
    let out = run_copy(stick.path(), home.path(), None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(database_in(&stick.path().join("datajam-data")));
    // Nothing in the laptop's user folder.
    let mut left: Vec<_> = walk(home.path());
    left.retain(|p| p.ends_with("datajam.sqlite3"));
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn without_the_marker_the_data_goes_to_the_user_folder_and_the_variable_wins() {
    let folder = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let out = run_copy(folder.path(), home.path(), None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!folder.path().join("datajam-data").exists());
    assert_eq!(
        walk(home.path())
            .iter()
            .filter(|p| p.ends_with("datajam.sqlite3"))
            .count(),
        1
    );

    // DATAJAM_DATA_DIR wins over a marker.
    std::fs::write(folder.path().join("portable.txt"), b"").unwrap();
    let chosen = tempfile::tempdir().unwrap();
    let out = run_copy(folder.path(), home.path(), Some(chosen.path()));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(database_in(chosen.path()));
    assert!(!folder.path().join("datajam-data").exists());
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
