//! DataJam Atelier desktop shell: a window, a webview on `ui/`, and one command per user
//! action, each a short call into the `datajam` core. No logic lives here: errors from the
//! core cross to the UI as `{code, message}` in the user's language.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod notebook;
mod packs;
mod pins;
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
    tauri::async_runtime::spawn_blocking(move || {
        let mut w = workshop
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // In the language of the profile at work (its settings).
        f(&mut w).map_err(|e| ApiError::from_core(&e, w.lang()))
    })
    .await
    .map_err(|e| ApiError {
        code: "app.internal".into(),
        message: e.to_string(),
    })?
}

/// Declares desktop commands that are each one call into the workshop, run by [`with`] on a
/// blocking thread: `fn name(argument: Type, …) -> Output = |w| w.call(…);`. Every command
/// takes the app state first; its other arguments come from the UI.
macro_rules! workshop_commands {
    ($(
        $(#[$doc:meta])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty = |$w:ident| $call:expr;
    )*) => {$(
        $(#[$doc])*
        #[tauri::command]
        async fn $name(state: State<'_, AppState>, $($arg: $ty),*) -> Reply<$out> {
            with(state, move |$w| $call).await
        }
    )*};
}

/// Runs a core call on the path the trainee picked in a dialog; `None` when cancelled.
async fn with_picked<T, F>(
    state: State<'_, AppState>,
    picked: Option<PathBuf>,
    f: F,
) -> Reply<Option<T>>
where
    T: Send + 'static,
    F: FnOnce(&mut Workshop, PathBuf) -> datajam::Result<T> + Send + 'static,
{
    match picked {
        None => Ok(None),
        Some(path) => with(state, move |w| f(w, path).map(Some)).await,
    }
}

/// The message catalog in `lang` (a profile's language), else in the app's, for the UI to
/// format its sentences: it needs no workshop, so the UI can still speak when the
/// workshop could not open.
#[tauri::command]
fn ui_catalog(state: State<'_, AppState>, lang: Option<Lang>) -> Catalog {
    Catalog::of(lang.unwrap_or(state.lang))
}

workshop_commands! {
    fn app_info() -> AppInfo = |w| Ok(w.info());
    fn list_profiles() -> Vec<ProfileView> = |w| w.profiles();
    fn create_profile(name: String) -> ProfileView = |w| w.create_profile(&name);
    fn list_packs(profile_id: Option<String>) -> Vec<PackSummary> =
        |w| w.packs(profile_id.as_deref());
    /// The facilitator's guide of a pack, sanitised, with its table of contents.
    fn pack_guide(pack_id: String) -> GuideView = |w| w.pack_guide(&pack_id);
    /// A pack's datasets with their sources and licences.
    fn pack_datasets(pack_id: String) -> Vec<DatasetInfo> =
        |w| w.pack_datasets(Some(&pack_id));
    /// Sources and licence of a workspace table that is (or was built from) a pack dataset.
    fn dataset_info(table: String) -> Option<DatasetInfo> = |w| w.dataset_info(&table);
    /// Warnings about installed packs left out (unreadable file, clashing dataset…).
    fn pack_warnings() -> Vec<String> = |w| Ok(w.pack_warnings().to_vec());

    // ---------- a lesson and its steps ----------

    fn open_lesson(profile_id: String, pack_id: String, lesson_id: String) -> LessonView =
        |w| w.lesson(&profile_id, &pack_id, &lesson_id);
    fn get_step(at: StepAt) -> StepView = |w| w.step(&at);
    fn submit_answer(at: StepAt, answer: serde_json::Value) -> AnswerOutcome =
        |w| w.answer(&at, &answer);
    fn request_hint(at: StepAt) -> HintOutcome = |w| w.hint(&at);
    fn submit_record(at: StepAt, values: BTreeMap<String, String>) -> RecordOutcome =
        |w| w.submit_record(&at, &values);
    fn complete_step(at: StepAt) -> StepView = |w| w.complete(&at);
    fn submit_reflection(at: StepAt, text: String) -> RecordOutcome = |w| w.reflect(&at, &text);
    fn reveal_solution(at: StepAt) -> StepView = |w| w.reveal(&at);
    fn skip_step(at: StepAt) -> StepView = |w| w.skip(&at);
    fn submit_pipeline(at: StepAt, pipeline: serde_json::Value) -> TaskOutcome =
        |w| w.submit_pipeline(&at, &pipeline);
    fn submit_chart(at: StepAt, request: serde_json::Value) -> AnswerOutcome =
        |w| w.submit_chart(&at, &request);
    /// Imports an import step's practice file into its table (the step is then done).
    fn import_step(at: StepAt) -> ImportStepOutcome = |w| w.import_step(&at);

    // ---------- the data screens ----------

    fn preview_file(path: PathBuf, options: ImportRequest) -> Preview =
        |w| w.preview(&path, &options.options());
    fn list_tables() -> Vec<TableInfo> = |w| w.tables();
    fn table_view(name: String) -> TableView = |w| w.table_view(&name, 500);

    // ---------- the Analyse screen ----------

    fn run_pipeline(table: String, pipeline: serde_json::Value) -> ResultTable =
        |w| w.run_pipeline(&table, &pipeline);
    fn pipeline_columns(table: String, pipeline: serde_json::Value) -> Vec<Vec<ResultColumn>> =
        |w| w.pipeline_columns(&table, &pipeline);
    fn save_pipeline(table: String, pipeline: serde_json::Value, name: String) -> TableInfo =
        |w| w.save_pipeline(&table, &pipeline, &name);
    fn run_sql(sql: String) -> ResultTable = |w| w.run_sql(&sql);
    fn grid_page(
        table: String,
        sort: Option<GridSort>,
        cursor: Option<String>,
        page_size: Option<usize>,
    ) -> GridPage = |w| w.grid_page(&table, &GridRequest {
        sort,
        cursor,
        page_size: page_size.unwrap_or(50),
    });
    fn compute_indicator(table: String, request: IndicatorRequest) -> IndicatorResult =
        |w| w.compute_indicator(&table, &request);
    fn normalise_provinces(table: String, column: String) -> NormaliseReport =
        |w| w.normalise_provinces(&table, &column);
    fn chart_svg(table: String, request: ChartRequest) -> ChartView =
        |w| w.chart_view(&table, &request);
    fn chart_advice(table: String, question: Question) -> Vec<Advice> =
        |w| w.chart_advice(&table, question);
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

/// The words of a dialog (`desktop-…` in the catalog), in the language the trainee chose
/// in their settings (the workshop's current language), else the app's.
fn words(state: &AppState, key: &str) -> String {
    let lang = match &state.workshop {
        Ok(w) => w.try_lock().map_or(state.lang, |w| w.lang()),
        Err(_) => state.lang,
    };
    datajam::tr!(lang, key)
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

/// Asks for a file to open, of the kinds `filter` names; `None` when cancelled. The
/// end-to-end tests answer through the environment variable `test_env`.
async fn open_dialog(
    app: &tauri::AppHandle,
    test_env: &str,
    title: String,
    filter: String,
    extensions: &'static [&'static str],
) -> Reply<Option<PathBuf>> {
    dialog(app, test_answer(test_env), move || {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter, extensions)
            .pick_file()
    })
    .await
}

/// Asks where to save a file, suggesting `file_name` (filtered on its extension `ext`
/// when there is one), then runs the core call that writes it there; `None` when cancelled.
async fn save_as<T, F>(
    app: &tauri::AppHandle,
    state: State<'_, AppState>,
    title: String,
    file_name: String,
    ext: String,
    write: F,
) -> Reply<Option<T>>
where
    T: Send + 'static,
    F: FnOnce(&mut Workshop, PathBuf) -> datajam::Result<T> + Send + 'static,
{
    let test = test_answer(TEST_SAVE_ENV).map(|dir| dir.join(&file_name));
    let picked = dialog(app, test, move || {
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
    with_picked(state, picked, write).await
}

/// Asks for a `.datajam` file (from a USB stick, say) and installs it; `None` when cancelled.
#[tauri::command]
async fn install_pack(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<InstallReport>> {
    let (title, filter) = (
        words(&state, "desktop-pick-pack"),
        words(&state, "desktop-filter-pack"),
    );
    let extensions = &[datajam::pack::packfile::EXTENSION];
    let picked = open_dialog(&app, TEST_PACK_ENV, title, filter, extensions).await?;
    with_picked(state, picked, |w, path| w.install_pack(&path)).await
}

/// Asks for a spreadsheet or CSV file with the system dialog; `None` when cancelled.
#[tauri::command]
async fn pick_file(app: tauri::AppHandle, state: State<'_, AppState>) -> Reply<Option<PathBuf>> {
    let (title, filter) = (
        words(&state, "desktop-pick-data"),
        words(&state, "desktop-filter-data"),
    );
    open_dialog(&app, TEST_PICK_ENV, title, filter, import::PICK_EXTENSIONS).await
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

/// Exports a table to a file the trainee names in the system dialog; `None` when cancelled.
#[tauri::command]
async fn export_table(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    name: String,
    format: ExportFormat,
) -> Reply<Option<ExportReport>> {
    let ext = format.extension();
    let title = words(&state, "desktop-export-table");
    let file_name = format!("{name}.{ext}");
    save_as(&app, state, title, file_name, ext.into(), move |w, path| {
        w.export_table(&name, &path, format)
    })
    .await
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
    let title = words(&state, "desktop-save-copy");
    let file_name = std::path::Path::new(&file_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "donnees.csv".into());
    let ext = std::path::Path::new(&file_name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    save_as(&app, state, title, file_name, ext, move |w, path| {
        let written = w.save_import_copy(&pack_id, &lesson_id, &step_id, &path);
        written.map(|_| path.display().to_string())
    })
    .await
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
    let title = words(&state, "desktop-save-chart");
    let file_name = format!("graphique-{table}{suffix}.{ext}");
    save_as(&app, state, title, file_name, ext.into(), move |w, path| {
        let written = w.export_chart(&table, &request, &path, scale);
        written.map(|_| path.display().to_string())
    })
    .await
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
            progress::class_export,
            packs::pack_check_folder,
            packs::pack_build,
            packs::prepare_room,
            pins::open_profile,
            pins::set_profile_pin,
            pins::facilitator_has_pin,
            pins::unlock_facilitator,
            pins::set_facilitator_pin,
            pins::reset_profile_pin,
            notebook::notebook,
            notebook::export_notebook,
            notebook::use_settings,
            notebook::save_settings,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("DataJam Atelier could not start: {e}");
            std::process::exit(1);
        });
}
