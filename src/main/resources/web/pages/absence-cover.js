// Absence and cover: a family inspector names a colleague who stands in while they are away (an administrator does
// it for any family inspector, approved by a second administrator); the substitute sees their cases and gets the families' message mails until the last
// day, and then it stops by itself.
import { del, get, newKey, post } from '../lib/api.js';
import { alert, button, field, fill, form, h, heading, paragraph, section } from '../lib/dom.js';
import { date, t } from '../lib/i18n.js';

function coverView(cover, reload) {
  return h('li', { class: 'fl-card' },
    h('p', { class: 'utrecht-paragraph fl-strong' }, t('absence.line', { substitute: cover.substitute.name,
      absent: cover.absent.name, from: date(cover.from), until: date(cover.until) })),
    cover.mayEnd ? button('absence.end', async () => {
      await del(`/api/absence-covers/${encodeURIComponent(cover.id)}`);
      reload('absence.ended');
    }) : null);
}

export default async function absenceCover({ view, session, go, notice }) {
  const [list, people] = await Promise.all([get('/api/absence-covers'), get('/api/absence-covers/substitutes')]);
  const admin = session.role === 'ADMIN';
  const reload = (message) => go('absence', message);
  const choices = people.substitutes.filter((person) => admin || person.id !== session.accountId)
    .map((person) => [person.id, person.name, true]);
  let key = newKey();
  fill(view,
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'absence.title'),
    paragraph(admin ? 'absence.introAdmin' : 'absence.intro'),
    section('absence.current', list.covers.length === 0 ? paragraph('absence.none')
      : h('ul', { class: 'fl-cards' }, list.covers.map((cover) => coverView(cover, reload)))),
    section('absence.new', form('absence.submit', async (values) => {
      const body = { substituteId: String(values.get('substituteId')), from: String(values.get('from')),
        until: String(values.get('until')) };
      if (admin) {
        body.absentId = String(values.get('absentId'));
      }
      // An administrator's cover waits for a second administrator: a substitute reaches case content.
      await post(admin ? '/api/absence-covers/requests' : '/api/absence-covers', body, { key });
      key = newKey();
      reload(admin ? 'absence.requested' : 'absence.saved');
    },
    admin ? field('absentId', 'absence.absent', { type: 'select', choices }) : null,
    field('substituteId', 'absence.substitute', { type: 'select', choices }),
    field('from', 'absence.from', { type: 'date', required: true }),
    field('until', 'absence.until', { type: 'date', required: true, hint: 'absence.untilHint' }))));
  return 'absence.title';
}
