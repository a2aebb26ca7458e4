// The only module that talks to the desktop shell. Every screen calls these functions;
// errors arrive as {code, message} with the message already in the user's language.

function invoke(cmd, args = {}) {
  const ipc = window.__TAURI_INTERNALS__;
  if (!ipc) {
    return Promise.reject({ code: 'app.no_shell', message: "Cette page doit être ouverte dans l'application DataJam Atelier." });
  }
  return ipc.invoke(cmd, args).catch((e) => {
    throw typeof e === 'object' && e && e.message ? e : { code: 'app.internal', message: String(e) };
  });
}

// A channel for progress messages from a long command (what @tauri-apps/api calls Channel).
function channel(onMessage) {
  const id = window.__TAURI_INTERNALS__.transformCallback((raw) => {
    if (raw && typeof raw === 'object' && 'message' in raw) onMessage(raw.message);
  });
  return { id, toJSON: () => `__CHANNEL__:${id}` };
}

// A step of a lesson for a trainee, as the core's commands take it (StepAt).
const stepAt = (at, stepId) => ({ profile: at.profileId, pack: at.packId, lesson: at.lessonId, step: stepId });

export const api = {
  appInfo: () => invoke('app_info'),
  catalog: (lang) => invoke('ui_catalog', { lang }),
  listProfiles: () => invoke('list_profiles'),
  createProfile: (name) => invoke('create_profile', { name }),
  listPacks: (profileId) => invoke('list_packs', { profileId }),
  packWarnings: () => invoke('pack_warnings'),
  packGuide: (packId) => invoke('pack_guide', { packId }),
  packDatasets: (packId) => invoke('pack_datasets', { packId }),
  datasetInfo: (table) => invoke('dataset_info', { table }),
  installPack: () => invoke('install_pack'),
  openLesson: (profileId, packId, lessonId) => invoke('open_lesson', { profileId, packId, lessonId }),
  getStep: (at, stepId) => invoke('get_step', { at: stepAt(at, stepId) }),
  submitAnswer: (at, stepId, answer) => invoke('submit_answer', { at: stepAt(at, stepId), answer }),
  requestHint: (at, stepId) => invoke('request_hint', { at: stepAt(at, stepId) }),
  submitRecord: (at, stepId, values) => invoke('submit_record', { at: stepAt(at, stepId), values }),
  completeStep: (at, stepId) => invoke('complete_step', { at: stepAt(at, stepId) }),
  revealSolution: (at, stepId) => invoke('reveal_solution', { at: stepAt(at, stepId) }),
  skipStep: (at, stepId) => invoke('skip_step', { at: stepAt(at, stepId) }),
  submitReflection: (at, stepId, text) => invoke('submit_reflection', { at: stepAt(at, stepId), text }),
  pickFile: () => invoke('pick_file'),
  previewFile: (path, options) => invoke('preview_file', { path, options }),
  importFile: (path, options, onProgress) => invoke('import_file', { path, options, onProgress: channel(onProgress) }),
  listTables: () => invoke('list_tables'),
  tableView: (name) => invoke('table_view', { name }),
  exportTable: (name, format) => invoke('export_table', { name, format }),
  gridPage: (table, sort, cursor, pageSize) => invoke('grid_page', { table, sort, cursor, pageSize }),
  runPipeline: (table, pipeline) => invoke('run_pipeline', { table, pipeline }),
  pipelineColumns: (table, pipeline) => invoke('pipeline_columns', { table, pipeline }),
  savePipeline: (table, pipeline, name) => invoke('save_pipeline', { table, pipeline, name }),
  runSql: (sql) => invoke('run_sql', { sql }),
  chartSvg: (table, request) => invoke('chart_svg', { table, request }),
  chartAdvice: (table, question) => invoke('chart_advice', { table, question }),
  exportChart: (table, request, format) => invoke('export_chart', { table, request, format }),
  computeIndicator: (table, request) => invoke('compute_indicator', { table, request }),
  normaliseProvinces: (table, column) => invoke('normalise_provinces', { table, column }),
  exportProgress: (profileId) => invoke('export_progress', { profileId }),
  classView: () => invoke('class_view'),
  classAdd: (folder) => invoke('class_add', { folder }),
  classClear: () => invoke('class_clear'),
  classExport: (format) => invoke('class_export', { format }),
  submitPipeline: (at, stepId, pipeline) => invoke('submit_pipeline', { at: stepAt(at, stepId), pipeline }),
  submitChart: (at, stepId, request) => invoke('submit_chart', { at: stepAt(at, stepId), request }),
  importStep: (at, stepId) => invoke('import_step', { at: stepAt(at, stepId) }),
  saveImportFile: (at, stepId, fileName) => invoke('save_import_file', { packId: at.packId, lessonId: at.lessonId, stepId, fileName }),
  packCheckFolder: () => invoke('pack_check_folder'),
  packBuild: (dir) => invoke('pack_build', { dir }),
  prepareRoom: () => invoke('prepare_room'),
  openProfile: (profileId, pin) => invoke('open_profile', { profileId, pin: pin || null }),
  setProfilePin: (profileId, current, pin) => invoke('set_profile_pin', { profileId, current: current || null, pin: pin || null }),
  facilitatorHasPin: () => invoke('facilitator_has_pin'),
  unlockFacilitator: (pin) => invoke('unlock_facilitator', { pin: pin || null }),
  setFacilitatorPin: (current, pin) => invoke('set_facilitator_pin', { current: current || null, pin }),
  resetProfilePin: (facilitatorPin, profileId) => invoke('reset_profile_pin', { facilitatorPin: facilitatorPin || null, profileId }),
  notebook: (profileId) => invoke('notebook', { profileId }),
  exportNotebook: (profileId) => invoke('export_notebook', { profileId }),
  useSettings: (profileId) => invoke('use_settings', { profileId }),
  saveSettings: (profileId, settings) => invoke('save_settings', { profileId, settings }),
};
