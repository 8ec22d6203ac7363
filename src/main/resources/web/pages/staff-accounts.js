// Administrators: the staff accounts (role, whether they have enrolled, last sign-in) and what can be done with each:
// disable, enable again, a new enrolment link. A new account, and enabling one again, wait for a second administrator
// (four eyes).
import { get, newKey, post } from '../lib/api.js';
import { alert, button, data, field, fill, form, h, heading, languageField, link, paragraph, problemView, section,
  when } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

const ROLES = ['FAMILY_INSPECTOR', 'INVESTIGATOR', 'ADMIN'];

/** A button that asks once more (in the page, keyboard-friendly) before it does something that cannot be undone. */
function confirmed(key, warningKey, action) {
  const place = h('div', { class: 'fl-confirm' });
  const ask = button(key, () => {
    const yes = button(`${key}Yes`, action, 'primary-action');
    place.replaceChildren(alert('warning', paragraph(warningKey)), yes,
      button('staffAccounts.cancel', () => {
        place.replaceChildren(ask);
        ask.focus();
      }));
    yes.focus();
  });
  place.append(ask);
  return place;
}

/** A request of the kind that waits for a second administrator: who may decide on it, and where. */
function waitingNote(request, session) {
  return request.requestedBy === session.accountId ? paragraph('staffAccounts.waitingOwn')
    : h('p', { class: 'utrecht-paragraph' }, link('#/admin/approvals', 'staffAccounts.decide'));
}

function actions(person, act, enabling, session) {
  const id = encodeURIComponent(person.id);
  const key = newKey();
  const run = (path, notice) => () => act(`/api/staff/${id}/${path}`, notice, path === 'enable' ? key : null);
  if (person.status === 'DISABLED') {
    // Enabling gives the account its access back: it waits for a second administrator, like a new account.
    return enabling ? [paragraph('staffAccounts.enableWaiting', {}, { class: 'utrecht-paragraph fl-strong' }),
      waitingNote(enabling, session)]
      : [button('staffAccounts.enable', run('enable', 'staffAccounts.enableAsked'))];
  }
  return [
    person.status === 'INVITED'
      ? button('staffAccounts.resend', run('enrolment-link', 'staffAccounts.resent'))
      : confirmed('staffAccounts.newLink', 'staffAccounts.newLinkWarning',
        run('enrolment-link', 'staffAccounts.newLinkSent')),
    confirmed('staffAccounts.disable', 'staffAccounts.disableWarning', run('disable', 'staffAccounts.disabled')),
  ];
}

function personView(person, session, act, enabling) {
  const problem = h('div', {});
  const own = person.id === session.accountId;
  return h('li', { class: 'fl-card', 'data-account': person.email },
    data('h3', person.displayName, { class: 'utrecht-heading-3' }),
    data('p', person.email, { class: 'utrecht-paragraph' }),
    paragraph('staffAccounts.roleAndStatus', { role: t(`approvals.role.${person.role}`),
      status: t(`staffAccounts.status.${person.status}`) }, { class: 'utrecht-paragraph fl-strong' }),
    person.lastSignInAt ? h('p', { class: 'fl-meta' }, t('staffAccounts.lastSignIn'), ' ', when(person.lastSignInAt))
      : paragraph('staffAccounts.neverSignedIn', {}, { class: 'fl-meta' }),
    person.status === 'INVITED' && person.invitationExpiresAt
      ? h('p', { class: 'fl-meta' }, t('staffAccounts.linkUntil'), ' ', when(person.invitationExpiresAt)) : null,
    own ? paragraph('staffAccounts.you')
      : h('div', { class: 'fl-actions' }, actions(person, (path, notice, key) => act(path, notice, problem, key),
        enabling, session)),
    problem);
}

function waitingView(request, session) {
  const staff = request.staffAccount;
  return h('li', { class: 'fl-card' },
    data('h3', staff.displayName, { class: 'utrecht-heading-3' }),
    data('p', staff.email, { class: 'utrecht-paragraph' }),
    paragraph('staffAccounts.roleAndStatus', { role: t(`approvals.role.${staff.role}`),
      status: t('staffAccounts.status.WAITING') }, { class: 'utrecht-paragraph fl-strong' }),
    waitingNote(request, session));
}

function createForm(go) {
  const key = newKey();
  return form('staffAccounts.create', async (values) => {
    await post('/api/staff', {
      displayName: String(values.get('displayName')).trim(),
      email: String(values.get('email')).trim(),
      role: String(values.get('role')),
      language: String(values.get('language')),
    }, { key });
    go('admin/staff', 'staffAccounts.asked');
  },
  field('displayName', 'staffAccounts.name', { autocomplete: 'off', required: true, maxlength: 200 }),
  field('email', 'staffAccounts.email', { type: 'email', autocomplete: 'off', required: true }),
  field('role', 'staffAccounts.role', { type: 'select', value: 'FAMILY_INSPECTOR',
    choices: ROLES.map((role) => [role, t(`approvals.role.${role}`)]) }),
  languageField('language', 'staffAccounts.language'));
}

export default async function staffAccounts({ view, session, go, notice }) {
  const [staff, pending] = await Promise.all([get('/api/staff'), get('/api/approval-requests')]);
  const waiting = pending.requests.filter((request) => request.kind === 'STAFF_ACCOUNT');
  const enabling = new Map(pending.requests.filter((request) => request.kind === 'STAFF_ENABLE')
    .map((request) => [request.staffEnable.accountId, request]));
  const act = async (path, doneKey, problem, key) => {
    try {
      await post(path, undefined, key ? { key } : {});
      go('admin/staff', doneKey);
    } catch (error) {
      problem.replaceChildren(problemView(error, 'staffAccounts'));
    }
  };
  fill(view,
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'staffAccounts.title'),
    paragraph('staffAccounts.intro'),
    waiting.length ? section('staffAccounts.waiting', paragraph('staffAccounts.waitingIntro'),
      h('ul', { class: 'fl-cards' }, waiting.map((request) => waitingView(request, session)))) : null,
    section('staffAccounts.accounts',
      h('ul', { class: 'fl-cards' }, staff.staff.map((person) => personView(person, session, act,
        enabling.get(person.id))))),
    section('staffAccounts.new', paragraph('staffAccounts.newIntro'), createForm(go)));
  return 'staffAccounts.title';
}
