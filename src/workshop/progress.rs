//! A trainee's progress out of the workshop and back in: the progress file for the USB
//! stick, the facilitator's class merge, a profile's events, and `play` (answers run
//! through the workshop as a trainee would give them).

use std::path::{Path, PathBuf};

use super::play::{self, Action, Played};
use crate::error::Result;
use crate::progress::{self, ClassView, EventRecord, ExportSummary};

use super::*;

impl Workshop {
    /// Writes the progress file of a trainee (by profile id or name) to `out`.
    pub fn export_progress(&self, trainee: &str, out: &Path) -> Result<ExportSummary> {
        progress::export(&self.store, trainee, out)
    }

    /// Merges the trainees' progress files into the class CSV at `out` (and the reflections
    /// CSV when `reflections` is given); nothing is written if any file is refused.
    pub fn merge_progress(
        files: &[PathBuf],
        out: &Path,
        reflections: Option<&Path>,
    ) -> Result<ClassView> {
        progress::merge_to_files(files, out, reflections)
    }

    /// The file name suggested for a trainee's progress file: `<name>.datajam-progress`,
    /// the name made safe for any file system.
    pub fn progress_file_name(&self, profile_id: &str) -> Result<String> {
        let p = self.store.profile(profile_id)?;
        let slug = crate::i18n::text::slug(&p.name, 40);
        let stem = if slug.is_empty() {
            "progression"
        } else {
            &slug
        };
        Ok(format!("{stem}.{}", progress::class::EXTENSION))
    }

    /// Every event of a profile, in every pack, every column, oldest first.
    pub fn profile_events(&self, profile_id: &str) -> Result<Vec<EventRecord>> {
        progress::profile_events(&self.store, profile_id)
    }

    /// Every event of a profile in a pack, oldest first.
    pub fn events(&self, profile_id: &str, pack_id: &str) -> Result<Vec<Event>> {
        self.store.events(profile_id, pack_id)
    }

    /// Runs one action through the workshop as the trainee would; when this returns, its
    /// event (if any) is committed.
    pub fn play(&mut self, profile_id: &str, pack_id: &str, action: &Action) -> Result<Played> {
        play::play(self, profile_id, pack_id, action)
    }

    /// Plays line `line` (1-based) of an answers file. A line that cannot be read, or an
    /// action the workshop refuses, is an error naming the line; only a disk or database
    /// failure is returned as it is.
    pub fn play_line(
        &mut self,
        profile_id: &str,
        pack_id: &str,
        text: &str,
        line: usize,
    ) -> Result<Played> {
        let action = play::parse_action(text, line, self.lang)?;
        match self.play(profile_id, pack_id, &action) {
            Err(e @ (Error::Db(_) | Error::Io(_))) => Err(e),
            Err(e) => Err(progress::ProgressError::AnswersLine {
                line,
                reason: e.message(self.lang),
            }
            .into()),
            ok => ok,
        }
    }

    /// The reference walk of a loaded pack: every step answered as its author expects.
    pub fn reference_actions(&self, pack_id: &str) -> Result<Vec<Action>> {
        Ok(play::reference_actions(self.pack(pack_id)?))
    }
}
