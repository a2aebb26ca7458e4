//! What `pack check` proves about a pack's tasks by running them (at every load of a pack:
//! folder, `.datajam` file, the built-in pack): on an in-memory copy of its datasets, every
//! data task's reference runs and passes and every anticipated wrong pipeline runs and
//! fails ([`check_tasks`]); every chart task's fields exist; every import step's file is in
//! the pack and imports cleanly, under a table name nothing else uses. Problems name the
//! file and the line of the step (messages in English, for authors).

use std::collections::{BTreeMap, HashSet};

use rusqlite::Connection;

use crate::analysis::pipeline::{self, Pipeline, Step as PStep};
use crate::i18n::Lang;
use crate::import::{self, ImportOptions};
use crate::lesson::datatask::{chart_choice, run_grid, ChartTask, DataTask};
use crate::lesson::importstep::ImportStep;
use crate::lesson::task;
use crate::pack::{Dataset, Exercise, Lesson, Problem};

/// An in-memory workspace holding the pack's datasets, loaded on demand.
struct Sandbox<'a> {
    conn: Connection,
    datasets: &'a [Dataset],
    files: &'a BTreeMap<String, Vec<u8>>,
    loaded: HashSet<String>,
    /// `result` tables of earlier data tasks.
    results: HashSet<String>,
}

impl<'a> Sandbox<'a> {
    fn new(
        datasets: &'a [Dataset],
        files: &'a BTreeMap<String, Vec<u8>>,
    ) -> crate::Result<Sandbox<'a>> {
        let conn = Connection::open_in_memory()?;
        for m in crate::store::MIGRATIONS {
            conn.execute_batch(m)?;
        }
        Ok(Sandbox {
            conn,
            datasets,
            files,
            loaded: HashSet::new(),
            results: HashSet::new(),
        })
    }

    /// Makes `table` available: a pack dataset (imported once) or an earlier result.
    fn ensure(&mut self, table: &str) -> Result<(), String> {
        if self.loaded.contains(table) || self.results.contains(table) {
            return Ok(());
        }
        let Some(d) = self.datasets.iter().find(|d| d.name == table) else {
            return Err(format!(
                "table `{table}` is neither a dataset of datapackage.json nor the result of an earlier data task or import step"
            ));
        };
        let bytes = self
            .files
            .get(&d.path)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let opts = ImportOptions {
            table: Some(d.name.clone()),
            replace: true,
            lang: Lang::En,
            ..Default::default()
        };
        import::import_bytes(&mut self.conn, &d.path, bytes, &opts).map_err(|e| {
            format!(
                "dataset `{table}` cannot be loaded: {}",
                crate::Error::from(e).message(Lang::En)
            )
        })?;
        self.loaded.insert(table.to_string());
        Ok(())
    }

    /// Loads the tables a pipeline joins with.
    fn ensure_joins(&mut self, p: &Pipeline) -> Result<(), String> {
        for s in &p.steps {
            if let PStep::Join { table, .. } = s {
                self.ensure(table)?;
            }
        }
        Ok(())
    }

    /// Runs pipeline `p` on `dataset`, once the tables it joins with are loaded: its
    /// result, or why it fails (in English, for authors).
    fn run(&mut self, dataset: &str, p: &Pipeline) -> Result<task::Grid, String> {
        self.ensure_joins(p)?;
        run_grid(&self.conn, dataset, p).map_err(|e| e.message(Lang::En))
    }
}

/// The problems of anticipated wrong answer `n` that every task may have: `passes` says
/// how it passes the check (so it would be accepted), and its message may be empty.
fn check_feedback(n: usize, passes: Option<&str>, message: &str, at: &mut dyn FnMut(Part, String)) {
    if let Some(how) = passes {
        at(
            Part::Feedback(n),
            format!("feedback {n}: {how}, so this wrong answer would be accepted"),
        );
    }
    if message.trim().is_empty() {
        at(
            Part::Feedback(n),
            format!("feedback {n}: the message is empty"),
        );
    }
}

