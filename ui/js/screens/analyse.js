// "Analyser": one workspace table, five tabs — the paged grid sorted by any column, the
// step-by-step transformation (filter, compute, group, sort, limit) with the SQL it becomes,
// charts with advice, inequality indicators with provinces normalised, and the read-only
// SQL console. Every figure is computed by the core; this module only builds requests and
// renders answers.

import { api } from '../api.js';
import { h, clear, trustedHtml } from '../dom.js';
import { t } from '../i18n.js';
import { guard } from '../main.js';

const PAGE_SIZE = 50;
const NUMERIC = new Set(['integer', 'number', 'decimal', 'boolean']);

export async function analyseScreen(tableName) {
  const tables = await api.listTables();
  if (!tables.length) {
    return h('section', { class: 'screen', id: 'screen-analyse' },
      h('h1', {}, t('an_title')), h('p', { class: 'muted', id: 'no-tables' }, t('no_tables')));
  }
  const table = tables.find((x) => x.name === tableName) || tables[0];
  const panel = h('div', { id: 'analyse-panel' });
  const tabs = [
    ['grid', t('an_tab_grid'), () => gridTab(table)],
    ['pipeline', t('an_tab_pipeline'), () => pipelineTab(table)],
    ['chart', t('an_tab_chart'), () => chartTab(table)],
    ['indicator', t('an_tab_indicator'), () => indicatorTab(table)],
    ['sql', t('an_tab_sql'), () => sqlTab(table)],
  ];
  const tabBar = h('div', { class: 'tabs', role: 'tablist' });
  async function show(id) {
    for (const b of tabBar.children) b.setAttribute('aria-selected', String(b.dataset.tab === id));
    const content = await guard(tabs.find(([k]) => k === id)[2]);
    if (content) clear(panel).append(content);
  }
  for (const [id, label] of tabs) {
    tabBar.append(h('button', { role: 'tab', class: 'tab', id: `tab-${id}`, 'data-tab': id, onclick: () => show(id) }, label));
  }

  const picker = h('select', { id: 'analyse-table', onchange: (e) => import('../main.js').then((m) => m.go.analyse(e.target.value)) },
    tables.map((x) => h('option', { value: x.name, selected: x.name === table.name }, x.name)));
  const root = h('section', { class: 'screen', id: 'screen-analyse' },
    h('div', { class: 'row spread' },
      h('h1', {}, t('an_title')),
      h('label', {}, t('table'), ' ', picker)),
    h('p', { class: 'muted' }, t('an_table_summary', table.rows, table.columns.length, table.source_file)),
    tabBar,
    panel);
  await show('grid');
  return root;
}

// ---------- shared renderers ----------

export function formatCell(v, type) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    // Two decimals are plenty for a reader; small rates keep four.
    return v.toLocaleString(document.documentElement.lang === 'en' ? 'en' : 'fr-FR', { maximumFractionDigits: Math.abs(v) >= 1 ? 2 : 4 });
  }
  if (typeof v === 'boolean' || type === 'boolean') return v === true || v === 1 ? t('yes') : v === false || v === 0 ? t('no') : String(v);
  return String(v);
}

function colName(c) { return typeof c === 'string' ? c : c.name; }
function colLabel(c) { return typeof c === 'string' ? c : (c.label || c.name); }
function colType(c) { return typeof c === 'string' ? 'text' : (c.type || c.column_type || 'text'); }
function isNumeric(c) { return NUMERIC.has(colType(c)); }

function resultGrid(res, id, headerCell) {
  const cols = res.columns;
  return h('div', { class: 'table-scroll tall' },
    h('table', { class: 'grid', id },
      h('thead', {}, h('tr', {}, cols.map((c, i) => headerCell ? headerCell(c, i) : h('th', { class: isNumeric(c) ? 'num' : null, title: colName(c) }, colLabel(c))))),
      h('tbody', {}, res.rows.map((row) => h('tr', {}, row.map((v, i) => h('td', { class: isNumeric(cols[i]) ? 'num' : null }, formatCell(v, colType(cols[i])))))))));
}

function columnSelect(columns, attrs = {}, { empty = null, numericOnly = false } = {}) {
  const options = columns.filter((c) => !numericOnly || isNumeric(c));
  return h('select', attrs,
    empty !== null ? h('option', { value: '' }, empty) : null,
    options.map((c) => h('option', { value: colName(c) }, colLabel(c) === colName(c) ? colName(c) : `${colLabel(c)} (${colName(c)})`)));
}

