// Staff enrolment from the invitation link: choose a password, connect an authenticator app (QR code, or the key typed
// in), confirm with a first code; then the person is signed in. The link's token lives in memory only (app.js took it
// out of the address bar before anything else ran).
import { post } from '../lib/api.js';
import { alert, data, field, fill, form, h, heading, paragraph } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

/** The key as people type it: groups of four. */
function grouped(secret) {
  return secret.match(/.{1,4}/g).join(' ');
}

async function qrCode(token) {
  const svg = await post('/api/staff-enrolments/qr-code', { token }, { accept: 'image/svg+xml' });
  const image = document.importNode(new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement, true);
  image.setAttribute('role', 'img');
  image.setAttribute('aria-label', t('enrol.qrLabel'));
  image.setAttribute('class', 'fl-qr');
  image.setAttribute('focusable', 'false');
  return image;
}

function passwordStep(view, token, next) {
  const reasons = h('div', { id: 'enrol-reasons', 'aria-live': 'polite' });
  fill(view,
    heading(1, 'enrol.title'),
    paragraph('enrol.intro'),
    h('h2', { class: 'utrecht-heading-2' }, t('enrol.passwordStep')),
    paragraph('enrol.passwordRules'),
    form('enrol.choosePassword', async (values) => {
      reasons.replaceChildren();
      const password = String(values.get('password'));
      if (password !== String(values.get('repeat'))) {
        reasons.replaceChildren(alert('error', paragraph('enrol.notTheSame')));
        return;
      }
      let setup;
      try {
        setup = await post('/api/staff-enrolments/password', { token, password });
      } catch (error) {
        if (error.code === 'not-found') {
          reasons.replaceChildren(alert('error', paragraph('enrol.linkGone')));
          return;
        }
        if (error.code === 'invalid-input' && error.detail) {
          reasons.replaceChildren(alert('error', paragraph('enrol.refused'), data('p', error.detail,
            { class: 'utrecht-paragraph' })));
          return;
        }
        throw error;
      }
      await next(setup);
    },
    field('password', 'enrol.password', { type: 'password', autocomplete: 'new-password', required: true,
      hint: 'enrol.passwordHint' }),
    field('repeat', 'enrol.repeat', { type: 'password', autocomplete: 'new-password', required: true }),
    reasons));
}

function appStep(view, token, setup, qr, done) {
  view.replaceChildren();
  fill(view,
    heading(1, 'enrol.appTitle'),
    paragraph('enrol.appIntro'),
    h('figure', { class: 'fl-qr-figure' }, qr, h('figcaption', { class: 'fl-meta' }, t('enrol.qrCaption'))),
    paragraph('enrol.typeInstead'),
    data('p', grouped(setup.secret), { class: 'fl-secret', id: 'enrol-secret' }),
    form('enrol.confirm', async (values) => {
      const session = await post('/api/staff-enrolments/confirmation',
        { token, code: String(values.get('code')).replace(/\s/g, '') }, { signingIn: true });
      done(session);
    },
    field('code', 'enrol.code', { inputmode: 'numeric', autocomplete: 'one-time-code', required: true,
      hint: 'enrol.codeHint' })));
  view.querySelector('h1').focus();
}

export default async function enrol({ view, params, go, signedIn }) {
  const token = params.invitation;
  if (!token) {
    fill(view, heading(1, 'enrol.title'), alert('warning', paragraph('enrol.noLink')));
    return 'enrol.title';
  }
  passwordStep(view, token, async (setup) => {
    const qr = await qrCode(token);
    appStep(view, token, setup, qr, (session) => {
      signedIn(session);
      go(session.role === 'ADMIN' ? 'admin/staff' : 'dashboard', 'enrol.done');
    });
  });
  return 'enrol.title';
}
