// A lesson: the list of steps on the left, the current step on the right (mirrored right to
// left in Arabic, where the pack's own text, often French, keeps its direction: `dir=auto`, `<bdi>`).
// Each step kind (read, question, collect, chart, data, chart_task, import) has its own
// renderer; the core decides what is right.

import { api } from '../api.js';
import { h, clear, trustedHtml } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber, formatBytes } from '../format.js';
import { state, go, guard } from '../router.js';
import { pipelineEditor, pipelineResult } from '../widgets/pipeline.js';
import { chartEditor } from '../widgets/charteditor.js';
import { lessonBadge } from '../widgets/lessonbadge.js';
import { textGrid, searchableGrid } from '../widgets/grid.js';
import { detectionSummary, previewTable, warningsList } from '../widgets/preview.js';
import { creditLine } from '../widgets/datainfo.js';

// The name of each step kind and step status, by the core's code.
const STEP_KIND = {
  read: 'ui-kind-read', question: 'ui-kind-question', collect: 'ui-kind-collect', chart: 'ui-kind-chart',
  reflection: 'ui-kind-reflection', data: 'ui-kind-data', chart_task: 'ui-kind-chart-task', import: 'ui-kind-import',
};
const STEP_STATUS = { todo: 'ui-status-todo', started: 'ui-status-started', skipped: 'ui-status-skipped', done: 'ui-status-done' };

export async function lessonScreen(packId, lessonId, stepId, onTitle) {
  const at = { profileId: state.profile.id, packId, lessonId };
  const lesson = await api.openLesson(at.profileId, packId, lessonId);
  onTitle(lesson.pack_title, lesson.title);

  const nav = h('ol', { class: 'step-list', id: 'step-list' });
  // The lesson's status follows its completion rule (`required` steps done of all).
  const badgeSlot = h('span', { id: 'lesson-status' });
  function renderBadge(status) {
    clear(badgeSlot);
    const b = lessonBadge(status);
    if (b) badgeSlot.append(b);
  }
  renderBadge(lesson.status);
  const pane = h('div', { class: 'step-pane', id: 'step-pane', 'aria-live': 'polite' });
  const root = h('section', { class: 'screen lesson', id: 'screen-lesson' },
    h('aside', { class: 'steps' },
      h('h2', { class: 'lesson-name' }, lesson.title, ' ', badgeSlot),
      lesson.required < lesson.steps.length ? h('p', { class: 'muted small', id: 'lesson-rule' }, t('ui-lesson-required', { required: formatNumber(lesson.required), n: lesson.required, total: formatNumber(lesson.steps.length) })) : null,
      h('p', { class: 'muted small' }, t('ui-steps')),
      nav),
    pane,
  );

  const statuses = new Map(lesson.steps.map((s) => [s.id, s.status]));
  // A lesson done when opened is read again: its done steps show the trainee's own
  // answers read-only (nothing to submit, so nothing is added and no status changes).
  const review = lesson.status === 'done';

  function renderNav(currentId) {
    const all = [...statuses.values()];
    const done = all.filter((st) => st === 'done').length;
    renderBadge(done >= lesson.required ? 'done' : (all.some((st) => st !== 'todo') ? 'in_progress' : 'todo'));
    clear(nav);
    for (const s of lesson.steps) {
      const status = statuses.get(s.id);
      nav.append(h('li', {},
        h('button', {
          class: `step-link ${status}${s.id === currentId ? ' current' : ''}`,
          'data-step': s.id,
          'aria-current': s.id === currentId ? 'step' : null,
          onclick: () => show(s.id),
        },
        h('span', { class: 'dot', 'aria-hidden': 'true' }, status === 'done' ? '✓' : ''),
        h('span', { class: 'step-name' }, h('bdi', {}, s.title)),
        h('span', { class: 'visually-hidden' }, ` (${t(STEP_STATUS[status])})`),
        )));
    }
  }

  async function show(id) {
    const step = await guard(() => api.getStep(at, id));
    if (step) render(step);
  }

  function render(step) {
    statuses.set(step.id, step.status);
    renderNav(step.id);
    clear(pane).append(stepView(step, { at, render, show, review, setStatus: (id, st) => statuses.set(id, st) }));
    pane.scrollTop = 0;
    const heading = pane.querySelector('h1');
    if (heading) heading.focus({ preventScroll: true });
  }

  await show(stepId && lesson.steps.some((s) => s.id === stepId) ? stepId : lesson.current);
  return root;
}

