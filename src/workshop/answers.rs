//! What a trainee does on a step that is committed as an event: answers, hints, records,
//! reflections, reveal, skip, done.

use crate::error::Result;
use crate::i18n::{self, Lang};
use crate::lesson::exercise::{self, Verdict};
use crate::lesson::form::FieldError;
use crate::pack::Exercise;
use crate::store::{Event, EventKind};
use crate::tr;
use std::collections::BTreeMap;

use super::*;

/// A judged answer as (verdict, message, correct): right, or wrong with its message.
pub(super) fn judged(
    lang: Lang,
    wrong: std::result::Result<(), String>,
) -> (&'static str, String, bool) {
    match wrong {
        Ok(()) => ("correct", i18n::t(lang, "correct").to_string(), true),
        Err(message) => ("wrong", message, false),
    }
}

impl Workshop {
    /// The step `at` names, for an action on it: its profile exists, the tables it works
    /// on are made first when `ready`, and `pick` finds in it the exercise of the kind the
    /// action takes (else [`Error::WrongStepKind`]). Gives a copy of that exercise and the
    /// version of the pack.
    pub(super) fn step_for<T: ToOwned + ?Sized>(
        &mut self,
        at: &StepAt,
        ready: bool,
        pick: impl FnOnce(&Exercise) -> Option<&T>,
    ) -> Result<(T::Owned, String)> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
        self.store.profile(profile_id)?;
        if ready {
            self.ready(pack_id, lesson_id, step_id)?;
        }
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let Some(exercise) = pick(&loc.step.exercise) else {
            return Err(wrong_kind(loc.step));
        };
        Ok((exercise.to_owned(), loc.pack.manifest.version.clone()))
    }

    /// The outcome of an answer, with the step's view as it now is: saved when an event
    /// was committed (`event_id`).
    pub(super) fn answer_outcome(
        &self,
        at: &StepAt,
        verdict: &'static str,
        message: String,
        event_id: Option<String>,
    ) -> Result<AnswerOutcome> {
        Ok(AnswerOutcome {
            verdict,
            message,
            saved: event_id.is_some(),
            event_id,
            step: self.view(at)?,
        })
    }

    /// The outcome of a record or a reflection, with the step's view as it now is: saved
    /// when an event was committed (`event_id`).
    fn record_outcome(
        &self,
        at: &StepAt,
        message: String,
        errors: Vec<FieldError>,
        event_id: Option<String>,
    ) -> Result<RecordOutcome> {
        Ok(RecordOutcome {
            saved: event_id.is_some(),
            event_id,
            message,
            errors,
            step: self.view(at)?,
        })
    }

    /// Commits an attempt at `at`: the answer given and its message.
    pub(super) fn append_attempt(
        &mut self,
        at: &StepAt,
        pack_version: &str,
        answer: &serde_json::Value,
        message: &str,
        correct: bool,
    ) -> Result<Event> {
        let payload = serde_json::json!({ "answer": answer, "message": message });
        self.append_event(
            at,
            pack_version,
            EventKind::Attempt,
            &payload,
            Some(correct),
        )
    }

    /// Checks an answer to a question step; a readable answer is committed as an attempt
    /// before this returns.
    pub fn answer(&mut self, at: &StepAt, answer: &serde_json::Value) -> Result<AnswerOutcome> {
        let lang = self.lang;
        let (q, version) = self.step_for(at, true, exercise_of!(Exercise::Question))?;
        let (name, message, correct) = match exercise::check(&q, answer, lang) {
            Verdict::Invalid { message } => {
                return self.answer_outcome(at, "invalid", message, None);
            }
            Verdict::Correct => judged(lang, Ok(())),
            Verdict::Wrong { feedback } => judged(
                lang,
                Err(feedback.unwrap_or_else(|| i18n::t(lang, "wrong").to_string())),
            ),
        };
        let event = self.append_attempt(at, &version, answer, &message, correct)?;
        self.answer_outcome(at, name, message, Some(event.id))
    }

    /// Shows the next hint of a question step. A hint is never counted as a wrong answer.
    pub fn hint(&mut self, at: &StepAt) -> Result<HintOutcome> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
        let (hints, version) = self.step_for(at, true, exercise_hints)?;
        let used = self
            .store
            .step_tally(profile_id, pack_id, lesson_id, step_id)?
            .hints;
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
        let payload = serde_json::json!({ "index": used + 1 });
        let event = self.append_event(at, &version, EventKind::Hint, &payload, None)?;
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
        let lang = self.lang;
        let (c, version) = self.step_for(at, false, exercise_of!(Exercise::Collect))?;
        let form = c.form;
        match form.validate(values, lang) {
            Err(errors) => {
                let message = tr!(lang, "workshop-record-not-saved");
                self.record_outcome(at, message, errors, None)
            }
            Ok(typed) => {
                let sref = step_ref(at, &version);
                let (_, event) = self.store.with_event(&sref, EventKind::Record, None, |tx| {
                    let id = form.insert(tx, &at.profile, &typed)?;
                    Ok((id.clone(), serde_json::json!({ "record_id": id, "table": form.table_name(), "values": values })))
                })?;
                let message = i18n::t(lang, "record_saved");
                self.record_outcome(at, message, Vec::new(), Some(event.id))
            }
        }
    }

    /// Saves a reflection (free text, not graded). Too short or too long: not saved, and
    /// the message says why.
    pub fn reflect(&mut self, at: &StepAt, text: &str) -> Result<RecordOutcome> {
        let lang = self.lang;
        let (r, version) = self.step_for(at, false, exercise_of!(Exercise::Reflection))?;
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
            return self.record_outcome(at, message, Vec::new(), None);
        }
        let payload = serde_json::json!({ "text": text });
        let event = self.append_event(at, &version, EventKind::Reflection, &payload, None)?;
        let message = tr!(lang, "workshop-reflection-saved");
        self.record_outcome(at, message, Vec::new(), Some(event.id))
    }

    /// Appends one event at a step (durably, moving the trainee's position there).
    pub(super) fn append_event(
        &mut self,
        at: &StepAt,
        pack_version: &str,
        kind: EventKind,
        payload: &serde_json::Value,
        correct: Option<bool>,
    ) -> Result<Event> {
        let sref = step_ref(at, pack_version);
        self.store.append_event(&sref, kind, payload, correct)
    }

    /// Appends `kind` at a step unless the step already has an event of that kind: the id
    /// of the event committed, `None` when there was one already.
    pub(super) fn append_once(
        &mut self,
        at: &StepAt,
        pack_version: &str,
        kind: EventKind,
        payload: &serde_json::Value,
    ) -> Result<Option<String>> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
        let tally = self
            .store
            .step_tally(profile_id, pack_id, lesson_id, step_id)?;
        if tally.has(kind) {
            return Ok(None);
        }
        let event = self.append_event(at, pack_version, kind, payload, None)?;
        Ok(Some(event.id))
    }

    /// Shows the solution of a question step (the UI asks for a confirmation first). The
    /// reveal is recorded once; the step is not done until answered.
    pub fn reveal(&mut self, at: &StepAt) -> Result<StepView> {
        let recorded = self.record_once(at, true, EventKind::Reveal, |ex| {
            matches!(
                ex,
                Exercise::Question(_) | Exercise::Data(_) | Exercise::ChartTask(_)
            )
        })?;
        Ok(recorded.1)
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
        let recorded = self.record_once(at, true, EventKind::Skip, |ex| {
            matches!(
                ex,
                Exercise::Question(_)
                    | Exercise::Collect(_)
                    | Exercise::Data(_)
                    | Exercise::ChartTask(_)
                    | Exercise::Import(_)
            )
        })?;
        Ok(recorded.1)
    }

    /// Appends `kind` for a step unless it is already there (the tables it works on made
    /// first when `ready`); `allowed` says which step kinds take it. Gives the id of the
    /// event committed (`None` when it was there already) and the step's view.
    fn record_once(
        &mut self,
        at: &StepAt,
        ready: bool,
        kind: EventKind,
        allowed: impl Fn(&Exercise) -> bool,
    ) -> Result<(Option<String>, StepView)> {
        let ((), version) = self.step_for(at, ready, |ex| allowed(ex).then_some(&()))?;
        let event_id = self.append_once(at, &version, kind, &serde_json::json!({}))?;
        Ok((event_id, self.view(at)?))
    }

    /// Marks a read or chart step as done (once) and returns its view.
    pub fn complete(&mut self, at: &StepAt) -> Result<StepView> {
        Ok(self.complete_with_event(at)?.1)
    }

    /// Like [`Workshop::complete`], also giving the id of the event committed (`None` when
    /// the step was already done, so nothing new was saved).
    pub fn complete_with_event(&mut self, at: &StepAt) -> Result<(Option<String>, StepView)> {
        self.record_once(at, false, EventKind::Complete, |ex| {
            matches!(ex, Exercise::Read | Exercise::Chart(_))
        })
    }
}
