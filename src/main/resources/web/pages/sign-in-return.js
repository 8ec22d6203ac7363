// The return from DigiD or the Inspectorate's identity provider. The code and state arrive in the address's
// fragment (never sent to a server's log); they leave the address bar at once and go to the service in a POST.
import { post } from '../lib/api.js';
import { alert, field, fill, form, heading, link, paragraph, problemView, h } from '../lib/dom.js';
import { startedFor } from './provider-parts.js';

export default async function signInReturn({ view, go, signedIn }) {
  const query = new URLSearchParams(window.location.hash.split('?')[1] || '');
  history.replaceState(null, '', '#/sign-in/return');
  const purpose = startedFor();
  const code = query.get('code');
  const state = query.get('state');
  const again = h('p', { class: 'utrecht-paragraph' }, link('#/sign-in', 'providers.again'));
  if (!code || !state) {
    fill(view, heading(1, 'providers.returnTitle'), alert('info', paragraph('providers.cancelled')), again);
    return 'providers.returnTitle';
  }
  const landed = (session) => {
    signedIn(session);
    if (purpose === 'link') {
      go('sessions', 'providers.linked');
    } else {
      go(session.role === 'MEMBER' ? 'cases' : '');
    }
  };
  try {
    const answer = await post('/api/sign-in/oidc/returns', { code, state }, { signingIn: true });
    if (answer.pendingId) {
      showCodeStep(view, answer.pendingId, landed, again);
      return 'providers.totpTitle';
    }
    landed(answer);
  } catch (error) {
    fill(view, heading(1, 'providers.returnTitle'), problemView(error), again);
  }
  return 'providers.returnTitle';
}

/** The provider asserted no second factor: the authenticator app's code, once. */
function showCodeStep(view, pendingId, landed, again) {
  const step = form('providers.totpSubmit', async (values) => {
    landed(await post('/api/sign-in/oidc/second-factor',
      { pendingId, code: String(values.get('code')).trim() }, { signingIn: true }));
  },
  field('code', 'providers.totpCode', { inputmode: 'numeric', autocomplete: 'one-time-code', required: true }));
  fill(view, heading(1, 'providers.totpTitle'), paragraph('providers.totpIntro'), step, again);
}