function stepView(step, ctx) {
  const { at, render, show } = ctx;
  const body = [];
  body.push(h('p', { class: 'eyebrow' }, `${t('ui-step-of', { index: formatNumber(step.index), total: formatNumber(step.total) })} · ${t(STEP_KIND[step.kind])}`));
  body.push(h('h1', { id: 'step-title', tabindex: '-1', dir: 'auto' }, step.title));
  body.push(trustedHtml(h('div', { class: 'prose', dir: 'auto' }), step.html));

  const work = [];
  if (step.kind === 'question') work.push(questionView(step, at, render));
  if (step.kind === 'collect') work.push(collectView(step, at, render));
  if (step.kind === 'reflection') work.push(reflectionView(step, at, render));
  if (step.kind === 'chart') work.push(trustedHtml(h('figure', { class: 'chart', id: 'chart' }), step.chart_svg));
  if (step.kind === 'data') work.push(dataTaskView(step, at, render));
  if (step.kind === 'chart_task') work.push(chartTaskView(step, at, render));
  if (step.kind === 'import') work.push(importStepView(step, at, render));
  // Read again: a disabled fieldset keeps every control inside read-only, even those the
  // pipeline editor draws later.
  const reviewing = ctx.review && step.status === 'done';
  if (reviewing) body.push(h('p', { class: 'review-note', id: 'review-note' }, t('ui-review-note')), h('fieldset', { class: 'review', id: 'review', disabled: true }, work));
  else body.push(...work);
  // Where the data shown or worked on comes from (the pack's datapackage.json).
  if (step.dataset_info) body.push(creditLine(step.dataset_info));

  // Navigation. Read and chart steps are marked done by moving on.
  const markDone = step.kind === 'read' || step.kind === 'chart';
  const nextLabel = step.next ? (markDone && step.status !== 'done' ? t(step.kind === 'chart' ? 'ui-seen-chart' : 'ui-mark-read') : t('ui-next')) : t('ui-finish');
  const next = h('button', {
    class: 'primary', id: 'next-step',
    onclick: async () => {
      if (markDone && step.status !== 'done') {
        const done = await guard(() => api.completeStep(at, step.id));
        if (!done) return;
        step.status = done.status;
        ctx.setStatus(step.id, done.status);
      }
      if (step.next) show(step.next);
      else go.packs();
    },
  }, nextLabel);
  const prev = step.prev ? h('button', { id: 'prev-step', onclick: () => show(step.prev) }, t('ui-prev')) : h('span');
  const skippable = ['question', 'collect', 'data', 'chart_task', 'import'].includes(step.kind) && step.status !== 'done' && step.status !== 'skipped';
  const skip = skippable
    ? h('button', {
        id: 'skip-step', class: 'ghost-dark',
        onclick: async () => {
          const v = await guard(() => api.skipStep(at, step.id));
          if (!v) return;
          ctx.setStatus(step.id, v.status);
          if (step.next) show(step.next);
          else render(v);
        },
      }, t('ui-skip'))
    : null;
  body.push(h('div', { class: 'step-actions' }, prev, h('div', { class: 'row' }, skip, next)));
  return h('article', { class: `step kind-${step.kind}`, 'data-step': step.id }, body);
}

function feedbackBox(step) {
  const box = h('div', { class: 'feedback', id: 'feedback', role: 'status' });
  if (step.last_message) {
    box.classList.add(step.last_correct ? 'ok' : 'ko');
    box.append(h('p', { class: 'message' }, step.last_message));
  }
  if (step.solution) {
    box.classList.add('solution-shown');
    box.append(h('p', { class: 'solution', id: 'solution' }, h('strong', {}, t('ui-solution')), ' ', step.solution));
  }
  if (step.explanation_html) box.append(trustedHtml(h('div', { class: 'explanation' }), step.explanation_html));
  return box;
}

