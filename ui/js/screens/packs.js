// Home of a profile: the lesson packs with progress, and importing one's own data.

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { state, go } from '../router.js';
import { datasetCard } from '../widgets/datainfo.js';
import { lessonBadge } from '../widgets/lessonbadge.js';
import { installCard } from '../widgets/packinstall.js';
import { profilePinCard } from '../widgets/pin.js';

export async function packsScreen() {
  const [packs, warnings] = await Promise.all([api.listPacks(state.profile.id), api.packWarnings()]);
  const datasets = await Promise.all(packs.map((p) => api.packDatasets(p.id)));

  return h('section', { class: 'screen', id: 'screen-packs' },
    h('h1', {}, t('ui-packs-title')),
    packs.map((pack, i) => h('article', { class: 'card pack', 'data-pack': pack.id },
      h('header', {},
        h('h2', { dir: 'auto' }, pack.title),
        pack.builtin ? h('span', { class: 'tag' }, t('ui-builtin')) : null,
        h('span', { class: 'muted version' }, `v${pack.version}`),
      ),
      h('p', { dir: 'auto' }, pack.description),
      h('ol', { class: 'lesson-list' },
        pack.lessons.map((l) => {
          const stepsDone = t('ui-steps-done', { done: formatNumber(l.done), total: formatNumber(l.steps), n: l.steps });
          return h('li', {},
            h('button', { class: 'lesson-open', 'data-lesson': l.id, onclick: () => go.lesson(pack.id, l.id) },
              h('span', { class: 'lesson-title' }, h('bdi', {}, l.title)),
              lessonBadge(l.status),
              h('span', { class: 'progress', 'aria-label': stepsDone },
                h('progress', { max: Math.max(1, l.steps), value: l.done }),
                h('span', { class: 'muted' }, stepsDone),
              ),
            ));
        }),
      ),
      h('div', { class: 'row pack-extras' },
        pack.has_guide ? h('button', { class: 'guide-open', onclick: () => go.guide(pack.id) }, t('ui-guide-open')) : null),
      datasets[i].length
        ? h('details', { class: 'pack-data' },
          h('summary', {}, t('ui-pack-data', { count: formatNumber(datasets[i].length) })),
          h('ul', { class: 'datasets' }, datasets[i].map(datasetCard)))
        : null,
    )),
    handInCard(),
    notebookCard(),
    profilePinCard(),
    installCard(warnings, () => go.packs()),
    h('article', { class: 'card' },
      h('h2', {}, t('ui-import-title')),
      h('p', {}, t('ui-import-intro')),
      h('button', { id: 'open-data', onclick: () => go.data() }, t('ui-open-data')),
    ),
  );
}

// "Exporter ma progression": the trainee's progress file, where they choose (a USB stick).
function handInCard() {
  const status = h('div', { id: 'handin-status', role: 'status' });
  const exportIt = async () => {
    try {
      const r = await api.exportProgress(state.profile.id);
      status.replaceChildren(r ? h('p', { class: 'ok-text', id: 'handin-done' }, t('ui-handin-done', { count: formatNumber(r.events), file: r.file })) : '');
    } catch (e) {
      status.replaceChildren(h('p', { class: 'error-text' }, e.message));
    }
  };
  return h('article', { class: 'card', id: 'handin-card' },
    h('h2', {}, t('ui-handin-title')),
    h('p', {}, t('ui-handin-intro')),
    h('button', { id: 'export-progress', onclick: exportIt }, t('ui-handin-button')),
    status,
  );
}

// « Mon carnet »: the trainee's reflections, answers and charts, to read and take away.
function notebookCard() {
  return h('article', { class: 'card', id: 'notebook-card' },
    h('h2', {}, t('ui-notebook-title')),
    h('p', {}, t('ui-notebook-card')),
    h('button', { id: 'open-notebook', onclick: () => go.notebook() }, t('ui-notebook-open')),
  );
}
