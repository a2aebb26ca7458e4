//! What the app says about a pack's dataset wherever it shows it: its title, description,
//! row count, sources and licences (from `datapackage.json`), and the one-line credit
//! « Source : … · Licence : … » put under a table, an editor or a chart. A table a data task
//! saved from a dataset is credited to that dataset. Built here, once, for the pack page,
//! the lesson steps, the Analyse screen and the list of the trainee's tables.

use crate::tr;
use serde::Serialize;

use crate::error::Result;
use crate::i18n::Lang;
use crate::pack::{localized, Dataset, Exercise, License, Pack, Source};
use crate::workshop::Workshop;

/// A pack dataset as the app shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DatasetInfo {
    pub pack_id: String,
    pub pack_title: String,
    /// The workspace table (a resource name, or the `result` of a data task).
    pub name: String,
    /// The dataset's title, description, sources and licences (for a result table, those
    /// of the dataset it was built from).
    pub title: String,
    pub description: String,
    /// Rows of the workspace table, when it exists.
    pub rows: Option<u64>,
    pub sources: Vec<Source>,
    pub licenses: Vec<License>,
    /// For a table saved by a data task: the pack dataset it was built from.
    pub derived_from: Option<String>,
    /// « Source : A ; B · Licence : C », in the user's language, to show under the data.
    pub credit: String,
}

/// The credit line of a dataset: its sources' titles and its licences.
pub fn credit(d: &Dataset, lang: Lang) -> String {
    let sources: Vec<&str> = d.sources.iter().map(|s| s.title.trim()).collect();
    let licenses: Vec<String> = d.licenses.iter().map(License::label).collect();
    tr!(
        lang,
        "workshop-credit",
        sources = sources.len(),
        source_list = sources.join(" ; "),
        licences = licenses.len(),
        licence_list = licenses.join(" ; ")
    )
}

/// The pack dataset a table comes from: the dataset itself, or the one a chain of data
/// tasks started from (`result` tables), with the pack.
fn origin<'a>(packs: &'a [Pack], table: &str) -> Option<(&'a Pack, &'a Dataset, bool)> {
    let mut name = table.to_string();
    // A chain of data tasks is short; the bound only guards against a loop.
    for hop in 0..32 {
        for pack in packs {
            if let Some(d) = pack.dataset(&name) {
                return Some((pack, d, hop > 0));
            }
        }
        let from = packs
            .iter()
            .flat_map(|p| &p.lessons)
            .flat_map(|l| &l.steps)
            .find_map(|s| match &s.exercise {
                Exercise::Data(t) if t.result.as_deref() == Some(name.as_str()) => {
                    Some(t.dataset.clone())
                }
                _ => None,
            })?;
        name = from;
    }
    None
}

impl Workshop {
    /// What to show about a table when it is a pack dataset (or was built from one by a
    /// data task); `None` for the trainee's own imports.
    pub fn dataset_info(&self, table: &str) -> Result<Option<DatasetInfo>> {
        let Some((pack, d, derived)) = origin(self.loaded_packs(), table) else {
            return Ok(None);
        };
        let mut info = self.info_of(pack, d, table)?;
        if derived {
            info.derived_from = Some(d.name.clone());
            info.credit = tr!(
                self.lang(),
                "workshop-credit-derived",
                dataset = &d.name,
                credit = &info.credit
            );
        }
        Ok(Some(info))
    }

    /// The datasets of a pack (of every loaded pack when `pack_id` is `None`), in the
    /// order of their `datapackage.json`.
    pub fn pack_datasets(&self, pack_id: Option<&str>) -> Result<Vec<DatasetInfo>> {
        let packs: Vec<&Pack> = match pack_id {
            Some(id) => vec![self.loaded_pack(id)?],
            None => self.loaded_packs().iter().collect(),
        };
        let mut out = Vec::new();
        for pack in packs {
            for d in &pack.datasets {
                out.push(self.info_of(pack, d, &d.name)?);
            }
        }
        Ok(out)
    }

    fn info_of(&self, pack: &Pack, d: &Dataset, table: &str) -> Result<DatasetInfo> {
        let rows = match crate::store::tables::table_info(self.store().conn(), table) {
            Ok(t) => Some(t.rows),
            Err(crate::Error::TableNotFound(_)) => None,
            Err(e) => return Err(e),
        };
        Ok(DatasetInfo {
            pack_id: pack.id().to_string(),
            pack_title: localized(&pack.manifest.title, self.lang()),
            name: table.to_string(),
            title: d.title.clone(),
            description: d.description.clone(),
            rows,
            sources: d.sources.clone(),
            licenses: d.licenses.clone(),
            derived_from: None,
            credit: credit(d, self.lang()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(sources: &[&str], licenses: &[(Option<&str>, Option<&str>)]) -> Dataset {
        Dataset {
            name: "d".into(),
            title: "D".into(),
            path: "data/d.csv".into(),
            description: String::new(),
            sources: sources
                .iter()
                .map(|t| Source {
                    title: t.to_string(),
                    path: None,
                })
                .collect(),
            licenses: licenses
                .iter()
                .map(|(name, title)| License {
                    name: name.map(str::to_string),
                    title: title.map(str::to_string),
                    path: None,
                })
                .collect(),
            import_step: false,
        }
    }

    #[test]
    fn credit_line_in_both_languages() {
        let one = dataset(&["INSEED, RGPH2 2009"], &[(Some("CC-BY-4.0"), None)]);
        assert_eq!(
            credit(&one, Lang::Fr),
            "Source : INSEED, RGPH2 2009 · Licence : CC-BY-4.0"
        );
        assert_eq!(
            credit(&one, Lang::En),
            "Source: INSEED, RGPH2 2009 · Licence: CC-BY-4.0"
        );
        let two = dataset(
            &["A", "B"],
            &[(Some("CC-BY-4.0"), Some("Creative Commons Attribution 4.0"))],
        );
        assert_eq!(
            credit(&two, Lang::Fr),
            "Sources : A ; B · Licence : Creative Commons Attribution 4.0"
        );
    }
}
