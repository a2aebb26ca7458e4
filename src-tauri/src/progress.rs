//! The trainee's hand-in and the facilitator's class: progress files out to a USB stick,
//! and in from many. Each command asks the system dialog where, then makes one call into
//! the core's `Workshop`.

use std::path::PathBuf;

use datajam::progress::ExportSummary;
use datajam::store::export::{ExportFormat, ExportReport};
use datajam::workshop::class::ClassBoard;
use datajam::Workshop;
use tauri::State;

use crate::{save_as, with, words, AppState, Reply};

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
    let title = words(&state, "desktop-export-progress");
    let ext = datajam::progress::class::EXTENSION.to_string();
    save_as(&app, state, title, file_name, ext, move |w, path| {
        w.export_progress(&profile_id, &path)
    })
    .await
}

/// Adds trainees' progress files to the class, picked with the system dialog (several at
/// once, or a folder such as a USB stick when `folder`); `None` when cancelled.
#[tauri::command]
pub async fn class_add(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    folder: bool,
) -> Reply<Option<ClassBoard>> {
    let picked: Option<Vec<PathBuf>> = match std::env::var_os(TEST_PROGRESS_ENV) {
        Some(list) if !list.is_empty() => Some(std::env::split_paths(&list).collect()),
        _ => {
            let title = match folder {
                false => words(&state, "desktop-pick-progress-files"),
                true => words(&state, "desktop-pick-progress-folder"),
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

/// Exports the class view (CSV, French-Excel CSV or XLSX) where the facilitator chooses;
/// `None` when cancelled.
#[tauri::command]
pub async fn class_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    format: ExportFormat,
) -> Reply<Option<ExportReport>> {
    let title = words(&state, "desktop-export-class");
    let file_name = Workshop::class_file_name(format);
    let ext = format.extension().to_string();
    save_as(&app, state, title, file_name, ext, move |w, path| {
        w.class_export(&path, format)
    })
    .await
}

/// The class kept on this laptop.
#[tauri::command]
pub async fn class_view(state: State<'_, AppState>) -> Reply<ClassBoard> {
    with(state, |w| w.class_view()).await
}

/// Empties the class kept on this laptop (a new workshop).
#[tauri::command]
pub async fn class_clear(state: State<'_, AppState>) -> Reply<ClassBoard> {
    with(state, |w| {
        w.class_clear()?;
        w.class_view()
    })
    .await
}