function field(label, control) {
  return h('label', { class: 'field-inline' }, h('span', {}, label), control);
}

// ---------- grid: paged, sorted by any column ----------

function gridTab(table) {
  const box = h('div', { id: 'grid-box' });
  const status = h('p', { class: 'muted', id: 'grid-status', role: 'status' });
  const state = { sort: null, cursors: [null], page: 0 };

  async function load() {
    const cursor = state.cursors[state.page];
    const started = performance.now();
    const page = await guard(() => api.gridPage(table.name, state.sort, cursor, PAGE_SIZE));
    if (!page) return;
    const ms = Math.round(performance.now() - started);
    state.cursors[state.page + 1] = page.next_cursor ?? null;
    const first = state.page * PAGE_SIZE + 1;
    const last = state.page * PAGE_SIZE + page.rows.length;
    status.textContent = page.rows.length
      ? t('an_rows_of', first, last, page.total_rows, ms)
      : t('an_no_rows');
    prev.disabled = state.page === 0;
    next.disabled = page.next_cursor === null || page.next_cursor === undefined;
    clear(box).append(resultGrid(page, 'analyse-grid', (c) => {
      const name = colName(c);
      const sorted = state.sort && state.sort.column === name;
      const arrow = sorted ? (state.sort.desc ? ' ▼' : ' ▲') : '';
      return h('th', { class: isNumeric(c) ? 'num' : null, 'aria-sort': sorted ? (state.sort.desc ? 'descending' : 'ascending') : 'none' },
        h('button', {
          class: 'sort', 'data-column': name, title: t('an_sort_by', colLabel(c)),
          onclick: () => {
            state.sort = sorted && !state.sort.desc ? { column: name, desc: true } : { column: name, desc: false };
            state.cursors = [null];
            state.page = 0;
            load();
          },
        }, colLabel(c) + arrow));
    }));
  }
  const prev = h('button', { id: 'grid-prev', onclick: () => { if (state.page > 0) { state.page -= 1; load(); } } }, t('an_prev_page'));
  const next = h('button', { id: 'grid-next', onclick: () => { state.page += 1; load(); } }, t('an_next_page'));
  load();
  return h('article', { class: 'card' },
    h('p', {}, t('an_grid_intro')),
    h('div', { class: 'row' }, prev, next, status),
    box);
}

// ---------- pipeline: filter, compute, group, sort, limit ----------

const FILTER_OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'in', 'is_missing', 'not_missing'];
const DERIVE_OPS = ['add', 'sub', 'mul', 'div', 'percentage', 'per_1000', 'round', 'year'];
const AGG_FNS = ['count', 'sum', 'mean', 'median', 'min', 'max', 'share'];
const AGG_NAMES = { count: 'effectif', sum: 'somme', mean: 'moyenne', median: 'mediane', min: 'min', max: 'max', share: 'part' };

// The step list and its "add a step" buttons; `pipeline()` reads what the trainee built.
// Used by the Transformer tab and by data-task steps of a lesson.
export function pipelineEditor(table) {
  const steps = [];
  const list = h('ol', { class: 'pipeline-steps', id: 'pipeline-steps' });

  // Columns visible after the steps before `index`: derived columns add one, a group
  // replaces them by its keys and aggregates.
  function columnsBefore(index) {
    let cols = table.columns.map((c) => ({ name: c.name, label: c.label, type: c.column_type || c.type }));
    for (const s of steps.slice(0, index)) {
      const v = s.read();
      if (v.op === 'derive' && v.as) cols = cols.concat([{ name: v.as, label: v.as, type: 'number' }]);
      if (v.op === 'group') {
        cols = cols.filter((c) => v.by.includes(c.name))
          .concat(v.aggregates.map((a) => ({ name: a.as, label: a.as, type: 'number' })));
      }
    }
    return cols;
  }

  function redraw() {
    clear(list).append(...steps.map((s, i) => {
      const editor = s.editor(columnsBefore(i));
      return h('li', { class: 'pipeline-step', 'data-op': s.op },
        editor,
        h('button', { class: 'ghost remove-step', title: t('an_remove_step'), onclick: () => { steps.splice(i, 1); redraw(); } }, '✕'));
    }));
  }

  const addRow = h('div', { class: 'row', id: 'pipeline-add' },
    h('span', {}, t('an_add_step')),
    ['filter', 'derive', 'group', 'sort', 'limit'].map((op) =>
      h('button', { class: 'add-step', 'data-op': op, onclick: () => { steps.push(makeStep(op, redraw)); redraw(); } }, t('an_op_' + op))));
  // Puts a pipeline (the core's JSON, e.g. a trainee's last answer) back in the editor.
  // Steps the editor cannot show (pivot, join, several conditions) leave it as it is.
  function load(p) {
    const inits = (p && Array.isArray(p.steps) ? p.steps : []).map(stepInit);
    if (!inits.length || inits.some((x) => !x)) return false;
    steps.splice(0, steps.length, ...inits.map(([op, init]) => makeStep(op, redraw, init)));
    redraw();
    return true;
  }
  return {
    element: h('div', { class: 'pipeline-editor' }, list, addRow),
    pipeline: () => ({ steps: steps.map((s) => s.read()) }),
    load,
  };
}

