// The shell every page shares: language, quick exit, navigation, the session and its timeout warning, the router.
// Pages are ES modules under pages/, loaded when first shown, so a page only weighs what it uses.
import { current, forRole, listed, load, loadLanguages, t } from './lib/i18n.js';
import { get, del, put, endSessionWhileLeaving, onActivity, onSessionEnded, useCsrfToken } from './lib/api.js';
import { h, problemView } from './lib/dom.js';
import { closeWhenLeft, drawLanguageMenu } from './lib/language-menu.js';

const NEUTRAL_SITE = 'https://www.google.com/search?q=weerbericht';
const WARN_BEFORE_MS = 120_000;
const main = document.getElementById('main');
const state = { session: null, notice: null, rendered: false, views: 0, invitation: null };
const timers = { warn: 0, end: 0 };

// Route pattern → page module and who may see it: public (signed out), open (anyone, signed in or not), member, any
// (anyone signed in), staff (family inspector, investigator), admin (administrator), desk (staff or administrator).
// Staff and administrators get only their own audience's texts (languages/audiences.yaml), so a page of one
// audience is never drawn for the other; web.TextAudiencesTest checks each page's texts against who may see it.
const ROUTES = [
  ['', 'home', 'public'],
  ['sign-in', 'sign-in', 'public'],
  ['staff/sign-in', 'staff-sign-in', 'public'],
  ['sign-in/return', 'sign-in-return', 'open'],
  ['enrol', 'enrol', 'open'],
  ['cases', 'cases', 'member'],
  ['cases/:caseId', 'case', 'any'],
  ['cases/:caseId/messages', 'messages', 'any'],
  ['cases/:caseId/messages/:threadId', 'thread', 'any'],
  ['cases/:caseId/interviews', 'interviews', 'any'],
  ['cases/:caseId/contacts', 'contacts', 'any'],
  ['cases/:caseId/briefings', 'briefings', 'member'],
  ['access-log', 'access-log', 'member'],
  ['my-data', 'my-data', 'member'],
  ['feedback', 'feedback', 'member'],
  ['preferences', 'preferences', 'any'],
  ['sessions', 'sessions', 'any'],
  ['dashboard', 'dashboard', 'staff'],
  ['agenda', 'agenda', 'staff'],
  ['agenda/:week', 'agenda', 'staff'],
  ['cases/:caseId/staff-briefings', 'briefings-staff', 'staff'],
  ['cases/:caseId/closing', 'closing', 'staff'],
  ['removals', 'removals', 'staff'],
  ['admin/feedback', 'admin-feedback', 'admin'],
  ['admin/retention', 'retention', 'admin'],
  ['admin/approvals', 'approvals', 'admin'],
  ['admin/staff', 'staff-accounts', 'admin'],
  ['admin/cases', 'admin-cases', 'admin'],
  ['admin/cases/:caseId', 'admin-case', 'admin'],
  ['admin/audit', 'admin-audit', 'admin'],
  ['admin/failed-mails', 'admin-failed-mails', 'admin'],
  ['admin/figures', 'admin-figures', 'admin'],
  ['absence', 'absence-cover', 'desk'],
  ['admin/overdue-promises', 'admin-overdue', 'admin'],
];

function quickExit() {
  // The session ends on the service too, so the old cookie opens nothing even if someone goes back to the service.
  if (state.session) {
    endSessionWhileLeaving();
  }
  // replace(): the service's one history entry is swapped for the neutral site, so Back does not return to it.
  document.body.textContent = '';
  window.location.replace(NEUTRAL_SITE);
}

const TYPED = 'input:not([type]), input[type=text], input[type=email], input[type=search], input[type=tel], '
  + 'input[type=url], input[type=number], input[type=password], textarea';

/** Someone is typing: the focus is in a text field, or in something editable. */
function typing() {
  const focused = document.activeElement;
  return Boolean(focused && (focused.matches(TYPED) || focused.isContentEditable));
}

/** A form holds text that was typed and not sent: leaving would lose it. */
function hasDraft() {
  return [...document.querySelectorAll('form')].some((form) => [...form.querySelectorAll(TYPED)]
    .some((field) => field.value.trim() !== '' && field.value !== field.defaultValue));
}

