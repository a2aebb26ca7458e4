//! Room setup: the facilitator writes onto a USB stick what the trainees' laptops need,
//! in one folder `datajam-atelier/`: every installed pack as a `.datajam` file (`paquets/`;
//! the built-in one is in the app already), the installers' folder when one is present (`installateurs/`), and a short
//! « lisez-moi » in the app's language. Every file is written whole or not at all.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Result;
use crate::pack::packfile;
use crate::store::fsio;
use crate::tr;

use super::*;

/// The folder written on the stick, and its parts.
pub const ROOM_DIR: &str = "datajam-atelier";
pub const ROOM_PACKS: &str = "paquets";
pub const ROOM_INSTALLERS: &str = "installateurs";
pub const ROOM_README: &str = "LISEZ-MOI.txt";

/// What preparing the room wrote.
#[derive(Debug, Clone, Serialize)]
pub struct RoomSetup {
    /// The folder written (`<stick>/datajam-atelier`).
    pub folder: PathBuf,
    /// The pack files written, by name.
    pub packs: Vec<String>,
    /// The installers' files copied; none when the installers' folder is missing.
    pub installers: usize,
    /// The installers' folder looked for, when it was not found.
    pub installers_missing: Option<PathBuf>,
}

impl Workshop {
    /// Writes the room's folder onto `stick`: the installed packs, the installers from `dist` (a
    /// folder; said missing when it is not there) and the « lisez-moi ».
    pub fn prepare_room(&self, stick: &Path, dist: &Path) -> Result<RoomSetup> {
        let folder = stick.join(ROOM_DIR);
        let packs_dir = folder.join(ROOM_PACKS);
        std::fs::create_dir_all(&packs_dir)?;
        let mut packs = Vec::new();
        let installed = self
            .packs
            .iter()
            .filter(|p| p.origin != crate::pack::Origin::Builtin);
        for pack in installed {
            let name = format!(
                "{}-{}.{}",
                pack.id(),
                pack.manifest.version,
                packfile::EXTENSION
            );
            let bytes = packfile::to_bytes(pack)?;
            fsio::write_atomic(&packs_dir.join(&name), &bytes)?;
            packs.push(name);
        }
        let (installers, installers_missing) = if dist.is_dir() {
            (copy_tree(dist, &folder.join(ROOM_INSTALLERS))?, None)
        } else {
            (0, Some(dist.to_path_buf()))
        };
        let readme = tr!(
            self.lang,
            "workshop-room-readme",
            packs = packs.join(", "),
            npacks = packs.len(),
            installers = if installers > 0 { "yes" } else { "no" }
        );
        let readme = readme.replace('\n', "\r\n");
        fsio::write_atomic(&folder.join(ROOM_README), readme.as_bytes())?;
        Ok(RoomSetup {
            folder,
            packs,
            installers,
            installers_missing,
        })
    }
}

/// Copies the files of `from` into `to`, folders included (links are not followed);
/// returns the number of files copied.
fn copy_tree(from: &Path, to: &Path) -> Result<usize> {
    std::fs::create_dir_all(to)?;
    let mut copied = 0;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copied += copy_tree(&entry.path(), &target)?;
        } else if kind.is_file() {
            let mut source = std::fs::File::open(entry.path())?;
            fsio::write_atomic_with(&target, |f| std::io::copy(&mut source, f).map(|_| ()))?;
            // An installer that runs keeps its execute bits.
            std::fs::set_permissions(&target, entry.metadata()?.permissions())?;
            copied += 1;
        }
    }
    Ok(copied)
}
