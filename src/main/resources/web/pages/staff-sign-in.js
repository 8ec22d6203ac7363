// Staff sign-in: password and the code from the authenticator app.
import { post } from '../lib/api.js';
import { field, form, h, heading, link, paragraph, fill } from '../lib/dom.js';
import { passkeySignIn } from './passkey-parts.js';
import { staffSso } from './provider-parts.js';

export default async function staffSignIn({ view, go, signedIn }) {
  fill(view, 
    heading(1, 'staffSignIn.title'),
    staffSso(),
    paragraph('staffSignIn.intro'),
    form('staffSignIn.submit', async (values) => {
      const session = await post('/api/sign-in/staff', {
        email: String(values.get('email')).trim(),
        password: String(values.get('password')),
        code: String(values.get('code')).trim(),
      }, { signingIn: true });
      signedIn(session);
      // Home by role: the overview, or for an administrator (who has no cases) the staff accounts.
      go('');
    },
    field('email', 'staffSignIn.email', { type: 'email', autocomplete: 'username', required: true }),
    field('password', 'staffSignIn.password', { type: 'password', autocomplete: 'current-password',
      required: true }),
    field('code', 'staffSignIn.code', { inputmode: 'numeric', autocomplete: 'one-time-code', required: true,
      hint: 'staffSignIn.codeHint' })),
    passkeySignIn({ signedIn, go, home: '' }),
    h('p', { class: 'utrecht-paragraph' }, link('#/sign-in', 'staffSignIn.memberInstead')));
  return 'staffSignIn.title';
}
