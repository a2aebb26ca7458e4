// Installing a pack file (the trainee's home and the facilitator's desk).

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';

// Installing a pack file brought on a USB stick: the core checks it entirely first and
// installs nothing when it is refused; the message says why. `reload` opens the screen
// again (its pack list changed); the message is then shown on the new screen. `intro` is
// the key of the sentence that says what to do (the trainee's or the facilitator's).
export function installCard(warnings, reload, intro = 'ui-install-intro') {
  const status = h('div', { id: 'install-status', role: 'status' });
  const install = async () => {
    status.replaceChildren(h('p', { class: 'muted' }, t('ui-install-running')));
    try {
      const r = await api.installPack();
      if (!r) { status.replaceChildren(); return; }
      await reload();
      const msg = r.already_installed ? t('ui-install-already', { id: r.id, version: r.version }) : t('ui-install-done', { id: r.id, version: r.version });
      const again = document.getElementById('install-status');
      if (again) {
        again.replaceChildren(h('p', { class: 'ok-text' }, msg));
        if (r.orphaned.length) {
          again.append(h('p', { class: 'warning-text' }, t('ui-install-orphaned', { count: formatNumber(r.orphaned.length) })),
            h('ul', { class: 'warnings' }, r.orphaned.map((o) => h('li', {}, `${o.lesson} / ${o.step}`))));
        }
      }
    } catch (e) {
      status.replaceChildren(h('p', { class: 'error-text', id: 'install-error' }, e.message));
    }
  };
  return h('article', { class: 'card', id: 'install-card' },
    h('h2', {}, t('ui-install-title')),
    h('p', {}, t(intro)),
    h('button', { id: 'install-pack', onclick: install }, t('ui-install-button')),
    status,
    warnings.length
      ? h('details', { class: 'pack-warnings' }, h('summary', {}, t('ui-pack-warnings', { count: formatNumber(warnings.length) })),
        h('ul', { class: 'warnings' }, warnings.map((w) => h('li', {}, w))))
      : null,
  );
}
