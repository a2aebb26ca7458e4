//! Typed errors of the core. Each has a stable `code` (what the UI and scripts match on)
//! and a message in the user's language; translation happens at the edge through
//! [`Error::message`], never by matching on strings.

use crate::i18n::Lang;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    #[error(transparent)]
    Export(#[from] crate::store::export::ExportError),
    #[error(transparent)]
    Pack(#[from] crate::pack::PackError),
    #[error(transparent)]
    PackFile(#[from] crate::pack::packfile::PackFileError),
    #[error(transparent)]
    Progress(#[from] crate::progress::ProgressError),
    #[error(transparent)]
    Chart(#[from] crate::chart::ChartError),
    #[error(transparent)]
    Analysis(#[from] crate::analysis::AnalysisError),
    #[error(transparent)]
    Indicator(#[from] crate::analysis::indicators::IndicatorError),
    #[error(transparent)]
    Task(#[from] crate::lesson::datatask::TaskError),
    #[error(transparent)]
    ImportStep(#[from] crate::lesson::importstep::ImportStepError),
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot use the data directory {path}: {reason}")]
    DataDir { path: String, reason: String },
    #[error("the database was written by a newer DataJam Atelier (schema {found}, this one knows {supported})")]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("profile not found: {0}")]
    ProfileNotFound(String),
    #[error("invalid profile name")]
    ProfileNameInvalid,
    #[error("a profile named {0} already exists")]
    ProfileExists(String),
    #[error("pack not found: {0}")]
    PackNotFound(String),
    #[error("pack {0} has no facilitator's guide")]
    PackHasNoGuide(String),
    #[error("lesson not found: {0}")]
    LessonNotFound(String),
    #[error("step not found: {0}")]
    StepNotFound(String),
    #[error("step {step} is a {kind} step")]
    WrongStepKind { step: String, kind: String },
    #[error("table not found: {0}")]
    TableNotFound(String),
    #[error("column not found: {0}")]
    ColumnNotFound(String),
}

impl Error {
    /// A stable, dotted code: `profile.not_found`, `import.empty`, ...
    pub fn code(&self) -> &'static str {
        match self {
            Error::Import(e) => e.code(),
            Error::Export(e) => e.code(),
            Error::Pack(e) => e.code(),
            Error::PackFile(e) => e.code(),
            Error::Progress(e) => e.code(),
            Error::Chart(e) => e.code(),
            Error::Analysis(e) => e.code(),
            Error::Indicator(e) => e.code(),
            Error::Task(e) => e.code(),
            Error::ImportStep(e) => e.code(),
            Error::Db(_) => "store.database",
            Error::Io(_) => "store.io",
            Error::DataDir { .. } => "store.data_dir",
            Error::SchemaTooNew { .. } => "store.schema_too_new",
            Error::ProfileNotFound(_) => "profile.not_found",
            Error::ProfileNameInvalid => "profile.name_invalid",
            Error::ProfileExists(_) => "profile.exists",
            Error::PackNotFound(_) => "pack.not_found",
            Error::PackHasNoGuide(_) => "pack.no_guide",
            Error::LessonNotFound(_) => "lesson.not_found",
            Error::StepNotFound(_) => "step.not_found",
            Error::WrongStepKind { .. } => "step.wrong_kind",
            Error::TableNotFound(_) => "table.not_found",
            Error::ColumnNotFound(_) => "table.column_not_found",
        }
    }

    /// The message for a person, in their language, saying what they can do about it.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match self {
            Error::Import(e) => {
                if fr {
                    e.message_fr()
                } else {
                    e.message_en()
                }
            }
            Error::Export(e) => {
                if fr {
                    e.message_fr()
                } else {
                    e.message_en()
                }
            }
            Error::Pack(e) => e.message(lang),
            Error::PackFile(e) => e.message(lang),
            Error::Progress(e) => e.message(lang),
            Error::Analysis(e) => e.message(lang),
            Error::Indicator(e) => e.message(lang),
            Error::Task(e) => e.message(lang),
            Error::ImportStep(e) => e.message(lang),
            Error::Chart(e) => e.message(lang),
            Error::Db(e) => {
                if fr {
                    format!("Erreur de la base de données : {e}. Vos réponses déjà enregistrées ne sont pas perdues ; relancez l'application.")
                } else {
                    format!(
                        "Database error: {e}. Answers already saved are not lost; restart the app."
                    )
                }
            }
            Error::Io(e) => {
                if fr {
                    format!("Erreur de lecture ou d'écriture : {e}.")
                } else {
                    format!("Read or write error: {e}.")
                }
            }
            Error::DataDir { path, reason } => {
                if fr {
                    format!("Impossible d'utiliser le dossier de données « {path} » : {reason}. Vérifiez qu'il existe et que vous pouvez y écrire (variable DATAJAM_DATA_DIR).")
                } else {
                    format!("Cannot use the data folder \"{path}\": {reason}. Check that it exists and is writable (DATAJAM_DATA_DIR).")
                }
            }
            Error::SchemaTooNew { .. } => {
                if fr {
                    "Ces données ont été créées par une version plus récente de DataJam Atelier. Installez la dernière version pour les ouvrir.".into()
                } else {
                    "This data was created by a newer DataJam Atelier. Install the latest version to open it.".into()
                }
            }
            Error::ProfileNotFound(_) => {
                if fr {
                    "Ce profil n'existe pas (ou plus). Choisissez un autre profil ou créez-en un."
                        .into()
                } else {
                    "This profile does not exist. Pick another profile or create one.".into()
                }
            }
            Error::ProfileNameInvalid => {
                if fr {
                    "Le nom du profil doit contenir entre 1 et 60 caractères.".into()
                } else {
                    "A profile name must be 1 to 60 characters long.".into()
                }
            }
            Error::ProfileExists(name) => {
                if fr {
                    format!("Un profil « {name} » existe déjà sur cet ordinateur. Choisissez-le dans la liste ou prenez un autre nom.")
                } else {
                    format!("A profile \"{name}\" already exists on this computer. Pick it from the list or use another name.")
                }
            }
            Error::PackNotFound(id) => {
                if fr {
                    format!("Le paquet de leçons « {id} » est introuvable.")
                } else {
                    format!("Lesson pack \"{id}\" was not found.")
                }
            }
            Error::PackHasNoGuide(id) => {
                if fr {
                    format!("Le paquet « {id} » n'a pas de guide de l'animateur.")
                } else {
                    format!("Pack \"{id}\" has no facilitator's guide.")
                }
            }
            Error::LessonNotFound(id) => {
                if fr {
                    format!("La leçon « {id} » est introuvable dans ce paquet.")
                } else {
                    format!("Lesson \"{id}\" is not in this pack.")
                }
            }
            Error::StepNotFound(id) => {
                if fr {
                    format!("L'étape « {id} » est introuvable dans cette leçon.")
                } else {
                    format!("Step \"{id}\" is not in this lesson.")
                }
            }
            Error::WrongStepKind { step, .. } => {
                if fr {
                    format!("L'étape « {step} » n'attend pas ce type de réponse.")
                } else {
                    format!("Step \"{step}\" does not take this kind of answer.")
                }
            }
            Error::TableNotFound(t) => {
                if fr {
                    format!("Le tableau « {t} » n'existe pas. La commande `datajam tables` liste les tableaux.")
                } else {
                    format!("Table \"{t}\" does not exist. `datajam tables` lists the tables.")
                }
            }
            Error::ColumnNotFound(c) => {
                if fr {
                    format!("La colonne « {c} » n'existe pas dans ce tableau.")
                } else {
                    format!("Column \"{c}\" is not in this table.")
                }
            }
        }
    }
}
