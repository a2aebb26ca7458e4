//! DataJam Atelier desktop shell: a window, a webview on `ui/`, and one command per user
//! action, each a short call into the `datajam` core. No logic lives here: errors from the
//! core cross to the UI as `{code, message}` in the user's language.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod progress;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use datajam::i18n::Lang;
use datajam::workshop::StepAt;
use std::path::PathBuf;

use datajam::analysis::grid::{GridPage, GridRequest, GridSort};
use datajam::analysis::indicators::{IndicatorRequest, IndicatorResult};
use datajam::analysis::provinces::NormaliseReport;
use datajam::analysis::{ResultColumn, ResultTable};
use datajam::chart::{Advice, ChartRequest, Question};
use datajam::import::{self, ColumnType, ImportOptions, ImportReport, Preview, Progress};
use datajam::pack::guide::GuideView;
use datajam::pack::packfile::InstallReport;
use datajam::store::export::{ExportFormat, ExportReport};
use datajam::store::tables::TableInfo;
use datajam::workshop::datainfo::DatasetInfo;
use datajam::workshop::workbench::ChartView;
use datajam::workshop::{
    AnswerOutcome, AppInfo, Catalog, HintOutcome, ImportStepOutcome, LessonView, PackSummary,
    ProfileView, RecordOutcome, StepView, TableView, TaskOutcome,
};
use datajam::Workshop;
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
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

