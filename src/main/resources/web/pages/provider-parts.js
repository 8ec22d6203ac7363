// Signing in with a provider (OpenID Connect): DigiD for members, the Inspectorate's own account for staff.
// The sign-in pages, the sessions page and the sign-out call these; the return page is sign-in-return.js.
import { del, get, post } from '../lib/api.js';
import { alert, button, h, paragraph, problemView } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

const PURPOSE = 'fl-oidc-purpose';
let methods = null;

/** Which providers are configured (asked once per page load). */
export function signInMethods() {
  methods = methods || get('/api/sign-in/methods').catch(() => ({ digid: false, digidRequired: false,
    staffSso: false }));
  return methods;
}

/** Goes to the provider: the service gives the address; where the person lands afterwards follows from purpose. */
export async function startProvider(provider, purpose) {
  const started = await post(`/api/sign-in/oidc/${provider}`, { purpose }, { signingIn: purpose === 'sign-in' });
  sessionStorage.setItem(PURPOSE, purpose);
  window.location.assign(started.authorizationUrl);
}

/** Why the provider was asked, for the return page's landing (nothing security depends on). */
export function startedFor() {
  const purpose = sessionStorage.getItem(PURPOSE);
  sessionStorage.removeItem(PURPOSE);
  return purpose === 'link' ? 'link' : 'sign-in';
}

/** A button that starts signing in with the provider, shown only when that provider is configured. */
function providerButton(provider, labelKey, hintKey, offered) {
  const slot = h('div', { class: 'fl-provider', hidden: true });
  signInMethods().then((found) => {
    if (!offered(found)) {
      return;
    }
    const problem = h('div', { 'aria-live': 'polite' });
    slot.replaceChildren(
      hintKey(found) ? paragraph(hintKey(found)) : null,
      button(labelKey, async () => {
        try {
          await startProvider(provider, 'sign-in');
        } catch (error) {
          problem.replaceChildren(problemView(error));
        }
      }, 'primary-action', { id: `sign-in-${provider}` }),
      problem);
    slot.hidden = false;
  });
  return slot;
}

/** Members' sign-in page: "Inloggen met DigiD". */
export function digidSignIn() {
  return providerButton('digid', 'providers.digid',
    (found) => (found.digidRequired ? 'providers.digidRequired' : 'providers.digidHint'), (found) => found.digid);
}

/** Staff sign-in page: the Inspectorate's own account. */
export function staffSso() {
  return providerButton('staff', 'providers.staff', () => 'providers.staffHint', (found) => found.staffSso);
}

/** Sessions page of a member: link DigiD (and, for a session that may only link, why). */
export function digidLink(session) {
  const slot = h('div', { class: 'fl-provider', hidden: true });
  if (!session || session.role !== 'MEMBER' || session.method === 'sign-in.digid') {
    return slot;
  }
  signInMethods().then((found) => {
    if (!found.digid) {
      return;
    }
    const problem = h('div', { 'aria-live': 'polite' });
    slot.replaceChildren(
      session.linkOnly ? alert('info', paragraph('providers.linkNeeded')) : null,
      h('h2', { class: 'utrecht-heading-2' }, t('providers.linkTitle')),
      paragraph('providers.linkIntro'),
      button('providers.link', async () => {
        try {
          await startProvider('digid', 'link');
        } catch (error) {
          problem.replaceChildren(problemView(error));
        }
      }, 'primary-action', { id: 'link-digid' }),
      problem);
    slot.hidden = false;
  });
  return slot;
}

/**
 * Signs out: a session from a provider also learns the provider's end-session address (RP-initiated logout), which
 * the caller opens after signing out here.
 */
export async function signOutRequest(session) {
  const method = (session && session.method) || '';
  if (method.startsWith('sign-in.digid') || method.startsWith('sign-in.staff-sso')) {
    return del('/api/session/oidc');
  }
  await del('/api/session');
  return null;
}

