//! Chad's 23 provinces: ISO 3166-2 codes, French names, chef-lieux, the code Natural
//! Earth uses, and the other spellings met in real files. The table is
//! `sample-data/reference/chad_provinces.csv`, compiled into the binary.
//!
//! Normalising any spelling to the ISO code lives here too (see [`normalise`]), so the
//! collect forms, the analysis and the map all agree on one key.

use std::sync::OnceLock;

/// The reference table, as shipped in `sample-data/reference/`.
pub const CSV: &str = include_str!("../sample-data/reference/chad_provinces.csv");

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
    use unicode_normalization::UnicodeNormalization;
    let lowered: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
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

#[cfg(test)]
mod tests {
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
