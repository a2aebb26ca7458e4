// Entry point: holds who is working and where, and switches between screens.

import { api } from './api.js';
import { h, clear } from './dom.js';
import { setLang, t } from './i18n.js';
import { profilesScreen } from './screens/profiles.js';
import { packsScreen } from './screens/packs.js';
import { lessonScreen } from './screens/lesson.js';
import { dataScreen } from './screens/data.js';
import { analyseScreen } from './screens/analyse.js';
import { guideScreen } from './screens/guide.js';

const app = document.getElementById('app');
const errorBanner = document.getElementById('error');

export const state = {
  profile: null, // {id, name, resume}
};

export function showError(e) {
  if (!e) {
    errorBanner.hidden = true;
    errorBanner.textContent = '';
    return;
  }
  errorBanner.textContent = e.message || String(e);
  errorBanner.hidden = false;
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
      h('button', { class: 'ghost', id: 'change-profile', onclick: () => go.profiles() }, t('change_profile')),
    );
  }
}

function mount(screen) {
  clear(app).append(screen);
  app.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

export const go = {
  async profiles() {
    state.profile = null;
    setWho();
    setCrumbs([{ label: t('who_title') }]);
    const screen = await guard(() => profilesScreen());
    if (screen) mount(screen);
  },
  async packs() {
    setWho();
    setCrumbs([{ label: t('home') }]);
    const screen = await guard(() => packsScreen());
    if (screen) mount(screen);
  },
  async data() {
    setWho();
    setCrumbs([{ label: t('home'), go: () => go.packs() }, { label: t('data_title') }]);
    const screen = await guard(() => dataScreen());
    if (screen) mount(screen);
  },
  async analyse(table) {
    setWho();
    setCrumbs([{ label: t('home'), go: () => go.packs() }, { label: t('data_title'), go: () => go.data() }, { label: t('an_title') }]);
    const screen = await guard(() => analyseScreen(table));
    if (screen) mount(screen);
  },
  async guide(packId) {
    setWho();
    const screen = await guard(() => guideScreen(packId, (title) => {
      setCrumbs([{ label: t('home'), go: () => go.packs() }, { label: title }]);
    }));
    if (screen) mount(screen);
  },
  async lesson(packId, lessonId, stepId) {
    setWho();
    const screen = await guard(() => lessonScreen(packId, lessonId, stepId, (packTitle, lessonTitle) => {
      setCrumbs([{ label: t('home'), go: () => go.packs() }, { label: lessonTitle }]);
    }));
    if (screen) mount(screen);
  },
};

async function start() {
  const info = await guard(() => api.appInfo());
  setLang(info ? info.lang : 'fr');
  document.title = 'DataJam Atelier';
  await go.profiles();
}

start();
