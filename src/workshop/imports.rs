//! Import steps (a practice file of the pack into a table), and the tables a step needs,
//! made on demand when the trainee jumped over the step that makes them.

use crate::analysis::pipeline::{Pipeline, Step as PipelineStep};
use crate::error::{Error, Result};
use crate::i18n;
use crate::import::{self};
use crate::lesson::datatask::DataTask;
use crate::lesson::importstep::{self, ImportStep, ImportStepError};
use crate::pack::{Exercise, Pack};
use crate::store::EventKind;
use crate::tr;
use std::path::Path;

use super::*;

/// The import step of `pack` that makes `table`: (lesson id, step id, the step).
pub(super) fn import_maker<'a>(
    pack: &'a Pack,
    table: &str,
) -> Option<(&'a str, &'a str, &'a ImportStep)> {
    pack.lessons.iter().find_map(|l| {
        l.steps.iter().find_map(|s| match &s.exercise {
            Exercise::Import(i) if i.table.eq_ignore_ascii_case(table) => {
                Some((l.id.as_str(), s.id.as_str(), i))
            }
            _ => None,
        })
    })
}

/// The practice file of import step `s` in `pack`.
fn step_file<'a>(pack: &'a Pack, s: &ImportStep) -> Result<&'a [u8]> {
    let missing = || ImportStepError::FileMissing {
        file: s.file.clone(),
    };
    Ok(pack.file(&s.file).ok_or_else(missing)?)
}

/// The data task of `pack` whose `result` is `table`.
pub(super) fn result_maker<'a>(pack: &'a Pack, table: &str) -> Option<&'a DataTask> {
    pack.lessons
        .iter()
        .flat_map(|l| &l.steps)
        .find_map(|s| match &s.exercise {
            Exercise::Data(d) if d.result.as_deref() == Some(table) => Some(d),
            _ => None,
        })
}

/// The tables pipeline `p` joins with.
fn joined_tables(p: &Pipeline) -> impl Iterator<Item = String> + '_ {
    p.steps.iter().filter_map(|s| match s {
        PipelineStep::Join { table, .. } => Some(table.clone()),
        _ => None,
    })
}

/// The tables a step works on (the ones an import step may have to make first).
pub(super) fn needed_tables(ex: &Exercise) -> Vec<String> {
    match ex {
        Exercise::Data(t) => {
            let mut out = vec![t.dataset.clone()];
            out.extend(joined_tables(&t.reference));
            for fb in &t.feedback {
                out.extend(joined_tables(&fb.pipeline));
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
    pub fn import_step(&mut self, at: &StepAt) -> Result<ImportStepOutcome> {
        let (_, pack_id, lesson_id, step_id) = at.parts();
        let lang = self.lang;
        let (s, version) = self.step_for(at, false, exercise_of!(Exercise::Import))?;
        let bytes = step_file(self.pack(pack_id)?, &s)?.to_vec();
        let report = importstep::import_into(
            self.store.conn_mut(),
            pack_id,
            lesson_id,
            step_id,
            &s,
            &bytes,
            lang,
        )?;
        let payload = serde_json::json!({
            "file": s.file,
            "table": report.table,
            "rows": report.rows,
            "columns": report.columns.len(),
        });
        let event_id = self.append_once(at, &version, EventKind::Import, &payload)?;
        let rows = i18n::format_number(lang, report.rows as f64, 0);
        let message = tr!(
            lang,
            "workshop-import-step-done",
            table = &report.table,
            rows = rows,
            columns = report.columns.len().to_string()
        );
        let step = self.view(at)?;
        // Its columns load in the background, so the first sort of its grid does not wait.
        self.warm_table(&report.table);
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
        let bytes = step_file(loc.pack, s)?;
        crate::store::fsio::write_atomic(dest, bytes)?;
        Ok(bytes.len() as u64)
    }

    /// Makes the tables a step works on available: one an import step of the pack makes
    /// is imported on demand when missing (the trainee jumped over that step), and one an
    /// earlier data task saves is saved from its reference.
    pub(super) fn ready(&mut self, pack_id: &str, lesson_id: &str, step_id: &str) -> Result<()> {
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let needed = needed_tables(&loc.step.exercise);
        self.ensure_tables(pack_id, needed)
    }

    /// [`Workshop::ensure_pack_table`] for each table; one whose name is taken by a table
    /// of another origin is left as it is (later steps use that table).
    pub(super) fn ensure_tables(&mut self, pack_id: &str, needed: Vec<String>) -> Result<()> {
        for table in needed {
            match self.ensure_pack_table(pack_id, &table) {
                // A table of that name that the step did not make: later steps use it.
                Err(e) if matches!(e.stage(), Some(ImportStepError::TableTaken { .. })) => {}
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
    pub(super) fn ensure_pack_table(&mut self, pack_id: &str, table: &str) -> Result<bool> {
        self.ensure_pack_table_within(pack_id, table, 16)
    }

    pub(super) fn ensure_pack_table_within(
        &mut self,
        pack_id: &str,
        table: &str,
        depth: u8,
    ) -> Result<bool> {
        if crate::store::tables::has_table(self.store.conn(), table)? {
            return Ok(true);
        }
        let pack = self.pack(pack_id)?;
        if let (Some(d), None) = (
            result_maker(pack, table).cloned(),
            import_maker(pack, table),
        ) {
            if depth == 0 {
                return Ok(false);
            }
            let mut needed = vec![d.dataset.clone()];
            needed.extend(joined_tables(&d.reference));
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
        let bytes = step_file(pack, &s)?.to_vec();
        importstep::import_into(
            self.store.conn_mut(),
            pack_id,
            &lesson_id,
            &step_id,
            &s,
            &bytes,
            self.lang,
        )?;
        Ok(true)
    }

    pub(super) fn import_step_view(
        &self,
        view: &mut StepView,
        loc: &Located<'_>,
        s: &ImportStep,
        tally: &StepTally,
    ) -> Result<ImportStepView> {
        self.task_hints(view, &s.hints, s.explanation.as_deref(), tally);
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
            Some(b) => match import::preview_bytes(&s.file, b, &s.options(self.lang)) {
                Ok(p) => (Some(p), None),
                Err(e) => (None, Some(Error::from(e).message(self.lang))),
            },
        };
        let conn = self.store.conn();
        let key = importstep::origin_key(&loc.lesson.id, &loc.step.id);
        let ours = importstep::made_by(conn, loc.pack.id(), &key, s)?;
        let imported = if ours {
            crate::store::tables::find_table(conn, &s.table)?
        } else {
            None
        };
        let taken = !ours && importstep::name_used(conn, &s.table)?;
        Ok(ImportStepView {
            file: s.file_name().to_string(),
            bytes: bytes.map_or(0, |b| b.len() as u64),
            table: s.table.clone(),
            preview,
            preview_error,
            imported,
            taken,
        })
    }
}
