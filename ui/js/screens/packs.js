// Home of a profile: the lesson packs with progress, and importing one's own data.

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { state, go } from '../main.js';

export async function packsScreen() {
  const packs = await api.listPacks(state.profile.id);

  return h('section', { class: 'screen', id: 'screen-packs' },
    h('h1', {}, t('packs_title')),
    packs.map((pack) => h('article', { class: 'card pack', 'data-pack': pack.id },
      h('header', {},
        h('h2', {}, pack.title),
        pack.builtin ? h('span', { class: 'tag' }, t('builtin')) : null,
        h('span', { class: 'muted version' }, `v${pack.version}`),
      ),
      h('p', {}, pack.description),
      h('ol', { class: 'lesson-list' },
        pack.lessons.map((l) => h('li', {},
          h('button', { class: 'lesson-open', 'data-lesson': l.id, onclick: () => go.lesson(pack.id, l.id) },
            h('span', { class: 'lesson-title' }, l.title),
            h('span', { class: 'progress', 'aria-label': t('steps_done', l.done, l.steps) },
              h('progress', { max: Math.max(1, l.steps), value: l.done }),
              h('span', { class: 'muted' }, t('steps_done', l.done, l.steps)),
            ),
          ))),
      ),
    )),
    h('article', { class: 'card' },
      h('h2', {}, t('import_title')),
      h('p', {}, t('import_intro')),
      h('button', { id: 'open-data', onclick: () => go.data() }, t('open_data')),
    ),
  );
}
