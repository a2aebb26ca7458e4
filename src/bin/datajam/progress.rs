//! `datajam progress export|merge` (a trainee's progress to a USB stick, the class view
//! from everyone's) and `datajam play` (a pack rehearsed from an answers file or with its
//! reference answers, one JSON line per committed event).

use std::io::{BufRead, Write};
use std::process::ExitCode;

use datajam::progress::{ClassView, ProgressError};
use datajam::workshop::play::Played;
use datajam::{tr, Error, Workshop};

use crate::args::{PlayArgs, ProgressCommand};
use crate::output::{print_json, print_json_or, usage_error};
use crate::Ctx;

pub fn run(cx: &Ctx, command: ProgressCommand) -> Result<ExitCode, Error> {
    match command {
        ProgressCommand::Export {
            trainee,
            output,
            json,
        } => {
            let s = cx.workshop()?.export_progress(&trainee, &output)?;
            print_json_or(&s, json, |s| {
                let line = tr!(
                    cx.lang,
                    "cli-progress-exported",
                    n = s.events,
                    count = s.events.to_string(),
                    trainee = &s.trainee,
                    file = &s.file
                );
                println!("{line}");
            });
        }
        ProgressCommand::Merge {
            files,
            output,
            reflections,
            json,
        } => {
            let view = Workshop::merge_progress(&files, &output, reflections.as_deref())?;
            if json {
                print_json(&view);
                return Ok(ExitCode::SUCCESS);
            }
            let steps = view.trainees.iter().flat_map(|t| &t.steps);
            let rows = steps.clone().count();
            let stuck = steps.filter(|s| s.stuck).count();
            let line = tr!(
                cx.lang,
                "cli-progress-merged",
                trainees = view.trainees.len().to_string(),
                events = view.events.to_string(),
                rows = rows.to_string(),
                stuck = stuck.to_string(),
                file = output.display().to_string()
            );
            println!("{line}");
            print_conflicts(cx, &view);
            if let Some(path) = &reflections {
                let n = view.reflections.len();
                let line = tr!(
                    cx.lang,
                    "cli-progress-reflections",
                    n = n,
                    count = n.to_string(),
                    file = path.display().to_string()
                );
                println!("{line}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The merge's conflicts, one line each, then their count: named, never resolved in silence.
fn print_conflicts(cx: &Ctx, view: &ClassView) {
    let c = &view.conflicts;
    if c.is_empty() {
        return;
    }
    let name_of = |id: &str| {
        view.trainees
            .iter()
            .find(|t| t.id == id)
            .map_or(id.to_string(), |t| t.name.clone())
    };
    for e in &c.events {
        let files: std::collections::BTreeSet<&str> = e
            .versions
            .iter()
            .flat_map(|v| v.files.iter().map(String::as_str))
            .collect();
        let line = tr!(
            cx.lang,
            "cli-progress-event-conflict",
            id = &e.event_id,
            trainee = name_of(&e.trainee_id),
            lesson = &e.lesson_id,
            step = &e.step_id,
            versions = e.versions.len().to_string(),
            files = files.into_iter().collect::<Vec<_>>().join(", ")
        );
        println!("{line}");
    }
    for n in &c.names {
        let names: Vec<String> = n
            .names
            .iter()
            .map(|u| format!("« {} » ({})", u.name, u.files.join(", ")))
            .collect();
        let line = tr!(
            cx.lang,
            "cli-progress-name-conflict",
            id = &n.trainee_id,
            names = names.join(", "),
            kept = &n.names[0].name
        );
        println!("{line}");
    }
    let line = tr!(
        cx.lang,
        "cli-progress-conflicts",
        count = c.events.len().to_string(),
        names = c.names.len().to_string()
    );
    println!("{line}");
}

/// `datajam play PACK --trainee NAME (--answers FILE.jsonl | --reference)`.
pub fn play(cx: &Ctx, a: PlayArgs) -> Result<ExitCode, Error> {
    let mut w = cx.workshop()?;
    let pack = w.pack_named(&a.pack)?.id().to_string();
    let profile = w.find_or_create_profile(&a.trainee)?.id;
    if a.reference {
        for action in w.reference_actions(&pack)? {
            let p = w.play(&profile, &pack, &action)?;
            report_played(cx, &p, None)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = a.answers else {
        return Ok(usage_error(&tr!(cx.lang, "cli-play-needs-answers")));
    };
    let file = std::fs::File::open(&path)?;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let n = i + 1;
        let line = line.map_err(|e| ProgressError::AnswersLine {
            line: n,
            reason: e.to_string(),
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let p = w.play_line(&profile, &pack, &line, n)?;
        report_played(cx, &p, Some(n))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints one JSON line for a committed event (and flushes, so a reader sees it at once);
/// an action that saved nothing is noted on stderr, with its line in the answers file.
fn report_played(cx: &Ctx, p: &Played, line: Option<usize>) -> Result<(), Error> {
    if p.event.is_some() {
        let text = serde_json::to_string(p).map_err(|e| std::io::Error::other(e.to_string()))?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()?;
    } else {
        let note = tr!(
            cx.lang,
            "cli-play-not-saved",
            at = line.map(|n| format!("{n}: ")).unwrap_or_default(),
            kind = p.kind,
            lesson = &p.lesson,
            step = &p.step,
            message = p.message.as_deref().unwrap_or("-")
        );
        eprintln!("{note}");
    }
    Ok(())
}
