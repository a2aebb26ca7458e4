// The facilitator's packs: check a pack folder (every problem with its file and line),
// build its .datajam file for the USB stick, install a pack file, and each installed
// pack's version, authors, licence and datasets. The core checks and builds; this screen
// only shows what it says.

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber, formatBytes } from '../format.js';
import { go } from '../router.js';
import { datasetCard } from '../widgets/datainfo.js';
import { installCard } from '../widgets/packinstall.js';
import { deskGate } from '../widgets/pin.js';

export function packDeskScreen() {
  return deskGate(packDesk);
}

async function packDesk() {
  const [packs, warnings] = await Promise.all([api.listPacks(null), api.packWarnings()]);
  const datasets = await Promise.all(packs.map((p) => api.packDatasets(p.id)));
  return h('section', { class: 'screen', id: 'screen-pack-desk' },
    h('h1', {}, t('ui-pack-desk-title')),
    h('p', { class: 'lead' }, t('ui-pack-desk-intro')),
    checkCard(),
    installCard(warnings, () => go.packDesk(), 'ui-pack-desk-install-intro'),
    roomCard(),
    h('article', { class: 'card', id: 'installed-packs' },
      h('h2', {}, t('ui-pack-desk-installed')),
      packs.map((p, i) => installedPack(p, datasets[i]))),
  );
}

// Check a folder, then build its file once it has no problem.
function checkCard() {
  const result = h('div', { id: 'pack-check-result', role: 'status' });
  const fail = (e) => result.replaceChildren(h('p', { class: 'error-text', id: 'pack-check-error' }, e.message));
  const build = (report) => async () => {
    try {
      const r = await api.packBuild(report.path);
      if (!r) return;
      document.getElementById('pack-built')?.remove();
      result.append(h('p', { class: 'ok-text', id: 'pack-built' }, t('ui-pack-built', {
        path: r.path, size: formatBytes(r.bytes), files: formatNumber(r.files), sha: r.sha256.slice(0, 16),
      })));
    } catch (e) { fail(e); }
  };
  const check = async () => {
    try {
      const r = await api.packCheckFolder();
      if (r) result.replaceChildren(...checkResult(r, build(r)));
    } catch (e) { fail(e); }
  };
  return h('article', { class: 'card', id: 'pack-check-card' },
    h('h2', {}, t('ui-pack-check-title')),
    h('p', {}, t('ui-pack-check-intro')),
    h('button', { class: 'primary', id: 'pack-check', onclick: check }, t('ui-pack-check-button')),
    result);
}

function checkResult(r, build) {
  const where = (p) => (p.line > 0 ? `${p.file}:${formatNumber(p.line)}` : p.file);
  const list = (id, items) => h('ul', { class: 'warnings pack-problems', id },
    items.map((p) => h('li', { 'data-file': p.file, 'data-line': String(p.line) }, h('code', {}, where(p)), ` — ${p.message}`)));
  const out = [h('p', { class: 'muted small' }, t('ui-pack-checked-folder', { path: r.path }))];
  if (r.ok) {
    out.push(h('p', { class: 'ok-text', id: 'pack-valid' }, t('ui-pack-valid', {
      id: r.id, version: r.version, lessons: formatNumber(r.lessons), steps: formatNumber(r.steps), datasets: formatNumber(r.datasets),
    })));
  } else {
    out.push(h('p', { class: 'error-text', id: 'pack-invalid' }, t('ui-pack-invalid', { count: formatNumber(r.problems.length), n: r.problems.length })),
      list('pack-problems', r.problems));
  }
  if (r.warnings.length) out.push(h('p', { class: 'warning-text' }, t('ui-pack-check-warnings')), list('pack-warnings-list', r.warnings));
  if (r.ok) out.push(h('button', { id: 'pack-build', onclick: build }, t('ui-pack-build-button')));
  return out;
}

// « Préparer la clé de la salle »: the installed packs, the installers and a « lisez-moi »
// onto a USB stick.
function roomCard() {
  const status = h('div', { id: 'room-status', role: 'status' });
  const prepare = async () => {
    try {
      const r = await api.prepareRoom();
      if (!r) return;
      status.replaceChildren(
        h('p', { class: 'ok-text', id: 'room-done' }, t('ui-room-done', { folder: r.folder, count: formatNumber(r.packs.length), n: r.packs.length })),
        r.packs.length ? h('ul', { class: 'room-packs' }, r.packs.map((p) => h('li', {}, p))) : null,
        r.installers_missing
          ? h('p', { class: 'warning-text', id: 'room-no-installers' }, t('ui-room-no-installers', { folder: r.installers_missing }))
          : h('p', { class: 'ok-text', id: 'room-installers' }, t('ui-room-installers', { count: formatNumber(r.installers) })));
    } catch (e) {
      status.replaceChildren(h('p', { class: 'error-text' }, e.message));
    }
  };
  return h('article', { class: 'card', id: 'room-card' },
    h('h2', {}, t('ui-room-title')),
    h('p', {}, t('ui-room-intro')),
    h('button', { id: 'room-prepare', onclick: prepare }, t('ui-room-button')),
    status);
}

function installedPack(p, datasets) {
  return h('section', { class: 'installed-pack', 'data-pack': p.id },
    h('header', {},
      h('h3', {}, p.title),
      p.builtin ? h('span', { class: 'tag' }, t('ui-builtin')) : null,
      h('span', { class: 'muted version' }, `v${p.version}`)),
    h('dl', { class: 'pack-facts' },
      h('dt', {}, t('ui-pack-id')), h('dd', { class: 'pack-id' }, p.id),
      h('dt', {}, t('ui-pack-authors')), h('dd', { class: 'pack-authors' }, p.authors.length ? p.authors.join(', ') : t('ui-pack-no-authors')),
      h('dt', {}, t('ui-pack-licence')), h('dd', { class: 'pack-licence' }, p.licence),
      h('dt', {}, t('ui-pack-lessons')), h('dd', {}, formatNumber(p.lessons.length))),
    datasets.length
      ? h('details', { class: 'pack-data' },
        h('summary', {}, t('ui-pack-data', { count: formatNumber(datasets.length) })),
        h('ul', { class: 'datasets' }, datasets.map(datasetCard)))
      : h('p', { class: 'muted' }, t('ui-pack-no-datasets')));
}
