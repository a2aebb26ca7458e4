//! A facilitator's pack tools: check a pack folder or file (and what a new version
//! orphans), build the pack file for the USB stick, read an XLSForm, and the pack a
//! command names (`builtin`, a loaded pack's id, a folder or a file).

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Result;
use crate::pack::packfile::{self, BuildReport, OrphanedStep, PackFileError};
use crate::pack::xlsform::{self, XlsForm};
use crate::pack::{PackError, Problem};

use super::*;

/// What checking a pack folder or file found.
#[derive(Debug, Clone)]
pub struct PackCheck {
    /// The pack, when it has no problem.
    pub pack: Option<Pack>,
    /// Every problem found; none when the pack is valid.
    pub problems: Vec<Problem>,
    /// Rows of an XLSForm left out: said, not refused.
    pub warnings: Vec<Problem>,
    /// The previous version's number, when one was given and the pack is valid.
    pub previous_version: Option<String>,
    /// The steps of the previous version that this one no longer has (progress on them is
    /// orphaned), when a previous version was given and the pack is valid.
    pub orphaned: Option<Vec<OrphanedStep>>,
}

/// What checking a pack folder found, as the facilitator's desk shows it: the pack's
/// figures when it is valid, else every problem with its file and line.
#[derive(Debug, Clone, Serialize)]
pub struct PackCheckReport {
    /// The folder or file checked.
    pub path: PathBuf,
    pub ok: bool,
    /// The pack's id and version, when it is valid.
    pub id: Option<String>,
    pub version: Option<String>,
    pub lessons: usize,
    pub steps: usize,
    pub datasets: usize,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl PackCheck {
    /// The check of the pack at `path`, as the facilitator's desk shows it.
    pub fn report(&self, path: &Path) -> PackCheckReport {
        let pack = self.pack.as_ref();
        PackCheckReport {
            path: path.to_path_buf(),
            ok: self.problems.is_empty(),
            id: pack.map(|p| p.id().to_string()),
            version: pack.map(|p| p.manifest.version.clone()),
            lessons: pack.map_or(0, |p| p.lessons.len()),
            steps: pack.map_or(0, |p| p.lessons.iter().map(|l| l.steps.len()).sum()),
            datasets: pack.map_or(0, |p| p.datasets.len()),
            problems: self.problems.clone(),
            warnings: self.warnings.clone(),
        }
    }
}

impl Workshop {
    /// The name suggested for the pack file of the pack folder `dir`: `<id>-<version>.datajam`.
    pub fn pack_file_name(dir: &Path) -> Result<String> {
        let pack = packfile::load(dir)?;
        Ok(format!(
            "{}-{}.{}",
            pack.id(),
            pack.manifest.version,
            packfile::EXTENSION
        ))
    }

    /// Checks the pack folder or pack file at `path`: a pack with problems is a
    /// [`PackCheck`] listing them, a pack that cannot be read at all an error. With
    /// `previous` (a folder or file of the version before), also lists the steps it had
    /// that this one has not.
    pub fn check_pack(path: &Path, previous: Option<&Path>) -> Result<PackCheck> {
        let pack = match packfile::load(path) {
            Err(PackFileError::Pack(PackError::Invalid(problems))) => {
                return Ok(PackCheck {
                    pack: None,
                    problems,
                    warnings: Vec::new(),
                    previous_version: None,
                    orphaned: None,
                })
            }
            other => other?,
        };
        let (previous_version, orphaned) = match previous {
            Some(prev) => {
                let prev = packfile::load(prev)?;
                let orphaned = packfile::orphaned_steps(&prev, &pack);
                (Some(prev.manifest.version), Some(orphaned))
            }
            None => (None, None),
        };
        Ok(PackCheck {
            warnings: pack.warnings.clone(),
            pack: Some(pack),
            problems: Vec::new(),
            previous_version,
            orphaned,
        })
    }

    /// Builds the `.datajam` file of the pack folder `dir` at `out`.
    pub fn build_pack(dir: &Path, out: &Path) -> Result<BuildReport> {
        Ok(packfile::build(dir, out)?)
    }

    /// The form of an XLSForm workbook (KoboToolbox, ODK) with the rows left out as
    /// warnings, or every problem found; an error when the file cannot be read.
    pub fn read_xlsform(file: &Path) -> Result<std::result::Result<XlsForm, Vec<Problem>>> {
        let bytes = std::fs::read(file)?;
        Ok(xlsform::parse(&file.display().to_string(), &bytes))
    }

    /// The pack a command names: `builtin` (or the built-in pack's id), the id of a loaded
    /// pack, or else a pack folder or `.datajam` file, checked, then added to the session.
    pub fn pack_named(&mut self, name: &str) -> Result<&Pack> {
        let path = Path::new(name);
        if name == "builtin" || name == self.packs[0].id() {
            return Ok(&self.packs[0]);
        }
        if !path.exists() && self.packs.iter().any(|p| p.id() == name) {
            return self.pack(name);
        }
        let pack = packfile::load(path)?;
        let id = pack.id().to_string();
        self.add_pack(pack)?;
        self.pack(&id)
    }
}