/**
 * Esc is the quick exit too, but not while someone types (Esc is also "undo" or "close" for a field), and with a
 * draft it asks first, in the page's own dialog (Enter leaves at once). The button never asks: it is the emergency
 * exit.
 */
function onEscape(event) {
  const dialog = document.getElementById('quick-exit-confirm');
  if (event.key !== 'Escape' || event.defaultPrevented || dialog.open || typing()) {
    return;
  }
  if (hasDraft()) {
    // Without this the browser takes this same Esc as "close" for the dialog that has just opened.
    event.preventDefault();
    dialog.showModal();
    document.getElementById('quick-exit-leave').focus();
    return;
  }
  quickExit();
}

/** Moves within the app without adding history entries: the app is always one entry, which quick exit replaces. */
export function go(path, notice) {
  state.notice = notice || null;
  const target = `#/${path}`;
  if (window.location.hash === target) {
    render();
  } else {
    window.location.replace(target);
  }
}

function match(path) {
  for (const [pattern, page, access] of ROUTES) {
    const names = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (whole, name) => {
      names.push(name);
      return '([^/]+)';
    })}$`);
    const found = regex.exec(path);
    if (found) {
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
      return { page, access, params };
    }
  }
  return null;
}

const ACCESS = { member: ['MEMBER'], staff: ['FAMILY_INSPECTOR', 'INVESTIGATOR'], admin: ['ADMIN'],
  desk: ['FAMILY_INSPECTOR', 'INVESTIGATOR', 'ADMIN'] };

/** Whether a signed-in role may open a route of this access (public and open routes are checked before). */
function mayOpen(access, role) {
  return !ACCESS[access] || ACCESS[access].includes(role);
}

function homeOf(session) {
  if (session.role === 'ADMIN') {
    return 'admin/cases';
  }
  return session.role === 'MEMBER' ? 'cases' : 'dashboard';
}

/**
 * The administrator's console, in the order of the work: cases and their staff, what waits for a second
 * administrator, the figures, then the checks. Staff accounts have their place right after the approvals.
 */
const ADMIN_LINKS = [['admin/cases', 'nav.adminCases'], ['admin/approvals', 'nav.adminApprovals'],
  ['admin/staff', 'nav.adminStaff'],
  ['admin/figures', 'nav.adminFigures'], ['admin/feedback', 'nav.adminFeedback'],
  ['admin/failed-mails', 'nav.adminFailedMails'], ['admin/overdue-promises', 'nav.adminOverdue'],
  ['absence', 'nav.absence'], ['admin/audit', 'nav.adminAudit'],
  ['admin/retention', 'nav.adminRetention']];

/** Staff links by role: an administrator has no cases of their own; the family inspector confirms removals. */
function staffLinks(role) {
  if (role === 'ADMIN') {
    return ADMIN_LINKS;
  }
  return [['dashboard', 'nav.dashboard'], ['agenda', 'nav.agenda']]
    .concat(role === 'FAMILY_INSPECTOR' ? [['removals', 'nav.staffRemovals'], ['absence', 'nav.absence']] : []);
}

function translateShell() {
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  drawLanguageMenu(document.getElementById('language-menu'), switchLanguage);
}

function renderNav() {
  const nav = document.getElementById('nav');
  const session = state.session;
  nav.hidden = !session;
  // Staff work at a desk: their pages use a desktop's width; members' pages stay one calm column.
  document.body.classList.toggle('fl-staff', Boolean(session && session.role !== 'MEMBER'));
  if (!session) {
    nav.replaceChildren();
    return;
  }
  nav.setAttribute('aria-label', t('nav.label'));
  const links = session.role === 'MEMBER'
    ? [['cases', 'nav.cases'], ['access-log', 'nav.accessLog'], ['my-data', 'nav.myData'],
      ['feedback', 'nav.feedback'], ['preferences', 'nav.preferences'], ['sessions', 'nav.sessions']]
    : staffLinks(session.role).concat([['preferences', 'nav.preferences'], ['sessions', 'nav.sessions']]);
  nav.replaceChildren(h('ul', {},
    links.map(([path, key]) => h('li', {}, h('a', { class: 'utrecht-link', href: `#/${path}` }, t(key)))),
    h('li', {}, h('button', { type: 'button', class: 'utrecht-button utrecht-button--subtle', id: 'sign-out',
      onclick: signOut }, t('nav.signOut')))));
}

