// Administrators: check the audit trail's hash chain now, and see the result — when it was checked, how many events,
// intact or where it breaks and why. Nothing runs until asked: on a long trail the check takes a while.
import { get } from '../lib/api.js';
import { alert, button, data, fill, h, heading, paragraph, problemView } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';

// The reasons the service names, as translation keys.
const REASONS = {
  'content changed': 'contentChanged',
  'missing event': 'missingEvent',
  'chain hash mismatch / inserted or reordered': 'chainMismatch',
  'head file disagrees': 'headFileDisagrees',
  'head file missing': 'headFileMissing',
  'head file behind': 'headFileBehind',
  'purged event not empty': 'purgedNotEmpty',
  'purge not sealed in the chain': 'purgeUnaccounted',
};

function resultView(result) {
  const facts = h('ul', { class: 'utrecht-unordered-list' },
    h('li', {}, t('adminAudit.checkedAt', { time: dateTime(result.checkedAt) })),
    h('li', {}, t('adminAudit.checked', { count: result.checked })),
    h('li', {}, t('adminAudit.pending', { count: result.pending })));
  if (result.ok) {
    return [alert('ok', paragraph('adminAudit.intact')), facts];
  }
  const broken = result.firstBreak;
  const reason = REASONS[broken.reason];
  return [alert('error', paragraph('adminAudit.broken', { position: broken.position }),
    paragraph(reason ? `adminAudit.reason.${reason}` : 'adminAudit.reason.other'),
    broken.eventId ? h('p', { class: 'fl-meta' }, t('adminAudit.event'), ' ', data('code', broken.eventId)) : null,
    paragraph('adminAudit.brokenWhat')), facts];
}

export default async function adminAudit({ view }) {
  const result = h('div', { id: 'audit-result', role: 'status' });
  const check = async () => {
    result.replaceChildren(paragraph('adminAudit.running'));
    try {
      const found = await get('/api/audit/verification');
      result.replaceChildren();
      fill(result, resultView(found));
    } catch (error) {
      result.replaceChildren(problemView(error));
    }
  };
  fill(view,
    heading(1, 'adminAudit.title'),
    paragraph('adminAudit.intro'),
    button('adminAudit.check', check, 'primary-action', { id: 'audit-check' }),
    result);
  return 'adminAudit.title';
}