/// Proves the data and chart tasks of a pack: each reference runs, gives rows and passes;
/// each anticipated wrong answer runs and fails; chart fields exist. Lessons are walked in
/// order, so a data task may work on the `result` of an earlier one.
pub fn check_tasks(
    lessons: &[Lesson],
    datasets: &[Dataset],
    files: &BTreeMap<String, Vec<u8>>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let any = lessons.iter().flat_map(|l| &l.steps).any(|s| {
        matches!(
            s.exercise,
            Exercise::Data(_) | Exercise::ChartTask(_) | Exercise::Import(_)
        )
    });
    if !any {
        return problems;
    }
    let mut sandbox = match Sandbox::new(datasets, files) {
        Ok(s) => s,
        Err(e) => {
            problems.push(Problem {
                file: "pack.toml".into(),
                line: 0,
                message: format!("cannot check the data tasks: {}", e.message(Lang::En)),
            });
            return problems;
        }
    };
    let mut imports = ImportCheck {
        datasets,
        files,
        results: lessons
            .iter()
            .flat_map(|l| &l.steps)
            .filter_map(|s| match &s.exercise {
                Exercise::Data(d) => d.result.as_deref(),
                _ => None,
            })
            .collect(),
        earlier_imports: HashSet::new(),
    };
    for lesson in lessons {
        let text = files
            .get(&lesson.file)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        for step in &lesson.steps {
            let mut at = |part: Part, msg: String| {
                problems.push(Problem {
                    file: lesson.file.clone(),
                    line: part_line(&lines, step.line, part),
                    message: format!("step `{}`: {msg}", step.id),
                })
            };
            match &step.exercise {
                Exercise::Data(t) => check_data_task(&mut sandbox, t, &mut at),
                Exercise::ChartTask(t) => check_chart_task(&mut sandbox, t, &mut at),
                Exercise::Import(i) => {
                    let (mut file_problems, mut table_problems) = (Vec::new(), Vec::new());
                    let ok = check_import(
                        &mut sandbox.conn,
                        i,
                        &imports,
                        &mut |m| file_problems.push(m),
                        &mut |m| table_problems.push(m),
                    );
                    for m in file_problems {
                        at(Part::Key("file"), m);
                    }
                    for m in table_problems {
                        at(Part::Key("table"), m);
                    }
                    imports.earlier_imports.insert(i.table.clone());
                    if ok {
                        // Later data and chart tasks may work on it.
                        sandbox.results.insert(i.table.clone());
                    }
                }
                _ => {}
            }
        }
    }
    problems
}

/// The part of an exercise a problem is about, to name its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Step,
    Reference,
    Expect,
    /// 1-based.
    Feedback(usize),
    /// The line of a `key = …`.
    Key(&'static str),
}

/// The line of `part` in the exercise block of the step whose heading is at `heading`
/// (1-based); the heading's line when it cannot be found.
fn part_line(lines: &[&str], heading: usize, part: Part) -> usize {
    let mut in_block = false;
    let mut feedback = 0;
    for (i, l) in lines.iter().enumerate().skip(heading) {
        let t = l.trim();
        if !in_block {
            if t.starts_with("## ") {
                break;
            }
            in_block = t == "```exercise" || t == "~~~exercise";
            continue;
        }
        if t == "```" || t == "~~~" {
            break;
        }
        let key = |k: &str| {
            t == format!("[{k}]")
                || t.strip_prefix(k)
                    .is_some_and(|r| r.trim_start().starts_with('='))
        };
        let found = match part {
            Part::Step => false,
            Part::Reference => key("reference"),
            Part::Expect => key("expect"),
            Part::Key(k) => key(k),
            Part::Feedback(n) => {
                if t == "[[feedback]]" {
                    feedback += 1;
                }
                feedback == n && t == "[[feedback]]"
            }
        };
        if found {
            return i + 1;
        }
    }
    heading
}

