// Where a pack's data comes from: the one-line credit under a table, an editor or a chart,
// and the card that tells a dataset's title, size, description, sources and licences.
// Everything here comes from the pack's datapackage.json through the core (DatasetInfo)
// and is inserted as text.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';

/// The credit line « Source : … · Licence : … » with the details behind a disclosure.
export function creditLine(info, id = 'dataset-credit') {
  if (!info) return null;
  return h('details', { class: 'credit', id },
    h('summary', {}, h('span', { class: 'credit-text' }, info.credit), ' ', h('span', { class: 'muted small' }, `(${t('ui-data-about')})`)),
    datasetDetails(info));
}

/// A dataset as the pack's page lists it.
export function datasetCard(info) {
  return h('li', { class: 'dataset', 'data-dataset': info.name },
    h('h3', {}, info.title || info.name),
    datasetDetails(info));
}

function datasetDetails(info) {
  const source = (s) => h('li', {}, s.title, s.path ? h('span', { class: 'muted' }, ` — ${s.path}`) : null);
  const licence = (l) => h('li', {}, l.title || l.name || l.path,
    l.title && l.name ? h('span', { class: 'muted' }, ` (${l.name})`) : null,
    l.path ? h('span', { class: 'muted' }, ` — ${l.path}`) : null);
  return h('div', { class: 'dataset-details' },
    h('p', { class: 'muted small' },
      t('ui-data-table-name', { name: info.name }),
      info.rows !== null && info.rows !== undefined ? ` · ${t('ui-data-rows', { rows: formatNumber(info.rows), nrows: info.rows })}` : null),
    info.derived_from ? h('p', { class: 'small' }, t('ui-data-from', { name: info.derived_from })) : null,
    info.description ? h('p', { class: 'dataset-description' }, info.description) : null,
    info.sources.length ? [h('h4', {}, t('ui-data-sources')), h('ul', { class: 'sources' }, info.sources.map(source))] : null,
    info.licenses.length ? [h('h4', {}, t('ui-data-licences')), h('ul', { class: 'licences' }, info.licenses.map(licence))] : null,
  );
}
