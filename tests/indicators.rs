//! Inequality indicators against worked examples from their sources (the arithmetic is
//! shown so each expected figure can be checked by hand), and `indicators::compute` on
//! imported tables: missing cells counted, typed errors with French messages.

use datajam::analysis::indicators::{self, *};
use datajam::i18n::Lang;
use datajam::import::{import_bytes, ImportOptions};
use datajam::store::Store;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {{
        let (a, b): (f64, f64) = ($a, $b);
        assert!(close(a, b), "{a} != {b}");
    }};
}

// ---------------------------------------------------------------------------
// Pure functions: worked examples
// ---------------------------------------------------------------------------

/// World Bank (Haughton & Khandker 2009, ch. 6): G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄).
/// Incomes 1, 2, 3, 4, 5: the ordered pairs differ by 1 (8 pairs), 2 (6), 3 (4), 4 (2),
/// so Σ |xᵢ − xⱼ| = 8 + 12 + 12 + 8 = 40; 2 n² x̄ = 2 × 25 × 3 = 150; G = 40 / 150 = 4/15.
#[test]
fn gini_world_bank_definition_worked_example() {
    assert_close!(gini(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap(), 4.0 / 15.0);
    // Order does not matter.
    assert_close!(gini(&[5.0, 3.0, 1.0, 4.0, 2.0]).unwrap(), 4.0 / 15.0);
    // Perfect equality: 0. One person has everything among n = 4: 1 − 1/n = 0.75.
    assert_close!(gini(&[7.0, 7.0, 7.0]).unwrap(), 0.0);
    assert_close!(gini(&[0.0, 0.0, 0.0, 10.0]).unwrap(), 0.75);
    // Scale invariance: the same shares in francs or thousands of francs.
    assert_close!(
        gini(&[1000.0, 2000.0, 3000.0, 4000.0, 5000.0]).unwrap(),
        4.0 / 15.0
    );
}

/// Weighted Gini = 1 − Σ (Pₖ − Pₖ₋₁)(Lₖ + Lₖ₋₁) (area under the Lorenz curve, World Bank
/// ch. 6). Incomes 10 (weight 3) and 20 (weight 1) are four people 10, 10, 10, 20:
/// P = 0, 0.75, 1; L = 0, 30/50 = 0.6, 1; G = 1 − (0.75 × 0.6 + 0.25 × 1.6) = 1 − 0.85
/// = 0.15. Unweighted, the two values 10 and 20 give |10 − 20| × 2 / (2 × 4 × 15) = 1/6.
#[test]
fn weighted_gini_counts_people_not_rows() {
    let weighted = gini_weighted(&[10.0, 20.0], &[3.0, 1.0]).unwrap();
    assert_close!(weighted, 0.15);
    assert_close!(gini(&[10.0, 10.0, 10.0, 20.0]).unwrap(), 0.15);
    let unweighted = gini(&[10.0, 20.0]).unwrap();
    assert_close!(unweighted, 1.0 / 6.0);
    assert!(weighted < unweighted);
    // Equal weights give the plain Gini, whatever the weight.
    let v = [3.0, 8.0, 1.0, 12.0, 5.0, 5.0, 40.0];
    assert_close!(gini_weighted(&v, &[2.5; 7]).unwrap(), gini(&v).unwrap());
    // A zero weight removes the value.
    assert_close!(
        gini_weighted(&[10.0, 20.0, 999.0], &[3.0, 1.0, 0.0]).unwrap(),
        0.15
    );
    // Lengths that differ, negative weights: no figure.
    assert_eq!(gini_weighted(&[1.0, 2.0], &[1.0]), None);
    assert_eq!(gini_weighted(&[1.0, 2.0], &[1.0, -1.0]), None);
}

/// Lorenz curve of 10, 20, 30, 40 (total 100): population shares 0, ¼, ½, ¾, 1 and
/// cumulative income shares 0, 0.1, 0.3, 0.6, 1.
#[test]
fn lorenz_curve_points() {
    let pts = lorenz(&[40.0, 10.0, 30.0, 20.0], None);
    let expected = [(0.0, 0.0), (0.25, 0.1), (0.5, 0.3), (0.75, 0.6), (1.0, 1.0)];
    assert_eq!(pts.len(), expected.len());
    for (p, e) in pts.iter().zip(expected) {
        assert_close!(p.0, e.0);
        assert_close!(p.1, e.1);
    }
    // Weighted: 10 × 3 people, 20 × 1 person.
    let w = lorenz(&[10.0, 20.0], Some(&[3.0, 1.0]));
    assert_close!(w[1].0, 0.75);
    assert_close!(w[1].1, 0.6);
    assert!(lorenz(&[], None).is_empty());
    assert!(lorenz(&[0.0, 0.0], None).is_empty());
}

/// Palma (Cobham & Sumner 2013): share of the richest 10 % / share of the poorest 40 %.
/// Ten people with incomes 2, 3, 4, 5, 6, 7, 9, 12, 16, 36 (total 100): the poorest four
/// hold 2 + 3 + 4 + 5 = 14 %, the richest one 36 %: Palma = 36 / 14 ≈ 2.571.
/// S80/S20 (OECD, Eurostat): richest two 16 + 36 = 52 %, poorest two 2 + 3 = 5 %: 10.4.
#[test]
fn palma_and_s80_s20_worked_example() {
    let v = [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 9.0, 12.0, 16.0, 36.0];
    assert_close!(palma(&v, None).unwrap(), 36.0 / 14.0);
    assert_close!(s80_s20(&v, None).unwrap(), 52.0 / 5.0);
    // Perfect equality: both ratios are the population ratios (10/40 and 20/20).
    assert_close!(palma(&[5.0; 10], None).unwrap(), 0.25);
    assert_close!(s80_s20(&[5.0; 10], None).unwrap(), 1.0);
    // Weighted: incomes 1 (4 people), 2 (5 people), 3 (1 person), total 17: the poorest
    // 40 % are the four at 1 (4/17), the richest 10 % the one at 3 (3/17): Palma 0.75.
    assert_close!(
        palma(&[1.0, 2.0, 3.0], Some(&[4.0, 5.0, 1.0])).unwrap(),
        0.75
    );
    // The poorest 40 % hold nothing: no ratio.
    assert_eq!(palma(&[0.0, 0.0, 0.0, 0.0, 1.0], None), None);
}

/// Coefficient of variation, population standard deviation: 2, 4, 4, 4, 5, 5, 7, 9 have
/// mean 5 and squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; 32 / 8 = 4, SD = 2,
/// CV = 2 / 5 = 0.4 (with the sample SD, √(32/7) / 5 ≈ 0.428, which is not what we use).
#[test]
fn coefficient_of_variation_uses_population_sd() {
    assert_close!(cv(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap(), 0.4);
    assert_close!(cv(&[3.0, 3.0]).unwrap(), 0.0);
    assert_eq!(cv(&[]), None);
    assert_eq!(cv(&[-1.0, 1.0]), None);
}

#[test]
fn max_min_ratio_examples() {
    assert_close!(max_min_ratio(&[2.0, 8.0, 4.0]).unwrap(), 4.0);
    assert_close!(max_min_ratio(&[5.0]).unwrap(), 1.0);
    assert_eq!(max_min_ratio(&[0.0, 8.0]), None);
    assert_eq!(max_min_ratio(&[]), None);
}

/// UNESCO UIS glossary, "Adjusted parity index": female NER 40 %, male NER 50 %: GPI =
/// 40 / 50 = 0.8 (adjusted the same). Reversed, the plain GPI is 50 / 40 = 1.25, which
/// looks like a larger disparity; the adjusted GPI is 2 − 1 / 1.25 = 2 − 0.8 = 1.2,
/// as far from 1 as 0.8.
#[test]
fn unesco_gpi_worked_example() {
    assert_close!(parity_index(40.0, 50.0).unwrap(), 0.8);
    assert_close!(gpi_adjusted(40.0, 50.0).unwrap(), 0.8);
    assert_close!(parity_index(50.0, 40.0).unwrap(), 1.25);
    assert_close!(gpi_adjusted(50.0, 40.0).unwrap(), 1.2);
    assert_close!(gpi_adjusted(60.0, 60.0).unwrap(), 1.0);
    // Bounded by 2: with no boy enrolled, 2 − 0 / 10 = 2 (the plain GPI has no value).
    assert_close!(gpi_adjusted(10.0, 0.0).unwrap(), 2.0);
    assert_eq!(parity_index(10.0, 0.0), None);
    assert_eq!(gpi_adjusted(0.0, 0.0), None);
    // Any pair: rural / urban (location parity index), 30 % vs 60 %: 0.5.
    assert_close!(parity_index(30.0, 60.0).unwrap(), 0.5);
}

/// Gap in percentage points: 45 % of girls vs 60 % of boys is −15 points (the relative
/// gap, −25 %, is another figure).
#[test]
fn gap_share_and_rates() {
    assert_close!(gap_points(45.0, 60.0), -15.0);
    assert_close!(share(25.0, 200.0).unwrap(), 12.5);
    assert_eq!(share(1.0, 0.0), None);
    // Crude birth rate (UN Demographic Yearbook definition): 1 500 births for a
    // population of 60 000 is 1 500 / 60 000 × 1 000 = 25 per 1 000.
    assert_close!(rate(1500.0, 60_000.0, 1000.0).unwrap(), 25.0);
    // Per capita: 3 000 000 francs for 1 200 people = 2 500 francs each.
    assert_close!(rate(3_000_000.0, 1200.0, 1.0).unwrap(), 2500.0);
    assert_eq!(rate(1.0, 0.0, 1000.0), None);
}

#[test]
fn edge_cases_of_the_gini_family() {
    // One value: nothing to compare, perfect equality.
    assert_close!(gini(&[42.0]).unwrap(), 0.0);
    // All zeros: nothing is shared, no figure.
    assert_eq!(gini(&[0.0, 0.0, 0.0]), None);
    // Negative incomes are refused, empty input has no figure.
    assert_eq!(gini(&[-1.0, 5.0]), None);
    assert_eq!(gini(&[]), None);
    assert_eq!(palma(&[-1.0, 5.0], None), None);
}

// ---------------------------------------------------------------------------
// compute() on an imported table
// ---------------------------------------------------------------------------

struct Db {
    _dir: tempfile::TempDir,
    store: Store,
}

fn db_with(name: &str, csv: &str) -> Db {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    import_bytes(
        store.conn_mut(),
        &format!("{name}.csv"),
        csv.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    Db { _dir: dir, store }
}

fn req(kind: &str) -> IndicatorRequest {
    IndicatorRequest {
        kind: kind.into(),
        ..Default::default()
    }
}

fn with(kind: &str, f: impl FnOnce(&mut IndicatorRequest)) -> IndicatorRequest {
    let mut r = req(kind);
    f(&mut r);
    r
}

const MENAGES: &str = "menage;revenu;taille\n\
a;2;1\nb;3;1\nc;4;1\nd;5;1\ne;6;1\nf;7;1\ng;9;1\nh;12;1\ni;16;1\nj;36;1\n\
k;;1\nl;n/a;1\nm;inconnu;1\n";

#[test]
fn compute_gini_counts_skipped_rows_and_formats_in_french() {
    let db = db_with("menages", MENAGES);
    let conn = db.store.conn();
    let r = compute(
        conn,
        "menages",
        &with("gini", |r| r.value = Some("revenu".into())),
        Lang::Fr,
    )
    .unwrap();
    let expected = gini(&[2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 9.0, 12.0, 16.0, 36.0]).unwrap();
    assert_close!(r.value, expected);
    assert_eq!(r.kind, "gini");
    assert_eq!(r.label_fr, "Indice de Gini");
    // 0.46 rounded, decimal comma.
    assert_eq!(
        r.value_fr,
        datajam::i18n::number::format_number_fr(expected, 2)
    );
    assert!(r.value_fr.contains(','), "{}", r.value_fr);
    assert!(
        r.explanation_fr
            .starts_with(&format!("Un indice de Gini de {}", r.value_fr)),
        "{}",
        r.explanation_fr
    );
    assert_eq!(r.details.n, 10);
    // "" and "n/a" are missing (n/a is in the import's missing list), "inconnu" is text.
    assert_eq!(r.details.skipped_missing, 2);
    assert_eq!(r.details.skipped_not_numeric, 1);
    assert_eq!(r.skipped, 3);
    let lorenz = r.details.lorenz.unwrap();
    assert_eq!(lorenz.len(), 11);
    assert_eq!(lorenz[0], [0.0, 0.0]);
    assert_eq!(lorenz[10], [1.0, 1.0]);

    let p = compute(
        conn,
        "menages",
        &with("palma", |r| r.value = Some("Revenu".into())),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(p.value, 36.0 / 14.0);
    assert_eq!(p.value_fr, "2,57");
    let s = compute(
        conn,
        "menages",
        &with("s80_s20", |r| r.value = Some("revenu".into())),
        Lang::Fr,
    )
    .unwrap();
    assert_eq!(s.kind, "s80s20");
    assert_eq!(s.value_fr, "10,40");
}

#[test]
fn weighted_gini_on_a_table_of_provinces() {
    // Mean income per province and its population: weights change the figure.
    let csv = "province;revenu_moyen;population\nA;10;3000\nB;20;1000\n";
    let db = db_with("prov", csv);
    let conn = db.store.conn();
    let w = compute(
        conn,
        "prov",
        &with("gini", |r| {
            r.value = Some("revenu_moyen".into());
            r.weight = Some("population".into());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(w.value, 0.15);
    assert!(w.explanation_fr.contains("pondéré"), "{}", w.explanation_fr);
    let u = compute(
        conn,
        "prov",
        &with("gini", |r| r.value = Some("revenu_moyen".into())),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(u.value, 1.0 / 6.0);
    // The UI sends "" for "no weight".
    let e = compute(
        conn,
        "prov",
        &with("lorenz", |r| {
            r.value = Some("revenu_moyen".into());
            r.weight = Some(String::new());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(e.value, 1.0 / 6.0);
    assert_eq!(e.label_fr, "Courbe de Lorenz");
}

#[test]
fn typed_errors_with_french_messages() {
    let csv = "nom;solde;zero;texte;sexe\na;-5;0;x;F\nb;10;0;y;M\n";
    let db = db_with("t", csv);
    let conn = db.store.conn();
    let e = compute(
        conn,
        "t",
        &with("gini", |r| r.value = Some("solde".into())),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(e.code(), "indicator.negative_value");
    let msg = e.message(Lang::Fr);
    assert!(msg.contains("valeur négative (-5)"), "{msg}");
    assert!(msg.contains("« solde »"), "{msg}");
    assert!(e.message(Lang::En).contains("negative value"));

    let e = compute(
        conn,
        "t",
        &with("gini", |r| r.value = Some("zero".into())),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(e.code(), "indicator.all_zero");
    assert!(e.message(Lang::Fr).contains("Toutes les valeurs"));

    let e = compute(
        conn,
        "t",
        &with("gini", |r| r.value = Some("texte".into())),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(e.code(), "indicator.no_values");
    assert!(matches!(
        e.stage(),
        Some(IndicatorError::NoValues { not_numeric: 2, .. })
    ));
    assert!(e.message(Lang::Fr).contains("aucun nombre"));

    let e = compute(conn, "t", &req("gini"), Lang::Fr).unwrap_err();
    assert_eq!(e.code(), "indicator.missing_argument");
    assert!(e.message(Lang::Fr).contains("colonne des valeurs"));

    let e = compute(conn, "t", &req("theil"), Lang::Fr).unwrap_err();
    assert_eq!(e.code(), "indicator.unknown_kind");
    assert!(e.message(Lang::Fr).contains("Indicateur inconnu"));

    let e = compute(
        conn,
        "t",
        &with("gini", |r| r.value = Some("absent".into())),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(e.code(), "table.column_not_found");
    let e = compute(
        conn,
        "nope",
        &with("gini", |r| r.value = Some("x".into())),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(e.code(), "table.not_found");

    let e = compute(
        conn,
        "t",
        &with("parity", |r| {
            r.group = Some("sexe".into());
            r.num = Some("Femmes".into());
            r.den = Some("M".into());
        }),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(e.code(), "indicator.group_not_found");
    let msg = e.message(Lang::Fr);
    assert!(
        msg.contains("« Femmes »") && msg.contains("« F », « M »"),
        "{msg}"
    );

    let e = compute(
        conn,
        "t",
        &with("rate", |r| {
            r.value = Some("solde".into());
            r.den = Some("zero".into());
        }),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(e.code(), "indicator.division_by_zero");
    assert!(
        e.message(Lang::Fr)
            .contains("la somme de « zero » est nulle"),
        "{}",
        e.message(Lang::Fr)
    );
    let e = compute(
        conn,
        "t",
        &with("max-min", |r| r.value = Some("solde".into())),
        Lang::Fr,
    )
    .unwrap_err();
    let msg = e.message(Lang::Fr);
    assert!(msg.contains("la plus petite valeur est -5,00"), "{msg}");
    assert!(e.message(Lang::En).contains("all positive"));
}

/// Micro data: one row per child, 0/1 "scolarise". Girls: 3 of 5 enrolled (60 %), boys:
/// 3 of 4 (75 %). GPI = 60 / 75 = 0.8; gap = 60 − 75 = −15 points.
const ENFANTS: &str = "enfant;sexe;scolarise\n\
1;F;1\n2;F;1\n3;F;1\n4;F;0\n5;F;0\n6;M;1\n7;M;1\n8;M;1\n9;M;0\n10;;1\n";

#[test]
fn parity_gpi_and_gap_on_micro_data() {
    let db = db_with("enfants", ENFANTS);
    let conn = db.store.conn();
    let pair = |kind: &str, num: &str, den: &str| {
        compute(
            conn,
            "enfants",
            &with(kind, |r| {
                r.value = Some("scolarise".into());
                r.group = Some("sexe".into());
                r.num = Some(num.into());
                r.den = Some(den.into());
            }),
            Lang::Fr,
        )
        .unwrap()
    };
    let p = pair("parity", "F", "M");
    assert_close!(p.value, 0.8);
    assert_eq!(p.value_fr, "0,80");
    assert!(
        p.explanation_fr.contains("en défaveur de « F »"),
        "{}",
        p.explanation_fr
    );
    // The row with no sex is skipped and counted.
    assert_eq!(p.details.skipped_missing, 1);
    assert_eq!(p.details.n, 9);
    let groups = p.details.groups.unwrap();
    assert_eq!(groups.len(), 2);
    assert_close!(groups[0].value, 60.0);
    assert_eq!(groups[0].rows, 5);

    let reversed = pair("gpi", "M", "F");
    assert_close!(reversed.value, 2.0 - 0.8);
    assert_eq!(reversed.value_fr, "1,20");
    assert_close!(pair("parity", "m", "f").value, 1.25);

    let gap = pair("gap", "F", "M");
    assert_close!(gap.value, -15.0);
    assert_eq!(gap.value_fr, "-15,0 points");
    assert_eq!(gap.label_fr, "Écart");

    // Without a value column: counts of rows (5 girls, 4 boys).
    let counts = compute(
        conn,
        "enfants",
        &with("parity", |r| {
            r.group = Some("sexe".into());
            r.num = Some("F".into());
            r.den = Some("M".into());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(counts.value, 1.25);
}

#[test]
fn parity_on_an_aggregated_table_uses_each_groups_value() {
    // Already aggregated: one row per group (UIS-style NER by sex).
    let db = db_with("ner", "sexe;taux_net\nFilles;40\nGarçons;50\n");
    let conn = db.store.conn();
    let r = compute(
        conn,
        "ner",
        &with("gpi", |r| {
            r.value = Some("taux_net".into());
            r.group = Some("sexe".into());
            r.num = Some("Filles".into());
            r.den = Some("garçons".into());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(r.value, 0.8);
    let g = compute(
        conn,
        "ner",
        &with("gap", |r| {
            r.value = Some("taux_net".into());
            r.group = Some("sexe".into());
            r.num = Some("Filles".into());
            r.den = Some("Garçons".into());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_eq!(g.value_fr, "-10,0 points");
}

#[test]
fn share_rate_cv_and_max_min_on_a_table() {
    let csv = "province;naissances;population;ecoles\n\
Guéra;1500;60000;30\nSalamat;500;40000;10\nLac;1000;50000;20\nLac;1000;50000;40\n";
    let db = db_with("demo", csv);
    let conn = db.store.conn();
    // Share of Lac in births: 2 000 / 4 000 = 50 %.
    let s = compute(
        conn,
        "demo",
        &with("share", |r| {
            r.value = Some("naissances".into());
            r.group = Some("province".into());
            r.num = Some("Lac".into());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(s.value, 50.0);
    assert_eq!(s.value_fr, "50,0 %");
    let groups = s.details.groups.unwrap();
    assert_eq!(groups[0].group, "Lac");
    assert_close!(groups.iter().map(|g| g.value).sum::<f64>(), 100.0);
    // Without num: the largest group. Without value: shares of rows.
    let rows = compute(
        conn,
        "demo",
        &with("share", |r| r.group = Some("province".into())),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(rows.value, 50.0);

    // Birth rate: 4 000 / 200 000 × 1 000 = 20 ‰; Guéra alone 25 ‰.
    let r = compute(
        conn,
        "demo",
        &with("rate", |r| {
            r.value = Some("naissances".into());
            r.den = Some("population".into());
            r.group = Some("province".into());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(r.value, 20.0);
    assert_eq!(r.value_fr, "20,00 ‰");
    let g = r.details.groups.unwrap();
    assert_close!(g.iter().find(|g| g.group == "Guéra").unwrap().value, 25.0);
    // Per capita, and per 100 000 with a thousands separator.
    let pc = compute(
        conn,
        "demo",
        &with("per-capita", |r| {
            r.value = Some("population".into());
            r.den = Some("ecoles".into());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(pc.value, 2000.0);
    assert_eq!(pc.value_fr, "2\u{202F}000,0");
    let big = compute(
        conn,
        "demo",
        &with("rate", |r| {
            r.value = Some("naissances".into());
            r.den = Some("population".into());
            r.per = Some(100_000.0);
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_eq!(big.value_fr, "2\u{202F}000,0 pour 100\u{202F}000");
    let bad = compute(
        conn,
        "demo",
        &with("rate", |r| {
            r.value = Some("naissances".into());
            r.den = Some("population".into());
            r.per = Some(0.0);
        }),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(bad.code(), "indicator.invalid_per");

    // max/min over rows: 40 / 10 = 4; over province means (30, 10, 30): 3.
    let m = compute(
        conn,
        "demo",
        &with("max_min", |r| r.value = Some("ecoles".into())),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(m.value, 4.0);
    assert_eq!(m.kind, "max-min");
    let mg = compute(
        conn,
        "demo",
        &with("max-min", |r| {
            r.value = Some("ecoles".into());
            r.group = Some("province".into());
        }),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(mg.value, 3.0);
    // CV of 30, 10, 20, 40: mean 25, population SD √125 ≈ 11.18, CV ≈ 0.447.
    let c = compute(
        conn,
        "demo",
        &with("cv", |r| r.value = Some("ecoles".into())),
        Lang::Fr,
    )
    .unwrap();
    assert_close!(c.value, 125f64.sqrt() / 25.0);
    assert_eq!(c.value_fr, "0,45");
}

#[test]
fn request_deserialises_from_the_ui_json() {
    let r: IndicatorRequest = serde_json::from_str(
        r#"{"kind":"parity","value":"","weight":null,"group":"sexe","num":"F","den":"M"}"#,
    )
    .unwrap();
    assert_eq!(r.kind, "parity");
    assert_eq!(r.per, None);
    let db = db_with("enfants", ENFANTS);
    // value "" means no value column: counts of rows.
    let out = indicators::compute(db.store.conn(), "enfants", &r, Lang::Fr).unwrap();
    assert_close!(out.value, 1.25);
    let json = serde_json::to_value(&out).unwrap();
    for key in [
        "kind",
        "value",
        "label_fr",
        "value_fr",
        "explanation_fr",
        "details",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    for key in [
        "n",
        "skipped_missing",
        "skipped_not_numeric",
        "lorenz",
        "groups",
    ] {
        assert!(json["details"].get(key).is_some(), "details.{key}");
    }
}
