// A member's feedback or complaint: it goes to the Inspectorate's complaints desk, not to their family inspector.
import { post } from '../lib/api.js';
import { alert, button, choiceGroup, field, fill, form, h, heading, paragraph } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';
import { invalid } from './end-parts.js';

function receipt(sent) {
  return alert('ok',
    h('p', { class: 'utrecht-paragraph fl-strong' }, t('feedback.received', { reference: sent.reference })),
    h('p', { class: 'utrecht-paragraph' }, t('feedback.receivedAt', { time: dateTime(sent.receivedAt) })),
    paragraph('feedback.whereItGoes'));
}

export default async function feedback({ view, go }) {
  const sendForm = form('feedback.submit', async (values) => {
    const text = String(values.get('text') || '').trim();
    if (!text) {
      throw invalid('text');
    }
    const sent = await post('/api/feedback', { kind: String(values.get('kind')), about: String(values.get('about')),
      text });
    // In place of the form, so a second click cannot send it twice.
    const note = receipt(sent);
    note.tabIndex = -1;
    sendForm.replaceWith(note, button('feedback.another', () => go('feedback')));
    note.focus();
  },
  choiceGroup('kind', 'feedback.kind', [['FEEDBACK', t('feedback.kind.FEEDBACK'), true],
    ['COMPLAINT', t('feedback.kind.COMPLAINT'), false]]),
  choiceGroup('about', 'feedback.about', [['SERVICE', t('feedback.about.SERVICE'), true],
    ['FAMILY_LIAISON', t('feedback.about.FAMILY_LIAISON'), false]]),
  field('text', 'feedback.text', { type: 'textarea', rows: 6, required: true, maxlength: 5000,
    hint: 'feedback.textHint' }));
  fill(view,
    heading(1, 'feedback.title'),
    paragraph('feedback.intro'),
    paragraph('feedback.notInspector'),
    sendForm);
  return 'feedback.title';
}
