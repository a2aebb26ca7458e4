//! The command line's commands and options. Every help text and placeholder is a key of
//! the message catalog (`cli.ftl`), shown in the language of the command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// A help text or placeholder from the catalog.
fn t(key: &str) -> String {
    datajam::tr!(crate::help_lang(), key)
}

/// The help of a `--json` option: the keys of its output.
fn json_keys(keys: &str) -> String {
    datajam::tr!(crate::help_lang(), "cli-arg-json-keys", keys = keys)
}

#[derive(Parser)]
#[command(name = "datajam", version, about = t("cli-about"), long_about = None)]
pub struct Cli {
    #[arg(long, global = true, value_name = t("cli-value-folder"), help = t("cli-arg-data-dir"))]
    pub data_dir: Option<PathBuf>,
    #[arg(long, global = true, value_name = t("cli-value-lang"), help = t("cli-arg-lang"))]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    #[command(about = t("cli-cmd-import"))]
    Import(ImportArgs),
    #[command(about = t("cli-cmd-preview"))]
    Preview {
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        #[arg(long)]
        json: bool,
    },
    #[command(about = t("cli-cmd-tables"))]
    Tables {
        #[arg(long)]
        json: bool,
    },
    #[command(about = t("cli-cmd-export"))]
    Export(ExportArgs),
    #[command(about = t("cli-cmd-pack"))]
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    #[command(about = t("cli-cmd-profile"))]
    Profile {
        #[command(subcommand)]
        command: ProfileCommand,
    },
    #[command(about = t("cli-cmd-progress"))]
    Progress {
        #[command(subcommand)]
        command: ProgressCommand,
    },
    #[command(about = t("cli-cmd-play"))]
    Play(PlayArgs),
    #[command(about = t("cli-cmd-query"))]
    Query(QueryArgs),
    #[command(about = t("cli-cmd-sql"))]
    Sql(SqlArgs),
    #[command(about = t("cli-cmd-indicator"))]
    Indicator(IndicatorArgs),
    #[command(about = t("cli-cmd-provinces"))]
    Provinces {
        #[command(subcommand)]
        command: ProvincesCommand,
    },
    #[command(about = t("cli-cmd-chart"))]
    Chart(Box<ChartArgs>),
    #[command(about = t("cli-cmd-chart-advice"))]
    ChartAdvice {
        table: String,
        #[arg(long, value_name = "QUESTION", help = t("cli-arg-question"))]
        question: String,
        #[arg(long)]
        json: bool,
    },
    #[command(about = t("cli-cmd-xlsform"))]
    Xlsform {
        #[arg(value_name = t("cli-value-xlsx"))]
        file: PathBuf,
        #[arg(long, help = json_keys("{ok, form, warnings, problems}"))]
        json: bool,
    },
}

/// How to read a file: shared by `import` and `preview`.
#[derive(Args)]
pub struct ReadArgs {
    #[arg(long, help = t("cli-arg-sheet"))]
    pub sheet: Option<String>,
    #[arg(long, value_name = "N", help = t("cli-arg-header-row"))]
    pub header_row: Option<usize>,
    #[arg(long = "type", value_name = t("cli-value-column-type"), help = t("cli-arg-type"))]
    pub types: Vec<String>,
    #[arg(long = "missing", value_name = t("cli-value-value"), help = t("cli-arg-missing"))]
    pub missing: Vec<String>,
}

#[derive(Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    #[command(flatten)]
    pub read: ReadArgs,
    #[arg(long, help = t("cli-arg-import-table"))]
    pub table: Option<String>,
    #[arg(long, help = t("cli-arg-replace"))]
    pub replace: bool,
    #[arg(long, help = json_keys("{table, rows, columns, warnings}"))]
    pub json: bool,
}

#[derive(Args)]
pub struct ExportArgs {
    pub table: String,
    #[arg(short = 'o', long = "output", value_name = t("cli-value-csv-xlsx"))]
    pub output: PathBuf,
    #[arg(long, help = t("cli-arg-french"))]
    pub french: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum PackCommand {
    #[command(about = t("cli-cmd-pack-check"))]
    Check {
        #[arg(value_name = t("cli-value-pack"))]
        dir: PathBuf,
        #[arg(long)]
        json: bool,
        #[arg(long, value_name = t("cli-value-pack"), help = t("cli-arg-previous"))]
        previous: Option<PathBuf>,
    },
    #[command(about = t("cli-cmd-pack-build"))]
    Build {
        dir: PathBuf,
        #[arg(short = 'o', long = "output", value_name = t("cli-value-pack-file"))]
        output: PathBuf,
        #[arg(long)]
        json: bool,
    },
    #[command(about = t("cli-cmd-pack-install"))]
    Install {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    #[command(about = t("cli-cmd-pack-list"))]
    List {
        #[arg(long)]
        json: bool,
    },
    #[command(about = t("cli-cmd-pack-guide"))]
    Guide {
        #[arg(default_value = "builtin", help = t("cli-arg-pack"))]
        pack: String,
    },
    #[command(about = t("cli-cmd-pack-datasets"))]
    Datasets {
        #[arg(default_value = "builtin", help = t("cli-arg-pack"))]
        pack: String,
        #[arg(long, help = t("cli-arg-datasets-json"))]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ProfileCommand {
    #[command(about = t("cli-cmd-profile-list"))]
    List {
        #[arg(long)]
        json: bool,
    },
    #[command(about = t("cli-cmd-profile-create"))]
    Create { name: String },
}

#[derive(Subcommand)]
pub enum ProgressCommand {
    #[command(about = t("cli-cmd-progress-export"))]
    Export {
        #[arg(long, value_name = t("cli-value-name"))]
        trainee: String,
        #[arg(short = 'o', long = "output", value_name = t("cli-value-file"))]
        output: PathBuf,
        #[arg(long, help = json_keys("{events, trainee, file}"))]
        json: bool,
    },
    #[command(about = t("cli-cmd-progress-merge"))]
    Merge {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(short = 'o', long = "output", value_name = t("cli-value-class-csv"))]
        output: PathBuf,
        #[arg(long, value_name = t("cli-value-reflections-csv"), help = t("cli-arg-reflections"))]
        reflections: Option<PathBuf>,
        #[arg(long, help = t("cli-arg-merge-json"))]
        json: bool,
    },
}

#[derive(Args)]
pub struct PlayArgs {
    #[arg(help = t("cli-arg-play-pack"))]
    pub pack: String,
    #[arg(long, value_name = t("cli-value-name"))]
    pub trainee: String,
    #[arg(
        long,
        value_name = t("cli-value-jsonl"),
        conflicts_with = "reference",
        required_unless_present = "reference"
    )]
    pub answers: Option<PathBuf>,
    #[arg(long, help = t("cli-arg-reference"))]
    pub reference: bool,
}

