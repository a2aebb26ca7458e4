// "Vos données": import a spreadsheet or CSV with a preview first (sheet, header row,
// column types can be changed), watch its progress, then list, view and export tables.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { guard, go } from '../router.js';
import { creditLine } from '../widgets/datainfo.js';
import { textGrid } from '../widgets/grid.js';
import { COLUMN_TYPES, detectionSummary, previewTable, warningsList } from '../widgets/preview.js';

// What the import tells while it runs, by phase.
const PROGRESS = { reading: 'ui-progress-reading', inferring: 'ui-progress-inferring', writing: 'ui-progress-writing' };

export async function dataScreen() {
  const importPanel = h('div', { id: 'import-panel' });
  const tablesPanel = h('div', { id: 'tables-panel' });
  const viewer = h('div', { id: 'table-viewer' });

  async function refreshTables() {
    const tables = await guard(() => api.listTables());
    if (!tables) return;
    clear(tablesPanel).append(tablesList(tables, viewer));
  }

  const root = h('section', { class: 'screen', id: 'screen-data' },
    h('div', { class: 'row spread' },
      h('h1', {}, t('ui-data-title')),
      h('button', {
        class: 'primary', id: 'import-button',
        onclick: async () => {
          const path = await guard(() => api.pickFile());
          if (path) startImport(importPanel, path, refreshTables);
        },
      }, t('ui-import-button'))),
    h('p', { class: 'lead' }, t('ui-import-intro')),
    importPanel,
    tablesPanel,
    viewer,
  );
  await refreshTables();
  return root;
}

function fileName(path) {
  return path.split(/[\\/]/).pop();
}

// The preview-then-import flow for one file.
async function startImport(panel, path, done) {
  const options = { sheet: null, headerRow: null, table: null, types: {} };

  async function showPreview() {
    const p = await guard(() => api.previewFile(path, { sheet: options.sheet, headerRow: options.headerRow }));
    if (!p) return;
    clear(panel).append(previewCard(p));
  }

  function previewCard(p) {
    const sheetSelect = p.sheets.length > 1
      ? h('label', {}, t('ui-sheet'), ' ',
          h('select', { id: 'import-sheet', onchange: (e) => { options.sheet = e.target.value; options.headerRow = null; options.types = {}; showPreview(); } },
            p.sheets.map((s) => h('option', { value: s, selected: s === p.sheet }, s))))
      : null;
    const headerInput = h('input', { id: 'import-header-row', type: 'number', min: 1, value: p.header_row || '', class: 'small-input' });
    const tableInput = h('input', { id: 'import-table', value: options.table ?? '', placeholder: t('ui-table-name-auto'), maxlength: 60 });

    const typeCell = (c) => {
      const current = options.types[c.name] ?? c.type;
      const select = h('select', {
        class: 'type-select', 'data-column': c.name,
        onchange: (e) => {
          if (e.target.value === c.type) delete options.types[c.name];
          else options.types[c.name] = e.target.value;
        },
      }, Object.entries(COLUMN_TYPES).map(([ty, label]) => h('option', { value: ty, selected: ty === current }, t(label))));
      return h('th', {}, select);
    };

    const progress = h('progress', { id: 'import-progress', max: 1, value: 0, hidden: true });
    const status = h('p', { id: 'import-status', role: 'status' });
    const importButton = h('button', {
      class: 'primary', id: 'import-confirm',
      onclick: async () => {
        options.table = tableInput.value.trim() || null;
        importButton.disabled = true;
        progress.hidden = false;
        status.textContent = t('ui-importing');
        const report = await guard(() => api.importFile(path, options, (pr) => {
          if (pr.fraction !== null && pr.fraction !== undefined) progress.value = pr.fraction;
          else progress.removeAttribute('value');
          status.textContent = t(PROGRESS[pr.phase], { rows: formatNumber(pr.rows), nrows: pr.rows });
        }));
        importButton.disabled = false;
        if (!report) { progress.hidden = true; status.textContent = ''; return; }
        progress.value = 1;
        clear(panel).append(reportCard(report));
        done();
      },
    }, t('ui-import-confirm'));

    return h('article', { class: 'card import-preview', id: 'import-preview' },
      h('h2', {}, t('ui-preview-of', { file: fileName(path) })),
      h('p', { class: 'muted', id: 'import-detected' }, detectionSummary(p)),
      h('div', { class: 'row' },
        sheetSelect,
        h('label', {}, t('ui-header-row'), ' ', headerInput),
        h('button', { id: 'import-refresh', onclick: () => { options.headerRow = Number(headerInput.value) || null; options.types = {}; showPreview(); } }, t('ui-refresh')),
        h('label', {}, t('ui-table-name'), ' ', tableInput)),
      previewTable(p, { id: 'import-columns', typeCell }),
      warningsList(p.warnings, { open: p.warnings.length <= 3, id: 'import-preview-warnings' }),
      h('div', { class: 'row' }, importButton, h('button', { onclick: () => clear(panel) }, t('ui-cancel')), progress, status),
    );
  }

  function reportCard(r) {
    return h('article', { class: 'card import-report', id: 'import-report' },
      h('p', { class: 'ok-text' }, t('ui-import-done', {
        table: r.table,
        rows: formatNumber(r.rows), nrows: r.rows,
        columns: formatNumber(r.columns.length), ncolumns: r.columns.length,
      })),
      warningsList(r.warnings));
  }

  await showPreview();
}

