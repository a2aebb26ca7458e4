// Who is working and where: the app's state, the screen switch (`go.*`), the error banner
// and the header (breadcrumbs, current profile). Screens import this module; it imports no
// screen: main.js hands it the screens at boot (`registerScreens`), so no module imports
// one that imports it back.

import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { useSettings } from './settings.js';

export const state = {
  profile: null, // {id, name, resume}
};

// The screen builders, by name (profiles, packs, data, analyse, guide, lesson, facilitator, packDesk).
const screens = {};

export function registerScreens(table) {
  Object.assign(screens, table);
}

export function showError(e) {
  const banner = document.getElementById('error');
  if (!e) {
    banner.hidden = true;
    banner.textContent = '';
    return;
  }
  banner.textContent = e.message || String(e);
  banner.hidden = false;
}

// Runs an async action, showing its error in the banner instead of failing silently.
export async function guard(fn) {
  try {
    showError(null);
    return await fn();
  } catch (e) {
    showError(e);
    return undefined;
  }
}

function setCrumbs(items) {
  const nav = clear(document.getElementById('crumbs'));
  items.forEach((item, i) => {
    if (i > 0) nav.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, '›'));
    nav.append(item.go ? h('button', { class: 'link', onclick: item.go }, item.label) : h('span', {}, item.label));
  });
}

function setWho() {
  const who = clear(document.getElementById('who'));
  if (state.profile) {
    who.append(
      h('span', { class: 'who-name', id: 'current-profile' }, state.profile.name),
      h('button', { class: 'ghost', id: 'open-settings', onclick: () => go.settings() }, t('ui-settings-title')),
      h('button', { class: 'ghost', id: 'change-profile', onclick: () => go.profiles() }, t('ui-change-profile')),
    );
  }
}

function mount(screen) {
  const app = document.getElementById('app');
  clear(app).append(screen);
  app.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

// Builds a screen (its errors go to the banner) and shows it.
async function open(build) {
  const screen = await guard(build);
  if (screen) mount(screen);
}

const home = () => ({ label: t('ui-home'), go: () => go.packs() });

export const go = {
  async profiles() {
    state.profile = null;
    // Nobody at work: the app's own language and look.
    await guard(() => useSettings(null));
    setWho();
    setCrumbs([{ label: t('ui-who-title') }]);
    await open(() => screens.profiles());
  },
  async packs() {
    setWho();
    setCrumbs([{ label: t('ui-home') }]);
    await open(() => screens.packs());
  },
  async data() {
    setWho();
    setCrumbs([home(), { label: t('ui-data-title') }]);
    await open(() => screens.data());
  },
  async analyse(table) {
    setWho();
    setCrumbs([home(), { label: t('ui-data-title'), go: () => go.data() }, { label: t('ui-an-title') }]);
    await open(() => screens.analyse(table));
  },
  async facilitator() {
    state.profile = null;
    await guard(() => useSettings(null));
    setWho();
    setCrumbs([{ label: t('ui-who-title'), go: () => go.profiles() }, { label: t('ui-facilitator-title') }]);
    await open(() => screens.facilitator());
  },
  async packDesk() {
    state.profile = null;
    setWho();
    setCrumbs([{ label: t('ui-who-title'), go: () => go.profiles() }, { label: t('ui-facilitator-title'), go: () => go.facilitator() }, { label: t('ui-pack-desk-title') }]);
    await open(() => screens.packDesk());
  },
  async guide(packId) {
    setWho();
    await open(() => screens.guide(packId, (title) => setCrumbs([home(), { label: title }])));
  },
  async lesson(packId, lessonId, stepId) {
    setWho();
    await open(() => screens.lesson(packId, lessonId, stepId, (packTitle, lessonTitle) => setCrumbs([home(), { label: lessonTitle }])));
  },
  async settings(saved) {
    setWho();
    setCrumbs([home(), { label: t('ui-settings-title') }]);
    await open(() => screens.settings(saved));
  },
  async notebook() {
    setWho();
    setCrumbs([home(), { label: t('ui-notebook-title') }]);
    await open(() => screens.notebook());
  },
};
