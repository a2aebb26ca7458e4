//! The `datajam` command line: the same core as the desktop app, for facilitators' scripts
//! and for tests. It calls only [`Workshop`], one module per group of commands; every
//! sentence it prints comes from the message catalog (`src/i18n/ftl/<lang>/cli.ftl`).
//! Messages go to stderr in the user's language; `--json` output is for machines and
//! keeps its keys stable.

mod analysis;
mod args;
mod charts;
mod output;
mod pack;
mod profile;
mod progress;
mod tables;
mod xlsform;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::Parser;
use datajam::i18n::Lang;
use datajam::{Error, Workshop};

use args::{Cli, Command};

/// What every command needs: the data folder asked for and the language of the messages.
pub struct Ctx {
    pub data_dir: Option<PathBuf>,
    pub lang: Lang,
}

impl Ctx {
    /// The workshop on the data folder asked for (else the environment's).
    pub fn workshop(&self) -> Result<Workshop, Error> {
        Workshop::open_in(self.data_dir.as_deref(), self.lang)
    }
}

/// The language of the help: `--lang` when the command line has it, else `DATAJAM_LANG`,
/// else French. Read before clap parses the arguments, since the help is built then.
fn help_lang() -> Lang {
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(|| lang_of_args(std::env::args_os().skip(1)))
}

fn lang_of_args(mut args: impl Iterator<Item = OsString>) -> Lang {
    while let Some(a) = args.next() {
        let a = a.to_string_lossy().into_owned();
        if a == "--" {
            break;
        } else if a == "--lang" {
            if let Some(tag) = args.next() {
                return Lang::from_tag(&tag.to_string_lossy());
            }
        } else if let Some(tag) = a.strip_prefix("--lang=") {
            return Lang::from_tag(tag);
        }
    }
    Lang::from_env()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cx = Ctx {
        lang: cli
            .lang
            .as_deref()
            .map(Lang::from_tag)
            .unwrap_or_else(Lang::from_env),
        data_dir: cli.data_dir,
    };
    match run(cli.command, &cx) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.message(cx.lang));
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command, cx: &Ctx) -> Result<ExitCode, Error> {
    match command {
        Command::Import(a) => tables::import(cx, a),
        Command::Preview { file, read, json } => tables::preview(cx, &file, read, json),
        Command::Tables { json } => tables::list(cx, json),
        Command::Export(a) => tables::export(cx, a),
        Command::Pack { command } => pack::run(cx, command),
        Command::Profile { command } => profile::run(cx, command),
        Command::Progress { command } => progress::run(cx, command),
        Command::Play(a) => progress::play(cx, a),
        Command::Query(a) => analysis::query(cx, a),
        Command::Sql(a) => analysis::sql(cx, a),
        Command::Indicator(a) => analysis::indicator(cx, a),
        Command::Provinces { command } => analysis::provinces(cx, command),
        Command::Chart(a) => charts::chart(cx, *a),
        Command::ChartAdvice {
            table,
            question,
            json,
        } => charts::advice(cx, &table, &question, json),
        Command::Xlsform { file, json } => xlsform::run(cx, &file, json),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_language_comes_from_the_lang_option() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>().into_iter();
        assert_eq!(lang_of_args(args(&["--lang", "en", "--help"])), Lang::En);
        assert_eq!(lang_of_args(args(&["pack", "--lang=en-GB"])), Lang::En);
        assert_eq!(lang_of_args(args(&["--lang", "fr", "sql"])), Lang::Fr);
        assert_eq!(
            lang_of_args(args(&["sql", "--", "--lang", "en"])),
            Lang::from_env()
        );
    }
}