// A step's hints with their button and counter, the attempts so far, and the solution
// only after a confirmation (so a stray click never gives it away). The core's answer to
// a hint goes to `onHint`, the step with its solution to `onReveal`.
function helpControls(step, at, onHint, onReveal) {
  const hints = h('ol', { class: 'hints', id: 'hints' },
    step.hints.map((text, i) => h('li', {}, h('strong', {}, t('ui-hint-n', { index: formatNumber(i + 1), total: formatNumber(step.hints_total) })), ' ', text)));
  const hintButton = h('button', {
    id: 'hint-button',
    disabled: step.hints_total === 0 || step.hints.length >= step.hints_total,
    onclick: async () => {
      const out = await guard(() => api.requestHint(at, step.id));
      if (out) onHint(out.step);
    },
  }, step.hints_total ? `${t('ui-hint')} (${step.hints.length}/${step.hints_total})` : t('ui-no-hint'));
  const confirmBox = h('div', { class: 'confirm', id: 'reveal-confirm-box', hidden: true, role: 'alertdialog' },
    h('p', {}, t('ui-reveal-confirm')),
    h('div', { class: 'row' },
      h('button', {
        id: 'reveal-confirm', class: 'primary',
        onclick: async () => {
          const v = await guard(() => api.revealSolution(at, step.id));
          if (v) { onReveal(v); document.getElementById('solution')?.scrollIntoView({ block: 'nearest' }); }
        },
      }, t('ui-reveal-yes')),
      h('button', { id: 'reveal-cancel', onclick: () => { confirmBox.hidden = true; } }, t('ui-reveal-no'))));
  const revealButton = step.status !== 'done' && !step.revealed
    ? h('button', { id: 'reveal-button', onclick: () => { confirmBox.hidden = false; } }, t('ui-reveal'))
    : null;
  const attempts = step.attempts
    ? h('span', { class: 'muted', id: 'attempts' }, t('ui-attempts', { count: formatNumber(step.attempts), n: step.attempts }))
    : null;
  return { hints, hintButton, confirmBox, revealButton, attempts };
}

function questionView(step, at, render) {
  const q = step.question;
  const parts = [];
  if (step.table) parts.push(dataTable(step.table));

  let readAnswer;
  const last = step.last_answer;
  if (q.answer_type === 'choice') {
    const group = h('div', { class: 'choices', role: 'radiogroup', 'aria-label': t('ui-your-answer') },
      q.choices.map((c) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'answer', value: c.value, checked: last === c.value }),
        h('span', {}, c.label))));
    readAnswer = () => group.querySelector('input:checked')?.value ?? null;
    parts.push(group);
  } else if (q.answer_type === 'multiple') {
    const picked = Array.isArray(last) ? last : [];
    const group = h('fieldset', { class: 'choices', id: 'multiple-choices' },
      h('legend', { class: 'visually-hidden' }, t('ui-your-answer')),
      q.choices.map((c) => h('label', { class: 'choice' },
        h('input', { type: 'checkbox', name: 'answer', value: c.value, checked: picked.includes(c.value) }),
        h('span', {}, c.label))));
    readAnswer = () => [...group.querySelectorAll('input:checked')].map((i) => i.value);
    parts.push(group);
  } else {
    const input = h('input', {
      id: 'answer-input', name: 'answer', autocomplete: 'off',
      inputmode: q.answer_type === 'number' ? 'decimal' : 'text',
      value: last === null || last === undefined ? '' : String(last),
    });
    readAnswer = () => input.value;
    parts.push(h('div', { class: 'answer-line' },
      h('label', { for: 'answer-input' }, t('ui-your-answer')), input, q.unit ? h('span', { class: 'unit' }, q.unit) : null));
  }

  const help = helpControls(step, at, (s) => {
    render(s);
    document.getElementById('hints')?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, render);
  const form = h('form', { class: 'question', id: 'question-form' },
    parts,
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary', id: 'submit-answer' }, t('ui-answer')),
      help.hintButton,
      help.revealButton,
      help.attempts),
    help.confirmBox,
    help.hints,
    feedbackBox(step),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const answer = readAnswer();
    const out = await guard(() => api.submitAnswer(at, step.id, answer));
    if (!out) return;
    if (out.verdict === 'invalid') {
      const box = form.querySelector('#feedback');
      clear(box).append(h('p', { class: 'message' }, out.message));
      box.className = 'feedback warn';
      box.scrollIntoView({ block: 'nearest' });
      return;
    }
    render(out.step);
    document.getElementById('feedback')?.scrollIntoView({ block: 'nearest' });
  });
  return form;
}

