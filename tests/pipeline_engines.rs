//! The in-memory group engine gives the same results as SQLite for every aggregate, key
//! type, filters (« et », « ou ») before the group and steps after it.

use datajam::analysis::pipeline::{self, Engine, Pipeline};
use datajam::analysis::ResultTable;
use datajam::import::{import_bytes, ImportOptions};
use datajam::store::Store;
use serde_json::{json, Value};

const PROVINCES: &[&str] = &[
    "Lac",
    "Kanem",
    "Ouaddaï",
    "N'Djaména",
    "Mayo-Kebbi Est",
    "",
    "lac",
];

fn csv(n: usize) -> String {
    let mut s = String::from("id;province;sexe;age;revenu;date;actif;code\n");
    for i in 0..n {
        let h = (i * 2_654_435_761usize) % 1_000_003;
        let age = if h.is_multiple_of(17) {
            String::new()
        } else {
            (h % 90).to_string()
        };
        let revenu = if h.is_multiple_of(13) {
            String::new()
        } else {
            format!("{},{}", h % 5000, h % 100)
        };
        let date = if h.is_multiple_of(11) {
            String::new()
        } else {
            format!("20{:02}-{:02}-{:02}", 10 + h % 15, 1 + h % 12, 1 + h % 28)
        };
        let actif = ["oui", "non", ""][h % 3];
        s.push_str(&format!(
            "{i};{};{};{age};{revenu};{date};{actif};TD-{}\n",
            PROVINCES[h % PROVINCES.len()],
            ["F", "M"][i % 2],
            h % 4
        ));
    }
    s
}

fn fixture() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data")).unwrap();
    let opts = ImportOptions {
        table: Some("m".into()),
        ..Default::default()
    };
    import_bytes(store.conn_mut(), "m.csv", csv(3000).as_bytes(), &opts).unwrap();
    import_bytes(
        store.conn_mut(),
        "population.csv",
        b"code;population\nTD-0;1000\nTD-1;2500\nTD-2;0\n",
        &ImportOptions::default(),
    )
    .unwrap();
    (dir, store)
}

fn close(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) if a.is_f64() || b.is_f64() => {
            (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
        }
        _ => a == b,
    }
}

fn same(sql: &ResultTable, mem: &ResultTable, what: &str) {
    assert_eq!(sql.columns, mem.columns, "{what}");
    assert_eq!(sql.total_rows, mem.total_rows, "{what}");
    assert_eq!(sql.sql, mem.sql, "{what}");
    assert_eq!(sql.rows.len(), mem.rows.len(), "{what}");
    for (i, (a, b)) in sql.rows.iter().zip(&mem.rows).enumerate() {
        assert!(
            a.iter().zip(b).all(|(x, y)| close(x, y)),
            "{what}: row {i}: SQL {a:?} vs columns {b:?}"
        );
    }
}

