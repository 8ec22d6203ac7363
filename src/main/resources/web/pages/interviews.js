// Interviews of a case. Members answer proposals (a time, none of these, other times), add appointments to their
// calendar and ask for a change; staff propose times, confirm one, move or cancel an appointment.
import { get, newKey, post, put } from '../lib/api.js';
import {
  alert, caseNav, choiceGroup, data, disclosure, field, form, h, heading, paragraph, fill, section,
} from '../lib/dom.js';
import { accessNotice } from './end-parts.js';
import { current, dateTime, t } from '../lib/i18n.js';
import { needsView, slotFrom, slotInput, span } from './interview-parts.js';

// What staff alone do here (propose, confirm, withdraw, record the outcome) is loaded for staff only: a member's
// phone does not fetch it.
let staffParts = null;

function details(item) {
  return [
    h('p', { class: 'utrecht-paragraph' }, t(`mode.${item.mode}`)),
    item.place ? h('p', { class: 'utrecht-paragraph' }, t('interviews.place'), ' ', data('span', item.place)) : null,
    item.note ? data('p', item.note, { class: 'utrecht-paragraph fl-text' }) : null,
    h('p', { class: 'fl-meta' }, t('interviews.with', {
      names: item.staff.concat(item.members).map((person) => person.name).join(', ') })),
    needsView(item),
  ];
}

function answerText(proposal, answer) {
  if (answer.choice === 'SLOT') {
    const slot = proposal.slots.find((candidate) => candidate.id === answer.slotId);
    return t('interviews.answer.SLOT', { name: answer.name, time: slot ? span(slot) : '' });
  }
  if (answer.choice === 'OTHER_TIMES') {
    return t('interviews.answer.OTHER_TIMES', { name: answer.name,
      times: answer.otherTimes.map(span).join('; ') });
  }
  return t('interviews.answer.DECLINE', { name: answer.name });
}

function history(appointment) {
  return disclosure('interviews.history', h('ol', { class: 'fl-history' }, appointment.history.map((change) =>
    h('li', {}, t(`change.${change.kind}`, { name: change.by.name, time: dateTime(change.at),
      start: change.start ? span(change) : '' }),
    change.reason ? data('p', change.reason, { class: 'fl-meta' }) : null))));
}

function memberProposal(proposal, reload) {
  const mine = proposal.answers[0];
  let key = newKey();
  const answerForm = form('interviews.answerSubmit', async (values) => {
    const choice = String(values.get('choice') || '');
    const body = { choice };
    if (choice.startsWith('slot:')) {
      body.choice = 'SLOT';
      body.slotId = choice.slice(5);
    } else if (choice === 'OTHER_TIMES') {
      body.otherTimes = [1, 2].map((number) => slotFrom(values, number)).filter(Boolean);
    }
    const note = String(values.get('note') || '').trim();
    if (note) {
      body.note = note;
    }
    if (proposal.answeringFor) {
      body.onBehalfOf = proposal.answeringFor.id;
    }
    await put(`/api/interview-proposals/${proposal.id}/answer`, body, { key });
    key = newKey();
    reload();
  },
  choiceGroup('choice', 'interviews.choose', proposal.slots.map((slot) => [`slot:${slot.id}`, span(slot),
    mine && mine.choice === 'SLOT' && mine.slotId === slot.id])
    .concat([['DECLINE', t('interviews.decline'), mine && mine.choice === 'DECLINE'],
      ['OTHER_TIMES', t('interviews.otherTimes'), mine && mine.choice === 'OTHER_TIMES']])),
  disclosure('interviews.otherTimesOpen', paragraph('interviews.otherTimesHint'), slotInput(1, false),
    slotInput(2, false)),
  field('note', 'interviews.note', { type: 'textarea', rows: 3, maxlength: 1000 }));
  return h('li', { class: 'fl-card' },
    h('h3', { class: 'utrecht-heading-3' }, t('interviews.proposalBy', { name: proposal.proposedBy.name })),
    details(proposal),
    proposal.answeringFor ? h('p', { class: 'utrecht-paragraph' },
      t('interviews.answeringFor', { name: proposal.answeringFor.name })) : null,
    mine ? h('p', { class: 'utrecht-paragraph fl-strong' }, answerText(proposal, mine)) : null,
    proposal.status !== 'OPEN' ? h('p', { class: 'fl-meta' }, t(`proposal.${proposal.status}`))
      : proposal.mayAnswer === false ? paragraph('interviews.readOnly') : answerForm);
}

/** When, what and with whom; the calendar file while it stands. Members and staff see it alike. */
function appointmentHead(appointment) {
  return [
    h('h3', { class: 'utrecht-heading-3' }, span(appointment)),
    h('p', { class: 'fl-strong' }, t(`appointment.${appointment.status}`)),
    details(appointment),
    // A download is a plain link: the chosen language goes with it, not the browser's own.
    h('p', { class: 'utrecht-paragraph' }, h('a', { class: 'utrecht-link',
      href: `${appointment.calendarFile}?${new URLSearchParams({ lang: current() })}`,
      download: 'appointment.ics' }, t(appointment.status === 'CONFIRMED' ? 'interviews.addToCalendar'
      : 'interviews.removeFromCalendar'))),
  ];
}

