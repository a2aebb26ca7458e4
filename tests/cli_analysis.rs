//! `datajam query TABLE --pipeline FILE.json` and `datajam sql "SELECT …"`, run as a
//! facilitator's script would run them.

#[path = "support/cli.rs"]
mod cli;
use std::path::Path;
use std::process::Output;

use cli::{assert_fails_with, assert_ok, datajam, json, text};

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ecoles.csv");
    std::fs::write(
        &csv,
        "Province;Sexe;Âge;Élèves\nLac;F;12;100\nLac;M;14;80\nKanem;F;;40\nOuaddaï;F;9;90\nOuaddaï;M;11;50\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let out = datajam(
        &data,
        &["import", csv.to_str().unwrap(), "--table", "ecoles"],
    );
    assert_ok(&out);
    std::fs::write(
        dir.path().join("p.json"),
        r#"{"steps":[
            {"op":"filter","conditions":[{"column":"age","cmp":"not_missing"}]},
            {"op":"group","by":["province"],"aggregates":[{"fn":"count","as":"effectif"},{"fn":"mean","column":"age","as":"age_moyen"}]},
            {"op":"sort","keys":[{"column":"age_moyen","desc":true}]}
        ]}"#,
    )
    .unwrap();
    dir
}

/// `datajam query ecoles --pipeline PIPELINE` and `extra`, on the data directory under `dir`.
fn query(dir: &Path, pipeline: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["query", "ecoles", "--pipeline", pipeline.to_str().unwrap()];
    args.extend_from_slice(extra);
    datajam(&dir.join("data"), &args)
}

#[test]
fn query_outputs_json_csv_and_text() {
    let dir = setup();
    let p = dir.path().join("p.json");
    let out = query(dir.path(), &p, &["--json"]);
    assert_ok(&out);
    let v = json(&out);
    assert_eq!(v["total_rows"], 2);
    assert_eq!(v["columns"][0]["name"], "province");
    assert_eq!(v["columns"][1]["type"], "integer");
    assert_eq!(v["rows"][0], serde_json::json!(["Lac", 2, 13.0]));
    assert!(v["sql"].as_str().unwrap().contains("GROUP BY \"province\""));

    let out = query(dir.path(), &p, &["--csv", "--show-sql"]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout),
        "province,effectif,age_moyen\nLac,2,13.0\nOuaddaï,2,10.0\n"
    );
    assert!(text(&out.stderr).contains("WITH"));

    let out = query(dir.path(), &p, &["--max-rows", "1"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("province"), "{stdout}");
    assert_eq!(stdout.lines().count(), 2);
    assert!(text(&out.stderr).contains("2 lignes au total, 1 affichées"));
}

#[test]
fn query_errors_are_french_and_save_creates_a_table() {
    let dir = setup();
    let data = dir.path().join("data");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"steps":[{"op":"limit","n":2},{"op":"filter","conditions":[{"column":"agee","cmp":"is_missing"}]}]}"#,
    )
    .unwrap();
    let out = query(dir.path(), &bad, &[]);
    assert!(!out.status.success());
    assert_eq!(
        text(&out.stderr).trim(),
        "Étape 2 : la colonne « agee » n'existe pas."
    );

    let p = dir.path().join("p.json");
    let out = query(dir.path(), &p, &["--save", "Âge par province", "--json"]);
    assert_ok(&out);
    let v = json(&out);
    assert_eq!(v["name"], "age_par_province");
    assert_eq!(v["rows"], 2);
    let out = datajam(&data, &["tables"]);
    assert!(text(&out.stdout).contains("age_par_province"));
}

#[test]
fn sql_console_reads_and_refuses_writes() {
    let dir = setup();
    let data = dir.path().join("data");
    let out = datajam(
        &data,
        &[
            "sql",
            "SELECT province, sum(eleves) AS total FROM ecoles GROUP BY 1 ORDER BY 2 DESC",
            "--json",
        ],
    );
    assert_ok(&out);
    let v = json(&out);
    assert_eq!(v["rows"][0], serde_json::json!(["Lac", 180]));
    assert_eq!(v["total_rows"], 3);
    let out = datajam(
        &data,
        &[
            "sql",
            "SELECT province FROM ecoles",
            "--csv",
            "--max-rows",
            "2",
        ],
    );
    assert_eq!(text(&out.stdout), "province\nLac\nLac\n");

    let out = datajam(&data, &["sql", "DELETE FROM ecoles"]);
    assert!(!out.status.success());
    assert_eq!(
        text(&out.stderr).trim(),
        "La console SQL ne fait que lire : DELETE n'est pas permis."
    );
    let out = datajam(&data, &["--lang", "en", "sql", "SELECT * FROM profiles"]);
    assert_fails_with(&out, "only reads");
    let out = datajam(&data, &["sql", "SELECT count(*) FROM ecoles"]);
    assert!(text(&out.stdout).contains('5'));
}
