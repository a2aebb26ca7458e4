// Tables of results: values the core computed (a pipeline's, the SQL console's, a page of
// the Analyse grid) and tables the core already wrote as text (a table's view, a question's
// data table).

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { colName, colLabel, colType, isNumeric } from './columns.js';

// A value as the trainee reads it: two decimals are plenty for a reader; small rates keep
// four.
export function formatCell(v, type) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, { maxDecimals: Math.abs(v) >= 1 ? 2 : 4 });
  if (typeof v === 'boolean' || type === 'boolean') return v === true || v === 1 ? t('ui-yes') : v === false || v === 0 ? t('ui-no') : String(v);
  return String(v);
}

// `res` ({columns, rows}) as a scrolling grid; `headerCell(column, i)` may draw the headers.
export function resultGrid(res, id, headerCell) {
  const cols = res.columns;
  return h('div', { class: 'table-scroll tall' },
    h('table', { class: 'grid', id },
      h('thead', {}, h('tr', {}, cols.map((c, i) => headerCell ? headerCell(c, i) : h('th', { class: isNumeric(c) ? 'num' : null, title: colName(c) }, colLabel(c))))),
      h('tbody', {}, res.rows.map((row) => h('tr', {}, row.map((v, i) => h('td', { class: isNumeric(cols[i]) ? 'num' : null }, formatCell(v, colType(cols[i])))))))));
}

// A table the core wrote as text ({columns, rows, numeric}): numeric columns align right.
export function textGrid(view, id) {
  const num = (i) => (view.numeric[i] ? 'num' : null);
  return h('table', { class: 'grid', id },
    h('thead', {}, h('tr', {}, view.columns.map((c, i) => h('th', { class: num(i), scope: 'col' }, c)))),
    h('tbody', {}, view.rows.map((row) => h('tr', {}, row.map((v, i) => h('td', { class: num(i) }, v))))));
}
