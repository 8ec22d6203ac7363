// Staff: my interviews over all my cases, one week at a time (Monday to Sunday, Dutch time). A list on a phone, a
// table on a desktop; the weeks before and after are links, so Tab and Enter page through the weeks.
import { get } from '../lib/api.js';
import { data, h, heading, link, paragraph, fill } from '../lib/dom.js';
import { date, locale, t, time } from '../lib/i18n.js';

const ZONE = 'Europe/Amsterdam';

/** The Amsterdam calendar date (yyyy-mm-dd) of an instant. */
function dayOf(instant) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(instant));
}

function weekday(isoDate) {
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone: 'UTC' })
    .format(new Date(`${isoDate}T12:00:00Z`));
}

/** A day as "maandag 2 maart 2026", in a time element (a date, not a text of the translation files). */
function dayLabel(isoDate) {
  return h('time', { datetime: isoDate }, `${weekday(isoDate)} ${date(isoDate)}`);
}

function days(monday) {
  const start = Date.parse(`${monday}T12:00:00Z`);
  return [0, 1, 2, 3, 4, 5, 6].map((n) => new Date(start + n * 86_400_000).toISOString().slice(0, 10));
}

function caseLink(cases, item) {
  const known = cases.get(item.caseId);
  return h('a', { class: 'utrecht-link', href: `#/cases/${item.caseId}/interviews`, 'data-api': true },
    known ? `${known.reference} · ${known.title}` : item.caseId);
}

const people = (item) => item.members.map((person) => person.name).join(', ');
const status = (item) => t(item.status === 'CANCELLED' ? 'appointment.CANCELLED'
  : item.outcome ? `outcome.${item.outcome.outcome}` : 'appointment.CONFIRMED');

function list(agenda, cases) {
  return h('div', { class: 'fl-agenda-list' }, days(agenda.week).map((day) => {
    const items = agenda.appointments.filter((item) => dayOf(item.start) === day);
    return h('section', { class: 'fl-section' },
      h('h2', { class: 'utrecht-heading-3' }, dayLabel(day)),
      items.length === 0 ? paragraph('agenda.free', {}, { class: 'fl-meta' })
        : h('ul', { class: 'fl-cards' }, items.map((item) => h('li', { class: 'fl-card' },
          h('p', { class: 'utrecht-paragraph fl-strong' }, t('interviews.span', { start: time(item.start),
            end: time(item.end) })),
          h('p', { class: 'utrecht-paragraph' }, caseLink(cases, item)),
          h('p', { class: 'fl-meta' }, t(`mode.${item.mode}`)),
          data('p', people(item), { class: 'fl-meta' }),
          h('p', { class: item.status === 'CANCELLED' ? 'fl-meta fl-overdue' : 'fl-meta' }, status(item))))));
  }));
}

function table(agenda, cases) {
  const header = ['agenda.day', 'agenda.time', 'agenda.case', 'agenda.kind', 'agenda.with', 'agenda.status'];
  return h('div', { class: 'fl-agenda-table' }, h('table', { class: 'fl-table' },
    h('caption', {}, t('agenda.caption', { from: date(agenda.week), until: date(days(agenda.week)[6]) })),
    h('thead', {}, h('tr', {}, header.map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, agenda.appointments.length === 0
      ? h('tr', {}, h('td', { colspan: '6' }, t('agenda.none')))
      : agenda.appointments.map((item) => h('tr', {},
        h('th', { scope: 'row' }, dayLabel(dayOf(item.start))),
        h('td', {}, t('interviews.span', { start: time(item.start), end: time(item.end) })),
        h('td', {}, caseLink(cases, item)),
        h('td', {}, t(`mode.${item.mode}`)),
        data('td', people(item)),
        h('td', {}, status(item)))))));
}

export default async function agenda({ view, params }) {
  const query = params.week ? `?week=${encodeURIComponent(params.week)}` : '';
  const [week, board] = await Promise.all([get(`/api/agenda${query}`), get('/api/dashboard')]);
  const cases = new Map(board.cases.map((item) => [item.id, item]));
  fill(view,
    heading(1, 'agenda.title'),
    h('p', { class: 'utrecht-paragraph fl-strong' }, t('agenda.week', { from: date(week.week),
      until: date(days(week.week)[6]) })),
    h('nav', { class: 'fl-week-nav', 'aria-label': t('agenda.weeks') },
      link(`#/agenda/${week.previous}`, 'agenda.previous', {}, { rel: 'prev' }),
      link('#/agenda', 'agenda.thisWeek'),
      link(`#/agenda/${week.next}`, 'agenda.next', {}, { rel: 'next' })),
    week.appointments.length === 0 ? paragraph('agenda.none') : null,
    list(week, cases),
    table(week, cases));
  return 'agenda.title';
}