// A result of the core (columns, rows, total, SQL) as a card body.
export function pipelineResult(res) {
  return [
    h('p', { class: 'ok-text', id: 'pipeline-count', role: 'status' }, t('an_result_rows', res.total_rows ?? res.rows.length)),
    resultGrid(res, 'pipeline-grid'),
    h('details', { id: 'pipeline-sql' }, h('summary', {}, t('an_show_sql')), h('pre', { class: 'sql' }, res.sql)),
  ];
}

function pipelineTab(table) {
  const editor = pipelineEditor(table);
  const result = h('div', { id: 'pipeline-result' });
  const nameInput = h('input', { id: 'pipeline-save-name', placeholder: t('an_new_table_name'), maxlength: 60 });
  async function run() {
    const res = await guard(() => api.runPipeline(table.name, editor.pipeline()));
    if (!res) return;
    clear(result).append(...pipelineResult(res),
      h('div', { class: 'row' }, nameInput,
        h('button', { id: 'pipeline-save', onclick: save }, t('an_save_table'))));
  }
  async function save() {
    const name = nameInput.value.trim();
    if (!name) { nameInput.focus(); return; }
    const info = await guard(() => api.savePipeline(table.name, editor.pipeline(), name));
    if (info) result.append(h('p', { class: 'ok-text', id: 'pipeline-saved', role: 'status' }, t('an_saved', info.name, info.rows)));
  }
  return h('article', { class: 'card' },
    h('p', {}, t('an_pipeline_intro')),
    editor.element,
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'pipeline-run', onclick: run }, t('an_run'))),
    result);
}

