// "Analyser": one workspace table, five tabs — the paged grid sorted by any column, the
// step-by-step transformation (filter, compute, group, sort, limit, pivot, join) with the
// SQL it becomes, charts with advice, inequality indicators with provinces normalised, and
// the read-only SQL console. Every figure is computed by the core; this module only builds requests and
// renders answers.

import { api } from '../api.js';
import { h, clear, trustedHtml } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { guard, go } from '../router.js';
import { creditLine } from '../widgets/datainfo.js';
import { colName, colLabel, isNumeric, tableColumns, columnSelect, field } from '../widgets/columns.js';
import { formatCell, resultGrid } from '../widgets/grid.js';
import { pipelineEditor, pipelineResult } from '../widgets/pipeline.js';
import { chartEditor } from '../widgets/charteditor.js';

const PAGE_SIZE = 50;

export async function analyseScreen(tableName) {
  const tables = await api.listTables();
  if (!tables.length) {
    return h('section', { class: 'screen', id: 'screen-analyse' },
      h('h1', {}, t('ui-an-title')), h('p', { class: 'muted', id: 'no-tables' }, t('ui-no-tables')));
  }
  const table = tables.find((x) => x.name === tableName) || tables[0];
  const info = await api.datasetInfo(table.name);
  const panel = h('div', { id: 'analyse-panel' });
  const tabs = [
    ['grid', t('ui-an-tab-grid'), () => gridTab(table)],
    ['pipeline', t('ui-an-tab-pipeline'), () => pipelineTab(table)],
    ['chart', t('ui-an-tab-chart'), () => chartTab(table)],
    ['indicator', t('ui-an-tab-indicator'), () => indicatorTab(table)],
    ['sql', t('ui-an-tab-sql'), () => sqlTab(table)],
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

  const picker = h('select', { id: 'analyse-table', onchange: (e) => go.analyse(e.target.value) },
    tables.map((x) => h('option', { value: x.name, selected: x.name === table.name }, x.name)));
  const root = h('section', { class: 'screen', id: 'screen-analyse' },
    h('div', { class: 'row spread' },
      h('h1', {}, t('ui-an-title')),
      h('label', {}, t('ui-table'), ' ', picker)),
    h('p', { class: 'muted' }, t('ui-an-table-summary', {
      rows: formatNumber(table.rows), nrows: table.rows,
      columns: formatNumber(table.columns.length), ncolumns: table.columns.length,
      source: table.source_file,
    })),
    creditLine(info),
    tabBar,
    panel);
  await show('grid');
  return root;
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
      ? t('ui-an-rows-of', { first: formatNumber(first), last: formatNumber(last), total: formatNumber(page.total_rows), ms: formatNumber(ms) })
      : t('ui-an-no-rows');
    prev.disabled = state.page === 0;
    next.disabled = page.next_cursor === null || page.next_cursor === undefined;
    clear(box).append(resultGrid(page, 'analyse-grid', (c) => {
      const name = colName(c);
      const sorted = state.sort && state.sort.column === name;
      const arrow = sorted ? (state.sort.desc ? ' ▼' : ' ▲') : '';
      return h('th', { class: isNumeric(c) ? 'num' : null, 'aria-sort': sorted ? (state.sort.desc ? 'descending' : 'ascending') : 'none' },
        h('button', {
          class: 'sort', 'data-column': name, title: t('ui-an-sort-by', { column: colLabel(c) }),
          onclick: () => {
            state.sort = sorted && !state.sort.desc ? { column: name, desc: true } : { column: name, desc: false };
            state.cursors = [null];
            state.page = 0;
            load();
          },
        }, colLabel(c) + arrow));
    }));
  }
  const prev = h('button', { id: 'grid-prev', onclick: () => { if (state.page > 0) { state.page -= 1; load(); } } }, t('ui-an-prev-page'));
  const next = h('button', { id: 'grid-next', onclick: () => { state.page += 1; load(); } }, t('ui-an-next-page'));
  load();
  return h('article', { class: 'card' },
    h('p', {}, t('ui-an-grid-intro')),
    h('div', { class: 'row' }, prev, next, status),
    box);
}

// ---------- pipeline: the editor, run, saved as a table ----------

function pipelineTab(table) {
  const editor = pipelineEditor(table);
  const result = h('div', { id: 'pipeline-result' });
  const nameInput = h('input', { id: 'pipeline-save-name', placeholder: t('ui-an-new-table-name'), 'aria-label': t('ui-an-new-table-name'), maxlength: 60 });
  async function run() {
    const res = await guard(() => api.runPipeline(table.name, editor.pipeline()));
    if (!res) return;
    clear(result).append(...pipelineResult(res),
      h('div', { class: 'row' }, nameInput,
        h('button', { id: 'pipeline-save', onclick: save }, t('ui-an-save-table'))));
  }
  async function save() {
    const name = nameInput.value.trim();
    if (!name) { nameInput.focus(); return; }
    const info = await guard(() => api.savePipeline(table.name, editor.pipeline(), name));
    if (info) result.append(h('p', { class: 'ok-text', id: 'pipeline-saved', role: 'status' }, t('ui-an-saved', { name: info.name, rows: formatNumber(info.rows), nrows: info.rows })));
  }
  return h('article', { class: 'card' },
    h('p', {}, t('ui-an-pipeline-intro')),
    editor.element,
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'pipeline-run', onclick: run }, t('ui-an-run'))),
    result);
}

