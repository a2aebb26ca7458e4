// Tiny DOM helpers: build elements without string-concatenated HTML, so text from packs
// and trainees is always inserted as text.

import { t } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  // A button inside a form must never submit it by accident (a hint is not an answer).
  if (tag === 'button' && !('type' in attrs)) el.type = 'button';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Inserts HTML that the core produced and sanitised (pack Markdown, charts).
export function trustedHtml(el, html) {
  el.innerHTML = html;
  // Links in lessons point outside the app: never navigate the webview away.
  for (const a of el.querySelectorAll('a[href]')) {
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      a.title = t('ui-link-offline', { href: a.getAttribute('href') });
      a.classList.add('link-offline');
    });
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}
