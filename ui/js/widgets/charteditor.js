// The chart editor: the question and its advice, the kind and fields of the chart, its
// title and source, and the figure the core draws. Used by the Graphique tab of Analyse and
// by the chart-task steps of a lesson.

import { api } from '../api.js';
import { h, clear, trustedHtml } from '../dom.js';
import { t } from '../i18n.js';
import { guard } from '../router.js';
import { isNumeric, tableColumns, columnSelect, field } from './columns.js';

// The core's codes, with the catalog keys of their names.
const KINDS = {
  bar: 'ui-an-kind-bar', hbar: 'ui-an-kind-hbar', grouped: 'ui-an-kind-grouped', stacked: 'ui-an-kind-stacked', line: 'ui-an-kind-line',
  scatter: 'ui-an-kind-scatter', histogram: 'ui-an-kind-histogram', lorenz: 'ui-an-kind-lorenz', map: 'ui-an-kind-map',
};
const QUESTIONS = {
  compare: 'ui-an-q-compare', trend: 'ui-an-q-trend', relationship: 'ui-an-q-relationship',
  distribution: 'ui-an-q-distribution', geography: 'ui-an-q-geography', inequality: 'ui-an-q-inequality',
};
const CHART_AGGS = {
  sum: 'ui-an-agg-sum', mean: 'ui-an-agg-mean', count: 'ui-an-agg-count', median: 'ui-an-agg-median', min: 'ui-an-agg-min', max: 'ui-an-agg-max',
};

// The <option>s of a <select> from codes and the catalog keys of their names.
const options = (keys) => Object.entries(keys).map(([code, key]) => h('option', { value: code }, t(key)));

// The chart form (question and advice, kind, fields, title, source) and the figure it
// draws; `request()` is what the core needs. Used by the Graphique tab and by chart-task
// steps of a lesson.
export function chartEditor(table, { withSource = true } = {}) {
  const cols = tableColumns(table);
  const kind = h('select', { id: 'chart-kind' }, options(KINDS));
  const x = columnSelect(cols, { id: 'chart-x' });
  const y = columnSelect(cols, { id: 'chart-y' }, { empty: t('ui-an-none') });
  const agg = h('select', { id: 'chart-agg' }, options(CHART_AGGS));
  const group = columnSelect(cols, { id: 'chart-group' }, { empty: t('ui-an-none') });
  // Bars can be sorted by value; a Lorenz curve can be weighted (people per row).
  const sort = h('input', { type: 'checkbox', id: 'chart-sort' });
  const weight = columnSelect(cols, { id: 'chart-weight' }, { empty: t('ui-an-none'), numericOnly: true });
  const sortField = h('label', { class: 'check', id: 'chart-sort-field' }, sort, ' ', t('ui-an-sort-bars'));
  const weightField = field(t('ui-an-chart-weight'), weight);
  function shapeFields() {
    sortField.hidden = !['bar', 'hbar', 'grouped', 'stacked'].includes(kind.value);
    weightField.hidden = kind.value !== 'lorenz';
  }
  kind.addEventListener('change', shapeFields);
  shapeFields();
  const title = h('input', { id: 'chart-title', placeholder: t('ui-an-chart-title') });
  const source = h('input', { id: 'chart-source', value: table.source_file, placeholder: t('ui-an-chart-source') });
  const figure = h('figure', { class: 'chart', id: 'analyse-chart' });
  const notes = h('div', { id: 'chart-notes' });
  const advice = h('ul', { class: 'advice', id: 'chart-advice' });
  const question = h('select', { id: 'chart-question', onchange: () => advise() }, options(QUESTIONS));
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
      }, KINDS[a.kind] ? t(KINDS[a.kind]) : a.kind), ' — ', a.reason)));
  }
  advise();
  const element = h('div', { class: 'chart-editor' },
    h('div', { class: 'row' }, field(t('ui-an-question'), question)),
    advice,
    h('div', { class: 'row wrap' },
      field(t('ui-an-kind'), kind), field(t('ui-an-x'), x), field(t('ui-an-y'), y), field(t('ui-an-agg'), agg), field(t('ui-an-group'), group),
      weightField, sortField),
    h('div', { class: 'row wrap' }, field(t('ui-an-chart-title'), title), withSource ? field(t('ui-an-chart-source'), source) : null,
      h('button', { class: 'primary', id: 'chart-draw', onclick: draw }, t('ui-an-draw'))),
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
