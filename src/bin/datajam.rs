//! The `datajam` command line: the same core as the desktop app, for facilitators' scripts
//! and for tests. Messages go to stderr in the user's language; `--json` output is for
//! machines and keeps its keys stable.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use datajam::i18n::Lang;
use datajam::import::{self, ImportOptions};
use datajam::pack::{Pack, PackError};
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
        #[arg(long, help = "Feuille à importer (par défaut la première)")]
        sheet: Option<String>,
        #[arg(
            long,
            help = "Nom du tableau à créer (par défaut d'après le nom du fichier)"
        )]
        table: Option<String>,
        #[arg(
            long,
            value_name = "N",
            help = "Ligne d'en-tête (1 = première ligne ; détectée sinon)"
        )]
        header_row: Option<usize>,
        #[arg(long, help = "Remplacer le tableau s'il existe déjà")]
        replace: bool,
        #[arg(long, help = "Sortie JSON : {table, rows, columns, warnings}")]
        json: bool,
    },
    #[command(about = "Aperçu d'un fichier avant import : types détectés, premières lignes")]
    Preview {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
        #[arg(long, value_name = "N")]
        header_row: Option<usize>,
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

#[derive(Subcommand)]
enum PackCommand {
    #[command(
        about = "Vérifier un dossier de paquet : leçons, exercices, réponses de référence, jeux de données"
    )]
    Check {
        dir: PathBuf,
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
            sheet,
            table,
            header_row,
            replace,
            json,
        } => {
            let mut w = workshop(cli.data_dir, lang)?;
            let opts = ImportOptions {
                sheet,
                table,
                header_row,
                replace,
                ..Default::default()
            };
            let report = w.import(&file, &opts)?;
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
                for c in &report.columns {
                    println!(
                        "  {:<30} {:<9} {}",
                        c.name,
                        serde_json::to_value(c.column_type)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        c.label
                    );
                }
                for w in &report.warnings {
                    println!("{} {w}", if fr { "Attention :" } else { "Warning:" });
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Preview {
            file,
            sheet,
            header_row,
            json,
        } => {
            let opts = ImportOptions {
                sheet,
                header_row,
                ..Default::default()
            };
            let p = import::preview_file(&file, &opts).map_err(Error::from)?;
            if json {
                print_json(&p);
            } else {
                println!(
                    "{} {}{}",
                    p.format,
                    p.encoding.as_deref().unwrap_or(""),
                    p.sheet
                        .as_deref()
                        .map(|s| format!(" [{s}]"))
                        .unwrap_or_default()
                );
                for c in &p.columns {
                    println!(
                        "  {:<30} {:<9} {}",
                        c.name,
                        serde_json::to_value(c.column_type)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        c.label
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack {
            command: PackCommand::Check { dir, json },
        } => {
            let result = match Pack::from_dir(&dir) {
                Err(PackError::Invalid(p)) => Err(p),
                Err(e) => return Err(e.into()),
                Ok(pack) => Ok(pack),
            };
            let problems = result.as_ref().err().cloned().unwrap_or_default();
            if json {
                print_json(&serde_json::json!({ "ok": problems.is_empty(), "problems": problems }));
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
