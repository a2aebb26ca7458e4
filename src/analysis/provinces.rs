//! Chad's 23 provinces: ISO 3166-2 codes, French names, chef-lieux, the code Natural
//! Earth uses, and the other spellings met in real files. The table is
//! `sample-data/reference/chad_provinces.csv`, compiled into the binary.
//!
//! Normalising any spelling to the ISO code lives here too (see [`normalise`]), so the
//! collect forms, the analysis and the map all agree on one key.

use std::sync::OnceLock;

/// The reference table, as shipped in `sample-data/reference/`.
pub const CSV: &str = include_str!("../../sample-data/reference/chad_provinces.csv");

/// One province.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Province {
    /// ISO 3166-2 code, e.g. `TD-ND`: the key to join on.
    pub code: String,
    /// French name, e.g. `Ville de N'Djamena`.
    pub name: String,
    pub chef_lieu: String,
    /// Natural Earth's HASC code; `TD.EN` stands for both Ennedi provinces.
    pub hasc: String,
    /// Other spellings met in real files.
    pub aliases: Vec<String>,
    /// 2009 census population, two secondary sources that disagree (see the README).
    pub pop_2009_a: Option<u64>,
    pub pop_2009_b: Option<u64>,
}

/// All 23 provinces, in the order of the reference table (alphabetical by code).
pub fn all() -> &'static [Province] {
    static ALL: OnceLock<Vec<Province>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut reader = csv::Reader::from_reader(CSV.as_bytes());
        reader
            .records()
            .map(|r| {
                let r = r.expect("the embedded province table is valid CSV");
                Province {
                    code: r[0].to_string(),
                    name: r[1].to_string(),
                    chef_lieu: r[2].to_string(),
                    pop_2009_a: r[3].parse().ok(),
                    pop_2009_b: r[4].parse().ok(),
                    hasc: r[5].to_string(),
                    aliases: r[6]
                        .split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                }
            })
            .collect()
    })
}

/// The province with this ISO 3166-2 code.
pub fn by_code(code: &str) -> Option<&'static Province> {
    all().iter().find(|p| p.code.eq_ignore_ascii_case(code))
}

/// A spelling folded for comparison: lower case, no accents, every run of characters
/// that is not a letter or digit (hyphens, apostrophes, dots, spaces) turned into one space,
/// and leading words that do not name the province ("ville de", "province du", "région
/// de", …) removed.
pub fn fold(s: &str) -> String {
    let lowered: String = crate::i18n::text::fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = lowered.split_whitespace().collect();
    let mut rest: &[&str] = &words;
    loop {
        match rest {
            ["ville" | "province" | "region" | "prefecture" | "city", tail @ ..]
                if !tail.is_empty() =>
            {
                rest = tail
            }
            ["de" | "du" | "des" | "d" | "of" | "la" | "l", tail @ ..] if !tail.is_empty() => {
                rest = tail
            }
            _ => break,
        }
    }
    rest.join(" ")
}

/// The province a spelling names: its ISO code (`TD-ND`, `td nd`), its Natural Earth code
/// when that names one province (`TD.NJ`), its French name or any known alias, compared
/// after [`fold`] and also with the spaces removed (`Ndjamena`, `N'Djamena`, `N Djamena`).
/// `None` when nothing matches, or when the spelling is ambiguous (plain "Ennedi": Est
/// or Ouest?).
pub fn normalise(spelling: &str) -> Option<&'static Province> {
    static INDEX: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut keys = Vec::new();
        for (i, p) in all().iter().enumerate() {
            let mut names = vec![p.code.clone(), p.name.clone()];
            names.extend(p.aliases.iter().cloned());
            if all().iter().filter(|q| q.hasc == p.hasc).count() == 1 {
                names.push(p.hasc.clone());
            }
            for n in names {
                let f = fold(&n);
                keys.push((f.replace(' ', ""), i));
                keys.push((f, i));
            }
        }
        keys
    });
    // Codes first, exactly: folding makes the ISO code `TD-MO` (Mayo-Kebbi Ouest) and the
    // Natural Earth code `TD.MO` (Moyen-Chari) the same key.
    let trimmed = spelling.trim();
    if trimmed.len() == 5 && trimmed.is_ascii() && trimmed[..2].eq_ignore_ascii_case("td") {
        match &trimmed[2..3] {
            "-" => return by_code(trimmed),
            "." => {
                let mut hits = all()
                    .iter()
                    .filter(|p| p.hasc.eq_ignore_ascii_case(trimmed));
                return match (hits.next(), hits.next()) {
                    (Some(p), None) => Some(p),
                    _ => None,
                };
            }
            _ => {}
        }
    }
    let folded = fold(spelling);
    if folded.is_empty() {
        return None;
    }
    let squeezed = folded.replace(' ', "");
    let mut found: Option<usize> = None;
    for (key, i) in index {
        if *key == folded || *key == squeezed {
            match found {
                Some(j) if j != *i => return None,
                _ => found = Some(*i),
            }
        }
    }
    found.map(|i| &all()[i])
}

