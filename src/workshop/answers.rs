//! What a trainee does on a step that is committed as an event: answers, hints, records,
//! reflections, reveal, skip, done.

use crate::error::Result;
use crate::i18n;
use crate::lesson::exercise::{self, Verdict};
use crate::pack::Exercise;
use crate::store::{Event, EventKind, StepRef};
use crate::tr;
use std::collections::BTreeMap;

use super::*;

impl Workshop {
    /// Checks an answer to a question step; a readable answer is committed as an attempt
    /// before this returns.
    pub fn answer(&mut self, at: &StepAt, answer: &serde_json::Value) -> Result<AnswerOutcome> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
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
                let step = self.view(at)?;
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
        let step = self.view(at)?;
        Ok(AnswerOutcome {
            verdict: name,
            message,
            saved: true,
            event_id: Some(event.id),
            step,
        })
    }

    /// Shows the next hint of a question step. A hint is never counted as a wrong answer.
    pub fn hint(&mut self, at: &StepAt) -> Result<HintOutcome> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
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
            .filter(|e| e.kind == EventKind::Hint)
            .count();
        if used >= hints.len() {
            let step = self.view(at)?;
            return Ok(HintOutcome {
                index: used.min(hints.len()),
                total: hints.len(),
                text: i18n::t(self.lang, "no_more_hints"),
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
        let step = self.view(at)?;
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
        at: &StepAt,
        values: &BTreeMap<String, String>,
    ) -> Result<RecordOutcome> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
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
                let step = self.view(at)?;
                let message = tr!(lang, "workshop-record-not-saved");
                Ok(RecordOutcome {
                    saved: false,
                    event_id: None,
                    message,
                    errors,
                    step,
                })
            }
            Ok(typed) => {
                let sref = StepRef {
                    profile_id,
                    pack_id,
                    pack_version: &version,
                    lesson_id,
                    step_id,
                };
                let (_, event) = self.store.with_event(&sref, EventKind::Record, None, |tx| {
                    let id = form.insert(tx, profile_id, &typed)?;
                    Ok((id.clone(), serde_json::json!({ "record_id": id, "table": form.table_name(), "values": values })))
                })?;
                let step = self.view(at)?;
                Ok(RecordOutcome {
                    saved: true,
                    event_id: Some(event.id),
                    message: i18n::t(lang, "record_saved"),
                    errors: Vec::new(),
                    step,
                })
            }
        }
    }

    /// Saves a reflection (free text, not graded). Too short or too long: not saved, and
    /// the message says why.
    pub fn reflect(&mut self, at: &StepAt, text: &str) -> Result<RecordOutcome> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
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
            Some(tr!(
                lang,
                "workshop-reflection-too-short",
                min = r.min_length.max(1).to_string(),
                written = n.to_string()
            ))
        } else if n > crate::pack::MAX_REFLECTION {
            Some(i18n::t(lang, "field_too_long").to_string())
        } else {
            None
        };
        if let Some(message) = problem {
            let step = self.view(at)?;
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
        let step = self.view(at)?;
        Ok(RecordOutcome {
            saved: true,
            event_id: Some(event.id),
            message: tr!(lang, "workshop-reflection-saved"),
            errors: Vec::new(),
            step,
        })
    }

    /// Appends one event at a step (durably, moving the trainee's position there).
    pub(super) fn append_event(
        &mut self,
        (profile_id, pack_id, lesson_id, step_id): (&str, &str, &str, &str),
        pack_version: &str,
        kind: EventKind,
        payload: &serde_json::Value,
        correct: Option<bool>,
    ) -> Result<Event> {
        let sref = StepRef {
            profile_id,
            pack_id,
            pack_version,
            lesson_id,
            step_id,
        };
        self.store.append_event(&sref, kind, payload, correct)
    }

    /// Shows the solution of a question step (the UI asks for a confirmation first). The
    /// reveal is recorded once; the step is not done until answered.
    pub fn reveal(&mut self, at: &StepAt) -> Result<StepView> {
        self.record_once(at, EventKind::Reveal, |ex| {
            matches!(
                ex,
                Exercise::Question(_) | Exercise::Data(_) | Exercise::ChartTask(_)
            )
        })
    }

    /// Skips a question or collect step: recorded once, the step stays to do, and the
    /// trainee moves on (later steps do not depend on a question's answer).
    pub fn skip(&mut self, at: &StepAt) -> Result<StepView> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
        // A data task's result table is made from the reference, an import step's table is
        // imported, so later steps work.
        self.store.profile(profile_id)?;
        self.ready(pack_id, lesson_id, step_id)?;
        if let Exercise::Import(i) = &self.locate(pack_id, lesson_id, step_id)?.step.exercise {
            let table = i.table.clone();
            self.ensure_tables(pack_id, vec![table])?;
        }
        self.save_reference_result(pack_id, lesson_id, step_id)?;
        self.record_once(at, EventKind::Skip, |ex| {
            matches!(
                ex,
                Exercise::Question(_)
                    | Exercise::Collect(_)
                    | Exercise::Data(_)
                    | Exercise::ChartTask(_)
                    | Exercise::Import(_)
            )
        })
    }

    /// Appends `kind` for a step unless it is already there; `allowed` says which step
    /// kinds take it.
    pub(super) fn record_once(
        &mut self,
        at: &StepAt,
        kind: EventKind,
        allowed: impl Fn(&Exercise) -> bool,
    ) -> Result<StepView> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
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
            .any(|e| e.kind == kind);
        if !already {
            self.append_event(
                (profile_id, pack_id, lesson_id, step_id),
                &version,
                kind,
                &serde_json::json!({}),
                None,
            )?;
        }
        self.view(at)
    }

    /// Marks a read or chart step as done (once) and returns its view.
    pub fn complete(&mut self, at: &StepAt) -> Result<StepView> {
        Ok(self.complete_with_event(at)?.1)
    }

    /// Like [`Workshop::complete`], also giving the id of the event committed (`None` when
    /// the step was already done, so nothing new was saved).
    pub fn complete_with_event(&mut self, at: &StepAt) -> Result<(Option<String>, StepView)> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
        self.store.profile(profile_id)?;
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        if !matches!(loc.step.exercise, Exercise::Read | Exercise::Chart(_)) {
            return Err(wrong_kind(loc.step));
        }
        let version = loc.pack.manifest.version.clone();
        let events = self.store.events(profile_id, pack_id)?;
        let done = step_events(&events, lesson_id, step_id)
            .iter()
            .any(|e| e.kind == EventKind::Complete);
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
        Ok((event_id, self.view(at)?))
    }
}
