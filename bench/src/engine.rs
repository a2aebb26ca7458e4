//! Exercise engine benchmark: `cargo run --release -p datajam-bench -- engine [--rows N]`.
//!
//! - Table Schema check: a generated N-row CSV (default 100,000; 6 fields: pattern,
//!   integer bounds, number, date minimum, boolean, enum; a primary key), checked by
//!   `tableschema::check_csv`, against the `csv` crate merely reading the same bytes;
//!   median of 5.
//! - Loading the built-in pack (`Pack::builtin`, now with its dataset checked against its
//!   schema, on every app start): median of 20.
//! - Reading an XLSForm workbook of 12 questions (`xlsform::parse`): median of 20.
//! - Questions written in a spreadsheet: reading a 50-row questions workbook
//!   (`questions::read`), and parsing the built-in pack's files with and without it
//!   (`pack::parse`, the work done each time a pack is loaded): median of 20, and the
//!   fastest of 200 (closer to the work's own cost on a loaded machine).
//! - Validating one record of the built-in school-visit form (`Form::validate`, patterns
//!   compiled once): median over 10,000.

use std::collections::BTreeMap;
use std::time::Duration;

use datajam::i18n::Lang;
use datajam::lesson::form::Form;
use datajam::pack::questions::Col;
use datajam::pack::{Exercise, Pack};

use crate::measure::{self, BoxError};

/// The median time of `reps` runs after a warm-up one.
fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> Duration {
    let _ = f(); // warm-up
    measure::time(reps, f)
}

/// The fastest of `reps` runs: on a loaded machine, the closest to the work's own cost.
fn fastest<T>(reps: usize, f: impl FnMut() -> T) -> Duration {
    measure::runs(reps, f).into_iter().min().unwrap_or_default()
}

fn csv_bytes(rows: usize) -> Vec<u8> {
    let mut s = String::from("code,eleves,taux,jour,urbain,zone\n");
    for i in 0..rows {
        s.push_str(&format!(
            "TD-{:06},{},{}.{},20{:02}-0{}-1{},{},{}\n",
            i,
            i % 5000,
            i % 100,
            i % 10,
            10 + i % 15,
            1 + i % 9,
            i % 10,
            if i % 2 == 0 { "true" } else { "false" },
            ["nord", "sud", "est", "ouest"][i % 4]
        ));
    }
    s.into_bytes()
}

fn schema() -> serde_json::Value {
    serde_json::json!({
        "fields": [
            { "name": "code", "type": "string", "constraints": { "required": true, "pattern": "TD-[0-9]{6}" } },
            { "name": "eleves", "type": "integer", "constraints": { "minimum": 0, "maximum": 5000 } },
            { "name": "taux", "type": "number" },
            { "name": "jour", "type": "date", "constraints": { "minimum": "2000-01-01" } },
            { "name": "urbain", "type": "boolean" },
            { "name": "zone", "type": "string", "constraints": { "enum": ["nord", "sud", "est", "ouest"] } }
        ],
        "primaryKey": "code"
    })
}

fn workbook() -> Result<Vec<u8>, BoxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let survey = wb.add_worksheet();
    survey.set_name("survey")?;
    let rows: &[[&str; 5]] = &[
        [
            "type",
            "name",
            "label::Français (fr)",
            "required",
            "constraint",
        ],
        ["text", "nom", "Nom", "yes", ""],
        ["text", "code", "Code", "", "regex(., '[A-Z]{2}-[0-9]{3}')"],
        ["integer", "eleves", "Élèves", "yes", ". >= 0 and . <= 5000"],
        ["integer", "filles", "Filles", "", ". >= 0"],
        ["decimal", "distance", "Distance", "", ". >= 0"],
        ["date", "jour", "Date", "yes", ". <= today()"],
        ["select_one province", "province", "Province", "yes", ""],
        [
            "select_multiple equip",
            "equipements",
            "Équipements",
            "",
            "",
        ],
        ["select_one etat", "etat", "État", "", ""],
        ["geopoint", "lieu", "Position", "", ""],
        ["text", "remarque", "Remarque", "", ""],
        ["note", "fin", "Merci", "", ""],
    ];
    write_rows(survey, rows)?;
    let choices = wb.add_worksheet();
    choices.set_name("choices")?;
    let rows: &[[&str; 3]] = &[
        ["list_name", "name", "label"],
        ["province", "TD-GR", "Guéra"],
        ["province", "TD-ND", "Ville de N'Djamena"],
        ["equip", "eau", "Point d'eau"],
        ["equip", "latrines", "Latrines"],
        ["etat", "bon", "Bon"],
        ["etat", "mauvais", "Mauvais"],
    ];
    write_rows(choices, rows)?;
    Ok(wb.save_to_buffer()?)
}