// One control per field type; ids `field-<name>` (location: `field-<name>_lat`/`_lon`).
function fieldControl(f) {
  const id = `field-${f.name}`;
  if (f.type === 'choice' || f.type === 'province') {
    return h('select', { id, name: f.name },
      h('option', { value: '' }, t('ui-choose')),
      f.choices.map((c) => h('option', { value: c.value }, c.label)));
  }
  if (f.type === 'multiple') {
    return h('fieldset', { class: 'choices checkboxes', id },
      h('legend', { class: 'visually-hidden' }, f.label),
      f.choices.map((c) => h('label', { class: 'choice' },
        h('input', { type: 'checkbox', name: f.name, value: c.value }), ' ', c.label)));
  }
  if (f.type === 'date') {
    // Typed day first, as the core reads it: a date widget would follow the system's
    // locale (month first on an English Windows) and contradict the help under the field.
    return h('input', { id, name: f.name, autocomplete: 'off', inputmode: 'numeric', placeholder: t('ui-date-placeholder'), size: 12 });
  }
  if (f.type === 'location') {
    const part = (suffix, label) => h('label', { class: 'coord' }, label, ' ',
      h('input', { id: `${id}_${suffix}`, name: `${f.name}_${suffix}`, autocomplete: 'off', inputmode: 'decimal', size: 10 }));
    return h('div', { class: 'location', id }, part('lat', t('ui-latitude')), ' ', part('lon', t('ui-longitude')));
  }
  return h('input', { id, name: f.name, autocomplete: 'off', inputmode: f.type === 'text' ? 'text' : (f.type === 'integer' ? 'numeric' : 'decimal') });
}

// What the core receives for a field: text as typed; checked values joined by spaces.
function fieldValues(form, f) {
  if (f.type === 'multiple') {
    const picked = [...form.querySelectorAll(`input[type=checkbox][name="${CSS.escape(f.name)}"]:checked`)].map((i) => i.value);
    return { [f.name]: picked.join(' ') };
  }
  if (f.type === 'location') {
    return { [`${f.name}_lat`]: form.elements[`${f.name}_lat`].value, [`${f.name}_lon`]: form.elements[`${f.name}_lon`].value };
  }
  return { [f.name]: form.elements[f.name].value };
}

