// Every text a person reads comes from i18n/<language>.json; dates and times are shown in Europe/Amsterdam.
const ZONE = 'Europe/Amsterdam';
export const LANGUAGES = ['nl', 'en'];
let table = {};
let language = 'nl';

export async function load(wanted) {
  const chosen = LANGUAGES.includes(wanted) ? wanted : 'nl';
  const response = await fetch(`/i18n/${chosen}.json`);
  table = await response.json();
  language = chosen;
  document.documentElement.lang = chosen;
}

export function current() {
  return language;
}

export function has(key) {
  return Object.hasOwn(table, key);
}

/** The text for key, with {placeholders} filled in; a missing key shows as itself so tests catch it. */
export function t(key, values) {
  const text = has(key) ? table[key] : key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole)) : text;
}

/** A key of the form prefix.value when it exists, else the fallback key (codes the client does not know yet). */
export function tOr(key, fallback, values) {
  return t(has(key) ? key : fallback, values);
}

function format(options, value) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { timeZone: ZONE, ...options })
      .format(value);
}

/** A calendar date (yyyy-mm-dd) as "2 maart 2026". Noon UTC is the same day in Amsterdam. */
export function date(isoDate) {
  return format({ day: 'numeric', month: 'long', year: 'numeric' }, new Date(`${isoDate}T12:00:00Z`));
}

/** An instant as "maandag 2 maart 2026 10:00". */
export function dateTime(instant) {
  return format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit',
    minute: '2-digit' }, new Date(instant));
}

export function time(instant) {
  return format({ hour: '2-digit', minute: '2-digit' }, new Date(instant));
}

/** Amsterdam wall-clock parts of an instant. */
function wallClock(instant) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
}

/** A datetime-local value ("2026-03-10T10:00", meant in Amsterdam) as an ISO instant. */
export function amsterdamToInstant(local) {
  const [day, clock] = local.split('T');
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    guess += wanted - wallClock(new Date(guess));
  }
  return new Date(guess).toISOString();
}