/// The message catalog in the app's language, for the UI to format its sentences: it
/// needs no workshop, so the UI can still speak when the workshop could not open.
#[tauri::command]
fn ui_catalog(state: State<'_, AppState>) -> Catalog {
    Catalog::of(state.lang)
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

/// The facilitator's guide of a pack, sanitised, with its table of contents.
#[tauri::command]
async fn pack_guide(state: State<'_, AppState>, pack_id: String) -> Reply<GuideView> {
    with(state, move |w| w.pack_guide(&pack_id)).await
}

/// A pack's datasets with their sources and licences.
#[tauri::command]
async fn pack_datasets(state: State<'_, AppState>, pack_id: String) -> Reply<Vec<DatasetInfo>> {
    with(state, move |w| w.pack_datasets(Some(&pack_id))).await
}

/// Sources and licence of a workspace table that is (or was built from) a pack dataset.
#[tauri::command]
async fn dataset_info(state: State<'_, AppState>, table: String) -> Reply<Option<DatasetInfo>> {
    with(state, move |w| w.dataset_info(&table)).await
}

/// Warnings about installed packs left out (unreadable file, clashing dataset…).
#[tauri::command]
async fn pack_warnings(state: State<'_, AppState>) -> Reply<Vec<String>> {
    with(state, |w| Ok(w.pack_warnings().to_vec())).await
}

/// Asks for a `.datajam` file (from a USB stick, say) and installs it; `None` when cancelled.
#[tauri::command]
async fn install_pack(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<InstallReport>> {
    let (title, filter) = match state.lang {
        Lang::Fr => ("Choisir un paquet de leçons", "Paquets DataJam (.datajam)"),
        Lang::En => ("Choose a lesson pack", "DataJam packs (.datajam)"),
    };
    let picked = dialog(&app, test_answer(TEST_PACK_ENV), move || {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter, &[datajam::pack::packfile::EXTENSION])
            .pick_file()
    })
    .await?;
    match picked {
        None => Ok(None),
        Some(path) => with(state, move |w| w.install_pack(&path).map(Some)).await,
    }
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
async fn get_step(state: State<'_, AppState>, at: StepAt) -> Reply<StepView> {
    with(state, move |w| w.step(&at)).await
}

#[tauri::command]
async fn submit_answer(
    state: State<'_, AppState>,
    at: StepAt,
    answer: serde_json::Value,
) -> Reply<AnswerOutcome> {
    with(state, move |w| w.answer(&at, &answer)).await
}

#[tauri::command]
async fn request_hint(state: State<'_, AppState>, at: StepAt) -> Reply<HintOutcome> {
    with(state, move |w| w.hint(&at)).await
}

#[tauri::command]
async fn submit_record(
    state: State<'_, AppState>,
    at: StepAt,
    values: BTreeMap<String, String>,
) -> Reply<RecordOutcome> {
    with(state, move |w| w.submit_record(&at, &values)).await
}

#[tauri::command]
async fn complete_step(state: State<'_, AppState>, at: StepAt) -> Reply<StepView> {
    with(state, move |w| w.complete(&at)).await
}

/// For end-to-end tests only (WebDriver cannot click in a native dialog): the file the
/// "open" dialog answers, and the folder where the "save" dialog puts the suggested name.
const TEST_PICK_ENV: &str = "DATAJAM_TEST_PICK_FILE";
const TEST_SAVE_ENV: &str = "DATAJAM_TEST_SAVE_DIR";
const TEST_PACK_ENV: &str = "DATAJAM_TEST_PICK_PACK";

fn test_answer(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

#[tauri::command]
async fn submit_reflection(
    state: State<'_, AppState>,
    at: StepAt,
    text: String,
) -> Reply<RecordOutcome> {
    with(state, move |w| w.reflect(&at, &text)).await
}

#[tauri::command]
async fn reveal_solution(state: State<'_, AppState>, at: StepAt) -> Reply<StepView> {
    with(state, move |w| w.reveal(&at)).await
}

#[tauri::command]
async fn skip_step(state: State<'_, AppState>, at: StepAt) -> Reply<StepView> {
    with(state, move |w| w.skip(&at)).await
}

/// Runs a native dialog on the main thread (where GTK lives) and waits for its answer.
async fn dialog_many<T: Send + 'static>(
    app: &tauri::AppHandle,
    show: impl FnOnce() -> Option<T> + Send + 'static,
) -> Reply<Option<T>> {
    let (tx, rx) = std::sync::mpsc::channel();
    app.run_on_main_thread(move || {
        let _ = tx.send(show());
    })
    .map_err(|e| ApiError {
        code: "app.dialog".into(),
        message: e.to_string(),
    })?;
    Ok(
        tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
            .await
            .ok()
            .flatten(),
    )
}

/// Runs a native file dialog on the main thread (where GTK lives) and waits for its answer;
/// in end-to-end tests, `test` answers instead.
async fn dialog(
    app: &tauri::AppHandle,
    test: Option<PathBuf>,
    show: impl FnOnce() -> Option<PathBuf> + Send + 'static,
) -> Reply<Option<PathBuf>> {
    if test.is_some() {
        return Ok(test);
    }
    dialog_many(app, show).await
}

/// Asks for a spreadsheet or CSV file with the system dialog; `None` when cancelled.
#[tauri::command]
async fn pick_file(app: tauri::AppHandle, state: State<'_, AppState>) -> Reply<Option<PathBuf>> {
    let (title, filter) = match state.lang {
        Lang::Fr => ("Choisir un fichier de données", "Tableurs et fichiers CSV"),
        Lang::En => ("Choose a data file", "Spreadsheets and CSV files"),
    };
    dialog(&app, test_answer(TEST_PICK_ENV), move || {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter, import::EXTENSIONS)
            .pick_file()
    })
    .await
}

/// What the import screen sends: the choices made on the preview.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct ImportRequest {
    sheet: Option<String>,
    header_row: Option<usize>,
    table: Option<String>,
    types: BTreeMap<String, ColumnType>,
}

impl ImportRequest {
    fn options(self) -> ImportOptions {
        ImportOptions {
            sheet: self.sheet,
            header_row: self.header_row,
            table: self.table,
            types: self.types,
            ..Default::default()
        }
    }
}

#[tauri::command]
async fn preview_file(
    state: State<'_, AppState>,
    path: PathBuf,
    options: ImportRequest,
) -> Reply<Preview> {
    with(state, move |w| w.preview(&path, &options.options())).await
}

