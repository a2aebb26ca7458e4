// « Réglages »: the trainee's own settings (language: French, English or Arabic, the last
// laid out right to left; text size, high contrast), kept with
// their profile and applied each time it is picked.

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { state, go, guard } from '../router.js';
import { applySettings } from '../settings.js';

const LANGS = [['fr', 'ui-settings-lang-fr'], ['en', 'ui-settings-lang-en'], ['ar', 'ui-settings-lang-ar']];
const SIZES = [['normal', 'ui-settings-size-normal'], ['large', 'ui-settings-size-large'], ['larger', 'ui-settings-size-larger']];

export async function settingsScreen(saved) {
  const s = await api.useSettings(state.profile.id);
  const lang = h('select', { id: 'settings-lang', name: 'lang' },
    LANGS.map(([v, key]) => h('option', { value: v, selected: s.lang === v }, t(key))));
  const sizes = h('fieldset', { class: 'choices', id: 'settings-size' },
    h('legend', {}, t('ui-settings-size')),
    SIZES.map(([v, key]) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'text_size', value: v, checked: s.text_size === v }), h('span', {}, t(key)))));
  const contrast = h('input', { type: 'checkbox', id: 'settings-contrast', name: 'high_contrast', checked: s.high_contrast });
  const form = h('form', { class: 'card settings', id: 'settings-form' },
    h('div', { class: 'field' }, h('label', { for: 'settings-lang' }, t('ui-settings-lang')), lang),
    sizes,
    h('label', { class: 'choice' }, contrast, h('span', {}, t('ui-settings-contrast'))),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', id: 'settings-save' }, t('ui-settings-save'))),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const next = {
      lang: lang.value,
      text_size: form.querySelector('input[name=text_size]:checked')?.value ?? 'normal',
      high_contrast: contrast.checked,
    };
    const out = await guard(() => api.saveSettings(state.profile.id, next));
    if (!out) return;
    await applySettings(out);
    go.settings(true);
  });
  return h('section', { class: 'screen narrow', id: 'screen-settings' },
    h('h1', {}, t('ui-settings-title')),
    h('p', { class: 'lead' }, t('ui-settings-intro', { name: state.profile.name })),
    saved ? h('p', { class: 'ok-text', id: 'settings-saved', role: 'status' }, t('ui-settings-saved')) : null,
    form,
  );
}
