// Passkeys: "sign in with a passkey" on both sign-in pages, and on "where am I signed in" the person's passkeys
// (name, added, last used, whether it still works) with rename, remove and "sign in with this phone next time".
// The browser's ArrayBuffers travel as base64url in JSON; the service reads them with webauthn4j.
import { del, get, patch, post } from '../lib/api.js';
import { alert, button, data, field, form, h, paragraph, problemView, section } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';
import { confirmStep } from './end-parts.js';

/** Whether this browser can use passkeys at all. */
function supported() {
  return typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;
}

/** An ArrayBuffer (or view) as base64url without padding. */
export function toBase64url(buffer) {
  const bytes = new Uint8Array(buffer instanceof ArrayBuffer ? buffer : buffer.buffer);
  let text = '';
  bytes.forEach((byte) => { text += String.fromCharCode(byte); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url text as an ArrayBuffer. */
export function fromBase64url(text) {
  const plain = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  return Uint8Array.from(plain, (c) => c.charCodeAt(0)).buffer;
}

function creationOptions(options) {
  return {
    ...options,
    challenge: fromBase64url(options.challenge),
    user: { ...options.user, id: fromBase64url(options.user.id) },
    excludeCredentials: options.excludeCredentials.map((c) => ({ ...c, id: fromBase64url(c.id) })),
  };
}

function requestOptions(options) {
  return { ...options, challenge: fromBase64url(options.challenge), allowCredentials: [] };
}

function attestation(credential) {
  const response = credential.response;
  return {
    id: credential.id,
    clientDataJSON: toBase64url(response.clientDataJSON),
    attestationObject: toBase64url(response.attestationObject),
    transports: typeof response.getTransports === 'function' ? response.getTransports() : [],
  };
}

function assertion(credential) {
  const response = credential.response;
  return {
    id: credential.id,
    clientDataJSON: toBase64url(response.clientDataJSON),
    authenticatorData: toBase64url(response.authenticatorData),
    signature: toBase64url(response.signature),
    userHandle: response.userHandle ? toBase64url(response.userHandle) : null,
  };
}

/** What to show when the device said no (cancelled, timed out) or the service refused. */
function failure(error) {
  if (error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) {
    return alert('warning', paragraph('passkeys.cancelled'));
  }
  if (error && error.code === 'sign-in-failed') {
    return alert('error', paragraph('passkeys.signInFailed'));
  }
  if (error && error.name && !error.code) {
    return alert('error', paragraph('passkeys.deviceFailed'));
  }
  return problemView(error, 'passkeys');
}

/** The "sign in with a passkey" part of a sign-in page, or null when the browser cannot. */
export function passkeySignIn({ signedIn, go, home }) {
  if (!supported()) {
    return null;
  }
  const status = h('div', { class: 'fl-form-status', role: 'status' });
  const start = button('passkeys.signIn', async () => {
    status.replaceChildren();
    try {
      const started = await post('/api/sign-in/passkey-options', undefined, { signingIn: true });
      const credential = await navigator.credentials.get({ publicKey: requestOptions(started.options) });
      const session = await post('/api/sign-in/passkey',
        { challengeId: started.challengeId, credential: assertion(credential) }, { signingIn: true });
      signedIn(session);
      go(home);
    } catch (error) {
      status.replaceChildren(failure(error));
    }
  }, 'secondary-action', { 'data-passkey': 'sign-in' });
  return section('passkeys.signInTitle', paragraph('passkeys.signInIntro'), status, start);
}

function passkeyCard(passkey, go) {
  const remove = button('passkeys.remove', () => confirmStep(remove, {
    warning: paragraph('passkeys.removeWarning'),
    submitKey: 'passkeys.removeConfirm',
    backKey: 'passkeys.keep',
    onConfirm: async () => {
      await del(`/api/passkeys/${encodeURIComponent(passkey.id)}`);
      go('sessions', 'passkeys.removed');
    },
  }));
  const rename = form('passkeys.rename', async (values) => {
    await patch(`/api/passkeys/${encodeURIComponent(passkey.id)}`, { name: String(values.get('name')).trim() });
    go('sessions', 'passkeys.renamed');
  }, field('name', 'passkeys.name', { value: passkey.name, required: true, maxlength: 60 }));
  return h('li', { class: 'fl-card', 'data-passkey': passkey.id },
    data('p', passkey.name, { class: 'utrecht-paragraph fl-strong' }),
    passkey.usable ? null : h('p', { class: 'fl-badge' }, t('passkeys.unusable')),
    passkey.usable ? null : paragraph('passkeys.unusableHelp'),
    h('p', { class: 'fl-meta' }, t('passkeys.added', { time: dateTime(passkey.createdAt) })),
    h('p', { class: 'fl-meta' }, passkey.lastUsedAt ? t('passkeys.lastUsed', { time: dateTime(passkey.lastUsedAt) })
      : t('passkeys.neverUsed')),
    h('details', { class: 'fl-details' }, h('summary', {}, t('passkeys.renameTitle')), rename),
    remove);
}

async function addPasskey(go) {
  const started = await post('/api/passkeys/registration-options');
  const credential = await navigator.credentials.create({ publicKey: creationOptions(started.options) });
  await post('/api/passkeys', { challengeId: started.challengeId, credential: attestation(credential) });
  go('sessions', 'passkeys.addedNotice');
}

/** The passkeys section of "where am I signed in". */
export async function passkeyList({ go }) {
  const answer = await get('/api/passkeys');
  const status = h('div', { class: 'fl-form-status', role: 'status' });
  const add = answer.mayAdd && supported() ? button('passkeys.add', async () => {
    status.replaceChildren();
    try {
      await addPasskey(go);
    } catch (error) {
      status.replaceChildren(failure(error));
    }
  }, 'primary-action', { 'data-passkey': 'add' }) : null;
  if (!answer.mayAdd && answer.passkeys.length === 0) {
    return null;
  }
  return section('passkeys.title',
    paragraph('passkeys.intro'),
    answer.passkeys.length ? h('ul', { class: 'fl-cards' }, answer.passkeys.map((p) => passkeyCard(p, go)))
      : paragraph('passkeys.none'),
    answer.mayAdd && !supported() ? paragraph('passkeys.notSupported') : null,
    status, add);
}
