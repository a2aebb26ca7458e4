// An import preview as the trainee reads it, shared by the import screen ("Vos données")
// and the lesson's import steps: what was detected (format, encoding, separator, header
// row, HXL hashtag row), the columns with their types and HXL tags, the first rows, and
// the remarks about the data.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';

// A preview value as the trainee reads numbers: 45,5 and 1 250 in French.
export function cell(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, { maxDecimals: 6 });
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  return String(v);
}

export function detectionSummary(p) {
  const parts = [];
  if (p.format === 'csv') {
    parts.push(t('fmt_text'));
    if (p.encoding) parts.push(t('encoding', p.encoding));
    if (p.delimiter) parts.push(t('delimiter', p.delimiter === '\t' ? t('tab') : p.delimiter));
  } else {
    parts.push(t('fmt_workbook', p.format.toUpperCase()));
    if (p.sheet) parts.push(t('sheet_name', p.sheet));
  }
  parts.push(p.header_row ? t('header_at', p.header_row) : t('no_header'));
  if (p.hxl_row) parts.push(t('hxl_at', p.hxl_row));
  return parts.join(' · ');
}

// The columns and first rows. `typeCell(column)` gives the cell of the types row (a
// select on the import screen); by default the type's name.
export function previewTable(p, { id, typeCell } = {}) {
  const typeOf = typeCell ?? ((c) => h('th', { class: 'type-name' }, t('type_' + c.type)));
  const tagged = p.columns.some((c) => c.hxl);
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'grid', id },
      h('thead', {},
        h('tr', {}, p.columns.map((c) => h('th', { title: c.name, scope: 'col' }, c.label))),
        tagged ? h('tr', { class: 'hxl-tags', title: t('hxl_tags') }, p.columns.map((c) => h('th', {}, c.hxl ? h('code', {}, c.hxl) : ''))) : null,
        h('tr', { class: 'types' }, p.columns.map(typeOf))),
      h('tbody', {}, p.rows.map((row) => h('tr', {}, row.map((v) => h('td', { class: typeof v === 'number' ? 'num' : null }, cell(v))))))));
}

// The remarks of an import (or its preview); `open` unfolds them.
export function warningsList(warnings, { open = true, id } = {}) {
  if (!warnings || !warnings.length) return null;
  return h('details', { open, id, class: 'import-warnings' },
    h('summary', {}, t('warnings', warnings.length)),
    h('ul', { class: 'warnings' }, warnings.map((w) => h('li', {}, w))));
}