// One step of the pipeline: its editor (rebuilt when earlier steps change the columns)
// and `read()`, the step as the core's pipeline JSON wants it.
function makeStep(op, changed, init = null) {
  const v = { op };
  if (op === 'filter') Object.assign(v, { column: '', cmp: 'eq', value: '' });
  if (op === 'derive') Object.assign(v, { as: '', fn: 'div', a: '', b: '', constant: '' });
  if (op === 'group') Object.assign(v, { by: [], aggregates: [{ fn: 'count', column: '', as: 'effectif' }] });
  if (op === 'sort') Object.assign(v, { column: '', desc: true });
  if (op === 'limit') Object.assign(v, { n: 10 });
  if (init) Object.assign(v, init);
  const set = (k, redraw = false) => (e) => { v[k] = e.target.type === 'checkbox' ? e.target.checked : e.target.value; if (redraw) changed(); };
  const pick = (sel, value) => { if (value) sel.value = value; else if (sel.options.length) sel.value = sel.options[0].value; return sel; };

  function editor(cols) {
    if (op === 'filter') {
      const col = pick(columnSelect(cols, { class: 'filter-column', onchange: set('column') }), v.column);
      v.column = col.value;
      const cmp = h('select', { class: 'filter-op', onchange: set('cmp', true) }, FILTER_OPS.map((o) => h('option', { value: o, selected: o === v.cmp }, t('an_cmp_' + o))));
      const needsValue = !['is_missing', 'not_missing'].includes(v.cmp);
      return h('div', { class: 'row' }, h('strong', {}, t('an_op_filter')), col, cmp,
        needsValue ? h('input', { class: 'filter-value', value: v.value, placeholder: v.cmp === 'in' ? t('an_in_placeholder') : t('an_value'), oninput: set('value') }) : null);
    }
    if (op === 'derive') {
      const a = pick(columnSelect(cols, { class: 'derive-a', onchange: set('a') }), v.a);
      v.a = a.value;
      const fn = h('select', { class: 'derive-fn', onchange: set('fn', true) }, DERIVE_OPS.map((o) => h('option', { value: o, selected: o === v.fn }, t('an_fn_' + o))));
      const binary = ['add', 'sub', 'mul', 'div', 'percentage', 'per_1000'].includes(v.fn);
      const b = binary ? columnSelect(cols, { class: 'derive-b', onchange: set('b') }, { empty: t('an_constant') }) : null;
      if (b) b.value = v.b;
      const constant = (v.fn === 'round' || (binary && !v.b))
        ? h('input', { class: 'derive-constant small-input', type: 'number', step: 'any', value: v.constant, placeholder: v.fn === 'round' ? '0' : '1', oninput: set('constant') })
        : null;
      if (b) b.addEventListener('change', () => changed());
      return h('div', { class: 'row' }, h('strong', {}, t('an_op_derive')),
        h('input', { class: 'derive-name', value: v.as, placeholder: t('an_new_column'), oninput: set('as'), onchange: () => changed() }),
        '=', fn, a, b, constant);
    }
    if (op === 'group') {
      const by = h('span', { class: 'group-by' }, cols.map((c) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', value: colName(c), checked: v.by.includes(colName(c)), onchange: (e) => { v.by = e.target.checked ? v.by.concat([colName(c)]) : v.by.filter((x) => x !== colName(c)); } }),
        ' ', colLabel(c))));
      const aggs = v.aggregates.map((a, i) => {
        const fn = h('select', { class: 'agg-fn', onchange: (e) => { a.fn = e.target.value; changed(); } }, AGG_FNS.map((f) => h('option', { value: f, selected: f === a.fn }, t('an_agg_' + f))));
        const col = a.fn === 'count' ? null : pick(columnSelect(cols, { class: 'agg-column', onchange: (e) => { a.column = e.target.value; changed(); } }, { numericOnly: true }), a.column);
        if (col) a.column = col.value;
        // Until the trainee names it, the result column is named after its calculation.
        if (!a.named) a.as = a.fn === 'count' ? 'effectif' : `${AGG_NAMES[a.fn]}_${a.column}`;
        return h('div', { class: 'row agg' }, fn, col, '→',
          h('input', { class: 'agg-as', value: a.as, oninput: (e) => { a.as = e.target.value; a.named = true; }, onchange: () => changed() }),
          v.aggregates.length > 1 ? h('button', { class: 'ghost', onclick: () => { v.aggregates.splice(i, 1); changed(); } }, '✕') : null);
      });
      return h('div', {}, h('div', { class: 'row' }, h('strong', {}, t('an_op_group')), by), aggs,
        h('button', { class: 'add-agg', onclick: () => { v.aggregates.push({ fn: 'sum', column: '', as: `valeur_${v.aggregates.length + 1}` }); changed(); } }, t('an_add_agg')));
    }
    if (op === 'sort') {
      const col = pick(columnSelect(cols, { class: 'sort-column', onchange: set('column') }), v.column);
      v.column = col.value;
      return h('div', { class: 'row' }, h('strong', {}, t('an_op_sort')), col,
        h('label', { class: 'check' }, h('input', { type: 'checkbox', class: 'sort-desc', checked: v.desc, onchange: set('desc') }), ' ', t('an_desc')));
    }
    return h('div', { class: 'row' }, h('strong', {}, t('an_op_limit')),
      h('input', { class: 'limit-n small-input', type: 'number', min: 1, value: v.n, oninput: set('n') }), t('an_rows_word'));
  }

  function read() {
    if (op === 'filter') {
      const value = v.cmp === 'in' ? v.value.split(';').map((x) => x.trim()).filter(Boolean) : v.value;
      return ['is_missing', 'not_missing'].includes(v.cmp)
        ? { op, conditions: [{ column: v.column, cmp: v.cmp }] }
        : { op, conditions: [{ column: v.column, cmp: v.cmp, value }] };
    }
    if (op === 'derive') {
      const binary = ['add', 'sub', 'mul', 'div', 'percentage', 'per_1000'].includes(v.fn);
      const right = v.b ? { column: v.b } : { value: Number(String(v.constant).replace(',', '.')) || (v.fn === 'round' ? 0 : 1) };
      return { op, as: v.as || 'calcul', fn: v.fn, a: { column: v.a }, ...(binary || v.fn === 'round' ? { b: right } : {}) };
    }
    if (op === 'group') {
      return { op, by: v.by, aggregates: v.aggregates.map((a) => (a.fn === 'count' ? { fn: 'count', as: a.as } : { fn: a.fn, column: a.column, as: a.as })) };
    }
    if (op === 'sort') return { op, keys: [{ column: v.column, desc: v.desc }] };
    return { op, n: Number(v.n) || 10 };
  }
  return { op, editor, read };
}

