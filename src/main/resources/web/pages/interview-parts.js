// Parts both sides of interviews use: a time with its length, read back as UTC instants, and a span in words.
import { data, field, h, nextId, paragraph } from '../lib/dom.js';
import { amsterdamToInstant, dateTime, t, time } from '../lib/i18n.js';

/** 15 minutes to 8 hours: what the service allows for one interview. */
export const LENGTHS = [15, 30, 45, 60, 90, 120, 180, 240, 300, 360, 420, 480];

export const span = (slot) => t('interviews.span', { start: dateTime(slot.start), end: time(slot.end) });

export function lengthText(minutes) {
  if (minutes < 60) {
    return t('interviews.minutes', { minutes });
  }
  return minutes % 60 === 0 ? t('interviews.hours', { hours: minutes / 60 })
    : t('interviews.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** Time {number}: start and length, with a line where a clash with the staff's agenda is shown (staff only). */
export function slotInput(number, required, withClash = false) {
  const row = h('div', { class: 'fl-slot' },
    field(`start${number}`, `interviews.slot${number}`, { type: 'datetime-local', required,
      hint: number === 1 ? 'interviews.slotHint' : null }),
    field(`length${number}`, 'interviews.length', { type: 'select', value: '60',
      choices: LENGTHS.map((minutes) => [String(minutes), lengthText(minutes)]) }));
  if (withClash) {
    const id = nextId('clash');
    const input = row.querySelector('input');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    row.append(h('p', { id, class: 'fl-clash', 'data-clash': String(number), hidden: true }));
  }
  return row;
}

export function slotFrom(values, number) {
  const start = String(values.get(`start${number}`) || '');
  if (!start) {
    return null;
  }
  const from = amsterdamToInstant(start);
  const minutes = Number(values.get(`length${number}`) || 60);
  return { start: from, end: new Date(Date.parse(from) + minutes * 60_000).toISOString() };
}

/** The members' needs as staff see them (everyone's) and as a member sees them (their own). */
export function needsView(item) {
  return (item.needs || []).map((need) => h('div', { class: 'fl-needs' },
    h('p', { class: 'fl-strong' }, t('interviews.needsOf'), ' ', data('span', need.name)),
    need.interpreterLanguage ? h('p', { class: 'utrecht-paragraph' }, t('interviews.needsInterpreter'), ' ',
      data('span', need.interpreterLanguage)) : null,
    need.accessibility ? h('p', { class: 'utrecht-paragraph' }, t('interviews.needsAccessibility'), ' ',
      data('span', need.accessibility)) : null,
    need.supportPerson ? paragraph('interviews.supportPerson') : null));
}
