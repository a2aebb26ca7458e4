//! PINs: a profile's optional PIN (set from the profile, asked when it is picked) and the
//! facilitator's optional PIN (set on the first visit to the desk), which the facilitator
//! gives to reset a trainee's forgotten PIN. Hashes only: see [`crate::store::pin`].

use crate::error::Result;
use crate::store::pin::{self, PinError, FACILITATOR};

use super::*;

impl Workshop {
    /// Opens a profile: its view when it has no PIN or `pin` is its PIN, else
    /// [`PinError::Wrong`].
    pub fn open_profile(&self, profile_id: &str, pin: Option<&str>) -> Result<ProfileView> {
        let p = self.store.profile(profile_id)?;
        self.store.check_pin(&p.id, pin, PinError::Wrong)?;
        self.profile_view(p)
    }

    /// Sets the PIN of a profile (`pin`), or removes it (`None`). When the profile has a
    /// PIN, `current` must be it.
    pub fn set_profile_pin(
        &mut self,
        profile_id: &str,
        current: Option<&str>,
        pin: Option<&str>,
    ) -> Result<ProfileView> {
        let p = self.store.profile(profile_id)?;
        self.store.check_pin(&p.id, current, PinError::Wrong)?;
        let hash = pin.map(pin::hash).transpose()?;
        self.store.set_pin_hash(&p.id, hash.as_deref())?;
        self.profile_view(p)
    }

    /// True when the facilitator's desk has a PIN.
    pub fn facilitator_has_pin(&self) -> Result<bool> {
        Ok(self.store.pin_hash(FACILITATOR)?.is_some())
    }

    /// Checks the facilitator's PIN: fine when none is set, else
    /// [`PinError::FacilitatorWrong`] unless `pin` is it.
    pub fn unlock_facilitator(&self, pin: Option<&str>) -> Result<()> {
        self.store
            .check_pin(FACILITATOR, pin, PinError::FacilitatorWrong)
    }

    /// Sets the facilitator's PIN: freely on first use, with the current one (`current`)
    /// to change it.
    pub fn set_facilitator_pin(&mut self, current: Option<&str>, pin: &str) -> Result<()> {
        self.unlock_facilitator(current)?;
        let hash = pin::hash(pin)?;
        self.store.set_pin_hash(FACILITATOR, Some(&hash))
    }

    /// Removes a trainee's PIN (forgotten), given the facilitator's PIN when one is set.
    pub fn reset_profile_pin(
        &mut self,
        facilitator_pin: Option<&str>,
        profile_id: &str,
    ) -> Result<ProfileView> {
        self.unlock_facilitator(facilitator_pin)?;
        let p = self.store.profile(profile_id)?;
        self.store.set_pin_hash(&p.id, None)?;
        self.profile_view(p)
    }
}
