//! The `datajam` command line: the same core as the desktop app, for facilitators' scripts
//! and for tests. Messages go to stderr in the user's language; `--json` output is for
//! machines and keeps its keys stable.

use std::path::PathBuf;
use std::process::ExitCode;

use std::collections::BTreeMap;
use std::io::IsTerminal;

use clap::{Args, Parser, Subcommand};
use datajam::i18n::Lang;
use datajam::import::{self, ColumnType, ImportOptions};
use datajam::pack::packfile::{self, OrphanedStep, PackFileError};
use datajam::pack::{Pack, PackError};
use datajam::progress::{self, Action, ProgressError};
use datajam::store::export::ExportFormat;
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
    #[command(about = "Progression : exporter pour la clé USB, fusionner ceux de la classe")]
    Progress {
        #[command(subcommand)]
        command: ProgressCommand,
    },
    #[command(
        about = "Jouer un paquet pour un stagiaire depuis un fichier de réponses (JSON lines) ou avec les réponses de référence ; une ligne JSON par événement enregistré"
    )]
    Play {
        #[arg(
            help = "builtin, l'identifiant d'un paquet chargé (intégré ou installé), un dossier de paquet ou un fichier .datajam"
        )]
        pack: String,
        #[arg(long, value_name = "NOM")]
        trainee: String,
        #[arg(
            long,
            value_name = "FICHIER.jsonl",
            conflicts_with = "reference",
            required_unless_present = "reference"
        )]
        answers: Option<PathBuf>,
        #[arg(long, help = "Répondre à tout avec les réponses de référence")]
        reference: bool,
    },
    #[command(
        about = "Appliquer un traitement (fichier JSON : filtrer, calculer, regrouper, trier, limiter, pivoter, joindre) à un tableau"
    )]
    Query {
        table: String,
        #[arg(long, value_name = "FICHIER.json")]
        pipeline: PathBuf,
        #[arg(
            long,
            conflicts_with = "json",
            help = "Sortie CSV (toutes les lignes par défaut)"
        )]
        csv: bool,
        #[arg(long, help = "Sortie JSON : {columns, rows, total_rows, sql}")]
        json: bool,
        #[arg(
            long,
            help = "Afficher la requête SQL produite (sur la sortie d'erreur)"
        )]
        show_sql: bool,
        #[arg(
            long,
            value_name = "NOM",
            help = "Enregistrer le résultat comme nouveau tableau"
        )]
        save: Option<String>,
        #[arg(
            long,
            value_name = "N",
            help = "Nombre maximal de lignes affichées (1000 par défaut)"
        )]
        max_rows: Option<usize>,
    },
    #[command(about = "Console SQL en lecture seule sur les tableaux de l'espace de travail")]
    Sql {
        query: String,
        #[arg(long, conflicts_with = "json", help = "Sortie CSV")]
        csv: bool,
        #[arg(long, help = "Sortie JSON : {columns, rows, total_rows, sql}")]
        json: bool,
        #[arg(
            long,
            value_name = "N",
            help = "Nombre maximal de lignes (1000 par défaut)"
        )]
        max_rows: Option<usize>,
    },
    #[command(
        about = "Calculer un indicateur d'inégalité : gini, lorenz, palma, s80s20, cv, max-min, share, rate, per-capita, parity, gpi, gap"
    )]
    Indicator {
        #[arg(value_name = "INDICATEUR")]
        kind: String,
        table: String,
        #[arg(
            long,
            value_name = "COLONNE",
            help = "Colonne des valeurs (revenu, taux, effectif…)"
        )]
        value: Option<String>,
        #[arg(
            long,
            value_name = "COLONNE",
            help = "Colonne des poids (population) : gini, lorenz, palma, s80s20"
        )]
        weight: Option<String>,
        #[arg(
            long,
            value_name = "COLONNE",
            help = "Colonne des groupes (sexe, milieu, province…)"
        )]
        group: Option<String>,
        #[arg(
            long,
            value_name = "VALEUR",
            help = "Groupe étudié (numérateur), par exemple F"
        )]
        num: Option<String>,
        #[arg(
            long,
            value_name = "VALEUR|COLONNE",
            help = "Groupe de comparaison (parity, gpi, gap) ou colonne du dénominateur (rate)"
        )]
        den: Option<String>,
        #[arg(
            long,
            value_name = "N",
            help = "Taux pour N (1000 par défaut ; 1 par habitant)"
        )]
        per: Option<f64>,
        #[arg(long, help = "Sortie JSON : le résultat complet (IndicatorResult)")]
        json: bool,
    },
    #[command(about = "Provinces du Tchad : liste, codes ISO 3166-2 d'une colonne")]
    Provinces {
        #[command(subcommand)]
        command: ProvincesCommand,
    },
    #[command(
        about = "Dessiner un graphique d'un tableau (SVG ou PNG) : barres, courbes, nuage de points, histogramme, Lorenz, carte des provinces"
    )]
    Chart(Box<ChartArgs>),
    #[command(about = "Conseiller des graphiques pour une question sur un tableau")]
    ChartAdvice {
        table: String,
        #[arg(
            long,
            value_name = "QUESTION",
            help = "compare, trend, relationship, distribution, geography ou inequality"
        )]
        question: String,
        #[arg(long)]
        json: bool,
    },
    #[command(
        about = "Lire un formulaire XLSForm (KoboToolbox, ODK) et l'afficher comme formulaire de collecte (TOML à coller dans une leçon, ou JSON)"
    )]
    Xlsform {
        #[arg(value_name = "FICHIER.xlsx")]
        file: PathBuf,
        #[arg(long, help = "Sortie JSON : {ok, form, warnings, problems}")]
        json: bool,
    },
}

