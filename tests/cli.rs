//! The `datajam` CLI, run as a facilitator's script would run it.

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
use cli::{assert_ok, assert_stderr_has, datajam, json, text};

#[test]
fn help_is_in_french_and_lists_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = datajam(dir.path(), &["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for cmd in ["import", "preview", "pack", "profile", "progress", "play"] {
        assert!(help.contains(cmd), "{cmd} missing from help:\n{help}");
    }
    assert!(help.contains("Importer un fichier"), "{help}");
}

#[test]
fn pack_check_accepts_the_builtin_pack() {
    let dir = tempfile::tempdir().unwrap();
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pack");
    let out = datajam(dir.path(), &["pack", "check", pack.to_str().unwrap()]);
    assert_ok(&out);
    assert!(
        text(&out.stdout).starts_with("Paquet valide : datajam-tchad"),
        "{}",
        text(&out.stdout)
    );
    let out = datajam(
        dir.path(),
        &["pack", "check", pack.to_str().unwrap(), "--json"],
    );
    let v = json(&out);
    assert_eq!(v["ok"], true);
}

#[test]
fn pack_check_names_file_and_line_of_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("pack");
    std::fs::create_dir_all(pack.join("lessons")).unwrap();
    std::fs::write(pack.join("pack.toml"), "schema = 1\nid = \"p\"\nversion = \"1\"\nlicence = \"CC0\"\nlessons = [\"lessons/a.md\"]\ntitle = { fr = \"P\" }\n").unwrap();
    std::fs::write(
        pack.join("lessons/a.md"),
        "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n\n## Q {#q}\n\n```exercise\nkind = \"question\"\ntype = \"number\"\nanswer = 3\n[[feedback]]\nanswer = 3\nmessage = \"faux\"\n```\n\n## Graphique {#g}\n\n```exercise\nkind = \"chart\"\ndataset = \"absent\"\nx = \"a\"\ny = \"b\"\ntitle = \"T\"\n```\n",
    )
    .unwrap();
    let out = datajam(dir.path(), &["pack", "check", pack.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("lessons/a.md:6: step `q`: anticipated wrong answer 3 is accepted as correct"),
        "{err}"
    );
    assert!(
        err.contains("lessons/a.md:17: step `g`: dataset `absent` is not in datapackage.json"),
        "{err}"
    );
    assert!(err.contains("2 problème(s) trouvé(s)."), "{err}");
}

#[test]
fn pack_check_of_a_missing_folder_fails_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let out = datajam(dir.path(), &["pack", "check", "/nonexistent/pack"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "Impossible de lire le paquet");
}

#[test]
fn profiles_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    assert!(datajam(dir.path(), &["profile", "create", "Aïcha"])
        .status
        .success());
    let out = datajam(dir.path(), &["profile", "create", "aïcha"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("existe déjà"));
    let out = datajam(dir.path(), &["--lang", "en", "profile", "create", "AÏCHA"]);
    assert!(text(&out.stderr).contains("already exists"));
    let out = datajam(dir.path(), &["profile", "list", "--json"]);
    let v = json(&out);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert!(
        dir.path().join("datajam.sqlite3").exists(),
        "DATAJAM_DATA_DIR is honoured"
    );
}

#[test]
fn import_a_french_csv_prints_rows_columns_and_types() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("écoles.csv");
    // French Excel: `;`, decimal comma, Windows-1252.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252
        .encode("Province;Écoles;Taux de réussite\nGuéra;120;45,5\nOuaddaï;98;38,25\n");
    std::fs::write(&csv, &bytes).unwrap();
    let out = datajam(
        dir.path(),
        &["import", csv.to_str().unwrap(), "--table", "ecoles"],
    );
    assert_ok(&out);
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Tableau « ecoles » : 2 lignes, 3 colonnes"),
        "{stdout}"
    );
    assert!(
        stdout.contains("taux_de_reussite") && stdout.contains("number"),
        "{stdout}"
    );

    let out = datajam(
        dir.path(),
        &[
            "import",
            csv.to_str().unwrap(),
            "--table",
            "ecoles2",
            "--json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["table"], "ecoles2");
    assert_eq!(v["rows"], 2);
    let cols = v["columns"].as_array().unwrap();
    let summary: Vec<(&str, &str, &str)> = cols
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap(),
                c["label"].as_str().unwrap(),
                c["type"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("province", "Province", "text"),
            ("ecoles", "Écoles", "integer"),
            ("taux_de_reussite", "Taux de réussite", "number")
        ]
    );
    assert!(v["warnings"].is_array());

    // Same table name again: refused, in French, and the first import is untouched.
    let out = datajam(
        dir.path(),
        &["import", csv.to_str().unwrap(), "--table", "ecoles"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).is_empty());
}

#[test]
fn import_an_xlsx_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("provinces.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Province").unwrap();
    ws.write_string(0, 1, "Population").unwrap();
    for (i, (p, n)) in [
        ("Guéra", 538359.0),
        ("Tibesti", 25483.0),
        ("Sila", 387461.0),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(i as u32 + 1, 0, *p).unwrap();
        ws.write_number(i as u32 + 1, 1, *n).unwrap();
    }
    wb.save(&path).unwrap();
    let out = datajam(dir.path(), &["import", path.to_str().unwrap(), "--json"]);
    assert_ok(&out);
    let v = json(&out);
    assert_eq!(v["table"], "provinces");
    assert_eq!(v["rows"], 3);
    assert_eq!(v["columns"][1]["type"], "integer");
}

