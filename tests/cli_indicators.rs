//! `datajam indicator` and `datajam provinces` on a small CSV imported with `datajam import`.

#[path = "support/cli.rs"]
mod cli;
use cli::{assert_fails_with, assert_ok, assert_stderr_has, datajam, json, text};

const CSV: &str = "menage;province;sexe_chef;revenu;taille;scolarise\n\
1;Ville de N'Djaména;F;2;1;1\n\
2;NDJAMENA;M;3;1;1\n\
3;Ouaddai;F;4;1;0\n\
4;Moyen Chari;M;5;1;1\n\
5;Ennedi;F;6;1;0\n\
6;TD-LC;M;7;1;1\n\
7;Abeche;F;9;1;1\n\
8;Abeche;M;12;1;0\n\
9;Guéra;F;16;1;1\n\
10;Salamat;M;36;1;1\n\
11;;F;;1;\n";

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let csv = dir.path().join("menages.csv");
    std::fs::write(&csv, CSV).unwrap();
    let out = datajam(&data, &["import", csv.to_str().unwrap()]);
    assert_ok(&out);
    (dir, data)
}

#[test]
fn indicator_prints_the_french_figure_and_its_explanation() {
    let (_dir, data) = setup();
    let out = datajam(
        &data,
        &["indicator", "palma", "menages", "--value", "revenu"],
    );
    assert_ok(&out);
    let stdout = text(&out.stdout);
    let mut lines = stdout.lines();
    // 36 / (2 + 3 + 4 + 5) = 2.571…
    assert_eq!(lines.next(), Some("Ratio de Palma : 2,57"));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("Les 10 % les mieux dotés"),
        "{stdout}"
    );
    // The empty row is skipped, and said so on stderr.
    assert_stderr_has(&out, "1 ligne(s) ignorée(s)");

    let out = datajam(
        &data,
        &["indicator", "gini", "menages", "--value", "revenu"],
    );
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Indice de Gini : 0,"), "{stdout}");
    assert!(stdout.contains("0 serait l'égalité parfaite"), "{stdout}");
}

#[test]
fn indicator_json_is_the_indicator_result() {
    let (_dir, data) = setup();
    let out = datajam(
        &data,
        &[
            "indicator",
            "gpi",
            "menages",
            "--value",
            "scolarise",
            "--group",
            "sexe_chef",
            "--num",
            "F",
            "--den",
            "M",
            "--json",
        ],
    );
    assert_ok(&out);
    let v = json(&out);
    // F: 3 of 5 (60 %), M: 4 of 5 (80 %): 0.75.
    assert_eq!(v["kind"], "gpi");
    assert!((v["value"].as_f64().unwrap() - 0.75).abs() < 1e-9);
    assert_eq!(v["value_fr"], "0,75");
    assert_eq!(v["label_fr"], "Indice de parité ajusté");
    assert_eq!(v["details"]["n"], 10);
    assert_eq!(v["details"]["skipped_missing"], 1);
    assert_eq!(v["details"]["groups"].as_array().unwrap().len(), 2);

    let out = datajam(
        &data,
        &[
            "indicator",
            "rate",
            "menages",
            "--value",
            "revenu",
            "--den",
            "taille",
            "--per",
            "1",
            "--json",
        ],
    );
    let v = json(&out);
    // 100 / 10 people.
    assert!((v["value"].as_f64().unwrap() - 10.0).abs() < 1e-9);
}

#[test]
fn indicator_errors_are_french_messages_with_a_failure_code() {
    let (_dir, data) = setup();
    let out = datajam(
        &data,
        &["indicator", "gini", "menages", "--value", "sexe_chef"],
    );
    assert_fails_with(&out, "ne contient aucun nombre utilisable");
    let out = datajam(&data, &["indicator", "theil", "menages"]);
    assert_fails_with(&out, "Indicateur inconnu");
    let out = datajam(
        &data,
        &[
            "--lang",
            "en",
            "indicator",
            "parity",
            "menages",
            "--group",
            "sexe_chef",
        ],
    );
    assert_fails_with(&out, "needs the focus group");
}

#[test]
fn provinces_normalise_lists_the_unmatched_values() {
    let (_dir, data) = setup();
    let out = datajam(&data, &["provinces", "normalise", "menages", "province"]);
    assert_ok(&out);
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("7 ligne(s) reconnue(s), 6 province(s)"),
        "{stdout}"
    );
    assert!(
        lines.contains(&"non reconnu : « Abeche » (2 lignes)"),
        "{stdout}"
    );
    assert!(
        lines.contains(&"non reconnu : « Ennedi » (1 ligne)"),
        "{stdout}"
    );
    // The column is now listed with the table.
    let out = datajam(&data, &["tables", "--json"]);
    let v = json(&out);
    let menages = v
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "menages")
        .expect("the menages table is listed");
    let cols = menages["columns"].as_array().unwrap();
    assert_eq!(cols.last().unwrap()["name"], "iso_3166_2");

    let out = datajam(
        &data,
        &["provinces", "normalise", "menages", "province", "--json"],
    );
    let v = json(&out);
    assert_eq!(v["matched"], 7);
    assert_eq!(v["provinces"], 6);
    assert_eq!(v["missing"], 1);
    assert_eq!(v["unmatched"][0]["value"], "Abeche");
    assert_eq!(v["unmatched"][0]["rows"], 2);

    // The new column can be grouped on.
    let out = datajam(
        &data,
        &[
            "indicator",
            "share",
            "menages",
            "--value",
            "revenu",
            "--group",
            "iso_3166_2",
            "--num",
            "TD-ND",
        ],
    );
    assert_ok(&out);
    // N'Djamena (2 + 3) of the 73 of matched rows (unmatched rows have no group): 6,8 %.
    assert!(
        text(&out.stdout).starts_with("Part : 6,8 %"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn provinces_list_has_the_23_provinces() {
    let dir = tempfile::tempdir().unwrap();
    let out = datajam(dir.path(), &["provinces", "list"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 23);
    assert!(stdout.contains("TD-ND\tVille de N'Djamena"), "{stdout}");
    let out = datajam(dir.path(), &["provinces", "list", "--json"]);
    let v = json(&out);
    assert_eq!(v.as_array().unwrap().len(), 23);
    assert_eq!(v[0]["code"], "TD-BA");
}
