//! The facilitator's pack tools on the desk: check a pack folder (every problem with its
//! file and line, as `datajam pack check`), build its `.datajam` file where the facilitator
//! chooses (as `datajam pack build`), and prepare the room's USB stick. Each command asks
//! the system dialog, then makes one call into the core's `Workshop`.

use std::path::PathBuf;

use datajam::pack::packfile::BuildReport;
use datajam::workshop::room::RoomSetup;
use datajam::workshop::PackCheckReport;
use datajam::Workshop;
use tauri::State;

use crate::{save_as, with, with_picked, words, AppState, Reply};

/// For end-to-end tests only: the folder the "choose a folder" dialog answers.
const TEST_FOLDER_ENV: &str = "DATAJAM_TEST_PICK_FOLDER";

/// Asks for a folder with the system dialog (its title in French and English), then runs
/// the core call `f` on it; `None` when cancelled. The end-to-end tests answer through
/// `DATAJAM_TEST_PICK_FOLDER`.
async fn with_folder<T, F>(
    app: &tauri::AppHandle,
    state: State<'_, AppState>,
    title_key: &'static str,
    f: F,
) -> Reply<Option<T>>
where
    T: Send + 'static,
    F: FnOnce(&mut Workshop, PathBuf) -> datajam::Result<T> + Send + 'static,
{
    let title = words(&state, title_key);
    let picked = crate::dialog(app, crate::test_answer(TEST_FOLDER_ENV), move || {
        rfd::FileDialog::new().set_title(title).pick_folder()
    })
    .await?;
    with_picked(state, picked, f).await
}

/// Checks a pack folder picked with the system dialog; `None` when cancelled.
#[tauri::command]
pub async fn pack_check_folder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<PackCheckReport>> {
    let title = "desktop-pick-pack-folder";
    with_folder(&app, state, title, |_, dir| {
        Workshop::check_pack(&dir, None).map(|c| c.report(&dir))
    })
    .await
}

/// Builds the `.datajam` file of the pack folder `dir` where the facilitator chooses (a
/// USB stick); `None` when cancelled. An invalid pack is refused and nothing is written.
#[tauri::command]
pub async fn pack_build(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    dir: PathBuf,
) -> Reply<Option<BuildReport>> {
    let d = dir.clone();
    let file_name = with(state.clone(), move |_| Workshop::pack_file_name(&d)).await?;
    let title = words(&state, "desktop-save-pack-file");
    let ext = datajam::pack::packfile::EXTENSION.to_string();
    save_as(&app, state, title, file_name, ext, move |_, out| {
        Workshop::build_pack(&dir, &out)
    })
    .await
}

/// For end-to-end tests only: the installers' folder (else `dist/` beside the app, or in
/// the folder it was started from).
const TEST_DIST_ENV: &str = "DATAJAM_TEST_DIST_DIR";

/// The installers' folder: `dist/` beside the app's executable, else in the current folder
/// (a build from the sources); the first is named when neither is there.
fn installers_folder() -> PathBuf {
    if let Some(dir) = crate::test_answer(TEST_DIST_ENV) {
        return dir;
    }
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|d| d.join("dist")))
        .unwrap_or_else(|| PathBuf::from("dist"));
    let here = std::env::current_dir()
        .map(|d| d.join("dist"))
        .unwrap_or_else(|_| PathBuf::from("dist"));
    if !beside.is_dir() && here.is_dir() {
        here
    } else {
        beside
    }
}

/// « Préparer la clé de la salle »: writes the installed packs, the installers and a
/// « lisez-moi » onto a folder picked with the system dialog (a USB stick); `None` when
/// cancelled.
#[tauri::command]
pub async fn prepare_room(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<RoomSetup>> {
    let title = "desktop-pick-room-stick";
    let dist = installers_folder();
    with_folder(&app, state, title, move |w, stick| {
        w.prepare_room(&stick, &dist)
    })
    .await
}