fn check_data_task(sb: &mut Sandbox<'_>, t: &DataTask, at: &mut dyn FnMut(Part, String)) {
    if t.tolerance < 0.0 || !t.tolerance.is_finite() {
        at(Part::Step, "tolerance must be a positive number".into());
    }
    if let Err(msg) = sb.ensure(&t.dataset) {
        at(Part::Step, msg);
        return;
    }
    let reference = match sb.run(&t.dataset, &t.reference) {
        Ok(g) => g,
        Err(msg) => {
            at(
                Part::Reference,
                format!("the reference pipeline fails: {msg}"),
            );
            return;
        }
    };
    if reference.rows.is_empty() {
        at(
            Part::Reference,
            "the reference pipeline gives no row".into(),
        );
    }
    for (i, fb) in t.feedback.iter().enumerate() {
        let n = i + 1;
        let passes = match sb.run(&t.dataset, &fb.pipeline) {
            Err(msg) => {
                at(
                    Part::Feedback(n),
                    format!("feedback {n}: its pipeline fails: {msg}"),
                );
                false
            }
            Ok(g) => task::compare(&reference, &g, t.compare()).is_ok(),
        };
        let how = "its pipeline passes the check (same result as the reference)";
        check_feedback(n, passes.then_some(how), &fb.message, at);
    }
    if let Some(result) = &t.result {
        match pipeline::normalise_table_name(result) {
            Ok(n) if &n == result => {
                match pipeline::save_as(&mut sb.conn, &t.dataset, &t.reference, result) {
                    Ok(_) => {
                        sb.results.insert(result.clone());
                    }
                    Err(e) => at(
                        Part::Step,
                        format!(
                            "result table `{result}` cannot be saved: {}",
                            e.message(Lang::En)
                        ),
                    ),
                }
            }
            _ => at(
                Part::Step,
                format!("result `{result}` must be a table name: lower-case letters, digits and _"),
            ),
        }
    }
}

fn check_chart_task(sb: &mut Sandbox<'_>, t: &ChartTask, at: &mut dyn FnMut(Part, String)) {
    if let Err(msg) = sb.ensure(&t.dataset) {
        at(Part::Step, msg);
        return;
    }
    let columns: Vec<String> = match crate::store::tables::table_info(&sb.conn, &t.dataset) {
        Ok(info) => info.columns.into_iter().map(|c| c.name).collect(),
        Err(e) => {
            at(Part::Step, e.message(Lang::En));
            return;
        }
    };
    let fields = |what: Part, c: [&Option<String>; 3], at: &mut dyn FnMut(Part, String)| {
        for col in c.into_iter().flatten() {
            if !columns.iter().any(|n| n.eq_ignore_ascii_case(col)) {
                let name = if what == Part::Expect {
                    "expect"
                } else {
                    "reference"
                };
                at(
                    what,
                    format!("{name}: column `{col}` is not in table `{}`", t.dataset),
                );
            }
        }
    };
    let e = &t.expect;
    fields(Part::Expect, [&e.x, &e.y, &e.group], at);
    fields(Part::Expect, [&e.weight, &None, &None], at);
    let reference = t.reference_choice();
    fields(
        Part::Reference,
        [&reference.x, &reference.y, &reference.group],
        at,
    );
    fields(Part::Reference, [&reference.weight, &None, &None], at);
    if let Err(m) = task::check_chart(&t.expect, &reference) {
        at(
            Part::Reference,
            format!(
                "the reference chart does not pass the check ({})",
                m.message(Lang::En)
            ),
        );
    }
    for (i, fb) in t.feedback.iter().enumerate() {
        let n = i + 1;
        let choice = chart_choice(&serde_json::to_value(&fb.chart).unwrap_or_default());
        let passes = task::check_chart(&t.expect, &choice).is_ok();
        check_feedback(
            n,
            passes.then_some("its chart passes the check"),
            &fb.message,
            at,
        );
    }
}

