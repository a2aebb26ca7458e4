//! `datapackage.json` (a Frictionless Data Package) into the pack's datasets: each
//! resource's CSV file checked against its Table Schema, with its sources and licences.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{is_safe_relative_path, problem, Dataset, License, Problem, Source};

#[derive(Deserialize)]
struct DataPackage {
    #[serde(default)]
    resources: Vec<Resource>,
    /// The package's licences, for resources that name none.
    #[serde(default)]
    licenses: Vec<License>,
}

#[derive(Deserialize)]
struct Resource {
    name: String,
    path: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    licenses: Vec<License>,
    /// A Table Schema, inline or as the path of a JSON file in the pack.
    #[serde(default)]
    schema: Option<serde_json::Value>,
}

pub(super) fn parse_datapackage(
    files: &BTreeMap<String, Vec<u8>>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> Vec<Dataset> {
    let Some(bytes) = files.get("datapackage.json") else {
        return Vec::new();
    };
    let dp: DataPackage = match serde_json::from_slice(bytes) {
        Ok(dp) => dp,
        Err(e) => {
            problems.push(problem("datapackage.json", e.line(), e.to_string()));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for r in dp.resources {
        if !crate::lesson::form::is_identifier(&r.name) {
            problems.push(problem(
                "datapackage.json",
                0,
                format!("resource name `{}` must match [a-z][a-z0-9_]*", r.name),
            ));
            continue;
        }
        if !is_safe_relative_path(&r.path) || !files.contains_key(&r.path) {
            problems.push(problem(
                "datapackage.json",
                0,
                format!(
                    "resource `{}`: file {} not found in the pack",
                    r.name, r.path
                ),
            ));
            continue;
        }
        // Every dataset must match its schema: the data a trainee answers from is proven.
        let schema = match &r.schema {
            None => {
                problems.push(problem(
                    "datapackage.json",
                    0,
                    format!("resource `{}` has no Table Schema (schema)", r.name),
                ));
                None
            }
            Some(serde_json::Value::String(path)) => {
                match files
                    .get(path.as_str())
                    .filter(|_| is_safe_relative_path(path))
                {
                    None => {
                        problems.push(problem(
                            "datapackage.json",
                            0,
                            format!("resource `{}`: schema file {path} not found", r.name),
                        ));
                        None
                    }
                    Some(b) => match serde_json::from_slice::<serde_json::Value>(b) {
                        Ok(v) => Some(v),
                        Err(e) => {
                            problems.push(problem(path, e.line(), e.to_string()));
                            None
                        }
                    },
                }
            }
            Some(v) => Some(v.clone()),
        };
        if let Some(schema) = schema {
            problems.extend(crate::pack::tableschema::check_csv(
                &r.path,
                &files[&r.path],
                &schema,
            ));
        }
        // Every dataset says where it comes from and under which licence (shown with it).
        let sources: Vec<Source> = r
            .sources
            .into_iter()
            .filter(|s| !s.title.trim().is_empty())
            .collect();
        // Warnings, not refusals: a pack written before sources were shown keeps loading
        // (the built-in pack's test makes them required there).
        if sources.is_empty() {
            warnings.push(problem(
                "datapackage.json",
                0,
                format!(
                    "resource `{}` needs a source with a title (sources: [{{ \"title\": \"…\", \"path\": \"…\" }}])",
                    r.name
                ),
            ));
        }
        let own: Vec<License> = r.licenses.into_iter().filter(license_named).collect();
        let licenses = if own.is_empty() {
            dp.licenses
                .iter()
                .filter(|l| license_named(l))
                .cloned()
                .collect()
        } else {
            own
        };
        if licenses.is_empty() {
            warnings.push(problem(
                "datapackage.json",
                0,
                format!(
                    "resource `{}` needs a licence with a name or a path (licenses, on the resource or the package)",
                    r.name
                ),
            ));
        }
        out.push(Dataset {
            title: r.title.unwrap_or_else(|| r.name.clone()),
            name: r.name,
            path: r.path,
            description: r.description.unwrap_or_default().trim().to_string(),
            sources,
            licenses,
            import_step: false,
        });
    }
    out
}

/// A licence names itself by an identifier or a URL (Frictionless: `name` and/or `path`).
fn license_named(l: &License) -> bool {
    [&l.name, &l.path]
        .into_iter()
        .flatten()
        .any(|s| !s.trim().is_empty())
}
