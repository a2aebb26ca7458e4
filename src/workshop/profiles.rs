//! The trainees' profiles on this laptop.

use crate::error::Result;
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

    pub(super) fn profile_view(&self, p: Profile) -> Result<ProfileView> {
        let resume = self.store.last_position(&p.id)?;
        Ok(ProfileView {
            id: p.id,
            name: p.name,
            created_at: p.created_at,
            resume,
        })
    }
}
