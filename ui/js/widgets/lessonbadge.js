// The status badge of a lesson from its completion rule (« Terminée », « En cours »): on
// the home screen's lesson list and in the lesson's header.

import { h } from '../dom.js';
import { t } from '../i18n.js';

const LABEL = { done: 'ui-lesson-status-done', in_progress: 'ui-lesson-status-in-progress' };

export function lessonBadge(status) {
  if (!LABEL[status]) return null;
  return h('span', { class: `badge lesson-status ${status}`, 'data-status': status }, t(LABEL[status]));
}
