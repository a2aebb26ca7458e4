//! A pack from its files ([`parse`]): the manifest, the datasets, the guide, the lessons
//! and the questions workbooks, each step's XLSForm, then every step checked against the
//! rest of the pack. Returns every problem found, so an author sees them all at once.

use std::collections::{BTreeMap, HashSet};

use super::check::check_step;
use super::datapackage::parse_datapackage;
use super::lessonfile::parse_lesson;
use super::{
    is_safe_relative_path, problem, Collect, Exercise, Manifest, Origin, Pack, Problem,
    SCHEMA_VERSION,
};
use crate::lesson::form::Form;

/// Parses a pack from its files. Returns the pack when it could be built at all, and
/// every problem found (an empty list means the pack is valid).
pub fn parse(files: BTreeMap<String, Vec<u8>>, origin: Origin) -> (Option<Pack>, Vec<Problem>) {
    let mut problems = Vec::new();
    for path in files.keys() {
        if !is_safe_relative_path(path) {
            problems.push(problem(path, 0, "unsafe path in pack"));
        }
    }
    let manifest = match files.get("pack.toml") {
        None => {
            problems.push(problem("pack.toml", 0, "missing manifest"));
            return (None, problems);
        }
        Some(bytes) => match std::str::from_utf8(bytes)
            .map_err(|e| (0, e.to_string()))
            .and_then(|s| toml::from_str::<Manifest>(s).map_err(|e| toml_message(s, &e)))
        {
            Ok(m) => m,
            Err((line, msg)) => {
                problems.push(problem("pack.toml", line, msg));
                return (None, problems);
            }
        },
    };
    if manifest.schema != SCHEMA_VERSION {
        problems.push(problem(
            "pack.toml",
            0,
            format!(
                "unknown schema version {} (this app reads {SCHEMA_VERSION})",
                manifest.schema
            ),
        ));
        return (None, problems);
    }
    if !is_id(&manifest.id) {
        problems.push(problem("pack.toml", 0, "id must match [a-z0-9][a-z0-9-]*"));
    }
    if !manifest.title.contains_key("fr") {
        problems.push(problem("pack.toml", 0, "title needs a French text (fr)"));
    }

    let mut warnings = Vec::new();
    let datasets = parse_datapackage(&files, &mut problems, &mut warnings);
    if let Some(guide) = &manifest.guide {
        problems.extend(crate::pack::guide::check(guide, &files));
    }

    let mut lessons = Vec::new();
    let mut lesson_ids = HashSet::new();
    for file in &manifest.lessons {
        let Some(bytes) = files.get(file.as_str()) else {
            problems.push(problem(
                "pack.toml",
                0,
                format!("lesson file {file} not found"),
            ));
            continue;
        };
        let Ok(text) = std::str::from_utf8(bytes) else {
            problems.push(problem(file, 0, "not UTF-8 text"));
            continue;
        };
        if let Some(lesson) = parse_lesson(file, text, &mut problems) {
            if !lesson_ids.insert(lesson.id.clone()) {
                problems.push(problem(
                    file,
                    1,
                    format!("lesson id `{}` used twice", lesson.id),
                ));
            }
            lessons.push(lesson);
        }
    }
    if manifest.lessons.is_empty() {
        problems.push(problem("pack.toml", 0, "the pack has no lesson"));
    }
    crate::pack::questions::add_to_lessons(
        &manifest.questions,
        &files,
        &datasets,
        &mut lessons,
        &mut problems,
        &mut warnings,
    );
    for lesson in &mut lessons {
        for step in &mut lesson.steps {
            if let Exercise::Collect(c) = &mut step.exercise {
                resolve_xlsform(
                    c,
                    &lesson.file,
                    step.line,
                    &step.id,
                    &files,
                    &mut problems,
                    &mut warnings,
                );
                c.form.resolve();
            }
        }
    }
    // A dataset that is an import step's practice file is imported by the step.
    let mut datasets = datasets;
    for d in &mut datasets {
        d.import_step = lessons
            .iter()
            .flat_map(|l| &l.steps)
            .any(|s| matches!(&s.exercise, Exercise::Import(i) if i.file == d.path));
    }
    // Tables made by import steps or saved by data tasks, which questions may show (the
    // workshop makes them on demand when the trainee has not reached their step).
    let import_tables: HashSet<&str> = lessons
        .iter()
        .flat_map(|l| &l.steps)
        .filter_map(|s| s.exercise.table_made())
        .collect();
    for lesson in &lessons {
        for step in &lesson.steps {
            check_step(
                step,
                &lesson.file,
                &datasets,
                &import_tables,
                &files,
                &mut problems,
            );
        }
    }
    problems.extend(crate::pack::proofs::check_tasks(
        &lessons, &datasets, &files,
    ));
    let pack = Pack {
        manifest,
        lessons,
        datasets,
        origin,
        warnings,
        files,
    };
    (Some(pack), problems)
}

/// Reads the XLSForm of a collect step into its form; a step has a form or an XLSForm.
fn resolve_xlsform(
    c: &mut Collect,
    file: &str,
    line: usize,
    step_id: &str,
    files: &BTreeMap<String, Vec<u8>>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) {
    let mut at =
        |msg: String| problems.push(problem(file, line, format!("step `{step_id}`: {msg}")));
    let written = c.form != Form::default();
    let Some(path) = &c.xlsform else {
        if !written {
            at(
                "a collect step needs a form ([form]) or an XLSForm (xlsform = \"forms/….xlsx\")"
                    .into(),
            );
        }
        return;
    };
    if written {
        at("give either a form ([form]) or an XLSForm (xlsform), not both".into());
        return;
    }
    let Some(bytes) = files
        .get(path.as_str())
        .filter(|_| is_safe_relative_path(path))
    else {
        at(format!("XLSForm file {path} not found in the pack"));
        return;
    };
    match crate::pack::xlsform::parse(path, bytes) {
        Ok(x) => {
            c.form = x.form;
            warnings.extend(x.warnings);
        }
        Err(p) => problems.extend(p),
    }
}

pub(crate) fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z' | '0'..='9'))
        && s.len() <= 64
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_'))
}

pub(super) fn toml_message(src: &str, e: &toml::de::Error) -> (usize, String) {
    let line = e
        .span()
        .map(|s| src[..s.start.min(src.len())].matches('\n').count() + 1)
        .unwrap_or(0);
    (line, e.message().to_string())
}