#[derive(Args)]
struct ChartArgs {
    table: String,
    #[arg(
        long,
        value_name = "TYPE",
        help = "bar, hbar, grouped, stacked, line, scatter, histogram, lorenz ou map"
    )]
    kind: String,
    #[arg(
        long,
        value_name = "COLONNE",
        default_value = "",
        help = "Catégories, ou province pour une carte"
    )]
    x: String,
    #[arg(
        long,
        value_name = "COLONNE",
        help = "Valeurs (sinon : nombre de lignes)"
    )]
    y: Option<String>,
    #[arg(
        long,
        value_name = "CALCUL",
        help = "sum, mean, count, median, min ou max"
    )]
    agg: Option<String>,
    #[arg(
        long,
        value_name = "COLONNE",
        help = "Une couleur par valeur de cette colonne"
    )]
    group: Option<String>,
    #[arg(long, value_name = "TITRE")]
    title: Option<String>,
    #[arg(long, value_name = "SOURCE")]
    source: Option<String>,
    #[arg(long, value_name = "TEXTE")]
    x_label: Option<String>,
    #[arg(long, value_name = "TEXTE")]
    y_label: Option<String>,
    #[arg(long, help = "Trier les barres, la plus grande d'abord")]
    sort: bool,
    #[arg(long, value_name = "CATÉGORIE", help = "Barre mise en valeur")]
    highlight: Option<String>,
    #[arg(
        long,
        value_name = "COLONNE",
        help = "Étiquettes des points (nuage de points)"
    )]
    label: Option<String>,
    #[arg(long, value_name = "COLONNE", help = "Poids (courbe de Lorenz)")]
    weight: Option<String>,
    #[arg(long, value_name = "COLONNE", help = "Latitude des points (carte)")]
    lat: Option<String>,
    #[arg(long, value_name = "COLONNE", help = "Longitude des points (carte)")]
    lon: Option<String>,
    #[arg(long, value_name = "N", help = "Nombre de classes (histogramme)")]
    bins: Option<u32>,
    #[arg(short = 'o', long = "output", value_name = "FICHIER.svg|FICHIER.png")]
    output: PathBuf,
    #[arg(long, default_value_t = 1, help = "Échelle du PNG : 1 ou 2")]
    scale: u32,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum ProvincesCommand {
    #[command(
        about = "Ajouter la colonne iso_3166_2 (code de la province, quelle que soit l'orthographe) et lister les valeurs non reconnues"
    )]
    Normalise {
        table: String,
        column: String,
        #[arg(
            long,
            help = "Sortie JSON : {table, column, iso_column, matched, provinces, unmatched, missing}"
        )]
        json: bool,
    },
    #[command(
        about = "Lister les 23 provinces, leur code ISO 3166-2 et leurs autres orthographes"
    )]
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ProgressCommand {
    #[command(about = "Exporter la progression d'un stagiaire dans un fichier (JSON)")]
    Export {
        #[arg(long, value_name = "NOM")]
        trainee: String,
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        output: PathBuf,
        #[arg(long, help = "Sortie JSON : {events, trainee, file}")]
        json: bool,
    },
    #[command(
        about = "Fusionner des fichiers de progression en un tableau de classe (CSV UTF-8 avec BOM)"
    )]
    Merge {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(short = 'o', long = "output", value_name = "CLASSE.csv")]
        output: PathBuf,
        #[arg(
            long,
            value_name = "REFLEXIONS.csv",
            help = "Écrire aussi les réflexions des stagiaires (une ligne par stagiaire et par étape)"
        )]
        reflections: Option<PathBuf>,
        #[arg(long, help = "Afficher la vue de classe en JSON")]
        json: bool,
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
            ..Default::default()
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
    #[command(about = "Afficher le guide de l'animateur d'un paquet (Markdown)")]
    Guide {
        #[arg(
            default_value = "builtin",
            help = "builtin, l'identifiant d'un paquet chargé, un dossier de paquet ou un fichier .datajam"
        )]
        pack: String,
    },
    #[command(about = "Lister les jeux de données d'un paquet, avec leurs sources et licences")]
    Datasets {
        #[arg(
            default_value = "builtin",
            help = "builtin, l'identifiant d'un paquet chargé, un dossier de paquet ou un fichier .datajam"
        )]
        pack: String,
        #[arg(
            long,
            help = "Sortie JSON : les jeux de données comme l'application les montre"
        )]
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

