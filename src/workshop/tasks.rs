//! Data tasks and chart tasks: a pipeline or a chart checked against the reference,
//! hints, the reference saved on a right answer or a skip.

use crate::error::Result;
use crate::lesson::datatask;
use crate::lesson::task;
use crate::pack::Exercise;
use crate::store::EventKind;
use crate::tr;

use super::answers::judged;
use super::imports::{import_maker, result_maker};
use super::*;

/// True when every field an anticipated wrong chart names is the trainee's.
pub(super) fn chart_feedback_matches(fb: &task::ChartChoice, got: &task::ChartChoice) -> bool {
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
        at: &StepAt,
        pipeline: &serde_json::Value,
    ) -> Result<TaskOutcome> {
        let step_id = at.step.as_str();
        let lang = self.lang;
        let (t, version) = self.step_for(at, true, exercise_of!(Exercise::Data))?;
        let conn = self.store.conn();
        if crate::store::tables::table_info(conn, &t.dataset).is_err() {
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
            Err(e) if e.stage::<crate::analysis::AnalysisError>().is_some() => {
                let invalid = self.answer_outcome(at, "invalid", e.message(lang), None)?;
                return Ok(invalid.with_result(None));
            }
            Err(e) => return Err(e),
        };
        let got = task::Grid::from(&result);
        let how = t.compare();
        let judgement = task::compare(&reference, &got, how).map_err(|mismatch| {
            let anticipated = t.feedback.iter().find(|fb| {
                datatask::run_grid(conn, &t.dataset, &fb.pipeline)
                    .is_ok_and(|g| task::compare(&g, &got, how).is_ok())
            });
            match anticipated {
                Some(fb) => fb.message.clone(),
                None => mismatch.message(lang),
            }
        });
        let (name, message, correct) = judged(lang, judgement);
        let columns: Vec<&str> = result.columns.iter().map(|c| c.name.as_str()).collect();
        let payload = serde_json::json!({
            "answer": pipeline,
            "message": message,
            "rows": result.total_rows,
            "columns": columns,
        });
        let sref = step_ref(at, &version);
        // A right answer's result table and the attempt land together or not at all.
        let save = t.result.as_deref().filter(|_| correct);
        let (_, event) = self
            .store
            .with_event(&sref, EventKind::Attempt, Some(correct), |tx| {
                if let Some(table) = save {
                    crate::analysis::pipeline::save_as_in(tx, &t.dataset, &t.reference, table)?;
                }
                Ok(((), payload))
            })?;
        result.rows.truncate(datatask::RESULT_PREVIEW_ROWS);
        let outcome = self.answer_outcome(at, name, message, Some(event.id))?;
        Ok(outcome.with_result(Some(result)))
    }

    /// Checks a chart request (kind, x, y, agg, group; other keys ignored) against what a
    /// chart task expects; a request with a kind is committed as an attempt.
    pub fn submit_chart(
        &mut self,
        at: &StepAt,
        request: &serde_json::Value,
    ) -> Result<AnswerOutcome> {
        let lang = self.lang;
        let (t, version) = self.step_for(at, true, exercise_of!(Exercise::ChartTask))?;
        let got = datatask::chart_choice(request);
        if got.kind.is_empty() {
            let message = tr!(lang, "workshop-chart-kind-missing");
            return self.answer_outcome(at, "invalid", message, None);
        }
        let judgement = task::check_chart(&t.expect, &got).map_err(|m| {
            t.feedback
                .iter()
                .find(|fb| {
                    let choice = datatask::chart_choice(
                        &serde_json::to_value(&fb.chart).unwrap_or_default(),
                    );
                    chart_feedback_matches(&choice, &got)
                })
                .map(|fb| fb.message.clone())
                .unwrap_or_else(|| m.message(lang))
        });
        let (name, message, correct) = judged(lang, judgement);
        let event = self.append_attempt(at, &version, request, &message, correct)?;
        self.answer_outcome(at, name, message, Some(event.id))
    }

    /// For a data task with a `result`: saves that table from the reference (skip). When
    /// the step's own table is an earlier step's result not made yet, that one is made
    /// first (from its reference), so a skip always works.
    pub(super) fn save_reference_result(
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
            if crate::store::tables::table_info(self.store.conn(), &needed).is_ok() {
                break;
            }
            if import_maker(loc.pack, &needed).is_some() {
                import_first = Some(needed);
                break;
            }
            match result_maker(loc.pack, &needed) {
                Some(d) => chain.push((d.dataset.clone(), d.reference.clone(), needed)),
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

    pub(super) fn task_hints(
        &self,
        view: &mut StepView,
        hints: &[String],
        explanation: Option<&str>,
        tally: &StepTally,
    ) {
        view.hints_total = hints.len();
        let used = tally.hints.min(hints.len());
        view.hints = hints[..used].to_vec();
        if view.status == Status::Done || view.revealed {
            view.explanation_html = explanation.map(|e| self.safe_html(e));
        }
    }

    /// The columns of the table a task works on, for its editor (`None` while the table
    /// does not exist yet); the reference as JSON once revealed.
    fn task_table(
        &self,
        view: &StepView,
        dataset: &str,
        reference: &impl serde::Serialize,
    ) -> (
        Option<crate::store::tables::TableInfo>,
        Option<serde_json::Value>,
    ) {
        let table = crate::store::tables::table_info(self.store.conn(), dataset).ok();
        let reference = view.revealed.then(|| serde_json::to_value(reference).ok());
        (table, reference.flatten())
    }

    pub(super) fn data_task_view(
        &self,
        view: &mut StepView,
        t: &datatask::DataTask,
        tally: &StepTally,
    ) -> DataTaskView {
        self.task_hints(view, &t.hints, t.explanation.as_deref(), tally);
        let (table, reference) = self.task_table(view, &t.dataset, &t.reference);
        let mut solution_steps = Vec::new();
        if view.revealed {
            solution_steps = datatask::describe_pipeline(&t.reference, self.lang);
            let numbered: Vec<String> = solution_steps
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {s}", i + 1))
                .collect();
            view.solution = Some(numbered.join(" ; "));
        }
        DataTaskView {
            dataset: t.dataset.clone(),
            table,
            result: t.result.clone(),
            ordered: t.ordered,
            reference,
            solution_steps,
        }
    }

    pub(super) fn chart_task_view(
        &self,
        view: &mut StepView,
        t: &datatask::ChartTask,
        tally: &StepTally,
    ) -> ChartTaskView {
        self.task_hints(view, &t.hints, t.explanation.as_deref(), tally);
        let (table, reference) = self.task_table(view, &t.dataset, &t.reference);
        if view.revealed {
            view.solution = Some(datatask::describe_chart(&t.reference_choice(), self.lang));
        }
        ChartTaskView {
            dataset: t.dataset.clone(),
            table,
            reference,
        }
    }
}
