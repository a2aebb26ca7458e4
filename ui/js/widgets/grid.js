// Tables of results: values the core computed (a pipeline's, the SQL console's, a page of
// the Analyse grid) and tables the core already wrote as text (a table's view, a question's
// data table, searchable when long).

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

// A table the core wrote as text, at most SHOWN_ROWS rows in the page at once (it opens
// quickly however long it is), with a search box when there are more, so that any row can
// be found: [search box or null, status line, scrolling grid].
const SHOWN_ROWS = 100;

// Lower case without accents: « Tchad » finds « TCHAD », « Guéra » finds « guera ».
const folded = (text) => String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function searchableGrid(table, id) {
  const box = h('div', { class: 'table-scroll' });
  const status = h('p', { class: 'muted small', id: `${id}-status`, role: 'status' });
  const draw = (text) => {
    const wanted = folded(text.trim());
    const rows = wanted ? table.rows.filter((row) => row.some((v) => folded(v).includes(wanted))) : table.rows;
    box.replaceChildren(textGrid({ ...table, rows: rows.slice(0, SHOWN_ROWS) }, id));
    if (!rows.length) status.textContent = t('ui-data-table-none', { text: text.trim() });
    else if (rows.length > SHOWN_ROWS) status.textContent = t('ui-data-table-shown', { shown: formatNumber(SHOWN_ROWS), total: formatNumber(rows.length) });
    else status.textContent = '';
  };
  draw('');
  const search = table.rows.length > SHOWN_ROWS
    ? h('label', { class: 'table-search' }, t('ui-data-table-filter'), ' ',
      h('input', { type: 'search', id: `${id}-filter`, oninput: (e) => draw(e.target.value) }))
    : null;
  return [search, status, box];
}
