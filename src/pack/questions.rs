//! Questions written in a spreadsheet: a workbook of the pack (`questions/quiz.xlsx`,
//! `.ods` or `.xls`) listed in `pack.toml` (`questions = [...]`) whose sheet `questions`
//! holds one question per row. Each row becomes an ordinary question [`Step`] placed into
//! its lesson when the pack is loaded, so judging, hints, reveal, skip, progress and
//! `pack check`'s proofs treat it like a question written in Markdown.
//!
//! The header row names the columns in French (English synonyms, case, accents, spaces and
//! underscores do not matter): `lecon`, `id`, `type`, `titre`, `question`, `choix`,
//! `reponse`, `tolerance`, `min`, `max`, `unite`, `autres_reponses`, `indices`, `erreurs`,
//! `explication`, `jeu_de_donnees`, `apres` (see `docs/pack-format.md`). Lists are one
//! item per line of the cell or separated by `|`; numbers are read the way people type them.
//! Every problem names the workbook, the sheet, the row and the column.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Sheets, Xls, Xlsx};

use crate::i18n::{self, Lang};
use crate::lesson::exercise::{self, normalise_text, Verdict};
use crate::lesson::form::Choice;
use crate::pack::{
    is_id, is_safe_relative_path, AnswerType, Dataset, Exercise, Feedback, Lesson, Problem,
    Question, Step, StepSource,
};

/// The name of the sheet read (any case, accents and spaces aside).
pub const SHEET: &str = "questions";
/// The workbook extensions read.
pub const EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "ods", "xls"];
/// Largest sheet read: rows (header included) and columns.
pub const MAX_ROWS: usize = 5000;
pub const MAX_COLUMNS: usize = 100;

/// A column of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Col {
    Lesson,
    Id,
    Type,
    Title,
    Question,
    Choices,
    Answer,
    Tolerance,
    Min,
    Max,
    Unit,
    Accept,
    Hints,
    Feedback,
    Explanation,
    Dataset,
    After,
}

impl Col {
    pub const ALL: [Col; 17] = [
        Col::Lesson,
        Col::Id,
        Col::Type,
        Col::Title,
        Col::Question,
        Col::Choices,
        Col::Answer,
        Col::Tolerance,
        Col::Min,
        Col::Max,
        Col::Unit,
        Col::Accept,
        Col::Hints,
        Col::Feedback,
        Col::Explanation,
        Col::Dataset,
        Col::After,
    ];

    /// The column's French name, as written in the template.
    pub fn name(self) -> &'static str {
        self.names()[0]
    }

    /// Accepted names, as folded by [`column_key`]: the French name first.
    fn names(self) -> &'static [&'static str] {
        match self {
            Col::Lesson => &["lecon", "id_lecon", "lesson", "lesson_id"],
            Col::Id => &["id", "identifiant", "id_etape", "etape", "step", "step_id"],
            Col::Type => &["type", "type_de_question", "question_type"],
            Col::Title => &["titre", "title"],
            Col::Question => &["question", "enonce", "text"],
            Col::Choices => &["choix", "choices", "options"],
            Col::Answer => &["reponse", "bonne_reponse", "answer"],
            Col::Tolerance => &["tolerance"],
            Col::Min => &["min", "minimum"],
            Col::Max => &["max", "maximum"],
            Col::Unit => &["unite", "unit"],
            Col::Accept => &[
                "autres_reponses",
                "reponses_acceptees",
                "autres_reponses_acceptees",
                "accept",
                "other_answers",
            ],
            Col::Hints => &["indices", "indice", "hints", "hint"],
            Col::Feedback => &[
                "erreurs",
                "erreurs_frequentes",
                "mauvaises_reponses",
                "feedback",
                "wrong_answers",
            ],
            Col::Explanation => &["explication", "explanation"],
            Col::Dataset => &["jeu_de_donnees", "donnees", "dataset"],
            Col::After => &["apres", "after"],
        }
    }

    fn from_header(h: &str) -> Option<Col> {
        let key = column_key(h);
        Col::ALL
            .into_iter()
            .find(|c| c.names().contains(&key.as_str()))
    }
}

