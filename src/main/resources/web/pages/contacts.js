// Who does what in this case, and where else to find help.
import { get } from '../lib/api.js';
import { caseNav, data, fill, h, heading, ltr, paragraph, section } from '../lib/dom.js';
import { accessNotice } from './end-parts.js';
import { date, t } from '../lib/i18n.js';

export default async function contacts({ view, params, session }) {
  const caseId = params.caseId;
  const found = await get(`/api/cases/${encodeURIComponent(caseId)}/contacts`);
  fill(view, 
    heading(1, 'contacts.title'),
    caseNav(caseId, 'contacts', session.role),
    await accessNotice(`/api/cases/${encodeURIComponent(caseId)}`, session),
    found.replacements.length ? section('contacts.replacements', h('ul', { class: 'fl-cards' },
      found.replacements.map((cover) => h('li', { class: 'fl-card' },
        h('p', { class: 'utrecht-paragraph fl-strong' }, t('contacts.replaces', { substitute: cover.substitute,
          absent: cover.absent, until: date(cover.until) })),
        h('p', { class: 'utrecht-paragraph' }, t('contacts.email'), ' ',
          ltr(cover.substituteEmail, 'a', { class: 'utrecht-link', href: `mailto:${cover.substituteEmail}` })))))) : null,
    found.represents || found.representedBy.length ? section('contacts.representation',
      found.represents ? h('p', { class: 'utrecht-paragraph' }, t('contacts.youRepresent', { name: found.represents }))
        : null,
      found.representedBy.length ? h('ul', { class: 'fl-cards' }, found.representedBy.map((person) =>
        h('li', { class: 'fl-card' },
          data('p', person.name, { class: 'utrecht-paragraph fl-strong' }),
          h('p', { class: 'utrecht-paragraph' }, t(`relation.${person.relation}`)),
          h('p', { class: 'utrecht-paragraph' }, t(`scope.${person.scope}`))))) : null) : null,
    section('contacts.people', h('ul', { class: 'fl-cards' }, found.people.map((person) => h('li', { class: 'fl-card' },
      data('p', person.name, { class: 'utrecht-paragraph fl-strong' }),
      h('p', { class: 'utrecht-paragraph' }, t(`role.${person.role}`)),
      data('p', person.whatTheyDo, { class: 'utrecht-paragraph' }),
      h('p', { class: 'utrecht-paragraph' }, t('contacts.email'), ' ',
        ltr(person.email, 'a', { class: 'utrecht-link', href: `mailto:${person.email}` })))))),
    section('contacts.organisations', paragraph('contacts.organisationsIntro'),
      h('ul', { class: 'fl-cards' }, found.organisations.map((organisation) => h('li', { class: 'fl-card' },
        data('p', organisation.name, { class: 'utrecht-paragraph fl-strong' }),
        data('p', organisation.whatTheyDo, { class: 'utrecht-paragraph' }),
        h('p', { class: 'utrecht-paragraph' }, t('contacts.phone'), ' ',
          ltr(organisation.phone, 'a', { class: 'utrecht-link',
            href: `tel:${organisation.phone.replace(/[^0-9+]/g, '')}` })),
        h('p', { class: 'utrecht-paragraph' },
          ltr(organisation.url, 'a', { class: 'utrecht-link', href: organisation.url, rel: 'noopener noreferrer' })))))));
  return 'contacts.title';
}
