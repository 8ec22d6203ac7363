// Administrators: changes that wait for a second administrator (four eyes). Approving makes the change now; one's
// own request only waits, because another administrator decides on it.
import { get, post } from '../lib/api.js';
import { alert, button, data, fill, h, heading, link, ltr, paragraph, problemView, section } from '../lib/dom.js';
import { date, dateTime, t } from '../lib/i18n.js';

function what(request, names) {
  if (request.kind === 'ABSENCE_COVER') {
    const cover = request.absenceCover;
    return [paragraph('approvals.absenceCover', {}, { class: 'utrecht-paragraph fl-strong' }),
      data('p', t('absence.line', { substitute: cover.substituteName, absent: cover.absentName,
        from: date(cover.from), until: date(cover.until) }), { class: 'utrecht-paragraph' })];
  }
  if (request.kind === 'STAFF_ENABLE') {
    const staff = request.staffEnable;
    return [paragraph('approvals.staffEnable', { role: t(`approvals.role.${staff.role}`) },
      { class: 'utrecht-paragraph fl-strong' }),
    data('p', [staff.displayName, ' (', ltr(staff.email), ')'], { class: 'utrecht-paragraph' })];
  }
  if (request.kind === 'STAFF_ACCOUNT') {
    const staff = request.staffAccount;
    return [paragraph('approvals.staffAccount', { role: t(`approvals.role.${staff.role}`) },
      { class: 'utrecht-paragraph fl-strong' }),
    data('p', [staff.displayName, ' (', ltr(staff.email), ')'], { class: 'utrecht-paragraph' })];
  }
  const staff = request.caseStaff;
  return [paragraph('approvals.caseStaff', { reference: names.cases[request.caseId] || '' },
    { class: 'utrecht-paragraph fl-strong' }),
  h('ul', {}, [staff.familyInspectorId].concat(staff.investigatorIds || []).map((id, i) => h('li', {},
    t(i === 0 ? 'approvals.familyInspector' : 'approvals.investigator', { name: names.staff[id] || id })))),
  h('p', { class: 'fl-meta' }, link(`#/admin/cases/${request.caseId}`, 'approvals.openCase'))];
}

export function requestView(request, session, names, done) {
  const own = request.requestedBy === session.accountId;
  const problem = h('div', {});
  const decide = (decision) => async () => {
    try {
      await post(`/api/approval-requests/${encodeURIComponent(request.id)}/${decision}`);
      done(decision === 'approval' ? 'approvals.approved' : 'approvals.rejected');
    } catch (error) {
      fill(problem, problemView(error, 'approvals'));
    }
  };
  return h('li', { class: 'fl-card' },
    ...what(request, names),
    h('p', { class: 'fl-meta' }, t('approvals.requestedBy', {
      name: names.staff[request.requestedBy] || '', time: dateTime(request.requestedAt) })),
    own ? paragraph('approvals.waiting')
      : h('div', {}, button('approvals.approve', decide('approval'), 'primary-action'),
        button('approvals.reject', decide('rejection'))),
    problem);
}

export default async function approvals({ view, session, go, notice }) {
  const [pending, staff, cases] = await Promise.all([get('/api/approval-requests'), get('/api/staff'),
    get('/api/cases')]);
  const names = {
    staff: Object.fromEntries(staff.staff.map((person) => [person.id, person.displayName])),
    cases: Object.fromEntries(cases.cases.map((found) => [found.id, found.reference])),
  };
  const done = (key) => go('admin/approvals', key);
  fill(view,
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'approvals.title'),
    paragraph('approvals.intro'),
    section('approvals.open', pending.requests.length === 0 ? paragraph('approvals.none')
      : h('ul', { class: 'fl-cards' }, pending.requests.map((request) => requestView(request, session, names,
        done)))));
  return 'approvals.title';
}