/// Imports a file, streaming progress to the UI through `on_progress`.
#[tauri::command]
async fn import_file(
    state: State<'_, AppState>,
    path: PathBuf,
    options: ImportRequest,
    on_progress: Channel<Progress>,
) -> Reply<ImportReport> {
    with(state, move |w| {
        let report = w.import_with_progress(&path, &options.options(), &mut |p: &Progress| {
            let _ = on_progress.send(*p);
        })?;
        w.warm_table(&report.table);
        Ok(report)
    })
    .await
}

#[tauri::command]
async fn list_tables(state: State<'_, AppState>) -> Reply<Vec<TableInfo>> {
    with(state, |w| w.tables()).await
}

#[tauri::command]
async fn table_view(state: State<'_, AppState>, name: String) -> Reply<TableView> {
    with(state, move |w| w.table_view(&name, 500)).await
}

/// Exports a table to a file the trainee names in the system dialog; `None` when cancelled.
#[tauri::command]
async fn export_table(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    name: String,
    format: ExportFormat,
) -> Reply<Option<ExportReport>> {
    let ext = format.extension();
    let title = match state.lang {
        Lang::Fr => "Exporter le tableau",
        Lang::En => "Export the table",
    };
    let file_name = format!("{name}.{ext}");
    let test = test_answer(TEST_SAVE_ENV).map(|dir| dir.join(&file_name));
    let picked = dialog(&app, test, move || {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .add_filter(ext, &[ext])
            .save_file()
    })
    .await?;
    match picked {
        None => Ok(None),
        Some(path) => {
            with(state, move |w| {
                w.export_table(&name, &path, format).map(Some)
            })
            .await
        }
    }
}

// ---------- the Analyse screen ----------

#[tauri::command]
async fn run_pipeline(
    state: State<'_, AppState>,
    table: String,
    pipeline: serde_json::Value,
) -> Reply<ResultTable> {
    with(state, move |w| w.run_pipeline(&table, &pipeline)).await
}

#[tauri::command]
async fn pipeline_columns(
    state: State<'_, AppState>,
    table: String,
    pipeline: serde_json::Value,
) -> Reply<Vec<Vec<ResultColumn>>> {
    with(state, move |w| w.pipeline_columns(&table, &pipeline)).await
}

#[tauri::command]
async fn save_pipeline(
    state: State<'_, AppState>,
    table: String,
    pipeline: serde_json::Value,
    name: String,
) -> Reply<TableInfo> {
    with(state, move |w| w.save_pipeline(&table, &pipeline, &name)).await
}

#[tauri::command]
async fn run_sql(state: State<'_, AppState>, sql: String) -> Reply<ResultTable> {
    with(state, move |w| w.run_sql(&sql)).await
}

#[tauri::command]
async fn grid_page(
    state: State<'_, AppState>,
    table: String,
    sort: Option<GridSort>,
    cursor: Option<String>,
    page_size: Option<usize>,
) -> Reply<GridPage> {
    let req = GridRequest {
        sort,
        cursor,
        page_size: page_size.unwrap_or(50),
    };
    with(state, move |w| w.grid_page(&table, &req)).await
}

#[tauri::command]
async fn compute_indicator(
    state: State<'_, AppState>,
    table: String,
    request: IndicatorRequest,
) -> Reply<IndicatorResult> {
    with(state, move |w| w.compute_indicator(&table, &request)).await
}

#[tauri::command]
async fn normalise_provinces(
    state: State<'_, AppState>,
    table: String,
    column: String,
) -> Reply<NormaliseReport> {
    with(state, move |w| w.normalise_provinces(&table, &column)).await
}

#[tauri::command]
async fn submit_pipeline(
    state: State<'_, AppState>,
    at: StepAt,
    pipeline: serde_json::Value,
) -> Reply<TaskOutcome> {
    with(state, move |w| w.submit_pipeline(&at, &pipeline)).await
}

#[tauri::command]
async fn submit_chart(
    state: State<'_, AppState>,
    at: StepAt,
    request: serde_json::Value,
) -> Reply<AnswerOutcome> {
    with(state, move |w| w.submit_chart(&at, &request)).await
}

