//! Running the `datajam` binary as a facilitator's script would, for the CLI tests
//! (included with `#[path = "support/cli.rs"] mod cli;`).

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `datajam ARGS` on the data directory `data_dir`, in the default language.
pub fn datajam(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_datajam"))
        .args(args)
        .env("DATAJAM_DATA_DIR", data_dir)
        .env_remove("DATAJAM_LANG")
        .output()
        .expect("run datajam")
}

/// Output bytes as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