#[derive(Args)]
pub struct QueryArgs {
    pub table: String,
    #[arg(long, value_name = t("cli-value-json"))]
    pub pipeline: PathBuf,
    #[arg(long, conflicts_with = "json", help = t("cli-arg-query-csv"))]
    pub csv: bool,
    #[arg(long, help = json_keys("{columns, rows, total_rows, sql}"))]
    pub json: bool,
    #[arg(long, help = t("cli-arg-show-sql"))]
    pub show_sql: bool,
    #[arg(long, value_name = t("cli-value-name"), help = t("cli-arg-save"))]
    pub save: Option<String>,
    #[arg(long, value_name = "N", help = t("cli-arg-query-max-rows"))]
    pub max_rows: Option<usize>,
}

#[derive(Args)]
pub struct SqlArgs {
    pub query: String,
    #[arg(long, conflicts_with = "json", help = t("cli-arg-sql-csv"))]
    pub csv: bool,
    #[arg(long, help = json_keys("{columns, rows, total_rows, sql}"))]
    pub json: bool,
    #[arg(long, value_name = "N", help = t("cli-arg-sql-max-rows"))]
    pub max_rows: Option<usize>,
}

#[derive(Args)]
pub struct IndicatorArgs {
    #[arg(value_name = t("cli-value-indicator"))]
    pub kind: String,
    pub table: String,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-indicator-value"))]
    pub value: Option<String>,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-indicator-weight"))]
    pub weight: Option<String>,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-indicator-group"))]
    pub group: Option<String>,
    #[arg(long, value_name = t("cli-value-value"), help = t("cli-arg-indicator-num"))]
    pub num: Option<String>,
    #[arg(long, value_name = t("cli-value-value-column"), help = t("cli-arg-indicator-den"))]
    pub den: Option<String>,
    #[arg(long, value_name = "N", help = t("cli-arg-indicator-per"))]
    pub per: Option<f64>,
    #[arg(long, help = t("cli-arg-indicator-json"))]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum ProvincesCommand {
    #[command(about = t("cli-cmd-provinces-normalise"))]
    Normalise {
        table: String,
        column: String,
        #[arg(
            long,
            help = json_keys("{table, column, iso_column, matched, provinces, unmatched, missing}")
        )]
        json: bool,
    },
    #[command(about = t("cli-cmd-provinces-list"))]
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct ChartArgs {
    pub table: String,
    #[arg(long, value_name = "TYPE", help = t("cli-arg-chart-kind"))]
    pub kind: String,
    #[arg(long, value_name = t("cli-value-column"), default_value = "", help = t("cli-arg-chart-x"))]
    pub x: String,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-chart-y"))]
    pub y: Option<String>,
    #[arg(long, value_name = t("cli-value-agg"), help = t("cli-arg-chart-agg"))]
    pub agg: Option<String>,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-chart-group"))]
    pub group: Option<String>,
    #[arg(long, value_name = t("cli-value-title"))]
    pub title: Option<String>,
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,
    #[arg(long, value_name = t("cli-value-text"))]
    pub x_label: Option<String>,
    #[arg(long, value_name = t("cli-value-text"))]
    pub y_label: Option<String>,
    #[arg(long, help = t("cli-arg-chart-sort"))]
    pub sort: bool,
    #[arg(long, value_name = t("cli-value-category"), help = t("cli-arg-chart-highlight"))]
    pub highlight: Option<String>,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-chart-label"))]
    pub label: Option<String>,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-chart-weight"))]
    pub weight: Option<String>,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-chart-lat"))]
    pub lat: Option<String>,
    #[arg(long, value_name = t("cli-value-column"), help = t("cli-arg-chart-lon"))]
    pub lon: Option<String>,
    #[arg(long, value_name = "N", help = t("cli-arg-chart-bins"))]
    pub bins: Option<u32>,
    #[arg(short = 'o', long = "output", value_name = t("cli-value-svg-png"))]
    pub output: PathBuf,
    #[arg(long, default_value_t = 1, help = t("cli-arg-chart-scale"))]
    pub scale: u32,
    #[arg(long)]
    pub json: bool,
}
