//! Pipelines: every op, coercion of values typed by the UI, errors naming the step and the
//! column, injection attempts through names and values, saving a result as a table.

use datajam::analysis::pipeline::{self, Pipeline};
use datajam::analysis::AnalysisError;
use datajam::i18n::Lang;
use datajam::import::{import_bytes, ImportOptions};
use datajam::store::tables::{list_tables, table_info};
use datajam::store::Store;
use datajam::Error;
use serde_json::{json, Value};

const ELEVES: &str = "code;province;sexe;age;filles;eleves;date_visite;note\n\
TD-LC;Lac;F;12;30;100;2023-05-01;a\n\
TD-LC;Lac;M;14;20;80;2024-01-15;b\n\
TD-KA;Kanem;F;;10;0;2024-02-01;c\n\
TD-OD;Ouaddaï;F;9;45;90;2022-11-30;d\n\
TD-OD;Ouaddaï;M;11;5;50;;e\n\
TD-ND;N'Djaména;M;13;60;200;2023-07-07;f\n";

const POPULATION: &str = "code_iso;population;note\nTD-LC;433000;recensement\nTD-KA;354000;estimation\nTD-OD;731000;recensement\n";

struct Fx {
    _dir: tempfile::TempDir,
    store: Store,
}

fn fixture() -> Fx {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    for (name, csv) in [("eleves.csv", ELEVES), ("population.csv", POPULATION)] {
        import_bytes(
            store.conn_mut(),
            name,
            csv.as_bytes(),
            &ImportOptions::default(),
        )
        .unwrap();
    }
    Fx { _dir: dir, store }
}

fn pl(v: Value) -> Pipeline {
    Pipeline::from_json(&v.to_string()).unwrap()
}

fn run(fx: &Fx, v: Value) -> datajam::analysis::ResultTable {
    pipeline::run(fx.store.conn(), "eleves", &pl(v), 1000).unwrap()
}

fn err(fx: &Fx, v: Value) -> AnalysisError {
    match pipeline::run(fx.store.conn(), "eleves", &pl(v), 1000)
        .map_err(Error::into_stage::<AnalysisError>)
    {
        Err(Ok(e)) => e,
        other => panic!("expected an analysis error, got {other:?}"),
    }
}

fn col(res: &datajam::analysis::ResultTable, name: &str) -> Vec<Value> {
    let i = res
        .columns
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    res.rows.iter().map(|r| r[i].clone()).collect()
}

#[test]
fn the_documented_example_parses() {
    let text = r#"{"steps": [
      {"op":"filter","conditions":[{"column":"sexe","cmp":"eq","value":"F"},
                                   {"column":"province","cmp":"in","value":["Lac","Kanem"]},
                                   {"column":"age","cmp":"is_missing"}]},
      {"op":"derive","as":"taux","fn":"div","a":{"column":"filles"},"b":{"column":"eleves"}},
      {"op":"derive","as":"pct","fn":"percentage","a":{"column":"x"},"b":{"value":250}},
      {"op":"derive","as":"an","fn":"year","a":{"column":"date_visite"}},
      {"op":"derive","as":"r","fn":"round","a":{"column":"taux"},"b":{"value":1}},
      {"op":"group","by":["province","sexe"],"aggregates":[{"fn":"count","as":"effectif"},
            {"fn":"mean","column":"age","as":"age_moyen"},{"fn":"share","column":"eleves","as":"part"}]},
      {"op":"sort","keys":[{"column":"effectif","desc":true}]},
      {"op":"limit","n":10},
      {"op":"pivot","index":["province"],"columns":"sexe","values":"effectif","agg":"sum"},
      {"op":"join","table":"population","left_on":"code","right_on":"code_iso","how":"left"}
    ]}"#;
    let p = Pipeline::from_json(text).unwrap();
    assert_eq!(p.steps.len(), 10);
    // Round trip through serde keeps the format.
    let again = Pipeline::from_json(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(p, again);
}

