//! Lesson packs: the built-in one and those installed from `.datajam` files, their
//! datasets loaded into the workspace, the facilitator's guide.

use crate::error::{Error, Result};
use crate::import::{self, ImportOptions};
use crate::pack::{localized, Pack};
use rusqlite::{params, OptionalExtension};
use std::path::Path;

use super::*;

impl Workshop {
    /// Installs a `.datajam` pack file (checked entirely first: nothing is installed when
    /// it is refused), then lists the installed packs again, so the new pack (or its new
    /// version) is playable at once. The report names the steps a replaced version had
    /// that this one has not (their progress is kept but no longer shown).
    pub fn install_pack(&mut self, file: &Path) -> Result<crate::pack::packfile::InstallReport> {
        let report = crate::pack::packfile::install(file, &self.data_dir)?;
        let builtin = self.packs.remove(0);
        let (installed, warnings) =
            crate::pack::packfile::installed_for_workshop(&builtin, &self.data_dir, self.lang);
        self.packs = vec![builtin];
        self.warnings = warnings;
        self.add_installed(installed);
        Ok(report)
    }

    /// Warnings about installed packs left out when the workshop opened.
    pub fn pack_warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Adds a pack (from a folder or a pack file) and loads its datasets. A pack with the
    /// id of one already loaded replaces it (a newer version of the built-in pack, say).
    pub fn add_pack(&mut self, pack: Pack) -> Result<()> {
        let index = match self.packs.iter().position(|p| p.id() == pack.id()) {
            Some(i) => {
                self.packs[i] = pack;
                i
            }
            None => {
                self.packs.push(pack);
                self.packs.len() - 1
            }
        };
        self.load_datasets(index)
    }

    /// The packs, with the profile's progress in each lesson when a profile is given.
    pub fn packs(&self, profile_id: Option<&str>) -> Result<Vec<PackSummary>> {
        let mut out = Vec::new();
        for pack in &self.packs {
            let tallies = match profile_id {
                Some(p) => self.store.tallies(p, pack.id())?,
                None => Default::default(),
            };
            let lessons = pack
                .lessons
                .iter()
                .map(|l| {
                    let statuses: Vec<Status> = l
                        .steps
                        .iter()
                        .map(|s| status(s, &tally_in(&tallies, &l.id, &s.id)))
                        .collect();
                    LessonSummary {
                        id: l.id.clone(),
                        title: localized(&l.title, self.lang),
                        steps: l.steps.len(),
                        done: statuses.iter().filter(|s| **s == Status::Done).count(),
                        required: l.completion.required(l.steps.len()),
                        status: lesson_status(l, &statuses),
                    }
                })
                .collect();
            out.push(PackSummary {
                id: pack.id().to_string(),
                version: pack.manifest.version.clone(),
                title: localized(&pack.manifest.title, self.lang),
                description: localized(&pack.manifest.description, self.lang),
                authors: pack.manifest.authors.clone(),
                licence: pack.manifest.licence.clone(),
                builtin: pack.origin == crate::pack::Origin::Builtin,
                has_guide: pack.manifest.guide.is_some(),
                lessons,
            });
        }
        Ok(out)
    }

    /// A loaded pack (the built-in one or an installed one) by its id.
    pub fn pack(&self, id: &str) -> Result<&Pack> {
        self.packs
            .iter()
            .find(|p| p.id() == id)
            .ok_or_else(|| Error::PackNotFound(id.to_string()))
    }

    /// The packs of this session: the built-in one first, then the installed ones.
    pub fn loaded_packs(&self) -> &[Pack] {
        &self.packs
    }

    /// A pack of this session by id.
    pub fn loaded_pack(&self, id: &str) -> Result<&Pack> {
        self.pack(id)
    }

    /// The facilitator's guide of a pack, sanitised, with its table of contents;
    /// [`Error::PackHasNoGuide`] when the pack has none.
    pub fn pack_guide(&self, pack_id: &str) -> Result<crate::pack::guide::GuideView> {
        let pack = self.pack(pack_id)?;
        crate::pack::guide::view(pack, self.lang)
            .ok_or_else(|| Error::PackHasNoGuide(pack_id.to_string()))
    }

    /// Installed packs come after the built-in one; one whose datasets cannot be loaded
    /// is left out with a warning, never fatal.
    pub(super) fn add_installed(&mut self, installed: Vec<Pack>) {
        for pack in installed {
            self.packs.push(pack);
            let last = self.packs.len() - 1;
            if let Err(e) = self.load_datasets(last) {
                let id = self.packs[last].id().to_string();
                self.warnings
                    .push(format!("{id}: {}", e.message(self.lang)));
                self.packs.pop();
            }
        }
    }

    /// Loads (or reloads, when the pack changed) the datasets of pack `index` into tables.
    pub(super) fn load_datasets(&mut self, index: usize) -> Result<()> {
        let pack = &self.packs[index];
        let hash = pack.content_hash();
        let pack_id = pack.id().to_string();
        let mut todo = Vec::new();
        for d in pack.datasets.iter().filter(|d| !d.import_step) {
            let loaded: Option<String> = self
                .store
                .conn()
                .query_row(
                    "SELECT content_hash FROM pack_datasets WHERE pack_id = ?1 AND resource = ?2",
                    params![pack_id, d.name],
                    |r| r.get(0),
                )
                .optional()?;
            if loaded.as_deref() != Some(hash.as_str()) {
                let bytes = pack.file(&d.path).unwrap_or_default().to_vec();
                todo.push((d.name.clone(), d.path.clone(), bytes));
            }
        }
        for (name, path, bytes) in todo {
            let opts = ImportOptions {
                table: Some(name.clone()),
                replace: true,
                lang: self.lang,
                ..Default::default()
            };
            import::import_bytes(self.store.conn_mut(), &path, &bytes, &opts)?;
            self.store.conn().execute(
                "INSERT INTO pack_datasets(pack_id, resource, table_name, content_hash, loaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(pack_id, resource) DO UPDATE SET
                   table_name = excluded.table_name, content_hash = excluded.content_hash, loaded_at = excluded.loaded_at",
                params![pack_id, name, name, hash, crate::store::now()],
            )?;
        }
        Ok(())
    }
}