// One step of the core's pipeline JSON as [op, editor state], or null when the editor
// cannot show it.
function stepInit(s) {
  if (!s || typeof s !== 'object') return null;
  if (s.op === 'filter' && Array.isArray(s.conditions) && s.conditions.length === 1) {
    const c = s.conditions[0];
    const value = Array.isArray(c.value) ? c.value.join('; ') : (c.value ?? '');
    return ['filter', { column: c.column, cmp: c.cmp, value: String(value) }];
  }
  if (s.op === 'derive' && s.a && s.a.column !== undefined) {
    const b = s.b || {};
    return ['derive', { as: s.as, fn: s.fn, a: s.a.column, b: b.column ?? '', constant: b.value !== undefined ? String(b.value) : '' }];
  }
  if (s.op === 'group' && Array.isArray(s.by)) {
    return ['group', { by: s.by.slice(), aggregates: (s.aggregates || []).map((a) => ({ fn: a.fn, column: a.column ?? '', as: a.as, named: true })) }];
  }
  if (s.op === 'sort' && Array.isArray(s.keys) && s.keys.length === 1) {
    return ['sort', { column: s.keys[0].column, desc: !!s.keys[0].desc }];
  }
  if (s.op === 'limit') return ['limit', { n: s.n }];
  return null;
}

// ---------- charts, with advice ----------

const KINDS = ['bar', 'hbar', 'grouped', 'stacked', 'line', 'scatter', 'histogram', 'lorenz', 'map'];
const QUESTIONS = ['compare', 'trend', 'relationship', 'distribution', 'geography', 'inequality'];
const CHART_AGGS = ['sum', 'mean', 'count', 'median', 'min', 'max'];

