// PINs: the form that asks one (a profile's, the facilitator's), the trainee's « Mon code
// PIN » card, and the facilitator's desk lock. The core checks every PIN and keeps only
// salted hashes; the desk's PIN given in this session is kept here until a profile is picked.

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { state } from '../router.js';

// A PIN field: digits only, hidden as typed.
function pinField(id, label) {
  const input = h('input', { id, type: 'password', inputmode: 'numeric', pattern: '[0-9]*', maxlength: 8, autocomplete: 'off', class: 'pin-input' });
  return { input, field: h('label', { class: 'pin-field', for: id }, label, input) };
}

// A form asking for a PIN: `submit(pin)` runs the core call; its error (a wrong PIN, in
// the user's language) is shown under the form, which stays for another try.
export function askPin({ id, title, intro, button, submit, focus = true }) {
  const { input, field } = pinField(`${id}-input`, t('ui-pin-label'));
  const error = h('p', { class: 'error-text', id: `${id}-error`, role: 'alert' });
  const form = h('form', { class: 'card pin-ask', id },
    h('h2', {}, title), intro ? h('p', {}, intro) : null,
    h('div', { class: 'row' }, field, h('button', { type: 'submit', class: 'primary', id: `${id}-submit` }, button)),
    error);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    try {
      await submit(input.value);
    } catch (e) {
      error.textContent = e.message;
      input.select();
    }
  });
  if (focus) queueMicrotask(() => input.focus());
  return form;
}

// « Mon code PIN » on the trainee's home: set, change or remove the profile's PIN.
export function profilePinCard() {
  const status = h('p', { id: 'my-pin-status', role: 'status' });
  const card = h('article', { class: 'card', id: 'my-pin' });
  const draw = () => {
    const has = state.profile.has_pin;
    const current = pinField('my-pin-current', t('ui-pin-current'));
    const fresh = pinField('my-pin-new', t('ui-pin-new'));
    const save = async (remove) => {
      try {
        state.profile = await api.setProfilePin(state.profile.id, current.input.value, remove ? null : fresh.input.value);
        draw();
        status.className = 'ok-text';
        status.textContent = t(remove ? 'ui-pin-removed' : 'ui-pin-saved');
      } catch (e) {
        status.className = 'error-text';
        status.textContent = e.message;
      }
    };
    card.replaceChildren(
      h('h2', {}, t('ui-pin-title')),
      h('p', {}, t(has ? 'ui-pin-intro-set' : 'ui-pin-intro')),
      h('div', { class: 'row' }, has ? current.field : null, fresh.field,
        h('button', { id: 'my-pin-save', onclick: () => save(false) }, t(has ? 'ui-pin-change' : 'ui-pin-set')),
        has ? h('button', { class: 'ghost', id: 'my-pin-remove', onclick: () => save(true) }, t('ui-pin-remove')) : null),
      status);
  };
  draw();
  return card;
}

// The facilitator's PIN given in this session (null: none given).
let deskPin = null;

// Forgets the facilitator's PIN: the desk asks it again (a profile was picked).
export function lockDesk() {
  deskPin = null;
}

// The desk's screen built by `build`, behind the facilitator's PIN when one is set.
export async function deskGate(build) {
  if (deskPin !== null || !(await api.facilitatorHasPin())) return build();
  const screen = h('section', { class: 'screen narrow', id: 'screen-desk-lock' },
    askPin({
      id: 'desk-pin',
      title: t('ui-desk-pin-ask'),
      button: t('ui-pin-open'),
      submit: async (pin) => {
        await api.unlockFacilitator(pin);
        deskPin = pin;
        screen.replaceWith(await build());
      },
    }));
  return screen;
}

// On the desk: the facilitator's PIN to set on first use (`setup`, null once set), and the
// trainees' PINs to reset (`trainees`).
export async function deskPinCards() {
  const [hasPin, profiles] = await Promise.all([api.facilitatorHasPin(), api.listProfiles()]);
  const status = h('p', { id: 'trainee-pins-status', role: 'status' });
  const reset = (p, li) => async () => {
    try {
      await api.resetProfilePin(deskPin, p.id);
      li.remove();
      status.className = 'ok-text';
      status.textContent = t('ui-pin-reset-done', { name: p.name });
    } catch (e) {
      status.className = 'error-text';
      status.textContent = e.message;
    }
  };
  const locked = profiles.filter((p) => p.has_pin);
  const trainees = h('article', { class: 'card', id: 'trainee-pins' },
    h('h2', {}, t('ui-pin-trainees-title')),
    locked.length
      ? h('ul', { class: 'pin-list' }, locked.map((p) => {
        const li = h('li', { 'data-profile': p.id }, h('span', {}, p.name), ' ');
        li.append(h('button', { class: 'pin-reset', onclick: reset(p, li) }, t('ui-pin-reset')));
        return li;
      }))
      : h('p', { class: 'muted' }, t('ui-pin-trainees-none')),
    status);
  if (hasPin) return { setup: null, trainees };
  const own = askPin({
    id: 'desk-pin-setup',
    title: t('ui-desk-pin-title'),
    intro: t('ui-desk-pin-intro'),
    button: t('ui-pin-set'),
    focus: false,
    submit: async (pin) => {
      await api.setFacilitatorPin(null, pin);
      deskPin = pin;
      own.replaceWith(h('p', { class: 'ok-text', id: 'desk-pin-saved' }, t('ui-desk-pin-saved')));
    },
  });
  return { setup: own, trainees };
}
