// The threads of a case and a new message to the family inspector (or, for them, to chosen members).
import { get, newKey, post } from '../lib/api.js';
import { caseNav, choiceGroup, data, field, form, h, heading, paragraph, fill, section } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';
import { fileField, upload } from './message-parts.js';

export default async function messages({ view, params, session, go }) {
  const caseId = params.caseId;
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const inspector = session.role === 'FAMILY_INSPECTOR';
  const [threads, members] = await Promise.all([get(`${path}/threads`),
    inspector ? get(`${path}/members`) : Promise.resolve(null)]);
  let key = newKey();
  const newThread = form('messages.send', async (values) => {
    const attachmentIds = await upload(caseId, values);
    const body = { text: String(values.get('text')), attachmentIds };
    if (inspector) {
      body.memberIds = values.getAll('memberIds').map(String);
    }
    const started = await post(`${path}/threads`, body, { key });
    key = newKey();
    go(`cases/${caseId}/messages/${started.thread.id}`);
  },
  inspector ? choiceGroup('memberIds', 'messages.to', members.members.filter((member) => !member.endedAt)
    .map((member) => [member.id, data('span', member.displayName)]), 'checkbox') : null,
  field('text', 'messages.text', { type: 'textarea', required: true, rows: 5, maxlength: 10000 }),
  fileField());
  fill(view, 
    heading(1, 'messages.title'),
    caseNav(caseId, 'messages', session.role),
    paragraph('messages.intro'),
    section('messages.threads', threads.threads.length === 0 ? paragraph('messages.none')
      : h('ul', { class: 'fl-cards' }, threads.threads.map((thread) => h('li', { class: 'fl-card' },
        h('a', { class: 'utrecht-link fl-strong', href: `#/cases/${caseId}/messages/${thread.id}` },
          t('messages.threadBy', { name: thread.startedBy.name, time: dateTime(thread.startedAt) })),
        h('p', { class: 'fl-meta' }, t('messages.with', {
          names: thread.participants.map((person) => person.name).join(', ') })),
        h('p', { class: 'fl-meta' }, t('messages.last', { time: dateTime(thread.lastMessageAt) })),
        thread.unreadCount > 0 ? h('p', { class: 'fl-badge' }, t('messages.unread', { count: thread.unreadCount }))
          : null)))),
    section(inspector ? 'messages.newThreadStaff' : 'messages.newThread', newThread));
  return 'messages.title';
}