/// The problems of an import step for `pack check` (messages in English, for authors):
/// `file` must be a file of the pack that is not a dataset and that imports cleanly into
/// `conn` (the check's in-memory workspace, where the table then stays for later steps);
/// `table` must be a table name no dataset, data-task result or other import step uses.
/// `at_file` and `at_table` receive the problems about each key.
fn check_import(
    conn: &mut Connection,
    step: &ImportStep,
    ctx: &ImportCheck<'_>,
    at_file: &mut dyn FnMut(String),
    at_table: &mut dyn FnMut(String),
) -> bool {
    let mut ok = true;
    let table = &step.table;
    let valid_name = crate::lesson::form::is_identifier(table)
        && crate::analysis::pipeline::normalise_table_name(table).is_ok_and(|n| &n == table);
    if !valid_name {
        at_table(format!(
            "table `{table}` must be a table name: lower-case letters, digits and _, starting with a letter (not collecte_…)"
        ));
        ok = false;
    } else if ctx
        .datasets
        .iter()
        .any(|d| &d.name == table && d.path != step.file)
    {
        at_table(format!(
            "table `{table}` is already a dataset of datapackage.json: choose another name"
        ));
        ok = false;
    } else if ctx.results.contains(table.as_str()) {
        at_table(format!(
            "table `{table}` is already the result of a data task: choose another name"
        ));
        ok = false;
    } else if ctx.earlier_imports.contains(table.as_str()) {
        at_table(format!(
            "table `{table}` is already made by another import step: choose another name"
        ));
        ok = false;
    }
    let file = &step.file;
    let ext = file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = ctx
        .files
        .get(file.as_str())
        .filter(|_| crate::pack::is_safe_relative_path(file));
    let Some(bytes) = bytes else {
        at_file(format!("file {file} not found in the pack"));
        return false;
    };
    // The practice file may be described in datapackage.json (its schema, sources and
    // licence then apply, and the app shows them): the step imports it under the
    // resource's name, and the pack does not load it when it opens.
    if let Some(d) = ctx.datasets.iter().find(|d| &d.path == file) {
        if &d.name != table {
            at_file(format!(
                "file {file} is the dataset `{}` of datapackage.json: name the step's table `{}` too",
                d.name, d.name
            ));
            return false;
        }
    }
    if !import::EXTENSIONS.contains(&ext.as_str()) {
        at_file(format!(
            "file {file}: not a file the import reads (.{})",
            import::EXTENSIONS.join(", .")
        ));
        return false;
    }
    if step.sheet.is_some() && ["csv", "tsv", "txt", "tab"].contains(&ext.as_str()) {
        at_file(format!(
            "file {file} is a text file: it has no sheets (remove `sheet`)"
        ));
        return false;
    }
    if !ok {
        return false;
    }
    let opts = ImportOptions {
        replace: true,
        ..step.options(Lang::En)
    };
    match import::import_bytes(conn, file, bytes, &opts) {
        Ok(report) if report.rows == 0 => {
            at_file(format!("file {file} imports, but with no data row"));
            false
        }
        Ok(_) => true,
        Err(e) => {
            at_file(format!(
                "file {file} cannot be imported: {}",
                crate::Error::from(e).message(Lang::En)
            ));
            false
        }
    }
}

/// What [`check_import`] compares an import step with.
struct ImportCheck<'a> {
    pub datasets: &'a [crate::pack::Dataset],
    pub files: &'a std::collections::BTreeMap<String, Vec<u8>>,
    /// Every data task's `result` in the pack.
    pub results: std::collections::HashSet<&'a str>,
    /// Tables of the import steps met before this one.
    pub earlier_imports: std::collections::HashSet<String>,
}
