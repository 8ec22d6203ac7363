// My language and mail: on or off, how much, and quiet hours in which mail waits until morning.
import { get, put } from '../lib/api.js';
import { alert, choiceGroup, field, form, heading, languageName, paragraph, fill } from '../lib/dom.js';
import { languages, t } from '../lib/i18n.js';

const LEVELS = ['EVERYTHING', 'MILESTONES', 'APPOINTMENTS'];

export default async function preferences({ view, go, notice }) {
  const current = await get('/api/preferences');
  const quietStart = field('quietStart', 'preferences.quietStart', { type: 'time', value: current.quietHours.start,
    required: true });
  const quietEnd = field('quietEnd', 'preferences.quietEnd', { type: 'time', value: current.quietHours.end,
    required: true });
  fill(view, 
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'preferences.title'),
    paragraph('preferences.intro'),
    form('preferences.save', async (values) => {
      await put('/api/preferences', {
        language: String(values.get('language')),
        mailEnabled: values.get('mailEnabled') === 'yes',
        detailLevel: String(values.get('detailLevel')),
        quietHours: { start: String(values.get('quietStart')), end: String(values.get('quietEnd')) },
      });
      go('preferences', 'preferences.saved');
    },
    choiceGroup('language', 'preferences.language', languages().map((entry) =>
      [entry.code, languageName(entry), current.language === entry.code])),
    choiceGroup('mailEnabled', 'preferences.mail', [['yes', t('preferences.mailOn'), current.mailEnabled],
      ['no', t('preferences.mailOff'), !current.mailEnabled]]),
    choiceGroup('detailLevel', 'preferences.detail', LEVELS.map((level) =>
      [level, t(`preferences.detail.${level}`), current.detailLevel === level])),
    paragraph('preferences.quietIntro'),
    quietStart, quietEnd));
  return 'preferences.title';
}
