// Every text a person reads comes from i18n/<language>.json (the texts everyone gets) and, signed in as staff, the
// extra texts of their audience, i18n/<language>-staff.json or -admin.json (languages/audiences.yaml); the languages
// are the service's list (GET /api/languages). Dates and times are shown in Europe/Amsterdam, Gregorian, with Latin
// digits, in every language.
const ZONE = 'Europe/Amsterdam';
const FIRST = { code: 'nl', name: 'Nederlands', direction: 'ltr', locale: 'nl-NL' };
/** The role's extra texts: family inspectors and investigators get the staff pages' texts, administrators theirs. */
const AUDIENCES = { FAMILY_INSPECTOR: 'staff', INVESTIGATOR: 'staff', ADMIN: 'admin' };
let list = [FIRST];
let common = {};
let table = {};
let language = FIRST;
let audience = null; // whose extra texts the signed-in person gets: 'staff', 'admin' or none
let merged = null; // the extra file in the table now ('uk-staff'), or none
let pending = Promise.resolve();

/** The service's languages, in its order (only Dutch, the default, when the list cannot be had). */
export async function loadLanguages() {
  try {
    const response = await fetch('/api/languages', { headers: { Accept: 'application/json' } });
    const found = response.ok ? (await response.json()).languages : [];
    list = found.length ? found : list;
  } catch {
    // Offline or refused: Dutch only, as the service's first language.
  }
}

export function languages() {
  return list;
}

/** The listed language for a code or a browser tag ("ar-EG" → ar), or null. */
export function listed(tag) {
  const code = String(tag || '').toLowerCase().split('-')[0];
  return list.find((entry) => entry.code === code) || null;
}

/** One loading after the other, so a language chosen while a role's texts arrive gets both in one language. */
function queued(step) {
  pending = pending.catch(() => null).then(step);
  return pending;
}

async function texts(file) {
  const response = await fetch(`/i18n/${file}.json`);
  if (!response.ok) {
    throw new Error(`No texts at /i18n/${file}.json (${response.status})`);
  }
  return response.json();
}

/** The texts of a language (the first, rather than keys, when its texts are not there), with the role's extra ones. */
export function load(wanted) {
  return queued(async () => {
    let chosen = listed(wanted) || list[0];
    let response = await fetch(`/i18n/${chosen.code}.json`);
    if (!response.ok && chosen !== list[0]) {
      chosen = list[0];
      response = await fetch(`/i18n/${chosen.code}.json`);
    }
    common = await response.json();
    table = common;
    merged = null;
    language = chosen;
    document.documentElement.lang = chosen.code;
    document.documentElement.dir = direction(chosen);
    await addAudience();
  });
}

/**
 * The extra texts for a signed-in role (none signed out), merged into the table before a page is drawn. When they
 * cannot be had the promise fails, so the page shows a problem instead of raw keys, and the next page tries again.
 */
export function forRole(role) {
  audience = AUDIENCES[role] || null;
  return queued(addAudience);
}

async function addAudience() {
  const file = audience ? `${language.code}-${audience}` : null;
  if (file === merged) {
    return;
  }
  table = file ? { ...common, ...await texts(file) } : common;
  merged = file;
}

export function current() {
  return language.code;
}

export function direction(entry = language) {
  return entry.direction === 'rtl' ? 'rtl' : 'ltr';
}

/** The language's locale for Intl, always with the Gregorian calendar and Latin digits. */
export function locale() {
  try {
    return new Intl.Locale(language.locale || language.code, { calendar: 'gregory', numberingSystem: 'latn' })
      .toString();
  } catch {
    return `${language.code}-u-ca-gregory-nu-latn`;
  }
}

export function has(key) {
  return Object.hasOwn(table, key);
}

/**
 * The text for key, with {placeholders} filled in; a missing key shows as itself so tests catch it. In a right-to-left
 * language each filled-in value is isolated (U+2068 … U+2069), so a number, date, address or reference keeps its own
 * direction inside the sentence (no strong letter, as in a phone number: left to right).
 */
export function t(key, values) {
  const text = has(key) ? table[key] : key;
  const [open, close] = direction() === 'rtl' ? ['\u2068', '\u2069'] : ['', ''];
  return values ? text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? `${open}${values[name]}${close}` : whole))
    : text;
}

/** A key of the form prefix.value when it exists, else the fallback key (codes the client does not know yet). */
export function tOr(key, fallback, values) {
  return t(has(key) ? key : fallback, values);
}

function format(options, value) {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, calendar: 'gregory', numberingSystem: 'latn', ...options })
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