#[test]
fn import_errors_are_clear_and_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let out = datajam(dir.path(), &["import", "/nonexistent/donnees.xlsx"]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "Fichier introuvable");
    let fake = dir.path().join("rapport.xlsx");
    std::fs::write(&fake, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
    let out = datajam(dir.path(), &["import", fake.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).contains("panicked"));
    let out = datajam(
        dir.path(),
        &["--lang", "en", "import", "/nonexistent/x.csv"],
    );
    assert!(
        text(&out.stderr).contains("not found") || text(&out.stderr).contains("File"),
        "{}",
        text(&out.stderr)
    );
}

/// A copy of the built-in pack's folder with another id, version and dataset names, and
/// `edit` applied to every text file.
fn pack_copy(to: &Path, id: &str, version: &str, edit: &dyn Fn(String) -> String) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pack");
    datajam::pack::copy_renamed(&src, to, id, version, &|n| {
        if n == "provinces_2009" {
            "provinces_cli".into()
        } else {
            format!("{n}_cli")
        }
    })
    .unwrap();
    let mut stack = vec![to.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                std::fs::write(&p, edit(t)).unwrap();
            }
        }
    }
}

#[test]
fn pack_build_check_install_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let src = dir.path().join("src");
    pack_copy(&src, "cli-essai", "1.0.0", &|t| t);
    let file = dir.path().join("cli-essai.datajam");
    let (s, f) = (src.to_str().unwrap(), file.to_str().unwrap());

    let out = datajam(&data, &["pack", "build", s, "-o", f, "--json"]);
    assert_ok(&out);
    let report = json(&out);
    assert_eq!(report["id"], "cli-essai");
    assert_eq!(report["sha256"].as_str().unwrap().len(), 64);

    let out = datajam(&data, &["pack", "check", f]);
    assert_ok(&out);
    assert!(text(&out.stdout).starts_with("Paquet valide : cli-essai 1.0.0"));

    let out = datajam(&data, &["pack", "install", f]);
    assert_ok(&out);
    assert!(text(&out.stdout).contains("Paquet installé : cli-essai 1.0.0"));
    let out = datajam(&data, &["pack", "install", f, "--json"]);
    let report = json(&out);
    assert_eq!(report["already_installed"], true);

    let out = datajam(&data, &["pack", "list", "--json"]);
    assert_ok(&out);
    let list = json(&out);
    assert_eq!(list[0]["origin"], "builtin");
    assert_eq!(list[1]["id"], "cli-essai");
    assert_eq!(list[1]["origin"], "installed");
    assert_eq!(list[1]["lessons"], list[0]["lessons"]);

    // A new version that renames a step: check warns against the previous one.
    let src2 = dir.path().join("src2");
    pack_copy(&src2, "cli-essai", "1.1.0", &|t| {
        t.replace("{#conclusion}", "{#bilan}")
    });
    let out = datajam(
        &data,
        &[
            "pack",
            "check",
            src2.to_str().unwrap(),
            "--previous",
            f,
            "--json",
        ],
    );
    assert_ok(&out);
    assert!(text(&out.stderr).contains("premiers-pas/conclusion"));
    let check = json(&out);
    assert_eq!(check["orphaned"][0]["step"], "conclusion");
}

#[test]
fn pack_install_of_a_damaged_file_fails_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("abime.datajam");
    std::fs::write(&file, b"PK pas un zip").unwrap();
    let out = datajam(dir.path(), &["pack", "install", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_stderr_has(&out, "Impossible de lire le fichier de paquet");
    assert!(!dir.path().join("packs").exists());
}

/// The desktop's "install a pack" button calls `Workshop::install_pack`: the new pack is
/// playable at once, in the same session, and a refused file installs nothing.
#[test]
fn a_workshop_installs_a_pack_file_and_lists_it_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let src = dir.path().join("src");
    pack_copy(&src, "atelier-usb", "1.0.0", &|t| t);
    let file = dir.path().join("atelier-usb.datajam");
    datajam::pack::packfile::build(&src, &file).unwrap();

    let mut w = datajam::Workshop::open(&data, datajam::i18n::Lang::Fr).unwrap();
    assert_eq!(w.packs(None).unwrap().len(), 1);

    let damaged = dir.path().join("abime.datajam");
    std::fs::write(&damaged, b"PK pas un zip").unwrap();
    let e = w.install_pack(&damaged).unwrap_err();
    assert!(e
        .message(datajam::i18n::Lang::Fr)
        .contains("Impossible de lire"));
    assert_eq!(w.packs(None).unwrap().len(), 1);

    let report = w.install_pack(&file).unwrap();
    assert_eq!(
        (report.id.as_str(), report.already_installed),
        ("atelier-usb", false)
    );
    let packs = w.packs(None).unwrap();
    assert_eq!(packs.len(), 2);
    assert_eq!(packs[1].id, "atelier-usb");
    assert!(w
        .tables()
        .unwrap()
        .iter()
        .any(|t| t.name == "provinces_cli"));
    let p = w.create_profile("Achta").unwrap();
    let lesson = w.lesson(&p.id, "atelier-usb", "premiers-pas").unwrap();
    let builtin = packs[0]
        .lessons
        .iter()
        .find(|l| l.id == "premiers-pas")
        .expect("premiers-pas");
    assert_eq!(lesson.steps.len(), builtin.steps);
}
