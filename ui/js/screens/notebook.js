// « Mon carnet »: the trainee's reflections, answers and charts, lesson by lesson in pack
// order (the core gathers them), and the export as one HTML page to keep or print.

import { api } from '../api.js';
import { h, trustedHtml } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { state } from '../router.js';

const VERDICT = { true: ['ok-text', 'ui-notebook-right'], false: ['error-text', 'ui-notebook-wrong'] };

function verdict(correct) {
  const v = VERDICT[correct];
  return v ? h('span', { class: `verdict ${v[0]}` }, ` ${t(v[1])}`) : null;
}

function entryView(e) {
  const title = h('h4', {}, e.step_title);
  if (e.kind === 'reflection') {
    return h('div', { class: 'nb-entry nb-reflection', 'data-step': e.step_id }, title,
      h('p', { class: 'muted small' }, t('ui-notebook-reflection')),
      h('p', { class: 'nb-text' }, e.text));
  }
  if (e.kind === 'answers') {
    return h('div', { class: 'nb-entry nb-answers', 'data-step': e.step_id }, title,
      h('p', {}, e.question),
      h('p', { class: 'muted small' }, t('ui-notebook-answers')),
      h('ul', {}, e.answers.map((a) => h('li', {}, a.text, verdict(a.correct)))));
  }
  if (e.kind === 'table') {
    return h('div', { class: 'nb-entry nb-table', 'data-step': e.step_id }, title,
      h('p', { class: 'muted small' }, t('ui-notebook-table'), verdict(e.correct)),
      h('ol', {}, e.steps.map((s) => h('li', {}, s))));
  }
  if (e.kind === 'records') {
    return h('div', { class: 'nb-entry nb-records', 'data-step': e.step_id }, title,
      h('p', { class: 'muted small' }, t('ui-notebook-records')),
      h('div', { class: 'table-scroll' }, h('table', { class: 'grid' },
        h('thead', {}, h('tr', {}, e.fields.map((f) => h('th', { scope: 'col' }, f)))),
        h('tbody', {}, e.rows.map((r) => h('tr', {}, r.map((v) => h('td', {}, v))))))));
  }
  return h('div', { class: 'nb-entry nb-chart', 'data-step': e.step_id }, title,
    h('p', { class: 'muted small' }, t('ui-notebook-chart'), verdict(e.correct)),
    e.svg ? trustedHtml(h('figure', { class: 'chart' }), e.svg) : null,
    e.note ? h('p', { class: 'warning-text' }, e.note) : null);
}

export async function notebookScreen() {
  const nb = await api.notebook(state.profile.id);
  const status = h('div', { id: 'notebook-status', role: 'status' });
  const exportIt = async () => {
    try {
      const r = await api.exportNotebook(state.profile.id);
      status.replaceChildren(r ? h('p', { class: 'ok-text', id: 'notebook-exported' }, t('ui-notebook-exported', { file: r.file })) : '');
    } catch (e) {
      status.replaceChildren(h('p', { class: 'error-text' }, e.message));
    }
  };
  const count = nb.packs.flatMap((p) => p.lessons).reduce((n, l) => n + l.entries.length, 0);
  return h('section', { class: 'screen notebook', id: 'screen-notebook' },
    h('h1', {}, t('ui-notebook-title')),
    h('p', { class: 'lead' }, t('ui-notebook-intro', { count: formatNumber(count), n: count })),
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'export-notebook', onclick: exportIt }, t('ui-notebook-export'))),
    status,
    count ? null : h('p', { class: 'muted', id: 'notebook-empty' }, t('ui-notebook-empty')),
    nb.packs.map((p) => h('section', { class: 'nb-pack', 'data-pack': p.id },
      h('h2', {}, p.title),
      p.lessons.map((l) => h('article', { class: 'card nb-lesson', 'data-lesson': l.id },
        h('h3', {}, l.title, ' ', h('span', { class: 'muted small' }, t(l.status === 'done' ? 'ui-notebook-lesson-done' : 'ui-notebook-lesson-open'))),
        l.entries.map(entryView))))),
  );
}