#[test]
fn filters_compare_case_and_accent_insensitively_and_coerce_values() {
    let fx = fixture();
    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"province","cmp":"eq","value":"OUADDAI"}]}]}),
    );
    assert_eq!(res.total_rows, 2);
    assert_eq!(col(&res, "note"), [json!("d"), json!("e")]);

    // "12,5" typed in the UI for an integer column.
    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"age","cmp":"gt","value":"12,5"}]}]}),
    );
    assert_eq!(col(&res, "age"), [json!(14), json!(13)]);

    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[
            {"column":"sexe","cmp":"eq","value":"f"},
            {"column":"province","cmp":"in","value":["lac","Kanem"]}]}]}),
    );
    assert_eq!(col(&res, "note"), [json!("a"), json!("c")]);

    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"age","cmp":"is_missing"}]}]}),
    );
    assert_eq!(col(&res, "note"), [json!("c")]);
    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"date_visite","cmp":"not_missing"},
            {"column":"date_visite","cmp":"ge","value":"01/01/2024"}]}]}),
    );
    assert_eq!(col(&res, "note"), [json!("b"), json!("c")]);
    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"province","cmp":"contains","value":"DJAMENA"}]}]}),
    );
    assert_eq!(col(&res, "note"), [json!("f")]);
    // ne never matches a missing value; le with a number value.
    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"age","cmp":"ne","value":12},
            {"column":"age","cmp":"le","value":13}]}]}),
    );
    assert_eq!(col(&res, "note"), [json!("d"), json!("e"), json!("f")]);
    // `in` given as the UI's text "a; b".
    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"eleves","cmp":"in","value":"100; 0"}]}]}),
    );
    assert_eq!(col(&res, "note"), [json!("a"), json!("c")]);
}

#[test]
fn errors_name_the_step_and_the_column() {
    let fx = fixture();
    let e = err(
        &fx,
        json!({"steps":[{"op":"limit","n":3},{"op":"sort","keys":[{"column":"agee"}]}]}),
    );
    assert_eq!(e.code(), "pipeline.unknown_column");
    assert_eq!(
        e.message(Lang::Fr),
        "Étape 2 : la colonne « agee » n'existe pas."
    );
    let e = err(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"age","cmp":"gt","value":"douze"}]}]}),
    );
    assert_eq!(e.code(), "pipeline.bad_value");
    assert!(e
        .message(Lang::Fr)
        .starts_with("Étape 1 : « douze » n'est pas un nombre"));
    let e = err(
        &fx,
        json!({"steps":[{"op":"filter","conditions":[{"column":"age","cmp":"eq","value":""}]}]}),
    );
    assert_eq!(e.code(), "pipeline.value_required");
    let e = err(
        &fx,
        json!({"steps":[{"op":"group","by":["province"],"aggregates":[{"fn":"sum","column":"sexe","as":"s"}]}]}),
    );
    assert_eq!(e.code(), "pipeline.not_numeric");
    let e = err(
        &fx,
        json!({"steps":[{"op":"join","table":"absent","left_on":"code","right_on":"code"}]}),
    );
    assert_eq!(e.code(), "pipeline.unknown_table");
    assert!(e.message(Lang::Fr).contains("« absent »"));
    let e = err(
        &fx,
        json!({"steps":[{"op":"group","by":["province"],"aggregates":[{"fn":"count","as":"province"}]}]}),
    );
    assert_eq!(e.code(), "pipeline.duplicate_column");
    let e = err(
        &fx,
        json!({"steps":[{"op":"derive","as":" ","fn":"add","a":{"column":"age"},"b":{"value":1}}]}),
    );
    assert_eq!(e.code(), "pipeline.empty_name");

    match Pipeline::from_json(r#"{"steps":[{"op":"sort","keys":[]},{"op":"explode"}]}"#)
        .map_err(Error::into_stage::<AnalysisError>)
    {
        Err(Ok(e @ AnalysisError::UnknownOp { .. })) => {
            assert!(e
                .message(Lang::Fr)
                .starts_with("Étape 2 : l'opération « explode »"))
        }
        other => panic!("{other:?}"),
    }
    match Pipeline::from_json(r#"{"steps":[{"op":"filter"}]}"#)
        .map_err(Error::into_stage::<AnalysisError>)
    {
        Err(Ok(AnalysisError::InvalidStep { step: 1, .. })) => {}
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        Pipeline::from_json("{pas du json").map_err(Error::into_stage::<AnalysisError>),
        Err(Ok(AnalysisError::InvalidPipeline { .. }))
    ));
    // An unknown source table is the core's usual error.
    assert!(matches!(
        pipeline::run(fx.store.conn(), "absent", &Pipeline::default(), 10),
        Err(Error::TableNotFound(_))
    ));
}