function collectView(step, at, render) {
  const fields = step.form.fields;
  const controls = fields.map((f) => {
    const id = `field-${f.name}`;
    const labelFor = f.type === 'location' ? `${id}_lat` : (f.type === 'multiple' ? null : id);
    return h('div', { class: 'field', 'data-field': f.name, 'data-type': f.type },
      h('label', { for: labelFor }, f.label, f.required ? h('span', { class: 'req' }, ` (${t('ui-required')})`) : null),
      fieldControl(f),
      f.help ? h('small', { class: 'muted' }, f.help) : null,
      f.constraint_message ? h('small', { class: 'constraint-hint muted' }, f.constraint_message) : null,
      h('p', { class: 'field-error', 'data-field': f.name, hidden: true }));
  });
  const message = h('p', { class: 'form-message', id: 'record-message', role: 'status' });
  const form = h('form', { class: 'collect', id: 'collect-form', novalidate: true },
    h('div', { class: 'fields' }, controls),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', id: 'record-submit' }, t('ui-save-record')), message));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const values = {};
    for (const f of fields) Object.assign(values, fieldValues(form, f));
    const out = await guard(() => api.submitRecord(at, step.id, values));
    if (!out) return;
    if (!out.saved) {
      for (const p of form.querySelectorAll('.field-error')) { p.hidden = true; p.textContent = ''; }
      for (const e of out.errors) {
        const p = form.querySelector(`.field-error[data-field="${CSS.escape(e.field)}"]`);
        if (p) { p.textContent = e.message; p.hidden = false; }
      }
      message.textContent = out.message;
      message.className = 'form-message ko';
      form.querySelector('.field-error:not([hidden])')?.parentElement.querySelector('input,select')?.focus();
      return;
    }
    render(out.step);
    const msg = document.getElementById('record-message');
    if (msg) { msg.textContent = out.message; msg.className = 'form-message ok'; }
  });

  const table = step.records.length
    ? h('table', { class: 'records', id: 'records' },
        h('thead', {}, h('tr', {}, fields.map((f) => h('th', {}, f.label)))),
        h('tbody', {}, step.records.map((r) => h('tr', { class: 'record-row' }, fields.map((f) => h('td', {}, display(f, r)))))))
    : h('p', { class: 'muted', id: 'records' }, t('ui-no-records'));

  return h('div', { class: 'collect-step' }, form,
    h('h2', { class: 'records-title' }, t('ui-records-title', { count: formatNumber(step.records.length) })), table);
}

// A record's value for a field, as the trainee reads it.
function display(field, record) {
  const num = (v) => (typeof v === 'number' ? formatNumber(v, { maxDecimals: 6 }) : '');
  if (field.type === 'location') {
    const lat = record[`${field.name}_lat`];
    const lon = record[`${field.name}_lon`];
    return lat === null || lat === undefined ? '' : `${num(lat)} ; ${num(lon)}`;
  }
  const value = record[field.name];
  if (value === null || value === undefined) return '';
  const label = (v) => field.choices?.find((c) => c.value === v)?.label ?? v;
  if (field.type === 'choice' || field.type === 'province') return label(value);
  if (field.type === 'multiple') return String(value).split(' ').map(label).join(', ');
  if (field.type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : String(value);
  }
  if (typeof value === 'number') return num(value);
  return String(value);
}

function dataTable(table) {
  return h('details', { class: 'data', open: true },
    h('summary', {}, t('ui-data-table', { name: table.name, rows: formatNumber(table.total_rows ?? table.rows.length), nrows: table.total_rows ?? table.rows.length })),
    ...searchableGrid(table, 'data-table'));
}

function reflectionView(step, at, render) {
  const area = h('textarea', {
    id: 'reflection-text', rows: 6, maxlength: 5000,
    placeholder: step.placeholder ?? '', 'aria-describedby': 'reflection-count',
  });
  area.value = step.reflection ?? '';
  const count = h('span', { class: 'muted small', id: 'reflection-count' });
  const updateCount = () => {
    const n = area.value.trim().length;
    const args = { count: formatNumber(n), n };
    count.textContent = step.min_length ? t('ui-chars-min', { ...args, min: formatNumber(step.min_length) }) : t('ui-chars', args);
  };
  area.addEventListener('input', updateCount);
  updateCount();
  const message = h('p', { class: 'form-message', id: 'reflection-message', role: 'status' });
  const form = h('form', { class: 'reflection', id: 'reflection-form' },
    h('label', { for: 'reflection-text' }, t('ui-your-reflection')),
    area,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', id: 'reflection-submit' }, t('ui-save-reflection')), count, message));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const out = await guard(() => api.submitReflection(at, step.id, area.value));
    if (!out) return;
    if (!out.saved) {
      message.textContent = out.message;
      message.className = 'form-message ko';
      return;
    }
    render(out.step);
    const m = document.getElementById('reflection-message');
    if (m) { m.textContent = out.message; m.className = 'form-message ok'; }
  });
  return form;
}

