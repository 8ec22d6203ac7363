// The start page: who are you, and how to leave quickly.
import { alert, h, heading, paragraph, fill } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

export default async function home({ view, notice }) {
  fill(view, 
    notice ? alert('info', paragraph(notice)) : null,
    heading(1, 'home.title'),
    paragraph('home.intro'),
    h('ul', { class: 'fl-choices' },
      h('li', {}, h('a', { class: 'utrecht-button-link utrecht-button-link--primary-action', href: '#/sign-in',
        id: 'member-sign-in' }, t('home.member'))),
      h('li', {}, h('a', { class: 'utrecht-button-link utrecht-button-link--secondary-action',
        href: '#/staff/sign-in', id: 'staff-sign-in' }, t('home.staff')))));
  return 'home.title';
}
