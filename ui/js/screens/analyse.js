// "Analyser": one workspace table, five tabs — the paged grid sorted by any column, the
// step-by-step transformation (filter, compute, group, sort, limit, pivot, join) with the
// SQL it becomes, charts with advice, inequality indicators with provinces normalised, and
// the read-only SQL console. Every figure is computed by the core; this module only builds requests and
// renders answers.

import { api } from '../api.js';
import { creditLine } from '../widgets/datainfo.js';
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
  const info = await api.datasetInfo(table.name);
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
    creditLine(info),
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

// ---------- pipeline: filter, compute, group, sort, limit, pivot, join ----------

const OPS = ['filter', 'derive', 'group', 'sort', 'limit', 'pivot', 'join'];
const FILTER_OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'in', 'is_missing', 'not_missing'];
const NO_VALUE = new Set(['is_missing', 'not_missing']);
const DERIVE_OPS = ['add', 'sub', 'mul', 'div', 'percentage', 'per_1000', 'round', 'year'];
const BINARY = new Set(['add', 'sub', 'mul', 'div', 'percentage', 'per_1000']);
const AGG_FNS = ['count', 'sum', 'mean', 'median', 'min', 'max', 'share'];
// Aggregates that may work on the rows themselves (no column), and those needing numbers.
const ROW_AGGS = new Set(['count', 'share']);
const NUMERIC_AGGS = new Set(['sum', 'mean', 'median', 'share']);
const AGG_NAMES = { count: 'nombre', sum: 'somme', mean: 'moyenne', median: 'mediane', min: 'min', max: 'max', share: 'part' };
const PIVOT_AGGS = ['sum', 'count', 'mean', 'median', 'min', 'max'];
const JOIN_HOWS = ['left', 'inner'];

function tableColumns(info) {
  return (info?.columns || []).map((c) => ({ name: c.name, label: c.label, type: c.column_type || c.type }));
}

// The name first (what steps, messages and solutions say), then the label if it differs.
function columnOptions(cols, { numericOnly = false } = {}) {
  return cols.filter((c) => !numericOnly || isNumeric(c))
    .map((c) => [colName(c), colLabel(c) === colName(c) ? colName(c) : `${colName(c)} — ${colLabel(c)}`]);
}

// Column names as the core matches them: exactly, else ignoring ASCII case.
const asciiLower = (s) => String(s).replace(/[A-Z]/g, (c) => c.toLowerCase());
const sameColumn = (a, b) => asciiLower(a) === asciiLower(b);

// A name not among the columns: as written when the core finds it ignoring case (`F` for a
// column `f`), else marked as missing at this step.
function goneLabel(names, v) {
  return names.some((n) => sameColumn(n, v)) ? v : t('an_gone', v);
}

// A <select> of `options` ([value, label]) showing `current`. A value that is not among
// them (a column an earlier step no longer gives) stays, labelled by `unknown`, so nothing
// changes behind the trainee's back; no value: the first option.
function choice(options, current, attrs, unknown = (v) => goneLabel(options.map(([o]) => o), v)) {
  const cur = current ?? '';
  const opts = options.slice();
  if (cur !== '' && !opts.some(([v]) => v === cur)) opts.push([cur, unknown(cur)]);
  const sel = h('select', attrs, opts.map(([value, label]) => h('option', { value }, label)));
  if (opts.some(([v]) => v === cur)) sel.value = cur;
  else if (opts.length) sel.value = opts[0][0];
  return sel;
}

// Checkboxes, one per column, in column order; `get()` (the list picked) keeps the order
// of the clicks.
function columnChecks(cls, cols, get, set, label) {
  const names = cols.map(colName);
  const extra = get().filter((p) => !names.includes(p)).map((p) => ({ name: p, label: goneLabel(names, p) }));
  return h('span', { class: `checks ${cls}`, role: 'group', 'aria-label': label }, cols.concat(extra).map((c) => h('label', { class: 'check' },
    h('input', {
      type: 'checkbox', value: colName(c), 'data-key': `${cls}-${colName(c)}`, checked: get().includes(colName(c)),
      onchange: (e) => {
        const picked = get().filter((x) => x !== colName(c));
        set(e.target.checked ? picked.concat([colName(c)]) : picked);
      },
    }),
    ' ', colLabel(c))));
}