#[test]
fn a_filter_keeps_the_rows_meeting_any_condition_when_asked() {
    let fx = fixture();
    let any = json!({"steps":[{"op":"filter","match":"any","conditions":[
        {"column":"province","cmp":"eq","value":"lac"},
        {"column":"province","cmp":"eq","value":"Kanem"}]}]});
    let res = run(&fx, any.clone());
    assert_eq!(col(&res, "note"), [json!("a"), json!("b"), json!("c")]);
    // The same conditions combined with « et » keep nothing; "all" is the default.
    let mut all = any.clone();
    all["steps"][0]["match"] = json!("all");
    assert_eq!(run(&fx, all.clone()).total_rows, 0);
    all["steps"][0].as_object_mut().unwrap().remove("match");
    assert_eq!(run(&fx, all).total_rows, 0);

    // Every kind of condition, missing values included: age unknown, or a girl of 12 or
    // more, or a visit date before 2023, or a province among two.
    let res = run(
        &fx,
        json!({"steps":[{"op":"filter","match":"any","conditions":[
            {"column":"age","cmp":"is_missing"},
            {"column":"date_visite","cmp":"lt","value":"01/01/2023"},
            {"column":"province","cmp":"in","value":"N'Djaména; nulle part"},
            {"column":"note","cmp":"contains","value":"B"}]}]}),
    );
    assert_eq!(
        col(&res, "note"),
        [json!("b"), json!("c"), json!("d"), json!("f")]
    );
    // A missing value never meets a comparison: row e (no date) is not "before 2023".
    assert!(!col(&res, "note").contains(&json!("e")));

    // Two filters in a row: (Lac or Kanem) and then girls.
    let res = run(
        &fx,
        json!({"steps":[
            {"op":"filter","match":"any","conditions":[
                {"column":"province","cmp":"eq","value":"Lac"},
                {"column":"province","cmp":"eq","value":"Kanem"}]},
            {"op":"filter","conditions":[{"column":"sexe","cmp":"eq","value":"F"}]}]}),
    );
    assert_eq!(col(&res, "note"), [json!("a"), json!("c")]);

    // The SQL reads naturally, values bound, each condition in parentheses.
    let p = pl(json!({"steps":[{"op":"filter","match":"any","conditions":[
        {"column":"province","cmp":"eq","value":"Lac"},
        {"column":"age","cmp":"ge","value":"12"}]}]}));
    let (sql, params) = pipeline::to_sql(fx.store.conn(), "eleves", &p).unwrap();
    assert!(
        sql.contains("WHERE (dj_fold(\"province\") = ?) OR (\"age\" >= ?)"),
        "{sql}"
    );
    assert_eq!(
        params,
        [
            rusqlite::types::Value::Text("lac".into()),
            rusqlite::types::Value::Integer(12)
        ]
    );
    let shown = pipeline::run(fx.store.conn(), "eleves", &p, 10)
        .unwrap()
        .sql;
    assert!(
        shown.contains("WHERE (dj_fold(\"province\") = 'lac') OR (\"age\" >= 12)"),
        "{shown}"
    );

    // Errors name the step and the column as for "all".
    let e = err(
        &fx,
        json!({"steps":[{"op":"limit","n":9},{"op":"filter","match":"any","conditions":[
            {"column":"province","cmp":"eq","value":"Lac"},
            {"column":"agee","cmp":"eq","value":"3"}]}]}),
    );
    assert_eq!(
        e.message(Lang::Fr),
        "Étape 2 : la colonne « agee » n'existe pas."
    );
    let e = err(
        &fx,
        json!({"steps":[{"op":"filter","match":"any","conditions":[
            {"column":"age","cmp":"gt","value":"douze"}]}]}),
    );
    assert!(e
        .message(Lang::Fr)
        .starts_with("Étape 1 : « douze » n'est pas un nombre"));
    match Pipeline::from_json(r#"{"steps":[{"op":"filter","match":"some","conditions":[]}]}"#)
        .map_err(Error::into_stage::<AnalysisError>)
    {
        Err(Ok(AnalysisError::InvalidStep { step: 1, .. })) => {}
        other => panic!("{other:?}"),
    }
    // "all" is not written back: pipelines saved before "match" existed are unchanged.
    let again = serde_json::to_value(pl(
        json!({"steps":[{"op":"filter","match":"all","conditions":[]}]}),
    ))
    .unwrap();
    assert_eq!(again, json!({"steps":[{"op":"filter","conditions":[]}]}));
    let again = serde_json::to_value(pl(any.clone())).unwrap();
    assert_eq!(again, any);
}

#[test]
fn the_columns_each_step_sees_come_from_the_core() {
    let fx = fixture();
    let names = |p: Value| -> Vec<Vec<String>> {
        pipeline::step_columns(fx.store.conn(), "eleves", &p)
            .unwrap()
            .into_iter()
            .map(|cols| cols.into_iter().map(|c| c.name).collect())
            .collect()
    };
    let source: Vec<String> = [
        "code",
        "province",
        "sexe",
        "age",
        "filles",
        "eleves",
        "date_visite",
        "note",
    ]
    .map(String::from)
    .to_vec();
    let cols = names(json!({"steps":[
        // Not finished yet (no value): passed over, the columns stay.
        {"op":"filter","conditions":[{"column":"province","cmp":"eq","value":""}]},
        {"op":"group","by":["province","sexe"],"aggregates":[{"fn":"count"},{"fn":"sum","column":"eleves","as":"eleves"}]},
        // The pivot's columns are the data's values.
        {"op":"pivot","index":["province"],"columns":"sexe","values":"eleves"},
        {"op":"join","table":"population","left_on":"code","right_on":"code_iso"},
    ]}));
    assert_eq!(cols.len(), 4, "{cols:?}");
    assert_eq!(cols[0], source);
    assert_eq!(cols[1], source);
    assert_eq!(cols[2], ["province", "sexe", "effectif", "eleves"]);
    assert_eq!(cols[3], ["province", "F", "M"]);
    // The join's left key is gone after the pivot: the list ends there.

    // A join adds the right table's columns but its key, a clash gets the table's name;
    // a filter before the pivot changes its columns.
    let cols = names(json!({"steps":[
        {"op":"join","table":"population","left_on":"code","right_on":"code_iso","how":"inner"},
        {"op":"filter","match":"any","conditions":[{"column":"sexe","cmp":"eq","value":"M"}]},
        {"op":"sort","keys":[{"column":"absent"}]},
        {"op":"pivot","index":["code"],"columns":"sexe","values":"population","agg":"max"},
        {"op":"derive","as":"m2","fn":"mul","a":{"column":"M"},"b":{"value":2}},
        {"op":"limit","n":"beaucoup"},
    ]}));
    assert_eq!(cols.len(), 7, "{cols:?}");
    let mut joined = source.clone();
    joined.extend(["population", "note_population"].map(String::from));
    assert_eq!(cols[1], joined);
    assert_eq!(cols[4], ["code", "M"]);
    assert_eq!(cols[5], ["code", "M", "m2"]);
    assert_eq!(cols[6], cols[5]);
    // The types are the core's.
    let typed = pipeline::step_columns(
        fx.store.conn(),
        "eleves",
        &json!([{"op":"derive","as":"taux","fn":"div","a":{"column":"filles"},"b":{"column":"eleves"}}]),
    )
    .unwrap();
    let last = typed[1].last().unwrap();
    assert_eq!(
        (last.name.as_str(), last.column_type.as_str()),
        ("taux", "number")
    );
    // An unknown op ends the list; an unknown table is an error.
    assert_eq!(
        names(json!({"steps":[{"op":"explode"},{"op":"limit","n":1}]})).len(),
        1
    );
    assert!(pipeline::step_columns(fx.store.conn(), "absent", &json!({"steps":[]})).is_err());
}

#[test]
fn derived_columns() {
    let fx = fixture();
    let res = run(
        &fx,
        json!({"steps":[
            {"op":"derive","as":"taux","fn":"div","a":{"column":"filles"},"b":{"column":"eleves"}},
            {"op":"derive","as":"pct","fn":"percentage","a":{"column":"filles"},"b":{"value":"250"}},
            {"op":"derive","as":"p1000","fn":"per_1000","a":{"column":"filles"},"b":{"column":"eleves"}},
            {"op":"derive","as":"r","fn":"round","a":{"column":"taux"},"b":{"value":2}},
            {"op":"derive","as":"an","fn":"year","a":{"column":"date_visite"}},
            {"op":"derive","as":"total","fn":"add","a":{"column":"filles"},"b":{"column":"eleves"}},
            {"op":"derive","as":"diff","fn":"sub","a":{"column":"eleves"},"b":{"value":"0,5"}},
            {"op":"derive","as":"double","fn":"mul","a":{"column":"age"},"b":{"value":2}}
        ]}),
    );
    assert_eq!(col(&res, "taux")[0], json!(0.3));
    // Division by zero: missing, not an error.
    assert_eq!(col(&res, "taux")[2], Value::Null);
    assert_eq!(col(&res, "p1000")[2], Value::Null);
    assert_eq!(col(&res, "pct")[0], json!(12.0));
    assert_eq!(col(&res, "p1000")[1], json!(250.0));
    assert_eq!(col(&res, "r")[3], json!(0.5));
    assert_eq!(col(&res, "r")[5], json!(0.3));
    assert_eq!(
        col(&res, "an"),
        [
            json!(2023),
            json!(2024),
            json!(2024),
            json!(2022),
            Value::Null,
            json!(2023)
        ]
    );
    assert_eq!(col(&res, "total")[0], json!(130));
    assert_eq!(col(&res, "diff")[0], json!(99.5));
    assert_eq!(col(&res, "double")[2], Value::Null);
    let types: Vec<(&str, &str)> = res
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.column_type.as_str()))
        .collect();
    assert!(types.contains(&("total", "integer")));
    assert!(types.contains(&("taux", "number")));
    assert!(types.contains(&("an", "integer")));
    assert!(types.contains(&("date_visite", "date")));
    assert!(types.contains(&("province", "text")));
    // A derived column of an existing name replaces it in place.
    let res = run(
        &fx,
        json!({"steps":[{"op":"derive","as":"age","fn":"add","a":{"column":"age"},"b":{"value":1}}]}),
    );
    assert_eq!(res.columns.len(), 8);
    assert_eq!(res.columns[3].name, "age");
    assert_eq!(col(&res, "age")[0], json!(13));
}

