use super::*;

fn form() -> Form {
    toml::from_str(
        r#"
table = "ecoles"
[[fields]]
name = "nom"
label = "Nom de l'école"
type = "text"
required = true
[[fields]]
name = "eleves"
label = "Nombre d'élèves"
type = "integer"
required = true
min = 0
max = 5000
[[fields]]
name = "province"
label = "Province"
type = "choice"
choices = [{ value = "TD-GR", label = "Guéra" }, { value = "TD-OD", label = "Ouaddaï" }]
"#,
    )
    .unwrap()
}

fn input(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn valid_record_is_typed() {
    let v = form()
        .validate(
            &input(&[
                ("nom", " École de Mongo "),
                ("eleves", "1 250"),
                ("province", "TD-GR"),
            ]),
            Lang::Fr,
        )
        .unwrap();
    assert_eq!(v[0].1, Value::Text("École de Mongo".into()));
    assert_eq!(v[1].1, Value::Integer(1250));
    assert_eq!(v[2].1, Value::Text("TD-GR".into()));
}

#[test]
fn invalid_values_get_french_messages() {
    let errs = form()
        .validate(
            &input(&[("nom", ""), ("eleves", "9000"), ("province", "TD-XX")]),
            Lang::Fr,
        )
        .unwrap_err();
    let msg = |f: &str| {
        errs.iter()
            .find(|e| e.field == f)
            .map(|e| e.message.clone())
            .unwrap()
    };
    assert_eq!(msg("nom"), "Ce champ est obligatoire.");
    assert_eq!(
        msg("eleves"),
        "La valeur doit être comprise entre 0 et 5\u{202F}000."
    );
    assert_eq!(msg("province"), "Choisissez une des valeurs proposées.");
    let errs = form()
        .validate(&input(&[("nom", "x"), ("eleves", "12,5")]), Lang::Fr)
        .unwrap_err();
    assert_eq!(
        errs[0].message,
        "Saisissez un nombre entier, par exemple 42."
    );
}

#[test]
fn records_round_trip_and_columns_are_added_later() {
    let conn = Connection::open_in_memory().unwrap();
    let f = form();
    let v = f
        .validate(&input(&[("nom", "A"), ("eleves", "3")]), Lang::Fr)
        .unwrap();
    f.insert(&conn, "p1", &v).unwrap();
    let mut f2 = f.clone();
    f2.fields.push(Field {
        name: "latrines".into(),
        label: "Latrines".into(),
        field_type: FieldType::Integer,
        ..Default::default()
    });
    let v2 = f2
        .validate(
            &input(&[("nom", "B"), ("eleves", "4"), ("latrines", "2")]),
            Lang::Fr,
        )
        .unwrap();
    f2.insert(&conn, "p1", &v2).unwrap();
    let recs = f2.records(&conn, "p1").unwrap();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["nom"], "A");
    assert_eq!(recs[0]["latrines"], serde_json::Value::Null);
    assert_eq!(recs[1]["latrines"], 2);
    assert!(f2.records(&conn, "someone-else").unwrap().is_empty());
}

#[test]
fn definition_problems_are_found() {
    let mut f = form();
    f.table = "Robert'); DROP TABLE x;--".into();
    f.fields[2].choices.clear();
    let p = f.definition_problems();
    assert_eq!(p.len(), 2, "{p:?}");
}

fn rich_form() -> Form {
    let mut f: Form = toml::from_str(
            r#"
table = "visites"
[[fields]]
name = "code"
label = "Code de l'école"
type = "text"
pattern = "[A-Z]{2}-[0-9]{3}"
constraint_message = "Le code s'écrit comme GR-012."
[[fields]]
name = "jour"
label = "Date de la visite"
type = "date"
required = true
min = "2020-01-01"
max = "today"
[[fields]]
name = "equipements"
label = "Équipements"
type = "multiple"
choices = [{ value = "eau", label = "Point d'eau" }, { value = "latrines", label = "Latrines" }, { value = "electricite", label = "Électricité" }]
[[fields]]
name = "province"
label = "Province"
type = "province"
required = true
[[fields]]
name = "lieu"
label = "Position"
type = "location"
within_chad = true
[[fields]]
name = "age"
label = "Âge"
type = "integer"
min = 0
max = 120
constraint_message = "Un âge entre 0 et 120 ans."
"#,
        )
        .unwrap();
    f.resolve();
    f
}

