// Administrators: the feedback and complaints members sent (newest first, at most 200), never seen by the family
// inspector.
import { get } from '../lib/api.js';
import { data, fill, h, heading, paragraph } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';

export default async function adminFeedback({ view }) {
  const list = await get('/api/feedback');
  fill(view,
    heading(1, 'adminFeedback.title'),
    paragraph('adminFeedback.intro'),
    list.feedback.length === 0 ? paragraph('adminFeedback.none')
      : h('ul', { class: 'fl-cards' }, list.feedback.map((item) => h('li', { class: 'fl-card' },
        h('h2', { class: 'utrecht-heading-3' }, t(`adminFeedback.kind.${item.kind}`), ' ',
          data('span', item.reference)),
        h('p', { class: 'fl-meta' }, t(`adminFeedback.about.${item.about}`)),
        h('p', { class: 'fl-meta' }, t('adminFeedback.receivedAt', { time: dateTime(item.receivedAt) })),
        data('p', item.text, { class: 'utrecht-paragraph fl-text' })))));
  return 'adminFeedback.title';
}
