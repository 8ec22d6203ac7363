// The family inspector's open removal requests of their cases' members; confirming one erases that person's data.
// A second step says it cannot be undone.
import { get, post } from '../lib/api.js';
import { alert, button, data, fill, h, heading, paragraph, section } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';
import { confirmStep } from './end-parts.js';

function requestView(request, done) {
  const ask = h('div', {}, button('removals.remove', () => confirmStep(ask, {
    warning: [h('p', { class: 'utrecht-paragraph fl-strong' }, t('removals.cannotUndo')),
      paragraph('removals.whatHappens'), paragraph('removals.auditStays')],
    submitKey: 'removals.confirmSubmit',
    backKey: 'removals.back',
    onConfirm: async () => {
      await post(`/api/removal-requests/${encodeURIComponent(request.id)}/confirmation`);
      done();
    },
  })));
  return h('li', { class: 'fl-card' },
    request.name ? data('p', request.name, { class: 'utrecht-paragraph fl-strong' })
      : paragraph('removals.noName', null, { class: 'utrecht-paragraph fl-strong' }),
    h('p', { class: 'fl-meta' }, t('removals.requestedAt', { time: dateTime(request.requestedAt) })),
    ask);
}

export default async function removals({ view, go, notice }) {
  const list = await get('/api/removal-requests');
  const done = () => go('removals', 'removals.done');
  fill(view,
    notice === 'removals.done' ? alert('ok', paragraph(notice)) : null,
    notice && notice !== 'removals.done' ? alert('error', paragraph(notice)) : null,
    heading(1, 'removals.title'),
    paragraph('removals.intro'),
    section('removals.open', list.requests.length === 0 ? paragraph('removals.none')
      : h('ul', { class: 'fl-cards' }, list.requests.map((request) => requestView(request, done)))));
  return 'removals.title';
}
