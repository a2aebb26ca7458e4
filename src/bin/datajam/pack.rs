//! `datajam pack …`: check a pack, build its file, install it, list the packs, show a
//! pack's facilitator's guide and datasets.

use std::path::Path;
use std::process::ExitCode;

use datajam::pack::packfile::OrphanedStep;
use datajam::{tr, Error, Workshop};

use crate::args::PackCommand;
use crate::output::{print_json, print_json_or, print_list};
use crate::Ctx;

pub fn run(cx: &Ctx, command: PackCommand) -> Result<ExitCode, Error> {
    match command {
        PackCommand::Check {
            dir,
            json,
            previous,
        } => check(cx, &dir, previous.as_deref(), json),
        PackCommand::Build { dir, output, json } => {
            let r = Workshop::build_pack(&dir, &output)?;
            print_json_or(&r, json, |r| {
                let built = tr!(
                    cx.lang,
                    "cli-pack-built",
                    path = r.path.display().to_string(),
                    id = &r.id,
                    version = &r.version,
                    files = r.files.to_string(),
                    bytes = r.bytes.to_string(),
                    sha256 = &r.sha256
                );
                println!("{built}");
            });
            Ok(ExitCode::SUCCESS)
        }
        PackCommand::Install { file, json } => {
            let r = cx.workshop()?.install_pack(&file)?;
            if !r.orphaned.is_empty() {
                warn_orphaned(cx, &r.orphaned, &r.replaced.join(", "));
            }
            print_json_or(&r, json, |r| {
                let (id, version) = (&r.id, &r.version);
                let line = if r.already_installed {
                    tr!(
                        cx.lang,
                        "cli-pack-already-installed",
                        id = id,
                        version = version
                    )
                } else {
                    tr!(cx.lang, "cli-pack-installed", id = id, version = version)
                };
                println!("{line}");
            });
            Ok(ExitCode::SUCCESS)
        }
        PackCommand::Guide { pack } => {
            let mut w = cx.workshop()?;
            let pack = w.pack_named(&pack)?;
            match pack.guide_markdown() {
                Some(text) => {
                    print!("{text}");
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!("{}", tr!(cx.lang, "cli-pack-no-guide", id = pack.id()));
                    Ok(ExitCode::from(1))
                }
            }
        }
        PackCommand::Datasets { pack, json } => {
            let mut w = cx.workshop()?;
            let id = w.pack_named(&pack)?.id().to_string();
            let datasets = w.pack_datasets(Some(&id))?;
            print_list(&datasets, json, None, |d| {
                format!("{}\t{}\t{}", d.name, d.title, d.credit)
            });
            Ok(ExitCode::SUCCESS)
        }
        PackCommand::List { json } => list(cx, json),
    }
}

/// `datajam pack check DIR|FILE [--previous DIR|FILE]`: exit code 1 when the pack has
/// problems.
fn check(cx: &Ctx, dir: &Path, previous: Option<&Path>, json: bool) -> Result<ExitCode, Error> {
    let c = Workshop::check_pack(dir, previous)?;
    for w in &c.warnings {
        eprintln!("{}", tr!(cx.lang, "cli-pack-warning", text = w.to_string()));
    }
    if let (Some(orphaned), Some(version)) = (&c.orphaned, &c.previous_version) {
        if !orphaned.is_empty() {
            warn_orphaned(cx, orphaned, version);
        }
    }
    if json {
        let mut out = serde_json::json!({
            "ok": c.problems.is_empty(),
            "problems": c.problems,
            "warnings": c.warnings,
        });
        if let Some(o) = &c.orphaned {
            out["orphaned"] = serde_json::json!(o);
        }
        print_json(&out);
    } else if let Some(pack) = &c.pack {
        let r = c.report(dir);
        let valid = tr!(
            cx.lang,
            "cli-pack-valid",
            id = pack.id(),
            version = &pack.manifest.version,
            lessons = r.lessons.to_string(),
            steps = r.steps.to_string(),
            datasets = r.datasets.to_string()
        );
        println!("{valid}");
    } else {
        for p in &c.problems {
            eprintln!("{p}");
        }
        eprintln!("{}", problems_found(cx, c.problems.len()));
    }
    Ok(if c.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// "N problem(s) found.": the last line of a refused pack or form.
pub fn problems_found(cx: &Ctx, n: usize) -> String {
    tr!(cx.lang, "cli-problems-found", n = n, count = n.to_string())
}

/// Warns that steps of a previous version are gone: progress on them is orphaned.
fn warn_orphaned(cx: &Ctx, orphaned: &[OrphanedStep], previous: &str) {
    let steps = orphaned
        .iter()
        .map(|o| o.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let n = orphaned.len();
    let warning = tr!(
        cx.lang,
        "cli-orphaned-steps",
        n = n,
        count = n.to_string(),
        previous = previous,
        steps = steps
    );
    eprintln!("{warning}");
}

/// `datajam pack list`: the built-in pack and the installed ones, warnings on stderr.
fn list(cx: &Ctx, json: bool) -> Result<ExitCode, Error> {
    let w = cx.workshop()?;
    for warning in w.pack_warnings() {
        eprintln!("{warning}");
    }
    let packs: Vec<serde_json::Value> = w
        .packs(None)?
        .into_iter()
        .map(|p| {
            serde_json::json!({
                "id": p.id,
                "version": p.version,
                "title": p.title,
                "origin": if p.builtin { "builtin" } else { "installed" },
                "lessons": p.lessons.len(),
            })
        })
        .collect();
    print_list(&packs, json, None, |p| {
        format!(
            "{}\t{}\t{}\t{}\t{}",
            p["id"].as_str().unwrap_or_default(),
            p["version"].as_str().unwrap_or_default(),
            p["origin"].as_str().unwrap_or_default(),
            p["lessons"],
            p["title"].as_str().unwrap_or_default()
        )
    });
    Ok(ExitCode::SUCCESS)
}
