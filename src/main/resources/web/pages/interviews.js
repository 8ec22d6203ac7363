// Interviews of a case. Members answer proposals (a time, none of these, other times), add appointments to their
// calendar and ask for a change; staff propose times, confirm one, move or cancel an appointment.
import { get, newKey, post, put } from '../lib/api.js';
import {
  alert, caseNav, choiceGroup, data, disclosure, field, form, h, heading, paragraph, fill, section,
} from '../lib/dom.js';
import { accessNotice } from './end-parts.js';
import { amsterdamToInstant, dateTime, t, time } from '../lib/i18n.js';

const MODES = ['IN_PERSON', 'VIDEO', 'PHONE'];
const LENGTHS = [30, 60, 90, 120];

const span = (slot) => t('interviews.span', { start: dateTime(slot.start), end: time(slot.end) });

function slotInput(number, required) {
  return h('div', { class: 'fl-slot' },
    field(`start${number}`, `interviews.slot${number}`, { type: 'datetime-local', required,
      hint: number === 1 ? 'interviews.slotHint' : null }),
    field(`length${number}`, 'interviews.length', { type: 'select', value: '60',
      choices: LENGTHS.map((minutes) => [String(minutes), t('interviews.minutes', { minutes })]) }));
}

function slotFrom(values, number) {
  const start = String(values.get(`start${number}`) || '');
  if (!start) {
    return null;
  }
  const from = amsterdamToInstant(start);
  const minutes = Number(values.get(`length${number}`) || 60);
  return { start: from, end: new Date(Date.parse(from) + minutes * 60_000).toISOString() };
}

function details(item) {
  return [
    h('p', { class: 'utrecht-paragraph' }, t(`mode.${item.mode}`)),
    item.place ? h('p', { class: 'utrecht-paragraph' }, t('interviews.place'), ' ', data('span', item.place)) : null,
    item.note ? data('p', item.note, { class: 'utrecht-paragraph fl-text' }) : null,
    h('p', { class: 'fl-meta' }, t('interviews.with', {
      names: item.staff.concat(item.members).map((person) => person.name).join(', ') })),
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
    appointment.status === 'CONFIRMED' ? h('p', { class: 'utrecht-paragraph' }, h('a', { class: 'utrecht-link',
      href: appointment.calendarFile, download: 'appointment.ics' }, t('interviews.addToCalendar'))) : null,
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
      proposal.status === 'OPEN' ? h('button', { type: 'button',
        class: 'utrecht-button utrecht-button--secondary-action',
        'aria-label': t('interviews.confirmSlot', { time: span(slot) }),
        onclick: () => post(`/api/interview-proposals/${proposal.id}/confirmation`, { slotId: slot.id },
          { key: newKey() }).then(() => reload(), (error) => reload(error)) }, t('interviews.confirm')) : null))),
    h('h4', { class: 'utrecht-heading-4' }, t('interviews.answers')),
    proposal.answers.length === 0 ? paragraph('interviews.noAnswers')
      : h('ul', {}, proposal.answers.map((answer) => h('li', {}, answerText(proposal, answer),
        answer.answeredBy ? h('p', { class: 'fl-meta' },
          t('interviews.answeredOnBehalf', { by: answer.answeredBy.name, name: answer.name })) : null,
        answer.note ? data('p', answer.note, { class: 'fl-meta' }) : null))));
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
    history(appointment));
}

/** What a proposal asks: up to three times, the kind, the place and a note (members are chosen by the caller). */
export function proposalFields() {
  return [slotInput(1, true), slotInput(2, false), slotInput(3, false),
    field('mode', 'interviews.mode', { type: 'select', choices: MODES.map((mode) => [mode, t(`mode.${mode}`)]) }),
    field('place', 'interviews.placeField', { maxlength: 300, hint: 'interviews.placeHint' }),
    field('note', 'interviews.noteField', { type: 'textarea', rows: 3, maxlength: 2000 })];
}

/** Proposes an interview with the members, from the fields above; answers the new proposal. */
export function propose(caseId, values, memberIds, key) {
  const body = { slots: [1, 2, 3].map((number) => slotFrom(values, number)).filter(Boolean),
    mode: String(values.get('mode')), memberIds };
  const place = String(values.get('place') || '').trim();
  const note = String(values.get('note') || '').trim();
  if (place) {
    body.place = place;
  }
  if (note) {
    body.note = note;
  }
  return post(`/api/cases/${encodeURIComponent(caseId)}/interview-proposals`, body, { key });
}

function proposeForm(caseId, members, reload) {
  let key = newKey();
  return section('interviews.propose', form('interviews.proposeSubmit', async (values) => {
    await propose(caseId, values, values.getAll('memberIds').map(String), key);
    key = newKey();
    reload();
  },
  choiceGroup('memberIds', 'interviews.whom', members.map((member) =>
    [member.id, data('span', member.displayName), false]), 'checkbox'),
  proposalFields()));
}

export default async function interviews({ view, params, session, go, notice }) {
  const caseId = params.caseId;
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const staff = session.role !== 'MEMBER';
  const [proposals, appointments, members] = await Promise.all([get(`${path}/interview-proposals`),
    get(`${path}/appointments`), staff ? get(`${path}/members`) : Promise.resolve(null)]);
  const reload = (error) => go(`cases/${caseId}/interviews`, error ? `problem.${error.code || 'unknown'}` : null);
  const open = proposals.filter((proposal) => proposal.status === 'OPEN');
  fill(view, 
    notice ? alert('error', paragraph(notice)) : null,
    heading(1, 'interviews.title'),
    caseNav(caseId, 'interviews', session.role),
    await accessNotice(`/api/cases/${encodeURIComponent(caseId)}`, session),
    paragraph('interviews.intro'),
    section('interviews.appointments', appointments.length === 0 ? paragraph('interviews.noAppointments')
      : h('ul', { class: 'fl-cards' }, appointments.map((appointment) =>
        (staff ? staffAppointment : memberAppointment)(appointment, reload)))),
    section('interviews.proposals', open.length === 0 ? paragraph('interviews.noProposals')
      : h('ul', { class: 'fl-cards' }, open.map((proposal) =>
        (staff ? staffProposal : memberProposal)(proposal, reload)))),
    staff ? proposeForm(caseId, members.members.filter((member) => !member.endedAt), reload) : null);
  return 'interviews.title';
}