async function signOut() {
  let out = null;
  try {
    // Loaded only when needed, so no page weighs the provider parts it does not use.
    const { signOutRequest } = await import('./pages/provider-parts.js');
    out = await signOutRequest(state.session);
  } catch {
    // Already ended on the service: signed out all the same.
  }
  signedOut('signOut.done');
  if (out && out.endSessionUrl) {
    window.location.assign(out.endSessionUrl);
  }
}

function signedOut(noticeKey) {
  state.session = null;
  useCsrfToken(null);
  clearTimeout(timers.warn);
  clearTimeout(timers.end);
  document.getElementById('session-warning').hidden = true;
  renderNav();
  go(noticeKey === 'signOut.done' ? '' : 'sign-in', noticeKey);
}

/**
 * After sign-in (and at start): who is signed in, and a timer that warns before the session idles out. A person who
 * has not chosen a language on this device sees their own (the one chosen for them at the invitation, or since).
 */
export function signedIn(session) {
  state.session = session;
  useCsrfToken(session.csrfToken);
  renderNav();
  restartTimers();
  // The page waits for the role's texts before it is drawn, or shows why it cannot (render).
  const texts = forRole(session.role).catch(() => null);
  if (storedLanguage() || !listed(session.language) || session.language === current()) {
    return texts;
  }
  return load(session.language).catch(() => null).then(() => (state.rendered ? redraw() : translateShell()));
}

function restartTimers() {
  const session = state.session;
  if (!session) {
    return;
  }
  clearTimeout(timers.warn);
  clearTimeout(timers.end);
  document.getElementById('session-warning').hidden = true;
  // Counted on this device's clock from the last answer: the service started its idle timer again then.
  const absoluteLeft = Date.parse(session.expiresAt) - Date.parse(session.idleExpiresAt);
  const left = Math.min(session.idleTimeoutSeconds * 1000, session.idleTimeoutSeconds * 1000 + absoluteLeft);
  timers.warn = setTimeout(showWarning, Math.max(0, left - WARN_BEFORE_MS));
  timers.end = setTimeout(() => signOutIdle(), left);
}

function showWarning() {
  const warning = document.getElementById('session-warning');
  warning.replaceChildren(
    h('p', { class: 'utrecht-paragraph' }, t('session.warning')),
    h('button', { type: 'button', class: 'utrecht-button utrecht-button--primary-action', id: 'stay-signed-in',
      onclick: stay }, t('session.stay')));
  warning.hidden = false;
}

async function stay() {
  try {
    signedIn(await get('/api/session'));
  } catch {
    // 401: the listener below has signed out already.
  }
}

async function signOutIdle() {
  try {
    await del('/api/session');
  } catch {
    // Ended already.
  }
  signedOut('session.ended');
}

async function render() {
  takeInvitation(); // also when the link is opened in a tab that shows the service already (only the # changes)
  // A page's own parameters after '?' (the provider's return) are the page's to read, not part of the route.
  const path = window.location.hash.replace(/^#\/?/, '').replace(/\?.*$/, '');
  const route = match(path);
  const session = state.session;
  if (!route) {
    go(session ? homeOf(session) : '');
    return;
  }
  if (route.access === 'public' && session) {
    go(homeOf(session));
    return;
  }
  if (route.access !== 'public' && route.access !== 'open' && !session) {
    go('sign-in', state.notice || 'session.signInFirst');
    return;
  }
  if (session && !mayOpen(route.access, session.role)) {
    go(homeOf(session));
    return;
  }
  const notice = state.notice;
  state.notice = null;
  main.setAttribute('aria-busy', 'true');
  const view = h('div', { class: 'fl-page' });
  let titleKey = 'app.name';
  try {
    await forRole(session && session.role);
    const page = await import(`./pages/${route.page}.js`);
    const params = route.page === 'enrol' ? { invitation: state.invitation } : route.params;
    titleKey = await page.default({ view, params, session, go, signedIn, notice });
  } catch (error) {
    titleKey = 'error.title';
    view.replaceChildren(h('h1', { class: 'utrecht-heading-1', tabindex: '-1' }, t('error.title')),
      problemView(error));
  }
  main.replaceChildren(view);
  // Counts drawn pages, so a browser test knows when a click has led to a new one.
  state.views += 1;
  main.dataset.view = String(state.views);
  main.removeAttribute('aria-busy');
  document.title = `${t(titleKey)} · ${t('app.name')}`;
  const heading = view.querySelector('h1');
  if (heading && state.rendered) {
    heading.focus();
  }
  state.rendered = true;
  window.scrollTo(0, 0);
}

function keepInApp(event) {
  const anchor = event.target.closest('a[href^="#"]');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey) {
    return;
  }
  event.preventDefault();
  const href = anchor.getAttribute('href');
  if (href.startsWith('#/')) {
    go(href.slice(2));
  } else {
    document.getElementById(href.slice(1)).focus();
  }
}

