// Who looked at my file: the staff's reads and writes of my cases, newest first.
import { get } from '../lib/api.js';
import { data, h, heading, paragraph, fill, when } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';

export default async function accessLog({ view }) {
  const { entries } = await get('/api/access-log');
  fill(view, 
    heading(1, 'accessLog.title'),
    paragraph('accessLog.intro'),
    entries.length === 0 ? paragraph('accessLog.none') : h('ol', { class: 'fl-cards' }, entries.map((entry) =>
      h('li', { class: 'fl-card' },
        h('p', { class: 'fl-meta' }, when(entry.at)),
        h('p', { class: 'utrecht-paragraph' }, data('strong', entry.who), ' ',
          entry.role ? t(`role.${entry.role}`) : ''),
        h('p', { class: 'utrecht-paragraph' }, tOr(`audit.${entry.action}`, 'audit.other')),
        entry.outcome === 'DENIED' || entry.outcome === 'FAILED'
          ? h('p', { class: 'fl-meta' }, t('accessLog.refused')) : null))));
  return 'accessLog.title';
}
