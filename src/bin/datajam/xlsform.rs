//! `datajam xlsform FILE.xlsx`: the form an XLSForm workbook becomes, as the `[form]` TOML
//! of a collect step (or JSON), with the rows left out as warnings.

use std::path::Path;
use std::process::ExitCode;

use datajam::lesson::form::Form;
use datajam::{tr, Error, Workshop};

use crate::output::print_json;
use crate::pack::problems_found;
use crate::Ctx;

pub fn run(cx: &Ctx, file: &Path, json: bool) -> Result<ExitCode, Error> {
    let result = Workshop::read_xlsform(file)?;
    if json {
        let out = match &result {
            Ok(x) => {
                serde_json::json!({ "ok": true, "form": x.form, "warnings": x.warnings, "problems": [] })
            }
            Err(p) => {
                serde_json::json!({ "ok": false, "form": null, "warnings": [], "problems": p })
            }
        };
        print_json(&out);
    }
    match result {
        Ok(x) => {
            for w in &x.warnings {
                eprintln!("{}", tr!(cx.lang, "cli-pack-warning", text = w.to_string()));
            }
            if !json {
                #[derive(serde::Serialize)]
                struct Wrapper<'a> {
                    form: &'a Form,
                }
                let text = toml::to_string(&Wrapper { form: &x.form })
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                println!("kind = \"collect\"\n{text}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{}", problems_found(cx, problems.len()));
            Ok(ExitCode::from(1))
        }
    }
}