// ---------- data tasks and chart tasks ----------

// Hints (with their counter), the solution after a confirmation and the feedback of a
// task step, refreshed in place so the trainee's pipeline or chart stays on screen.
function taskControls(step, at, check) {
  const root = h('div', { class: 'task-controls' });
  function build(s) {
    const help = helpControls(s, at, build, build);
    const box = feedbackBox(s);
    const steps = s.data_task?.solution_steps ?? [];
    if (steps.length) {
      box.append(h('p', {}, t('ui-task-solution-steps')),
        h('ol', { class: 'solution-steps', id: 'solution-steps' }, steps.map((x) => h('li', {}, x))));
    }
    clear(root).append(
      h('div', { class: 'row' },
        h('button', { class: 'primary', id: 'task-check', onclick: () => check(build, box) }, t('ui-task-check')),
        help.hintButton,
        help.revealButton,
        help.attempts),
      help.confirmBox, help.hints, box);
  }
  build(step);
  return root;
}

function showInvalid(box, message) {
  clear(box).append(h('p', { class: 'message' }, message));
  box.className = 'feedback warn';
  box.scrollIntoView({ block: 'nearest' });
}

// A data task: the pipeline editor on the step's table, "Vérifier", the result grid.
function dataTaskView(step, at, render) {
  const task = step.data_task;
  const intro = h('p', { class: 'muted', id: 'task-dataset' },
    t('ui-task-dataset', { name: task.dataset }), task.ordered ? ` ${t('ui-task-ordered')}` : '');
  if (!task.table) {
    return h('div', { class: 'task-step', id: 'data-task' }, intro,
      h('p', { class: 'warning-text' }, t('ui-task-dataset-missing', { name: task.dataset })));
  }
  const editor = pipelineEditor(task.table);
  // Back on the step: the trainee's last pipeline, to go on from it.
  if (step.last_answer) editor.load(step.last_answer);
  const result = h('div', { id: 'task-result' });
  const controls = taskControls(step, at, async (build, box) => {
    const out = await guard(() => api.submitPipeline(at, step.id, editor.pipeline()));
    if (!out) return;
    if (out.verdict === 'invalid') { showInvalid(box, out.message); return; }
    const showResult = (el) => {
      if (!el || !out.result) return;
      clear(el).append(h('h2', {}, t('ui-task-your-result')), ...pipelineResult(out.result));
      if (out.verdict === 'correct' && task.result) el.append(h('p', { class: 'ok-text', id: 'task-saved' }, t('ui-task-result-saved', { name: task.result })));
    };
    if (out.verdict === 'correct') {
      render(out.step);
      showResult(document.getElementById('task-result'));
    } else {
      build(out.step);
      showResult(result);
    }
    document.getElementById('feedback')?.scrollIntoView({ block: 'nearest' });
  });
  return h('div', { class: 'task-step', id: 'data-task' }, intro, editor.element, controls, result);
}

// The last chart checked on each chart-task step, drawn again when the step is shown.
const lastCharts = new Map();

// A chart task: the chart editor on the step's table and "Vérifier" (the chart is drawn too).
function chartTaskView(step, at, render) {
  const task = step.chart_task;
  const intro = h('p', { class: 'muted', id: 'task-dataset' }, t('ui-task-dataset', { name: task.dataset }));
  if (!task.table) {
    return h('div', { class: 'task-step', id: 'chart-task' }, intro,
      h('p', { class: 'warning-text' }, t('ui-task-dataset-missing', { name: task.dataset })));
  }
  const editor = chartEditor(task.table, { withSource: false });
  const drawn = lastCharts.get(step.id) ?? (step.last_answer && step.last_answer.kind ? step.last_answer : null);
  if (drawn) { editor.set(drawn); editor.draw(); }
  const controls = taskControls(step, at, async (build, box) => {
    const request = editor.request();
    const out = await guard(() => api.submitChart(at, step.id, request));
    if (!out) return;
    if (out.verdict === 'invalid') { showInvalid(box, out.message); return; }
    lastCharts.set(step.id, request);
    if (out.verdict === 'correct') render(out.step);
    else { build(out.step); editor.draw(); }
    document.getElementById('feedback')?.scrollIntoView({ block: 'nearest' });
  });
  return h('div', { class: 'task-step', id: 'chart-task' }, intro, editor.element, controls);
}

