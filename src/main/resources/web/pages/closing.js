// The family inspector closes a case: the closing update goes to every member, who keep reading the case and
// writing messages during the aftercare period and then lose access. A second step says so before it happens.
import { get, post } from '../lib/api.js';
import { alert, caseNav, data, field, fill, form, h, heading, ltr, paragraph, section } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';
import { confirmStep, invalid } from './end-parts.js';

function closed(investigation) {
  return section('closing.closedTitle', alert('ok',
    h('p', { class: 'utrecht-paragraph' }, t('closing.closedOn', { time: dateTime(investigation.closedAt) })),
    h('p', { class: 'utrecht-paragraph' }, t('closing.accessUntil', { time: dateTime(investigation.accessEndsAt) }))));
}

function closeForm(path, reload) {
  const first = form('closing.review', async (values) => {
    const text = String(values.get('text') || '').trim();
    if (!text) {
      throw invalid('text');
    }
    confirmStep(first, {
      warning: [paragraph('closing.warning'), paragraph('closing.warningAfter'), paragraph('closing.yourText'),
        data('p', text, { class: 'utrecht-paragraph fl-text' })],
      submitKey: 'closing.confirmSubmit',
      backKey: 'closing.back',
      onConfirm: async () => {
        await post(`${path}/closing`, { text });
        reload();
      },
    });
  },
  field('text', 'closing.text', { type: 'textarea', rows: 8, required: true, maxlength: 10000,
    hint: 'closing.textHint' }));
  return section('closing.closeTitle', paragraph('closing.intro'), first);
}

export default async function closing({ view, params, session, go }) {
  const caseId = params.caseId;
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const investigation = await get(path);
  fill(view,
    heading(1, 'closing.title'),
    data('p', [investigation.title, ' · ', ltr(investigation.reference)], { class: 'fl-meta' }),
    caseNav(caseId, 'closing', session.role),
    investigation.status === 'CLOSED' ? closed(investigation) : closeForm(path, () => go(`cases/${caseId}/closing`)));
  return 'closing.title';
}
