//! The facilitator's class view with the packs' words: progress files added to the class
//! kept on this laptop (`progress::class`), and the class laid out as trainees × lessons,
//! each lesson's steps with their titles, from the packs this workshop has loaded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::views::{lesson_status, LessonStatus, Status};
use super::Workshop;
use crate::chart::{bar_chart_svg, BarChartSpec, BarDatum};
use crate::error::Result;
use crate::i18n::localized;
use crate::import::ImportOptions;
use crate::progress::class::{self, ClassReport};
use crate::progress::{self, ClassView, StepOverview, StepProgress};
use crate::store::export::{ExportFormat, ExportReport};
use crate::store::tables::ColumnType;
use crate::tr;

/// The class as the facilitator's screen shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ClassBoard {
    #[serde(flatten)]
    pub report: ClassReport,
    /// The lessons any trainee worked on, in pack order (lessons of packs this laptop does
    /// not have come last, named by their ids).
    pub lessons: Vec<BoardLesson>,
    /// One row per trainee, one cell per lesson of `lessons`.
    pub rows: Vec<BoardRow>,
    /// The files refused (`report.bad`), each with its message in the workshop's language.
    pub refused: Vec<Refused>,
}

/// A refused progress file and why, for a person.
#[derive(Debug, Clone, Serialize)]
pub struct Refused {
    pub path: String,
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoardLesson {
    pub pack_id: String,
    pub lesson_id: String,
    pub title: String,
    pub steps: Vec<BoardStep>,
    /// The share of trainees who succeeded at each step reached, as an SVG bar chart drawn
    /// by the core's chart renderer (none when no step was reached).
    pub success_chart: Option<String>,
}

/// A step with what the class did there.
#[derive(Debug, Clone, Serialize)]
pub struct BoardStep {
    pub step_id: String,
    pub title: String,
    /// The class's figures for this step (none when no trainee reached it).
    pub overview: Option<StepOverview>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BoardRow {
    pub trainee_id: String,
    pub name: String,
    pub other_names: Vec<String>,
    pub cells: Vec<BoardCell>,
}

/// A trainee in a lesson.
#[derive(Debug, Clone, Serialize)]
pub struct BoardCell {
    pub status: LessonStatus,
    pub done: usize,
    pub steps: usize,
    /// Steps where the trainee is stuck, with their wrong answers.
    pub stuck: Vec<StepProgress>,
}

type LessonKey = (String, String);

/// The table (and file) name of the class view's export.
const CLASS_TABLE: &str = "classe";

impl Workshop {
    /// Adds trainees' progress files (or folders of them) to the class kept on this laptop;
    /// bad files are named and not kept, the rest is shown.
    pub fn class_add(&self, files: &[PathBuf]) -> Result<ClassBoard> {
        let r = class::add(&self.data_dir, files)?;
        Ok(self.board(r))
    }

    /// The class kept on this laptop.
    pub fn class_view(&self) -> Result<ClassBoard> {
        Ok(self.board(class::view(&self.data_dir)?))
    }

    /// Writes the class view (one row per trainee × step, as `datajam progress merge`
    /// writes it) to `path`: CSV, French-Excel CSV or XLSX, numbers as numbers, through
    /// the same writer as a table's export.
    pub fn class_export(&self, path: &Path, format: ExportFormat) -> Result<ExportReport> {
        let view = class::view(&self.data_dir)?.view;
        let csv = progress::class_csv(&view)?;
        let mut conn = rusqlite::Connection::open_in_memory()?;
        for m in crate::store::MIGRATIONS {
            conn.execute_batch(m)?;
        }
        let type_of = |name: &str| match name {
            "attempts" | "wrong_attempts" | "hints" | "time_spent_seconds" => ColumnType::Integer,
            "stuck" => ColumnType::Boolean,
            _ => ColumnType::Text,
        };
        let opts = ImportOptions {
            table: Some(CLASS_TABLE.into()),
            lang: self.lang,
            types: progress::CSV_HEADER
                .iter()
                .map(|c| (c.to_string(), type_of(c)))
                .collect(),
            // Every text as the trainees wrote it: a name is never a missing value.
            missing_values: Some(Vec::new()),
            ..Default::default()
        };
        crate::import::import_bytes(&mut conn, "classe.csv", &csv, &opts)?;
        Ok(crate::store::export::export_table(
            &conn,
            CLASS_TABLE,
            path,
            format,
        )?)
    }