#[test]
fn new_field_types_are_typed_and_stored() {
    let f = rich_form();
    assert!(
        f.definition_problems().is_empty(),
        "{:?}",
        f.definition_problems()
    );
    assert_eq!(f.fields[3].choices.len(), 23);
    let v = f
        .validate(
            &input(&[
                ("code", "GR-012"),
                ("jour", "15/03/2025"),
                ("equipements", "latrines eau latrines"),
                ("province", "ndjamena"),
                ("lieu_lat", "12,11"),
                ("lieu_lon", "15,05"),
                ("age", "8"),
            ]),
            Lang::Fr,
        )
        .unwrap();
    let get = |n: &str| {
        v.iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get("jour"), Value::Text("2025-03-15".into()));
    assert_eq!(get("equipements"), Value::Text("eau latrines".into()));
    assert_eq!(get("province"), Value::Text("TD-ND".into()));
    assert_eq!(get("lieu_lat"), Value::Decimal(12.11));
    assert_eq!(get("lieu_lon"), Value::Decimal(15.05));
    // The geopoint written the ODK way in one value.
    let v2 = f
        .validate(
            &input(&[
                ("jour", "2025-03-15"),
                ("province", "Mayo Kebbi Est"),
                ("lieu", "13.5 20.8 0 5"),
            ]),
            Lang::Fr,
        )
        .unwrap();
    assert!(v2.contains(&("lieu_lon".to_string(), Value::Decimal(20.8))));
    assert!(v2.contains(&("province".to_string(), Value::Text("TD-ME".into()))));
    let conn = Connection::open_in_memory().unwrap();
    f.insert(&conn, "p", &v).unwrap();
    f.insert(&conn, "p", &v2).unwrap();
    let recs = f.records(&conn, "p").unwrap();
    assert_eq!(recs[0]["equipements"], "eau latrines");
    assert_eq!(recs[0]["lieu_lat"], 12.11);
    assert_eq!(recs[1]["equipements"], serde_json::Value::Null);
    assert_eq!(recs[1]["jour"], "2025-03-15");
}

#[test]
fn constraints_of_new_types_give_clear_messages() {
    let f = rich_form();
    let errs = f
        .validate(
            &input(&[
                ("code", "gr12"),
                ("jour", "31/02/2025"),
                ("equipements", "eau piscine"),
                ("province", "Ennedi"),
                ("lieu", "15.05 12.11"),
                ("age", "130"),
            ]),
            Lang::Fr,
        )
        .unwrap_err();
    let msg = |n: &str| {
        errs.iter()
            .find(|e| e.field == n)
            .map(|e| e.message.clone())
            .unwrap()
    };
    assert_eq!(msg("code"), "Le code s'écrit comme GR-012.");
    assert_eq!(msg("jour"), "Saisissez une date, par exemple 15/03/2025.");
    assert_eq!(msg("equipements"), "Choisissez une des valeurs proposées.");
    assert_eq!(msg("province"), "Choisissez une province de la liste.");
    assert!(msg("lieu").contains("inversées"), "{}", msg("lieu"));
    assert_eq!(msg("age"), "Un âge entre 0 et 120 ans.");
    let errs = f
        .validate(
            &input(&[
                ("jour", "01/01/2019"),
                ("province", "TD-ND"),
                ("lieu", "48.85 2.35"),
            ]),
            Lang::Fr,
        )
        .unwrap_err();
    assert!(
        msg_of(&errs, "jour").starts_with("La date doit être comprise entre le 01/01/2020 et le ")
    );
    assert!(msg_of(&errs, "lieu").starts_with("Ce point n'est pas au Tchad"));
    let errs = f
        .validate(
            &input(&[
                ("jour", "2021-06-01"),
                ("province", "TD-ND"),
                ("lieu_lat", "12"),
            ]),
            Lang::Fr,
        )
        .unwrap_err();
    assert_eq!(errs.len(), 1);
    assert!(msg_of(&errs, "lieu").starts_with("Saisissez la latitude et la longitude"));
    let errs = f
        .validate(&input(&[("jour", "2021-06-01")]), Lang::En)
        .unwrap_err();
    assert_eq!(msg_of(&errs, "province"), "This field is required.");
}

fn msg_of(errs: &[FieldError], field: &str) -> String {
    errs.iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
        .unwrap_or_default()
}

#[test]
fn bad_definitions_of_new_types() {
    let mut f = rich_form();
    f.fields[0].pattern = Some("[A-Z".into());
    f.fields[1].min = Some(Limit::Date("hier".into()));
    f.fields[2].choices[0].value = "point eau".into();
    f.fields[3].choices = vec![Choice {
        value: "TD-XX".into(),
        label: "?".into(),
    }];
    f.fields[4].within_chad = false;
    f.fields[5].pattern = Some("[0-9]+".into());
    f.fields.push(Field {
        name: "lieu_lat".into(),
        label: "x".into(),
        ..Default::default()
    });
    let p = f.definition_problems();
    for needle in [
        "invalid pattern `[A-Z`",
        "min and max of a date are ISO dates",
        "may not contain spaces",
        "`TD-XX` is not the ISO code",
        "pattern is for text fields",
        "column `lieu_lat` is used by fields `lieu` and `lieu_lat`",
    ] {
        assert!(p.iter().any(|m| m.contains(needle)), "{needle}: {p:?}");
    }
    assert_eq!(p.len(), 6, "{p:?}");
}

#[test]
fn restricted_province_list_and_dates() {
    let mut f = rich_form();
    f.fields[3].choices = vec![Choice {
        value: "TD-GR".into(),
        label: "Guéra".into(),
    }];
    let errs = f
        .validate(
            &input(&[("jour", "2021-06-01"), ("province", "TD-ND")]),
            Lang::Fr,
        )
        .unwrap_err();
    assert_eq!(
        msg_of(&errs, "province"),
        "Choisissez une province de la liste."
    );
    assert!(f
        .validate(
            &input(&[("jour", "2021-06-01"), ("province", "guera")]),
            Lang::Fr
        )
        .is_ok());
    assert_eq!(parse_date("2025-13-01"), None);
    assert_eq!(
        parse_date("15.03.2025"),
        chrono::NaiveDate::from_ymd_opt(2025, 3, 15)
    );
    assert_eq!(parse_date("15/03/0025"), None);
}
