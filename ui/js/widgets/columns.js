// Columns as the core describes them (a name, a label, a type; or just a name), and the
// controls that pick one: used by the Analyse tabs, the pipeline editor and the chart editor.

import { h } from '../dom.js';

const NUMERIC = new Set(['integer', 'number', 'decimal', 'boolean']);

export function colName(c) { return typeof c === 'string' ? c : c.name; }
export function colLabel(c) { return typeof c === 'string' ? c : (c.label || c.name); }
export function colType(c) { return typeof c === 'string' ? 'text' : (c.type || c.column_type || 'text'); }
export function isNumeric(c) { return NUMERIC.has(colType(c)); }

// The columns of a table of the workspace (`listTables`), none for no table.
export function tableColumns(info) {
  return (info?.columns || []).map((c) => ({ name: c.name, label: c.label, type: c.column_type || c.type }));
}

// A <select> of columns, shown as « label (name) » where they differ.
export function columnSelect(columns, attrs = {}, { empty = null, numericOnly = false } = {}) {
  const options = columns.filter((c) => !numericOnly || isNumeric(c));
  return h('select', attrs,
    empty !== null ? h('option', { value: '' }, empty) : null,
    options.map((c) => h('option', { value: colName(c) }, colLabel(c) === colName(c) ? colName(c) : `${colLabel(c)} (${colName(c)})`)));
}

// A control with its label before it, on one line.
export function field(label, control) {
  return h('label', { class: 'field-inline' }, h('span', {}, label), control);
}