// ---------- import steps ----------

// An import step: what the import screen's preview shows for the pack's practice file,
// "Importer ce tableau", a copy of the file for the Data screen, then the table's size
// and a way to open it in the Analyse screen.
function importStepView(step, at, render) {
  const iv = step.import;
  const status = h('p', { class: 'form-message', id: 'import-step-status', role: 'status' });
  const say = (text, ok) => {
    const el = document.getElementById('import-step-status') ?? status;
    el.textContent = text;
    el.className = `form-message ${ok ? 'ok' : 'ko'}`;
  };
  const importButton = h('button', {
    class: iv.imported ? null : 'primary', id: 'import-step-button',
    disabled: !iv.preview || iv.taken,
    onclick: async () => {
      importButton.disabled = true;
      status.textContent = t('ui-importing');
      status.className = 'form-message';
      const out = await guard(() => api.importStep(at, step.id));
      importButton.disabled = false;
      if (!out) { status.textContent = ''; return; }
      // The step now says the table is ready (rows, columns) and opens it in Analyse.
      render(out.step);
      document.getElementById('import-step-done')?.scrollIntoView({ block: 'nearest' });
    },
  }, iv.imported ? t('ui-import-step-again') : t('ui-import-step-button'));
  const copyButton = h('button', {
    id: 'import-step-copy',
    onclick: async () => {
      const path = await guard(() => api.saveImportFile(at, step.id, iv.file));
      if (path) say(t('ui-import-copy-saved', { path }), true);
    },
  }, t('ui-import-step-copy'));

  const hints = h('ol', { class: 'hints', id: 'hints' },
    step.hints.map((text, i) => h('li', {}, h('strong', {}, t('ui-hint-n', { index: formatNumber(i + 1), total: formatNumber(step.hints_total) })), ' ', text)));
  const hintButton = step.hints_total
    ? h('button', {
        id: 'hint-button',
        disabled: step.hints.length >= step.hints_total,
        onclick: async () => {
          const out = await guard(() => api.requestHint(at, step.id));
          if (out) render(out.step);
        },
      }, `${t('ui-hint')} (${step.hints.length}/${step.hints_total})`)
    : null;

  const done = iv.imported
    ? h('div', { class: 'import-done', id: 'import-step-done' },
        h('p', { class: 'ok-text' }, t('ui-import-step-done', {
          name: iv.imported.name,
          rows: formatNumber(iv.imported.rows), nrows: iv.imported.rows,
          columns: formatNumber(iv.imported.columns.length), ncolumns: iv.imported.columns.length,
        })),
        h('button', { class: 'primary', id: 'import-step-analyse', onclick: () => go.analyse(iv.imported.name) }, t('ui-open-in-analyse')))
    : null;

  return h('div', { class: 'import-step', id: 'import-step' },
    h('p', { class: 'muted', id: 'import-step-file' }, t('ui-import-step-file', { file: iv.file, size: formatBytes(iv.bytes), table: iv.table })),
    iv.preview
      ? h('article', { class: 'card import-preview', id: 'import-step-preview' },
          h('h2', {}, t('ui-preview-of', { file: iv.file })),
          h('p', { class: 'muted', id: 'import-detected' }, detectionSummary(iv.preview)),
          previewTable(iv.preview, { id: 'import-columns' }),
          warningsList(iv.preview.warnings, { open: true, id: 'import-preview-warnings' }))
      : h('p', { class: 'warning-text', id: 'import-step-error' }, iv.preview_error),
    iv.taken ? h('p', { class: 'warning-text', id: 'import-step-taken' }, t('ui-import-step-taken', { name: iv.table })) : null,
    h('div', { class: 'row' }, importButton, copyButton, hintButton, status),
    hints,
    done,
    feedbackBox(step));
}
