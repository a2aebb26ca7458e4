// The status badge of a lesson from its completion rule (« Terminée », « En cours »): on
// the home screen's lesson list and in the lesson's header.

import { h } from '../dom.js';
import { t } from '../i18n.js';

export function lessonBadge(status) {
  if (status !== 'done' && status !== 'in_progress') return null;
  return h('span', { class: `badge lesson-status ${status}`, 'data-status': status }, t('lesson_status_' + status));
}
