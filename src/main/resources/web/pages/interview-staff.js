// Staff's side of interviews: the proposal form (1 to 5 times of 15 minutes to 8 hours, colleagues taking part,
// what each invited member needs) that marks a time clashing with the agenda of someone taking part before it is
// sent; taking back a proposal; and recording after an interview whether it was held, with a note for staff only.
import { get, newKey, post, put } from '../lib/api.js';
import { alert, choiceGroup, data, disclosure, field, form, h, paragraph } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { slotFrom, slotInput, span } from './interview-parts.js';

const MODES = ['IN_PERSON', 'VIDEO', 'PHONE'];
const NUMBERS = [1, 2, 3, 4, 5];

/** What a proposal asks: up to five times, the kind, the place, a note and, when given, colleagues taking part. */
export function proposalFields(colleagues = []) {
  return [slotInput(1, true, true), slotInput(2, false, true),
    disclosure('interviews.moreTimes', slotInput(3, false, true), slotInput(4, false, true),
      slotInput(5, false, true)),
    field('mode', 'interviews.mode', { type: 'select', choices: MODES.map((mode) => [mode, t(`mode.${mode}`)]) }),
    field('place', 'interviews.placeField', { maxlength: 300, hint: 'interviews.placeHint' }),
    field('note', 'interviews.noteField', { type: 'textarea', rows: 3, maxlength: 2000 }),
    colleagues.length ? choiceGroup('staffIds', 'interviews.colleagues', colleagues.map((person) =>
      [person.id, data('span', person.name), false]), 'checkbox') : null];
}

/** What each invited member needs: an interpreter, accessibility, a support person (for staff and that member). */
export function needsFields(members) {
  return members.map((member) => h('details', { class: 'fl-details' },
    h('summary', {}, t('interviews.needsOf'), ' ', data('span', member.displayName)),
    field(`needs-language-${member.id}`, 'interviews.interpreter', { maxlength: 60, hint: 'interviews.interpreterHint' }),
    field(`needs-access-${member.id}`, 'interviews.accessibility', { type: 'textarea', rows: 2, maxlength: 1000 }),
    choiceGroup(`needs-support-${member.id}`, 'interviews.supportLegend',
      [['yes', t('interviews.supportPerson'), false]], 'checkbox')));
}

function needsFrom(values, memberIds) {
  return memberIds.map((memberId) => ({ memberId,
    interpreterLanguage: String(values.get(`needs-language-${memberId}`) || '').trim(),
    accessibility: String(values.get(`needs-access-${memberId}`) || '').trim(),
    supportPerson: values.get(`needs-support-${memberId}`) === 'yes' }))
    .filter((need) => need.interpreterLanguage || need.accessibility || need.supportPerson);
}

/** Proposes an interview with the members, from the fields above; answers the new proposal. */
export function propose(caseId, values, memberIds, key) {
  const body = { slots: NUMBERS.map((number) => slotFrom(values, number)).filter(Boolean),
    mode: String(values.get('mode')), memberIds, staffIds: values.getAll('staffIds').map(String),
    needs: needsFrom(values, memberIds) };
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

/**
 * Marks each time of the form that clashes with an appointment of someone taking part (me and the colleagues
 * ticked), as the times are filled in: the service gives only when people are taken, never with whom.
 */
export function watchClashes(element, caseId, self, staff) {
  const names = new Map(staff.map((person) => [person.id, person.name]));
  let asked = 0;
  const check = async () => {
    const values = new FormData(element);
    const slots = NUMBERS.map((number) => [number, slotFrom(values, number)]).filter(([, slot]) => slot);
    const taking = [self].concat(values.getAll('staffIds').map(String));
    const mine = ++asked;
    let busy = [];
    if (slots.length) {
      const from = slots.map(([, slot]) => slot.start).sort()[0];
      const until = slots.map(([, slot]) => slot.end).sort().at(-1);
      const query = new URLSearchParams({ staffIds: taking.join(','), from, until });
      busy = (await get(`/api/cases/${encodeURIComponent(caseId)}/busy?${query}`).catch(() => ({ busy: [] }))).busy;
    }
    if (mine !== asked) {
      return;
    }
    for (const line of element.querySelectorAll('[data-clash]')) {
      const slot = slots.find(([number]) => String(number) === line.dataset.clash);
      const clashing = slot ? busy.filter((period) => period.start < slot[1].end && slot[1].start < period.end) : [];
      const who = [...new Set(clashing.map((period) => names.get(period.accountId) || ''))];
      line.hidden = who.length === 0;
      line.className = who.length ? 'fl-clash utrecht-alert utrecht-alert--warning' : 'fl-clash';
      line.textContent = who.length ? t('interviews.clash', { names: who.join(', ') }) : '';
    }
  };
  element.addEventListener('change', check);
  return check;
}

/** Taking back an open proposal: a second step says the members hear that it is off. */
export function withdrawPart(proposal, reload) {
  const key = newKey();
  return disclosure('interviews.withdraw', paragraph('interviews.withdrawText'),
    form('interviews.withdrawSubmit', async () => {
      await post(`/api/interview-proposals/${proposal.id}/withdrawal`, undefined, { key });
      reload(null, 'interviews.withdrawn');
    }));
}

/** After the interview: whether it was held, and a note for staff only. Shown once the interview has started. */
export function outcomePart(appointment, reload) {
  const recorded = appointment.outcome;
  const key = newKey();
  return h('div', { class: 'fl-staff-tools' },
    h('h4', { class: 'utrecht-heading-4' }, t('interviews.afterwards')),
    recorded ? alert('ok', h('p', { class: 'utrecht-paragraph fl-strong' }, t(`outcome.${recorded.outcome}`)),
      recorded.note ? data('p', recorded.note, { class: 'utrecht-paragraph fl-text' }) : null,
      h('p', { class: 'fl-meta' }, t('interviews.outcomeBy'), ' ', data('span', recorded.recordedBy.name))) : null,
    appointment.outcomeOpen ? form('interviews.outcomeSubmit', async (values) => {
      await put(`/api/appointments/${appointment.id}/outcome`, { outcome: String(values.get('outcome') || ''),
        note: String(values.get('outcomeNote') || '').trim() }, { key });
      reload();
    },
    choiceGroup('outcome', 'interviews.outcomeQuestion', ['HELD', 'NOT_HELD'].map((kind) =>
      [kind, t(`outcome.${kind}`), recorded ? recorded.outcome === kind : false])),
    field('outcomeNote', 'interviews.outcomeNote', { type: 'textarea', rows: 3, maxlength: 4000,
      hint: 'interviews.outcomeNoteHint' })) : paragraph('interviews.outcomeLater'));
}

/** The confirm button of one time: its accessible name starts with its visible label (WCAG 2.5.3). */
export function confirmButton(proposal, slot, reload) {
  return h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action',
    'aria-label': t('interviews.confirmSlot', { time: span(slot) }),
    onclick: () => post(`/api/interview-proposals/${proposal.id}/confirmation`, { slotId: slot.id },
      { key: newKey() }).then(() => reload(), (error) => reload(error)) }, t('interviews.confirm'));
}
