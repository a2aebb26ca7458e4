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

export const api = {
  appInfo: () => invoke('app_info'),
  listProfiles: () => invoke('list_profiles'),
  createProfile: (name) => invoke('create_profile', { name }),
  listPacks: (profileId) => invoke('list_packs', { profileId }),
  openLesson: (profileId, packId, lessonId) => invoke('open_lesson', { profileId, packId, lessonId }),
  getStep: (at, stepId) => invoke('get_step', { ...at, stepId }),
  submitAnswer: (at, stepId, answer) => invoke('submit_answer', { ...at, stepId, answer }),
  requestHint: (at, stepId) => invoke('request_hint', { ...at, stepId }),
  submitRecord: (at, stepId, values) => invoke('submit_record', { ...at, stepId, values }),
  completeStep: (at, stepId) => invoke('complete_step', { ...at, stepId }),
  importWithDialog: () => invoke('import_with_dialog'),
};
