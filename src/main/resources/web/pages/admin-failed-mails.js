// Administrators: mails that failed for good, newest first — what kind of mail, to whom (role; a family member's
// address only masked), when, why, and how often it was tried. Never what the mail said.
import { get } from '../lib/api.js';
import { data, fill, h, heading, paragraph, when } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

function row(mail) {
  return h('tr', {},
    h('td', {}, when(mail.failedAt || mail.queuedAt)),
    h('td', {}, t(`adminFailedMails.kind.${mail.kind}`)),
    h('td', {}, t(`adminFailedMails.recipient.${mail.recipient}`), ' ', data('span', mail.address)),
    h('td', {}, t(`adminFailedMails.reason.${mail.reason}`)),
    data('td', String(mail.attempts)));
}

export default async function adminFailedMails({ view }) {
  const list = await get('/api/admin/failed-mails');
  fill(view,
    heading(1, 'adminFailedMails.title'),
    paragraph('adminFailedMails.intro'),
    list.mails.length === 0 ? paragraph('adminFailedMails.none')
      : h('div', { class: 'fl-table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'mails-caption' },
        h('table', { class: 'fl-table' },
          h('caption', { id: 'mails-caption' }, t('adminFailedMails.caption', { count: list.mails.length })),
          h('thead', {}, h('tr', {}, ['when', 'kind', 'to', 'reason', 'attempts']
            .map((column) => h('th', { scope: 'col' }, t(`adminFailedMails.column.${column}`))))),
          h('tbody', {}, list.mails.map(row)))),
    paragraph('adminFailedMails.reasons'),
    h('ul', { class: 'utrecht-unordered-list' }, ['ADDRESS_REFUSED', 'MAIL_REFUSED', 'TEMPLATE_MISSING', 'GAVE_UP']
      .map((reason) => h('li', {}, t(`adminFailedMails.explain.${reason}`)))));
  return 'adminFailedMails.title';
}
