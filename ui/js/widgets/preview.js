// An import preview as the trainee reads it, shared by the import screen ("Vos données")
// and the lesson's import steps: what was detected (format, encoding, separator, header
// row, HXL hashtag row), the columns with their types and HXL tags, the first rows, and
// the remarks about the data.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';

// The name of each column type, by the core's code.
export const COLUMN_TYPES = {
  integer: 'ui-type-integer', number: 'ui-type-number', boolean: 'ui-type-boolean',
  date: 'ui-type-date', datetime: 'ui-type-datetime', text: 'ui-type-text',
};

// A preview value as the trainee reads numbers: 45,5 and 1 250 in French.
export function cell(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, { maxDecimals: 6 });
  if (typeof v === 'boolean') return v ? t('ui-yes') : t('ui-no');
  return String(v);
}

export function detectionSummary(p) {
  const parts = [];
  if (p.format === 'csv') {
    parts.push(t('ui-fmt-text'));
    if (p.encoding) parts.push(t('ui-encoding', { encoding: p.encoding }));
    if (p.delimiter) parts.push(t('ui-delimiter', { delimiter: p.delimiter === '\t' ? t('ui-tab') : p.delimiter }));
  } else {
    parts.push(t('ui-fmt-workbook', { format: p.format.toUpperCase() }));
    if (p.sheet) parts.push(t('ui-sheet-name', { sheet: p.sheet }));
  }
  parts.push(p.header_row ? t('ui-header-at', { row: formatNumber(p.header_row) }) : t('ui-no-header'));
  if (p.hxl_row) parts.push(t('ui-hxl-at', { row: formatNumber(p.hxl_row) }));
  return parts.join(' · ');
}

// The columns and first rows. `typeCell(column)` gives the cell of the types row (a
// select on the import screen); by default the type's name.
export function previewTable(p, { id, typeCell } = {}) {
  const typeOf = typeCell ?? ((c) => h('th', { class: 'type-name' }, t(COLUMN_TYPES[c.type])));
  const tagged = p.columns.some((c) => c.hxl);
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'grid', id },
      h('thead', {},
        h('tr', {}, p.columns.map((c) => h('th', { title: c.name, scope: 'col' }, c.label))),
        tagged ? h('tr', { class: 'hxl-tags', title: t('ui-hxl-tags') }, p.columns.map((c) => h('th', {}, c.hxl ? h('code', {}, c.hxl) : ''))) : null,
        h('tr', { class: 'types' }, p.columns.map(typeOf))),
      h('tbody', {}, p.rows.map((row) => h('tr', {}, row.map((v) => h('td', { class: typeof v === 'number' ? 'num' : null }, cell(v))))))));
}

// The remarks of an import (or its preview); `open` unfolds them.
export function warningsList(warnings, { open = true, id } = {}) {
  if (!warnings || !warnings.length) return null;
  return h('details', { open, id, class: 'import-warnings' },
    h('summary', {}, t('ui-warnings', { count: formatNumber(warnings.length), n: warnings.length })),
    h('ul', { class: 'warnings' }, warnings.map((w) => h('li', {}, w))));
}