// A text field whose every change (typing, or a clear by a test driver) reaches `set`.
function textInput(attrs, value, set) {
  const update = (e) => set(e.target.value);
  return h('input', { ...attrs, value: value ?? '', oninput: update, onchange: update });
}

// A constant typed by the trainee: a number when it reads as one, else the text as typed
// (the core reads "12,5" and "1 000" too, and explains what it cannot read).
function constantValue(text) {
  const s = String(text ?? '').trim();
  const n = Number(s);
  return s !== '' && Number.isFinite(n) && String(n) === s ? n : String(text ?? '');
}

function valueText(v) {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(valueText).join('; ');
  return String(v);
}

// The step list and its "add a step" buttons; `pipeline()` reads what the trainee built,
// `load(p)` puts any pipeline of the core back. Used by the Transformer tab and by data-task
// steps of a lesson. The columns each step offers come from the core (`pipelineColumns`):
// a join's or a pivot's new columns depend on the other table and on the data.
export function pipelineEditor(table) {
  const steps = [];
  const list = h('ol', { class: 'pipeline-steps', id: 'pipeline-steps' });
  // known[i]: the columns step i starts from, as the core last said.
  let known = [tableColumns(table)];
  let tables = null;
  let timer = null;
  let inFlight = 0;
  let seq = 0;
  let waiting = [];
  const colsFor = (i) => known[Math.min(i, known.length - 1)];
  const signature = (cols) => (cols || []).map((c) => `${colName(c)}:${colType(c)}`).join('|');

  const root = h('div', { class: 'pipeline-editor', 'data-busy': 'true' });
  function busy() {
    const b = timer !== null || inFlight > 0 || tables === null;
    if (b) root.dataset.busy = 'true';
    else {
      delete root.dataset.busy;
      waiting.splice(0).forEach((f) => f());
    }
  }

  // Renders step i again (its columns or its shape changed), keeping the focus on the same
  // control, or on `focusKey`.
  function renderAt(i, focusKey = null) {
    const s = steps[i];
    const active = document.activeElement;
    const key = focusKey || (s.li && s.li.contains(active) ? active.dataset.key : null);
    const cols = colsFor(i);
    const out = known.length > i + 1 ? known[i + 1] : null;
    const ctx = {
      cols, out, tables, number: i + 1, source: table.name,
      rerender: (k) => { renderAt(steps.indexOf(s), k); schedule(); },
      changed: () => schedule(),
    };
    const li = h('li', { class: 'pipeline-step', 'data-op': s.op, 'data-index': i },
      h('div', { class: 'step-body' }, stepEditor(s, ctx)),
      h('button', {
        class: 'ghost remove-step', 'data-key': 'remove', title: t('an_remove_step'), 'aria-label': `${t('an_remove_step')} (${i + 1})`,
        onclick: () => removeStep(s),
      }, '✕'));
    s.sig = `${signature(cols)}>${s.op === 'pivot' || s.op === 'join' ? signature(out) : ''}`;
    if (s.li && s.li.parentNode === list) list.replaceChild(li, s.li);
    else list.append(li);
    s.li = li;
    if (key) li.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }

  function renderAll() {
    clear(list);
    for (const s of steps) s.li = null;
    steps.forEach((_, i) => renderAt(i));
  }

  function removeStep(s) {
    const i = steps.indexOf(s);
    steps.splice(i, 1);
    renderAll();
    schedule();
    const next = steps[i]?.li?.querySelector('.remove-step') || addRow.querySelector('.add-step');
    next?.focus();
  }

  // Asks the core for the columns of every step, soon (changes come in bursts), and renders
  // again the steps whose columns changed. A newer change makes an older answer useless.
  function schedule() {
    seq += 1;
    clearTimeout(timer);
    timer = setTimeout(refresh, 25);
    busy();
  }
  async function refresh() {
    timer = null;
    const mine = ++seq;
    inFlight += 1;
    busy();
    let cols = null;
    try {
      cols = await api.pipelineColumns(table.name, pipeline());
    } catch (_) {
      cols = null; // the step editors keep what they had; running the pipeline will say why
    }
    inFlight -= 1;
    if (mine === seq) {
      if (Array.isArray(cols) && cols.length) known = cols;
      const before = JSON.stringify(pipeline());
      steps.forEach((s, i) => {
        const out = known.length > i + 1 ? known[i + 1] : null;
        if (s.sig !== `${signature(colsFor(i))}>${s.op === 'pivot' || s.op === 'join' ? signature(out) : ''}`) renderAt(i);
      });
      // A step drawn again may have taken its first column where it had none yet.
      if (JSON.stringify(pipeline()) !== before) schedule();
    }
    busy();
  }

  function pipeline() {
    return { steps: steps.map(readStep) };
  }

  const addRow = h('div', { class: 'row', id: 'pipeline-add' },
    h('span', {}, t('an_add_step')),
    OPS.map((op) => h('button', {
      class: 'add-step', 'data-op': op, title: t('an_op_help_' + op),
      onclick: () => {
        steps.push(newStep(op));
        renderAt(steps.length - 1);
        schedule();
        steps[steps.length - 1].li.querySelector('select, input')?.focus();
      },
    }, t('an_op_' + op))));
  root.append(list, addRow);
  // Any change may change the columns of the steps after it (a pivot's depend on the data).
  root.addEventListener('change', () => schedule());

  api.listTables().then((ts) => { tables = ts; }, () => { tables = []; }).then(() => {
    steps.forEach((s, i) => { if (s.op === 'join') renderAt(i); });
    schedule();
  });

  // Puts a pipeline (the core's JSON, e.g. a trainee's last answer) back in the editor:
  // any step the core knows. False, and the editor unchanged, for anything else.
  function load(p) {
    const raw = Array.isArray(p?.steps) ? p.steps : null;
    if (!raw || !raw.length) return false;
    const loaded = raw.map(stepFromJson);
    if (loaded.some((x) => !x)) return false;
    steps.splice(0, steps.length, ...loaded);
    known = [known[0]];
    renderAll();
    schedule();
    return true;
  }
  return {
    element: root,
    pipeline,
    load,
    // Resolves once the columns of every step have come back from the core.
    whenIdle: () => new Promise((resolve) => { if (root.dataset.busy) waiting.push(resolve); else resolve(); }),
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
  const nameInput = h('input', { id: 'pipeline-save-name', placeholder: t('an_new_table_name'), 'aria-label': t('an_new_table_name'), maxlength: 60 });
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

// ----- one step: its state, its JSON, its editor -----

const newCondition = () => ({ column: '', cmp: 'eq', value: '' });
const newAggregate = (fn = 'count') => ({ fn, column: '', as: '', named: false });
const newSortKey = () => ({ column: '', desc: true });

function newStep(op) {
  const v = {
    filter: () => ({ match: 'all', conditions: [newCondition()] }),
    // An operand's column '' is a constant; null is "not chosen yet" (the first column).
    derive: () => ({ as: '', fn: 'div', a: { column: null, value: '' }, b: { column: '', value: '' } }),
    group: () => ({ by: [], aggregates: [newAggregate()] }),
    sort: () => ({ keys: [newSortKey()] }),
    limit: () => ({ n: 10 }),
    pivot: () => ({ index: [], columns: '', values: '', agg: 'sum' }),
    join: () => ({ table: '', left_on: '', right_on: '', how: 'left' }),
  }[op]();
  return { op, v };
}

// One step of the core's pipeline JSON as editor state, or null for an unknown op.
function stepFromJson(s) {
  if (!s || typeof s !== 'object' || !OPS.includes(s.op)) return null;
  const step = newStep(s.op);
  const v = step.v;
  const operand = (o) => (o && o.column !== undefined && o.column !== null
    ? { column: String(o.column), value: '' }
    : { column: '', value: valueText(o?.value) });
  if (s.op === 'filter') {
    v.match = s.match === 'any' ? 'any' : 'all';
    v.conditions = (Array.isArray(s.conditions) ? s.conditions : []).map((c) => ({
      column: c?.column ?? '', cmp: c?.cmp ?? 'eq', value: valueText(c?.value),
    }));
  }
  if (s.op === 'derive') {
    Object.assign(v, { as: s.as ?? '', fn: s.fn ?? 'div', a: operand(s.a) });
    v.b = s.b ? operand(s.b) : { column: '', value: '' };
  }
  if (s.op === 'group') {
    v.by = Array.isArray(s.by) ? s.by.slice() : [];
    v.aggregates = (Array.isArray(s.aggregates) ? s.aggregates : []).map((a) => ({
      fn: a?.fn ?? 'count', column: a?.column ?? '', as: a?.as ?? '', named: true,
    }));
  }
  if (s.op === 'sort') v.keys = (Array.isArray(s.keys) ? s.keys : []).map((k) => ({ column: k?.column ?? '', desc: !!k?.desc }));
  if (s.op === 'limit') v.n = s.n ?? 10;
  if (s.op === 'pivot') {
    Object.assign(v, { index: Array.isArray(s.index) ? s.index.slice() : [], columns: s.columns ?? '', values: s.values ?? '', agg: s.agg ?? 'sum' });
  }
  if (s.op === 'join') Object.assign(v, { table: s.table ?? '', left_on: s.left_on ?? '', right_on: s.right_on ?? '', how: s.how ?? 'left' });
  return step;
}

// The step as the core's pipeline JSON wants it.
function readStep(s) {
  const { op, v } = s;
  if (op === 'filter') {
    const conditions = v.conditions.map((c) => {
      if (NO_VALUE.has(c.cmp)) return { column: c.column, cmp: c.cmp };
      const value = c.cmp === 'in' ? c.value.split(';').map((x) => x.trim()).filter(Boolean) : c.value;
      return { column: c.column, cmp: c.cmp, value };
    });
    return v.match === 'any' ? { op, match: 'any', conditions } : { op, conditions };
  }
  if (op === 'derive') {
    // An empty constant reads as its placeholder: 1 (0 decimals for a rounding).
    const operand = (o) => (o.column ? { column: o.column } : { value: String(o.value).trim() === '' ? 1 : constantValue(o.value) });
    const out = { op, as: v.as || 'calcul', fn: v.fn, a: operand(v.a) };
    if (BINARY.has(v.fn)) out.b = operand(v.b);
    if (v.fn === 'round' && String(v.b.value).trim() !== '') out.b = { value: constantValue(v.b.value) };
    return out;
  }
  if (op === 'group') {
    return {
      op, by: v.by.slice(),
      aggregates: v.aggregates.map((a) => {
        const out = { fn: a.fn };
        if (a.column) out.column = a.column;
        if (a.as.trim()) out.as = a.as;
        return out;
      }),
    };
  }
  if (op === 'sort') return { op, keys: v.keys.map((k) => ({ column: k.column, desc: k.desc })) };
  if (op === 'limit') {
    const n = Number(v.n);
    return { op, n: Number.isInteger(n) && n >= 0 ? n : 10 };
  }
  if (op === 'pivot') return { op, index: v.index.slice(), columns: v.columns, values: v.values, agg: v.agg };
  return { op, table: v.table, left_on: v.left_on, right_on: v.right_on, how: v.how };
}

// The name a calculation gets until the trainee names it.
function autoName(a) {
  if (!a.column) return a.fn === 'share' ? 'part' : 'effectif';
  return `${AGG_NAMES[a.fn] || a.fn}_${a.column}`;
}

function stepTitle(op, n) {
  return h('strong', { class: 'step-title' }, `${n}. ${t('an_op_' + op)}`);
}

function removeButton(cls, label, onclick) {
  return h('button', { class: `ghost ${cls}`, title: label, 'aria-label': label, onclick }, '✕');
}

// The controls of one step, for the columns `ctx.cols` it starts from.
function stepEditor(s, ctx) {
  const { op, v } = s;
  const { cols, rerender, changed } = ctx;
  const colOpts = columnOptions(cols);

  if (op === 'filter') {
    const rows = v.conditions.map((c, i) => {
      const col = choice(colOpts, c.column, { class: 'filter-column', 'data-key': `c${i}-column`, 'aria-label': t('an_column'), onchange: (e) => { c.column = e.target.value; } });
      c.column = col.value;
      const cmp = choice(FILTER_OPS.map((o) => [o, t('an_cmp_' + o)]), c.cmp, {
        class: 'filter-op', 'data-key': `c${i}-cmp`, 'aria-label': t('an_comparison'),
        onchange: (e) => { c.cmp = e.target.value; rerender(); },
      });
      c.cmp = cmp.value;
      const value = NO_VALUE.has(c.cmp) ? null : textInput({
        class: 'filter-value', 'data-key': `c${i}-value`, 'aria-label': t('an_value'),
        placeholder: c.cmp === 'in' ? t('an_in_placeholder') : t('an_value'),
      }, c.value, (x) => { c.value = x; });
      return h('div', { class: 'row condition', 'data-index': i },
        h('span', { class: 'connector' }, i === 0 ? t('an_where') : t(v.match === 'any' ? 'an_or' : 'an_and')),
        col, cmp, value,
        v.conditions.length > 1
          ? removeButton('remove-condition', t('an_remove_condition', i + 1), () => { v.conditions.splice(i, 1); rerender(`c${Math.max(0, i - 1)}-column`); })
          : null);
    });
    const match = v.conditions.length > 1
      ? h('label', { class: 'inline-field' }, t('an_match'), ' ', choice([['all', t('an_match_all')], ['any', t('an_match_any')]], v.match, {
          class: 'filter-match', 'data-key': 'match', onchange: (e) => { v.match = e.target.value; rerender(); },
        }))
      : null;
    return h('div', { class: 'step-filter' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number), match),
      h('div', { class: 'conditions' }, rows),
      h('button', {
        class: 'add-condition small-button', 'data-key': 'add-condition',
        onclick: () => { v.conditions.push(newCondition()); rerender(`c${v.conditions.length - 1}-column`); },
      }, t('an_add_condition')));
  }

  if (op === 'derive') {
    const operand = (o, which, { constantFirst }) => {
      const constant = ['', t('an_constant')];
      const opts = constantFirst ? [constant, ...colOpts] : [...colOpts, constant];
      const sel = choice(opts, o.column, {
        class: `derive-${which}`, 'data-key': `derive-${which}`, 'aria-label': t(`an_operand_${which}`),
        onchange: (e) => { o.column = e.target.value; rerender(); },
      });
      o.column = sel.value;
      const cls = which === 'a' ? 'derive-a-value' : 'derive-constant';
      const input = o.column === '' ? textInput({
        class: `${cls} small-input`, 'data-key': cls, inputmode: 'decimal', 'aria-label': t('an_constant_value'), placeholder: '1',
      }, o.value, (x) => { o.value = x; }) : null;
      return [sel, input];
    };
    const fn = choice(DERIVE_OPS.map((o) => [o, t('an_fn_' + o)]), v.fn, {
      class: 'derive-fn', 'data-key': 'derive-fn', 'aria-label': t('an_calculation'),
      onchange: (e) => { v.fn = e.target.value; rerender(); },
    });
    v.fn = fn.value;
    const a = operand(v.a, 'a', { constantFirst: false });
    let b = [];
    if (BINARY.has(v.fn)) b = operand(v.b, 'b', { constantFirst: true });
    if (v.fn === 'round') {
      b = [h('span', {}, t('an_decimals')), textInput({
        class: 'derive-constant small-input', 'data-key': 'derive-constant', inputmode: 'numeric', 'aria-label': t('an_decimals'), placeholder: '0',
      }, v.b.value, (x) => { v.b.value = x; })];
    }
    return h('div', { class: 'step-derive' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number),
        textInput({ class: 'derive-name', 'data-key': 'derive-name', placeholder: t('an_new_column'), 'aria-label': t('an_new_column') }, v.as, (x) => { v.as = x; }),
        '=', fn),
      h('div', { class: 'row operands' }, h('span', { class: 'operand-name' }, 'a'), a,
        BINARY.has(v.fn) ? h('span', { class: 'operand-name' }, 'b') : null, b));
  }

  if (op === 'group') {
    const by = columnChecks('group-by', cols, () => v.by, (picked) => { v.by = picked; changed(); }, t('an_op_group'));
    const aggs = v.aggregates.map((a, i) => {
      // « nombre de » lignes, or of the values of a column that are not empty.
      const fn = choice(AGG_FNS.map((f) => [f, t(f === 'count' ? 'an_agg_count_of' : 'an_agg_' + f)]), a.fn, {
        class: 'agg-fn', 'data-key': `agg${i}-fn`, 'aria-label': t('an_calculation'),
        onchange: (e) => { a.fn = e.target.value; rerender(); },
      });
      a.fn = fn.value;
      const opts = [
        ...(ROW_AGGS.has(a.fn) ? [['', t('an_all_rows')]] : []),
        ...columnOptions(cols, { numericOnly: NUMERIC_AGGS.has(a.fn) }),
      ];
      const col = choice(opts, a.column, {
        class: 'agg-column', 'data-key': `agg${i}-column`, 'aria-label': t('an_column'),
        onchange: (e) => { a.column = e.target.value; rerender(); },
      });
      a.column = col.value;
      // Until the trainee names it, the result column is named after its calculation.
      if (!a.named) a.as = autoName(a);
      return h('div', { class: 'row agg', 'data-index': i }, fn, col, '→',
        textInput({ class: 'agg-as', 'data-key': `agg${i}-as`, 'aria-label': t('an_result_name'), placeholder: t('an_auto_name') }, a.as, (x) => { a.as = x; a.named = true; }),
        removeButton('remove-agg', t('an_remove_agg', i + 1), () => { v.aggregates.splice(i, 1); rerender(v.aggregates.length ? `agg${Math.max(0, i - 1)}-fn` : 'add-agg'); }));
    });
    return h('div', { class: 'step-group' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number), h('span', {}, t('an_group_by')), by),
      h('div', { class: 'aggs' }, aggs),
      h('button', {
        class: 'add-agg small-button', 'data-key': 'add-agg',
        onclick: () => { v.aggregates.push(newAggregate('sum')); rerender(`agg${v.aggregates.length - 1}-fn`); },
      }, t('an_add_agg')));
  }

  if (op === 'sort') {
    const keys = v.keys.map((k, i) => {
      const col = choice(colOpts, k.column, { class: 'sort-column', 'data-key': `k${i}-column`, 'aria-label': t('an_column'), onchange: (e) => { k.column = e.target.value; } });
      k.column = col.value;
      return h('div', { class: 'row sort-key', 'data-index': i },
        h('span', { class: 'connector' }, i === 0 ? t('an_sort_by_word') : t('an_then_by')),
        col,
        h('label', { class: 'check' }, h('input', { type: 'checkbox', class: 'sort-desc', 'data-key': `k${i}-desc`, checked: k.desc, onchange: (e) => { k.desc = e.target.checked; } }), ' ', t('an_desc')),
        v.keys.length > 1 ? removeButton('remove-sort-key', t('an_remove_key', i + 1), () => { v.keys.splice(i, 1); rerender(`k${Math.max(0, i - 1)}-column`); }) : null);
    });
    return h('div', { class: 'step-sort' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number)),
      h('div', { class: 'sort-keys' }, keys),
      h('button', {
        class: 'add-sort-key small-button', 'data-key': 'add-sort-key',
        onclick: () => { v.keys.push(newSortKey()); rerender(`k${v.keys.length - 1}-column`); },
      }, t('an_add_sort_key')));
  }

  if (op === 'limit') {
    return h('div', { class: 'row step-limit' }, stepTitle(op, ctx.number),
      textInput({ class: 'limit-n small-input', 'data-key': 'limit-n', type: 'number', min: 0, 'aria-label': t('an_rows_count') }, String(v.n), (x) => { v.n = x; }),
      t('an_rows_word'));
  }

  if (op === 'pivot') {
    const index = columnChecks('pivot-index', cols, () => v.index, (picked) => { v.index = picked; changed(); }, t('an_pivot_index'));
    const spread = choice(colOpts, v.columns, { class: 'pivot-columns', 'data-key': 'pivot-columns', onchange: (e) => { v.columns = e.target.value; } });
    v.columns = spread.value;
    const agg = choice(PIVOT_AGGS.map((f) => [f, t(f === 'count' ? 'an_agg_count_values' : 'an_agg_' + f)]), v.agg, {
      class: 'pivot-agg', 'data-key': 'pivot-agg', onchange: (e) => { v.agg = e.target.value; rerender(); },
    }, (x) => x); // `share`, which the core reads as a mean here, is kept as written
    v.agg = agg.value;
    const values = choice(columnOptions(cols, { numericOnly: NUMERIC_AGGS.has(v.agg) }), v.values, {
      class: 'pivot-values', 'data-key': 'pivot-values', onchange: (e) => { v.values = e.target.value; },
    });
    v.values = values.value;
    return h('div', { class: 'step-pivot' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number), h('span', { class: 'muted' }, t('an_pivot_intro'))),
      h('div', { class: 'row' }, h('span', {}, t('an_pivot_index')), index),
      h('div', { class: 'row' }, field(t('an_pivot_columns'), spread), field(t('an_pivot_agg'), agg), field(t('an_pivot_values'), values)),
      newColumnsNote(cols, ctx.out));
  }

  // join
  const all = ctx.tables || [];
  const rightColumns = () => tableColumns(all.find((x) => x.name === v.table)).map(colName);
  // The keys: a column of the same name on both sides, if there is one.
  const matchKeys = () => {
    const right = rightColumns();
    const same = (a) => right.find((r) => r.toLowerCase() === String(a).toLowerCase());
    if (same(v.left_on)) v.right_on = same(v.left_on);
    else {
      const common = cols.map(colName).find((c) => same(c));
      if (common) { v.left_on = common; v.right_on = same(common); } else v.right_on = '';
    }
  };
  // Another table than the one worked on comes first.
  const tableOpts = all.filter((x) => x.name !== ctx.source).concat(all.filter((x) => x.name === ctx.source)).map((x) => [x.name, x.name]);
  const tableSel = choice(tableOpts, v.table, {
    class: 'join-table', 'data-key': 'join-table',
    onchange: (e) => { v.table = e.target.value; matchKeys(); rerender(); },
  });
  if (!v.table && tableSel.value) { v.table = tableSel.value; matchKeys(); }
  const info = all.find((x) => x.name === v.table);
  const left = choice(colOpts, v.left_on, { class: 'join-left', 'data-key': 'join-left', onchange: (e) => { v.left_on = e.target.value; } });
  v.left_on = left.value;
  const right = choice(columnOptions(tableColumns(info)), v.right_on, { class: 'join-right', 'data-key': 'join-right', onchange: (e) => { v.right_on = e.target.value; } });
  v.right_on = right.value;
  const how = choice(JOIN_HOWS.map((x) => [x, t('an_join_how_' + x)]), v.how, { class: 'join-how', 'data-key': 'join-how', onchange: (e) => { v.how = e.target.value; } });
  v.how = how.value;
  return h('div', { class: 'step-join' },
    h('div', { class: 'row' }, stepTitle(op, ctx.number), field(t('an_join_table'), tableSel)),
    h('div', { class: 'row' }, field(t('an_join_left'), left), h('span', { class: 'equals' }, '='), field(t('an_join_right'), right), field(t('an_join_how'), how)),
    newColumnsNote(cols, ctx.out));
}

// "New columns: F, M", from what the core says the step gives.
function newColumnsNote(before, after) {
  if (!after) return null;
  const old = new Set(before.map(colName));
  const added = after.map(colName).filter((n) => !old.has(n));
  return h('p', { class: 'muted small step-output' }, added.length ? t('an_new_columns', added.join(', ')) : t('an_no_new_columns'));
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
