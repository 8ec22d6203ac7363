// Where I am signed in; end a session on a lost or shared device.
import { del, get } from '../lib/api.js';
import { alert, data, h, heading, paragraph, fill } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';
import { passkeyList } from './passkey-parts.js';
import { digidLink } from './provider-parts.js';

export default async function sessions({ view, go, notice, session: signedIn }) {
  const list = (await get('/api/sessions')).sessions;
  fill(view, 
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'sessions.title'),
    digidLink(signedIn),
    paragraph('sessions.intro'),
    h('ul', { class: 'fl-cards' }, list.map((session) => h('li', { class: 'fl-card' },
      data('p', session.device, { class: 'utrecht-paragraph fl-strong' }),
      session.current ? h('p', { class: 'fl-badge' }, t('sessions.current')) : null,
      h('p', { class: 'fl-meta' }, t('sessions.started', { time: dateTime(session.createdAt) })),
      h('p', { class: 'fl-meta' }, t('sessions.lastSeen', { time: dateTime(session.lastSeenAt) })),
      session.current ? null : h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action',
        onclick: async () => {
          await del(`/api/sessions/${encodeURIComponent(session.id)}`);
          go('sessions', 'sessions.ended');
        } }, t('sessions.end'))))),
    // A link-only session (DigiD required) reaches nothing but linking; passkeys come after DigiD.
    signedIn.linkOnly ? null : await passkeyList({ go }));
  return 'sessions.title';
}
