// The facilitator's desk: the class kept on this laptop, fed with the trainees' progress
// files (picked one by one or as a folder, a USB stick). The core merges them (bad files
// named, the rest shown, conflicts named) and lays the class out; this screen only shows it.

import { api } from '../api.js';
import { h, trustedHtml } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { guard, go } from '../router.js';
import { lessonBadge } from '../widgets/lessonbadge.js';
import { deskGate, deskPinCards } from '../widgets/pin.js';

export function facilitatorScreen() {
  return deskGate(desk);
}

async function desk() {
  const [board, pinCards] = await Promise.all([api.classView(), deskPinCards()]);
  const body = h('div', { id: 'class-board' });
  const status = h('div', { id: 'class-status', role: 'status' });
  const show = (b, withStatus) => {
    body.replaceChildren(...classBoard(b).filter(Boolean));
    status.replaceChildren(...(withStatus ? additionStatus(b) : []));
  };
  const add = (folder) => guard(async () => {
    const b = await api.classAdd(folder);
    if (b) show(b, true);
  });
  const clearClass = () => guard(async () => {
    if (!window.confirm(t('ui-class-clear-confirm'))) return;
    show(await api.classClear(), false);
  });
  const exportAs = (format) => guard(async () => {
    const r = await api.classExport(format);
    if (r) status.replaceChildren(h('p', { class: 'ok-text', id: 'class-exported' }, t('ui-export-done', { rows: formatNumber(r.rows), nrows: r.rows, path: r.path })));
  });
  show(board, false);
  return h('section', { class: 'screen', id: 'screen-facilitator' },
    h('h1', {}, t('ui-facilitator-title')),
    h('p', { class: 'lead' }, t('ui-facilitator-intro')),
    h('div', { class: 'row desk-tools' },
      h('button', { id: 'open-pack-desk', onclick: () => go.packDesk() }, t('ui-pack-desk-open'))),
    pinCards.setup,
    h('div', { class: 'row' },
      h('button', { class: 'primary', id: 'class-add-files', onclick: () => add(false) }, t('ui-class-add-files')),
      h('button', { id: 'class-add-folder', onclick: () => add(true) }, t('ui-class-add-folder')),
      h('button', { id: 'class-clear', onclick: clearClass }, t('ui-class-clear')),
    ),
    h('div', { class: 'row class-export' },
      h('span', { class: 'muted' }, t('ui-class-export')),
      h('button', { id: 'class-export-csv', onclick: () => exportAs('csv') }, 'CSV'),
      h('button', { id: 'class-export-csv-fr', onclick: () => exportAs('csv_french'), title: t('ui-csv-fr-help') }, t('ui-csv-fr')),
      h('button', { id: 'class-export-xlsx', onclick: () => exportAs('xlsx') }, 'XLSX')),
    status,
    body,
    pinCards.trainees,
  );
}

// What the last addition did: files added, already there, refused (each with its reason).
function additionStatus(b) {
  const out = [h('p', { class: 'ok-text' }, t('ui-class-added', { added: formatNumber(b.added), already: formatNumber(b.already) }))];
  if (b.refused.length) {
    out.push(h('div', { class: 'card warning', id: 'class-bad' },
      h('p', { class: 'warning-text' }, t('ui-class-bad', { count: formatNumber(b.refused.length) })),
      h('ul', { class: 'warnings' }, b.refused.map((f) => h('li', { 'data-file': f.path }, t('ui-class-bad-file', { file: f.path, reason: f.message }))))));
  }
  return out;
}

function classBoard(b) {
  if (!b.view.trainees.length) return [h('p', { class: 'muted', id: 'class-empty' }, t('ui-class-empty'))];
  const lessonTitle = Object.fromEntries(b.lessons.map((l) => [`${l.pack_id}/${l.lesson_id}`, l]));
  return [
    h('p', { id: 'class-summary' }, t('ui-class-summary', {
      trainees: formatNumber(b.view.trainees.length), files: formatNumber(b.files.length), events: formatNumber(b.view.events),
    })),
    conflicts(b, lessonTitle),
    traineeTable(b),
    stuckList(b),
    stepCards(b),
    reflections(b, lessonTitle),
  ];
}

function stepTitle(lessons, packId, lessonId, stepId) {
  const l = lessons[`${packId}/${lessonId}`];
  const s = l && l.steps.find((x) => x.step_id === stepId);
  return { lesson: l ? l.title : lessonId, step: s ? s.title : stepId };
}

function conflicts(b, lessons) {
  const c = b.view.conflicts;
  if (!c.events.length && !c.names.length) return null;
  const who = (id) => (b.view.trainees.find((x) => x.id === id) || { name: id }).name;
  return h('article', { class: 'card warning', id: 'class-conflicts' },
    h('h2', {}, t('ui-class-conflicts-title')),
    h('ul', {},
      c.events.map((e) => {
        const where = stepTitle(lessons, e.pack_id, e.lesson_id, e.step_id);
        const files = [...new Set(e.versions.flatMap((v) => v.files))].join(', ');
        return h('li', { class: 'event-conflict', 'data-event': e.event_id }, t('ui-class-event-conflict', {
          id: e.event_id, trainee: who(e.trainee_id), lesson: where.lesson, step: where.step,
          versions: formatNumber(e.versions.length), files,
        }));
      }),
      c.names.map((n) => h('li', { class: 'name-conflict', 'data-trainee': n.trainee_id }, t('ui-class-name-conflict', {
        names: n.names.map((u) => `« ${u.name} » (${u.files.join(', ')})`).join(', '), kept: n.names[0].name,
      })))));
}

