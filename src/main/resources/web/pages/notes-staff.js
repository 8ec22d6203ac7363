// Staff-only notes on a case (its family inspector and investigators): newest first with author and time, and a
// short form to add one. Family members never see them.
import { get, newKey, post } from '../lib/api.js';
import { data, field, form, h, paragraph, section } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';

export async function notesSection(path) {
  const list = h('ol', { class: 'fl-cards', 'data-notes': true });
  const none = paragraph('notes.none');
  async function show() {
    const notes = (await get(`${path}/notes`)).notes;
    none.hidden = notes.length > 0;
    list.replaceChildren(...notes.map((note) => h('li', { class: 'fl-card' },
      h('p', { class: 'fl-meta' }, t('notes.by', { author: note.author, time: dateTime(note.writtenAt) })),
      data('p', note.text, { class: 'utrecht-paragraph fl-text' }))));
  }
  await show();
  let key = newKey();
  const write = form('notes.submit', async (values, element) => {
    await post(`${path}/notes`, { text: String(values.get('text')) }, { key });
    key = newKey();
    element.reset();
    await show();
  }, field('text', 'notes.text', { type: 'textarea', required: true, rows: 3, maxlength: 4000,
    hint: 'notes.hint' }));
  return section('notes.title', paragraph('notes.intro'), write, none, list);
}
