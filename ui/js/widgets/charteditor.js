// The chart editor: the question and its advice, the kind and fields of the chart, its
// title and source, and the figure the core draws. Used by the Graphique tab of Analyse and
// by the chart-task steps of a lesson.

import { api } from '../api.js';
import { h, clear, trustedHtml } from '../dom.js';
import { t } from '../i18n.js';
import { guard } from '../router.js';
import { isNumeric, tableColumns, columnSelect, field } from './columns.js';

const KINDS = ['bar', 'hbar', 'grouped', 'stacked', 'line', 'scatter', 'histogram', 'lorenz', 'map'];
const QUESTIONS = ['compare', 'trend', 'relationship', 'distribution', 'geography', 'inequality'];
const CHART_AGGS = ['sum', 'mean', 'count', 'median', 'min', 'max'];

// The chart form (question and advice, kind, fields, title, source) and the figure it
// draws; `request()` is what the core needs. Used by the Graphique tab and by chart-task
// steps of a lesson.
export function chartEditor(table, { withSource = true } = {}) {
  const cols = tableColumns(table);
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
