// Administrators: one case's staff (never its content). A change of family inspector or investigators is asked for
// here and made only when a second administrator approves it — here too, or on the approvals page.
import { get, put } from '../lib/api.js';
import { alert, choiceGroup, data, field, fill, form, h, heading, ltr, paragraph, section } from '../lib/dom.js';
import { date, t } from '../lib/i18n.js';
import { requestView } from './approvals.js';

function staffList(found) {
  return found.staff.length === 0 ? paragraph('adminCase.noStaff')
    : h('ul', { class: 'fl-cards' }, found.staff.map((person) => h('li', { class: 'fl-card' },
      data('p', person.displayName, { class: 'utrecht-paragraph fl-strong' }),
      h('p', { class: 'fl-meta' }, t(`approvals.role.${person.role}`)))));
}

function assignForm(found, staff, path, done) {
  const active = staff.staff.filter((person) => person.status === 'ACTIVE');
  const current = new Set(found.staff.map((person) => person.id));
  const inspector = found.staff.find((person) => person.role === 'FAMILY_INSPECTOR');
  const investigators = active.filter((person) => person.role === 'INVESTIGATOR');
  return section('adminCase.change', paragraph('adminCase.changeIntro'),
    form('adminCase.ask', async (values) => {
      await put(`${path}/staff`, { familyInspectorId: String(values.get('familyInspectorId') || ''),
        investigatorIds: values.getAll('investigatorIds').map(String) });
      done('adminCase.asked');
    },
    field('familyInspectorId', 'adminCase.familyInspector', { type: 'select', required: true,
      value: inspector ? inspector.id : '',
      choices: [['', t('adminCase.choose')]].concat(active.filter((person) => person.role === 'FAMILY_INSPECTOR')
        .map((person) => [person.id, person.displayName, true])) }),
    investigators.length ? choiceGroup('investigatorIds', 'adminCase.investigators', investigators
      .map((person) => [person.id, data('span', person.displayName), current.has(person.id)]), 'checkbox')
      : paragraph('adminCase.noInvestigators')));
}

export default async function adminCase({ view, params, session, go, notice }) {
  const path = `/api/cases/${encodeURIComponent(params.caseId)}`;
  const [found, staff, pending] = await Promise.all([get(`/api/admin/cases/${encodeURIComponent(params.caseId)}`),
    get('/api/staff'), get('/api/approval-requests')]);
  const names = { staff: Object.fromEntries(staff.staff.map((person) => [person.id, person.displayName])),
    cases: { [found.id]: found.reference } };
  const done = (key) => go(`admin/cases/${params.caseId}`, key);
  const waiting = pending.requests.filter((request) => request.caseId === found.id);
  fill(view,
    notice ? alert('ok', paragraph(notice)) : null,
    h('h1', { class: 'utrecht-heading-1', tabindex: '-1' }, t('adminCase.title'), ' ', ltr(found.reference)),
    h('p', { class: 'fl-meta' }, h('a', { class: 'utrecht-link', href: '#/admin/cases' }, t('adminCase.back'))),
    paragraph('adminCase.phase', { phase: found.phaseTitle }),
    h('p', { class: found.updateOverdue ? 'utrecht-paragraph fl-overdue' : 'utrecht-paragraph' },
      t(found.updateOverdue ? 'adminCase.nextUpdateOverdue' : 'adminCase.nextUpdate',
        { date: date(found.nextUpdateBy) })),
    section('adminCase.staff', staffList(found)),
    waiting.length ? section('adminCase.waiting', h('ul', { class: 'fl-cards' },
      waiting.map((request) => requestView(request, session, names, (key) => done(key))))) : null,
    assignForm(found, staff, path, done));
  return 'adminCase.title';
}
