//! DataJam Atelier desktop shell: a window, a webview on `ui/`, and one command per user
//! action, each a short call into the `datajam` core. No logic lives here: errors from the
//! core cross to the UI as `{code, message}` in the user's language.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use datajam::i18n::Lang;
use datajam::import::{ImportOptions, ImportReport};
use datajam::workshop::{
    AnswerOutcome, AppInfo, HintOutcome, LessonView, PackSummary, ProfileView, RecordOutcome,
    StepView,
};
use datajam::Workshop;
use serde::Serialize;
use tauri::{Manager, State};

/// An error as the UI sees it: a stable code to branch on and a message to show.
#[derive(Debug, Clone, Serialize)]
struct ApiError {
    code: String,
    message: String,
}

impl ApiError {
    fn from_core(e: &datajam::Error, lang: Lang) -> ApiError {
        ApiError {
            code: e.code().to_string(),
            message: e.message(lang),
        }
    }
}

/// The workshop, or the reason it could not be opened (shown by the UI instead of a crash).
struct AppState {
    workshop: Result<Arc<Mutex<Workshop>>, ApiError>,
    lang: Lang,
}

type Reply<T> = Result<T, ApiError>;

/// Runs a core call on a blocking thread (SQLite and files), never on the UI thread.
async fn with<T, F>(state: State<'_, AppState>, f: F) -> Reply<T>
where
    T: Send + 'static,
    F: FnOnce(&mut Workshop) -> datajam::Result<T> + Send + 'static,
{
    let workshop = state.workshop.clone()?;
    let lang = state.lang;
    tauri::async_runtime::spawn_blocking(move || {
        let mut w = workshop
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut w).map_err(|e| ApiError::from_core(&e, lang))
    })
    .await
    .map_err(|e| ApiError {
        code: "app.internal".into(),
        message: e.to_string(),
    })?
}

#[tauri::command]
async fn app_info(state: State<'_, AppState>) -> Reply<AppInfo> {
    with(state, |w| Ok(w.info())).await
}

#[tauri::command]
async fn list_profiles(state: State<'_, AppState>) -> Reply<Vec<ProfileView>> {
    with(state, |w| w.profiles()).await
}

#[tauri::command]
async fn create_profile(state: State<'_, AppState>, name: String) -> Reply<ProfileView> {
    with(state, move |w| w.create_profile(&name)).await
}

#[tauri::command]
async fn list_packs(
    state: State<'_, AppState>,
    profile_id: Option<String>,
) -> Reply<Vec<PackSummary>> {
    with(state, move |w| w.packs(profile_id.as_deref())).await
}

#[tauri::command]
async fn open_lesson(
    state: State<'_, AppState>,
    profile_id: String,
    pack_id: String,
    lesson_id: String,
) -> Reply<LessonView> {
    with(state, move |w| w.lesson(&profile_id, &pack_id, &lesson_id)).await
}

#[tauri::command]
async fn get_step(
    state: State<'_, AppState>,
    profile_id: String,
    pack_id: String,
    lesson_id: String,
    step_id: String,
) -> Reply<StepView> {
    with(state, move |w| {
        w.step(&profile_id, &pack_id, &lesson_id, &step_id)
    })
    .await
}

#[tauri::command]
async fn submit_answer(
    state: State<'_, AppState>,
    profile_id: String,
    pack_id: String,
    lesson_id: String,
    step_id: String,
    answer: serde_json::Value,
) -> Reply<AnswerOutcome> {
    with(state, move |w| {
        w.answer(&profile_id, &pack_id, &lesson_id, &step_id, &answer)
    })
    .await
}

#[tauri::command]
async fn request_hint(
    state: State<'_, AppState>,
    profile_id: String,
    pack_id: String,
    lesson_id: String,
    step_id: String,
) -> Reply<HintOutcome> {
    with(state, move |w| {
        w.hint(&profile_id, &pack_id, &lesson_id, &step_id)
    })
    .await
}

#[tauri::command]
async fn submit_record(
    state: State<'_, AppState>,
    profile_id: String,
    pack_id: String,
    lesson_id: String,
    step_id: String,
    values: BTreeMap<String, String>,
) -> Reply<RecordOutcome> {
    with(state, move |w| {
        w.submit_record(&profile_id, &pack_id, &lesson_id, &step_id, &values)
    })
    .await
}

#[tauri::command]
async fn complete_step(
    state: State<'_, AppState>,
    profile_id: String,
    pack_id: String,
    lesson_id: String,
    step_id: String,
) -> Reply<StepView> {
    with(state, move |w| {
        w.complete(&profile_id, &pack_id, &lesson_id, &step_id)
    })
    .await
}

/// Asks for a spreadsheet with the system file dialog and imports it. `None` when the
/// trainee cancels the dialog.
#[tauri::command]
async fn import_with_dialog(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<ImportReport>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let title = match state.lang {
        Lang::Fr => "Choisir un fichier de données",
        Lang::En => "Choose a data file",
    };
    // GTK dialogs must run on the main thread, where Tauri runs the GTK loop.
    app.run_on_main_thread(move || {
        let picked = rfd::FileDialog::new()
            .set_title(title)
            .add_filter(
                "Tableurs et CSV",
                &["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods"],
            )
            .pick_file();
        let _ = tx.send(picked);
    })
    .map_err(|e| ApiError {
        code: "app.dialog".into(),
        message: e.to_string(),
    })?;
    let picked = tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .ok()
        .flatten();
    match picked {
        None => Ok(None),
        Some(path) => {
            with(state, move |w| {
                w.import(&path, &ImportOptions::default()).map(Some)
            })
            .await
        }
    }
}

fn main() {
    let lang = Lang::from_env();
    tauri::Builder::default()
        .setup(move |app| {
            let workshop = Workshop::open_default()
                .map(|w| Arc::new(Mutex::new(w)))
                .map_err(|e| ApiError::from_core(&e, lang));
            if let Err(e) = &workshop {
                eprintln!("DataJam Atelier: {}: {}", e.code, e.message);
            }
            app.manage(AppState { workshop, lang });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_info,
            list_profiles,
            create_profile,
            list_packs,
            open_lesson,
            get_step,
            submit_answer,
            request_hint,
            submit_record,
            complete_step,
            import_with_dialog,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("DataJam Atelier could not start: {e}");
            std::process::exit(1);
        });
}
