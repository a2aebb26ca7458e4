// Home of a profile: the lesson packs with progress, and importing one's own data.

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { state, go } from '../router.js';
import { datasetCard } from '../widgets/datainfo.js';
import { lessonBadge } from '../widgets/lessonbadge.js';

export async function packsScreen() {
  const [packs, warnings] = await Promise.all([api.listPacks(state.profile.id), api.packWarnings()]);
  const datasets = await Promise.all(packs.map((p) => api.packDatasets(p.id)));

  return h('section', { class: 'screen', id: 'screen-packs' },
    h('h1', {}, t('packs_title')),
    packs.map((pack, i) => h('article', { class: 'card pack', 'data-pack': pack.id },
      h('header', {},
        h('h2', {}, pack.title),
        pack.builtin ? h('span', { class: 'tag' }, t('builtin')) : null,
        h('span', { class: 'muted version' }, `v${pack.version}`),
      ),
      h('p', {}, pack.description),
      h('ol', { class: 'lesson-list' },
        pack.lessons.map((l) => h('li', {},
          h('button', { class: 'lesson-open', 'data-lesson': l.id, onclick: () => go.lesson(pack.id, l.id) },
            h('span', { class: 'lesson-title' }, l.title),
            lessonBadge(l.status),
            h('span', { class: 'progress', 'aria-label': t('steps_done', l.done, l.steps) },
              h('progress', { max: Math.max(1, l.steps), value: l.done }),
              h('span', { class: 'muted' }, t('steps_done', l.done, l.steps)),
            ),
          ))),
      ),
      h('div', { class: 'row pack-extras' },
        pack.has_guide ? h('button', { class: 'guide-open', onclick: () => go.guide(pack.id) }, t('guide_open')) : null),
      datasets[i].length
        ? h('details', { class: 'pack-data' },
          h('summary', {}, t('pack_data', datasets[i].length)),
          h('ul', { class: 'datasets' }, datasets[i].map(datasetCard)))
        : null,
    )),
    installCard(warnings),
    h('article', { class: 'card' },
      h('h2', {}, t('import_title')),
      h('p', {}, t('import_intro')),
      h('button', { id: 'open-data', onclick: () => go.data() }, t('open_data')),
    ),
  );
}

// Installing a pack file brought on a USB stick: the core checks it entirely first and
// installs nothing when it is refused; the message says why.
function installCard(warnings) {
  const status = h('div', { id: 'install-status', role: 'status' });
  const install = async () => {
    status.replaceChildren(h('p', { class: 'muted' }, t('install_running')));
    try {
      const r = await api.installPack();
      if (!r) { status.replaceChildren(); return; }
      await go.packs();
      const msg = r.already_installed ? t('install_already', r.id, r.version) : t('install_done', r.id, r.version);
      const again = document.getElementById('install-status');
      if (again) {
        again.replaceChildren(h('p', { class: 'ok-text' }, msg));
        if (r.orphaned.length) {
          again.append(h('p', { class: 'warning-text' }, t('install_orphaned', r.orphaned.length)),
            h('ul', { class: 'warnings' }, r.orphaned.map((o) => h('li', {}, `${o.lesson} / ${o.step}`))));
        }
      }
    } catch (e) {
      status.replaceChildren(h('p', { class: 'error-text', id: 'install-error' }, e.message));
    }
  };
  return h('article', { class: 'card', id: 'install-card' },
    h('h2', {}, t('install_title')),
    h('p', {}, t('install_intro')),
    h('button', { id: 'install-pack', onclick: install }, t('install_button')),
    status,
    warnings.length
      ? h('details', { class: 'pack-warnings' }, h('summary', {}, t('pack_warnings', warnings.length)),
        h('ul', { class: 'warnings' }, warnings.map((w) => h('li', {}, w))))
      : null,
  );
}