// ---------- charts, with advice, saved as SVG or PNG ----------

function chartTab(table) {
  const editor = chartEditor(table);
  const exportButtons = [['svg', 'SVG'], ['png', 'PNG'], ['png2', 'PNG 2×']].map(([f, label]) =>
    h('button', {
      class: 'export-chart', 'data-format': f,
      onclick: async () => {
        const r = await guard(() => api.exportChart(table.name, editor.request(), f));
        if (r) editor.notes.append(h('p', { class: 'ok-text', role: 'status' }, t('ui-an-chart-saved', { path: r })));
      },
    }, label));
  return h('article', { class: 'card' },
    editor.element,
    h('div', { class: 'row' }, h('span', {}, t('ui-an-export')), exportButtons));
}

// ---------- indicators, and provinces ----------

// The indicators the core computes, by code, and their names.
const INDICATORS = {
  gini: 'ui-an-ind-gini', lorenz: 'ui-an-ind-lorenz', palma: 'ui-an-ind-palma', s80s20: 'ui-an-ind-s80s20',
  cv: 'ui-an-ind-cv', 'max-min': 'ui-an-ind-max-min', share: 'ui-an-ind-share', rate: 'ui-an-ind-rate',
  parity: 'ui-an-ind-parity', gpi: 'ui-an-ind-gpi', gap: 'ui-an-ind-gap',
};

function indicatorTab(table) {
  const cols = tableColumns(table);
  const kind = h('select', { id: 'indicator-kind', onchange: () => shape() }, Object.entries(INDICATORS).map(([k, label]) => h('option', { value: k }, t(label))));
  const value = columnSelect(cols, { id: 'indicator-value' }, { numericOnly: true });
  const weight = columnSelect(cols, { id: 'indicator-weight' }, { empty: t('ui-an-none'), numericOnly: true });
  const group = columnSelect(cols, { id: 'indicator-group' }, { empty: t('ui-an-none') });
  const num = h('input', { id: 'indicator-num', placeholder: t('ui-an-num-placeholder') });
  const den = h('input', { id: 'indicator-den', placeholder: t('ui-an-den-placeholder') });
  const pairRow = h('div', { class: 'row wrap' }, field(t('ui-an-group'), group), field(t('ui-an-num'), num), field(t('ui-an-den'), den));
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
      h('p', { class: 'figure', id: 'indicator-figure' }, r.value_text ?? formatCell(r.value)),
      h('p', { id: 'indicator-explanation' }, r.explanation ?? ''),
      skippedNote(r), curve));
    if (curve) {
      // The Lorenz curve behind the figure: how far it sags below the line of equality.
      const c = await guard(() => api.chartSvg(table.name, {
        kind: 'lorenz', x: req.value, weight: req.weight, title: t('ui-an-lorenz-title', { column: req.value }), source: table.source_file,
      }));
      if (c) trustedHtml(curve, c.svg);
    }
  }

  function skippedNote(r) {
    const d = r.details || {};
    const n = (d.skipped_missing || 0) + (d.skipped_not_numeric || 0);
    return n ? h('p', { class: 'muted', id: 'indicator-skipped' }, t('ui-an-skipped', { rows: formatNumber(n) })) : null;
  }

  const provCol = columnSelect(cols, { id: 'provinces-column' });
  const provCandidate = cols.find((c) => /prov|region|r[ée]gion/i.test(c.name + ' ' + (c.label || '')));
  if (provCandidate) provCol.value = provCandidate.name;
  const provOut = h('div', { id: 'provinces-result', role: 'status' });
  async function normalise() {
    const r = await guard(() => api.normaliseProvinces(table.name, provCol.value));
    if (!r) return;
    clear(provOut).append(h('div', {},
      h('p', { class: 'ok-text' }, t('ui-an-prov-matched', { rows: formatNumber(r.matched) })),
      r.unmatched.length
        ? h('div', {}, h('p', { class: 'warning-text' }, t('ui-an-prov-unmatched', { count: formatNumber(r.unmatched.length) })),
          h('ul', { class: 'warnings', id: 'provinces-unmatched' }, r.unmatched.map((u) => h('li', {}, t('ui-an-prov-value', { value: u.value, rows: formatNumber(u.rows) })))))
        : null));
  }

  return h('div', {},
    h('article', { class: 'card' },
      h('h2', {}, t('ui-an-tab-indicator')),
      h('p', {}, t('ui-an-indicator-intro')),
      h('div', { class: 'row wrap' }, field(t('ui-an-indicator'), kind), field(t('ui-an-value-col'), value), field(t('ui-an-weight'), weight)),
      pairRow,
      h('button', { class: 'primary', id: 'indicator-compute', onclick: compute }, t('ui-an-compute')),
      out),
    h('article', { class: 'card' },
      h('h2', {}, t('ui-an-prov-title')),
      h('p', {}, t('ui-an-prov-intro')),
      h('div', { class: 'row' }, field(t('ui-an-prov-column'), provCol),
        h('button', { id: 'provinces-normalise', onclick: normalise }, t('ui-an-prov-button'))),
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
    clear(out).append(h('p', { class: 'muted', role: 'status' }, t('ui-an-result-rows', { rows: formatNumber(res.total_rows ?? res.rows.length) })), resultGrid(res, 'sql-grid'));
  }
  return h('article', { class: 'card' },
    h('p', {}, t('ui-an-sql-intro')),
    text,
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'sql-run', onclick: run }, t('ui-an-run'))),
    out);
}

