//! PINs: a profile's (asked when it is picked, set from the profile) and the
//! facilitator's (set on first use of the desk, asked to open it and to reset a trainee's
//! PIN). Each command is one call into the core's `Workshop`, which keeps only hashes.

use datajam::workshop::ProfileView;
use tauri::State;

use crate::{with, AppState, Reply};

/// Opens a profile, with its PIN when it has one; a wrong PIN is refused.
#[tauri::command]
pub async fn open_profile(
    state: State<'_, AppState>,
    profile_id: String,
    pin: Option<String>,
) -> Reply<ProfileView> {
    with(state, move |w| w.open_profile(&profile_id, pin.as_deref())).await
}

/// Sets (`pin`) or removes (none) a profile's PIN, given the current one when it has one.
#[tauri::command]
pub async fn set_profile_pin(
    state: State<'_, AppState>,
    profile_id: String,
    current: Option<String>,
    pin: Option<String>,
) -> Reply<ProfileView> {
    with(state, move |w| {
        w.set_profile_pin(&profile_id, current.as_deref(), pin.as_deref())
    })
    .await
}

/// True when the facilitator's desk has a PIN.
#[tauri::command]
pub async fn facilitator_has_pin(state: State<'_, AppState>) -> Reply<bool> {
    with(state, |w| w.facilitator_has_pin()).await
}

/// Checks the facilitator's PIN (fine when none is set).
#[tauri::command]
pub async fn unlock_facilitator(state: State<'_, AppState>, pin: Option<String>) -> Reply<()> {
    with(state, move |w| w.unlock_facilitator(pin.as_deref())).await
}

/// Sets the facilitator's PIN: on first use, or with the current one.
#[tauri::command]
pub async fn set_facilitator_pin(
    state: State<'_, AppState>,
    current: Option<String>,
    pin: String,
) -> Reply<()> {
    with(state, move |w| {
        w.set_facilitator_pin(current.as_deref(), &pin)
    })
    .await
}

/// Removes a trainee's forgotten PIN, given the facilitator's PIN when one is set.
#[tauri::command]
pub async fn reset_profile_pin(
    state: State<'_, AppState>,
    facilitator_pin: Option<String>,
    profile_id: String,
) -> Reply<ProfileView> {
    with(state, move |w| {
        w.reset_profile_pin(facilitator_pin.as_deref(), &profile_id)
    })
    .await
}
