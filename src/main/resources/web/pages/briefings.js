// A member's briefings: the report shared before it is public. Under embargo it says until when; before the file
// opens, a calm warning offers to open it now or to have it explained in a meeting. Factual remarks until the
// deadline; afterwards the public link.
import { get, post } from '../lib/api.js';
import { alert, caseNav, data, field, fill, form, h, heading, paragraph, section } from '../lib/dom.js';
import { date, dateTime, t } from '../lib/i18n.js';
import { accessNotice, invalid } from './end-parts.js';

function publicState(briefing) {
  if (briefing.embargoed) {
    return h('p', { class: 'utrecht-paragraph fl-strong fl-embargo' },
      t('briefing.embargo', { date: date(briefing.publicationDate) }));
  }
  return h('p', { class: 'utrecht-paragraph' }, t('briefing.published', { time: dateTime(briefing.publishedAt) }), ' ',
    h('a', { class: 'utrecht-link', href: briefing.publicUrl, rel: 'noopener noreferrer', 'data-api': true },
      briefing.publicUrl));
}

function documentLink(one, briefing) {
  return h('a', { class: 'utrecht-link', href: `${one}/document`, download: briefing.document.name,
    'data-download': true }, t('briefing.download', { name: briefing.document.name }));
}

/** Opened: the file. Not yet: the warning and the two choices (a meeting request keeps "open it now" open). */
function documentPart(one, briefing, reload) {
  if (!briefing.document) {
    return null;
  }
  const asked = briefing.meetingRequestedAt
    ? h('p', { class: 'utrecht-paragraph' }, t('briefing.meetingAsked', { time: dateTime(briefing.meetingRequestedAt) }))
    : null;
  if (briefing.openedAt) {
    return [h('p', { class: 'utrecht-paragraph' }, documentLink(one, briefing)), asked];
  }
  // Forms, so a failed request shows its problem next to the choice.
  const open = form('briefing.openNow', async () => {
    await post(`${one}/opening`);
    // The download starts at once; the page drawn again keeps the link for later.
    documentLink(one, briefing).click();
    reload('briefing.openedNotice');
  });
  const meeting = asked || form('briefing.meetingChoice', async () => {
      await post(`${one}/meeting-request`);
      reload('briefing.meetingNotice');
    });
  return alert('warning',
    h('p', { class: 'utrecht-paragraph fl-strong' }, t('briefing.warningTitle')),
    paragraph('briefing.warning'),
    paragraph('briefing.warningChoice'),
    open, meeting);
}

function remarksPart(one, briefing, reload) {
  const own = briefing.remarks.length === 0 ? null
    : h('ul', { class: 'fl-cards' }, briefing.remarks.map((remark) => h('li', { class: 'fl-card' },
      h('p', { class: 'fl-meta' }, t('briefing.remarkSent', { time: dateTime(remark.postedAt) })),
      data('p', remark.text, { class: 'utrecht-paragraph fl-text' }))));
  if (!briefing.remarksOpen) {
    return [h('h3', { class: 'utrecht-heading-3' }, t('briefing.remarks')),
      paragraph('briefing.remarksClosed', { time: dateTime(briefing.remarksUntil) }), own];
  }
  return [h('h3', { class: 'utrecht-heading-3' }, t('briefing.remarks')),
    paragraph('briefing.remarksIntro', { time: dateTime(briefing.remarksUntil) }), own,
    form('briefing.remarkSubmit', async (values) => {
      const text = String(values.get('text') || '').trim();
      if (!text) {
        throw invalid('text');
      }
      await post(`${one}/remarks`, { text });
      reload('briefing.remarkNotice');
    }, field('text', 'briefing.remarkField', { type: 'textarea', rows: 5, required: true, maxlength: 5000,
      hint: 'briefing.remarkHint' }))];
}

function briefingView(path, briefing, reload) {
  const one = `${path}/briefings/${encodeURIComponent(briefing.id)}`;
  return h('li', { class: 'fl-card', id: `briefing-${briefing.id}` },
    h('h2', { class: 'utrecht-heading-2' }, t('briefing.heading', { date: date(briefing.publicationDate) })),
    publicState(briefing),
    briefing.note ? [paragraph('briefing.noteFrom'), data('p', briefing.note, { class: 'utrecht-paragraph fl-text' })]
      : null,
    documentPart(one, briefing, reload),
    remarksPart(one, briefing, reload));
}

export default async function briefings({ view, params, session, go, notice }) {
  const caseId = params.caseId;
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const [list, investigation] = await Promise.all([get(`${path}/briefings`), get(path)]);
  const reload = (key) => go(`cases/${caseId}/briefings`, key);
  fill(view,
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'briefing.title'),
    caseNav(caseId, 'briefings', session.role),
    await accessNotice(path, session, investigation),
    paragraph('briefing.intro'),
    list.briefings.length === 0 ? paragraph('briefing.none')
      : h('ul', { class: 'fl-cards' }, list.briefings.map((briefing) => briefingView(path, briefing, reload))));
  return 'briefing.title';
}