    /// The file name suggested for the class view's export.
    pub fn class_file_name(format: ExportFormat) -> String {
        format!("{CLASS_TABLE}.{}", format.extension())
    }

    /// Empties the class kept on this laptop.
    pub fn class_clear(&self) -> Result<()> {
        class::clear(&self.data_dir)
    }

    fn board(&self, report: ClassReport) -> ClassBoard {
        let lessons = self.board_lessons(&report.view);
        let rows = report
            .view
            .trainees
            .iter()
            .map(|t| {
                let mine: BTreeMap<(&str, &str, &str), &StepProgress> = t
                    .steps
                    .iter()
                    .map(|s| ((&*s.pack_id, &*s.lesson_id, &*s.step_id), s))
                    .collect();
                let cells = lessons
                    .iter()
                    .map(|l| {
                        let progress: Vec<Option<&&StepProgress>> = l
                            .steps
                            .iter()
                            .map(|s| mine.get(&(&*l.pack_id, &*l.lesson_id, &*s.step_id)))
                            .collect();
                        let statuses: Vec<Status> = progress
                            .iter()
                            .map(|p| match p {
                                Some(p) if p.status == "done" => Status::Done,
                                Some(_) => Status::Started,
                                None => Status::Todo,
                            })
                            .collect();
                        let done = statuses.iter().filter(|s| **s == Status::Done).count();
                        let status = match self.lesson_of(&l.pack_id, &l.lesson_id) {
                            Some(lesson) => lesson_status(lesson, &statuses),
                            None if done == statuses.len() => LessonStatus::Done,
                            None if done > 0 || statuses.contains(&Status::Started) => {
                                LessonStatus::InProgress
                            }
                            None => LessonStatus::Todo,
                        };
                        BoardCell {
                            status,
                            done,
                            steps: l.steps.len(),
                            stuck: progress
                                .into_iter()
                                .flatten()
                                .filter(|p| p.stuck)
                                .map(|p| {
                                    let mut p = (*p).clone();
                                    let words =
                                        self.answer_words(&p.pack_id, &p.lesson_id, &p.step_id);
                                    p.wrong_answers =
                                        p.wrong_answers.iter().map(|a| words(a)).collect();
                                    p
                                })
                                .collect(),
                        }
                    })
                    .collect();
                BoardRow {
                    trainee_id: t.id.clone(),
                    name: t.name.clone(),
                    other_names: t.other_names.clone(),
                    cells,
                }
            })
            .collect();
        let refused = report
            .bad
            .iter()
            .map(|b| Refused {
                path: b.path.clone(),
                code: b.problem.code(),
                message: b.problem.message(self.lang),
            })
            .collect();
        ClassBoard {
            report,
            lessons,
            rows,
            refused,
        }
    }

    /// How a step's answers read for the facilitator: a choice question's values become
    /// the choices' labels (several choices, a JSON list, become labels joined by commas).
    fn answer_words<'a>(
        &'a self,
        pack_id: &str,
        lesson_id: &str,
        step_id: &str,
    ) -> impl Fn(&str) -> String + 'a {
        let question = self
            .lesson_of(pack_id, lesson_id)
            .and_then(|l| l.steps.iter().find(|s| s.id == step_id))
            .and_then(|s| match &s.exercise {
                crate::pack::Exercise::Question(q) => Some(q),
                _ => None,
            });
        move |answer: &str| match question {
            // The merge wrote several choices as a JSON list; read as the notebook reads
            // an answer.
            Some(q) => {
                let value = serde_json::from_str::<serde_json::Value>(answer)
                    .ok()
                    .filter(|v| v.is_array())
                    .unwrap_or_else(|| serde_json::Value::String(answer.to_string()));
                super::notebook::answer_text(q, &value, self.lang)
            }
            None => answer.to_string(),
        }
    }

