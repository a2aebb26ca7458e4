//! The `datajam` command line: the same core as the desktop app, for facilitators' scripts
//! and for tests. Messages go to stderr in the user's language; `--json` output is for
//! machines and keeps its keys stable.

use std::path::PathBuf;
use std::process::ExitCode;

use std::collections::BTreeMap;
use std::io::IsTerminal;

use clap::{Args, Parser, Subcommand};
use datajam::export::ExportFormat;
use datajam::i18n::Lang;
use datajam::import::{self, ColumnType, ImportOptions};
use datajam::pack::PackError;
use datajam::packfile::{self, OrphanedStep, PackFileError};
use datajam::{Error, Workshop};

#[derive(Parser)]
#[command(
    name = "datajam",
    version,
    about = "DataJam Atelier : importer des données, vérifier des paquets de leçons, suivre la progression.",
    long_about = None
)]
struct Cli {
    #[arg(
        long,
        global = true,
        value_name = "DOSSIER",
        help = "Dossier de données (sinon DATAJAM_DATA_DIR, sinon le dossier de l'utilisateur)"
    )]
    data_dir: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        value_name = "LANGUE",
        help = "Langue des messages : fr (par défaut) ou en (sinon DATAJAM_LANG)"
    )]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    #[command(
        about = "Importer un fichier (CSV, TSV, TXT, XLSX, XLSM, XLSB, XLS, ODS) dans un tableau de l'espace de travail"
    )]
    Import {
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        #[arg(
            long,
            help = "Nom du tableau à créer (par défaut d'après le nom du fichier)"
        )]
        table: Option<String>,
        #[arg(long, help = "Remplacer le tableau s'il existe déjà")]
        replace: bool,
        #[arg(long, help = "Sortie JSON : {table, rows, columns, warnings}")]
        json: bool,
    },
    #[command(about = "Aperçu d'un fichier avant import : détection, types, premières lignes")]
    Preview {
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
        #[arg(long)]
        json: bool,
    },
    #[command(about = "Lister les tableaux de l'espace de travail")]
    Tables {
        #[arg(long)]
        json: bool,
    },
    #[command(about = "Exporter un tableau en CSV (UTF-8 avec BOM) ou XLSX")]
    Export {
        table: String,
        #[arg(short = 'o', long = "output", value_name = "FICHIER.csv|FICHIER.xlsx")]
        output: PathBuf,
        #[arg(
            long,
            help = "CSV pour Excel en français : point-virgule, virgule décimale, dates JJ/MM/AAAA"
        )]
        french: bool,
        #[arg(long)]
        json: bool,
    },
    #[command(about = "Paquets de leçons")]
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    #[command(about = "Profils des stagiaires sur cet ordinateur")]
    Profile {
        #[command(subcommand)]
        command: ProfileCommand,
    },
}

/// How to read a file: shared by `import` and `preview`.
#[derive(Args)]
struct ReadArgs {
    #[arg(long, help = "Feuille à lire (par défaut la première)")]
    sheet: Option<String>,
    #[arg(
        long,
        value_name = "N",
        help = "Ligne des en-têtes (1 = première ligne ; détectée sinon)"
    )]
    header_row: Option<usize>,
    #[arg(
        long = "type",
        value_name = "COLONNE=TYPE",
        help = "Imposer le type d'une colonne : integer, number, boolean, date, datetime ou text (répétable)"
    )]
    types: Vec<String>,
    #[arg(
        long = "missing",
        value_name = "VALEUR",
        help = "Valeur qui signifie « manquant » (répétable ; remplace NA, N/A, n/d, -, .., …)"
    )]
    missing: Vec<String>,
}