// The chart form (question and advice, kind, fields, title, source) and the figure it
// draws; `request()` is what the core needs. Used by the Graphique tab and by chart-task
// steps of a lesson.
export function chartEditor(table, { withSource = true } = {}) {
  const cols = table.columns.map((c) => ({ name: c.name, label: c.label, type: c.column_type || c.type }));
  const kind = h('select', { id: 'chart-kind' }, KINDS.map((k) => h('option', { value: k }, t('an_kind_' + k))));
  const x = columnSelect(cols, { id: 'chart-x' });
  const y = columnSelect(cols, { id: 'chart-y' }, { empty: t('an_none') });
  const agg = h('select', { id: 'chart-agg' }, CHART_AGGS.map((a) => h('option', { value: a }, t('an_agg_' + a))));
  const group = columnSelect(cols, { id: 'chart-group' }, { empty: t('an_none') });
  // Bars can be sorted by value; a Lorenz curve can be weighted (people per row).
  const sort = h('input', { type: 'checkbox', id: 'chart-sort' });
  const weight = columnSelect(cols, { id: 'chart-weight' }, { empty: t('an_none'), numericOnly: true });
  const sortField = h('label', { class: 'check', id: 'chart-sort-field' }, sort, ' ', t('an_sort_bars'));
  const weightField = field(t('an_chart_weight'), weight);
  function shapeFields() {
    sortField.hidden = !['bar', 'hbar', 'grouped', 'stacked'].includes(kind.value);
    weightField.hidden = kind.value !== 'lorenz';
  }
  kind.addEventListener('change', shapeFields);
  shapeFields();
  const title = h('input', { id: 'chart-title', placeholder: t('an_chart_title') });
  const source = h('input', { id: 'chart-source', value: table.source_file, placeholder: t('an_chart_source') });
  const figure = h('figure', { class: 'chart', id: 'analyse-chart' });
  const notes = h('div', { id: 'chart-notes' });
  const advice = h('ul', { class: 'advice', id: 'chart-advice' });
  const question = h('select', { id: 'chart-question', onchange: () => advise() }, QUESTIONS.map((q) => h('option', { value: q }, t('an_q_' + q))));
  const numericFirst = cols.find(isNumeric);
  if (numericFirst) y.value = numericFirst.name;

  function request() {
    return {
      kind: kind.value, x: x.value, y: y.value || null, agg: y.value ? agg.value : 'count',
      group: group.value || null, title: title.value.trim() || null, source: source.value.trim() || null,
      sort: !sortField.hidden && sort.checked,
      weight: !weightField.hidden && weight.value ? weight.value : null,
    };
  }
  async function draw() {
    const r = await guard(() => api.chartSvg(table.name, request()));
    if (!r) return;
    trustedHtml(clear(figure), r.svg);
    clear(notes).append(...(r.notes || []).map((n) => h('p', { class: 'muted chart-note' }, n)));
  }
  async function advise() {
    const list = await guard(() => api.chartAdvice(table.name, question.value));
    if (!list) return;
    clear(advice).append(...list.map((a) => h('li', {},
      h('button', {
        class: 'link use-advice', 'data-kind': a.kind,
        onclick: () => { kind.value = a.kind; shapeFields(); if (a.x) x.value = a.x; if (a.y) y.value = a.y; draw(); },
      }, t('an_kind_' + a.kind)), ' — ', a.reason)));
  }
  advise();
  const element = h('div', { class: 'chart-editor' },
    h('div', { class: 'row' }, field(t('an_question'), question)),
    advice,
    h('div', { class: 'row wrap' },
      field(t('an_kind'), kind), field(t('an_x'), x), field(t('an_y'), y), field(t('an_agg'), agg), field(t('an_group'), group),
      weightField, sortField),
    h('div', { class: 'row wrap' }, field(t('an_chart_title'), title), withSource ? field(t('an_chart_source'), source) : null,
      h('button', { class: 'primary', id: 'chart-draw', onclick: draw }, t('an_draw'))),
    figure, notes);
  // Puts a request back in the form (a chart-task step redrawn after a correct answer).
  function set(r) {
    for (const [el, v] of [[kind, r.kind], [x, r.x], [y, r.y ?? ''], [agg, r.agg], [group, r.group ?? ''], [title, r.title ?? ''], [weight, r.weight ?? '']]) {
      if (v !== undefined && v !== null) el.value = v;
    }
    sort.checked = r.sort === true;
    shapeFields();
  }
  return { element, request, draw, notes, set };
}

function chartTab(table) {
  const editor = chartEditor(table);
  const exportButtons = [['svg', 'SVG'], ['png', 'PNG'], ['png2', 'PNG 2×']].map(([f, label]) =>
    h('button', {
      class: 'export-chart', 'data-format': f,
      onclick: async () => {
        const r = await guard(() => api.exportChart(table.name, editor.request(), f));
        if (r) editor.notes.append(h('p', { class: 'ok-text', role: 'status' }, t('an_chart_saved', r)));
      },
    }, label));
  return h('article', { class: 'card' },
    editor.element,
    h('div', { class: 'row' }, h('span', {}, t('an_export')), exportButtons));
}

// ---------- indicators, and provinces ----------

const INDICATORS = ['gini', 'lorenz', 'palma', 's80s20', 'cv', 'max-min', 'share', 'rate', 'parity', 'gpi', 'gap'];

