// Member sign-in: an email address, then the 8-digit code from the mail.
import { post } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { alert, data, field, form, h, heading, link, paragraph, fill } from '../lib/dom.js';
import { passkeySignIn } from './passkey-parts.js';
import { digidSignIn } from './provider-parts.js';

export default async function signIn({ view, go, signedIn, notice }) {
  const stepOne = form('signIn.sendCode', async (values) => {
    const email = String(values.get('email')).trim();
    const challenge = await post('/api/sign-in/code-requests', { email }, { signingIn: true });
    showCodeStep(email, challenge.challengeId);
  },
  field('email', 'signIn.email', { type: 'email', autocomplete: 'email', required: true, hint: 'signIn.emailHint' }));

  function showCodeStep(email, challengeId) {
    const stepTwo = form('signIn.check', async (values) => {
      const session = await post('/api/sign-in/code-checks',
        { challengeId, code: String(values.get('code')).trim() }, { signingIn: true });
      signedIn(session);
      go('cases');
    },
    field('code', 'signIn.code', { inputmode: 'numeric', autocomplete: 'one-time-code', required: true,
      hint: 'signIn.codeHint' }));
    view.replaceChildren(
      heading(1, 'signIn.codeTitle'),
      h('p', { class: 'utrecht-paragraph' }, t('signIn.codeSent'), ' ', data('strong', email)),
      stepTwo,
      h('p', { class: 'utrecht-paragraph' }, link('#/sign-in', 'signIn.again', null, { id: 'new-code' })));
    view.querySelector('h1').focus();
    stepTwo.querySelector('input').focus();
  }

  fill(view, 
    notice ? alert('info', paragraph(notice)) : null,
    heading(1, 'signIn.title'),
    digidSignIn(),
    paragraph('signIn.intro'),
    stepOne,
    passkeySignIn({ signedIn, go, home: 'cases' }),
    h('p', { class: 'utrecht-paragraph' }, link('#/staff/sign-in', 'signIn.staffInstead')));
  return 'signIn.title';
}
