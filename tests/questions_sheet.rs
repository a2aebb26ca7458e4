//! Questions written in a spreadsheet (`pack.toml` `questions = [...]`): every column and
//! type read (XLSX and ODS, French and English column names), each problem named by
//! workbook, sheet, row and column, the rows placed into their lessons (`apres`), and the
//! template of `sample-data/modeles/` proven: it is what its generator writes, and a copy of
//! the built-in pack with it is checked, built, installed and played with `--reference`.

#[path = "support/cli.rs"]
mod cli;
#[path = "../xtask/src/modeles.rs"]
mod modeles;
#[path = "support/workbook.rs"]
mod workbook;

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use std::path::Path;

use cli::{assert_ok, datajam, json_lines, pack_build, play_answers, play_reference, text};
use datajam::lesson::form::Choice;
use datajam::pack::{parse, AnswerType, Exercise, Origin, Pack, Question, StepSource};
use serde_json::json;
use workbook::Cells;

/// A workbook with these sheets. A cell `n:12.5` is written as a number, `d:2025-05-12`
/// as a date, anything else as text (empty cells left blank).
fn xlsx(sheets: &[(&str, &[Vec<&str>])]) -> Vec<u8> {
    workbook::grid(sheets, Cells::Prefixed)
}

/// A minimal ODS spreadsheet (the parts calamine reads) with one sheet of text cells.
fn ods(sheet: &str, rows: &[Vec<&str>]) -> Vec<u8> {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in row {
            if cell.is_empty() {
                table.push_str("<table:table-cell/>");
            } else if let Some(n) = cell.strip_prefix("n:") {
                table.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                ));
            } else {
                let paragraphs: String = cell
                    .split('\n')
                    .map(|p| format!("<text:p>{}</text:p>", esc(p)))
                    .collect();
                table.push_str(&format!(
                    r#"<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>"#
                ));
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="{}">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#,
        esc(sheet)
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in [
        (
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet".as_bytes(),
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ] {
        w.start_file(name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A small pack: lesson `a` (steps `un`, `deux`, `trois`), the dataset `villes`, and the
/// workbooks listed in `questions`.
fn pack_files(questions: &[&str], extra: Vec<(&str, Vec<u8>)>) -> BTreeMap<String, Vec<u8>> {
    let list = questions
        .iter()
        .map(|q| format!("\"{q}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let manifest = format!(
        "schema = 1\nid = \"essai\"\nversion = \"1.0.0\"\nlicence = \"CC-BY-4.0\"\nlessons = [\"lessons/a.md\"]\nquestions = [{list}]\ntitle = {{ fr = \"Essai\" }}\n"
    );
    let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n\n## Un {#un}\n\nTexte.\n\n## Deux {#deux}\n\nTexte.\n\n## Trois {#trois}\n\nFin.\n";
    let dp = r#"{ "resources": [ { "name": "villes", "path": "data/villes.csv",
        "sources": [{ "title": "Exemple" }], "licenses": [{ "name": "CC0-1.0" }], "schema": { "fields": [
        { "name": "ville", "type": "string" }, { "name": "habitants", "type": "integer" } ] } } ] }"#;
    let mut files: BTreeMap<String, Vec<u8>> = [
        ("pack.toml", manifest.into_bytes()),
        ("lessons/a.md", lesson.as_bytes().to_vec()),
        ("datapackage.json", dp.as_bytes().to_vec()),
        (
            "data/villes.csv",
            b"ville,habitants\nAbeche,76492\nMoundou,137251\n".to_vec(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (k, v) in extra {
        files.insert(k.to_string(), v);
    }
    files
}

fn question<'a>(pack: &'a Pack, step: &str) -> &'a Question {
    let s = pack.lessons[0]
        .step(step)
        .unwrap_or_else(|| panic!("no step {step}"))
        .1;
    match &s.exercise {
        Exercise::Question(q) => q,
        other => panic!("{step} is a {}", other.kind()),
    }
}

fn choice(value: &str, label: &str) -> Choice {
    Choice {
        value: value.into(),
        label: label.into(),
    }
}

/// The step ids of the lesson the workbook adds to: `premiers-pas` in a copy of the
/// built-in pack, else the pack's first lesson.
fn step_ids(pack: &Pack) -> Vec<&str> {
    pack.lesson("premiers-pas")
        .unwrap_or(&pack.lessons[0])
        .steps
        .iter()
        .map(|s| s.id.as_str())
        .collect()
}

#[test]
fn every_column_and_type_is_read() {
    // Column names with accents, capitals, spaces and English synonyms, in another order.
    let header = vec![
        "ID",
        "Leçon",
        "Type",
        "Title",
        "Question",
        "Choices",
        "Réponse",
        "Tolérance",
        "Minimum",
        "Max",
        "Unité",
        "Autres réponses",
        "Hints",
        "Erreurs",
        "Explication",
        "Jeu de données",
        "Après",
    ];
    let rows = vec![
        header,
        vec![
            "ville-est",
            "a",
            "Choix",
            "La ville de l'Est",
            "Quelle ville est à l'**est** ?",
            "Abéché\nMoundou\nVille de N'Djamena",
            "abeche",
            "",
            "",
            "",
            "",
            "",
            "Regardez la carte. | Pensez au Ouaddaï.",
            "Moundou => Moundou est au sud.",
            "**Abéché**, chef-lieu du Ouaddaï.",
            "villes",
            "deux",
        ],
        vec![
            "villes-sud",
            "a",
            "choix multiple",
            "Au sud",
            "Lesquelles sont au sud ?",
            "MO = Moundou | DO = Doba | AB = Abéché",
            "Moundou\nDO",
            "",
            "",
            "",
            "",
            "",
            "",
            "MO => Il en manque une.\nMO | DO | AB => Abéché est à l'est.",
            "",
            "",
            "",
        ],
        vec![
            "habitants",
            "a",
            "number",
            "Habitants",
            "Combien d'habitants ?",
            "",
            "n:137251",
            "12,5",
            "",
            "",
            "habitants",
            "",
            "",
            "76 492 => C'est Abéché.\n1000000.. => Trop.",
            "",
            "villes",
            "ville-est",
        ],
        vec![
            "part",
            "a",
            "nombre",
            "Une part",
            "Quelle part, en % ?",
            "",
            "",
            "",
            "n:45",
            "55",
            "%",
            "",
            "",
            "0..1 => Multipliez par 100.\n100 => Tout le monde ?",
            "",
            "",
            "un",
        ],
        vec![
            "capitale",
            "a",
            "texte",
            "La capitale",
            "Quelle est la capitale ?",
            "",
            "N'Djamena",
            "",
            "",
            "",
            "",
            "Ndjamena | Ville de N'Djamena",
            "",
            "Abéché => Non, c'est le chef-lieu du Ouaddaï.",
            "Bien.",
            "",
            "deux",
        ],
        vec![
            "a-la-fin",
            "a",
            "texte",
            "À la fin",
            "Dernière ?",
            "",
            "oui",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        vec![],
        vec![
            "apres-la-fin",
            "a",
            "texte",
            "Après la fin",
            "Encore ?",
            "",
            "oui",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "a-la-fin",
        ],
    ];
    let files = pack_files(
        &["questions/quiz.xlsx"],
        vec![("questions/quiz.xlsx", xlsx(&[("Questions", &rows)]))],
    );
    let (pack, problems) = parse(files, Origin::Builtin);
    assert!(problems.is_empty(), "{problems:#?}");
    let pack = pack.unwrap();
    assert!(pack.warnings.is_empty(), "{:?}", pack.warnings);
    // Placed after the step `apres` names, several after the same step in row order, a row
    // after a row, the rest at the end in row order.
    assert_eq!(
        step_ids(&pack),
        [
            "un",
            "part",
            "deux",
            "ville-est",
            "habitants",
            "capitale",
            "trois",
            "villes-sud",
            "a-la-fin",
            "apres-la-fin"
        ]
    );
    let (_, step) = pack.lessons[0].step("ville-est").unwrap();
    assert_eq!(step.title, "La ville de l'Est");
    assert_eq!(step.body, "Quelle ville est à l'**est** ?");
    assert_eq!(step.line, 2);
    assert_eq!(
        step.source,
        StepSource::Sheet {
            file: "questions/quiz.xlsx".into(),
            sheet: "Questions".into()
        }
    );

    let q = question(&pack, "ville-est");
    assert_eq!(q.answer_type, AnswerType::Choice);
    assert_eq!(
        q.choices,
        [
            choice("abeche", "Abéché"),
            choice("moundou", "Moundou"),
            choice("ville-de-n-djamena", "Ville de N'Djamena")
        ]
    );
    assert_eq!(q.answer, json!("abeche"));
    assert_eq!(q.hints, ["Regardez la carte.", "Pensez au Ouaddaï."]);
    assert_eq!(q.feedback.len(), 1);
    assert_eq!(q.feedback[0].answer, json!("moundou"));
    assert_eq!(q.feedback[0].message, "Moundou est au sud.");
    assert_eq!(
        q.explanation.as_deref(),
        Some("**Abéché**, chef-lieu du Ouaddaï.")
    );
    assert_eq!(q.dataset.as_deref(), Some("villes"));

    let q = question(&pack, "villes-sud");
    assert_eq!(q.answer_type, AnswerType::Multiple);
    assert_eq!(
        q.choices,
        [
            choice("MO", "Moundou"),
            choice("DO", "Doba"),
            choice("AB", "Abéché")
        ]
    );
    assert_eq!(q.answer, json!(["MO", "DO"]));
    assert_eq!(q.feedback[0].answer, json!(["MO"]));
    assert_eq!(q.feedback[1].answer, json!(["MO", "DO", "AB"]));

    let q = question(&pack, "habitants");
    assert_eq!(q.answer_type, AnswerType::Number);
    assert_eq!(q.answer, json!(137251.0));
    assert_eq!(q.tolerance, 12.5);
    assert_eq!(q.unit.as_deref(), Some("habitants"));
    assert_eq!(q.feedback[0].answer, json!(76492.0));
    assert_eq!(
        (q.feedback[1].min, q.feedback[1].max),
        (Some(1_000_000.0), None)
    );

    let q = question(&pack, "part");
    assert_eq!((q.min, q.max), (Some(45.0), Some(55.0)));
    assert!(q.answer.is_null());
    assert_eq!(q.unit.as_deref(), Some("%"));
    assert_eq!(
        (q.feedback[0].min, q.feedback[0].max),
        (Some(0.0), Some(1.0))
    );
    assert_eq!(q.feedback[1].answer, json!(100.0));

    let q = question(&pack, "capitale");
    assert_eq!(q.answer_type, AnswerType::Text);
    assert_eq!(q.answer, json!("N'Djamena"));
    assert_eq!(q.accept, ["Ndjamena", "Ville de N'Djamena"]);
    assert_eq!(q.feedback[0].answer, json!("Abéché"));

    // The steps are judged like Markdown questions.
    use datajam::i18n::Lang;
    use datajam::lesson::exercise::{check, Verdict};
    let fr = Lang::Fr;
    assert_eq!(
        check(question(&pack, "habitants"), &json!("137 260"), fr),
        Verdict::Correct
    );
    assert_eq!(
        check(question(&pack, "part"), &json!("0,5"), fr),
        Verdict::Wrong {
            feedback: Some("Multipliez par 100.".into())
        }
    );
    assert_eq!(
        check(question(&pack, "capitale"), &json!("ndjamena"), fr),
        Verdict::Correct
    );
}

#[test]
fn a_question_may_show_the_table_a_data_task_saves() {
    let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n\n## Trier {#trier}\n\n```exercise\nkind = \"data\"\ndataset = \"villes\"\nresult = \"villes_triees\"\n\n[reference]\nsteps = [{ op = \"sort\", keys = [{ column = \"habitants\", desc = true }] }]\n```\n";
    let rows = vec![
        vec![
            "lecon",
            "id",
            "type",
            "titre",
            "question",
            "reponse",
            "jeu_de_donnees",
            "apres",
        ],
        vec![
            "a",
            "la-plus-grande",
            "texte",
            "La plus grande",
            "Laquelle ?",
            "Moundou",
            "villes_triees",
            "trier",
        ],
        vec![
            "a",
            "absente",
            "texte",
            "Absente",
            "Laquelle ?",
            "Moundou",
            "villes_absentes",
            "",
        ],
    ];
    let files = pack_files(
        &["questions/quiz.xlsx"],
        vec![
            ("lessons/a.md", lesson.as_bytes().to_vec()),
            ("questions/quiz.xlsx", xlsx(&[("questions", &rows)])),
        ],
    );
    let (pack, problems) = parse(files, Origin::Builtin);
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        text,
        ["questions/quiz.xlsx:3: sheet `questions`, row 3, column `jeu_de_donnees` (G): dataset `villes_absentes` is neither in datapackage.json (its datasets: `villes`) nor a table that an import step or a data task makes"]
    );
    assert_eq!(step_ids(&pack.unwrap()), ["trier", "la-plus-grande"]);
}

#[test]
fn an_ods_workbook_is_read_too() {
    let rows = vec![
        vec![
            "lecon", "id", "type", "titre", "question", "choix", "reponse", "indices",
        ],
        vec![
            "a",
            "ods-choix",
            "choix",
            "Depuis LibreOffice",
            "Laquelle ?",
            "x = Oui\ny = Non",
            "Oui",
            "Un indice\nUn autre",
        ],
        vec![
            "a",
            "ods-nombre",
            "nombre",
            "Un nombre",
            "Combien ?",
            "",
            "n:12.5",
            "",
        ],
    ];
    let files = pack_files(
        &["questions/quiz.ods"],
        vec![("questions/quiz.ods", ods("questions", &rows))],
    );
    let (pack, problems) = parse(files, Origin::Builtin);
    assert!(problems.is_empty(), "{problems:#?}");
    let pack = pack.unwrap();
    assert_eq!(
        step_ids(&pack),
        ["un", "deux", "trois", "ods-choix", "ods-nombre"]
    );
    let q = question(&pack, "ods-choix");
    assert_eq!(q.choices, [choice("x", "Oui"), choice("y", "Non")]);
    assert_eq!(q.answer, json!("x"));
    assert_eq!(q.hints, ["Un indice", "Un autre"]);
    assert_eq!(question(&pack, "ods-nombre").answer, json!(12.5));
}

#[test]
fn problems_name_the_sheet_row_and_column() {
    // The template's first ten columns (`lecon` to `max`), then others in another order.
    let mut header = modeles::COLUMNS[..10].to_vec();
    header.extend(["erreurs", "apres", "jeu_de_donnees", "notes"]);
    let row = |cells: &[&'static str]| {
        let mut r: Vec<&str> = cells.to_vec();
        r.resize(header.len(), "");
        r
    };
    let rows = vec![
        header.clone(),
        row(&["a", "bonne", "nombre", "T", "Q ?", "", "n:12"]), // 2: fine
        row(&["zz", "r3", "texte", "T", "Q ?", "", "x"]),
        row(&["a", "r4", "nombre", "T", "Q ?", "", "douze"]),
        row(&["a", "un", "texte", "T", "Q ?", "", "x"]),
        row(&["a", "bonne", "texte", "T", "Q ?", "", "x"]),
        row(&["a", "r7", "choix", "T", "Q ?", "A | B", "C"]),
        row(&[
            "a",
            "r8",
            "nombre",
            "T",
            "Q ?",
            "",
            "n:3",
            "",
            "",
            "",
            "3 => Non.",
        ]),
        row(&["a", "r9", "texte", "T", "", "", "x"]),
        row(&[
            "a",
            "r10",
            "texte",
            "T",
            "Q ?",
            "",
            "x",
            "",
            "",
            "",
            "",
            "nulle-part",
        ]),
        row(&["a", "r11", "nombre", "T", "Q ?", "", "d:2025-05-12"]),
        row(&["a", "r12", "nombre", "T", "Q ?", "", "", "n:1", "n:2"]),
        row(&["a", "r13", "quiz", "T", "Q ?", "", "x"]),
        row(&["a", "r14", "texte", "T", "Un <b>gras</b> ?", "", "x"]),
        row(&["a", "r15", "texte", "T", "Q ?", "A | B", "x"]),
        row(&["a", "Q 16", "texte", "T", "Q ?", "", "x"]),
        row(&[
            "a",
            "r17",
            "nombre",
            "T",
            "Q ?",
            "",
            "n:10",
            "n:1",
            "",
            "",
            "5..15 => Non.",
        ]),
        row(&[
            "a",
            "r18",
            "texte",
            "T",
            "Q ?",
            "",
            "N'Djamena",
            "",
            "",
            "",
            "n'djaména => Non.",
        ]),
        row(&[
            "a",
            "r19",
            "choix",
            "T",
            "Q ?",
            "a = Un | b = Deux",
            "Un",
            "",
            "",
            "",
            "b => Non.\nc => Inconnu.",
        ]),
        row(&[
            "a",
            "r20",
            "texte",
            "T",
            "Q ?",
            "",
            "x",
            "",
            "",
            "",
            "sans flèche",
        ]),
        row(&[
            "a", "r21", "texte", "T", "Q ?", "", "x", "", "", "", "", "", "inconnu",
        ]),
        row(&[
            "a", "boucle-1", "texte", "T", "Q ?", "", "x", "", "", "", "", "boucle-2",
        ]),
        row(&[
            "a", "boucle-2", "texte", "T", "Q ?", "", "x", "", "", "", "", "boucle-1",
        ]),
        row(&[]),
        row(&[
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "une remarque",
        ]),
        row(&[
            "a",
            "r26",
            "choix multiple",
            "T",
            "Q ?",
            "x | y | z",
            "x | w",
        ]),
        row(&["a", "r27", "nombre", "T", "Q ?", "", "", "", "n:5", "n:1"]),
        row(&[
            "a",
            "r28",
            "choix",
            "T",
            "Q ?",
            "a = Un | b = Deux",
            "a | b",
        ]),
        row(&["a", "", "", "T", "Q ?"]),
    ];
    let quiz = xlsx(&[("questions", &rows), ("aide", &[vec!["ignorée"]])]);
    let empty = xlsx(&[("questions", &[])]);
    let header_only = xlsx(&[("questions", &[header[..13].to_vec()])]);
    let no_sheet = xlsx(&[("Feuil1", &[vec!["lecon"]])]);
    let few_columns = xlsx(&[(
        "questions",
        &[vec!["lecon", "id", "type"], vec!["a", "b", "texte"]],
    )]);
    let files = pack_files(
        &[
            "q/quiz.xlsx",
            "q/vide.xlsx",
            "q/entete.xlsx",
            "q/casse.xlsx",
            "q/autre.xlsx",
            "q/colonnes.xlsx",
            "q/absent.xlsx",
            "q/notes.txt",
            "q/quiz.xlsx",
        ],
        vec![
            ("q/quiz.xlsx", quiz),
            ("q/vide.xlsx", empty),
            ("q/entete.xlsx", header_only),
            ("q/casse.xlsx", b"PK\x03\x04 pas un classeur".to_vec()),
            ("q/autre.xlsx", no_sheet),
            ("q/colonnes.xlsx", few_columns),
            ("q/notes.txt", b"notes".to_vec()),
            ("questions/oublie.xlsx", b"".to_vec()),
        ],
    );
    let (pack, problems) = parse(files, Origin::Builtin);
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let q = |row: usize, col: &str, letter: &str, msg: &str| {
        format!("q/quiz.xlsx:{row}: sheet `questions`, row {row}, column `{col}` ({letter}): {msg}")
    };
    let expected = [
        q(3, "lecon", "A", "lesson `zz` is not in the pack (its lessons: `a`)"),
        q(4, "reponse", "G", "`douze` is not a number"),
        q(5, "id", "B", "step id `un` is already used in lesson `a` (a step of lessons/a.md, line 6): each step needs its own id"),
        q(6, "id", "B", "step id `bonne` is already used in lesson `a` (q/quiz.xlsx, sheet `questions`, row 2): each step needs its own id"),
        q(7, "reponse", "G", "`C` is not one of the choices (`A`, `B`)"),
        q(8, "erreurs", "K", "`3` is given as a wrong answer, but it is accepted as right (the answer itself, or within the tolerance or min..max)"),
        q(9, "question", "E", "the cell is empty: write the question asked (Markdown)"),
        q(10, "apres", "L", "step `nulle-part` is not in lesson `a` (its steps: `un`, `deux`, `trois`, or a row's id)"),
        q(11, "reponse", "G", "`2025-05-12` is a date in the spreadsheet, not a number: format the cell as a number or as text"),
        q(12, "tolerance", "H", "give either a tolerance or min/max (the accepted range), not both"),
        q(13, "type", "C", "type `quiz` is not one of choix, choix multiple, nombre, texte"),
        q(14, "question", "E", "raw HTML is not allowed in lessons: <b> (write Markdown)"),
        q(15, "choix", "F", "this column is for choix and choix multiple questions, and this row's type is `texte`"),
        q(16, "id", "B", "`Q 16` is not a step id: use lower-case letters without accents, digits and hyphens, e.g. `chef-lieu-ouaddai` (at most 64)"),
        q(17, "erreurs", "K", "the wrong answers `5..15` include right ones (the answer and its tolerance, or min..max)"),
        q(18, "erreurs", "K", "`n'djaména` is given as a wrong answer, but it is accepted as right (the answer itself, or one of the other accepted answers; case, accents and hyphens do not count)"),
        q(19, "erreurs", "K", "line 2 of the cell: `c` is not one of the choices (`a` (Un), `b` (Deux))"),
        q(20, "erreurs", "K", "`sans flèche`: write the wrong answer, `=>`, then the message shown, e.g. `387 461 => C'est la source A.`"),
        q(21, "jeu_de_donnees", "M", "dataset `inconnu` is neither in datapackage.json (its datasets: `villes`) nor a table that an import step or a data task makes"),
        q(22, "apres", "L", "step `boucle-1` comes after `boucle-2`, which comes after it: the rows' `apres` make a loop"),
        q(23, "apres", "L", "step `boucle-2` comes after `boucle-1`, which comes after it: the rows' `apres` make a loop"),
        q(26, "reponse", "G", "`w` is not one of the choices (`x`, `y`, `z`)"),
        q(27, "min", "I", "min 5 is above max 1"),
        q(28, "reponse", "G", "a `choix` question has one right answer: use the type `choix multiple` for several"),
        q(29, "id", "B", "the cell is empty: write the step's id, e.g. `chef-lieu-ouaddai`"),
        q(29, "type", "C", "the cell is empty: write the question's type: choix, choix multiple, nombre or texte"),
        "q/vide.xlsx:1: sheet `questions` is empty: its first row names the columns (lecon, id, type, titre, question, choix, reponse, tolerance, min, max, unite, autres_reponses, indices, erreurs, explication, jeu_de_donnees, apres)".into(),
        "q/entete.xlsx:1: sheet `questions`, row 1: the sheet has a header but no question: write one question per row below it".into(),
        "q/autre.xlsx: the workbook has no sheet named `questions` (its sheets: `Feuil1`)".into(),
        "q/colonnes.xlsx:1: sheet `questions`, row 1: the header row lacks the column(s) `titre`, `question` (the first non-empty row names the columns)".into(),
        "pack.toml: questions: workbook q/absent.xlsx not found in the pack".into(),
        "pack.toml: questions: q/notes.txt is not a workbook (.xlsx, .ods or .xls)".into(),
        "pack.toml: questions: q/quiz.xlsx is listed twice".into(),
    ];
    for e in &expected {
        assert!(text.contains(e), "missing:\n{e}\nin:\n{}", text.join("\n"));
    }
    let unreadable: Vec<&String> = text
        .iter()
        .filter(|t| t.starts_with("q/casse.xlsx: not a readable XLSX workbook"))
        .collect();
    assert_eq!(unreadable.len(), 1, "{text:#?}");
    assert_eq!(
        text.len(),
        expected.len() + 1,
        "unexpected problems:\n{}",
        text.iter()
            .filter(|t| !expected.contains(t) && !unreadable.contains(t))
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Unknown columns and a forgotten workbook are warnings, not errors.
    let pack = pack.unwrap();
    let warnings: Vec<String> = pack.warnings.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "q/quiz.xlsx:1: sheet `questions`, row 1, column `notes` (N): unknown column, ignored (the columns read are lecon, id, type, titre, question, choix, reponse, tolerance, min, max, unite, autres_reponses, indices, erreurs, explication, jeu_de_donnees, apres)",
            "questions/oublie.xlsx: this workbook is not read: list it in pack.toml, questions = [\"questions/oublie.xlsx\"]",
        ]
    );
    // Only the rows without problems are placed.
    assert_eq!(step_ids(&pack), ["un", "deux", "trois", "bonne"]);

    // `pack check` prints them the same way.
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let rows = vec![
        vec!["lecon", "id", "type", "titre", "question", "reponse"],
        vec!["a", "douze", "nombre", "Douze", "Combien ?", "douze"],
    ];
    write_pack(
        dir.path(),
        &pack_files(
            &["questions/quiz.xlsx"],
            vec![("questions/quiz.xlsx", xlsx(&[("questions", &rows)]))],
        ),
    );
    let o = datajam(
        data.path(),
        &["pack", "check", dir.path().to_str().unwrap()],
    );
    assert!(!o.status.success());
    assert!(
        cli::text(&o.stderr).contains("questions/quiz.xlsx:2: sheet `questions`, row 2, column `reponse` (F): `douze` is not a number"),
        "{}",
        cli::text(&o.stderr)
    );
}

fn write_pack(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    for (rel, bytes) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

/// The built-in pack's source with the questions template (written for `dataset`) in
/// `questions/` and the manifest line; with another `id` and dataset name when given, so
/// that it can be installed next to the built-in pack.
fn built_in_copy_with_template(dir: &Path, rename: Option<(&str, &str)>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pack");
    let dataset = rename.map(|(_, d)| d).unwrap_or(modeles::DATASET);
    let mut files = match rename {
        None => Pack::from_dir(&src).unwrap().files().clone(),
        // Installed beside the built-in pack: every dataset gets a name of its own.
        Some((id, dataset)) => {
            let copy = tempfile::tempdir().unwrap();
            datajam::pack::copy_renamed(&src, copy.path(), id, "0.1.0", &|n| {
                if n == modeles::DATASET {
                    dataset.to_string()
                } else {
                    format!("{n}_tableur")
                }
            })
            .unwrap();
            Pack::from_dir(copy.path()).unwrap().files().clone()
        }
    };
    let manifest = String::from_utf8(files["pack.toml"].clone()).unwrap();
    let manifest = manifest.replacen(
        "\nlessons = ",
        "\nquestions = [\"questions/questions-modele.xlsx\"]\nlessons = ",
        1,
    );
    assert!(manifest.contains("questions = ["));
    files.insert("pack.toml".into(), manifest.into_bytes());
    let template = if rename.is_none() {
        // The committed file itself.
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(modeles::QUESTIONS_TEMPLATE))
            .unwrap()
    } else {
        modeles::questions_template(dataset).unwrap()
    };
    files.insert("questions/questions-modele.xlsx".into(), template);
    write_pack(dir, &files);
}

/// The template's steps, where they land in the lesson `premiers-pas`.
const TEMPLATE_ORDER: [&str; 18] = [
    "bienvenue",
    "capitale",
    "sigle-recensement",
    "collecte-ecole",
    "plus-peuplee",
    "chef-lieu-ouaddai",
    "province-moins-peuplee",
    "ecart-sila",
    "source-b-manquante",
    "ndjamena-source-b",
    "graphique-population",
    "moins-peuplees",
    "tableau-moins-peuplees",
    "tracer-graphique",
    "reflexion",
    "conclusion",
    "total-millions",
    "part-ndjamena",
];

#[test]
fn the_committed_template_is_what_its_generator_writes() {
    let committed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(modeles::QUESTIONS_TEMPLATE))
            .unwrap();
    let written = modeles::questions_template(modeles::DATASET).unwrap();
    assert!(
        committed == written,
        "{} is not what `cargo xtask modeles` writes: run it and commit the file",
        modeles::QUESTIONS_TEMPLATE
    );
    // It reads back to the example rows, every type covered.
    let r = datajam::pack::questions::read("questions/questions-modele.xlsx", &committed);
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    assert!(r.warnings.is_empty(), "{:#?}", r.warnings);
    let rows = modeles::example_rows(modeles::DATASET);
    assert_eq!(r.questions.len(), rows.len());
    let mut types = std::collections::BTreeSet::new();
    for (q, row) in r.questions.iter().zip(&rows) {
        assert_eq!(q.lesson, row[0]);
        assert_eq!(q.step.id, row[1]);
        assert_eq!(q.step.title, row[3]);
        assert_eq!(q.step.body, row[4]);
        assert_eq!(q.after.as_deref().unwrap_or(""), row[16]);
        let Exercise::Question(question) = &q.step.exercise else {
            panic!("{} is not a question", q.step.id)
        };
        assert!(!question.hints.is_empty(), "{}: hints", q.step.id);
        assert!(
            !question.feedback.is_empty(),
            "{}: wrong answers",
            q.step.id
        );
        types.insert(format!(
            "{:?}{}{}",
            question.answer_type,
            if question.min.is_some() { " range" } else { "" },
            if question.tolerance > 0.0 {
                " tolerance"
            } else {
                ""
            }
        ));
        assert!(
            question.feedback.iter().all(|f| !f.message.is_empty()),
            "{}",
            q.step.id
        );
    }
    assert_eq!(
        types.into_iter().collect::<Vec<_>>(),
        [
            "Choice",
            "Multiple",
            "Number",
            "Number range",
            "Number tolerance",
            "Text"
        ]
    );
    let ranges = r
        .questions
        .iter()
        .filter_map(|q| match &q.step.exercise {
            Exercise::Question(q) => Some(
                q.feedback
                    .iter()
                    .filter(|f| f.max.is_some() || f.min.is_some())
                    .count(),
            ),
            _ => None,
        })
        .sum::<usize>();
    assert!(ranges >= 2, "the example shows wrong-answer ranges");
}

#[test]
fn the_template_in_a_copy_of_the_built_in_pack_is_checked_built_installed_and_played() {
    // As a facilitator would: copy the built-in pack, drop the template in questions/, add
    // the manifest line; `pack check` accepts it and `pack build` packs it.
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let src = dir.path().join("paquet");
    built_in_copy_with_template(&src, None);
    let pack = Pack::from_dir(&src).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(step_ids(&pack), TEMPLATE_ORDER);
    let o = datajam(data.path(), &["pack", "check", src.to_str().unwrap()]);
    assert_ok(&o);
    // The built-in pack's steps, and the workbook's added to premiers-pas.
    let builtin = Pack::builtin().unwrap();
    let steps: usize = builtin.lessons.iter().map(|l| l.steps.len()).sum::<usize>()
        + TEMPLATE_ORDER.len()
        - builtin.lesson("premiers-pas").unwrap().steps.len();
    assert!(
        text(&o.stdout).contains(&format!("{steps} étape(s)")),
        "{}",
        text(&o.stdout)
    );
    assert_eq!(text(&o.stderr), "", "no warning");
    let out = dir.path().join("paquet.datajam");
    let o = pack_build(data.path(), &src, &out);
    assert_ok(&o);
    // The workbook travels unchanged, and the steps come from it when the file is loaded.
    let files = datajam::pack::packfile::read_files(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        files["questions/questions-modele.xlsx"],
        std::fs::read(src.join("questions/questions-modele.xlsx")).unwrap()
    );
    let loaded = datajam::pack::packfile::load(&out).unwrap();
    assert_eq!(step_ids(&loaded), TEMPLATE_ORDER);

    // Installed next to the built-in pack (another id and dataset name), then played with
    // the reference answers: every spreadsheet step is answered right.
    let src2 = dir.path().join("paquet-tableur");
    built_in_copy_with_template(&src2, Some(("atelier-tableur", "provinces_tableur")));
    let out2 = dir.path().join("atelier-tableur.datajam");
    let o = pack_build(data.path(), &src2, &out2);
    assert_ok(&o);
    let o = datajam(data.path(), &["pack", "install", out2.to_str().unwrap()]);
    assert_ok(&o);
    let o = play_reference(data.path(), "atelier-tableur", "Halimé");
    assert_ok(&o);
    let lines = json_lines(&o);
    let played: Vec<&str> = lines
        .iter()
        .filter(|l| l["lesson"] == "premiers-pas")
        .map(|l| l["step"].as_str().unwrap())
        .collect();
    assert_eq!(played, TEMPLATE_ORDER);
    let from_sheet: Vec<String> = modeles::example_rows("provinces_tableur")
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    for l in &lines {
        if from_sheet.iter().any(|s| s == &l["step"]) {
            assert_eq!(l["kind"], "attempt", "{l}");
            assert_eq!(l["correct"], true, "{l}");
        }
    }
    // A wrong answer written in the sheet gets its message; a hint comes from the sheet.
    let answers = dir.path().join("reponses.jsonl");
    std::fs::write(
        &answers,
        [
            json!({"lesson": "premiers-pas", "step": "ndjamena-source-b", "answer": "951 418"}),
            json!({"lesson": "premiers-pas", "step": "total-millions", "answer": "11 039 873"}),
            json!({"lesson": "premiers-pas", "step": "capitale", "hint": true}),
        ]
        .iter()
        .map(|v| v.to_string() + "\n")
        .collect::<String>(),
    )
    .unwrap();
    let o = play_answers(data.path(), "atelier-tableur", "Moussa", &answers);
    assert_ok(&o);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["correct"], false);
    assert!(
        lines[0]["message"]
            .as_str()
            .unwrap()
            .contains("C'est le chiffre de la source A"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1]["message"]
            .as_str()
            .unwrap()
            .contains("la question demande des millions"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["kind"], "hint");
    assert!(
        lines[2]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("Ville de"),
        "{}",
        lines[2]
    );
}