function traineeTable(b) {
  return h('article', { class: 'card' },
    h('h2', {}, t('ui-class-trainees')),
    h('div', { class: 'table-scroll tall' },
      h('table', { class: 'grid class-table', id: 'class-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('ui-class-trainee')),
          b.lessons.map((l) => h('th', { scope: 'col', 'data-lesson': l.lesson_id }, l.title)))),
        h('tbody', {}, b.rows.map((r) => h('tr', { 'data-trainee': r.trainee_id },
          h('th', { scope: 'row' }, r.name,
            r.other_names.length ? h('span', { class: 'muted small also-named' }, ` (${t('ui-class-also-named', { names: r.other_names.join(', ') })})`) : null),
          r.cells.map((c, i) => h('td', { 'data-lesson': b.lessons[i].lesson_id, 'data-status': c.status, class: c.stuck.length ? 'stuck' : null },
            t('ui-class-cell', { done: formatNumber(c.done), steps: formatNumber(c.steps) }), ' ',
            lessonBadge(c.status),
            c.stuck.length ? h('span', { class: 'badge stuck-badge' }, '⚠') : null))))))));
}

// Who is stuck, on which step, and their actual wrong answers.
function stuckList(b) {
  const items = [];
  b.rows.forEach((r) => r.cells.forEach((c, i) => c.stuck.forEach((s) => {
    const l = b.lessons[i];
    const step = l.steps.find((x) => x.step_id === s.step_id);
    items.push(h('li', { 'data-trainee': r.trainee_id, 'data-step': s.step_id },
      h('strong', {}, t('ui-class-stuck-line', { trainee: r.name, lesson: l.title, step: step ? step.title : s.step_id })),
      h('br'),
      h('span', { class: 'wrong-answers' }, t('ui-class-wrong-answers', { answers: s.wrong_answers.map((a) => `« ${a} »`).join(', ') }))));
  })));
  return h('article', { class: 'card', id: 'class-stuck' },
    h('h2', {}, t('ui-class-stuck-title')),
    items.length ? h('ul', { class: 'stuck-list' }, items) : h('p', { class: 'muted' }, t('ui-class-stuck-none')));
}

// Per lesson: each step's success, mean attempts and hints, most common wrong answers,
// and the core's bar chart of the success per step.
function stepCards(b) {
  return h('article', { class: 'card', id: 'class-steps' },
    h('h2', {}, t('ui-class-steps-title')),
    b.lessons.map((l) => h('section', { class: 'class-lesson', 'data-lesson': l.lesson_id },
      h('h3', {}, l.title),
      l.success_chart ? trustedHtml(h('figure', { class: 'class-chart' }), l.success_chart) : null,
      h('div', { class: 'table-scroll tall' },
        h('table', { class: 'grid' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, t('ui-class-step')),
            h('th', { scope: 'col' }, t('ui-class-succeeded')),
            h('th', { scope: 'col' }, t('ui-class-attempts-mean')),
            h('th', { scope: 'col' }, t('ui-class-hints-mean')),
            h('th', { scope: 'col' }, t('ui-class-common-wrong')))),
          h('tbody', {}, l.steps.filter((s) => s.overview).map((s) => h('tr', { 'data-step': s.step_id },
            h('th', { scope: 'row' }, s.title),
            h('td', { class: 'num' }, t('ui-class-success-of', { done: formatNumber(s.overview.done), trainees: formatNumber(s.overview.trainees) })),
            h('td', { class: 'num' }, formatNumber(s.overview.attempts_mean, { maxDecimals: 1 })),
            h('td', { class: 'num' }, formatNumber(s.overview.hints_mean, { maxDecimals: 1 })),
            h('td', { class: 'common-wrong' }, s.overview.common_wrong_answers
              .map((w) => t('ui-class-wrong-count', { answer: `« ${w.answer} »`, count: formatNumber(w.count) })).join(' · '))))))))));
}

function reflections(b, lessons) {
  if (!b.view.reflections.length) return null;
  return h('article', { class: 'card', id: 'class-reflections' },
    h('h2', {}, t('ui-class-reflections-title')),
    h('ul', { class: 'reflection-list' }, b.view.reflections.map((r) => {
      const where = stepTitle(lessons, r.pack_id, r.lesson_id, r.step_id);
      return h('li', { 'data-trainee': r.trainee_id, 'data-step': r.step_id },
        h('p', { class: 'muted small' }, t('ui-class-stuck-line', { trainee: r.trainee, lesson: where.lesson, step: where.step })),
        h('blockquote', {}, r.text));
    })));
}