/// A header or type cell folded for comparison: `Jeu de données` -> `jeu_de_donnees`,
/// `Choix multiple` -> `choix_multiple`, `Réponse ` -> `reponse`.
pub fn column_key(h: &str) -> String {
    let folded: String = normalise_text(h)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    folded
        .split('_')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// A question read from one row, waiting to be placed into its lesson.
#[derive(Debug, Clone)]
pub struct SheetQuestion {
    pub lesson: String,
    /// The step after which it goes (`apres`); `None`: at the end of the lesson.
    pub after: Option<String>,
    pub step: Step,
    /// Whether the row has no problem of its own (only those are placed).
    pub ok: bool,
    columns: ColumnNames,
}

/// What one workbook gave.
#[derive(Debug, Default)]
pub struct SheetRead {
    pub questions: Vec<SheetQuestion>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// How to name a column in a message: as its header cell says, with its letter.
#[derive(Debug, Clone, Default)]
struct ColumnNames {
    file: String,
    sheet: String,
    row: usize,
    names: BTreeMap<Col, String>,
}

impl ColumnNames {
    fn col(&self, c: Col) -> String {
        self.names
            .get(&c)
            .cloned()
            .unwrap_or_else(|| format!("`{}`", c.name()))
    }

    fn at(&self, c: Col, msg: impl std::fmt::Display) -> Problem {
        Problem {
            file: self.file.clone(),
            line: self.row,
            message: format!(
                "sheet `{}`, row {}, column {}: {msg}",
                self.sheet,
                self.row,
                self.col(c)
            ),
        }
    }

    fn at_row(&self, msg: impl std::fmt::Display) -> Problem {
        Problem {
            file: self.file.clone(),
            line: self.row,
            message: format!("sheet `{}`, row {}: {msg}", self.sheet, self.row),
        }
    }
}

/// `0` -> `A`, `27` -> `AB`.
fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// One cell as text, and whether the spreadsheet holds it as a date.
#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    date: bool,
}

fn cell(d: &Data) -> Cell {
    Cell {
        text: crate::pack::xlsform::cell_text(d)
            .replace("\r\n", "\n")
            .replace('\r', "\n"),
        date: matches!(d, Data::DateTime(_) | Data::DateTimeIso(_)),
    }
}

/// The cells of a list: one item per line, or separated by `|`.
fn items(text: &str) -> Vec<String> {
    text.split(['\n', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The non-empty lines of a cell, with their 1-based number in the cell.
fn lines(text: &str) -> Vec<(usize, &str)> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// A choice value written by hand: no space, no `=`, at most 64 characters.
fn is_value(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 64
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The value of a choice written as a label only: `Ville de N'Djamena` -> `ville-de-n-djamena`.
pub fn value_of_label(label: &str) -> String {
    let s: String = normalise_text(label)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let v = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    v.chars().take(64).collect()
}

/// The choice an answer names: its value, else its label, else its value in another case.
fn resolve<'a>(choices: &'a [Choice], s: &str) -> Option<&'a Choice> {
    let s = s.trim();
    let n = normalise_text(s);
    choices
        .iter()
        .find(|c| c.value == s)
        .or_else(|| choices.iter().find(|c| normalise_text(&c.label) == n))
        .or_else(|| choices.iter().find(|c| normalise_text(&c.value) == n))
}

fn list_choices(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|c| {
            if c.value == value_of_label(&c.label) {
                format!("`{}`", c.label)
            } else {
                format!("`{}` ({})", c.value, c.label)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `12,5` -> 12.5, or why it is not a number.
fn number(text: &str, date: bool) -> Result<f64, String> {
    if date {
        return Err(format!(
            "`{text}` is a date in the spreadsheet, not a number: format the cell as a number or as text"
        ));
    }
    i18n::parse::number(text).ok_or_else(|| format!("`{text}` is not a number"))
}

/// Opens a workbook by its extension.
fn open(file: &str, bytes: &[u8]) -> Result<Sheets<Cursor<Vec<u8>>>, String> {
    let ext = file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let rs = Cursor::new(bytes.to_vec());
    let opened = std::panic::catch_unwind(move || -> Result<_, String> {
        Ok(match ext.as_str() {
            "xlsx" | "xlsm" => Sheets::Xlsx(
                Xlsx::new(rs).map_err(|e| format!("not a readable XLSX workbook: {e}"))?,
            ),
            "ods" => {
                Sheets::Ods(Ods::new(rs).map_err(|e| format!("not a readable ODS workbook: {e}"))?)
            }
            "xls" => {
                Sheets::Xls(Xls::new(rs).map_err(|e| format!("not a readable XLS workbook: {e}"))?)
            }
            _ => return Err("a questions workbook is a .xlsx, .ods or .xls file".into()),
        })
    });
    opened.unwrap_or_else(|_| Err("not a readable workbook (the reader failed)".into()))
}

/// Reads the questions of the workbook `bytes`, found in the pack at `file`.
pub fn read(file: &str, bytes: &[u8]) -> SheetRead {
    let mut out = SheetRead::default();
    let at = |msg: String| Problem {
        file: file.to_string(),
        line: 0,
        message: msg,
    };
    let mut book = match open(file, bytes) {
        Ok(b) => b,
        Err(e) => {
            out.problems.push(at(e));
            return out;
        }
    };
    let names = book.sheet_names();
    let Some(sheet) = names.iter().find(|n| column_key(n) == SHEET).cloned() else {
        out.problems.push(at(format!(
            "the workbook has no sheet named `{SHEET}` (its sheets: {})",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
        return out;
    };
    let range: Range<Data> = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        book.worksheet_range(&sheet)
    })) {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            out.problems
                .push(at(format!("sheet `{sheet}` cannot be read: {e}")));
            return out;
        }
        Err(_) => {
            out.problems.push(at(format!(
                "sheet `{sheet}` cannot be read (the reader failed)"
            )));
            return out;
        }
    };
    let (height, width) = range.get_size();
    if height > MAX_ROWS || width > MAX_COLUMNS {
        out.problems.push(at(format!(
            "sheet `{sheet}` is too large: at most {MAX_ROWS} rows and {MAX_COLUMNS} columns"
        )));
        return out;
    }
    let (first_row, first_col) = range
        .start()
        .map(|(r, c)| (r as usize, c as usize))
        .unwrap_or((0, 0));
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i + 1, r.iter().map(cell).collect::<Vec<_>>()))
        .filter(|(_, r)| r.iter().any(|c| !c.text.trim().is_empty()));
    let Some((header_row, header)) = rows.next() else {
        out.problems.push(Problem {
            file: file.to_string(),
            line: 1,
            message: format!(
                "sheet `{sheet}` is empty: its first row names the columns ({})",
                Col::ALL.map(Col::name).join(", ")
            ),
        });
        return out;
    };

    // Header: which column is where.
    let mut index: BTreeMap<Col, usize> = BTreeMap::new();
    let mut names = ColumnNames {
        file: file.to_string(),
        sheet: sheet.clone(),
        row: header_row,
        names: BTreeMap::new(),
    };
    for (i, h) in header.iter().enumerate() {
        let h = h.text.trim();
        if h.is_empty() {
            continue;
        }
        let letter = column_letter(first_col + i);
        let shown = format!("`{h}` ({letter})");
        match Col::from_header(h) {
            None => out.warnings.push(Problem {
                file: file.to_string(),
                line: header_row,
                message: format!(
                    "sheet `{sheet}`, row {header_row}, column {shown}: unknown column, ignored (the columns read are {})",
                    Col::ALL.map(Col::name).join(", ")
                ),
            }),
            Some(c) if index.contains_key(&c) => out.problems.push(Problem {
                file: file.to_string(),
                line: header_row,
                message: format!(
                    "sheet `{sheet}`, row {header_row}, column {shown}: column {} is already there",
                    names.col(c)
                ),
            }),
            Some(c) => {
                index.insert(c, i);
                names.names.insert(c, shown);
            }
        }
    }
    let missing: Vec<&str> = [Col::Lesson, Col::Id, Col::Type, Col::Title, Col::Question]
        .into_iter()
        .filter(|c| !index.contains_key(c))
        .map(Col::name)
        .collect();
    if !missing.is_empty() {
        out.problems.push(names.at_row(format!(
            "the header row lacks the column(s) {} (the first non-empty row names the columns)",
            missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
        return out;
    }

    let mut any = false;
    for (row, cells) in rows {
        let get = |c: Col| -> Cell {
            index
                .get(&c)
                .and_then(|&i| cells.get(i))
                .cloned()
                .map(|mut x| {
                    x.text = x.text.trim().to_string();
                    x
                })
                .unwrap_or_default()
        };
        // A row with text only in unknown columns (notes) is blank.
        if Col::ALL.iter().all(|&c| get(c).text.is_empty()) {
            continue;
        }
        any = true;
        let names = ColumnNames {
            row,
            ..names.clone()
        };
        if let Some(q) = read_row(&names, &get, &mut out.problems) {
            out.questions.push(q);
        }
    }
    if !any {
        out.problems.push(
            names.at_row(
                "the sheet has a header but no question: write one question per row below it",
            ),
        );
    }
    out
}

/// Reads one row into a question step, pushing its problems. `None` when the row cannot
/// even say which lesson and step it is.
fn read_row(
    at: &ColumnNames,
    get: &dyn Fn(Col) -> Cell,
    problems: &mut Vec<Problem>,
) -> Option<SheetQuestion> {
    let before = problems.len();
    let required = |c: Col, what: &str, problems: &mut Vec<Problem>| -> Option<String> {
        let v = get(c).text;
        if v.is_empty() {
            problems.push(at.at(c, format!("the cell is empty: write {what}")));
            None
        } else {
            Some(v)
        }
    };
    let lesson = required(
        Col::Lesson,
        "the id of the lesson (as in its front matter)",
        problems,
    );
    let id = required(Col::Id, "the step's id, e.g. `chef-lieu-ouaddai`", problems);
    if let Some(id) = &id {
        if !is_id(id) {
            problems.push(at.at(
                Col::Id,
                format!("`{id}` is not a step id: use lower-case letters without accents, digits and hyphens, e.g. `chef-lieu-ouaddai` (at most 64)"),
            ));
        }
    }
    let type_text = required(
        Col::Type,
        "the question's type: choix, choix multiple, nombre or texte",
        problems,
    );
    let answer_type = type_text.as_deref().and_then(|t| {
        let ty = match column_key(t).as_str() {
            "choix" | "choix_unique" | "choice" | "single_choice" | "qcu" => AnswerType::Choice,
            "choix_multiple" | "choix_multiples" | "multiple" | "multiple_choice" | "qcm" => {
                AnswerType::Multiple
            }
            "nombre" | "number" | "numerique" => AnswerType::Number,
            "texte" | "text" => AnswerType::Text,
            _ => {
                problems.push(at.at(
                    Col::Type,
                    format!("type `{t}` is not one of choix, choix multiple, nombre, texte"),
                ));
                return None;
            }
        };
        Some(ty)
    });
    let title = required(Col::Title, "the step's title", problems).unwrap_or_default();
    let body =
        required(Col::Question, "the question asked (Markdown)", problems).unwrap_or_default();
    let explanation = get(Col::Explanation).text;
    for (c, text) in [(Col::Question, &body), (Col::Explanation, &explanation)] {
        if let Some((_, h)) = crate::pack::raw_html(text).into_iter().next() {
            problems.push(at.at(
                c,
                format!("raw HTML is not allowed in lessons: {h} (write Markdown)"),
            ));
        }
    }
    let dataset = Some(get(Col::Dataset).text).filter(|d| !d.is_empty());
    let after = Some(get(Col::After).text).filter(|d| !d.is_empty());
    let unit = Some(get(Col::Unit).text).filter(|d| !d.is_empty());

    let (Some(lesson), Some(id)) = (lesson, id) else {
        return None;
    };
    let mut q = Question {
        answer_type: answer_type.unwrap_or(AnswerType::Text),
        choices: Vec::new(),
        answer: serde_json::Value::Null,
        tolerance: 0.0,
        min: None,
        max: None,
        accept: Vec::new(),
        hints: items(&get(Col::Hints).text),
        feedback: Vec::new(),
        explanation: (!explanation.is_empty()).then_some(explanation),
        unit,
        dataset,
    };
    if let Some(ty) = answer_type {
        read_answer(at, get, ty, &mut q, problems);
    }
    let step = Step {
        id,
        title,
        body,
        exercise: Exercise::Question(q),
        line: at.row,
        source: StepSource::Sheet {
            file: at.file.clone(),
            sheet: at.sheet.clone(),
        },
    };
    Some(SheetQuestion {
        lesson,
        after,
        step,
        ok: problems.len() == before,
        columns: at.clone(),
    })
}

/// The columns `choix` to `erreurs` of a row of type `ty`, into `q`.
fn read_answer(
    at: &ColumnNames,
    get: &dyn Fn(Col) -> Cell,
    ty: AnswerType,
    q: &mut Question,
    problems: &mut Vec<Problem>,
) {
    let type_name = match ty {
        AnswerType::Choice => "choix",
        AnswerType::Multiple => "choix multiple",
        AnswerType::Number => "nombre",
        AnswerType::Text => "texte",
    };
    // Columns that do not apply to this type: a sign of a wrong type.
    let only_for: &[(Col, &[AnswerType], &str)] = &[
        (
            Col::Choices,
            &[AnswerType::Choice, AnswerType::Multiple],
            "choix and choix multiple",
        ),
        (Col::Tolerance, &[AnswerType::Number], "nombre"),
        (Col::Min, &[AnswerType::Number], "nombre"),
        (Col::Max, &[AnswerType::Number], "nombre"),
        (Col::Unit, &[AnswerType::Number], "nombre"),
        (Col::Accept, &[AnswerType::Text], "texte"),
    ];
    let mut fine = true;
    for (c, types, which) in only_for {
        if !types.contains(&ty) && !get(*c).text.is_empty() {
            problems.push(at.at(
                *c,
                format!(
                    "this column is for {which} questions, and this row's type is `{type_name}`"
                ),
            ));
            fine = false;
        }
    }
    let answer = get(Col::Answer);
    match ty {
        AnswerType::Choice | AnswerType::Multiple => {
            let mut seen = HashSet::new();
            for item in items(&get(Col::Choices).text) {
                let (value, label) = match item.split_once('=') {
                    Some((v, l)) if is_value(v.trim()) && !l.trim().is_empty() => {
                        (v.trim().to_string(), l.trim().to_string())
                    }
                    _ => (value_of_label(&item), item.clone()),
                };
                if value.is_empty() {
                    problems.push(at.at(
                        Col::Choices,
                        format!("choice `{item}` needs a value: write `value = {item}`"),
                    ));
                    fine = false;
                    continue;
                }
                if !seen.insert(value.clone()) {
                    problems.push(at.at(
                        Col::Choices,
                        format!("choice `{item}` is there twice (value `{value}`)"),
                    ));
                    fine = false;
                    continue;
                }
                q.choices.push(Choice { value, label });
            }
            if q.choices.len() < 2 {
                problems.push(at.at(
                    Col::Choices,
                    "a choice question needs at least two choices, one per line or separated by `|`",
                ));
                return;
            }
            let given = items(&answer.text);
            if given.is_empty() {
                problems.push(at.at(Col::Answer, "the cell is empty: write the right choice"));
                return;
            }
            if ty == AnswerType::Choice && given.len() > 1 {
                problems.push(at.at(
                    Col::Answer,
                    "a `choix` question has one right answer: use the type `choix multiple` for several",
                ));
                return;
            }
            let mut values = Vec::new();
            for g in &given {
                match resolve(&q.choices, g) {
                    Some(c) => values.push(c.value.clone()),
                    None => {
                        problems.push(at.at(
                            Col::Answer,
                            format!(
                                "`{g}` is not one of the choices ({})",
                                list_choices(&q.choices)
                            ),
                        ));
                        fine = false;
                    }
                }
            }
            if !fine {
                return;
            }
            q.answer = if ty == AnswerType::Choice {
                serde_json::Value::from(values[0].clone())
            } else {
                values.sort_by_key(|v| q.choices.iter().position(|c| &c.value == v));
                values.dedup();
                serde_json::json!(values)
            };
        }
        AnswerType::Number => {
            let mut num = |c: Col| -> Option<f64> {
                let cell = get(c);
                if cell.text.is_empty() {
                    return None;
                }
                match number(&cell.text, cell.date) {
                    Ok(n) => Some(n),
                    Err(e) => {
                        problems.push(at.at(c, e));
                        fine = false;
                        None
                    }
                }
            };
            let reference = num(Col::Answer);
            let tolerance = num(Col::Tolerance);
            q.min = num(Col::Min);
            q.max = num(Col::Max);
            if !fine {
                return;
            }
            if let Some(t) = tolerance {
                if t < 0.0 {
                    problems.push(at.at(Col::Tolerance, "the tolerance cannot be negative"));
                    return;
                }
                if q.min.is_some() || q.max.is_some() {
                    problems.push(at.at(
                        Col::Tolerance,
                        "give either a tolerance or min/max (the accepted range), not both",
                    ));
                    return;
                }
                q.tolerance = t;
            }
            if let (Some(a), Some(b)) = (q.min, q.max) {
                if a > b {
                    problems.push(at.at(Col::Min, format!("min {a} is above max {b}")));
                    return;
                }
            }
            let ranged = q.min.is_some() || q.max.is_some();
            match reference {
                None if !ranged => {
                    problems.push(at.at(
                        Col::Answer,
                        "the cell is empty: write the right number (or the accepted range in min and max)",
                    ));
                    return;
                }
                None => {}
                Some(r) => {
                    q.answer = serde_json::json!(r);
                    if let Some((a, b)) = exercise::accepted_range(q) {
                        if r < a || r > b {
                            problems.push(at.at(
                                Col::Answer,
                                format!(
                                    "the answer {r} is outside the accepted range (min and max)"
                                ),
                            ));
                            return;
                        }
                    }
                }
            }
        }
        AnswerType::Text => {
            if answer.text.is_empty() || normalise_text(&answer.text).is_empty() {
                problems.push(at.at(Col::Answer, "the cell is empty: write the right answer"));
                return;
            }
            q.answer = serde_json::Value::from(answer.text.clone());
            q.accept = items(&get(Col::Accept).text);
        }
    }
    if fine {
        read_feedback(at, &get(Col::Feedback).text, q, problems);
    }
}

/// The column `erreurs`: one anticipated wrong answer per line, `answer => message`, or for
/// numbers `10..20 => message` (a bound may be left out).
fn read_feedback(at: &ColumnNames, text: &str, q: &mut Question, problems: &mut Vec<Problem>) {
    let all = lines(text);
    let several = all.len() > 1;
    for (n, line) in all {
        let err = |msg: String| {
            at.at(
                Col::Feedback,
                if several {
                    format!("line {n} of the cell: {msg}")
                } else {
                    msg
                },
            )
        };
        let Some((given, message)) = line.split_once("=>") else {
            problems.push(err(format!(
                "`{line}`: write the wrong answer, `=>`, then the message shown, e.g. `387 461 => C'est la source A.`"
            )));
            continue;
        };
        let (given, message) = (given.trim(), message.trim());
        if given.is_empty() || message.is_empty() {
            problems.push(err(format!(
                "`{line}`: write the wrong answer before `=>` and the message after it"
            )));
            continue;
        }
        let feedback = match q.answer_type {
            AnswerType::Number => match given.split_once("..") {
                Some((a, b)) => {
                    let bound = |s: &str| -> Result<Option<f64>, String> {
                        let s = s.trim();
                        if s.is_empty() {
                            Ok(None)
                        } else {
                            number(s, false).map(Some)
                        }
                    };
                    match (bound(a), bound(b)) {
                        (Ok(None), Ok(None)) => Err(format!(
                            "`{given}`: write at least one bound of the range, e.g. `0..1`"
                        )),
                        (Ok(min), Ok(max)) => {
                            if let (Some(a), Some(b)) = (min, max) {
                                if a > b {
                                    problems
                                        .push(err(format!("range `{given}`: {a} is above {b}")));
                                    continue;
                                }
                            }
                            Ok(Feedback {
                                answer: serde_json::Value::Null,
                                min,
                                max,
                                message: message.to_string(),
                            })
                        }
                        (Err(e), _) | (_, Err(e)) => Err(format!("range `{given}`: {e}")),
                    }
                }
                None => number(given, false).map(|x| Feedback {
                    answer: serde_json::json!(x),
                    min: None,
                    max: None,
                    message: message.to_string(),
                }),
            },
            AnswerType::Choice | AnswerType::Multiple => {
                let parts = items(given);
                if q.answer_type == AnswerType::Choice && parts.len() > 1 {
                    Err(format!("`{given}`: a `choix` question takes one answer"))
                } else {
                    let mut values = Vec::new();
                    let mut bad = None;
                    for p in &parts {
                        match resolve(&q.choices, p) {
                            Some(c) => values.push(c.value.clone()),
                            None => {
                                bad = Some(format!(
                                    "`{p}` is not one of the choices ({})",
                                    list_choices(&q.choices)
                                ));
                                break;
                            }
                        }
                    }
                    match bad {
                        Some(b) => Err(b),
                        None if q.answer_type == AnswerType::Choice => Ok(serde_json::Value::from(
                            values.first().cloned().unwrap_or_default(),
                        )),
                        None => {
                            values.sort_by_key(|v| q.choices.iter().position(|c| &c.value == v));
                            values.dedup();
                            Ok(serde_json::json!(values))
                        }
                    }
                    .map(|answer| Feedback {
                        answer,
                        min: None,
                        max: None,
                        message: message.to_string(),
                    })
                }
            }
            AnswerType::Text => Ok(Feedback {
                answer: serde_json::Value::from(given),
                min: None,
                max: None,
                message: message.to_string(),
            }),
        };
        let feedback = match feedback {
            Ok(f) => f,
            Err(e) => {
                problems.push(err(e));
                continue;
            }
        };
        // An anticipated wrong answer must be wrong.
        if feedback.min.is_some() || feedback.max.is_some() {
            let (a, b) = (
                feedback.min.unwrap_or(f64::NEG_INFINITY),
                feedback.max.unwrap_or(f64::INFINITY),
            );
            if let Some((ra, rb)) = exercise::accepted_range(q) {
                if a.max(ra) <= b.min(rb) {
                    problems.push(err(format!(
                        "the wrong answers `{given}` include right ones (the answer and its tolerance, or min..max)"
                    )));
                    continue;
                }
            }
        } else {
            match exercise::check(q, &feedback.answer, Lang::Fr) {
                Verdict::Correct => {
                    problems.push(err(format!(
                        "`{given}` is given as a wrong answer, but it is accepted as right (the answer itself{})",
                        match q.answer_type {
                            AnswerType::Number => ", or within the tolerance or min..max",
                            AnswerType::Text => ", or one of the other accepted answers; case, accents and hyphens do not count",
                            _ => "",
                        }
                    )));
                    continue;
                }
                Verdict::Invalid { message } => {
                    problems.push(err(format!("`{given}` cannot be answered: {message}")));
                    continue;
                }
                Verdict::Wrong { .. } => {}
            }
        }
        q.feedback.push(feedback);
    }
}

/// Reads the workbooks listed in the manifest and places their questions into `lessons`.
/// Rows with a problem are left out (the pack is refused anyway, with every problem).
pub fn add_to_lessons(
    workbooks: &[String],
    files: &BTreeMap<String, Vec<u8>>,
    datasets: &[Dataset],
    lessons: &mut [Lesson],
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) {
    let mut listed = HashSet::new();
    let mut questions = Vec::new();
    for path in workbooks {
        let manifest = |msg: String| Problem {
            file: "pack.toml".into(),
            line: 0,
            message: msg,
        };
        if !listed.insert(path.as_str()) {
            problems.push(manifest(format!("questions: {path} is listed twice")));
            continue;
        }
        let ext = path
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !EXTENSIONS.contains(&ext.as_str()) {
            problems.push(manifest(format!(
                "questions: {path} is not a workbook (.xlsx, .ods or .xls)"
            )));
            continue;
        }
        let Some(bytes) = files
            .get(path.as_str())
            .filter(|_| is_safe_relative_path(path))
        else {
            problems.push(manifest(format!(
                "questions: workbook {path} not found in the pack"
            )));
            continue;
        };
        let r = read(path, bytes);
        questions.extend(r.questions);
        problems.extend(r.problems);
        warnings.extend(r.warnings);
    }
    // A workbook dropped in `questions/` and forgotten in the manifest is not read: say so
    // (unless a collect step reads it as an XLSForm).
    let forms: HashSet<&str> = lessons
        .iter()
        .flat_map(|l| &l.steps)
        .filter_map(|s| match &s.exercise {
            Exercise::Collect(c) => c.xlsform.as_deref(),
            _ => None,
        })
        .collect();
    for path in files.keys() {
        let ext = path
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if path.starts_with("questions/")
            && EXTENSIONS.contains(&ext.as_str())
            && !listed.contains(path.as_str())
            && !forms.contains(path.as_str())
        {
            warnings.push(Problem {
                file: path.clone(),
                line: 0,
                message: format!(
                    "this workbook is not read: list it in pack.toml, questions = [\"{path}\"]"
                ),
            });
        }
    }
    place(questions, datasets, lessons, problems);
}

/// Checks each question against the lessons and inserts it after the step its `apres`
/// names (in row order when several name the same step), or at the end of its lesson.
pub fn place(
    mut questions: Vec<SheetQuestion>,
    datasets: &[Dataset],
    lessons: &mut [Lesson],
    problems: &mut Vec<Problem>,
) {
    // Lesson, dataset and step id, row by row.
    let mut ids: HashMap<(String, String), String> = HashMap::new();
    for l in lessons.iter() {
        for s in &l.steps {
            ids.insert(
                (l.id.clone(), s.id.clone()),
                format!("a step of {}, line {}", l.file, s.line),
            );
        }
    }
    // Tables made by import steps or saved by data tasks, which questions may show too.
    let tables: HashSet<String> = lessons
        .iter()
        .flat_map(|l| &l.steps)
        .filter_map(|s| match &s.exercise {
            Exercise::Import(i) => Some(i.table.clone()),
            Exercise::Data(d) => d.result.clone(),
            _ => None,
        })
        .collect();
    for q in &mut questions {
        let at = q.columns.clone();
        if !lessons.iter().any(|l| l.id == q.lesson) {
            problems.push(at.at(
                Col::Lesson,
                format!(
                    "lesson `{}` is not in the pack (its lessons: {})",
                    q.lesson,
                    lessons
                        .iter()
                        .map(|l| format!("`{}`", l.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
            q.ok = false;
            continue;
        }
        let key = (q.lesson.clone(), q.step.id.clone());
        if let Some(other) = ids.get(&key) {
            problems.push(at.at(
                Col::Id,
                format!(
                    "step id `{}` is already used in lesson `{}` ({other}): each step needs its own id",
                    q.step.id, q.lesson
                ),
            ));
            q.ok = false;
        } else {
            ids.insert(
                key,
                format!("{}, sheet `{}`, row {}", at.file, at.sheet, at.row),
            );
        }
        if let Exercise::Question(Question {
            dataset: Some(d), ..
        }) = &q.step.exercise
        {
            if !datasets.iter().any(|x| &x.name == d) && !tables.contains(d) {
                problems.push(at.at(
                    Col::Dataset,
                    format!(
                        "dataset `{d}` is neither in datapackage.json (its datasets: {}) nor a table that an import step or a data task makes",
                        datasets
                            .iter()
                            .map(|x| format!("`{}`", x.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
                q.ok = false;
            }
        }
    }
    for q in &mut questions {
        let Some(after) = &q.after else { continue };
        if !lessons.iter().any(|l| l.id == q.lesson) {
            continue;
        }
        if after == &q.step.id {
            problems.push(q.columns.at(Col::After, "a step cannot come after itself"));
            q.ok = false;
        } else if !ids.contains_key(&(q.lesson.clone(), after.clone())) {
            let steps: Vec<String> = lessons
                .iter()
                .filter(|l| l.id == q.lesson)
                .flat_map(|l| l.steps.iter().map(|s| format!("`{}`", s.id)))
                .collect();
            problems.push(q.columns.at(
                Col::After,
                format!(
                    "step `{after}` is not in lesson `{}` (its steps: {}, or a row's id)",
                    q.lesson,
                    steps.join(", ")
                ),
            ));
            q.ok = false;
        }
    }

    for lesson in lessons.iter_mut() {
        let mine: Vec<usize> = (0..questions.len())
            .filter(|&i| questions[i].lesson == lesson.id)
            .collect();
        if mine.is_empty() {
            continue;
        }
        // The rows placed after each step, in row order; rows for the end of the lesson.
        let mut children: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut roots = Vec::new();
        for &i in &mine {
            match &questions[i].after {
                Some(a) => children.entry(a.as_str()).or_default().push(i),
                None => roots.push(i),
            }
        }
        let mut order: Vec<Result<usize, usize>> = Vec::new(); // Ok(row), Err(markdown step)
        let mut done = HashSet::new();
        let mut emit = |start: Vec<usize>, order: &mut Vec<Result<usize, usize>>| {
            let mut stack: Vec<usize> = start.into_iter().rev().collect();
            while let Some(i) = stack.pop() {
                if !done.insert(i) {
                    continue;
                }
                order.push(Ok(i));
                if let Some(c) = children.get(questions[i].step.id.as_str()) {
                    stack.extend(c.iter().rev());
                }
            }
        };
        for (si, s) in lesson.steps.iter().enumerate() {
            order.push(Err(si));
            emit(
                children.get(s.id.as_str()).cloned().unwrap_or_default(),
                &mut order,
            );
        }
        emit(roots, &mut order);
        let placed: HashSet<usize> = order.iter().filter_map(|o| o.ok()).collect();
        for &i in &mine {
            let q = &questions[i];
            if !placed.contains(&i) && q.ok {
                problems.push(q.columns.at(
                    Col::After,
                    format!(
                        "step `{}` comes after `{}`, which comes after it: the rows' `apres` make a loop",
                        q.step.id,
                        q.after.as_deref().unwrap_or_default()
                    ),
                ));
            }
        }
        let mut old: Vec<Option<Step>> = std::mem::take(&mut lesson.steps)
            .into_iter()
            .map(Some)
            .collect();
        for o in order {
            match o {
                Err(si) => {
                    if let Some(s) = old[si].take() {
                        lesson.steps.push(s);
                    }
                }
                Ok(i) if questions[i].ok => lesson.steps.push(questions[i].step.clone()),
                Ok(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_fold() {
        assert_eq!(Col::from_header("Leçon"), Some(Col::Lesson));
        assert_eq!(Col::from_header(" Réponse "), Some(Col::Answer));
        assert_eq!(Col::from_header("Jeu de données"), Some(Col::Dataset));
        assert_eq!(Col::from_header("autres réponses"), Some(Col::Accept));
        assert_eq!(Col::from_header("AUTRES_REPONSES"), Some(Col::Accept));
        assert_eq!(Col::from_header("Après"), Some(Col::After));
        assert_eq!(Col::from_header("hints"), Some(Col::Hints));
        assert_eq!(Col::from_header("Unité"), Some(Col::Unit));
        assert_eq!(Col::from_header("remarques"), None);
        for c in Col::ALL {
            assert_eq!(Col::from_header(c.name()), Some(c));
        }
    }

    #[test]
    fn letters_and_values() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(value_of_label("Ville de N'Djamena"), "ville-de-n-djamena");
        assert_eq!(value_of_label("Ouaddaï"), "ouaddai");
        assert_eq!(items("a | b\nc\n\n|"), vec!["a", "b", "c"]);
    }
}