/// The pack a command names: `builtin`, a loaded pack's id, or a pack folder or `.datajam`
/// file (checked, then added to the session).
fn load_pack_arg(w: &mut Workshop, pack: &str) -> Result<Pack, Error> {
    let builtin = Pack::builtin()?;
    let path = std::path::Path::new(pack);
    Ok(if pack == "builtin" || pack == builtin.id() {
        builtin
    } else if let (false, Ok(p)) = (path.exists(), w.pack(pack)) {
        // An installed pack, by its id.
        p.clone()
    } else {
        let p = packfile::load(path)?;
        w.add_pack(p.clone())?;
        p
    })
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
        match &c.hxl {
            Some(tag) => println!("  {:<30} {:<9} {}  {tag}", c.name, ty, c.label),
            None => println!("  {:<30} {:<9} {}", c.name, ty, c.label),
        }
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
                if p.hxl_row > 0 {
                    what.push(if fr {
                        format!("balises HXL ligne {}", p.hxl_row)
                    } else {
                        format!("HXL hashtags row {}", p.hxl_row)
                    });
                }
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
                for w in &p.warnings {
                    println!("{} {w}", if fr { "Attention :" } else { "Warning:" });
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
            // Rows of an XLSForm left out: said, not refused.
            let pack_warnings = result
                .as_ref()
                .map(|p| p.warnings.clone())
                .unwrap_or_default();
            for w in &pack_warnings {
                eprintln!("{} {w}", if fr { "Avertissement :" } else { "Warning:" });
            }
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
                let mut out = serde_json::json!({ "ok": problems.is_empty(), "problems": problems, "warnings": pack_warnings });
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
            command: PackCommand::Guide { pack },
        } => {
            let mut w = workshop(cli.data_dir, lang)?;
            let pack = load_pack_arg(&mut w, &pack)?;
            match pack.guide_markdown() {
                Some(text) => {
                    print!("{text}");
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!(
                        "{}",
                        if fr {
                            format!(
                                "Le paquet « {} » n'a pas de guide de l'animateur.",
                                pack.id()
                            )
                        } else {
                            format!("The pack \"{}\" has no facilitator's guide.", pack.id())
                        }
                    );
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Pack {
            command: PackCommand::Datasets { pack, json },
        } => {
            let mut w = workshop(cli.data_dir, lang)?;
            let pack = load_pack_arg(&mut w, &pack)?;
            let datasets = w.pack_datasets(Some(pack.id()))?;
            if json {
                print_json(&datasets);
            } else {
                for d in &datasets {
                    println!("{}\t{}\t{}", d.name, d.title, d.credit);
                }
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
        Command::Progress {
            command:
                ProgressCommand::Export {
                    trainee,
                    output,
                    json,
                },
        } => {
            let w = workshop(cli.data_dir, lang)?;
            let summary = progress::export(w.store(), &trainee, &output)?;
            if json {
                print_json(&summary);
            } else if fr {
                println!(
                    "{} événement(s) de {} exporté(s) dans {}",
                    summary.events, summary.trainee, summary.file
                );
            } else {
                println!(
                    "{} event(s) of {} exported to {}",
                    summary.events, summary.trainee, summary.file
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Progress {
            command:
                ProgressCommand::Merge {
                    files,
                    output,
                    reflections,
                    json,
                },
        } => {
            let view = progress::merge_to_files(&files, &output, reflections.as_deref())?;
            if json {
                print_json(&view);
            } else {
                let rows: usize = view.trainees.iter().map(|t| t.steps.len()).sum();
                let stuck: usize = view
                    .trainees
                    .iter()
                    .flat_map(|t| &t.steps)
                    .filter(|s| s.stuck)
                    .count();
                if fr {
                    println!(
                        "{} stagiaire(s), {} événement(s), {rows} ligne(s), {stuck} bloqué(s) : {}",
                        view.trainees.len(),
                        view.events,
                        output.display()
                    );
                } else {
                    println!(
                        "{} trainee(s), {} event(s), {rows} row(s), {stuck} stuck: {}",
                        view.trainees.len(),
                        view.events,
                        output.display()
                    );
                }
                if let Some(path) = &reflections {
                    let n = view.reflections.len();
                    if fr {
                        println!("{n} réflexion(s) : {}", path.display());
                    } else {
                        println!("{n} reflection(s): {}", path.display());
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Query {
            table,
            pipeline,
            csv,
            json,
            show_sql,
            save,
            max_rows,
        } => query_command(
            cli.data_dir,
            lang,
            &table,
            &pipeline,
            OutputKind::new(csv, json),
            show_sql,
            save.as_deref(),
            max_rows,
        ),
        Command::Sql {
            query,
            csv,
            json,
            max_rows,
        } => sql_command(
            cli.data_dir,
            lang,
            &query,
            OutputKind::new(csv, json),
            max_rows,
        ),
        Command::Play {
            pack,
            trainee,
            answers,
            reference,
        } => play(cli.data_dir, lang, &pack, &trainee, answers, reference),
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
        Command::Indicator {
            kind,
            table,
            value,
            weight,
            group,
            num,
            den,
            per,
            json,
        } => {
            let req = datajam::analysis::indicators::IndicatorRequest {
                kind,
                value,
                weight,
                group,
                num,
                den,
                per,
            };
            indicator(cli.data_dir, lang, &table, &req, json)
        }
        Command::Provinces { command } => provinces(cli.data_dir, lang, command),
        Command::Chart(args) => chart_command(cli.data_dir, lang, args),
        Command::ChartAdvice {
            table,
            question,
            json,
        } => chart_advice_command(cli.data_dir, lang, &table, &question, json),
        Command::Xlsform { file, json } => xlsform_command(&file, json, lang),
    }
}

/// Prints one JSON line for a committed event (and flushes, so a reader sees it at once);
/// an action that saved nothing is noted on stderr.
fn report_played(p: &progress::Played, line: Option<usize>) -> Result<(), Error> {
    use std::io::Write;
    if p.event.is_some() {
        let text = serde_json::to_string(p).map_err(|e| std::io::Error::other(e.to_string()))?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()?;
    } else {
        let at = line.map(|n| format!("{n}: ")).unwrap_or_default();
        eprintln!(
            "{at}{} {}/{} : {}",
            p.kind,
            p.lesson,
            p.step,
            p.message.as_deref().unwrap_or("-")
        );
    }
    Ok(())
}

fn play(
    data_dir: Option<PathBuf>,
    lang: Lang,
    pack: &str,
    trainee: &str,
    answers: Option<PathBuf>,
    reference: bool,
) -> Result<ExitCode, Error> {
    use std::io::BufRead;
    let mut w = workshop(data_dir, lang)?;
    let pack = load_pack_arg(&mut w, pack)?;
    let pack_id = pack.id().to_string();
    let profile_id = match w.store().find_profile(trainee) {
        Ok(p) => p.id,
        Err(Error::ProfileNotFound(_)) => w.create_profile(trainee)?.id,
        Err(e) => return Err(e),
    };
    if reference {
        for action in progress::reference_actions(&pack) {
            let p = progress::play(&mut w, &profile_id, &pack_id, &action)?;
            report_played(&p, None)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = answers else {
        return Ok(usage_error("--answers FICHIER.jsonl ou --reference"));
    };
    let file = std::fs::File::open(&path)?;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let n = i + 1;
        let line = line.map_err(|e| ProgressError::AnswersLine {
            line: n,
            reason: e.to_string(),
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let action: Action = progress::parse_action(&line, n, lang)?;
        let p = match progress::play(&mut w, &profile_id, &pack_id, &action) {
            Ok(p) => p,
            Err(e @ (Error::Db(_) | Error::Io(_))) => return Err(e),
            Err(e) => {
                return Err(ProgressError::AnswersLine {
                    line: n,
                    reason: e.message(lang),
                }
                .into())
            }
        };
        report_played(&p, Some(n))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// How a result table is written to stdout.
#[derive(Clone, Copy, PartialEq)]
enum OutputKind {
    Text,
    Csv,
    Json,
}

impl OutputKind {
    fn new(csv: bool, json: bool) -> OutputKind {
        if json {
            OutputKind::Json
        } else if csv {
            OutputKind::Csv
        } else {
            OutputKind::Text
        }
    }
}

fn cell_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn print_result(
    res: &datajam::analysis::ResultTable,
    kind: OutputKind,
    fr: bool,
) -> Result<(), Error> {
    match kind {
        OutputKind::Json => print_json(res),
        OutputKind::Csv => {
            let mut w = csv::Writer::from_writer(std::io::stdout().lock());
            let io = |e: csv::Error| Error::Io(std::io::Error::other(e.to_string()));
            w.write_record(res.columns.iter().map(|c| c.name.as_str()))
                .map_err(io)?;
            for row in &res.rows {
                w.write_record(row.iter().map(cell_text)).map_err(io)?;
            }
            w.flush()?;
        }
        OutputKind::Text => {
            let mut widths: Vec<usize> =
                res.columns.iter().map(|c| c.name.chars().count()).collect();
            let cells: Vec<Vec<String>> = res
                .rows
                .iter()
                .map(|r| r.iter().map(cell_text).collect())
                .collect();
            for row in &cells {
                for (i, c) in row.iter().enumerate() {
                    widths[i] = widths[i].max(c.chars().count()).min(40);
                }
            }
            let line = |items: Vec<String>| {
                items
                    .iter()
                    .zip(&widths)
                    .map(|(s, w)| format!("{s:<w$}"))
                    .collect::<Vec<_>>()
                    .join(" | ")
                    .trim_end()
                    .to_string()
            };
            println!(
                "{}",
                line(res.columns.iter().map(|c| c.name.clone()).collect())
            );
            for row in cells {
                println!("{}", line(row));
            }
        }
    }
    if kind != OutputKind::Json {
        let shown = res.rows.len() as u64;
        if shown < res.total_rows {
            if fr {
                eprintln!(
                    "{} lignes au total, {shown} affichées (--max-rows).",
                    res.total_rows
                );
            } else {
                eprintln!(
                    "{} rows in all, {shown} shown (--max-rows).",
                    res.total_rows
                );
            }
        } else if fr {
            eprintln!("{} ligne(s).", res.total_rows);
        } else {
            eprintln!("{} row(s).", res.total_rows);
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn query_command(
    data_dir: Option<PathBuf>,
    lang: Lang,
    table: &str,
    pipeline_file: &std::path::Path,
    kind: OutputKind,
    show_sql: bool,
    save: Option<&str>,
    max_rows: Option<usize>,
) -> Result<ExitCode, Error> {
    let fr = lang == Lang::Fr;
    let text = std::fs::read_to_string(pipeline_file)?;
    let pipeline = datajam::analysis::pipeline::Pipeline::from_json(&text)?;
    let mut w = workshop(data_dir, lang)?;
    if let Some(name) = save {
        let info =
            datajam::analysis::pipeline::save_as(w.store_mut().conn_mut(), table, &pipeline, name)?;
        if kind == OutputKind::Json {
            print_json(&info);
        } else if fr {
            eprintln!(
                "Tableau « {} » enregistré : {} ligne(s).",
                info.name, info.rows
            );
        } else {
            eprintln!("Table \"{}\" saved: {} row(s).", info.name, info.rows);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let max = max_rows.unwrap_or(if kind == OutputKind::Csv {
        usize::MAX
    } else {
        1000
    });
    let res = datajam::analysis::pipeline::run(w.store().conn(), table, &pipeline, max)?;
    if show_sql {
        eprintln!("{}", res.sql);
    }
    print_result(&res, kind, fr)?;
    Ok(ExitCode::SUCCESS)
}

fn sql_command(
    data_dir: Option<PathBuf>,
    lang: Lang,
    query: &str,
    kind: OutputKind,
    max_rows: Option<usize>,
) -> Result<ExitCode, Error> {
    let w = workshop(data_dir, lang)?;
    let res =
        datajam::analysis::sql::run_readonly(w.store().path(), query, max_rows.unwrap_or(1000))?;
    print_result(&res, kind, lang == Lang::Fr)?;
    Ok(ExitCode::SUCCESS)
}

/// `datajam indicator`: the figure and its explanation, or the whole result in JSON.
fn indicator(
    data_dir: Option<PathBuf>,
    lang: Lang,
    table: &str,
    req: &datajam::analysis::indicators::IndicatorRequest,
    json: bool,
) -> Result<ExitCode, Error> {
    let w = workshop(data_dir, lang)?;
    let r = w.compute_indicator(table, req)?;
    if json {
        print_json(&r);
    } else {
        println!("{}", r.headline(lang));
        println!("{}", r.explanation);
        if r.skipped > 0 {
            if lang == Lang::Fr {
                eprintln!(
                    "{} ligne(s) ignorée(s) : {} vide(s), {} non numérique(s).",
                    r.skipped, r.details.skipped_missing, r.details.skipped_not_numeric
                );
            } else {
                eprintln!(
                    "{} row(s) skipped: {} empty, {} not numeric.",
                    r.skipped, r.details.skipped_missing, r.details.skipped_not_numeric
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `datajam provinces normalise|list`.
fn provinces(
    data_dir: Option<PathBuf>,
    lang: Lang,
    command: ProvincesCommand,
) -> Result<ExitCode, Error> {
    use datajam::analysis::provinces;
    let fr = lang == Lang::Fr;
    match command {
        ProvincesCommand::List { json } => {
            if json {
                print_json(&provinces::all());
            } else {
                for p in provinces::all() {
                    println!(
                        "{}\t{}\t{}\t{}",
                        p.code,
                        p.name,
                        p.chef_lieu,
                        p.aliases.join(" | ")
                    );
                }
            }
        }
        ProvincesCommand::Normalise {
            table,
            column,
            json,
        } => {
            let mut w = workshop(data_dir, lang)?;
            let r = provinces::normalise_column(w.store_mut().conn_mut(), &table, &column)?;
            if json {
                print_json(&r);
            } else {
                if fr {
                    println!(
                        "{} ligne(s) reconnue(s), {} province(s) ; colonne « {} » ajoutée au tableau « {} »",
                        r.matched, r.provinces, r.iso_column, r.table
                    );
                    if r.missing > 0 {
                        println!("{} ligne(s) vide(s)", r.missing);
                    }
                } else {
                    println!(
                        "{} row(s) matched, {} province(s); column \"{}\" added to table \"{}\"",
                        r.matched, r.provinces, r.iso_column, r.table
                    );
                    if r.missing > 0 {
                        println!("{} empty row(s)", r.missing);
                    }
                }
                for u in &r.unmatched {
                    if fr {
                        println!(
                            "non reconnu : « {} » ({} ligne{})",
                            u.value,
                            u.rows,
                            if u.rows > 1 { "s" } else { "" }
                        );
                    } else {
                        println!(
                            "not matched: \"{}\" ({} row{})",
                            u.value,
                            u.rows,
                            if u.rows > 1 { "s" } else { "" }
                        );
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `datajam chart`: draws a chart of a table into an SVG or PNG file.
fn chart_command(
    data_dir: Option<PathBuf>,
    lang: Lang,
    a: Box<ChartArgs>,
) -> Result<ExitCode, Error> {
    use datajam::chart::{self, ChartRequest, Kind};
    let fr = lang == Lang::Fr;
    let kind = Kind::parse(&a.kind).map_err(Error::from)?;
    let agg = a
        .agg
        .as_deref()
        .map(chart::parse_agg)
        .transpose()
        .map_err(Error::from)?;
    let req = ChartRequest {
        kind,
        x: a.x,
        y: a.y,
        agg,
        group: a.group,
        title: a.title,
        source: a.source,
        x_label: a.x_label,
        y_label: a.y_label,
        sort: a.sort.then_some(true),
        highlight: a.highlight,
        label: a.label,
        weight: a.weight,
        lat: a.lat,
        lon: a.lon,
        bins: a.bins,
    };
    let w = workshop(data_dir, lang)?;
    let notes = w.export_chart(&a.table, &req, &a.output, a.scale)?;
    if a.json {
        print_json(&serde_json::json!({ "path": a.output, "notes": notes }));
    } else {
        println!(
            "{} {}",
            if fr {
                "Graphique enregistré :"
            } else {
                "Chart saved:"
            },
            a.output.display()
        );
        for n in &notes {
            eprintln!("{n}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `datajam chart-advice`: the chart kinds that answer a question about a table.
fn chart_advice_command(
    data_dir: Option<PathBuf>,
    lang: Lang,
    table: &str,
    question: &str,
    json: bool,
) -> Result<ExitCode, Error> {
    use datajam::chart::Question;
    let fr = lang == Lang::Fr;
    let Some(q) = Question::parse(question) else {
        return Ok(usage_error(&if fr {
            format!("Question inconnue « {question} » : compare, trend, relationship, distribution, geography ou inequality.")
        } else {
            format!("Unknown question \"{question}\": compare, trend, relationship, distribution, geography or inequality.")
        }));
    };
    let w = workshop(data_dir, lang)?;
    let advice = w.chart_advice(table, q)?;
    if json {
        print_json(&advice);
    } else if advice.is_empty() {
        println!(
            "{}",
            if fr {
                "Aucun graphique ne convient : il manque les colonnes nécessaires."
            } else {
                "No chart fits: the needed columns are missing."
            }
        );
    } else {
        for a in advice {
            println!(
                "{:<10} x={} y={}  {}",
                a.kind,
                a.x.unwrap_or_default(),
                a.y.unwrap_or_default(),
                a.reason
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `datajam xlsform FILE.xlsx`: the form an XLSForm workbook becomes, as the `[form]` TOML
/// of a collect step (or JSON), with the rows left out as warnings.
fn xlsform_command(file: &std::path::Path, json: bool, lang: Lang) -> Result<ExitCode, Error> {
    let fr = lang == Lang::Fr;
    let bytes = std::fs::read(file)?;
    let name = file.display().to_string();
    let result = datajam::pack::xlsform::parse(&name, &bytes);
    if json {
        let out = match &result {
            Ok(x) => {
                serde_json::json!({ "ok": true, "form": x.form, "warnings": x.warnings, "problems": [] })
            }
            Err(p) => {
                serde_json::json!({ "ok": false, "form": null, "warnings": [], "problems": p })
            }
        };
        print_json(&out);
    }
    match result {
        Ok(x) => {
            for w in &x.warnings {
                eprintln!("{} {w}", if fr { "Avertissement :" } else { "Warning:" });
            }
            if !json {
                #[derive(serde::Serialize)]
                struct Wrapper<'a> {
                    form: &'a datajam::lesson::form::Form,
                }
                let text = toml::to_string(&Wrapper { form: &x.form })
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                println!("kind = \"collect\"\n{text}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "{}",
                if fr {
                    format!("{} problème(s) trouvé(s).", problems.len())
                } else {
                    format!("{} problem(s) found.", problems.len())
                }
            );
            Ok(ExitCode::from(1))
        }
    }
}