#[test]
fn group_with_every_aggregate() {
    let fx = fixture();
    let res = run(
        &fx,
        json!({"steps":[{"op":"group","by":["sexe"],"aggregates":[
            {"fn":"count","as":"n"},
            {"fn":"count","column":"age","as":"n_age"},
            {"fn":"sum","column":"eleves","as":"s"},
            {"fn":"mean","column":"age","as":"m"},
            {"fn":"median","column":"eleves","as":"med"},
            {"fn":"min","column":"age","as":"lo"},
            {"fn":"max","column":"date_visite","as":"last"},
            {"fn":"share","column":"eleves","as":"part"},
            {"fn":"share","as":"part_lignes"}
        ]}]}),
    );
    assert_eq!(col(&res, "sexe"), [json!("F"), json!("M")]);
    assert_eq!(col(&res, "n"), [json!(3), json!(3)]);
    assert_eq!(col(&res, "n_age"), [json!(2), json!(3)]);
    assert_eq!(col(&res, "s"), [json!(190), json!(330)]);
    assert_eq!(col(&res, "m"), [json!(10.5), json!(38.0 / 3.0)]);
    assert_eq!(col(&res, "med"), [json!(90.0), json!(80.0)]);
    assert_eq!(col(&res, "lo"), [json!(9), json!(11)]);
    assert_eq!(
        col(&res, "last"),
        [json!("2024-02-01"), json!("2024-01-15")]
    );
    let part: Vec<f64> = col(&res, "part")
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!((part[0] - 100.0 * 190.0 / 520.0).abs() < 1e-9);
    assert!((part[0] + part[1] - 100.0).abs() < 1e-9);
    assert_eq!(col(&res, "part_lignes"), [json!(50.0), json!(50.0)]);
    let types: Vec<&str> = res.columns.iter().map(|c| c.column_type.as_str()).collect();
    assert_eq!(
        types,
        [
            "text", "integer", "integer", "integer", "number", "number", "integer", "date",
            "number", "number"
        ]
    );
    // No key: one row over everything.
    let res = run(
        &fx,
        json!({"steps":[{"op":"group","aggregates":[{"fn":"sum","column":"filles","as":"f"}]}]}),
    );
    assert_eq!(res.rows, vec![vec![json!(170)]]);
}

