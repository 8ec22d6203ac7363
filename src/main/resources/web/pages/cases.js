// A member's cases: each with its phase and the date of the next update.
import { get } from '../lib/api.js';
import { alert, data, h, heading, paragraph, fill } from '../lib/dom.js';
import { date, t } from '../lib/i18n.js';

export default async function cases({ view, notice }) {
  const list = (await get('/api/cases')).cases;
  fill(view, 
    notice ? alert('info', paragraph(notice)) : null,
    heading(1, 'cases.title'),
    list.length === 0 ? paragraph('cases.none') : h('ul', { class: 'fl-cards' }, list.map((item) => h('li',
      { class: 'fl-card' },
      h('h2', { class: 'utrecht-heading-2' },
        h('a', { class: 'utrecht-link', href: `#/cases/${item.id}`, 'data-api': true }, item.title)),
      h('p', { class: 'utrecht-paragraph' }, t('cases.phase'), ' ', data('span', item.phaseTitle)),
      h('p', { class: item.updateOverdue ? 'utrecht-paragraph fl-overdue' : 'utrecht-paragraph' },
        t(item.updateOverdue ? 'cases.nextUpdateOverdue' : 'cases.nextUpdate', { date: date(item.nextUpdateBy) }))))));
  return 'cases.title';
}
