// Interface strings: the UI's one entry point for them. They live in the core's message
// catalog (`src/i18n/ftl/<lang>/ui.ftl`, keys `ui-…`), which the desktop shell hands over
// at start (`api.catalog()`, the Fluent source of the app's language); this module formats
// them with the JavaScript implementation of Fluent (vendored in `ui/vendor/`).
//
// Numbers inside a sentence are written by format.js and passed as text; the raw number is
// passed too where a plural depends on it (`{ count: formatNumber(n), n }`).

import { FluentBundle, FluentResource } from '../vendor/fluent-bundle/index.js';

let bundle = null;

// The languages of the catalog written right to left.
const RTL = new Set(['ar']);

// Uses the catalog `{ lang, source }` (as the core's `Catalog`) from now on; the document's
// language follows it (format.js reads it to write numbers), and so does its direction:
// Arabic is laid out right to left (app.css uses logical properties), the others left to
// right.
export function setCatalog({ lang, source }) {
  const b = new FluentBundle(lang, { useIsolating: false });
  const errors = b.addResource(new FluentResource(source));
  // The core's tests parse the same files: an error here is a bug, not a reason to stop.
  for (const e of errors) console.error('catalog:', e);
  bundle = b;
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL.has(lang) ? 'rtl' : 'ltr';
}

// The sentence `key` with its named arguments; `[key]` when the catalog has no such key.
export function t(key, args) {
  const message = bundle?.getMessage(key);
  if (!message?.value) return `[${key}]`;
  const errors = [];
  const text = bundle.formatPattern(message.value, args, errors);
  for (const e of errors) console.error(`${key}:`, e);
  return text;
}
