//! One reading of what people type, everywhere: a number (or a date) that a question
//! accepts is the one a collect form records, a filter finds and an import reads. Before
//! the parsers were one (`datajam::i18n::parse`), a filter refused `1.234.567` that a
//! question accepted, and each place had its own list of date forms.

use std::collections::BTreeMap;

use datajam::analysis::pipeline::{self, Pipeline};
use datajam::i18n::Lang;
use datajam::import::{import_bytes, ImportOptions};
use datajam::lesson::exercise::{self, Verdict};
use datajam::lesson::form::{Form, Value};
use datajam::pack::Question;
use datajam::store::Store;
use serde_json::json;

/// Texts as a trainee types them, with the number each means.
const NUMBERS: &[(&str, f64)] = &[
    ("1.234.567", 1_234_567.0),
    ("1 234 567", 1_234_567.0),
    ("951\u{202f}418", 951_418.0),
    ("1 234,5", 1_234.5),
    ("1.234,5", 1_234.5),
    ("1,234.5", 1_234.5),
    ("12,5", 12.5),
    ("12.5", 12.5),
    ("1'234", 1_234.0),
    ("-3", -3.0),
];

/// Texts that are not numbers anywhere.
const NOT_NUMBERS: &[&str] = &["1.23.4", "douze", "12 34,5,6", "1,2,3"];

fn question(answer: f64) -> Question {
    toml::from_str(&format!("type = \"number\"\nanswer = {answer}")).expect("a question")
}

fn form() -> Form {
    toml::from_str(
        "table = \"t\"\n[[fields]]\nname = \"x\"\nlabel = \"x\"\ntype = \"decimal\"\n[[fields]]\nname = \"d\"\nlabel = \"d\"\ntype = \"date\"\n",
    )
    .expect("a form")
}

/// A workspace (as the app opens it) with `csv` imported as table `table`.
fn workspace(table: &str, csv: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path()).expect("store");
    import_bytes(
        store.conn_mut(),
        &format!("{table}.csv"),
        csv.as_bytes(),
        &ImportOptions {
            table: Some(table.into()),
            ..Default::default()
        },
    )
    .expect("import");
    (dir, store)
}

#[test]
fn a_number_reads_the_same_in_a_question_a_form_a_filter_and_an_import() {
    let csv: Vec<String> = std::iter::once("x".to_string())
        .chain(NUMBERS.iter().map(|(_, v)| format!("{v}")))
        .collect();
    let (_d, store) = workspace("t", &csv.join("\n"));
    let conn = store.conn();
    for (text, value) in NUMBERS {
        // A question whose answer is that number says it is right.
        let verdict = exercise::check(&question(*value), &json!(text), Lang::Fr);
        assert!(
            matches!(verdict, Verdict::Correct),
            "question, {text}: {verdict:?}"
        );
        // A form records that number.
        let input = BTreeMap::from([("x".to_string(), text.to_string())]);
        let saved = form().validate(&input, Lang::Fr).expect("form accepts it");
        let x = saved
            .iter()
            .find(|(n, _)| n == "x")
            .expect("the number field");
        assert_eq!(x.1, Value::Decimal(*value), "form, {text}");
        // A filter typed that way finds the row holding it.
        let p = Pipeline::from_value(json!({"steps": [
            {"op": "filter", "conditions": [{"column": "x", "cmp": "eq", "value": text}]}
        ]}))
        .expect("pipeline");
        let r =
            pipeline::run(conn, "t", &p, 100).unwrap_or_else(|e| panic!("filter, {text}: {e:?}"));
        assert!(r.total_rows >= 1, "filter, {text}: no row");
        // An import reads the same text as the same number.
        let (_d, one) = workspace("n", &format!("x;y\n\"{text}\";a\n\"{text}\";b\n"));
        let got: f64 = one
            .conn()
            .query_row("SELECT x FROM n LIMIT 1", [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("import, {text}: not a number ({e})"));
        assert_eq!(got, *value, "import, {text}");
    }
    for text in NOT_NUMBERS {
        let verdict = exercise::check(&question(1.0), &json!(text), Lang::Fr);
        assert!(
            matches!(verdict, Verdict::Invalid { .. }),
            "question, {text}: {verdict:?}"
        );
        let input = BTreeMap::from([("x".to_string(), text.to_string())]);
        assert!(form().validate(&input, Lang::Fr).is_err(), "form, {text}");
        let p = Pipeline::from_value(json!({"steps": [
            {"op": "filter", "conditions": [{"column": "x", "cmp": "eq", "value": text}]}
        ]}))
        .expect("pipeline");
        assert!(pipeline::run(conn, "t", &p, 100).is_err(), "filter, {text}");
    }
}

#[test]
fn a_date_reads_the_same_in_a_form_a_filter_and_an_import() {
    for text in ["15/03/2025", "15-03-2025", "15.03.2025", "2025-03-15"] {
        let input = BTreeMap::from([("d".to_string(), text.to_string())]);
        let saved = form().validate(&input, Lang::Fr).expect("form accepts it");
        let d = saved
            .iter()
            .find(|(n, _)| n == "d")
            .expect("the date field");
        assert_eq!(d.1, Value::Text("2025-03-15".into()), "form, {text}");
        let (_d, store) = workspace("d", &format!("d;y\n{text};a\n16/03/2025;b\n"));
        let conn = store.conn();
        let got: String = conn
            .query_row("SELECT d FROM d WHERE y = 'a'", [], |r| r.get(0))
            .expect("a date");
        assert_eq!(got, "2025-03-15", "import, {text}");
        let p = Pipeline::from_value(json!({"steps": [
            {"op": "filter", "conditions": [{"column": "d", "cmp": "eq", "value": text}]}
        ]}))
        .expect("pipeline");
        let r =
            pipeline::run(conn, "d", &p, 100).unwrap_or_else(|e| panic!("filter, {text}: {e:?}"));
        assert_eq!(r.total_rows, 1, "filter, {text}");
    }
}