/// Imports an import step's practice file into its table (the step is then done).
#[tauri::command]
async fn import_step(state: State<'_, AppState>, at: StepAt) -> Reply<ImportStepOutcome> {
    with(state, move |w| w.import_step(&at)).await
}

/// Saves a copy of an import step's practice file where the trainee says (`file_name` is
/// only the name suggested); returns the path written, or `None` when cancelled.
#[tauri::command]
async fn save_import_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    pack_id: String,
    lesson_id: String,
    step_id: String,
    file_name: String,
) -> Reply<Option<String>> {
    let title = match state.lang {
        Lang::Fr => "Enregistrer une copie du fichier",
        Lang::En => "Save a copy of the file",
    };
    let file_name = std::path::Path::new(&file_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "donnees.csv".into());
    let ext = std::path::Path::new(&file_name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    let test = test_answer(TEST_SAVE_ENV).map(|dir| dir.join(&file_name));
    let picked = dialog(&app, test, move || {
        let d = rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name);
        if ext.is_empty() {
            d
        } else {
            d.add_filter(ext.clone(), &[ext.as_str()])
        }
        .save_file()
    })
    .await?;
    match picked {
        None => Ok(None),
        Some(path) => {
            with(state, move |w| {
                w.save_import_copy(&pack_id, &lesson_id, &step_id, &path)?;
                Ok(Some(path.display().to_string()))
            })
            .await
        }
    }
}

#[tauri::command]
async fn chart_svg(
    state: State<'_, AppState>,
    table: String,
    request: ChartRequest,
) -> Reply<ChartView> {
    with(state, move |w| w.chart_view(&table, &request)).await
}

#[tauri::command]
async fn chart_advice(
    state: State<'_, AppState>,
    table: String,
    question: Question,
) -> Reply<Vec<Advice>> {
    with(state, move |w| w.chart_advice(&table, question)).await
}

/// Saves a chart where the trainee says: `svg`, `png` (1×) or `png2` (2×, for print and
/// slides). Returns the path written, or `None` when cancelled.
#[tauri::command]
async fn export_chart(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    table: String,
    request: ChartRequest,
    format: String,
) -> Reply<Option<String>> {
    let (ext, scale, suffix) = match format.as_str() {
        "svg" => ("svg", 1, ""),
        "png" => ("png", 1, ""),
        _ => ("png", 2, "-2x"),
    };
    let title = match state.lang {
        Lang::Fr => "Enregistrer le graphique",
        Lang::En => "Save the chart",
    };
    let file_name = format!("graphique-{table}{suffix}.{ext}");
    let test = test_answer(TEST_SAVE_ENV).map(|dir| dir.join(&file_name));
    let picked = dialog(&app, test, move || {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .add_filter(ext, &[ext])
            .save_file()
    })
    .await?;
    match picked {
        None => Ok(None),
        Some(path) => {
            with(state, move |w| {
                w.export_chart(&table, &request, &path, scale)?;
                Ok(Some(path.display().to_string()))
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
            ui_catalog,
            list_profiles,
            create_profile,
            list_packs,
            pack_warnings,
            pack_guide,
            pack_datasets,
            dataset_info,
            install_pack,
            open_lesson,
            get_step,
            submit_answer,
            request_hint,
            submit_record,
            complete_step,
            reveal_solution,
            skip_step,
            submit_reflection,
            pick_file,
            preview_file,
            import_file,
            list_tables,
            table_view,
            export_table,
            run_pipeline,
            pipeline_columns,
            save_pipeline,
            run_sql,
            grid_page,
            compute_indicator,
            normalise_provinces,
            submit_pipeline,
            submit_chart,
            import_step,
            save_import_file,
            chart_svg,
            chart_advice,
            export_chart,
            progress::export_progress,
            progress::class_add,
            progress::class_view,
            progress::class_clear,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("DataJam Atelier could not start: {e}");
            std::process::exit(1);
        });
}
