//! The trainees' profiles on this laptop.

use crate::error::Result;
use crate::store::settings::Settings;
use crate::store::Profile;

use super::*;

impl Workshop {
    pub fn profiles(&self) -> Result<Vec<ProfileView>> {
        self.store
            .profiles()?
            .into_iter()
            .map(|p| self.profile_view(p))
            .collect()
    }

    pub fn create_profile(&mut self, name: &str) -> Result<ProfileView> {
        let p = self.store.create_profile(name)?;
        self.profile_view(p)
    }

    /// A profile by id or by name (ignoring case); [`Error::ProfileNotFound`] when none.
    pub fn find_profile(&self, id_or_name: &str) -> Result<ProfileView> {
        let p = self.store.find_profile(id_or_name)?;
        self.profile_view(p)
    }

    /// The profile of that id or name, created (by that name) when there is none.
    pub fn find_or_create_profile(&mut self, name: &str) -> Result<ProfileView> {
        match self.find_profile(name) {
            Err(Error::ProfileNotFound(_)) => self.create_profile(name),
            found => found,
        }
    }

    pub(super) fn profile_view(&self, p: Profile) -> Result<ProfileView> {
        let resume = self.store.last_position(&p.id)?;
        let has_pin = self.store.pin_hash(&p.id)?.is_some();
        Ok(ProfileView {
            id: p.id,
            name: p.name,
            created_at: p.created_at,
            resume,
            has_pin,
        })
    }
}

impl Workshop {
    /// Applies a profile's settings (its language becomes the workshop's) and returns
    /// them; with no profile, the settings of the app (its own language) are applied.
    pub fn use_settings(&mut self, profile_id: Option<&str>) -> Result<Settings> {
        let default = Settings {
            lang: self.default_lang,
            ..Settings::default()
        };
        let s = match profile_id {
            Some(id) => self.store.settings(id)?.unwrap_or(default),
            None => default,
        };
        self.lang = s.lang;
        Ok(s)
    }

    /// Saves a profile's settings and applies them.
    pub fn save_settings(&mut self, profile_id: &str, s: &Settings) -> Result<Settings> {
        self.store.set_settings(profile_id, s)?;
        self.use_settings(Some(profile_id))
    }
}
