//! One row of the questions sheet into a question step: the kind, the text, the choices,
//! the reference answer and the other accepted answers, hints, anticipated wrong answers
//! with their messages, each problem naming its column.

use std::collections::HashSet;

use super::{column_key, Cell, Col, ColumnNames, SheetQuestion};
use crate::i18n::{self, Lang};
use crate::lesson::exercise::{self, normalise_text, Verdict};
use crate::lesson::form::Choice;
use crate::pack::{is_id, AnswerType, Exercise, Feedback, Problem, Question, Step, StepSource};

/// The cells of a list: one item per line, or separated by `|`.
pub(super) fn items(text: &str) -> Vec<String> {
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

/// Reads one row into a question step, pushing its problems. `None` when the row cannot
/// even say which lesson and step it is.
pub(super) fn read_row(
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
