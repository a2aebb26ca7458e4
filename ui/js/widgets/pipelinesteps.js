// One step of the pipeline editor (filter, compute, group, sort, limit, pivot, join): its
// state while the trainee edits it, its JSON for the core (`readStep`) and back
// (`stepFromJson`), and its controls (`stepEditor`) for the columns the step starts from.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { colName, colLabel, isNumeric, tableColumns, field } from './columns.js';

// The operations, by the core's code, with the catalog keys of their name and of what they do.
export const OPS = {
  filter: { name: 'ui-an-op-filter', help: 'ui-an-op-help-filter' },
  derive: { name: 'ui-an-op-derive', help: 'ui-an-op-help-derive' },
  group: { name: 'ui-an-op-group', help: 'ui-an-op-help-group' },
  sort: { name: 'ui-an-op-sort', help: 'ui-an-op-help-sort' },
  limit: { name: 'ui-an-op-limit', help: 'ui-an-op-help-limit' },
  pivot: { name: 'ui-an-op-pivot', help: 'ui-an-op-help-pivot' },
  join: { name: 'ui-an-op-join', help: 'ui-an-op-help-join' },
};
// The choices of each operation, by the core's code, with the catalog key of their name.
const FILTER_OPS = {
  eq: 'ui-an-cmp-eq', ne: 'ui-an-cmp-ne', lt: 'ui-an-cmp-lt', le: 'ui-an-cmp-le', gt: 'ui-an-cmp-gt', ge: 'ui-an-cmp-ge',
  contains: 'ui-an-cmp-contains', in: 'ui-an-cmp-in', is_missing: 'ui-an-cmp-is-missing', not_missing: 'ui-an-cmp-not-missing',
};
const NO_VALUE = new Set(['is_missing', 'not_missing']);
const DERIVE_OPS = {
  add: 'ui-an-fn-add', sub: 'ui-an-fn-sub', mul: 'ui-an-fn-mul', div: 'ui-an-fn-div',
  percentage: 'ui-an-fn-percentage', per_1000: 'ui-an-fn-per-1000', round: 'ui-an-fn-round', year: 'ui-an-fn-year',
};
const BINARY = new Set(['add', 'sub', 'mul', 'div', 'percentage', 'per_1000']);
// « nombre de » lignes, or of the values of a column that are not empty.
const AGG_FNS = {
  count: 'ui-an-agg-count-of', sum: 'ui-an-agg-sum', mean: 'ui-an-agg-mean', median: 'ui-an-agg-median',
  min: 'ui-an-agg-min', max: 'ui-an-agg-max', share: 'ui-an-agg-share',
};
// Aggregates that may work on the rows themselves (no column), and those needing numbers.
const ROW_AGGS = new Set(['count', 'share']);
const NUMERIC_AGGS = new Set(['sum', 'mean', 'median', 'share']);
const AGG_NAMES = { count: 'nombre', sum: 'somme', mean: 'moyenne', median: 'mediane', min: 'min', max: 'max', share: 'part' };
const PIVOT_AGGS = {
  sum: AGG_FNS.sum, count: 'ui-an-agg-count-values', mean: AGG_FNS.mean, median: AGG_FNS.median, min: AGG_FNS.min, max: AGG_FNS.max,
};
const JOIN_HOWS = { left: 'ui-an-join-how-left', inner: 'ui-an-join-how-inner' };

// The options of a <select> from codes and the catalog keys of their names.
const named = (keys) => Object.entries(keys).map(([code, key]) => [code, t(key)]);

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
  return names.some((n) => sameColumn(n, v)) ? v : t('ui-an-gone', { column: v });
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


const newCondition = () => ({ column: '', cmp: 'eq', value: '' });
const newAggregate = (fn = 'count') => ({ fn, column: '', as: '', named: false });
const newSortKey = () => ({ column: '', desc: true });

