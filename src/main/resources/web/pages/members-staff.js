// The family inspector's members: each card shows the name, relation, address and phone (a tel: link), and the
// tools to change the details, correct the address (failed mail goes again to the new one), send the invitation
// again, and end the membership (a second step says what that means).
import { del, newKey, post, put } from '../lib/api.js';
import { alert, data, disclosure, field, form, h, ltr, paragraph } from '../lib/dom.js';
import { date, t } from '../lib/i18n.js';
import { confirmStep } from './end-parts.js';
import { digidLinkStatus } from './digid-link-staff.js';

export const RELATIONS = ['VICTIM', 'PARTNER', 'PARENT', 'CHILD', 'SIBLING', 'OTHER_KIN', 'LAWYER', 'GUARDIAN',
  'SUPPORT_WORKER'];

/** A phone number as a link that phones it (tel: keeps only + and digits). */
export function phoneLink(phone) {
  return ltr(phone, 'a', { class: 'utrecht-link', href: `tel:${phone.replace(/[^0-9+]/g, '')}` });
}

function relationField(value) {
  return field('relation', 'staffCase.relation', { type: 'select', value,
    choices: RELATIONS.map((relation) => [relation, t(`relation.${relation}`)]) });
}

function representsField(others, value) {
  return others.length ? field('representsMemberId', 'staffCase.represents', { type: 'select',
    hint: 'staffCase.representsHint', value: value || '',
    choices: [['', t('staffCase.representsNobody')]].concat(others.map((other) => [other.id, other.displayName,
      true])) }) : null;
}

function detailsForm(path, member, others, reload) {
  return disclosure('members.change', form('members.changeSubmit', async (values) => {
    const represents = String(values.get('representsMemberId') || '');
    await put(`${path}/members/${member.id}`, { displayName: String(values.get('displayName')).trim(),
      relation: String(values.get('relation')), phone: String(values.get('phone') || '').trim(),
      ...(represents ? { representsMemberId: represents } : {}) });
    reload();
  },
  field('displayName', 'staffCase.displayName', { required: true, autocomplete: 'off', value: member.displayName }),
  relationField(member.relation),
  representsField(others, member.representsMemberId),
  field('phone', 'members.phone', { type: 'tel', autocomplete: 'off', value: member.phone || '',
    hint: 'members.phoneHint', maxlength: 20 })));
}

function addressForm(path, member, shown) {
  const place = h('div', {});
  const edit = form('members.addressSubmit', async (values) => {
    const answer = await put(`${path}/members/${member.id}/email`, { email: String(values.get('email')).trim() });
    shown.textContent = answer.member.email;
    place.replaceChildren(alert('ok', paragraph('members.addressDone', { email: answer.member.email }),
      paragraph(answer.resentMails ? 'members.resent' : 'members.nothingResent', { count: answer.resentMails })));
    place.firstChild.tabIndex = -1;
    place.firstChild.focus();
  },
  paragraph('members.addressIntro'),
  field('email', 'members.newAddress', { type: 'email', required: true, autocomplete: 'off' }));
  place.append(edit);
  return disclosure('members.address', place);
}

function reinviteForm(path, member) {
  const done = h('div', { role: 'status' });
  return h('div', {}, form('members.reinvite', async () => {
    await post(`${path}/members/${member.id}/invitation`, undefined, { key: newKey() });
    done.replaceChildren(alert('ok', paragraph('members.reinvited', { email: member.email })));
  }), done);
}

function endForm(path, member, reload) {
  const first = form('members.endReview', async () => {
    confirmStep(first, {
      warning: [paragraph('members.endWarning', { name: member.displayName }), paragraph('members.endAfter')],
      submitKey: 'members.endSubmit',
      backKey: 'members.endBack',
      onConfirm: async () => {
        await del(`${path}/members/${member.id}`);
        reload();
      },
    });
  });
  return disclosure('members.end', first);
}

function card(path, member, members, reload, extra) {
  const shown = data('span', member.email);
  const others = members.filter((other) => other.id !== member.id && !other.representsMemberId);
  return h('li', { class: 'fl-card', 'data-member': member.id },
    data('p', member.displayName, { class: 'utrecht-paragraph fl-strong' }),
    h('p', { class: 'fl-meta' }, t(`relation.${member.relation}`)),
    h('p', { class: 'fl-meta' }, shown),
    member.phone ? h('p', { class: 'fl-meta' }, t('members.phoneLabel'), ' ', phoneLink(member.phone)) : null,
    h('p', { class: 'fl-meta' }, member.signedInOnce ? t('staffCase.signedIn')
      : t('staffCase.invitedOn', { date: date(member.invitedAt.slice(0, 10)) })),
    extra ? extra(member) : null,
    digidLinkStatus(path, member),
    detailsForm(path, member, others, reload),
    addressForm(path, member, shown),
    reinviteForm(path, member),
    endForm(path, member, reload));
}

/** The cards of the current members, each with its tools; {@code extra(member)} adds a part to a card. */
export function memberCards(path, members, reload, extra) {
  return members.length === 0 ? h('p', { class: 'utrecht-paragraph' }, t('staffCase.noMembers'))
    : h('ul', { class: 'fl-cards' }, members.map((member) => card(path, member, members, reload, extra)));
}