#[test]
fn sort_puts_missing_last_and_limit_keeps_the_first_rows() {
    let fx = fixture();
    for desc in [false, true] {
        let res = run(
            &fx,
            json!({"steps":[{"op":"sort","keys":[{"column":"age","desc":desc}]}]}),
        );
        let ages = col(&res, "age");
        assert_eq!(ages[5], Value::Null, "missing last, desc={desc}");
        let nums: Vec<i64> = ages[..5].iter().map(|v| v.as_i64().unwrap()).collect();
        let mut sorted = nums.clone();
        sorted.sort();
        if desc {
            sorted.reverse();
        }
        assert_eq!(nums, sorted);
    }
    let res = run(
        &fx,
        json!({"steps":[
            {"op":"sort","keys":[{"column":"eleves","desc":true}]},
            {"op":"limit","n":2},
            {"op":"derive","as":"x","fn":"add","a":{"column":"age"},"b":{"value":0}}
        ]}),
    );
    assert_eq!(col(&res, "eleves"), [json!(200), json!(100)]);
    // Second sort keeps the first order for ties.
    let res = run(
        &fx,
        json!({"steps":[
            {"op":"sort","keys":[{"column":"eleves","desc":true}]},
            {"op":"sort","keys":[{"column":"sexe"}]}
        ]}),
    );
    assert_eq!(
        col(&res, "eleves"),
        [
            json!(100),
            json!(90),
            json!(0),
            json!(200),
            json!(80),
            json!(50)
        ]
    );
    // max_rows caps the rows, total_rows counts them all.
    let res = pipeline::run(fx.store.conn(), "eleves", &Pipeline::default(), 4).unwrap();
    assert_eq!(res.rows.len(), 4);
    assert_eq!(res.total_rows, 6);
}

