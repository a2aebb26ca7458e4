// The facilitator's guide of a pack (`guide = "…"` in pack.toml): the core sends it
// sanitised, with its table of contents; each entry scrolls to its heading.

import { api } from '../api.js';
import { h, trustedHtml } from '../dom.js';
import { t } from '../i18n.js';
import { go } from '../router.js';

export async function guideScreen(packId, onTitle) {
  const g = await api.packGuide(packId);
  onTitle(g.title);
  const body = trustedHtml(h('div', { class: 'prose guide-body', id: 'guide-body' }), g.html);
  const headings = () => body.querySelectorAll('h2, h3');
  const toc = h('nav', { class: 'guide-toc', id: 'guide-toc', 'aria-label': t('ui-guide-contents') },
    h('h2', {}, t('ui-guide-contents')),
    h('ol', {}, g.toc.map((e) => h('li', { class: `level-${e.level}` },
      h('button', {
        class: 'link',
        onclick: () => {
          const target = headings()[e.index];
          if (!target) return;
          target.setAttribute('tabindex', '-1');
          target.scrollIntoView({ block: 'start' });
          target.focus({ preventScroll: true });
        },
      }, e.text)))));
  return h('section', { class: 'screen guide', id: 'screen-guide' },
    h('p', { class: 'eyebrow' }, g.pack_title),
    h('h1', { id: 'guide-title', tabindex: '-1' }, g.title),
    h('button', { id: 'guide-back', class: 'ghost-dark', onclick: () => go.packs() }, t('ui-guide-back')),
    h('div', { class: 'guide-layout' }, toc, body));
}
