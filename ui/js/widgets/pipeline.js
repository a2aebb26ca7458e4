// The pipeline editor: the step list and its "add a step" buttons, and a pipeline's result
// (rows, count, the SQL it becomes). Used by the Transformer tab of Analyse and by the
// data-task steps of a lesson.

import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { colName, colType, tableColumns } from './columns.js';
import { resultGrid } from './grid.js';
import { OPS, newStep, stepFromJson, readStep, stepEditor } from './pipelinesteps.js';

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
        class: 'ghost remove-step', 'data-key': 'remove', title: t('ui-an-remove-step'), 'aria-label': `${t('ui-an-remove-step')} (${i + 1})`,
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
    h('span', {}, t('ui-an-add-step')),
    Object.entries(OPS).map(([op, { name, help }]) => h('button', {
      class: 'add-step', 'data-op': op, title: t(help),
      onclick: () => {
        steps.push(newStep(op));
        renderAt(steps.length - 1);
        schedule();
        steps[steps.length - 1].li.querySelector('select, input')?.focus();
      },
    }, t(name))));
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
    h('p', { class: 'ok-text', id: 'pipeline-count', role: 'status' }, t('ui-an-result-rows', { rows: formatNumber(res.total_rows ?? res.rows.length) })),
    resultGrid(res, 'pipeline-grid'),
    h('details', { id: 'pipeline-sql' }, h('summary', {}, t('ui-an-show-sql')), h('pre', { class: 'sql' }, res.sql)),
  ];
}
