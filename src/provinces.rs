//! Chad's 23 provinces: ISO 3166-2 codes, French names, chef-lieux, the code Natural
//! Earth uses, and the other spellings met in real files. The table is
//! `sample-data/reference/chad_provinces.csv`, compiled into the binary.
//!
//! Normalising any spelling to the ISO code lives here too (`normalise`, to come), so the
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
}