impl ReadArgs {
    fn options(self, table: Option<String>, replace: bool) -> Result<ImportOptions, String> {
        let mut types = BTreeMap::new();
        for t in &self.types {
            let (col, ty) = t
                .split_once('=')
                .ok_or_else(|| format!("--type {t} : écrivez COLONNE=TYPE"))?;
            let ty: ColumnType = serde_json::from_value(serde_json::Value::from(ty.trim()))
                .map_err(|_| {
                    format!("--type {t} : type inconnu ; choisissez integer, number, boolean, date, datetime ou text")
                })?;
            types.insert(col.trim().to_string(), ty);
        }
        Ok(ImportOptions {
            sheet: self.sheet,
            table,
            header_row: self.header_row,
            replace,
            types,
            missing_values: (!self.missing.is_empty()).then_some(self.missing),
        })
    }
}

#[derive(Subcommand)]
enum PackCommand {
    #[command(
        about = "Vérifier un dossier de paquet : leçons, exercices, réponses de référence, jeux de données"
    )]
    Check {
        #[arg(value_name = "DOSSIER|FICHIER.datajam")]
        dir: PathBuf,
        #[arg(long)]
        json: bool,
        #[arg(
            long,
            value_name = "DOSSIER|FICHIER.datajam",
            help = "Version précédente du paquet : signaler les étapes qui disparaissent (progression orpheline)"
        )]
        previous: Option<PathBuf>,
    },
    #[command(
        about = "Construire le fichier .datajam d'un dossier de paquet (à copier sur clé USB)"
    )]
    Build {
        dir: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "FICHIER.datajam")]
        output: PathBuf,
        #[arg(long)]
        json: bool,
    },
    #[command(about = "Installer un fichier .datajam (vérifié entièrement avant)")]
    Install {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    #[command(about = "Lister les paquets : intégré et installés")]
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ProfileCommand {
    #[command(about = "Lister les profils")]
    List {
        #[arg(long)]
        json: bool,
    },
    #[command(about = "Créer un profil")]
    Create { name: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli
        .lang
        .as_deref()
        .map(Lang::from_tag)
        .unwrap_or_else(Lang::from_env);
    match run(cli, lang) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::FAILURE
        }
    }
}

fn workshop(data_dir: Option<PathBuf>, lang: Lang) -> Result<Workshop, Error> {
    let dir = match data_dir {
        Some(d) => d,
        None => datajam::paths::data_dir()?,
    };
    Workshop::open(&dir, lang)
}

fn print_columns(columns: &[import::ColumnInfo]) {
    for c in columns {
        let ty = serde_json::to_value(c.column_type)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        println!("  {:<30} {:<9} {}", c.name, ty, c.label);
    }
}

/// A wrong argument: message on stderr, exit code 2 like clap's own usage errors.
fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(2)
}

