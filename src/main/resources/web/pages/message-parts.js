// What the messages pages share: the file field, uploading the chosen files, one message with its receipts.
import { newKey, post } from '../lib/api.js';
import { data, field, h } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';

export function fileField() {
  const wrapper = field('files', 'messages.files', { type: 'file', hint: 'messages.filesHint' });
  const input = wrapper.querySelector('input');
  input.multiple = true;
  input.accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
  return wrapper;
}

/** Uploads the chosen files (each with its own Idempotency-Key) and answers their ids. */
export async function upload(caseId, values) {
  const files = values.getAll('files').filter((file) => file instanceof File && file.size > 0);
  const ids = [];
  for (const file of files) {
    const stored = await post(`/api/cases/${encodeURIComponent(caseId)}/attachments`, file,
      { key: newKey(), fileName: file.name });
    ids.push(stored.id);
  }
  return ids;
}

export function messageView(caseId, message) {
  const receipts = message.readBy || [];
  return h('li', { class: message.mine ? 'fl-message fl-message--mine' : 'fl-message' },
    h('p', { class: 'fl-meta' },
      t(message.mine ? 'messages.youWrote' : 'messages.wrote', { name: message.author.name,
        time: dateTime(message.postedAt) })),
    message.onBehalfOf ? h('p', { class: 'fl-meta' }, t('messages.onBehalfOf', { name: message.onBehalfOf }))
      : null,
    data('p', message.text, { class: 'utrecht-paragraph fl-text' }),
    message.attachments.length ? h('ul', { class: 'fl-attachments', 'aria-label': t('messages.attachments') },
      message.attachments.map((file) => h('li', {},
        h('a', { class: 'utrecht-link', href: `/api/cases/${encodeURIComponent(caseId)}/attachments/${file.id}`,
          download: file.name, 'data-api': true }, file.name)))) : null,
    message.mine ? h('p', { class: 'fl-meta fl-receipt' }, receipts.length === 0 ? t('messages.notReadYet')
      : t('messages.readBy', { names: receipts.map((receipt) =>
        t('messages.readByOne', { name: receipt.reader.name, time: dateTime(receipt.readAt) })).join('; ') }))
      : null);
}
