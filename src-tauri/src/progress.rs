//! The trainee's hand-in and the facilitator's class: progress files out to a USB stick,
//! and in from many. Each command asks the system dialog where, then makes one call into
//! the core's `Workshop`.

use std::path::PathBuf;

use datajam::i18n::Lang;
use datajam::progress::class::ClassReport;
use datajam::progress::ExportSummary;
use tauri::State;

use crate::{dialog, test_answer, with, AppState, Reply, TEST_SAVE_ENV};

/// For end-to-end tests only: the progress files (or folders) the "open" dialog answers,
/// separated like `PATH`.
const TEST_PROGRESS_ENV: &str = "DATAJAM_TEST_PICK_PROGRESS";

/// "Exporter ma progression": the trainee's progress file, written where they choose (a
/// USB stick); `None` when cancelled.
#[tauri::command]
pub async fn export_progress(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    profile_id: String,
) -> Reply<Option<ExportSummary>> {
    let id = profile_id.clone();
    let file_name = with(state.clone(), move |w| w.progress_file_name(&id)).await?;
    let title = match state.lang {
        Lang::Fr => "Exporter ma progression",
        Lang::En => "Export my progress",
    };
    let test = test_answer(TEST_SAVE_ENV).map(|dir| dir.join(&file_name));
    let picked = dialog(&app, test, move || {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .add_filter("DataJam", &[datajam::progress::class::EXTENSION])
            .save_file()
    })
    .await?;
    match picked {
        None => Ok(None),
        Some(path) => {
            with(state, move |w| {
                w.export_progress(&profile_id, &path).map(Some)
            })
            .await
        }
    }
}

/// Adds trainees' progress files to the class, picked with the system dialog (several at
/// once, or a folder such as a USB stick when `folder`); `None` when cancelled.
#[tauri::command]
pub async fn class_add(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    folder: bool,
) -> Reply<Option<ClassReport>> {
    let picked: Option<Vec<PathBuf>> = match std::env::var_os(TEST_PROGRESS_ENV) {
        Some(list) if !list.is_empty() => Some(std::env::split_paths(&list).collect()),
        _ => {
            let title = match (state.lang, folder) {
                (Lang::Fr, false) => "Choisir les fichiers de progression",
                (Lang::Fr, true) => "Choisir le dossier des fichiers de progression",
                (Lang::En, false) => "Choose the progress files",
                (Lang::En, true) => "Choose the folder of progress files",
            };
            crate::dialog_many(&app, move || {
                let d = rfd::FileDialog::new().set_title(title);
                if folder {
                    d.pick_folder().map(|f| vec![f])
                } else {
                    d.add_filter("DataJam", &[datajam::progress::class::EXTENSION])
                        .pick_files()
                }
            })
            .await?
        }
    };
    match picked {
        None => Ok(None),
        Some(paths) => with(state, move |w| w.class_add(&paths).map(Some)).await,
    }
}

/// The class kept on this laptop.
#[tauri::command]
pub async fn class_view(state: State<'_, AppState>) -> Reply<ClassReport> {
    with(state, |w| w.class_view()).await
}

/// Empties the class kept on this laptop (a new workshop).
#[tauri::command]
pub async fn class_clear(state: State<'_, AppState>) -> Reply<ClassReport> {
    with(state, |w| {
        w.class_clear()?;
        w.class_view()
    })
    .await
}