/// Warns that steps of a previous version are gone: progress on them is orphaned.
fn warn_orphaned(orphaned: &[OrphanedStep], previous: &str, fr: bool) {
    let list = orphaned
        .iter()
        .map(|o| o.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if fr {
        eprintln!(
            "Attention : {} étape(s) de la version {previous} n'existent plus ; la progression des stagiaires sur ces étapes ne sera plus affichée : {list}",
            orphaned.len()
        );
    } else {
        eprintln!(
            "Warning: {} step(s) of version {previous} no longer exist; trainees' progress on them will no longer show: {list}",
            orphaned.len()
        );
    }
}

fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("{e}"),
    }
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, Error> {
    let fr = lang == Lang::Fr;
    match cli.command {
        Command::Import {
            file,
            read,
            table,
            replace,
            json,
        } => {
            let opts = match read.options(table, replace) {
                Ok(o) => o,
                Err(msg) => return Ok(usage_error(&msg)),
            };
            let mut w = workshop(cli.data_dir, lang)?;
            // Progress on stderr, only for a person watching a terminal.
            let show = std::io::stderr().is_terminal();
            let report = w.import_with_progress(&file, &opts, &mut |p| {
                if show {
                    let pct = p
                        .fraction
                        .map(|f| format!(" {:>3.0} %", f * 100.0))
                        .unwrap_or_default();
                    eprint!("\r{:?} : {} lignes{pct}   ", p.phase, p.rows);
                }
            });
            if show {
                eprint!("\r{:60}\r", "");
            }
            let report = report?;
            if json {
                print_json(&report);
            } else {
                if fr {
                    println!(
                        "Tableau « {} » : {} lignes, {} colonnes",
                        report.table,
                        report.rows,
                        report.columns.len()
                    );
                } else {
                    println!(
                        "Table \"{}\": {} rows, {} columns",
                        report.table,
                        report.rows,
                        report.columns.len()
                    );
                }
                print_columns(&report.columns);
                for w in &report.warnings {
                    println!("{} {w}", if fr { "Attention :" } else { "Warning:" });
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Preview { file, read, json } => {
            let opts = match read.options(None, false) {
                Ok(o) => o,
                Err(msg) => return Ok(usage_error(&msg)),
            };
            let p = import::preview_file(&file, &opts).map_err(Error::from)?;
            if json {
                print_json(&p);
            } else {
                let mut what = vec![p.format.clone()];
                what.extend(p.encoding.clone());
                if let Some(d) = &p.delimiter {
                    what.push(format!("« {} »", if d == "\t" { "tab" } else { d }));
                }
                if let Some(sh) = &p.sheet {
                    what.push(format!("[{sh}]"));
                }
                what.push(if fr {
                    format!("en-têtes ligne {}", p.header_row)
                } else {
                    format!("header row {}", p.header_row)
                });
                println!("{}", what.join(" · "));
                if p.sheets.len() > 1 {
                    println!(
                        "{} {}",
                        if fr { "Feuilles :" } else { "Sheets:" },
                        p.sheets.join(", ")
                    );
                }
                print_columns(&p.columns);
                for row in p.rows.iter().take(5) {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|v| match v {
                            serde_json::Value::Null => String::new(),
                            serde_json::Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect();
                    println!("  | {}", cells.join(" | "));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Tables { json } => {
            let w = workshop(cli.data_dir, lang)?;
            let tables = w.tables()?;
            if json {
                print_json(&tables);
            } else if tables.is_empty() {
                println!("{}", if fr { "Aucun tableau." } else { "No table." });
            } else {
                for t in tables {
                    println!(
                        "{:<30} {:>9} {} {:>3} {}  {}",
                        t.name,
                        t.rows,
                        if fr { "lignes" } else { "rows" },
                        t.columns.len(),
                        if fr { "colonnes" } else { "columns" },
                        t.source_file
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            table,
            output,
            french,
            json,
        } => {
            let format = ExportFormat::from_path(&output, french).map_err(Error::from)?;
            let w = workshop(cli.data_dir, lang)?;
            let report = w.export_table(&table, &output, format)?;
            if json {
                print_json(&report);
            } else if fr {
                println!(
                    "{} lignes exportées dans {}",
                    report.rows,
                    report.path.display()
                );
            } else {
                println!("{} rows exported to {}", report.rows, report.path.display());
            }
            for w in &report.warnings {
                eprintln!("{w}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack {
            command:
                PackCommand::Check {
                    dir,
                    json,
                    previous,
                },
        } => {
            let result = match packfile::load(&dir) {
                Err(PackFileError::Pack(PackError::Invalid(p))) => Err(p),
                Err(e) => return Err(e.into()),
                Ok(pack) => Ok(pack),
            };
            let problems = result.as_ref().err().cloned().unwrap_or_default();
            let orphaned = match (&previous, &result) {
                (Some(prev), Ok(pack)) => {
                    let prev = packfile::load(prev)?;
                    let orphaned = packfile::orphaned_steps(&prev, pack);
                    if !orphaned.is_empty() {
                        warn_orphaned(&orphaned, &prev.manifest.version, fr);
                    }
                    Some(orphaned)
                }
                _ => None,
            };
            if json {
                let mut out =
                    serde_json::json!({ "ok": problems.is_empty(), "problems": problems });
                if let Some(o) = &orphaned {
                    out["orphaned"] = serde_json::json!(o);
                }
                print_json(&out);
            } else if let Ok(pack) = &result {
                let steps: usize = pack.lessons.iter().map(|l| l.steps.len()).sum();
                if fr {
                    println!(
                        "Paquet valide : {} {} — {} leçon(s), {} étape(s), {} jeu(x) de données",
                        pack.id(),
                        pack.manifest.version,
                        pack.lessons.len(),
                        steps,
                        pack.datasets.len()
                    );
                } else {
                    println!(
                        "Valid pack: {} {} — {} lesson(s), {} step(s), {} dataset(s)",
                        pack.id(),
                        pack.manifest.version,
                        pack.lessons.len(),
                        steps,
                        pack.datasets.len()
                    );
                }
            } else {
                for p in &problems {
                    eprintln!("{}", p);
                }
                eprintln!(
                    "{}",
                    if fr {
                        format!("{} problème(s) trouvé(s).", problems.len())
                    } else {
                        format!("{} problem(s) found.", problems.len())
                    }
                );
            }
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Pack {
            command: PackCommand::Build { dir, output, json },
        } => {
            let r = packfile::build(&dir, &output)?;
            if json {
                print_json(&r);
            } else if fr {
                println!(
                    "Fichier de paquet écrit : {} ({} {}, {} fichiers, {} octets, SHA-256 {})",
                    r.path.display(),
                    r.id,
                    r.version,
                    r.files,
                    r.bytes,
                    r.sha256
                );
            } else {
                println!(
                    "Pack file written: {} ({} {}, {} files, {} bytes, SHA-256 {})",
                    r.path.display(),
                    r.id,
                    r.version,
                    r.files,
                    r.bytes,
                    r.sha256
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack {
            command: PackCommand::Install { file, json },
        } => {
            let data_dir = match cli.data_dir {
                Some(d) => d,
                None => datajam::paths::data_dir()?,
            };
            let r = packfile::install(&file, &data_dir)?;
            if !r.orphaned.is_empty() {
                warn_orphaned(&r.orphaned, &r.replaced.join(", "), fr);
            }
            if json {
                print_json(&r);
            } else if r.already_installed {
                if fr {
                    println!("Déjà installé : {} {}", r.id, r.version);
                } else {
                    println!("Already installed: {} {}", r.id, r.version);
                }
            } else if fr {
                println!("Paquet installé : {} {}", r.id, r.version);
            } else {
                println!("Pack installed: {} {}", r.id, r.version);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack {
            command: PackCommand::List { json },
        } => {
            let w = workshop(cli.data_dir, lang)?;
            for warning in w.pack_warnings() {
                eprintln!("{warning}");
            }
            let packs: Vec<serde_json::Value> = w
                .packs(None)?
                .into_iter()
                .map(|p| {
                    serde_json::json!({
                        "id": p.id,
                        "version": p.version,
                        "title": p.title,
                        "origin": if p.builtin { "builtin" } else { "installed" },
                        "lessons": p.lessons.len(),
                    })
                })
                .collect();
            if json {
                print_json(&packs);
            } else {
                for p in &packs {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        p["id"].as_str().unwrap_or_default(),
                        p["version"].as_str().unwrap_or_default(),
                        p["origin"].as_str().unwrap_or_default(),
                        p["lessons"],
                        p["title"].as_str().unwrap_or_default()
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Profile { command } => {
            let mut w = workshop(cli.data_dir, lang)?;
            match command {
                ProfileCommand::List { json } => {
                    let profiles = w.profiles()?;
                    if json {
                        print_json(&profiles);
                    } else {
                        for p in profiles {
                            println!("{}\t{}", p.name, p.id);
                        }
                    }
                }
                ProfileCommand::Create { name } => {
                    let p = w.create_profile(&name)?;
                    println!("{}\t{}", p.name, p.id);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
