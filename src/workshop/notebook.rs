//! « Mon carnet »: what a trainee wrote, answered and charted, lesson by lesson in pack
//! order, as data for the screen and as one self-contained HTML file to keep or print
//! (inline CSS, charts inline as SVG, nothing remote, no script, every text escaped).

use std::path::Path;

use serde::Serialize;

use crate::chart::{escape_xml as esc, ChartRequest};
use crate::error::Result;
use crate::i18n::{self, Lang};
use crate::pack::{localized, AnswerType, Exercise, Question, Step};
use crate::tr;

use super::*;

/// A trainee's notebook: their packs with something in them, in the order loaded.
#[derive(Debug, Clone, Serialize)]
pub struct Notebook {
    /// The trainee's name.
    pub name: String,
    pub lang: Lang,
    pub packs: Vec<NotebookPack>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NotebookPack {
    pub id: String,
    pub title: String,
    /// The lessons with at least one entry, in pack order.
    pub lessons: Vec<NotebookLesson>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NotebookLesson {
    pub id: String,
    pub title: String,
    pub status: LessonStatus,
    pub entries: Vec<NotebookEntry>,
}

/// One step's trace in the notebook.
#[derive(Debug, Clone, Serialize)]
pub struct NotebookEntry {
    pub step_id: String,
    pub step_title: String,
    #[serde(flatten)]
    pub item: NotebookItem,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotebookItem {
    /// The last reflection written.
    Reflection { text: String },
    /// A question (as plain text) and every answer given to it, right or wrong.
    Answers {
        question: String,
        answers: Vec<GivenAnswer>,
    },
    /// A data task: the steps of the table the trainee built (the right attempt, else the
    /// last one), in words.
    Table {
        steps: Vec<String>,
        correct: Option<bool>,
    },
    /// The records the trainee entered in a collect form: the fields' labels and, per
    /// record, the values as typed.
    Records {
        fields: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A chart: a chart step seen, or the chart a chart task was answered with, drawn
    /// again as SVG (`note` says why when it cannot be drawn any more).
    Chart {
        svg: Option<String>,
        note: Option<String>,
        correct: Option<bool>,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct GivenAnswer {
    /// The answer as the trainee reads it (a choice's label, the number typed).
    pub text: String,
    pub correct: Option<bool>,
}

/// What `export_notebook` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct NotebookExport {
    pub file: String,
    pub entries: usize,
}

impl Notebook {
    /// The number of entries in all.
    pub fn entries(&self) -> usize {
        self.packs
            .iter()
            .flat_map(|p| &p.lessons)
            .map(|l| l.entries.len())
            .sum()
    }
}

/// An answer value as the trainee reads it: choice labels, the text or number typed.
pub(super) fn answer_text(q: &Question, value: &serde_json::Value, lang: Lang) -> String {
    let label = |v: &str| {
        q.choices
            .iter()
            .find(|c| c.value == v)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| v.to_string())
    };
    match (q.answer_type, value) {
        (AnswerType::Choice | AnswerType::Multiple, serde_json::Value::String(s)) => label(s),
        (AnswerType::Multiple, serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str())
            .map(label)
            .collect::<Vec<_>>()
            .join(", "),
        (_, serde_json::Value::String(s)) => s.clone(),
        (_, serde_json::Value::Number(n)) => {
            let n = n.as_f64().unwrap_or_default();
            i18n::format_number(lang, n, if n.fract() == 0.0 { 0 } else { 2 })
        }
        (_, v) => v.to_string(),
    }
}

impl Workshop {
    /// The notebook of a profile: its reflections, answers and charts, lesson by lesson.
    pub fn notebook(&self, profile_id: &str) -> Result<Notebook> {
        let profile = self.store.profile(profile_id)?;
        let mut packs = Vec::new();
        for pack in &self.packs {
            let events = self.store.events(profile_id, pack.id())?;
            let mut lessons = Vec::new();
            for lesson in &pack.lessons {
                let mut statuses = Vec::new();
                let mut entries = Vec::new();
                for step in &lesson.steps {
                    let mine = step_events(&events, &lesson.id, &step.id);
                    statuses.push(status(step, &StepTally::of(&mine)));
                    if let Some(item) = self.notebook_item(step, &mine) {
                        entries.push(NotebookEntry {
                            step_id: step.id.clone(),
                            step_title: step.title.clone(),
                            item,
                        });
                    }
                }
                if !entries.is_empty() {
                    lessons.push(NotebookLesson {
                        id: lesson.id.clone(),
                        title: localized(&lesson.title, self.lang),
                        status: lesson_status(lesson, &statuses),
                        entries,
                    });
                }
            }
            if !lessons.is_empty() {
                packs.push(NotebookPack {
                    id: pack.id().to_string(),
                    title: localized(&pack.manifest.title, self.lang),
                    lessons,
                });
            }
        }
        Ok(Notebook {
            name: profile.name,
            lang: self.lang,
            packs,
        })
    }

    fn notebook_item(&self, step: &Step, mine: &[&Event]) -> Option<NotebookItem> {
        let attempts = || mine.iter().filter(|e| e.kind == EventKind::Attempt);
        match &step.exercise {
            Exercise::Reflection(_) => mine
                .iter()
                .rev()
                .find(|e| e.kind == EventKind::Reflection)
                .and_then(|e| e.payload["text"].as_str())
                .map(|text| NotebookItem::Reflection {
                    text: text.to_string(),
                }),
            Exercise::Question(q) => {
                let answers: Vec<GivenAnswer> = attempts()
                    .map(|e| GivenAnswer {
                        text: answer_text(q, &e.payload["answer"], self.lang),
                        correct: e.correct,
                    })
                    .collect();
                (!answers.is_empty()).then(|| NotebookItem::Answers {
                    question: crate::pack::markdown::plain_text(&step.body),
                    answers,
                })
            }
            Exercise::Chart(c) => mine
                .iter()
                .any(|e| e.kind == EventKind::Complete)
                .then(|| self.notebook_chart(self.chart_svg(c), None)),
            Exercise::Data(_) => {
                let e = attempts()
                    .rev()
                    .find(|e| e.correct == Some(true))
                    .or_else(|| attempts().next_back())?;
                let p =
                    crate::analysis::pipeline::Pipeline::from_value(e.payload["answer"].clone())
                        .ok()?;
                Some(NotebookItem::Table {
                    steps: crate::lesson::datatask::describe_pipeline(&p, self.lang),
                    correct: e.correct,
                })
            }
            Exercise::Collect(c) => {
                let fields = &c.form.fields;
                let rows: Vec<Vec<String>> = mine
                    .iter()
                    .filter(|e| e.kind == EventKind::Record)
                    .map(|e| {
                        fields
                            .iter()
                            .map(|f| {
                                e.payload["values"][&f.name]
                                    .as_str()
                                    .unwrap_or_default()
                                    .to_string()
                            })
                            .collect()
                    })
                    .collect();
                (!rows.is_empty()).then(|| NotebookItem::Records {
                    fields: fields.iter().map(|f| f.label.clone()).collect(),
                    rows,
                })
            }
            Exercise::ChartTask(t) => {
                // The right chart if there is one, else the last one tried.
                let e = attempts()
                    .rev()
                    .find(|e| e.correct == Some(true))
                    .or_else(|| attempts().next_back())?;
                let drawn = serde_json::from_value::<ChartRequest>(e.payload["answer"].clone())
                    .map_err(|e| crate::chart::ChartError::Draw(e.to_string()).into())
                    .and_then(|req| self.chart_view(&t.dataset, &req).map(|v| v.svg));
                Some(self.notebook_chart(drawn, e.correct))
            }
            _ => None,
        }
    }

    fn notebook_chart(&self, drawn: Result<String>, correct: Option<bool>) -> NotebookItem {
        match drawn {
            Ok(svg) => NotebookItem::Chart {
                svg: Some(svg),
                note: None,
                correct,
            },
            Err(e) => NotebookItem::Chart {
                svg: None,
                note: Some(e.message(self.lang)),
                correct,
            },
        }
    }

    /// The file name suggested for a trainee's notebook: `carnet-<name>.html`.
    pub fn notebook_file_name(&self, profile_id: &str) -> Result<String> {
        let p = self.store.profile(profile_id)?;
        let slug = crate::i18n::text::slug(&p.name, 40);
        let stem = tr!(self.lang, "workshop-notebook-file");
        Ok(match slug.is_empty() {
            true => format!("{stem}.html"),
            false => format!("{stem}-{slug}.html"),
        })
    }

    /// Writes a profile's notebook as one self-contained HTML file at `out` (atomically).
    pub fn export_notebook(&self, profile_id: &str, out: &Path) -> Result<NotebookExport> {
        let notebook = self.notebook(profile_id)?;
        let html = notebook_html(&notebook);
        crate::store::fsio::write_atomic(out, html.as_bytes())?;
        Ok(NotebookExport {
            file: out.display().to_string(),
            entries: notebook.entries(),
        })
    }
}

/// The page's style: readable on screen, printable (one lesson does not break across a
/// chart), no font or image fetched.
const NOTEBOOK_CSS: &str = "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;\
color:#1b1b1b;background:#fff;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.4rem;border-bottom:2px solid #0072b2;\
margin-top:2rem}h3{font-size:1.15rem;margin-bottom:.3rem}h4{font-size:1rem;margin:1rem 0 .3rem}\
.muted{color:#555}.entry{margin:0 0 1rem;padding:.6rem .9rem;border-left:4px solid #ccc}\
.reflection{border-color:#009e73;white-space:pre-wrap}.answers{border-color:#0072b2}\
.chart{border-color:#e69f00}.ok{color:#006b4e;font-weight:bold}.ko{color:#a33a00;font-weight:bold}\
figure{margin:.5rem 0}svg{max-width:100%;height:auto}ul{margin:.3rem 0}\
.table{border-color:#56b4e9}.records{border-color:#cc79a7}\
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}\
@media print{body{margin:0;max-width:none}.entry{break-inside:avoid}h2{break-after:avoid}}";

/// The notebook as a self-contained HTML page in its language.
pub fn notebook_html(n: &Notebook) -> String {
    let lang = n.lang;
    let title = tr!(lang, "workshop-notebook-title");
    let mut out = String::new();
    out.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} – {}</title>\n<style>{NOTEBOOK_CSS}</style>\n</head>\n<body>\n",
        lang.code(),
        esc(&title),
        esc(&n.name),
    ));
    out.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"muted\">{}</p>\n",
        esc(&title),
        esc(&tr!(lang, "workshop-notebook-of", name = n.name.as_str())),
    ));
    if n.packs.is_empty() {
        out.push_str(&format!(
            "<p>{}</p>\n",
            esc(&tr!(lang, "workshop-notebook-empty"))
        ));
    }
    for pack in &n.packs {
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", esc(&pack.title)));
        for lesson in &pack.lessons {
            let status = match lesson.status {
                LessonStatus::Done => tr!(lang, "workshop-notebook-lesson-done"),
                _ => tr!(lang, "workshop-notebook-lesson-open"),
            };
            out.push_str(&format!(
                "<h3>{} <span class=\"muted\">({})</span></h3>\n",
                esc(&lesson.title),
                esc(&status)
            ));
            for entry in &lesson.entries {
                entry_html(&mut out, entry, lang);
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn verdict_html(correct: Option<bool>, lang: Lang) -> String {
    match correct {
        Some(true) => format!(
            " <span class=\"ok\">✓ {}</span>",
            esc(&tr!(lang, "workshop-notebook-right"))
        ),
        Some(false) => format!(
            " <span class=\"ko\">✗ {}</span>",
            esc(&tr!(lang, "workshop-notebook-wrong"))
        ),
        None => String::new(),
    }
}

fn entry_html(out: &mut String, entry: &NotebookEntry, lang: Lang) {
    let heading = format!("<h4>{}</h4>\n", esc(&entry.step_title));
    match &entry.item {
        NotebookItem::Reflection { text } => out.push_str(&format!(
            "<div class=\"entry reflection\">{heading}<p class=\"muted\">{}</p>\n<p>{}</p></div>\n",
            esc(&tr!(lang, "workshop-notebook-reflection")),
            esc(text)
        )),
        NotebookItem::Answers { question, answers } => {
            out.push_str(&format!(
                "<div class=\"entry answers\">{heading}<p>{}</p>\n<p class=\"muted\">{}</p>\n<ul>\n",
                esc(question),
                esc(&tr!(lang, "workshop-notebook-answers"))
            ));
            for a in answers {
                out.push_str(&format!(
                    "<li>{}{}</li>\n",
                    esc(&a.text),
                    verdict_html(a.correct, lang)
                ));
            }
            out.push_str("</ul></div>\n");
        }
        NotebookItem::Table { steps, correct } => {
            out.push_str(&format!(
                "<div class=\"entry table\">{heading}<p class=\"muted\">{}{}</p>\n<ol>\n",
                esc(&tr!(lang, "workshop-notebook-table")),
                verdict_html(*correct, lang)
            ));
            for step in steps {
                out.push_str(&format!("<li>{}</li>\n", esc(step)));
            }
            out.push_str("</ol></div>\n");
        }
        NotebookItem::Records { fields, rows } => {
            out.push_str(&format!(
                "<div class=\"entry records\">{heading}<p class=\"muted\">{}</p>\n<table>\n<tr>",
                esc(&tr!(lang, "workshop-notebook-records"))
            ));
            for f in fields {
                out.push_str(&format!("<th>{}</th>", esc(f)));
            }
            out.push_str("</tr>\n");
            for row in rows {
                out.push_str("<tr>");
                for v in row {
                    out.push_str(&format!("<td>{}</td>", esc(v)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table></div>\n");
        }
        NotebookItem::Chart { svg, note, correct } => {
            out.push_str(&format!(
                "<div class=\"entry chart\">{heading}<p class=\"muted\">{}{}</p>\n",
                esc(&tr!(lang, "workshop-notebook-chart")),
                verdict_html(*correct, lang)
            ));
            if let Some(svg) = svg {
                // The chart renderer escapes every text it draws.
                out.push_str(&format!("<figure>{}</figure>\n", inline_svg(svg)));
            }
            if let Some(note) = note {
                out.push_str(&format!("<p class=\"muted\">{}</p>\n", esc(note)));
            }
            out.push_str("</div>\n");
        }
    }
}

/// An SVG document's markup to sit inside HTML: without its XML declaration, and without
/// the namespace declarations HTML does not need (so the page names no address at all).
fn inline_svg(svg: &str) -> String {
    let s = svg.trim_start();
    let s = match s.strip_prefix("<?xml") {
        Some(rest) => rest
            .split_once("?>")
            .map_or(s, |(_, after)| after.trim_start()),
        None => s,
    };
    s.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
        .replacen(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "", 1)
}
