// Administrators: promised updates that are several working days late (case reference and family inspector only).
import { get } from '../lib/api.js';
import { data, fill, h, heading, ltr, paragraph, section } from '../lib/dom.js';
import { date, t } from '../lib/i18n.js';

export default async function adminOverdue({ view }) {
  const list = await get('/api/overdue-promises');
  fill(view,
    heading(1, 'overdue.title'),
    paragraph('overdue.intro'),
    section('overdue.open', list.promises.length === 0 ? paragraph('overdue.none')
      : h('ul', { class: 'fl-cards' }, list.promises.map((line) => h('li', { class: 'fl-card' },
        ltr(line.reference, 'p', { class: 'utrecht-paragraph fl-strong' }),
        h('p', { class: 'utrecht-paragraph' }, t('overdue.familyInspector'), ' ',
          data('span', line.familyInspector || '')),
        h('p', { class: 'fl-meta' }, t('overdue.promisedBy', { date: date(line.promisedBy) })))))));
  return 'overdue.title';
}
