// First screen: pick or create a trainee profile on a shared laptop.

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { state, go, guard } from '../router.js';
import { askPin, lockDesk } from '../widgets/pin.js';
import { useSettings } from '../settings.js';

export async function profilesScreen() {
  const [profiles, packs, info] = await Promise.all([api.listProfiles(), api.listPacks(null), api.appInfo()]);

  lockDesk();
  const enter = async (p) => {
    state.profile = p;
    // The trainee's own language and look, before their first screen.
    await guard(() => useSettings(p.id));
    if (p.resume) go.lesson(p.resume.pack_id, p.resume.lesson_id, p.resume.step_id);
    else go.packs();
  };
  // A profile with a PIN opens once the core accepts its PIN.
  const pinAsk = h('div', { id: 'pin-ask' });
  const open = (p) => guard(async () => {
    if (!p.has_pin) return enter(await api.openProfile(p.id));
    pinAsk.replaceChildren(askPin({
      id: 'profile-pin',
      title: t('ui-pin-ask', { name: p.name }),
      button: t('ui-pin-open'),
      submit: async (pin) => enter(await api.openProfile(p.id, pin)),
    }));
    return undefined;
  });

  const list = profiles.length
    ? h('ul', { class: 'profile-list', id: 'profile-list' },
        profiles.map((p) => h('li', {},
          h('button', { class: 'profile-item', 'data-name': p.name, onclick: () => open(p) },
            h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(p.name)),
            h('span', { class: 'profile-text' },
              h('span', { class: 'profile-name' }, p.name),
              p.has_pin ? h('span', { class: 'tag pin-lock', title: t('ui-pin-locked') }, t('ui-pin-label')) : null),
            h('span', { class: 'profile-action' }, p.resume ? t('ui-resume-at') : t('ui-start')),
          ))))
    : h('p', { class: 'muted' }, t('ui-no-profile'));

  const input = h('input', { id: 'profile-name', name: 'name', maxlength: 60, autocomplete: 'off', required: true, placeholder: t('ui-your-name') });
  const form = h('form', { class: 'card new-profile', id: 'new-profile' },
    h('h2', {}, t('ui-new-profile')),
    h('label', { for: 'profile-name' }, t('ui-your-name')),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', id: 'profile-create', class: 'primary' }, t('ui-create'))),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const p = await guard(() => api.createProfile(input.value));
    if (p) open(p);
  });

  return h('section', { class: 'screen narrow', id: 'screen-profiles' },
    h('h1', {}, t('ui-who-title')),
    h('p', { class: 'lead' }, t('ui-who-intro')),
    list,
    pinAsk,
    form,
    h('p', { class: 'facilitator-entry' },
      h('button', { class: 'ghost', id: 'open-facilitator', onclick: () => go.facilitator() }, t('ui-facilitator-open'))),
    h('aside', { class: 'card program', id: 'program', 'aria-label': t('ui-program') },
      h('h2', {}, t('ui-program')),
      packs.map((p) => h('div', { class: 'program-pack', 'data-pack': p.id },
        h('p', {}, h('strong', {}, p.title), p.builtin ? h('span', { class: 'tag' }, t('ui-builtin')) : null),
        h('p', { class: 'muted' }, p.description),
        h('ol', {}, p.lessons.map((l) => h('li', {}, l.title)))))),
    h('p', { class: 'muted small', id: 'app-version' }, t('ui-app-version', { version: info.version })),
  );
}

function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
}