function tablesList(tables, viewer) {
  if (!tables.length) return h('p', { class: 'muted', id: 'no-tables' }, t('ui-no-tables'));
  return h('table', { class: 'grid tables', id: 'tables' },
    h('thead', {}, h('tr', {}, [t('ui-table'), t('ui-source'), t('ui-rows'), t('ui-columns'), ''].map((x) => h('th', {}, x)))),
    h('tbody', {}, tables.map((tb) => h('tr', { 'data-table': tb.name },
      h('td', {}, h('strong', {}, tb.name)),
      h('td', {}, tb.source_file + (tb.sheet ? ` [${tb.sheet}]` : '')),
      h('td', { class: 'num' }, formatNumber(tb.rows)),
      h('td', { class: 'num' }, tb.columns.length),
      h('td', { class: 'actions' },
        h('button', { class: 'view-table', onclick: () => showTable(viewer, tb.name) }, t('ui-view')),
        h('button', { class: 'analyse-table primary', onclick: () => go.analyse(tb.name) }, t('ui-analyse')),
        h('button', { class: 'export-csv', onclick: () => exportTable(tb.name, 'csv') }, 'CSV'),
        h('button', { class: 'export-csv-fr', onclick: () => exportTable(tb.name, 'csv_french'), title: t('ui-csv-fr-help') }, t('ui-csv-fr')),
        h('button', { class: 'export-xlsx', onclick: () => exportTable(tb.name, 'xlsx') }, 'XLSX'))))));
}

async function exportTable(name, format) {
  const r = await guard(() => api.exportTable(name, format));
  if (r) {
    const s = document.getElementById('import-status') || document.getElementById('tables');
    if (s) s.insertAdjacentElement('afterend', h('p', { class: 'ok-text', role: 'status' }, t('ui-export-done', { rows: formatNumber(r.rows), nrows: r.rows, path: r.path })));
  }
}

async function showTable(viewer, name) {
  const got = await guard(() => Promise.all([api.tableView(name), api.datasetInfo(name)]));
  if (!got) return;
  const [view, info] = got;
  clear(viewer).append(h('article', { class: 'card' },
    h('h2', {}, t('ui-data-table', { name: view.name, rows: formatNumber(view.rows.length), nrows: view.rows.length })),
    creditLine(info),
    h('div', { class: 'table-scroll tall' }, textGrid(view, 'table-view'))));
  viewer.scrollIntoView({ block: 'start' });
}
