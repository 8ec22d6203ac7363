// Administrators: the feedback and complaints members sent (newest first, at most 200), never seen by the family
// inspector, each with how far the desk is with it (received, in progress, answered), which is changed here.
import { get, patch } from '../lib/api.js';
import { alert, data, field, fill, form, h, heading, ltr, paragraph } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';

const STATUSES = ['RECEIVED', 'IN_PROGRESS', 'ANSWERED'];

function item(entry, done) {
  return h('li', { class: 'fl-card' },
    h('h2', { class: 'utrecht-heading-3' }, t(`adminFeedback.kind.${entry.kind}`), ' ', ltr(entry.reference)),
    h('p', { class: 'fl-meta' }, t(`adminFeedback.about.${entry.about}`)),
    h('p', { class: 'fl-meta' }, t('adminFeedback.receivedAt', { time: dateTime(entry.receivedAt) })),
    h('p', { class: `fl-status fl-status--${entry.status.toLowerCase()}` },
      t('adminFeedback.statusNow', { status: t(`adminFeedback.status.${entry.status}`) })),
    data('p', entry.text, { class: 'utrecht-paragraph fl-text' }),
    form('adminFeedback.save', async (values) => {
      await patch(`/api/feedback/${encodeURIComponent(entry.id)}`, { status: String(values.get('status')) });
      done(entry.reference);
    }, field('status', 'adminFeedback.statusField', { type: 'select', value: entry.status,
      choices: STATUSES.map((status) => [status, t(`adminFeedback.status.${status}`)]) })));
}

export default async function adminFeedback({ view, go, notice }) {
  const list = await get('/api/feedback');
  const done = (reference) => go('admin/feedback', t('adminFeedback.saved', { reference }));
  fill(view,
    notice ? alert('ok', h('p', { class: 'utrecht-paragraph' }, notice)) : null,
    heading(1, 'adminFeedback.title'),
    paragraph('adminFeedback.intro'),
    list.feedback.length === 0 ? paragraph('adminFeedback.none')
      : h('ul', { class: 'fl-cards' }, list.feedback.map((entry) => item(entry, done))));
  return 'adminFeedback.title';
}