/// Writes `rows` of text cells from the sheet's top left corner.
fn write_rows<const N: usize>(
    sheet: &mut rust_xlsxwriter::Worksheet,
    rows: &[[&str; N]],
) -> Result<(), BoxError> {
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell)?;
        }
    }
    Ok(())
}

/// A questions workbook of `n` rows for the lesson `premiers-pas`, the four types in turn,
/// each with hints and anticipated wrong answers.
fn questions_workbook(n: usize) -> Result<Vec<u8>, BoxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("questions")?;
    // The template's columns, in its order.
    let header = Col::ALL.map(Col::name);
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    for i in 0..n {
        let id = format!("banc-{i}");
        let after = if i % 5 == 0 {
            "plus-peuplee".to_string()
        } else {
            String::new()
        };
        let (ty, choices, answer, tol, min, max, unit, accept, wrong) = match i % 4 {
            0 => (
                "choix",
                "TD-ND = Ville de N'Djamena\nTD-LR = Logone Oriental\nTD-OD = Ouaddaï",
                "TD-ND",
                "",
                "",
                "",
                "",
                "",
                "Logone Oriental => Presque : la 2e.",
            ),
            1 => (
                "choix multiple",
                "TD-BO = Borkou | TD-EO = Ennedi-Ouest | TD-TI = Tibesti | TD-SA = Salamat",
                "TD-BO | TD-EO | TD-TI",
                "",
                "",
                "",
                "",
                "",
                "TD-BO | TD-EO | TD-TI | TD-SA => Le Salamat en a plus.",
            ),
            2 => (
                "nombre",
                "",
                "97 685",
                "0",
                "",
                "",
                "habitants",
                "",
                "387 461 => Source A.\n1..1000 => Trop peu.",
            ),
            _ => (
                "texte",
                "",
                "N'Djamena",
                "",
                "",
                "",
                "",
                "Ndjamena | Ville de N'Djamena",
                "Abéché => Chef-lieu du Ouaddaï.",
            ),
        };
        let row = [
            "premiers-pas",
            &id,
            ty,
            "Une question",
            "Quelle est la **réponse** ?",
            choices,
            answer,
            tol,
            min,
            max,
            unit,
            accept,
            "Premier indice | Second indice",
            wrong,
            "Parce que.",
            "provinces_2009",
            &after,
        ];
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(i as u32 + 1, c as u16, *cell)?;
            }
        }
    }
    Ok(wb.save_to_buffer()?)
}

fn ms(d: Duration) -> String {
    measure::ms(d, 3)
}

