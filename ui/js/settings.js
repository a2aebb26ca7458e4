// A profile's settings applied to the interface: the language (the catalog of that
// language taken again from the core, the document's `lang`), the text size and the high
// contrast (classes on <html>, styled in app.css).

import { api } from './api.js';
import { setCatalog } from './i18n.js';

const SIZE_CLASS = { normal: null, large: 'text-large', larger: 'text-larger' };

export async function applySettings(s) {
  if (document.documentElement.lang !== s.lang) setCatalog(await api.catalog(s.lang));
  const root = document.documentElement.classList;
  for (const c of Object.values(SIZE_CLASS)) if (c) root.remove(c);
  if (SIZE_CLASS[s.text_size]) root.add(SIZE_CLASS[s.text_size]);
  root.toggle('high-contrast', Boolean(s.high_contrast));
}

// The settings of the profile `profileId` (the app's own when null), applied by the core
// (its language) and by the interface.
export async function useSettings(profileId) {
  const s = await api.useSettings(profileId);
  await applySettings(s);
  return s;
}
