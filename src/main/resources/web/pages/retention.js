// Administrators: what the next retention run would purge (a dry run; nothing changes by looking).
import { get } from '../lib/api.js';
import { data, fill, h, heading, paragraph, section } from '../lib/dom.js';
import { dateTime, t, tOr } from '../lib/i18n.js';

function caseView(item) {
  return h('li', { class: 'fl-card' },
    data('p', item.reference, { class: 'utrecht-paragraph fl-strong' }),
    h('p', { class: 'fl-meta' }, t('retention.accessEnded', { time: dateTime(item.accessEndedAt) })),
    h('ul', {}, Object.entries(item.counts).map(([kind, count]) => h('li', {},
      tOr(`retention.kind.${kind}`, 'retention.kind.other', { kind, count })))));
}

export default async function retention({ view }) {
  const report = await get('/api/retention/preview');
  fill(view,
    heading(1, 'retention.title'),
    paragraph('retention.intro'),
    h('p', { class: 'fl-meta' }, t('retention.at', { time: dateTime(report.at) })),
    section('retention.cases', report.cases.length === 0 ? paragraph('retention.noCases')
      : h('ul', { class: 'fl-cards' }, report.cases.map(caseView))),
    section('retention.other', h('ul', {},
      h('li', {}, t('retention.auditEvents', { count: report.auditEventsErased })),
      h('li', {}, t('retention.idempotencyKeys', { count: report.idempotencyKeysDeleted })),
      h('li', {}, t('retention.uploads', { count: report.unsentUploadsDeleted })))));
  return 'retention.title';
}