pub fn run(args: &[String]) -> Result<(), BoxError> {
    let mut rows = 100_000usize;
    measure::options(args, &mut [("--rows", &mut rows)])?;
    let bytes = csv_bytes(rows);
    let schema = schema();
    let problems = datajam::pack::tableschema::check_csv("bench.csv", &bytes, &schema);
    if !problems.is_empty() {
        return Err(format!("generated CSV does not pass: {:?}", &problems[..1]).into());
    }
    let check = time(5, || {
        datajam::pack::tableschema::check_csv("bench.csv", &bytes, &schema)
    });
    let parse = time(5, || {
        let mut r = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
        let mut rec = csv::ByteRecord::new();
        let mut n = 0usize;
        while r.read_byte_record(&mut rec).unwrap_or(false) {
            n += rec.len();
        }
        n
    });
    println!(
        "Table Schema check, {rows} rows x 6 fields ({:.1} MB): {} (csv crate reading alone: {}, ratio {:.1}x; {:.0} rows/s)",
        bytes.len() as f64 / 1e6,
        ms(check),
        ms(parse),
        check.as_secs_f64() / parse.as_secs_f64().max(1e-9),
        rows as f64 / check.as_secs_f64()
    );

    let builtin = time(20, || Pack::builtin().map(|p| p.lessons.len()).unwrap_or(0));
    println!(
        "Pack::builtin (parse + checks + dataset schema): {}",
        ms(builtin)
    );

    let wb = workbook()?;
    let x = datajam::pack::xlsform::parse("forms/bench.xlsx", &wb)
        .map_err(|p| format!("workbook refused: {p:?}"))?;
    let xls = time(20, || {
        datajam::pack::xlsform::parse("forms/bench.xlsx", &wb).is_ok()
    });
    println!(
        "xlsform::parse, {} fields ({} bytes): {}",
        x.form.fields.len(),
        wb.len(),
        ms(xls)
    );

    let rows = 50;
    let quiz = questions_workbook(rows)?;
    let read = datajam::pack::questions::read("questions/banc.xlsx", &quiz);
    if !read.problems.is_empty() || read.questions.len() != rows {
        return Err(format!("questions workbook refused: {:?}", read.problems).into());
    }
    let sheet = time(20, || {
        datajam::pack::questions::read("questions/banc.xlsx", &quiz)
            .questions
            .len()
    });
    let builtin_pack = Pack::builtin()?;
    // The workbook's questions go into the lesson `premiers-pas` (its `lecon` column).
    let steps_of = |p: &Pack| {
        p.lessons
            .iter()
            .find(|l| l.id == "premiers-pas")
            .map_or(0, |l| l.steps.len())
    };
    let base = steps_of(&builtin_pack);
    let calamine_alone = time(20, || {
        use calamine::Reader;
        calamine::Xlsx::new(std::io::Cursor::new(quiz.clone()))
            .and_then(|mut b| b.worksheet_range("questions"))
            .map(|r| r.rows().count())
            .unwrap_or(0)
    });
    let plain = builtin_pack.files().clone();
    let mut with = plain.clone();
    let manifest = String::from_utf8(with["pack.toml"].clone())?.replacen(
        "\nlessons = ",
        "\nquestions = [\"questions/banc.xlsx\"]\nlessons = ",
        1,
    );
    with.insert("pack.toml".into(), manifest.into_bytes());
    with.insert("questions/banc.xlsx".into(), quiz.clone());
    let (pack, problems) = datajam::pack::parse(with.clone(), datajam::pack::Origin::Builtin);
    let steps = pack.as_ref().map(steps_of).unwrap_or(0);
    if !problems.is_empty() || steps != base + rows {
        return Err(format!("pack with the workbook refused ({steps} steps): {problems:?}").into());
    }
    let load = |files: &BTreeMap<String, Vec<u8>>| {
        time(20, || {
            datajam::pack::parse(files.clone(), datajam::pack::Origin::Builtin)
                .1
                .len()
        })
    };
    let (without_q, with_q) = (load(&plain), load(&with));
    let quickest = |files: &BTreeMap<String, Vec<u8>>| {
        fastest(200, || {
            datajam::pack::parse(files.clone(), datajam::pack::Origin::Builtin)
                .1
                .len()
        })
    };
    let (fast_without, fast_with) = (quickest(&plain), quickest(&with));
    let fast_read = fastest(200, || {
        datajam::pack::questions::read("questions/banc.xlsx", &quiz)
            .questions
            .len()
    });
    println!(
        "questions::read, {rows} rows ({} bytes): {} (calamine alone: {}); pack::parse of the built-in pack: {} without, {} with the workbook (+{})",
        quiz.len(),
        ms(sheet),
        ms(calamine_alone),
        ms(without_q),
        ms(with_q),
        ms(with_q.saturating_sub(without_q))
    );
    println!(
        "  fastest of 200: questions::read {}; pack::parse {} without, {} with (+{})",
        ms(fast_read),
        ms(fast_without),
        ms(fast_with),
        ms(fast_with.saturating_sub(fast_without))
    );

    let pack = Pack::builtin()?;
    let form: Form = pack
        .lessons
        .iter()
        .flat_map(|l| &l.steps)
        .find_map(|s| match &s.exercise {
            Exercise::Collect(c) => Some(c.form.clone()),
            _ => None,
        })
        .ok_or("no collect step in the built-in pack")?;
    let input: BTreeMap<String, String> = [
        ("nom_ecole", "École de Mongo"),
        ("province", "Guera"),
        ("eleves", "240"),
        ("filles", "130"),
        ("date_visite", "15/03/2025"),
        ("equipements", "eau cantine"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    form.validate(&input, Lang::Fr)
        .map_err(|e| format!("record refused: {e:?}"))?;
    let one = time(10_000, || form.validate(&input, Lang::Fr).is_ok());
    println!(
        "Form::validate, built-in school-visit form ({} fields): {:.1} µs",
        form.fields.len(),
        one.as_secs_f64() * 1e6
    );
    Ok(())
}