function indicatorTab(table) {
  const cols = table.columns.map((c) => ({ name: c.name, label: c.label, type: c.column_type || c.type }));
  const kind = h('select', { id: 'indicator-kind', onchange: () => shape() }, INDICATORS.map((k) => h('option', { value: k }, t('an_ind_' + k))));
  const value = columnSelect(cols, { id: 'indicator-value' }, { numericOnly: true });
  const weight = columnSelect(cols, { id: 'indicator-weight' }, { empty: t('an_none'), numericOnly: true });
  const group = columnSelect(cols, { id: 'indicator-group' }, { empty: t('an_none') });
  const num = h('input', { id: 'indicator-num', placeholder: t('an_num_placeholder') });
  const den = h('input', { id: 'indicator-den', placeholder: t('an_den_placeholder') });
  const pairRow = h('div', { class: 'row wrap' }, field(t('an_group'), group), field(t('an_num'), num), field(t('an_den'), den));
  const out = h('div', { id: 'indicator-result', role: 'status' });
  function shape() { pairRow.hidden = !['parity', 'gpi', 'gap'].includes(kind.value); }
  shape();
  async function compute() {
    const req = {
      kind: kind.value, value: value.value, weight: weight.value || null,
      group: group.value || null, num: num.value.trim() || null, den: den.value.trim() || null,
    };
    const r = await guard(() => api.computeIndicator(table.name, req));
    if (!r) return;
    const curve = ['gini', 'lorenz'].includes(r.kind) ? h('figure', { class: 'chart', id: 'indicator-chart' }) : null;
    clear(out).append(h('div', {},
      h('p', { class: 'figure', id: 'indicator-figure' }, r.value_fr ?? formatCell(r.value)),
      h('p', { id: 'indicator-explanation' }, r.explanation_fr ?? r.explanation ?? ''),
      skippedNote(r), curve));
    if (curve) {
      // The Lorenz curve behind the figure: how far it sags below the line of equality.
      const c = await guard(() => api.chartSvg(table.name, {
        kind: 'lorenz', x: req.value, weight: req.weight, title: t('an_lorenz_title', req.value), source: table.source_file,
      }));
      if (c) trustedHtml(curve, c.svg);
    }
  }

  function skippedNote(r) {
    const d = r.details || {};
    const n = (d.skipped_missing || 0) + (d.skipped_not_numeric || 0);
    return n ? h('p', { class: 'muted', id: 'indicator-skipped' }, t('an_skipped', n)) : null;
  }

  const provCol = columnSelect(cols, { id: 'provinces-column' });
  const provCandidate = cols.find((c) => /prov|region|r[ée]gion/i.test(c.name + ' ' + (c.label || '')));
  if (provCandidate) provCol.value = provCandidate.name;
  const provOut = h('div', { id: 'provinces-result', role: 'status' });
  async function normalise() {
    const r = await guard(() => api.normaliseProvinces(table.name, provCol.value));
    if (!r) return;
    clear(provOut).append(h('div', {},
      h('p', { class: 'ok-text' }, t('an_prov_matched', r.matched)),
      r.unmatched.length
        ? h('div', {}, h('p', { class: 'warning-text' }, t('an_prov_unmatched', r.unmatched.length)),
          h('ul', { class: 'warnings', id: 'provinces-unmatched' }, r.unmatched.map((u) => h('li', {}, t('an_prov_value', u.value, u.rows)))))
        : null));
  }

  return h('div', {},
    h('article', { class: 'card' },
      h('h2', {}, t('an_tab_indicator')),
      h('p', {}, t('an_indicator_intro')),
      h('div', { class: 'row wrap' }, field(t('an_indicator'), kind), field(t('an_value_col'), value), field(t('an_weight'), weight)),
      pairRow,
      h('button', { class: 'primary', id: 'indicator-compute', onclick: compute }, t('an_compute')),
      out),
    h('article', { class: 'card' },
      h('h2', {}, t('an_prov_title')),
      h('p', {}, t('an_prov_intro')),
      h('div', { class: 'row' }, field(t('an_prov_column'), provCol),
        h('button', { id: 'provinces-normalise', onclick: normalise }, t('an_prov_button'))),
      provOut));
}

// ---------- read-only SQL console ----------

function sqlTab(table) {
  const quoted = `"${table.name.replace(/"/g, '""')}"`;
  const text = h('textarea', { id: 'sql-text', rows: 5, spellcheck: 'false' }, `SELECT *\nFROM ${quoted}\nLIMIT 20`);
  const out = h('div', { id: 'sql-result' });
  async function run() {
    const res = await guard(() => api.runSql(text.value));
    if (!res) return;
    clear(out).append(h('p', { class: 'muted', role: 'status' }, t('an_result_rows', res.total_rows ?? res.rows.length)), resultGrid(res, 'sql-grid'));
  }
  return h('article', { class: 'card' },
    h('p', {}, t('an_sql_intro')),
    text,
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'sql-run', onclick: run }, t('an_run'))),
    out);
}
