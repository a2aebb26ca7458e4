//! The one API over the core that both the desktop app and the CLI call.
//!
//! A [`Workshop`] owns the store and the loaded packs. Every method is a whole user action
//! (pick a profile, open a step, answer, ask a hint, save a record) and returns a view
//! ready to render: the UI decides nothing about correctness or progress.

pub mod datainfo;
pub mod workbench;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::chart::{self, BarChartSpec, BarDatum};
use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::import::{self, ImportOptions, ImportReport};
use crate::lesson::datatask;
use crate::lesson::exercise::{self, Verdict};
use crate::lesson::form::{FieldError, Form};
use crate::lesson::importstep::{self, ImportStep, ImportStepError};
use crate::lesson::task;
use crate::pack::{localized, AnswerType, ChartStep, Exercise, Lesson, Pack, Step};
use crate::store::export::{self, ExportFormat, ExportReport};
use crate::store::tables::quote_ident;
use crate::store::tables::{self, TableInfo};
use crate::store::{Event, EventKind, Position, Profile, StepRef, Store};

pub struct Workshop {
    store: Store,
    packs: Vec<Pack>,
    lang: Lang,
    data_dir: PathBuf,
    warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    pub version: &'static str,
    pub data_dir: String,
    pub lang: Lang,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProfileView {
    pub id: String,
    pub name: String,
    pub created_at: String,
    /// Where this trainee was last, to resume there.
    pub resume: Option<Position>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackSummary {
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: String,
    pub builtin: bool,
    /// The pack has a facilitator's guide ([`Workshop::pack_guide`]).
    pub has_guide: bool,
    pub lessons: Vec<LessonSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LessonSummary {
    pub id: String,
    pub title: String,
    pub steps: usize,
    pub done: usize,
    /// Steps to do for the lesson to be done (its completion rule).
    pub required: usize,
    pub status: LessonStatus,
}

/// A lesson's status for a trainee, from its completion rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonStatus {
    Todo,
    InProgress,
    Done,
}

/// The status of a lesson whose steps have these statuses.
pub fn lesson_status(lesson: &Lesson, statuses: &[Status]) -> LessonStatus {
    let done = statuses.iter().filter(|s| **s == Status::Done).count();
    if done >= lesson.completion.required(lesson.steps.len()) {
        LessonStatus::Done
    } else if statuses.iter().any(|s| *s != Status::Todo) {
        LessonStatus::InProgress
    } else {
        LessonStatus::Todo
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct StepSummary {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Todo,
    Started,
    /// Skipped without being done: later steps stay usable, the step stays to do.
    Skipped,
    Done,
}

#[derive(Debug, Clone, Serialize)]
pub struct LessonView {
    pub pack_id: String,
    pub pack_title: String,
    pub lesson_id: String,
    pub title: String,
    pub steps: Vec<StepSummary>,
    /// The step to show first: where the trainee was, else the first one.
    pub current: String,
    pub done: usize,
    /// Steps to do for the lesson to be done (its completion rule).
    pub required: usize,
    pub status: LessonStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub answer_type: AnswerType,
    pub choices: Vec<crate::lesson::form::Choice>,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub pack_id: String,
    pub lesson_id: String,
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    /// The step's text as sanitised HTML.
    pub html: String,
    /// 1-based position in the lesson, and the number of steps.
    pub index: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub status: Status,
    pub question: Option<QuestionView>,
    pub form: Option<Form>,
    pub min_records: u32,
    pub records: Vec<serde_json::Map<String, serde_json::Value>>,
    pub chart_svg: Option<String>,
    /// A dataset shown with a question, formatted for reading.
    pub table: Option<TableView>,
    /// The pack dataset the step shows or works on (question with a table, chart, data
    /// and chart tasks): its sources and licence, for the line under the data.
    pub dataset_info: Option<crate::workshop::datainfo::DatasetInfo>,
    pub hints_total: usize,
    /// The hints already shown, in order.
    pub hints: Vec<String>,
    pub attempts: usize,
    pub last_answer: Option<serde_json::Value>,
    /// The message for the last answer ("Bonne réponse !", or the feedback).
    pub last_message: Option<String>,
    pub last_correct: Option<bool>,
    /// Shown once answered correctly or revealed (sanitised HTML).
    pub explanation_html: Option<String>,
    /// Reflection steps: the last text written, the length needed, the box's hint.
    pub reflection: Option<String>,
    pub min_length: usize,
    pub placeholder: Option<String>,
    /// True once the trainee asked to see the solution.
    pub revealed: bool,
    /// The reference answer, as the trainee would read it, once revealed.
    pub solution: Option<String>,
    /// Data-task steps: the table worked on, and the reference once revealed.
    pub data_task: Option<DataTaskView>,
    /// Chart-task steps: the table charted, and the reference once revealed.
    pub chart_task: Option<ChartTaskView>,
    /// Import steps: the file's preview, and the table once imported.
    pub import: Option<ImportStepView>,
}

/// A table formatted for display: numbers the trainee's way, missing values empty.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub name: String,
    pub columns: Vec<String>,
    /// Per column: true when its values are numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerOutcome {
    /// `correct`, `wrong`, or `invalid` (unreadable answer: not saved, not counted).
    pub verdict: &'static str,
    pub message: String,
    /// True once the attempt is committed to disk.
    pub saved: bool,
    /// The id of the committed event, when one was saved.
    pub event_id: Option<String>,
    pub step: StepView,
}

#[derive(Debug, Clone, Serialize)]
pub struct HintOutcome {
    /// 1-based number of the hint shown, out of `total`.
    pub index: usize,
    pub total: usize,
    pub text: String,
    pub saved: bool,
    /// The id of the committed event, when one was saved.
    pub event_id: Option<String>,
    pub step: StepView,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordOutcome {
    pub saved: bool,
    /// The id of the committed event, when one was saved.
    pub event_id: Option<String>,
    pub message: String,
    pub errors: Vec<FieldError>,
    pub step: StepView,
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
            data_dir: data_dir.to_path_buf(),
            warnings,
        };
        w.load_datasets(0)?;
        w.add_installed(installed);
        Ok(w)
    }

    /// Installed packs come after the built-in one; one whose datasets cannot be loaded
    /// is left out with a warning, never fatal.
    fn add_installed(&mut self, installed: Vec<Pack>) {
        for pack in installed {
            self.packs.push(pack);
            let last = self.packs.len() - 1;
            if let Err(e) = self.load_datasets(last) {
                let id = self.packs[last].id().to_string();
                self.warnings
                    .push(format!("{id}: {}", e.message(self.lang)));
                self.packs.pop();
            }
        }
    }

    /// Installs a `.datajam` pack file (checked entirely first: nothing is installed when
    /// it is refused), then lists the installed packs again, so the new pack (or its new
    /// version) is playable at once. The report names the steps a replaced version had
    /// that this one has not (their progress is kept but no longer shown).
    pub fn install_pack(&mut self, file: &Path) -> Result<crate::pack::packfile::InstallReport> {
        let report = crate::pack::packfile::install(file, &self.data_dir)?;
        let builtin = self.packs.remove(0);
        let (installed, warnings) =
            crate::pack::packfile::installed_for_workshop(&builtin, &self.data_dir, self.lang);
        self.packs = vec![builtin];
        self.warnings = warnings;
        self.add_installed(installed);
        Ok(report)
    }

    /// Warnings about installed packs left out when the workshop opened.
    pub fn pack_warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Adds a pack (from a folder or a pack file) and loads its datasets. A pack with the
    /// id of one already loaded replaces it (a newer version of the built-in pack, say).
    pub fn add_pack(&mut self, pack: Pack) -> Result<()> {
        let index = match self.packs.iter().position(|p| p.id() == pack.id()) {
            Some(i) => {
                self.packs[i] = pack;
                i
            }
            None => {
                self.packs.push(pack);
                self.packs.len() - 1
            }
        };
        self.load_datasets(index)
    }

    /// Opens the workshop on the data directory of the environment (`DATAJAM_DATA_DIR`
    /// or the OS default) in the language of `DATAJAM_LANG` (French by default).
    pub fn open_default() -> Result<Workshop> {
        Workshop::open(&crate::paths::data_dir()?, Lang::from_env())
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            data_dir: self.data_dir.display().to_string(),
            lang: self.lang,
        }
    }

    pub fn profiles(&self) -> Result<Vec<ProfileView>> {
        self.store
            .profiles()?
            .into_iter()
            .map(|p| self.profile_view(p))
            .collect()
    }

    pub fn create_profile(&mut self, name: &str) -> Result<ProfileView> {
        let p = self.store.create_profile(name)?;
        self.profile_view(p)
    }

    fn profile_view(&self, p: Profile) -> Result<ProfileView> {
        let resume = self.store.last_position(&p.id)?;
        Ok(ProfileView {
            id: p.id,
            name: p.name,
            created_at: p.created_at,
            resume,
        })
    }

    /// The packs, with the profile's progress in each lesson when a profile is given.
    pub fn packs(&self, profile_id: Option<&str>) -> Result<Vec<PackSummary>> {
        let mut out = Vec::new();
        for pack in &self.packs {
            let events = match profile_id {
                Some(p) => self.store.events(p, pack.id())?,
                None => Vec::new(),
            };
            let lessons = pack
                .lessons
                .iter()
                .map(|l| {
                    let statuses: Vec<Status> = l
                        .steps
                        .iter()
                        .map(|s| status(s, &step_events(&events, &l.id, &s.id)))
                        .collect();
                    LessonSummary {
                        id: l.id.clone(),
                        title: localized(&l.title, self.lang),
                        steps: l.steps.len(),
                        done: statuses.iter().filter(|s| **s == Status::Done).count(),
                        required: l.completion.required(l.steps.len()),
                        status: lesson_status(l, &statuses),
                    }
                })
                .collect();
            out.push(PackSummary {
                id: pack.id().to_string(),
                version: pack.manifest.version.clone(),
                title: localized(&pack.manifest.title, self.lang),
                description: localized(&pack.manifest.description, self.lang),
                builtin: pack.origin == crate::pack::Origin::Builtin,
                has_guide: pack.manifest.guide.is_some(),
                lessons,
            });
        }
        Ok(out)
    }

    /// Opens a lesson for a profile: its steps with their status, and the step to show.
    pub fn lesson(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
    ) -> Result<LessonView> {
        self.store.profile(profile_id)?;
        let pack = self.pack(pack_id)?;
        let lesson = pack
            .lesson(lesson_id)
            .ok_or_else(|| Error::LessonNotFound(lesson_id.to_string()))?;
        let events = self.store.events(profile_id, pack_id)?;
        let steps: Vec<StepSummary> = lesson
            .steps
            .iter()
            .map(|s| StepSummary {
                id: s.id.clone(),
                title: s.title.clone(),
                kind: s.exercise.kind(),
                status: status(s, &step_events(&events, &lesson.id, &s.id)),
            })
            .collect();
        let current = self
            .store
            .position_in_pack(profile_id, pack_id)?
            .filter(|p| p.lesson_id == lesson_id && lesson.step(&p.step_id).is_some())
            .map(|p| p.step_id)
            .unwrap_or_else(|| lesson.steps[0].id.clone());
        let statuses: Vec<Status> = steps.iter().map(|s| s.status).collect();
        Ok(LessonView {
            done: statuses.iter().filter(|s| **s == Status::Done).count(),
            required: lesson.completion.required(lesson.steps.len()),
            status: lesson_status(lesson, &statuses),
            pack_id: pack_id.to_string(),
            pack_title: localized(&pack.manifest.title, self.lang),
            lesson_id: lesson_id.to_string(),
            title: localized(&lesson.title, self.lang),
            steps,
            current,
        })
    }

    /// Shows a step and records that the trainee is there (so reopening resumes here).
    pub fn step(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<StepView> {
        self.store.profile(profile_id)?;
        let version = self
            .locate(pack_id, lesson_id, step_id)?
            .pack
            .manifest
            .version
            .clone();
        self.store.set_position(&StepRef {
            profile_id,
            pack_id,
            pack_version: &version,
            lesson_id,
            step_id,
        })?;
        self.ready(pack_id, lesson_id, step_id)?;
        self.view(profile_id, pack_id, lesson_id, step_id)
    }

    /// Checks an answer to a question step; a readable answer is committed as an attempt
    /// before this returns.
    pub fn answer(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
        answer: &serde_json::Value,
    ) -> Result<AnswerOutcome> {
        self.store.profile(profile_id)?;
        self.ready(pack_id, lesson_id, step_id)?;
        let lang = self.lang;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Exercise::Question(q) = &loc.step.exercise else {
            return Err(wrong_kind(loc.step));
        };
        let verdict = exercise::check(q, answer, lang);
        let version = loc.pack.manifest.version.clone();
        let (name, message, correct) = match verdict {
            Verdict::Invalid { message } => {
                let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
                return Ok(AnswerOutcome {
                    verdict: "invalid",
                    message,
                    saved: false,
                    event_id: None,
                    step,
                });
            }
            Verdict::Correct => ("correct", i18n::t(lang, "correct").to_string(), true),
            Verdict::Wrong { feedback } => (
                "wrong",
                feedback.unwrap_or_else(|| i18n::t(lang, "wrong").to_string()),
                false,
            ),
        };
        let event = self.append_event(
            (profile_id, pack_id, lesson_id, step_id),
            &version,
            EventKind::Attempt,
            &serde_json::json!({ "answer": answer, "message": message }),
            Some(correct),
        )?;
        let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
        Ok(AnswerOutcome {
            verdict: name,
            message,
            saved: true,
            event_id: Some(event.id),
            step,
        })
    }

    /// Shows the next hint of a question step. A hint is never counted as a wrong answer.
    pub fn hint(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<HintOutcome> {
        self.store.profile(profile_id)?;
        self.ready(pack_id, lesson_id, step_id)?;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Some(hints) = exercise_hints(&loc.step.exercise) else {
            return Err(wrong_kind(loc.step));
        };
        let hints = hints.to_vec();
        let version = loc.pack.manifest.version.clone();
        let events = self.store.events(profile_id, pack_id)?;
        let used = step_events(&events, lesson_id, step_id)
            .iter()
            .filter(|e| e.kind == "hint")
            .count();
        if used >= hints.len() {
            let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
            return Ok(HintOutcome {
                index: used.min(hints.len()),
                total: hints.len(),
                text: i18n::t(self.lang, "no_more_hints").into(),
                saved: false,
                event_id: None,
                step,
            });
        }
        let event = self.append_event(
            (profile_id, pack_id, lesson_id, step_id),
            &version,
            EventKind::Hint,
            &serde_json::json!({ "index": used + 1 }),
            None,
        )?;
        let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
        Ok(HintOutcome {
            index: used + 1,
            total: hints.len(),
            text: hints[used].clone(),
            saved: true,
            event_id: Some(event.id),
            step,
        })
    }

    /// Validates and saves one record of a collect step. Invalid input is not saved; each
    /// problem comes back with its field and a message in the trainee's language.
    pub fn submit_record(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
        values: &BTreeMap<String, String>,
    ) -> Result<RecordOutcome> {
        self.store.profile(profile_id)?;
        let lang = self.lang;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Exercise::Collect(c) = &loc.step.exercise else {
            return Err(wrong_kind(loc.step));
        };
        let form = c.form.clone();
        let version = loc.pack.manifest.version.clone();
        match form.validate(values, lang) {
            Err(errors) => {
                let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
                let message = match lang {
                    Lang::Fr => {
                        "L'enregistrement n'a pas été sauvegardé : corrigez les champs signalés."
                    }
                    Lang::En => "The record was not saved: correct the fields shown.",
                };
                Ok(RecordOutcome {
                    saved: false,
                    event_id: None,
                    message: message.into(),
                    errors,
                    step,
                })
            }
            Ok(typed) => {
                let at = StepRef {
                    profile_id,
                    pack_id,
                    pack_version: &version,
                    lesson_id,
                    step_id,
                };
                let (_, event) = self.store.with_event(&at, EventKind::Record, |tx| {
                    let id = form.insert(tx, profile_id, &typed)?;
                    Ok((id.clone(), serde_json::json!({ "record_id": id, "table": form.table_name(), "values": values })))
                })?;
                let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
                Ok(RecordOutcome {
                    saved: true,
                    event_id: Some(event.id),
                    message: i18n::t(lang, "record_saved").into(),
                    errors: Vec::new(),
                    step,
                })
            }
        }
    }

    /// Saves a reflection (free text, not graded). Too short or too long: not saved, and
    /// the message says why.
    pub fn reflect(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
        text: &str,
    ) -> Result<RecordOutcome> {
        self.store.profile(profile_id)?;
        let lang = self.lang;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Exercise::Reflection(r) = &loc.step.exercise else {
            return Err(wrong_kind(loc.step));
        };
        let version = loc.pack.manifest.version.clone();
        let text = text.trim();
        let n = text.chars().count();
        let problem = if n == 0 || n < r.min_length {
            Some(match lang {
                Lang::Fr => format!(
                    "Écrivez au moins {} caractères (vous en avez écrit {n}).",
                    r.min_length.max(1)
                ),
                Lang::En => format!(
                    "Write at least {} characters (you wrote {n}).",
                    r.min_length.max(1)
                ),
            })
        } else if n > crate::pack::MAX_REFLECTION {
            Some(i18n::t(lang, "field_too_long").to_string())
        } else {
            None
        };
        if let Some(message) = problem {
            let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
            return Ok(RecordOutcome {
                saved: false,
                event_id: None,
                message,
                errors: Vec::new(),
                step,
            });
        }
        let event = self.append_event(
            (profile_id, pack_id, lesson_id, step_id),
            &version,
            EventKind::Reflection,
            &serde_json::json!({ "text": text }),
            None,
        )?;
        let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
        Ok(RecordOutcome {
            saved: true,
            event_id: Some(event.id),
            message: match lang {
                Lang::Fr => "Réflexion enregistrée.".into(),
                Lang::En => "Reflection saved.".into(),
            },
            errors: Vec::new(),
            step,
        })
    }

    /// Appends one event at a step (durably, moving the trainee's position there).
    fn append_event(
        &mut self,
        (profile_id, pack_id, lesson_id, step_id): (&str, &str, &str, &str),
        pack_version: &str,
        kind: EventKind,
        payload: &serde_json::Value,
        correct: Option<bool>,
    ) -> Result<Event> {
        let at = StepRef {
            profile_id,
            pack_id,
            pack_version,
            lesson_id,
            step_id,
        };
        self.store.append_event(&at, kind, payload, correct)
    }

    /// Shows the solution of a question step (the UI asks for a confirmation first). The
    /// reveal is recorded once; the step is not done until answered.
    pub fn reveal(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<StepView> {
        self.record_once(
            profile_id,
            pack_id,
            lesson_id,
            step_id,
            EventKind::Reveal,
            |ex| {
                matches!(
                    ex,
                    Exercise::Question(_) | Exercise::Data(_) | Exercise::ChartTask(_)
                )
            },
        )
    }

    /// Skips a question or collect step: recorded once, the step stays to do, and the
    /// trainee moves on (later steps do not depend on a question's answer).
    pub fn skip(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<StepView> {
        // A data task's result table is made from the reference, an import step's table is
        // imported, so later steps work.
        self.store.profile(profile_id)?;
        self.ready(pack_id, lesson_id, step_id)?;
        if let Exercise::Import(i) = &self.locate(pack_id, lesson_id, step_id)?.step.exercise {
            let table = i.table.clone();
            self.ensure_tables(pack_id, vec![table])?;
        }
        self.save_reference_result(pack_id, lesson_id, step_id)?;
        self.record_once(
            profile_id,
            pack_id,
            lesson_id,
            step_id,
            EventKind::Skip,
            |ex| {
                matches!(
                    ex,
                    Exercise::Question(_)
                        | Exercise::Collect(_)
                        | Exercise::Data(_)
                        | Exercise::ChartTask(_)
                        | Exercise::Import(_)
                )
            },
        )
    }

    /// Appends `kind` for a step unless it is already there; `allowed` says which step
    /// kinds take it.
    fn record_once(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
        kind: EventKind,
        allowed: impl Fn(&Exercise) -> bool,
    ) -> Result<StepView> {
        self.store.profile(profile_id)?;
        self.ready(pack_id, lesson_id, step_id)?;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        if !allowed(&loc.step.exercise) {
            return Err(wrong_kind(loc.step));
        }
        let version = loc.pack.manifest.version.clone();
        let events = self.store.events(profile_id, pack_id)?;
        let already = step_events(&events, lesson_id, step_id)
            .iter()
            .any(|e| e.kind == kind.as_str());
        if !already {
            self.append_event(
                (profile_id, pack_id, lesson_id, step_id),
                &version,
                kind,
                &serde_json::json!({}),
                None,
            )?;
        }
        self.view(profile_id, pack_id, lesson_id, step_id)
    }

    /// Marks a read or chart step as done (once) and returns its view.
    pub fn complete(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<StepView> {
        Ok(self
            .complete_with_event(profile_id, pack_id, lesson_id, step_id)?
            .1)
    }

    /// Like [`Workshop::complete`], also giving the id of the event committed (`None` when
    /// the step was already done, so nothing new was saved).
    pub fn complete_with_event(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<(Option<String>, StepView)> {
        self.store.profile(profile_id)?;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        if !matches!(loc.step.exercise, Exercise::Read | Exercise::Chart(_)) {
            return Err(wrong_kind(loc.step));
        }
        let version = loc.pack.manifest.version.clone();
        let events = self.store.events(profile_id, pack_id)?;
        let done = step_events(&events, lesson_id, step_id)
            .iter()
            .any(|e| e.kind == "complete");
        let mut event_id = None;
        if !done {
            let event = self.append_event(
                (profile_id, pack_id, lesson_id, step_id),
                &version,
                EventKind::Complete,
                &serde_json::json!({}),
                None,
            )?;
            event_id = Some(event.id);
        }
        Ok((
            event_id,
            self.view(profile_id, pack_id, lesson_id, step_id)?,
        ))
    }

    /// Imports a spreadsheet or CSV file into a workspace table.
    pub fn import(&mut self, path: &Path, opts: &ImportOptions) -> Result<ImportReport> {
        Ok(import::import_file(self.store.conn_mut(), path, opts)?)
    }

    /// Every imported table, ordered by name.
    pub fn tables(&self) -> Result<Vec<TableInfo>> {
        tables::list_tables(self.store.conn())
    }

    /// One imported table; [`Error::TableNotFound`] when there is none by that name.
    pub fn table_info(&self, name: &str) -> Result<TableInfo> {
        tables::table_info(self.store.conn(), name)
    }

    /// Exports an imported table to a file (see [`export::export_table`]); the file is
    /// replaced only once it is completely written.
    pub fn export_table(
        &self,
        table: &str,
        path: &Path,
        format: ExportFormat,
    ) -> Result<ExportReport> {
        Ok(export::export_table(
            self.store.conn(),
            table,
            path,
            format,
        )?)
    }

    /// Imports a file and reports its progress (at most every 50 ms) to `on_progress`.
    pub fn import_with_progress(
        &mut self,
        path: &Path,
        opts: &ImportOptions,
        on_progress: &mut dyn FnMut(&import::Progress),
    ) -> Result<ImportReport> {
        Ok(import::import_file_with_progress(
            self.store.conn_mut(),
            path,
            opts,
            on_progress,
        )?)
    }

    /// What importing `path` would do, without writing anything.
    pub fn preview(&self, path: &Path, opts: &ImportOptions) -> Result<import::Preview> {
        Ok(import::preview_file(path, opts)?)
    }

    /// The chart of a chart step, as SVG.
    pub fn chart_svg(&self, c: &ChartStep) -> Result<String> {
        let data = self.bar_data(&c.dataset, &c.x, &c.y)?;
        Ok(chart::bar_chart_svg(&chart_spec(c), &data)?)
    }

    /// Reads category/value pairs from a table.
    fn bar_data(&self, table: &str, x: &str, y: &str) -> Result<Vec<BarDatum>> {
        let conn = self.store.conn();
        let cols: Vec<String> = {
            let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
            let rows = stmt.query_map([table], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if cols.is_empty() {
            return Err(Error::TableNotFound(table.to_string()));
        }
        for c in [x, y] {
            if !cols.iter().any(|n| n == c) {
                return Err(Error::ColumnNotFound(c.to_string()));
            }
        }
        let sql = format!(
            "SELECT CAST({} AS TEXT), CAST({} AS REAL) FROM {} WHERE {} IS NOT NULL",
            quote_ident(x),
            quote_ident(y),
            quote_ident(table),
            quote_ident(y)
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(BarDatum {
                label: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                value: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The first `limit` rows of a table, formatted for reading.
    pub fn table_view(&self, table: &str, limit: usize) -> Result<TableView> {
        use rusqlite::types::ValueRef;
        let conn = self.store.conn();
        // Only workspace tables (imported files, pack datasets), never the app's own.
        let info = crate::store::tables::table_info(conn, table)?;
        let table = info.name.as_str();
        let mut stmt = conn.prepare(&format!("SELECT * FROM {} LIMIT ?1", quote_ident(table)))?;
        let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
        let n = columns.len();
        let mut numeric = vec![true; n];
        let mut seen = vec![false; n];
        let lang = self.lang;
        let mut rows = Vec::new();
        let mut q = stmt.query([limit as i64])?;
        while let Some(r) = q.next()? {
            let mut row = Vec::with_capacity(n);
            for i in 0..n {
                let cell = match r.get_ref(i)? {
                    ValueRef::Null => String::new(),
                    ValueRef::Integer(v) => {
                        seen[i] = true;
                        i18n::format_number(lang, v as f64, 0)
                    }
                    ValueRef::Real(v) => {
                        seen[i] = true;
                        i18n::format_number(lang, v, if v.fract() == 0.0 { 0 } else { 2 })
                    }
                    ValueRef::Text(t) => {
                        seen[i] = true;
                        numeric[i] = false;
                        String::from_utf8_lossy(t).into_owned()
                    }
                    ValueRef::Blob(_) => String::new(),
                };
                row.push(cell);
            }
            rows.push(row);
        }
        for i in 0..n {
            numeric[i] &= seen[i];
        }
        Ok(TableView {
            name: table.to_string(),
            columns,
            numeric,
            rows,
        })
    }

    /// A loaded pack (the built-in one or an installed one) by its id.
    pub fn pack(&self, id: &str) -> Result<&Pack> {
        self.packs
            .iter()
            .find(|p| p.id() == id)
            .ok_or_else(|| Error::PackNotFound(id.to_string()))
    }

    /// The packs of this session: the built-in one first, then the installed ones.
    pub fn loaded_packs(&self) -> &[Pack] {
        &self.packs
    }

    /// A pack of this session by id.
    pub fn loaded_pack(&self, id: &str) -> Result<&Pack> {
        self.pack(id)
    }

    /// The facilitator's guide of a pack, sanitised, with its table of contents;
    /// [`Error::PackHasNoGuide`] when the pack has none.
    pub fn pack_guide(&self, pack_id: &str) -> Result<crate::pack::guide::GuideView> {
        let pack = self.pack(pack_id)?;
        crate::pack::guide::view(pack, self.lang)
            .ok_or_else(|| Error::PackHasNoGuide(pack_id.to_string()))
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

    /// Builds the view of a step from the pack and the profile's events.
    fn view(
        &self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<StepView> {
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let events = self.store.events(profile_id, pack_id)?;
        let mine = step_events(&events, lesson_id, step_id);
        let steps = &loc.lesson.steps;
        let attempts: Vec<&&Event> = mine.iter().filter(|e| e.kind == "attempt").collect();
        let last = attempts.last();
        let mut view = StepView {
            pack_id: pack_id.to_string(),
            lesson_id: lesson_id.to_string(),
            id: step_id.to_string(),
            title: loc.step.title.clone(),
            kind: loc.step.exercise.kind(),
            html: crate::pack::markdown::to_safe_html(&loc.step.body),
            index: loc.index + 1,
            total: steps.len(),
            prev: loc.index.checked_sub(1).map(|i| steps[i].id.clone()),
            next: steps.get(loc.index + 1).map(|s| s.id.clone()),
            status: status(loc.step, &mine),
            question: None,
            form: None,
            min_records: 0,
            records: Vec::new(),
            chart_svg: None,
            table: None,
            dataset_info: None,
            hints_total: 0,
            hints: Vec::new(),
            attempts: attempts.len(),
            last_answer: last.map(|e| e.payload["answer"].clone()),
            last_message: last.and_then(|e| e.payload["message"].as_str().map(str::to_string)),
            last_correct: last.and_then(|e| e.correct),
            explanation_html: None,
            revealed: mine.iter().any(|e| e.kind == "reveal"),
            reflection: mine
                .iter()
                .rev()
                .find(|e| e.kind == "reflection")
                .and_then(|e| e.payload["text"].as_str().map(str::to_string)),
            min_length: 0,
            placeholder: None,
            solution: None,
            data_task: None,
            chart_task: None,
            import: None,
        };
        match &loc.step.exercise {
            Exercise::Read => {}
            Exercise::Question(q) => {
                view.question = Some(QuestionView {
                    answer_type: q.answer_type,
                    choices: q.choices.clone(),
                    unit: q.unit.clone(),
                });
                view.hints_total = q.hints.len();
                let used = mine
                    .iter()
                    .filter(|e| e.kind == "hint")
                    .count()
                    .min(q.hints.len());
                view.hints = q.hints[..used].to_vec();
                if view.status == Status::Done || view.revealed {
                    view.explanation_html = q
                        .explanation
                        .as_deref()
                        .map(crate::pack::markdown::to_safe_html);
                }
                if view.revealed {
                    view.solution = Some(solution_text(q, self.lang));
                }
                if let Some(d) = &q.dataset {
                    view.table = Some(self.table_view(d, 500)?);
                }
            }
            Exercise::Collect(c) => {
                view.records = c.form.records(self.store.conn(), profile_id)?;
                view.form = Some(c.form.clone());
                view.min_records = c.min_records;
            }
            Exercise::Reflection(r) => {
                view.min_length = r.min_length;
                view.placeholder = r.placeholder.clone();
            }
            Exercise::Chart(c) => {
                view.chart_svg = Some(self.chart_svg(c)?);
            }
            Exercise::Data(t) => self.data_task_view(&mut view, t, &mine),
            Exercise::ChartTask(t) => self.chart_task_view(&mut view, t, &mine),
            Exercise::Import(i) => self.import_step_view(&mut view, &loc, i, &mine)?,
        }
        let dataset = match &loc.step.exercise {
            Exercise::Question(q) => q.dataset.as_deref(),
            Exercise::Chart(c) => Some(c.dataset.as_str()),
            Exercise::Data(t) => Some(t.dataset.as_str()),
            Exercise::ChartTask(t) => Some(t.dataset.as_str()),
            _ => None,
        };
        if let Some(d) = dataset {
            view.dataset_info = self.dataset_info(d)?;
        }
        Ok(view)
    }

    /// Loads (or reloads, when the pack changed) the datasets of pack `index` into tables.
    fn load_datasets(&mut self, index: usize) -> Result<()> {
        let pack = &self.packs[index];
        let hash = pack.content_hash();
        let pack_id = pack.id().to_string();
        let mut todo = Vec::new();
        for d in pack.datasets.iter().filter(|d| !d.import_step) {
            let loaded: Option<String> = self
                .store
                .conn()
                .query_row(
                    "SELECT content_hash FROM pack_datasets WHERE pack_id = ?1 AND resource = ?2",
                    params![pack_id, d.name],
                    |r| r.get(0),
                )
                .optional()?;
            if loaded.as_deref() != Some(hash.as_str()) {
                let bytes = pack.file(&d.path).unwrap_or_default().to_vec();
                todo.push((d.name.clone(), d.path.clone(), bytes));
            }
        }
        for (name, path, bytes) in todo {
            let opts = ImportOptions {
                table: Some(name.clone()),
                replace: true,
                ..Default::default()
            };
            import::import_bytes(self.store.conn_mut(), &path, &bytes, &opts)?;
            self.store.conn().execute(
                "INSERT INTO pack_datasets(pack_id, resource, table_name, content_hash, loaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(pack_id, resource) DO UPDATE SET
                   table_name = excluded.table_name, content_hash = excluded.content_hash, loaded_at = excluded.loaded_at",
                params![pack_id, name, name, hash, crate::store::now()],
            )?;
        }
        Ok(())
    }
}

fn chart_spec(c: &ChartStep) -> BarChartSpec {
    BarChartSpec {
        title: c.title.clone(),
        x_label: c.x_label.clone(),
        y_label: c.y_label.clone(),
        source: c.source.clone(),
        horizontal: c.horizontal,
        sort_desc: c.sort_desc,
        highlight: c.highlight.clone(),
    }
}

/// The reference answer as the trainee reads it: the choice's label, a French number.
fn solution_text(q: &crate::pack::Question, lang: Lang) -> String {
    match q.answer_type {
        AnswerType::Choice => {
            let v = q.answer.as_str().unwrap_or_default();
            q.choices
                .iter()
                .find(|c| c.value == v)
                .map(|c| c.label.clone())
                .unwrap_or_else(|| v.to_string())
        }
        AnswerType::Multiple => {
            let values: Vec<&str> = q
                .answer
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            q.choices
                .iter()
                .filter(|c| values.contains(&c.value.as_str()))
                .map(|c| c.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
        AnswerType::Number => {
            let f = |n: f64| i18n::format_number(lang, n, if n.fract() == 0.0 { 0 } else { 2 });
            let mut s = match (q.answer.as_f64(), q.min, q.max) {
                (Some(n), _, _) => f(n),
                (None, Some(a), Some(b)) => match lang {
                    Lang::Fr => format!("entre {} et {}", f(a), f(b)),
                    Lang::En => format!("between {} and {}", f(a), f(b)),
                },
                (None, Some(a), None) => match lang {
                    Lang::Fr => format!("au moins {}", f(a)),
                    Lang::En => format!("at least {}", f(a)),
                },
                (None, None, Some(b)) => match lang {
                    Lang::Fr => format!("au plus {}", f(b)),
                    Lang::En => format!("at most {}", f(b)),
                },
                (None, None, None) => String::new(),
            };
            if let Some(u) = &q.unit {
                s.push(' ');
                s.push_str(u);
            }
            s
        }
        AnswerType::Text => q.answer.as_str().unwrap_or_default().to_string(),
    }
}

fn wrong_kind(step: &Step) -> Error {
    Error::WrongStepKind {
        step: step.id.clone(),
        kind: step.exercise.kind().to_string(),
    }
}

fn step_events<'a>(events: &'a [Event], lesson_id: &str, step_id: &str) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.lesson_id == lesson_id && e.step_id == step_id)
        .collect()
}

/// A step's status from its events: answers, not time, make a step done.
fn status(step: &Step, events: &[&Event]) -> Status {
    let done = match &step.exercise {
        Exercise::Read | Exercise::Chart(_) => events.iter().any(|e| e.kind == "complete"),
        Exercise::Question(_) | Exercise::Data(_) | Exercise::ChartTask(_) => events
            .iter()
            .any(|e| e.kind == "attempt" && e.correct == Some(true)),
        Exercise::Collect(c) => {
            events.iter().filter(|e| e.kind == "record").count() >= c.min_records as usize
        }
        Exercise::Reflection(_) => events.iter().any(|e| e.kind == "reflection"),
        Exercise::Import(_) => events.iter().any(|e| e.kind == "import"),
    };
    if done {
        Status::Done
    } else if events.iter().any(|e| e.kind == "skip") {
        Status::Skipped
    } else if events.is_empty() {
        Status::Todo
    } else {
        Status::Started
    }
}

// ---------- data tasks and chart tasks ----------

/// What a data-task step shows besides the common fields.
#[derive(Debug, Clone, Serialize)]
pub struct DataTaskView {
    /// The table the pipeline starts from.
    pub dataset: String,
    /// Its columns, for the pipeline editor; `None` while the table does not exist yet
    /// (it is the result of an earlier step not done yet).
    pub table: Option<TableInfo>,
    /// The table saved when the step is done or skipped.
    pub result: Option<String>,
    /// Row order is checked.
    pub ordered: bool,
    /// The reference pipeline (JSON, as the editor builds it), once revealed.
    pub reference: Option<serde_json::Value>,
    /// The reference's steps as sentences, once revealed.
    pub solution_steps: Vec<String>,
}

/// What a chart-task step shows besides the common fields.
#[derive(Debug, Clone, Serialize)]
pub struct ChartTaskView {
    pub dataset: String,
    /// Its columns, for the chart editor (`None` while the table does not exist yet).
    pub table: Option<TableInfo>,
    /// The reference chart request, once revealed.
    pub reference: Option<serde_json::Value>,
}

/// The outcome of a pipeline submitted to a data task.
#[derive(Debug, Clone, Serialize)]
pub struct TaskOutcome {
    /// `correct`, `wrong`, or `invalid` (the pipeline cannot run: not saved, not counted).
    pub verdict: &'static str,
    pub message: String,
    /// True once the attempt is committed to disk.
    pub saved: bool,
    pub event_id: Option<String>,
    /// The trainee's result: the first rows, and the number of rows in all.
    pub result: Option<crate::analysis::ResultTable>,
    pub step: StepView,
}

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

/// True when every field an anticipated wrong chart names is the trainee's.
fn chart_feedback_matches(fb: &task::ChartChoice, got: &task::ChartChoice) -> bool {
    let same = |a: &Option<String>, b: &Option<String>| match a {
        None => true,
        Some(a) => b
            .as_deref()
            .is_some_and(|b| a.trim().eq_ignore_ascii_case(b.trim())),
    };
    (fb.kind.is_empty() || fb.kind == got.kind)
        && same(&fb.x, &got.x)
        && same(&fb.y, &got.y)
        && (fb.agg.is_none()
            || same(
                &fb.agg,
                &Some(got.agg.clone().unwrap_or_else(|| "sum".into())),
            ))
        && same(&fb.group, &got.group)
        && fb.sort.is_none_or(|s| got.sort.unwrap_or(false) == s)
        && same(&fb.weight, &got.weight)
}

impl Workshop {
    /// Checks a pipeline built for a data task: it runs on the step's table and its result
    /// is compared with the reference's (values, not names; order when the task asks).
    /// A runnable pipeline is committed as an attempt before this returns; a right one
    /// also saves the step's `result` table (made from the reference, so later steps find
    /// the column names they expect).
    pub fn submit_pipeline(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
        pipeline: &serde_json::Value,
    ) -> Result<TaskOutcome> {
        self.store.profile(profile_id)?;
        self.ready(pack_id, lesson_id, step_id)?;
        let lang = self.lang;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Exercise::Data(t) = &loc.step.exercise else {
            return Err(wrong_kind(loc.step));
        };
        let t = t.clone();
        let version = loc.pack.manifest.version.clone();
        let conn = self.store.conn();
        if tables::table_info(conn, &t.dataset).is_err() {
            return Err(datatask::TaskError::DatasetMissing { table: t.dataset }.into());
        }
        let reference = datatask::run_grid(conn, &t.dataset, &t.reference).map_err(|e| {
            datatask::TaskError::ReferenceFailed {
                step: step_id.to_string(),
                detail: e.message(lang),
            }
        })?;
        let run = crate::analysis::pipeline::Pipeline::from_value(pipeline.clone()).and_then(|p| {
            crate::analysis::pipeline::run(conn, &t.dataset, &p, datatask::MAX_COMPARE_ROWS)
        });
        let mut result = match run {
            Ok(r) => r,
            Err(e @ Error::Analysis(_)) => {
                let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
                return Ok(TaskOutcome {
                    verdict: "invalid",
                    message: e.message(lang),
                    saved: false,
                    event_id: None,
                    result: None,
                    step,
                });
            }
            Err(e) => return Err(e),
        };
        let got = result.to_grid();
        let how = t.compare();
        let (name, message, correct) = match task::compare(&reference, &got, how) {
            Ok(()) => ("correct", i18n::t(lang, "correct").to_string(), true),
            Err(mismatch) => {
                let anticipated = t.feedback.iter().find(|fb| {
                    datatask::run_grid(conn, &t.dataset, &fb.pipeline)
                        .is_ok_and(|g| task::compare(&g, &got, how).is_ok())
                });
                let message = match anticipated {
                    Some(fb) => fb.message.clone(),
                    None => mismatch.message(lang),
                };
                ("wrong", message, false)
            }
        };
        if correct {
            if let Some(table) = &t.result {
                crate::analysis::pipeline::save_as(
                    self.store.conn_mut(),
                    &t.dataset,
                    &t.reference,
                    table,
                )?;
            }
        }
        let columns: Vec<&str> = result.columns.iter().map(|c| c.name.as_str()).collect();
        let event = self.append_event(
            (profile_id, pack_id, lesson_id, step_id),
            &version,
            EventKind::Attempt,
            &serde_json::json!({
                "answer": pipeline,
                "message": message,
                "rows": result.total_rows,
                "columns": columns,
            }),
            Some(correct),
        )?;
        result.rows.truncate(datatask::RESULT_PREVIEW_ROWS);
        let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
        Ok(TaskOutcome {
            verdict: name,
            message,
            saved: true,
            event_id: Some(event.id),
            result: Some(result),
            step,
        })
    }

    /// Checks a chart request (kind, x, y, agg, group; other keys ignored) against what a
    /// chart task expects; a request with a kind is committed as an attempt.
    pub fn submit_chart(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
        request: &serde_json::Value,
    ) -> Result<AnswerOutcome> {
        self.store.profile(profile_id)?;
        self.ready(pack_id, lesson_id, step_id)?;
        let lang = self.lang;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Exercise::ChartTask(t) = &loc.step.exercise else {
            return Err(wrong_kind(loc.step));
        };
        let t = t.clone();
        let version = loc.pack.manifest.version.clone();
        let got = datatask::chart_choice(request);
        if got.kind.is_empty() {
            let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
            return Ok(AnswerOutcome {
                verdict: "invalid",
                message: match lang {
                    Lang::Fr => "Choisissez d'abord un type de graphique.".into(),
                    Lang::En => "Choose a kind of chart first.".into(),
                },
                saved: false,
                event_id: None,
                step,
            });
        }
        let (name, message, correct) = match task::check_chart(&t.expect, &got) {
            Ok(()) => ("correct", i18n::t(lang, "correct").to_string(), true),
            Err(m) => {
                let message = t
                    .feedback
                    .iter()
                    .find(|fb| {
                        let choice = datatask::chart_choice(
                            &serde_json::to_value(&fb.chart).unwrap_or_default(),
                        );
                        chart_feedback_matches(&choice, &got)
                    })
                    .map(|fb| fb.message.clone())
                    .unwrap_or_else(|| m.message(lang));
                ("wrong", message, false)
            }
        };
        let event = self.append_event(
            (profile_id, pack_id, lesson_id, step_id),
            &version,
            EventKind::Attempt,
            &serde_json::json!({ "answer": request, "message": message }),
            Some(correct),
        )?;
        let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
        Ok(AnswerOutcome {
            verdict: name,
            message,
            saved: true,
            event_id: Some(event.id),
            step,
        })
    }

    /// For a data task with a `result`: saves that table from the reference (skip). When
    /// the step's own table is an earlier step's result not made yet, that one is made
    /// first (from its reference), so a skip always works.
    fn save_reference_result(
        &mut self,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<()> {
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Exercise::Data(t) = &loc.step.exercise else {
            return Ok(());
        };
        let Some(table) = t.result.clone() else {
            return Ok(());
        };
        // The chain of data tasks making the tables needed, last first; it may start from
        // the table of an import step, imported first.
        let mut chain = vec![(t.dataset.clone(), t.reference.clone(), table)];
        let mut import_first = None;
        while chain.len() <= 16 {
            let needed = chain.last().map(|c| c.0.clone()).unwrap_or_default();
            if tables::table_info(self.store.conn(), &needed).is_ok() {
                break;
            }
            if import_maker(loc.pack, &needed).is_some() {
                import_first = Some(needed);
                break;
            }
            let maker = loc
                .pack
                .lessons
                .iter()
                .flat_map(|l| &l.steps)
                .find_map(|s| match &s.exercise {
                    Exercise::Data(d) if d.result.as_deref() == Some(needed.as_str()) => {
                        Some((d.dataset.clone(), d.reference.clone(), needed.clone()))
                    }
                    _ => None,
                });
            match maker {
                Some(m) => chain.push(m),
                None => return Err(datatask::TaskError::DatasetMissing { table: needed }.into()),
            }
        }
        if let Some(table) = import_first {
            self.ensure_pack_table(pack_id, &table)?;
        }
        for (dataset, reference, result) in chain.into_iter().rev() {
            crate::analysis::pipeline::save_as(
                self.store.conn_mut(),
                &dataset,
                &reference,
                &result,
            )?;
        }
        Ok(())
    }

    fn task_hints(
        &self,
        view: &mut StepView,
        hints: &[String],
        explanation: Option<&str>,
        mine: &[&Event],
    ) {
        view.hints_total = hints.len();
        let used = mine
            .iter()
            .filter(|e| e.kind == "hint")
            .count()
            .min(hints.len());
        view.hints = hints[..used].to_vec();
        if view.status == Status::Done || view.revealed {
            view.explanation_html = explanation.map(crate::pack::markdown::to_safe_html);
        }
    }

    fn data_task_view(&self, view: &mut StepView, t: &datatask::DataTask, mine: &[&Event]) {
        self.task_hints(view, &t.hints, t.explanation.as_deref(), mine);
        let mut v = DataTaskView {
            dataset: t.dataset.clone(),
            table: tables::table_info(self.store.conn(), &t.dataset).ok(),
            result: t.result.clone(),
            ordered: t.ordered,
            reference: None,
            solution_steps: Vec::new(),
        };
        if view.revealed {
            v.reference = serde_json::to_value(&t.reference).ok();
            v.solution_steps = datatask::describe_pipeline(&t.reference, self.lang);
            view.solution = Some(
                v.solution_steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("{}. {s}", i + 1))
                    .collect::<Vec<_>>()
                    .join(" ; "),
            );
        }
        view.data_task = Some(v);
    }

    fn chart_task_view(&self, view: &mut StepView, t: &datatask::ChartTask, mine: &[&Event]) {
        self.task_hints(view, &t.hints, t.explanation.as_deref(), mine);
        let mut v = ChartTaskView {
            dataset: t.dataset.clone(),
            table: tables::table_info(self.store.conn(), &t.dataset).ok(),
            reference: None,
        };
        if view.revealed {
            v.reference = serde_json::to_value(&t.reference).ok();
            view.solution = Some(datatask::describe_chart(&t.reference_choice(), self.lang));
        }
        view.chart_task = Some(v);
    }
}

// ---------- import steps ----------

/// What an import step shows besides the common fields.
#[derive(Debug, Clone, Serialize)]
pub struct ImportStepView {
    /// The practice file's name (`ushahidi_signalements.csv`) and size in bytes.
    pub file: String,
    pub bytes: u64,
    /// The table it becomes.
    pub table: String,
    /// What the import screen's preview shows for the file (format, encoding, separator,
    /// header row, HXL row, columns with their types and tags, first rows, warnings).
    pub preview: Option<import::Preview>,
    /// Why there is no preview (a pack that was not checked), in the trainee's language.
    pub preview_error: Option<String>,
    /// The table, once this step imported it (on demand counts too).
    pub imported: Option<TableInfo>,
    /// A table of that name exists that this step did not make: it will not be replaced.
    pub taken: bool,
}

/// The outcome of importing an import step's file.
#[derive(Debug, Clone, Serialize)]
pub struct ImportStepOutcome {
    /// The event committed the first time the step is done; `None` when it was already
    /// done (the table is imported again all the same).
    pub event_id: Option<String>,
    pub message: String,
    pub report: ImportReport,
    pub step: StepView,
}

/// The import step of `pack` that makes `table`: (lesson id, step id, the step).
fn import_maker<'a>(pack: &'a Pack, table: &str) -> Option<(&'a str, &'a str, &'a ImportStep)> {
    pack.lessons.iter().find_map(|l| {
        l.steps.iter().find_map(|s| match &s.exercise {
            Exercise::Import(i) if i.table.eq_ignore_ascii_case(table) => {
                Some((l.id.as_str(), s.id.as_str(), i))
            }
            _ => None,
        })
    })
}

/// The tables a step works on (the ones an import step may have to make first).
fn needed_tables(ex: &Exercise) -> Vec<String> {
    let joins = |p: &crate::analysis::pipeline::Pipeline| -> Vec<String> {
        p.steps
            .iter()
            .filter_map(|s| match s {
                crate::analysis::pipeline::Step::Join { table, .. } => Some(table.clone()),
                _ => None,
            })
            .collect()
    };
    match ex {
        Exercise::Data(t) => {
            let mut out = vec![t.dataset.clone()];
            out.extend(joins(&t.reference));
            for fb in &t.feedback {
                out.extend(joins(&fb.pipeline));
            }
            out
        }
        Exercise::ChartTask(t) => vec![t.dataset.clone()],
        Exercise::Chart(c) => vec![c.dataset.clone()],
        Exercise::Question(q) => q.dataset.iter().cloned().collect(),
        _ => Vec::new(),
    }
}

impl Workshop {
    /// Imports an import step's practice file into its table (replacing the table only when
    /// this step made it: [`ImportStepError::TableTaken`] otherwise, nothing changed). The
    /// first time, an `import` event is committed: the step is done.
    pub fn import_step(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> Result<ImportStepOutcome> {
        self.store.profile(profile_id)?;
        let lang = self.lang;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Exercise::Import(s) = &loc.step.exercise else {
            return Err(wrong_kind(loc.step));
        };
        let s = s.clone();
        let version = loc.pack.manifest.version.clone();
        let bytes = loc
            .pack
            .file(&s.file)
            .ok_or_else(|| ImportStepError::FileMissing {
                file: s.file.clone(),
            })?
            .to_vec();
        let report = importstep::import_into(
            self.store.conn_mut(),
            pack_id,
            lesson_id,
            step_id,
            &s,
            &bytes,
        )?;
        let events = self.store.events(profile_id, pack_id)?;
        let done = step_events(&events, lesson_id, step_id)
            .iter()
            .any(|e| e.kind == "import");
        let mut event_id = None;
        if !done {
            let event = self.append_event(
                (profile_id, pack_id, lesson_id, step_id),
                &version,
                EventKind::Import,
                &serde_json::json!({
                    "file": s.file,
                    "table": report.table,
                    "rows": report.rows,
                    "columns": report.columns.len(),
                }),
                None,
            )?;
            event_id = Some(event.id);
        }
        let rows = i18n::format_number(lang, report.rows as f64, 0);
        let message = match lang {
            Lang::Fr => format!(
                "Tableau « {} » importé : {rows} lignes, {} colonnes.",
                report.table,
                report.columns.len()
            ),
            Lang::En => format!(
                "Table “{}” imported: {rows} rows, {} columns.",
                report.table,
                report.columns.len()
            ),
        };
        let step = self.view(profile_id, pack_id, lesson_id, step_id)?;
        Ok(ImportStepOutcome {
            event_id,
            message,
            report,
            step,
        })
    }

    /// Writes a copy of an import step's practice file to `dest` (complete or not at all),
    /// so it can also be imported through the Data screen. Returns the bytes written.
    pub fn save_import_copy(
        &self,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
        dest: &Path,
    ) -> Result<u64> {
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Exercise::Import(s) = &loc.step.exercise else {
            return Err(wrong_kind(loc.step));
        };
        let bytes = loc
            .pack
            .file(&s.file)
            .ok_or_else(|| ImportStepError::FileMissing {
                file: s.file.clone(),
            })?;
        crate::progress::write_atomic(dest, bytes)?;
        Ok(bytes.len() as u64)
    }

    /// Makes the tables a step works on available: one an import step of the pack makes
    /// is imported on demand when missing (the trainee jumped over that step), and one an
    /// earlier data task saves is saved from its reference.
    fn ready(&mut self, pack_id: &str, lesson_id: &str, step_id: &str) -> Result<()> {
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let needed = needed_tables(&loc.step.exercise);
        self.ensure_tables(pack_id, needed)
    }

    /// [`Workshop::ensure_pack_table`] for each table; one whose name is taken by a table
    /// of another origin is left as it is (later steps use that table).
    fn ensure_tables(&mut self, pack_id: &str, needed: Vec<String>) -> Result<()> {
        for table in needed {
            match self.ensure_pack_table(pack_id, &table) {
                // A table of that name that the step did not make: later steps use it.
                Err(Error::ImportStep(ImportStepError::TableTaken { .. })) => {}
                other => {
                    other?;
                }
            }
        }
        Ok(())
    }

    /// True when the workspace has `table`, once made if it was missing: imported by the
    /// import step of the pack that makes it, or saved from the reference of the data task
    /// whose `result` it is (its own tables made first, the same way); false when nothing
    /// makes it. So a trainee who opens a later lesson first finds the tables it builds on.
    fn ensure_pack_table(&mut self, pack_id: &str, table: &str) -> Result<bool> {
        self.ensure_pack_table_within(pack_id, table, 16)
    }

    fn ensure_pack_table_within(&mut self, pack_id: &str, table: &str, depth: u8) -> Result<bool> {
        if tables::find_table(self.store.conn(), table)?.is_some() {
            return Ok(true);
        }
        let pack = self.pack(pack_id)?;
        let result_maker =
            pack.lessons
                .iter()
                .flat_map(|l| &l.steps)
                .find_map(|s| match &s.exercise {
                    Exercise::Data(d) if d.result.as_deref() == Some(table) => Some(d.clone()),
                    _ => None,
                });
        if let (Some(d), None) = (result_maker, import_maker(pack, table)) {
            if depth == 0 {
                return Ok(false);
            }
            let mut needed = vec![d.dataset.clone()];
            needed.extend(d.reference.steps.iter().filter_map(|s| match s {
                crate::analysis::pipeline::Step::Join { table, .. } => Some(table.clone()),
                _ => None,
            }));
            for t in needed {
                if !self.ensure_pack_table_within(pack_id, &t, depth - 1)? {
                    return Ok(false);
                }
            }
            crate::analysis::pipeline::save_as(
                self.store.conn_mut(),
                &d.dataset,
                &d.reference,
                table,
            )?;
            return Ok(true);
        }
        let pack = self.pack(pack_id)?;
        let Some((lesson_id, step_id, s)) = import_maker(pack, table) else {
            return Ok(false);
        };
        let (lesson_id, step_id, s) = (lesson_id.to_string(), step_id.to_string(), s.clone());
        let bytes = pack
            .file(&s.file)
            .ok_or_else(|| ImportStepError::FileMissing {
                file: s.file.clone(),
            })?
            .to_vec();
        importstep::import_into(
            self.store.conn_mut(),
            pack_id,
            &lesson_id,
            &step_id,
            &s,
            &bytes,
        )?;
        Ok(true)
    }

    fn import_step_view(
        &self,
        view: &mut StepView,
        loc: &Located<'_>,
        s: &ImportStep,
        mine: &[&Event],
    ) -> Result<()> {
        self.task_hints(view, &s.hints, s.explanation.as_deref(), mine);
        let bytes = loc.pack.file(&s.file);
        let (preview, preview_error) = match bytes {
            None => (
                None,
                Some(
                    ImportStepError::FileMissing {
                        file: s.file.clone(),
                    }
                    .message(self.lang),
                ),
            ),
            Some(b) => match import::preview_bytes(&s.file, b, &s.options()) {
                Ok(p) => (Some(p), None),
                Err(e) => (None, Some(Error::from(e).message(self.lang))),
            },
        };
        let conn = self.store.conn();
        let key = importstep::origin_key(&loc.lesson.id, &loc.step.id);
        let ours = importstep::made_by(conn, loc.pack.id(), &key, s)?;
        let imported = if ours {
            tables::find_table(conn, &s.table)?
        } else {
            None
        };
        let taken = !ours
            && conn
                .query_row(
                    "SELECT 1 FROM sqlite_master WHERE name = ?1 COLLATE NOCASE LIMIT 1",
                    params![s.table],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
        view.import = Some(ImportStepView {
            file: s.file_name().to_string(),
            bytes: bytes.map_or(0, |b| b.len() as u64),
            table: s.table.clone(),
            preview,
            preview_error,
            imported,
            taken,
        });
        Ok(())
    }
}