#[test]
fn both_engines_agree() {
    let (_dir, store) = fixture();
    let all_aggs = json!([
        {"fn":"count","as":"n"},
        {"fn":"count","column":"age","as":"n_age"},
        {"fn":"sum","column":"age","as":"s_age"},
        {"fn":"sum","column":"revenu","as":"s_rev"},
        {"fn":"mean","column":"age","as":"m_age"},
        {"fn":"mean","column":"revenu","as":"m_rev"},
        {"fn":"median","column":"revenu","as":"med"},
        {"fn":"median","column":"age","as":"med_age"},
        {"fn":"min","column":"date","as":"premier"},
        {"fn":"max","column":"province","as":"pmax"},
        {"fn":"min","column":"revenu","as":"rmin"},
        {"fn":"max","column":"age","as":"amax"},
        {"fn":"share","column":"revenu","as":"part"},
        {"fn":"share","column":"age","as":"part_age"},
        {"fn":"share","as":"part_lignes"},
        {"fn":"mean","column":"actif","as":"taux_actifs"}
    ]);
    let cases = vec![
        json!({"steps":[{"op":"group","by":["province","sexe"],"aggregates":all_aggs}]}),
        json!({"steps":[{"op":"group","by":[],"aggregates":all_aggs}]}),
        json!({"steps":[{"op":"group","by":["age"],"aggregates":all_aggs}]}),
        json!({"steps":[{"op":"group","by":["revenu"],"aggregates":[{"fn":"count","as":"n"}]}]}),
        json!({"steps":[{"op":"group","by":["actif","date"],"aggregates":[{"fn":"count","as":"n"},{"fn":"sum","column":"revenu","as":"s"}]}]}),
        // More key combinations than the dense table allows: the hash map.
        json!({"steps":[{"op":"group","by":["id","revenu","age"],"aggregates":[{"fn":"count","as":"n"}]}]}),
        json!({"steps":[
            {"op":"filter","conditions":[{"column":"sexe","cmp":"eq","value":"f"},{"column":"age","cmp":"gt","value":"20,5"}]},
            {"op":"group","by":["province"],"aggregates":all_aggs},
            {"op":"sort","keys":[{"column":"n","desc":true}]},
            {"op":"limit","n":3}
        ]}),
        // Conditions combined with « ou », then with « et ».
        json!({"steps":[
            {"op":"filter","match":"any","conditions":[
                {"column":"province","cmp":"eq","value":"lac"},
                {"column":"age","cmp":"is_missing"},
                {"column":"revenu","cmp":"ge","value":"4 900"}]},
            {"op":"filter","conditions":[{"column":"actif","cmp":"not_missing"}]},
            {"op":"group","by":["province","actif"],"aggregates":all_aggs}
        ]}),
        json!({"steps":[
            {"op":"filter","conditions":[{"column":"province","cmp":"contains","value":"DJA"}]},
            {"op":"group","by":["sexe"],"aggregates":[{"fn":"count","as":"n"},{"fn":"share","as":"p"}]}
        ]}),
        // Nothing left after the filter.
        json!({"steps":[
            {"op":"filter","conditions":[{"column":"province","cmp":"eq","value":"Tibesti"}]},
            {"op":"group","by":[],"aggregates":all_aggs}
        ]}),
        json!({"steps":[
            {"op":"filter","conditions":[{"column":"province","cmp":"eq","value":"Tibesti"}]},
            {"op":"group","by":["province"],"aggregates":all_aggs}
        ]}),
        json!({"steps":[
            {"op":"group","by":["province","sexe"],"aggregates":[{"fn":"count","as":"effectif"}]},
            {"op":"pivot","index":["province"],"columns":"sexe","values":"effectif","agg":"sum"},
            {"op":"derive","as":"total","fn":"add","a":{"column":"F"},"b":{"column":"M"}}
        ]}),
        json!({"steps":[
            {"op":"group","by":["code"],"aggregates":[{"fn":"count","as":"n"},{"fn":"mean","column":"revenu","as":"r"}]},
            {"op":"join","table":"population","left_on":"code","right_on":"code","how":"left"},
            {"op":"derive","as":"pour_mille","fn":"per_1000","a":{"column":"n"},"b":{"column":"population"}},
            {"op":"filter","conditions":[{"column":"pour_mille","cmp":"not_missing"}]}
        ]}),
    ];
    for (i, case) in cases.iter().enumerate() {
        let p = Pipeline::from_json(&case.to_string()).unwrap();
        for max_rows in [2, 10_000] {
            let sql = pipeline::run_with(store.conn(), "m", &p, max_rows, Engine::Sql).unwrap();
            let mem = pipeline::run_with(store.conn(), "m", &p, max_rows, Engine::Columns).unwrap();
            same(&sql, &mem, &format!("case {i}, max_rows {max_rows}"));
            assert!(sql.total_rows > 0 || i == 10, "case {i} is not empty");
        }
    }
}
