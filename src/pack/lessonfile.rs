//! One Markdown lesson file into its steps: the TOML front matter between `+++` lines,
//! a step at each `## Title {#step-id}` heading, and a step's fenced `exercise` block in
//! TOML. Raw HTML in pack Markdown is refused (the sanitiser would silently drop it).

use std::collections::HashSet;

use serde::Deserialize;

use super::parse::toml_message;
use super::{is_id, problem, Completion, Exercise, Lesson, Localized, Problem, Step, StepSource};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: Localized,
    #[serde(default)]
    completion: Completion,
}

/// Parses one lesson file: front matter, then steps.
pub(super) fn parse_lesson(file: &str, text: &str, problems: &mut Vec<Problem>) -> Option<Lesson> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.first().map(|l| l.trim()) != Some("+++") {
        problems.push(problem(file, 1, "a lesson starts with +++ front matter"));
        return None;
    }
    let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "+++") else {
        problems.push(problem(file, 1, "front matter is not closed by +++"));
        return None;
    };
    let end = end + 1;
    let fm_src = lines[1..end].join("\n");
    let fm: FrontMatter = match toml::from_str(&fm_src) {
        Ok(fm) => fm,
        Err(e) => {
            let (line, msg) = toml_message(&fm_src, &e);
            problems.push(problem(file, line + 1, msg));
            return None;
        }
    };
    if !is_id(&fm.id) {
        problems.push(problem(file, 2, "lesson id must match [a-z0-9][a-z0-9-]*"));
    }

    // Split into steps at `## ` headings outside fenced code.
    let mut steps = Vec::new();
    // (heading line, id, title, body lines with their numbers)
    type RawStep<'a> = (usize, String, String, Vec<(usize, &'a str)>);
    let mut current: Option<RawStep<'_>> = None;
    let mut fence: Option<String> = None;
    let mut seen = HashSet::new();
    for (i, line) in lines.iter().enumerate().skip(end + 1) {
        let lineno = i + 1;
        let trimmed = line.trim_start();
        if let Some(f) = &fence {
            if trimmed.starts_with(f.as_str())
                && trimmed.trim_start_matches(['`', '~']).trim().is_empty()
            {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed
                .chars()
                .take_while(|c| *c == '`' || *c == '~')
                .collect();
            fence = Some(marker);
        } else if let Some(heading) = line.strip_prefix("## ") {
            if let Some(step) = current.take() {
                steps.push(step);
            }
            let (title, id) = split_heading_id(heading);
            let id = match id {
                Some(id) if is_id(id) => id.to_string(),
                Some(id) => {
                    problems.push(problem(
                        file,
                        lineno,
                        format!("step id `{id}` must match [a-z0-9][a-z0-9-]*"),
                    ));
                    id.to_string()
                }
                None => {
                    problems.push(problem(
                        file,
                        lineno,
                        "step heading needs a stable id: ## Title {#step-id}",
                    ));
                    format!("etape-{lineno}")
                }
            };
            if !seen.insert(id.clone()) {
                problems.push(problem(file, lineno, format!("step id `{id}` used twice")));
            }
            current = Some((lineno, id, title.to_string(), Vec::new()));
            continue;
        }
        match &mut current {
            Some((_, _, _, body)) => body.push((lineno, line)),
            None if !line.trim().is_empty() => {
                problems.push(problem(
                    file,
                    lineno,
                    "text before the first step heading (## Title {#id})",
                ));
            }
            None => {}
        }
    }
    if let Some(step) = current.take() {
        steps.push(step);
    }
    if steps.is_empty() {
        problems.push(problem(file, end + 1, "the lesson has no step"));
    }
    let steps: Vec<Step> = steps
        .into_iter()
        .map(|(line, id, title, body)| build_step(file, line, id, title, &body, problems))
        .collect();
    if let Completion::Min(m) = fm.completion {
        if m == 0 || m > steps.len() {
            problems.push(problem(
                file,
                2,
                format!(
                    "completion min = {m}: must be between 1 and the {} step(s) of the lesson",
                    steps.len()
                ),
            ));
        }
    }
    Some(Lesson {
        id: fm.id,
        title: fm.title,
        file: file.to_string(),
        steps,
        completion: fm.completion,
    })
}

/// `Title {#id}` -> ("Title", Some("id")).
fn split_heading_id(heading: &str) -> (&str, Option<&str>) {
    let h = heading.trim();
    if let Some(open) = h.rfind("{#") {
        if h.ends_with('}') {
            return (h[..open].trim(), Some(&h[open + 2..h.len() - 1]));
        }
    }
    (h, None)
}

/// Separates the `exercise` block from the step's Markdown and parses it.
fn build_step(
    file: &str,
    line: usize,
    id: String,
    title: String,
    body: &[(usize, &str)],
    problems: &mut Vec<Problem>,
) -> Step {
    let mut text = Vec::new();
    let mut block: Option<(usize, Vec<&str>)> = None;
    let mut blocks = 0;
    let mut in_block = false;
    for &(lineno, l) in body {
        let t = l.trim();
        if !in_block && (t == "```exercise" || t == "~~~exercise") {
            in_block = true;
            blocks += 1;
            block = Some((lineno + 1, Vec::new()));
        } else if in_block && (t == "```" || t == "~~~") {
            in_block = false;
        } else if in_block {
            if let Some((_, b)) = &mut block {
                b.push(l);
            }
        } else {
            text.push((lineno, l));
        }
    }
    if in_block {
        problems.push(problem(file, line, "exercise block is not closed"));
    }
    if blocks > 1 {
        problems.push(problem(file, line, "a step has at most one exercise block"));
    }
    let exercise = match block {
        None => Exercise::Read,
        Some((start, b)) => {
            let src = b.join("\n");
            match toml::from_str::<Exercise>(&src) {
                Ok(ex) => ex,
                Err(e) => {
                    let (l, msg) = toml_message(&src, &e);
                    problems.push(problem(file, start + l.saturating_sub(1), msg));
                    Exercise::Read
                }
            }
        }
    };
    // Raw HTML is sanitised away anyway; an author should know it will not show.
    let md = text.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n");
    problems.extend(raw_html_problems(file, &md, "lessons", |l| {
        text.get(l).map(|(n, _)| *n).unwrap_or(line)
    }));
    Step {
        id,
        title,
        body: md.trim().to_string(),
        exercise,
        line,
        source: StepSource::Lesson,
    }
}

/// The raw HTML in Markdown text, with its 0-based line: refused in pack text, since the
/// sanitiser would remove it and the author would not see why.
pub(crate) fn raw_html(md: &str) -> Vec<(usize, String)> {
    pulldown_cmark::Parser::new(md)
        .into_offset_iter()
        .filter_map(|(ev, offset)| match ev {
            pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => Some((
                md[..offset.start].matches('\n').count(),
                h.trim().to_string(),
            )),
            _ => None,
        })
        .collect()
}

/// A problem for each piece of raw HTML in pack Markdown (`what` says where: "lessons",
/// "the guide"); `line_of` turns a 0-based line of `md` into the line of its file.
pub(crate) fn raw_html_problems(
    file: &str,
    md: &str,
    what: &str,
    line_of: impl Fn(usize) -> usize,
) -> Vec<Problem> {
    raw_html(md)
        .into_iter()
        .map(|(l, h)| {
            problem(
                file,
                line_of(l),
                format!("raw HTML is not allowed in {what}: {h}"),
            )
        })
        .collect()
}
