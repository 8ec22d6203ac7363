// Who looked at my file: what staff did on my cases, newest first, a page at a time ("show older" for the rest).
import { get } from '../lib/api.js';
import { data, h, heading, paragraph, fill, when } from '../lib/dom.js';
import { t, tOr } from '../lib/i18n.js';

function entryView(entry) {
  if (entry.kind === 'REFUSED_WITHOUT_ACCESS') {
    return h('li', { class: 'fl-card' },
      h('p', { class: 'fl-meta' }, when(entry.at)),
      h('p', { class: 'utrecht-paragraph' }, t('accessLog.someoneRefused')));
  }
  return h('li', { class: 'fl-card' },
    h('p', { class: 'fl-meta' }, when(entry.at)),
    h('p', { class: 'utrecht-paragraph' }, data('strong', entry.who), ' ', entry.role ? t(`role.${entry.role}`) : ''),
    h('p', { class: 'utrecht-paragraph' }, tOr(`audit.${entry.action}`, 'audit.other')),
    entry.outcome === 'DENIED' || entry.outcome === 'FAILED'
      ? h('p', { class: 'fl-meta' }, t('accessLog.refused')) : null);
}

export default async function accessLog({ view }) {
  const list = h('ol', { class: 'fl-cards' });
  const older = h('p', { class: 'utrecht-paragraph' });
  async function page(cursor) {
    const answer = await get(`/api/access-log${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    list.append(...answer.entries.map(entryView));
    const first = list.children[list.children.length - answer.entries.length];
    older.replaceChildren(answer.nextCursor ? h('button', { type: 'button',
      class: 'utrecht-button utrecht-button--secondary-action', 'data-older': true,
      onclick: () => page(answer.nextCursor) }, t('accessLog.older')) : '');
    if (cursor && first) {
      // Keyboard and screen-reader users land on the first of the older entries, not back at the top.
      first.setAttribute('tabindex', '-1');
      first.focus();
    }
    return answer;
  }
  const firstPage = await page(null);
  fill(view,
    heading(1, 'accessLog.title'),
    paragraph('accessLog.intro'),
    firstPage.entries.length === 0 && !firstPage.nextCursor ? paragraph('accessLog.none') : list,
    older);
  return 'accessLog.title';
}
