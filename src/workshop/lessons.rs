//! Opening a lesson and a step: the view of each step, built from the pack and the
//! trainee's events.

use crate::chart::{self, BarChartSpec, BarDatum};
use crate::error::{Error, Result};
use crate::i18n::{self, Lang};
use crate::pack::{localized, AnswerType, ChartStep, Exercise};
use crate::store::tables::quote_ident;
use crate::store::EventKind;
use crate::tr;

use super::*;

pub(super) fn chart_spec(c: &ChartStep) -> BarChartSpec {
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
pub(super) fn solution_text(q: &crate::pack::Question, lang: Lang) -> String {
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
                (None, Some(a), Some(b)) => {
                    tr!(lang, "workshop-solution-between", min = f(a), max = f(b))
                }
                (None, Some(a), None) => tr!(lang, "workshop-solution-at-least", min = f(a)),
                (None, None, Some(b)) => tr!(lang, "workshop-solution-at-most", max = f(b)),
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

/// The rows of its dataset a question step carries: all of a pack's dataset (the built-in
/// pack's largest has 624), within reason; the page shows a hundred at a time with a filter.
const STEP_TABLE_ROWS: usize = 5_000;

impl Workshop {
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
        let tallies = self.store.tallies(profile_id, pack_id)?;
        let steps: Vec<StepSummary> = lesson
            .steps
            .iter()
            .map(|s| StepSummary {
                id: s.id.clone(),
                title: s.title.clone(),
                kind: s.exercise.kind(),
                status: status(s, &tally_in(&tallies, &lesson.id, &s.id)),
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
    pub fn step(&mut self, at: &StepAt) -> Result<StepView> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
        self.store.profile(profile_id)?;
        let version = self
            .locate(pack_id, lesson_id, step_id)?
            .pack
            .manifest
            .version
            .clone();
        self.store.set_position(&step_ref(at, &version))?;
        self.ready(pack_id, lesson_id, step_id)?;
        self.view(at)
    }

    /// Builds the view of a step from the pack and the profile's events: the step's
    /// tally (one row) and its latest attempt, so its cost does not grow with the
    /// trainee's history.
    pub(super) fn view(&self, at: &StepAt) -> Result<StepView> {
        let (profile_id, pack_id, lesson_id, step_id) = at.parts();
        let loc = self.locate(pack_id, lesson_id, step_id)?;
        let tally = self
            .store
            .step_tally(profile_id, pack_id, lesson_id, step_id)?;
        let steps = &loc.lesson.steps;
        let last = match &tally.last_attempt {
            Some(id) => self.store.event(id)?,
            None => None,
        };
        let last = last.as_ref();
        let mut view = StepView {
            pack_id: pack_id.to_string(),
            lesson_id: lesson_id.to_string(),
            id: step_id.to_string(),
            title: loc.step.title.clone(),
            html: self.safe_html(&loc.step.body),
            index: loc.index + 1,
            total: steps.len(),
            prev: loc.index.checked_sub(1).map(|i| steps[i].id.clone()),
            next: steps.get(loc.index + 1).map(|s| s.id.clone()),
            status: status(loc.step, &tally),
            dataset_info: None,
            hints_total: 0,
            hints: Vec::new(),
            attempts: tally.attempts,
            last_answer: last.map(|e| e.payload["answer"].clone()),
            last_message: last.and_then(|e| e.payload["message"].as_str().map(str::to_string)),
            last_correct: last.and_then(|e| e.correct),
            explanation_html: None,
            revealed: tally.has(EventKind::Reveal),
            solution: None,
            body: StepBody::Read,
        };
        view.body = match &loc.step.exercise {
            Exercise::Read => StepBody::Read,
            Exercise::Question(q) => {
                self.task_hints(&mut view, &q.hints, q.explanation.as_deref(), &tally);
                if view.revealed {
                    view.solution = Some(solution_text(q, self.lang));
                }
                StepBody::Question {
                    question: QuestionView {
                        answer_type: q.answer_type,
                        choices: q.choices.clone(),
                        unit: q.unit.clone(),
                    },
                    table: match &q.dataset {
                        Some(d) => Some(self.table_view(d, STEP_TABLE_ROWS)?),
                        None => None,
                    },
                }
            }
            Exercise::Collect(c) => StepBody::Collect {
                records: c.form.records(self.store.conn(), profile_id)?,
                form: c.form.clone(),
                min_records: c.min_records,
            },
            Exercise::Reflection(r) => StepBody::Reflection {
                reflection: match &tally.last_reflection {
                    Some(id) => self
                        .store
                        .event(id)?
                        .and_then(|e| e.payload["text"].as_str().map(str::to_string)),
                    None => None,
                },
                min_length: r.min_length,
                placeholder: r.placeholder.clone(),
            },
            Exercise::Chart(c) => StepBody::Chart {
                chart_svg: self.chart_svg(c)?,
            },
            Exercise::Data(t) => StepBody::Data {
                data_task: self.data_task_view(&mut view, t, &tally),
            },
            Exercise::ChartTask(t) => StepBody::ChartTask {
                chart_task: self.chart_task_view(&mut view, t, &tally),
            },
            Exercise::Import(i) => StepBody::Import {
                import: self.import_step_view(&mut view, &loc, i, &tally)?,
            },
        };
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

    /// The chart of a chart step, as SVG.
    pub fn chart_svg(&self, c: &ChartStep) -> Result<String> {
        let data = self.bar_data(&c.dataset, &c.x, &c.y)?;
        Ok(chart::bar_chart_svg(&chart_spec(c), &data, self.lang)?)
    }

    /// Reads category/value pairs from a table.
    pub(super) fn bar_data(&self, table: &str, x: &str, y: &str) -> Result<Vec<BarDatum>> {
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
        let years: Vec<bool> = columns.iter().map(|c| is_year_column(c)).collect();
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
                    // A year is written without a thousands space: « 1952 », not « 1 952 ».
                    ValueRef::Integer(v) if years[i] && (1000..=2999).contains(&v) => {
                        seen[i] = true;
                        v.to_string()
                    }
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
        let total_rows: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {}", quote_ident(table)),
            [],
            |r| r.get(0),
        )?;
        Ok(TableView {
            name: table.to_string(),
            columns,
            numeric,
            rows,
            total_rows: total_rows.max(0) as u64,
        })
    }
}

/// True for a column whose name says it holds years (`annee`, `année_enquete`, `year`,
/// `an`): its four-digit integers are shown without a thousands separator.
fn is_year_column(name: &str) -> bool {
    let name = i18n::text::fold(name);
    name.split(|c: char| !c.is_alphanumeric())
        .any(|word| matches!(word, "annee" | "annees" | "an" | "year" | "years"))
}

#[cfg(test)]
mod year_tests {
    use super::is_year_column;

    #[test]
    fn year_columns_are_known_by_their_name() {
        for name in [
            "annee",
            "Année",
            "annee_enquete",
            "date_annee",
            "year",
            "An",
        ] {
            assert!(is_year_column(name), "{name}");
        }
        for name in ["population", "anneau", "pays", "esperance_vie", "taux_an2"] {
            assert!(!is_year_column(name), "{name}");
        }
    }
}