/// The column [`normalise_column`] adds: the ISO 3166-2 code of the row's province.
pub const ISO_COLUMN: &str = "iso_3166_2";

/// A spelling that named no province (or an ambiguous one, like plain "Ennedi").
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unmatched {
    /// The cell as written in the table.
    pub value: String,
    /// Rows with that spelling.
    pub rows: u64,
}

/// What [`normalise_column`] did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NormaliseReport {
    /// The table's (lower-case) name.
    pub table: String,
    /// The column read.
    pub column: String,
    /// The column written: always [`ISO_COLUMN`].
    pub iso_column: String,
    /// Rows that got a code.
    pub matched: u64,
    /// Distinct codes found.
    pub provinces: usize,
    /// Spellings that named no province, most frequent first; their rows get no code.
    pub unmatched: Vec<Unmatched>,
    /// Rows with an empty cell.
    pub missing: u64,
}

fn cell_text(v: &rusqlite::types::Value) -> Option<String> {
    use rusqlite::types::Value;
    match v {
        Value::Null | Value::Blob(_) => None,
        Value::Integer(i) => Some(i.to_string()),
        Value::Real(r) => Some(r.to_string()),
        Value::Text(t) => Some(t.clone()).filter(|t| !t.trim().is_empty()),
    }
}

/// Adds (or refreshes) column [`ISO_COLUMN`] of an imported table with the ISO 3166-2 code
/// of the province named in `column`, any spelling ([`normalise`]), and lists the spellings
/// that matched nothing. All in one transaction: on any error the table is unchanged.
/// The new column is recorded in `workspace_tables.columns_json` (type text, label
/// "Code ISO 3166-2"), so it is listed, exported and joined like any other.
pub fn normalise_column(
    conn: &mut rusqlite::Connection,
    table: &str,
    column: &str,
) -> crate::Result<NormaliseReport> {
    use crate::store::tables::{quote_ident, table_info};
    use crate::store::tables::{ColumnInfo, ColumnType};
    use rusqlite::params;

    let info = table_info(conn, table)?;
    let source = info
        .column(column)
        .map(|c| c.name.clone())
        .ok_or_else(|| crate::Error::ColumnNotFound(column.to_string()))?;
    let t = quote_ident(&info.name);
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;

    // One look-up per distinct spelling, not per row.
    let mut spellings: Vec<(rusqlite::types::Value, u64)> = Vec::new();
    {
        let mut stmt = tx.prepare(&format!(
            "SELECT {c}, COUNT(*) FROM {t} GROUP BY {c}",
            c = quote_ident(&source)
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (v, n) = row?;
            spellings.push((v, u64::try_from(n).unwrap_or(0)));
        }
    }

    let has_column: bool = tx.query_row(
        "SELECT COUNT(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2 COLLATE NOCASE",
        params![info.name, ISO_COLUMN],
        |r| r.get(0),
    )?;
    if !has_column {
        tx.execute(
            &format!(
                "ALTER TABLE {t} ADD COLUMN {} TEXT",
                quote_ident(ISO_COLUMN)
            ),
            [],
        )?;
    }

    tx.execute_batch(
        "DROP TABLE IF EXISTS temp.datajam_province_map;
         CREATE TEMP TABLE datajam_province_map (spelling PRIMARY KEY, code TEXT NOT NULL);",
    )?;
    let mut report = NormaliseReport {
        table: info.name.clone(),
        column: source.clone(),
        iso_column: ISO_COLUMN.to_string(),
        matched: 0,
        provinces: 0,
        unmatched: Vec::new(),
        missing: 0,
    };
    let mut codes = std::collections::BTreeSet::new();
    {
        let mut insert =
            tx.prepare("INSERT INTO temp.datajam_province_map (spelling, code) VALUES (?1, ?2)")?;
        for (v, n) in &spellings {
            match cell_text(v) {
                None => report.missing += n,
                Some(text) => match normalise(&text) {
                    Some(p) => {
                        insert.execute(params![v, p.code])?;
                        report.matched += n;
                        codes.insert(p.code.as_str());
                    }
                    None => report.unmatched.push(Unmatched {
                        value: text,
                        rows: *n,
                    }),
                },
            }
        }
    }
    report.provinces = codes.len();
    report
        .unmatched
        .sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.value.cmp(&b.value)));
    // `+` strips the column's affinity: the stored spelling is compared as it was read,
    // and the map's primary key index is used (one pass over the table).
    tx.execute(
        &format!(
            "UPDATE {t} SET {iso} = (SELECT m.code FROM temp.datajam_province_map m WHERE m.spelling = +{t}.{c})",
            iso = quote_ident(ISO_COLUMN),
            c = quote_ident(&source)
        ),
        [],
    )?;
    tx.execute_batch("DROP TABLE temp.datajam_province_map;")?;

    if !info.columns.iter().any(|c| c.name == ISO_COLUMN) {
        let mut columns = info.columns.clone();
        // In an HXL-tagged table, the codes are tagged too.
        let hxl = columns
            .iter()
            .any(|c| c.hxl.is_some())
            .then(|| "#adm1+code".to_string());
        columns.push(ColumnInfo {
            name: ISO_COLUMN.to_string(),
            label: "Code ISO 3166-2".to_string(),
            column_type: ColumnType::Text,
            hxl,
        });
        let json = serde_json::to_string(&columns)
            .map_err(|e| crate::Error::Io(std::io::Error::other(e)))?;
        tx.execute(
            "UPDATE workspace_tables SET columns_json = ?1 WHERE name = ?2",
            params![json, info.name],
        )?;
    }
    tx.commit()?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_and_natural_earth_codes_do_not_collide() {
        // TD-MO is Mayo-Kebbi Ouest's ISO code and TD.MO Moyen-Chari's Natural Earth code.
        assert_eq!(super::normalise("TD-MO").unwrap().name, "Mayo-Kebbi Ouest");
        assert_eq!(
            super::normalise(" td-mo ").unwrap().name,
            "Mayo-Kebbi Ouest"
        );
        assert_eq!(super::normalise("TD.MO").unwrap().name, "Moyen-Chari");
        assert_eq!(super::normalise("TD-ZZ"), None);
    }

    use super::*;

    #[test]
    fn the_reference_table_has_23_provinces_with_unique_codes() {
        let all = all();
        assert_eq!(all.len(), 23);
        let mut codes: Vec<_> = all.iter().map(|p| p.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 23);
        assert_eq!(by_code("td-nd").unwrap().name, "Ville de N'Djamena");
        assert_eq!(by_code("TD-EE").unwrap().hasc, "TD.EN");
        assert_eq!(by_code("TD-EO").unwrap().hasc, "TD.EN");
        let total: u64 = all.iter().filter_map(|p| p.pop_2009_a).sum();
        assert_eq!(total, 11_039_873);
    }

    #[test]
    fn spellings_met_in_real_files_find_their_province() {
        let cases = [
            ("Ville de N'Djamena", "TD-ND"),
            ("N'DJAMENA", "TD-ND"),
            ("Ndjamena", "TD-ND"),
            ("n djaména", "TD-ND"),
            ("TD-ND", "TD-ND"),
            ("td.nj", "TD-ND"),
            ("Ouaddai", "TD-OD"),
            ("OUADDAÏ", "TD-OD"),
            ("Mayo Kebbi Est", "TD-ME"),
            ("mayo-kébbi-est", "TD-ME"),
            ("Barh-El-Gazel", "TD-BG"),
            ("Bahr el Ghazal", "TD-BG"),
            // The spelling of the MICS 2010 report (INSEED, table ED.4).
            ("Barh El Gazal", "TD-BG"),
            ("  Guéra ", "TD-GR"),
            ("Province du Guéra", "TD-GR"),
            ("Région du Lac", "TD-LC"),
            ("Logone Occidental", "TD-LO"),
            ("Dar Sila", "TD-SI"),
            ("Ennedi-Est", "TD-EE"),
            ("Ennedi Ouest", "TD-EO"),
        ];
        for (spelling, code) in cases {
            assert_eq!(
                normalise(spelling).map(|p| p.code.as_str()),
                Some(code),
                "{spelling}"
            );
        }
        for unknown in ["", "Ennedi", "TD.EN", "Paris", "Logone", "Ville de"] {
            assert!(normalise(unknown).is_none(), "{unknown}");
        }
    }
}