#[test]
fn pivot_to_wide() {
    let fx = fixture();
    let res = run(
        &fx,
        json!({"steps":[
            {"op":"group","by":["province","sexe"],"aggregates":[{"fn":"count","as":"effectif"}]},
            {"op":"pivot","index":["province"],"columns":"sexe","values":"effectif","agg":"sum"}
        ]}),
    );
    let names: Vec<&str> = res.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["province", "F", "M"]);
    assert_eq!(
        res.rows,
        vec![
            vec![json!("Kanem"), json!(1), Value::Null],
            vec![json!("Lac"), json!(1), json!(1)],
            vec![json!("N'Djaména"), Value::Null, json!(1)],
            vec![json!("Ouaddaï"), json!(1), json!(1)],
        ]
    );
    // Values that would be dangerous names are just column names.
    let res = run(
        &fx,
        json!({"steps":[{"op":"pivot","index":["sexe"],"columns":"province","values":"eleves","agg":"mean"}]}),
    );
    assert!(res.columns.iter().any(|c| c.name == "N'Djaména"));
    // Too many distinct values: a clear error.
    let mut csv = String::from("k;v\n");
    for i in 0..60 {
        csv.push_str(&format!("v{i};{i}\n"));
    }
    let mut fx = fx;
    import_bytes(
        fx.store.conn_mut(),
        "large.csv",
        csv.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    match pipeline::run(
        fx.store.conn(),
        "large",
        &pl(json!({"steps":[{"op":"pivot","columns":"k","values":"v"}]})),
        10,
    )
    .map_err(Error::into_stage::<AnalysisError>)
    {
        Err(Ok(e)) => {
            assert_eq!(e.code(), "pipeline.too_many_pivot_columns");
            assert!(e.message(Lang::Fr).contains("plus de 50 valeurs"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn join_another_table() {
    let fx = fixture();
    let res = run(
        &fx,
        json!({"steps":[{"op":"join","table":"population","left_on":"code","right_on":"code_iso","how":"left"}]}),
    );
    assert_eq!(res.total_rows, 6);
    assert_eq!(
        col(&res, "population"),
        [
            json!(433000),
            json!(433000),
            json!(354000),
            json!(731000),
            json!(731000),
            Value::Null
        ]
    );
    // The right table's `note` clashes with the left one: renamed.
    assert_eq!(col(&res, "note_population")[0], json!("recensement"));
    let label = |name: &str| {
        res.columns
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.label.clone())
    };
    assert_eq!(
        label("note_population").as_deref(),
        Some("note (population)")
    );
    assert_eq!(label("population").as_deref(), Some("population"));
    assert!(!res.columns.iter().any(|c| c.name == "code_iso"));
    let res = run(
        &fx,
        json!({"steps":[
            {"op":"group","by":["code"],"aggregates":[{"fn":"sum","column":"eleves","as":"eleves"}]},
            {"op":"join","table":"population","left_on":"code","right_on":"code_iso","how":"inner"},
            {"op":"derive","as":"pour_mille","fn":"per_1000","a":{"column":"eleves"},"b":{"column":"population"}}
        ]}),
    );
    assert_eq!(res.total_rows, 3);
    assert_eq!(
        col(&res, "code"),
        [json!("TD-KA"), json!("TD-LC"), json!("TD-OD")]
    );
    let e = err(
        &fx,
        json!({"steps":[{"op":"join","table":"population","left_on":"code","right_on":"code"}]}),
    );
    assert_eq!(e.code(), "pipeline.unknown_column");
}

/// A table created by hand with hostile names, registered as a workspace table.
fn hostile_table(fx: &mut Fx) {
    let conn = fx.store.conn_mut();
    conn.execute_batch(
        r#"CREATE TABLE "t""; x" ("x""; DROP TABLE t; --" TEXT, "n" INTEGER);
           INSERT INTO "t""; x" VALUES ('a''b', 1), ('c', 2), (NULL, 3);
           CREATE TABLE t (keep INTEGER); INSERT INTO t VALUES (1);"#,
    )
    .unwrap();
    let cols = json!([
        {"name":"x\"; DROP TABLE t; --","label":"x","type":"text"},
        {"name":"n","label":"n","type":"integer"}
    ]);
    conn.execute(
        "INSERT INTO workspace_tables VALUES (?1, 'h.csv', NULL, ?2, 3, '2024-01-01T00:00:00Z', '[]')",
        rusqlite::params!["t\"; x", cols.to_string()],
    )
    .unwrap();
}

#[test]
fn names_and_values_cannot_inject_sql() {
    let mut fx = fixture();
    hostile_table(&mut fx);
    let evil = "x\"; DROP TABLE t; --";
    let p = pl(json!({"steps":[
        {"op":"filter","conditions":[{"column":evil,"cmp":"ne","value":"'; DROP TABLE t; --"}]},
        {"op":"derive","as":"y\"); DROP TABLE t; --","fn":"add","a":{"column":"n"},"b":{"value":1}},
        {"op":"group","by":[evil],"aggregates":[{"fn":"sum","column":"y\"); DROP TABLE t; --","as":"s'; --"}]},
        {"op":"sort","keys":[{"column":"s'; --","desc":true}]}
    ]}));
    let res = pipeline::run(fx.store.conn(), "t\"; x", &p, 100).unwrap();
    assert_eq!(res.columns[0].name, evil);
    assert_eq!(
        res.rows,
        vec![vec![json!("c"), json!(3)], vec![json!("a'b"), json!(2)]]
    );
    let (sql, params) = pipeline::to_sql(fx.store.conn(), "t\"; x", &p).unwrap();
    assert!(sql.contains("\"x\"\"; DROP TABLE t; --\""));
    assert!(!sql.contains("'; DROP"));
    assert!(params.contains(&rusqlite::types::Value::Text("'; drop table t; --".into())));
    // Quoted values in a filter are bound, so they match themselves.
    let res = pipeline::run(
        fx.store.conn(),
        "t\"; x",
        &pl(json!({"steps":[{"op":"filter","conditions":[{"column":evil,"cmp":"in","value":["a'b","x"]}]}]})),
        10,
    )
    .unwrap();
    assert_eq!(res.total_rows, 1);
    // The displayed SQL writes the value as a literal, quotes doubled.
    assert!(res.sql.contains("'a''b'"));
    let kept: i64 = fx
        .store
        .conn()
        .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 1);
    // Saving keeps the data, with identifier column names.
    let info = pipeline::save_as(fx.store.conn_mut(), "t\"; x", &p, "Résultat sûr").unwrap();
    assert_eq!(info.name, "resultat_sur");
    assert_eq!(info.columns[0].name, "x_drop_table_t");
    assert_eq!(info.columns[0].label, "x");
    assert_eq!(info.rows, 2);
}

#[test]
fn save_as_registers_a_table_and_replaces_only_saved_ones() {
    let mut fx = fixture();
    let p = pl(json!({"steps":[
        {"op":"group","by":["province"],"aggregates":[{"fn":"sum","column":"eleves","as":"Élèves"},{"fn":"mean","column":"age"}]}
    ]}));
    let info = pipeline::save_as(fx.store.conn_mut(), "eleves", &p, "Par province").unwrap();
    assert_eq!(info.name, "par_province");
    assert_eq!(info.rows, 4);
    assert!(info.source_file.starts_with(pipeline::SAVED_SOURCE_PREFIX));
    let names: Vec<(String, String)> = info
        .columns
        .iter()
        .map(|c| (c.name.clone(), c.label.clone()))
        .collect();
    assert_eq!(
        names,
        [
            ("province".into(), "province".into()),
            ("eleves".into(), "Élèves".into()),
            ("mean_age".into(), "mean_age".into())
        ]
    );
    assert!(list_tables(fx.store.conn())
        .unwrap()
        .iter()
        .any(|t| t.name == "par_province"));
    // The saved table is a workspace table like any other: a pipeline can read it.
    let res = pipeline::run(
        fx.store.conn(),
        "par_province",
        &pl(json!({"steps":[{"op":"sort","keys":[{"column":"eleves","desc":true}]}]})),
        10,
    )
    .unwrap();
    assert_eq!(res.rows[0], [json!("N'Djaména"), json!(200), json!(13.0)]);
    // Saving again under that name replaces it.
    let p2 = pl(json!({"steps":[{"op":"limit","n":2}]}));
    let info = pipeline::save_as(fx.store.conn_mut(), "eleves", &p2, "par_province").unwrap();
    assert_eq!(info.rows, 2);
    assert_eq!(
        table_info(fx.store.conn(), "par_province")
            .unwrap()
            .columns
            .len(),
        8
    );
    // An imported table is never replaced; app tables and bad names are refused.
    for (name, code) in [
        ("population", "pipeline.table_exists"),
        ("events", "pipeline.invalid_table_name"),
        ("«»", "pipeline.invalid_table_name"),
        ("collecte_x", "pipeline.invalid_table_name"),
    ] {
        match pipeline::save_as(fx.store.conn_mut(), "eleves", &p2, name)
            .map_err(Error::into_stage::<AnalysisError>)
        {
            Err(Ok(e)) => assert_eq!(e.code(), code, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    assert_eq!(table_info(fx.store.conn(), "population").unwrap().rows, 3);
    assert_eq!(pipeline::normalise_table_name("2024").unwrap(), "t_2024");
    // A failing pipeline leaves nothing behind.
    let bad = pl(json!({"steps":[{"op":"sort","keys":[{"column":"nope"}]}]}));
    assert!(pipeline::save_as(fx.store.conn_mut(), "eleves", &bad, "rien").is_err());
    assert!(table_info(fx.store.conn(), "rien").is_err());
}

#[test]
fn generated_sql_is_readable_and_parameterised() {
    let fx = fixture();
    let p = pl(json!({"steps":[
        {"op":"filter","conditions":[{"column":"province","cmp":"eq","value":"Lac"}]},
        {"op":"sort","keys":[{"column":"age"}]},
        {"op":"limit","n":5}
    ]}));
    let (sql, params) = pipeline::to_sql(fx.store.conn(), "eleves", &p).unwrap();
    assert!(sql.contains("-- étape 1 : filtrer"));
    assert!(sql.contains("dj_fold(\"province\") = ?"));
    assert!(!sql.contains("Lac") && !sql.contains("lac"));
    assert_eq!(
        params,
        [
            rusqlite::types::Value::Text("lac".into()),
            rusqlite::types::Value::Integer(5)
        ]
    );
    let res = pipeline::run(fx.store.conn(), "eleves", &p, 10).unwrap();
    assert!(res.sql.contains("= 'lac'") && res.sql.contains("LIMIT 5"));
}