/** The shell and the page again, in the language loaded now. */
async function redraw() {
  translateShell();
  renderNav();
  if (!document.getElementById('session-warning').hidden) {
    showWarning();
  }
  await render();
}

/** A language chosen in the header: remembered on this device and, signed in, as the person's own (mail too). */
async function switchLanguage(code) {
  await load(code).catch(() => null); // without the role's texts the page says so when drawn (render)
  try {
    localStorage.setItem('language', current());
  } catch {
    // Private mode: the choice holds for this visit only.
  }
  if (state.session) {
    keepAsPreference(current());
  }
  await redraw();
  document.getElementById('language').focus();
}

async function keepAsPreference(code) {
  try {
    const preferences = await get('/api/preferences');
    if (preferences.language !== code) {
      await put('/api/preferences', { ...preferences, language: code });
    }
  } catch {
    // The page's language has changed all the same; the preferences page shows what is stored.
  }
}

function storedLanguage() {
  try {
    return listed(localStorage.getItem('language'));
  } catch {
    return null; // no storage
  }
}

/** The language chosen on this device, else the browser's first listed one, else the service's first (Dutch). */
function initialLanguage() {
  // A link from a mail names the mail's language: the page opens in it, and the address bar loses the parameter.
  const linked = listed(new URLSearchParams(location.search).get('lang') || '');
  if (linked) {
    history.replaceState(null, '', location.pathname + location.hash);
    return linked.code;
  }
  const stored = storedLanguage();
  if (stored) {
    return stored.code;
  }
  const wanted = navigator.languages || [navigator.language || ''];
  const found = wanted.map(listed).find(Boolean);
  return found ? found.code : '';
}

/**
 * An invitation link (#enrol=<token>): the token leaves the address bar and the history entry at once, before anything
 * is loaded, and stays in this page's memory only.
 */
function takeInvitation() {
  const found = /^#enrol=([A-Za-z0-9_-]{1,64})$/.exec(window.location.hash);
  if (found) {
    state.invitation = found[1];
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/enrol`);
  }
}

/** Once the header has scrolled out of view, the quick exit floats in the top corner, so it is always one tap away. */
function keepQuickExitInView() {
  const exit = document.getElementById('quick-exit');
  new IntersectionObserver(([entry]) => exit.classList.toggle('fl-quick-exit--floating', !entry.isIntersecting))
    .observe(document.querySelector('.fl-header__bar'));
}

async function start() {
  takeInvitation();
  document.getElementById('quick-exit').addEventListener('click', quickExit);
  keepQuickExitInView();
  document.getElementById('quick-exit-leave').addEventListener('click', quickExit);
  document.getElementById('quick-exit-stay').addEventListener('click',
    () => document.getElementById('quick-exit-confirm').close());
  document.addEventListener('keydown', onEscape);
  closeWhenLeft(document.getElementById('language-menu'));
  document.addEventListener('click', keepInApp);
  onActivity(restartTimers);
  onSessionEnded(() => state.session && signedOut('session.ended'));
  await loadLanguages();
  await load(initialLanguage());
  translateShell();
  try {
    await signedIn(await get('/api/session'));
  } catch {
    state.session = null;
  }
  window.addEventListener('hashchange', render);
  await render();
}

start();
