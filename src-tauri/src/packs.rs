//! The facilitator's pack tools on the desk: check a pack folder (every problem with its
//! file and line, as `datajam pack check`), build its `.datajam` file where the facilitator
//! chooses (as `datajam pack build`). Each command asks the system dialog, then makes one
//! call into the core's `Workshop`.

use std::path::PathBuf;

use datajam::pack::packfile::BuildReport;
use datajam::workshop::PackCheckReport;
use datajam::Workshop;
use tauri::State;

use crate::{by_lang, save_as, with, with_picked, AppState, Reply};

/// For end-to-end tests only: the folder the "choose a folder" dialog answers.
const TEST_FOLDER_ENV: &str = "DATAJAM_TEST_PICK_FOLDER";

/// Asks for a folder with the system dialog (`title` in the app's language); `None` when
/// cancelled. The end-to-end tests answer through `DATAJAM_TEST_PICK_FOLDER`.
pub async fn pick_folder(app: &tauri::AppHandle, title: &'static str) -> Reply<Option<PathBuf>> {
    crate::dialog(app, crate::test_answer(TEST_FOLDER_ENV), move || {
        rfd::FileDialog::new().set_title(title).pick_folder()
    })
    .await
}

/// Checks a pack folder picked with the system dialog; `None` when cancelled.
#[tauri::command]
pub async fn pack_check_folder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<PackCheckReport>> {
    let title = by_lang(
        state.lang,
        "Choisir le dossier du paquet",
        "Choose the pack folder",
    );
    let picked = pick_folder(&app, title).await?;
    with_picked(state, picked, |_, dir| {
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
    let title = by_lang(
        state.lang,
        "Enregistrer le fichier du paquet",
        "Save the pack file",
    );
    let ext = datajam::pack::packfile::EXTENSION.to_string();
    save_as(&app, state, title, file_name, ext, move |_, out| {
        Workshop::build_pack(&dir, &out)
    })
    .await
}
