//! A step checked against the rest of the pack (what `pack check` reports besides the
//! parsing problems): reference answers pass, anticipated wrong answers fail, charts name
//! real datasets and columns, forms are well defined. Data and chart tasks are checked by
//! running them (see [`crate::lesson::datatask::check_tasks`]).

use std::collections::{BTreeMap, HashSet};

use super::{problem, Dataset, Exercise, Problem, Step, StepSource};

/// Checks one step against the rest of the pack: reference answers pass, anticipated
/// wrong answers fail, charts name real datasets and columns, forms are well defined.
pub(super) fn check_step(
    step: &Step,
    file: &str,
    datasets: &[Dataset],
    import_tables: &HashSet<&str>,
    files: &BTreeMap<String, Vec<u8>>,
    problems: &mut Vec<Problem>,
) {
    let (file, place) = match &step.source {
        StepSource::Lesson => (file, String::new()),
        StepSource::Sheet { file, sheet } => (
            file.as_str(),
            format!("sheet `{sheet}`, row {}: ", step.line),
        ),
    };
    let mut at = |msg: String| {
        problems.push(problem(
            file,
            step.line,
            format!("{place}step `{}`: {msg}", step.id),
        ))
    };
    match &step.exercise {
        Exercise::Read => {}
        Exercise::Reflection(r) => {
            if r.min_length > crate::pack::MAX_REFLECTION {
                at(format!(
                    "min_length is above {}",
                    crate::pack::MAX_REFLECTION
                ));
            }
        }
        Exercise::Question(q) => {
            for msg in crate::lesson::exercise::question_problems(q) {
                at(msg);
            }
            if let Some(d) = &q.dataset {
                if !datasets.iter().any(|x| &x.name == d) && !import_tables.contains(d.as_str()) {
                    at(format!(
                        "dataset `{d}` is neither in datapackage.json nor a table that an import step or a data task makes"
                    ));
                }
            }
        }
        Exercise::Collect(c) => {
            for msg in c.form.definition_problems() {
                at(msg);
            }
        }
        Exercise::Chart(c) => match datasets.iter().find(|d| d.name == c.dataset) {
            None => at(format!(
                "dataset `{}` is not in datapackage.json",
                c.dataset
            )),
            Some(d) => {
                let header = files
                    .get(&d.path)
                    .and_then(|b| csv_header(b))
                    .unwrap_or_default();
                for col in [&c.x, &c.y] {
                    if !header.iter().any(|h| h == col) {
                        at(format!("column `{col}` is not in dataset `{}`", d.name));
                    }
                }
            }
        },
        // Checked by running them: see `crate::lesson::datatask::check_tasks`.
        Exercise::Data(_) | Exercise::ChartTask(_) | Exercise::Import(_) => {}
    }
}

/// The header of a UTF-8 CSV file (pack datasets are UTF-8 CSV).
fn csv_header(bytes: &[u8]) -> Option<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    r.headers().ok().map(|h| {
        h.iter()
            .map(|s| s.trim_start_matches('\u{feff}').to_string())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_from_a_workbook_is_named_by_its_sheet_and_row() {
        let step = Step {
            id: "q".into(),
            title: "Q".into(),
            body: String::new(),
            exercise: Exercise::Question(toml::from_str("type = \"number\"").unwrap()),
            line: 7,
            source: StepSource::Sheet {
                file: "questions/quiz.xlsx".into(),
                sheet: "questions".into(),
            },
        };
        let mut problems = Vec::new();
        check_step(
            &step,
            "lessons/a.md",
            &[],
            &HashSet::new(),
            &BTreeMap::new(),
            &mut problems,
        );
        assert_eq!(
            problems[0].to_string(),
            "questions/quiz.xlsx:7: sheet `questions`, row 7: step `q`: reference answer is not a number (or give min/max)"
        );
    }
}