function memberAppointment(appointment, reload) {
  let key = newKey();
  const confirmed = appointment.status === 'CONFIRMED';
  return h('li', { class: 'fl-card' },
    appointmentHead(appointment),
    confirmed ? disclosure('interviews.askChange', form('interviews.askChangeSubmit', async (values) => {
      await post(`/api/appointments/${appointment.id}/change-requests`,
        { kind: String(values.get('kind') || 'RESCHEDULE'), reason: String(values.get('reason')) }, { key });
      key = newKey();
      reload();
    },
    choiceGroup('kind', 'interviews.changeKind', [['RESCHEDULE', t('interviews.changeReschedule'), true],
      ['CANCEL', t('interviews.changeCancel'), false]]),
    field('reason', 'interviews.reason', { type: 'textarea', rows: 3, required: true, maxlength: 1000 }))) : null,
    history(appointment));
}

function staffProposal(proposal, reload) {
  return h('li', { class: 'fl-card' },
    h('h3', { class: 'utrecht-heading-3' }, t('interviews.proposalBy', { name: proposal.proposedBy.name })),
    h('p', { class: 'fl-strong' }, t(`proposal.${proposal.status}`)),
    details(proposal),
    h('ul', { class: 'fl-slots' }, proposal.slots.map((slot) => h('li', {}, span(slot),
      proposal.status === 'OPEN' ? staffParts.confirmButton(proposal, slot, reload) : null))),
    h('h4', { class: 'utrecht-heading-4' }, t('interviews.answers')),
    proposal.answers.length === 0 ? paragraph('interviews.noAnswers')
      : h('ul', {}, proposal.answers.map((answer) => h('li', {}, answerText(proposal, answer),
        answer.answeredBy ? h('p', { class: 'fl-meta' },
          t('interviews.answeredOnBehalf', { by: answer.answeredBy.name, name: answer.name })) : null,
        answer.note ? data('p', answer.note, { class: 'fl-meta' }) : null))),
    proposal.status === 'OPEN' ? staffParts.withdrawPart(proposal, reload) : null);
}

function staffAppointment(appointment, reload) {
  const confirmed = appointment.status === 'CONFIRMED';
  return h('li', { class: 'fl-card' },
    appointmentHead(appointment),
    confirmed ? disclosure('interviews.reschedule', form('interviews.rescheduleSubmit', async (values) => {
      const slot = slotFrom(values, 1);
      await post(`/api/appointments/${appointment.id}/reschedule`, { ...(slot || {}),
        reason: String(values.get('reason')) }, { key: newKey() });
      reload();
    }, slotInput(1, true), field('reason', 'interviews.reason', { type: 'textarea', rows: 3, required: true }))) : null,
    confirmed ? disclosure('interviews.cancel', form('interviews.cancelSubmit', async (values) => {
      await post(`/api/appointments/${appointment.id}/cancellation`, { reason: String(values.get('reason')) },
        { key: newKey() });
      reload();
    }, field('reason', 'interviews.reason', { type: 'textarea', rows: 3, required: true }))) : null,
    confirmed ? staffParts.outcomePart(appointment, reload) : null,
    history(appointment));
}

function proposeForm(caseId, members, freeBusy, session, reload) {
  let key = newKey();
  const element = form('interviews.proposeSubmit', async (values) => {
    await staffParts.propose(caseId, values, values.getAll('memberIds').map(String), key);
    key = newKey();
    reload();
  },
  choiceGroup('memberIds', 'interviews.whom', members.map((member) =>
    [member.id, data('span', member.displayName), false]), 'checkbox'),
  staffParts.needsFields(members),
  staffParts.proposalFields(freeBusy.staff.filter((person) => person.id !== session.accountId)));
  staffParts.watchClashes(element, caseId, session.accountId, freeBusy.staff);
  return section('interviews.propose', element);
}

export default async function interviews({ view, params, session, go, notice }) {
  const caseId = params.caseId;
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const staff = session.role !== 'MEMBER';
  staffParts = staff ? await import('./interview-staff.js') : null;
  const now = new Date().toISOString();
  const [proposals, appointments, members, freeBusy] = await Promise.all([get(`${path}/interview-proposals`),
    get(`${path}/appointments`), staff ? get(`${path}/members`) : Promise.resolve(null),
    staff ? get(`${path}/busy?${new URLSearchParams({ from: now, until: new Date(Date.parse(now) + 60_000)
      .toISOString() })}`) : Promise.resolve(null)]);
  const reload = (error, done) => go(`cases/${caseId}/interviews`,
    error ? `problem.${error.code || 'unknown'}` : done || null);
  const open = proposals.filter((proposal) => proposal.status === 'OPEN');
  fill(view, 
    notice ? alert(notice.startsWith('problem.') ? 'error' : 'ok', paragraph(notice)) : null,
    heading(1, 'interviews.title'),
    caseNav(caseId, 'interviews', session.role),
    await accessNotice(`/api/cases/${encodeURIComponent(caseId)}`, session),
    paragraph('interviews.intro'),
    h('div', { class: 'fl-interviews' },
    section('interviews.appointments', appointments.length === 0 ? paragraph('interviews.noAppointments')
      : h('ul', { class: 'fl-cards' }, appointments.map((appointment) =>
        (staff ? staffAppointment : memberAppointment)(appointment, reload)))),
    section('interviews.proposals', open.length === 0 ? paragraph('interviews.noProposals')
      : h('ul', { class: 'fl-cards' }, open.map((proposal) =>
        (staff ? staffProposal : memberProposal)(proposal, reload)))),
    staff ? proposeForm(caseId, members.members.filter((member) => !member.endedAt), freeBusy, session, reload)
      : null));
  return 'interviews.title';
}
