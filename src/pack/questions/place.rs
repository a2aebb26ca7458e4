//! The questions of the workbooks placed into their lessons: each checked against the
//! lessons and the datasets, then inserted after the step its `apres` names, or at the end
//! of its lesson.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{code_list, read, Col, SheetQuestion, EXTENSIONS};
use crate::pack::{is_safe_relative_path, Dataset, Exercise, Lesson, Problem, Question, Step};

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
        .filter_map(|s| s.exercise.table_made().map(str::to_string))
        .collect();
    for q in &mut questions {
        let at = q.columns.clone();
        if !lessons.iter().any(|l| l.id == q.lesson) {
            problems.push(at.at(
                Col::Lesson,
                format!(
                    "lesson `{}` is not in the pack (its lessons: {})",
                    q.lesson,
                    code_list(lessons.iter().map(|l| &l.id))
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
                        code_list(datasets.iter().map(|x| &x.name))
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
            let steps = code_list(
                lessons
                    .iter()
                    .filter(|l| l.id == q.lesson)
                    .flat_map(|l| l.steps.iter().map(|s| &s.id)),
            );
            problems.push(q.columns.at(
                Col::After,
                format!(
                    "step `{after}` is not in lesson `{}` (its steps: {}, or a row's id)",
                    q.lesson, steps
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
