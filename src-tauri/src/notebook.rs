//! The trainee's own things: « Mon carnet » (their reflections, answers and charts, shown
//! and exported as one HTML file) and their settings. Each command is one call into the core's `Workshop`.

use datajam::store::settings::Settings;
use datajam::workshop::notebook::{Notebook, NotebookExport};
use tauri::State;

use crate::{save_as, with, words, AppState, Reply};

/// The trainee's notebook, lesson by lesson.
#[tauri::command]
pub async fn notebook(state: State<'_, AppState>, profile_id: String) -> Reply<Notebook> {
    with(state, move |w| w.notebook(&profile_id)).await
}

/// "Exporter mon carnet": the notebook as one HTML page, written where the trainee
/// chooses; `None` when cancelled.
#[tauri::command]
pub async fn export_notebook(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    profile_id: String,
) -> Reply<Option<NotebookExport>> {
    let id = profile_id.clone();
    let file_name = with(state.clone(), move |w| w.notebook_file_name(&id)).await?;
    let title = words(&state, "desktop-export-notebook");
    save_as(
        &app,
        state,
        title,
        file_name,
        "html".into(),
        move |w, path| w.export_notebook(&profile_id, &path),
    )
    .await
}

/// Applies a profile's settings (its language becomes the workshop's) and returns them for
/// the UI to apply too; with no profile, the app's own.
#[tauri::command]
pub async fn use_settings(
    state: State<'_, AppState>,
    profile_id: Option<String>,
) -> Reply<Settings> {
    with(state, move |w| w.use_settings(profile_id.as_deref())).await
}

/// Saves a profile's settings and applies them.
#[tauri::command]
pub async fn save_settings(
    state: State<'_, AppState>,
    profile_id: String,
    settings: Settings,
) -> Reply<Settings> {
    with(state, move |w| w.save_settings(&profile_id, &settings)).await
}
