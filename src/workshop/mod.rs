//! The one API over the core that both the desktop app and the CLI call.
//!
//! A [`Workshop`] owns the store and the loaded packs. Every method is a whole user action
//! (pick a profile, open a step, answer, ask a hint, save a record) and returns a view
//! ready to render: the UI decides nothing about correctness or progress.

mod answers;
mod catalog;
pub mod class;
pub mod datainfo;
mod imports;
mod lessons;
pub mod notebook;
mod pack_tools;
mod packs;
mod pins;
pub mod play;
mod profiles;
mod progress;
pub mod room;
mod tables;
mod tasks;
mod views;
pub mod workbench;

pub use catalog::Catalog;
pub use pack_tools::{PackCheck, PackCheckReport};
pub use views::*;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::pack::{Exercise, Lesson, Pack, Step};
use crate::store::EventKind;
use crate::store::{Event, StepRef, StepTally, Store};

/// A step of a lesson of a pack, for a trainee: where every step action happens.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepAt {
    /// The trainee's profile id.
    pub profile: String,
    pub pack: String,
    pub lesson: String,
    pub step: String,
}

impl StepAt {
    pub fn new(
        profile: impl Into<String>,
        pack: impl Into<String>,
        lesson: impl Into<String>,
        step: impl Into<String>,
    ) -> StepAt {
        StepAt {
            profile: profile.into(),
            pack: pack.into(),
            lesson: lesson.into(),
            step: step.into(),
        }
    }

    /// (profile, pack, lesson, step).
    pub fn parts(&self) -> (&str, &str, &str, &str) {
        (&self.profile, &self.pack, &self.lesson, &self.step)
    }
}

pub struct Workshop {
    store: Store,
    packs: Vec<Pack>,
    lang: Lang,
    /// The language the workshop was opened in: the one used when no profile is picked.
    default_lang: Lang,
    data_dir: PathBuf,
    warnings: Vec<String>,
    /// Pack texts already rendered ([`Workshop::safe_html`]), by their Markdown.
    html: std::sync::Mutex<std::collections::HashMap<String, String>>,
}

/// A step located in a pack.
struct Located<'a> {
    pack: &'a Pack,
    lesson: &'a Lesson,
    index: usize,
    step: &'a Step,
}

impl Workshop {
    /// Opens the workshop on `data_dir` with the built-in pack.
    pub fn open(data_dir: &Path, lang: Lang) -> Result<Workshop> {
        let store = Store::open(data_dir)?;
        let builtin = Pack::builtin()?;
        let (installed, warnings) =
            crate::pack::packfile::installed_for_workshop(&builtin, data_dir, lang);
        let mut w = Workshop {
            store,
            packs: vec![builtin],
            lang,
            default_lang: lang,
            data_dir: data_dir.to_path_buf(),
            warnings,
            html: Default::default(),
        };
        w.load_datasets(0)?;
        w.add_installed(installed);
        Ok(w)
    }

    /// Opens the workshop on the data directory of the environment (`DATAJAM_DATA_DIR`
    /// or the OS default) in the language of `DATAJAM_LANG` (French by default).
    pub fn open_default() -> Result<Workshop> {
        Workshop::open_in(None, Lang::from_env())
    }

    /// Opens the workshop on `data_dir` when given, else on the data directory of the
    /// environment (`DATAJAM_DATA_DIR` or the OS default).
    pub fn open_in(data_dir: Option<&Path>, lang: Lang) -> Result<Workshop> {
        match data_dir {
            Some(dir) => Workshop::open(dir, lang),
            None => Workshop::open(&crate::paths::data_dir()?, lang),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            data_dir: self.data_dir.display().to_string(),
            lang: self.lang,
        }
    }

    /// A pack's Markdown as sanitised HTML, rendered once per text: a step's view is
    /// built again at every answer, and its text and explanation do not change.
    fn safe_html(&self, markdown: &str) -> String {
        /// Enough for every text of several packs; past it, the cache starts again.
        const MAX: usize = 4096;
        let mut cache = self.html.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(html) = cache.get(markdown) {
            return html.clone();
        }
        let html = crate::pack::markdown::to_safe_html(markdown);
        if cache.len() >= MAX {
            cache.clear();
        }
        cache.insert(markdown.to_string(), html.clone());
        html
    }

    fn locate(&self, pack_id: &str, lesson_id: &str, step_id: &str) -> Result<Located<'_>> {
        let pack = self.pack(pack_id)?;
        let lesson = pack
            .lesson(lesson_id)
            .ok_or_else(|| Error::LessonNotFound(lesson_id.to_string()))?;
        let (index, step) = lesson
            .step(step_id)
            .ok_or_else(|| Error::StepNotFound(step_id.to_string()))?;
        Ok(Located {
            pack,
            lesson,
            index,
            step,
        })
    }
}

fn wrong_kind(step: &Step) -> Error {
    Error::WrongStepKind {
        step: step.id.clone(),
        kind: step.exercise.kind().to_string(),
    }
}

/// The tally of a step among a pack's tallies ([`Store::tallies`]): zero when absent.
fn tally_in(
    tallies: &std::collections::HashMap<(String, String), StepTally>,
    lesson_id: &str,
    step_id: &str,
) -> StepTally {
    tallies
        .get(&(lesson_id.to_string(), step_id.to_string()))
        .cloned()
        .unwrap_or_default()
}

fn step_events<'a>(events: &'a [Event], lesson_id: &str, step_id: &str) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.lesson_id == lesson_id && e.step_id == step_id)
        .collect()
}

/// A step's status from its tally: answers, not time, make a step done.
fn status(step: &Step, tally: &StepTally) -> Status {
    let done = match &step.exercise {
        Exercise::Read | Exercise::Chart(_) => tally.has(EventKind::Complete),
        Exercise::Question(_) | Exercise::Data(_) | Exercise::ChartTask(_) => tally.correct > 0,
        Exercise::Collect(c) => tally.records >= c.min_records as usize,
        Exercise::Reflection(_) => tally.has(EventKind::Reflection),
        Exercise::Import(_) => tally.has(EventKind::Import),
    };
    if done {
        Status::Done
    } else if tally.has(EventKind::Skip) {
        Status::Skipped
    } else if tally.events == 0 {
        Status::Todo
    } else {
        Status::Started
    }
}

/// Where an event of step `at` is committed, in version `pack_version` of its pack.
fn step_ref<'a>(at: &'a StepAt, pack_version: &'a str) -> StepRef<'a> {
    let (profile_id, pack_id, lesson_id, step_id) = at.parts();
    StepRef {
        profile_id,
        pack_id,
        pack_version,
        lesson_id,
        step_id,
    }
}

/// The exercise of one kind of a step, for [`Workshop::step_for`]:
/// `exercise_of!(Exercise::Question)` gives a question step's question, `None` for a step
/// of another kind.
macro_rules! exercise_of {
    ($variant:path) => {
        |ex| match ex {
            $variant(x) => Some(x),
            _ => None,
        }
    };
}
use exercise_of;

/// The hints of the step kinds that have some.
fn exercise_hints(ex: &Exercise) -> Option<&[String]> {
    match ex {
        Exercise::Question(q) => Some(&q.hints),
        Exercise::Data(t) => Some(&t.hints),
        Exercise::ChartTask(t) => Some(&t.hints),
        Exercise::Import(i) => Some(&i.hints),
        _ => None,
    }
}