export function newStep(op) {
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
export function stepFromJson(s) {
  if (!s || typeof s !== 'object' || !Object.hasOwn(OPS, s.op)) return null;
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
export function readStep(s) {
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
  return h('strong', { class: 'step-title' }, `${n}. ${t(OPS[op].name)}`);
}

function removeButton(cls, label, onclick) {
  return h('button', { class: `ghost ${cls}`, title: label, 'aria-label': label, onclick }, '✕');
}

// The button under a step's list (conditions, calculations, sort keys) that adds an item
// made by `create`, then moves the focus to the control `focus(index)` of the new one.
function addButton(key, label, list, create, focus, rerender) {
  return h('button', {
    class: `${key} small-button`, 'data-key': key,
    onclick: () => { list.push(create()); rerender(focus(list.length - 1)); },
  }, label);
}

// The controls of one step, for the columns `ctx.cols` it starts from.
export function stepEditor(s, ctx) {
  const { op, v } = s;
  const { cols, rerender, changed } = ctx;
  const colOpts = columnOptions(cols);

  if (op === 'filter') {
    const rows = v.conditions.map((c, i) => {
      const col = choice(colOpts, c.column, { class: 'filter-column', 'data-key': `c${i}-column`, 'aria-label': t('ui-an-column'), onchange: (e) => { c.column = e.target.value; } });
      c.column = col.value;
      const cmp = choice(named(FILTER_OPS), c.cmp, {
        class: 'filter-op', 'data-key': `c${i}-cmp`, 'aria-label': t('ui-an-comparison'),
        onchange: (e) => { c.cmp = e.target.value; rerender(); },
      });
      c.cmp = cmp.value;
      const value = NO_VALUE.has(c.cmp) ? null : textInput({
        class: 'filter-value', 'data-key': `c${i}-value`, 'aria-label': t('ui-an-value'),
        placeholder: c.cmp === 'in' ? t('ui-an-in-placeholder') : t('ui-an-value'),
      }, c.value, (x) => { c.value = x; });
      return h('div', { class: 'row condition', 'data-index': i },
        h('span', { class: 'connector' }, i === 0 ? t('ui-an-where') : t(v.match === 'any' ? 'ui-an-or' : 'ui-an-and')),
        col, cmp, value,
        v.conditions.length > 1
          ? removeButton('remove-condition', t('ui-an-remove-condition', { index: formatNumber(i + 1) }), () => { v.conditions.splice(i, 1); rerender(`c${Math.max(0, i - 1)}-column`); })
          : null);
    });
    const match = v.conditions.length > 1
      ? h('label', { class: 'inline-field' }, t('ui-an-match'), ' ', choice([['all', t('ui-an-match-all')], ['any', t('ui-an-match-any')]], v.match, {
          class: 'filter-match', 'data-key': 'match', onchange: (e) => { v.match = e.target.value; rerender(); },
        }))
      : null;
    return h('div', { class: 'step-filter' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number), match),
      h('div', { class: 'conditions' }, rows),
      addButton('add-condition', t('ui-an-add-condition'), v.conditions, newCondition, (i) => `c${i}-column`, rerender));
  }

  if (op === 'derive') {
    const operand = (o, which, { constantFirst }) => {
      const constant = ['', t('ui-an-constant')];
      const opts = constantFirst ? [constant, ...colOpts] : [...colOpts, constant];
      const sel = choice(opts, o.column, {
        class: `derive-${which}`, 'data-key': `derive-${which}`, 'aria-label': t(which === 'a' ? 'ui-an-operand-a' : 'ui-an-operand-b'),
        onchange: (e) => { o.column = e.target.value; rerender(); },
      });
      o.column = sel.value;
      const cls = which === 'a' ? 'derive-a-value' : 'derive-constant';
      const input = o.column === '' ? textInput({
        class: `${cls} small-input`, 'data-key': cls, inputmode: 'decimal', 'aria-label': t('ui-an-constant-value'), placeholder: '1',
      }, o.value, (x) => { o.value = x; }) : null;
      return [sel, input];
    };
    const fn = choice(named(DERIVE_OPS), v.fn, {
      class: 'derive-fn', 'data-key': 'derive-fn', 'aria-label': t('ui-an-calculation'),
      onchange: (e) => { v.fn = e.target.value; rerender(); },
    });
    v.fn = fn.value;
    const a = operand(v.a, 'a', { constantFirst: false });
    let b = [];
    if (BINARY.has(v.fn)) b = operand(v.b, 'b', { constantFirst: true });
    if (v.fn === 'round') {
      b = [h('span', {}, t('ui-an-decimals')), textInput({
        class: 'derive-constant small-input', 'data-key': 'derive-constant', inputmode: 'numeric', 'aria-label': t('ui-an-decimals'), placeholder: '0',
      }, v.b.value, (x) => { v.b.value = x; })];
    }
    return h('div', { class: 'step-derive' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number),
        textInput({ class: 'derive-name', 'data-key': 'derive-name', placeholder: t('ui-an-new-column'), 'aria-label': t('ui-an-new-column') }, v.as, (x) => { v.as = x; }),
        '=', fn),
      h('div', { class: 'row operands' }, h('span', { class: 'operand-name' }, 'a'), a,
        BINARY.has(v.fn) ? h('span', { class: 'operand-name' }, 'b') : null, b));
  }

  if (op === 'group') {
    const by = columnChecks('group-by', cols, () => v.by, (picked) => { v.by = picked; changed(); }, t('ui-an-op-group'));
    const aggs = v.aggregates.map((a, i) => {
      const fn = choice(named(AGG_FNS), a.fn, {
        class: 'agg-fn', 'data-key': `agg${i}-fn`, 'aria-label': t('ui-an-calculation'),
        onchange: (e) => { a.fn = e.target.value; rerender(); },
      });
      a.fn = fn.value;
      const opts = [
        ...(ROW_AGGS.has(a.fn) ? [['', t('ui-an-all-rows')]] : []),
        ...columnOptions(cols, { numericOnly: NUMERIC_AGGS.has(a.fn) }),
      ];
      const col = choice(opts, a.column, {
        class: 'agg-column', 'data-key': `agg${i}-column`, 'aria-label': t('ui-an-column'),
        onchange: (e) => { a.column = e.target.value; rerender(); },
      });
      a.column = col.value;
      // Until the trainee names it, the result column is named after its calculation.
      if (!a.named) a.as = autoName(a);
      return h('div', { class: 'row agg', 'data-index': i }, fn, col, '→',
        textInput({ class: 'agg-as', 'data-key': `agg${i}-as`, 'aria-label': t('ui-an-result-name'), placeholder: t('ui-an-auto-name') }, a.as, (x) => { a.as = x; a.named = true; }),
        removeButton('remove-agg', t('ui-an-remove-agg', { index: formatNumber(i + 1) }), () => { v.aggregates.splice(i, 1); rerender(v.aggregates.length ? `agg${Math.max(0, i - 1)}-fn` : 'add-agg'); }));
    });
    return h('div', { class: 'step-group' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number), h('span', {}, t('ui-an-group-by')), by),
      h('div', { class: 'aggs' }, aggs),
      addButton('add-agg', t('ui-an-add-agg'), v.aggregates, () => newAggregate('sum'), (i) => `agg${i}-fn`, rerender));
  }

  if (op === 'sort') {
    const keys = v.keys.map((k, i) => {
      const col = choice(colOpts, k.column, { class: 'sort-column', 'data-key': `k${i}-column`, 'aria-label': t('ui-an-column'), onchange: (e) => { k.column = e.target.value; } });
      k.column = col.value;
      return h('div', { class: 'row sort-key', 'data-index': i },
        h('span', { class: 'connector' }, i === 0 ? t('ui-an-sort-by-word') : t('ui-an-then-by')),
        col,
        h('label', { class: 'check' }, h('input', { type: 'checkbox', class: 'sort-desc', 'data-key': `k${i}-desc`, checked: k.desc, onchange: (e) => { k.desc = e.target.checked; } }), ' ', t('ui-an-desc')),
        v.keys.length > 1 ? removeButton('remove-sort-key', t('ui-an-remove-key', { index: formatNumber(i + 1) }), () => { v.keys.splice(i, 1); rerender(`k${Math.max(0, i - 1)}-column`); }) : null);
    });
    return h('div', { class: 'step-sort' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number)),
      h('div', { class: 'sort-keys' }, keys),
      addButton('add-sort-key', t('ui-an-add-sort-key'), v.keys, newSortKey, (i) => `k${i}-column`, rerender));
  }

  if (op === 'limit') {
    return h('div', { class: 'row step-limit' }, stepTitle(op, ctx.number),
      textInput({ class: 'limit-n small-input', 'data-key': 'limit-n', type: 'number', min: 0, 'aria-label': t('ui-an-rows-count') }, String(v.n), (x) => { v.n = x; }),
      t('ui-an-rows-word'));
  }

  if (op === 'pivot') {
    const index = columnChecks('pivot-index', cols, () => v.index, (picked) => { v.index = picked; changed(); }, t('ui-an-pivot-index'));
    const spread = choice(colOpts, v.columns, { class: 'pivot-columns', 'data-key': 'pivot-columns', onchange: (e) => { v.columns = e.target.value; } });
    v.columns = spread.value;
    const agg = choice(named(PIVOT_AGGS), v.agg, {
      class: 'pivot-agg', 'data-key': 'pivot-agg', onchange: (e) => { v.agg = e.target.value; rerender(); },
    }, (x) => x); // `share`, which the core reads as a mean here, is kept as written
    v.agg = agg.value;
    const values = choice(columnOptions(cols, { numericOnly: NUMERIC_AGGS.has(v.agg) }), v.values, {
      class: 'pivot-values', 'data-key': 'pivot-values', onchange: (e) => { v.values = e.target.value; },
    });
    v.values = values.value;
    return h('div', { class: 'step-pivot' },
      h('div', { class: 'row' }, stepTitle(op, ctx.number), h('span', { class: 'muted' }, t('ui-an-pivot-intro'))),
      h('div', { class: 'row' }, h('span', {}, t('ui-an-pivot-index')), index),
      h('div', { class: 'row' }, field(t('ui-an-pivot-columns'), spread), field(t('ui-an-pivot-agg'), agg), field(t('ui-an-pivot-values'), values)),
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
  const how = choice(named(JOIN_HOWS), v.how, { class: 'join-how', 'data-key': 'join-how', onchange: (e) => { v.how = e.target.value; } });
  v.how = how.value;
  return h('div', { class: 'step-join' },
    h('div', { class: 'row' }, stepTitle(op, ctx.number), field(t('ui-an-join-table'), tableSel)),
    h('div', { class: 'row' }, field(t('ui-an-join-left'), left), h('span', { class: 'equals' }, '='), field(t('ui-an-join-right'), right), field(t('ui-an-join-how'), how)),
    newColumnsNote(cols, ctx.out));
}

// "New columns: F, M", from what the core says the step gives.
function newColumnsNote(before, after) {
  if (!after) return null;
  const old = new Set(before.map(colName));
  const added = after.map(colName).filter((n) => !old.has(n));
  return h('p', { class: 'muted small step-output' }, added.length ? t('ui-an-new-columns', { columns: added.join(', ') }) : t('ui-an-no-new-columns'));
}