    fn lesson_of(&self, pack_id: &str, lesson_id: &str) -> Option<&crate::pack::Lesson> {
        self.pack(pack_id).ok()?.lesson(lesson_id)
    }

    /// A lesson's success per step as a horizontal bar chart: the percentage of the
    /// trainees who reached each step and succeeded there.
    fn success_chart(&self, l: &BoardLesson) -> Option<String> {
        let data: Vec<BarDatum> = l
            .steps
            .iter()
            .filter_map(|s| {
                let o = s.overview.as_ref().filter(|o| o.trainees > 0)?;
                Some(BarDatum {
                    label: s.title.clone(),
                    value: 100.0 * o.done as f64 / o.trainees as f64,
                })
            })
            .collect();
        if data.is_empty() {
            return None;
        }
        let spec = BarChartSpec {
            title: tr!(self.lang, "workshop-class-chart-title", lesson = &l.title),
            y_label: tr!(self.lang, "workshop-class-chart-axis"),
            horizontal: true,
            ..Default::default()
        };
        bar_chart_svg(&spec, &data, self.lang).ok()
    }

    /// The lessons the class worked on: each loaded pack's, in its order, with every step;
    /// then lessons of unknown packs with the steps the files name.
    fn board_lessons(&self, view: &ClassView) -> Vec<BoardLesson> {
        let overview: BTreeMap<(&str, &str, &str), &StepOverview> = view
            .steps
            .iter()
            .map(|s| ((&*s.pack_id, &*s.lesson_id, &*s.step_id), s))
            .collect();
        let mut seen: BTreeMap<LessonKey, Vec<String>> = BTreeMap::new();
        for s in &view.steps {
            let steps = seen
                .entry((s.pack_id.clone(), s.lesson_id.clone()))
                .or_default();
            if !steps.contains(&s.step_id) {
                steps.push(s.step_id.clone());
            }
        }
        let mut out = Vec::new();
        for pack in &self.packs {
            for lesson in &pack.lessons {
                let key = (pack.manifest.id.clone(), lesson.id.clone());
                if seen.remove(&key).is_none() {
                    continue;
                }
                out.push(BoardLesson {
                    success_chart: None,
                    title: localized(&lesson.title, self.lang),
                    steps: lesson
                        .steps
                        .iter()
                        .map(|s| BoardStep {
                            overview: overview.get(&(&*key.0, &*key.1, &*s.id)).map(|o| {
                                let mut o = (*o).clone();
                                let words = self.answer_words(&key.0, &key.1, &s.id);
                                for w in &mut o.common_wrong_answers {
                                    w.answer = words(&w.answer);
                                }
                                o
                            }),
                            step_id: s.id.clone(),
                            title: s.title.clone(),
                        })
                        .collect(),
                    pack_id: key.0,
                    lesson_id: key.1,
                });
            }
        }
        for ((pack_id, lesson_id), steps) in seen {
            out.push(BoardLesson {
                success_chart: None,
                title: lesson_id.clone(),
                steps: steps
                    .into_iter()
                    .map(|step_id| BoardStep {
                        overview: overview
                            .get(&(&*pack_id, &*lesson_id, &*step_id))
                            .map(|o| (*o).clone()),
                        title: step_id.clone(),
                        step_id,
                    })
                    .collect(),
                pack_id,
                lesson_id,
            });
        }
        for l in &mut out {
            l.success_chart = self.success_chart(l);
        }
        out
    }
}
