// One thread, oldest message first, with read receipts on your own messages; reading it marks it read.
import { get, newKey, post } from '../lib/api.js';
import { caseNav, field, form, h, heading, link, fill } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { fileField, messageView, upload } from './message-parts.js';

export default async function thread({ view, params, session, go }) {
  const { caseId, threadId } = params;
  const path = `/api/cases/${encodeURIComponent(caseId)}/threads/${encodeURIComponent(threadId)}`;
  const list = h('ol', { class: 'fl-messages' });
  const older = h('p', { class: 'utrecht-paragraph' });
  async function page(cursor) {
    const answer = await get(`${path}/messages${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    list.prepend(...answer.messages.slice().reverse().map((message) => messageView(caseId, message)));
    older.replaceChildren(answer.nextCursor ? h('button', { type: 'button',
      class: 'utrecht-button utrecht-button--secondary-action',
      onclick: () => page(answer.nextCursor) }, t('thread.older')) : '');
  }
  await page(null);
  let key = newKey();
  fill(view, 
    heading(1, 'thread.title'),
    caseNav(caseId, 'messages', session.role),
    h('p', { class: 'utrecht-paragraph' }, link(`#/cases/${caseId}/messages`, 'thread.back')),
    older,
    list,
    h('section', { class: 'fl-section' }, h('h2', { class: 'utrecht-heading-2' }, t('thread.reply')),
      form('thread.send', async (values) => {
        const attachmentIds = await upload(caseId, values);
        await post(`${path}/messages`, { text: String(values.get('text')), attachmentIds }, { key });
        key = newKey();
        go(`cases/${caseId}/messages/${threadId}`);
      },
      field('text', 'thread.text', { type: 'textarea', required: true, rows: 5, maxlength: 10000 }),
      fileField())));
  await post(`${path}/read`).catch(() => null);
  return 'thread.title';
}
