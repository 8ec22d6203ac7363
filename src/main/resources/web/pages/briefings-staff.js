// The family inspector's briefings of a case: share the report (or a summary) with chosen members before it is
// public, see who opened it, every remark and who would rather have it explained in a meeting (book that meeting as
// an interview proposal for that member and link it), and publish it with the public report's https address.
import { get, newKey, post, put } from '../lib/api.js';
import {
  alert, caseNav, choiceGroup, data, disclosure, field, fill, form, h, heading, paragraph, section,
} from '../lib/dom.js';
import { amsterdamToInstant, date, dateTime, t } from '../lib/i18n.js';
import { invalid } from './end-parts.js';
import { proposalFields, propose } from './interview-staff.js';

function shareForm(path, members, reload) {
  let key = newKey();
  const file = field('file', 'staffBriefing.file', { type: 'file', required: true, hint: 'staffBriefing.fileHint' });
  file.querySelector('input').accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
  // One key per chosen file: sending again after a refused briefing reuses the upload instead of storing it twice.
  file.querySelector('input').addEventListener('change', () => {
    key = newKey();
  });
  return section('staffBriefing.share', form('staffBriefing.shareSubmit', async (values) => {
    const chosen = values.get('file');
    if (!(chosen instanceof File) || chosen.size === 0) {
      throw invalid('file');
    }
    const remarksUntil = String(values.get('remarksUntil') || '');
    const stored = await post(`${path}/attachments`, chosen, { key, fileName: chosen.name });
    const body = { attachmentId: stored.id, memberIds: values.getAll('memberIds').map(String),
      publicationDate: String(values.get('publicationDate') || ''),
      remarksUntil: remarksUntil ? amsterdamToInstant(remarksUntil) : '' };
    const note = String(values.get('note') || '').trim();
    if (note) {
      body.note = note;
    }
    await post(`${path}/briefings`, body);
    key = newKey();
    reload();
  },
  paragraph('staffBriefing.shareIntro'),
  file,
  members.length ? choiceGroup('memberIds', 'staffBriefing.whom', members.map((member) =>
    [member.id, data('span', member.displayName), false]), 'checkbox') : paragraph('staffBriefing.noMembers'),
  field('publicationDate', 'staffBriefing.publicationDate', { type: 'date', required: true }),
  field('remarksUntil', 'staffBriefing.remarksUntilField', { type: 'datetime-local', required: true,
    hint: 'staffBriefing.remarksUntilHint' }),
  field('note', 'staffBriefing.note', { type: 'textarea', rows: 3, maxlength: 2000, hint: 'staffBriefing.noteHint' })));
}

/** A meeting request: booked (with a link to the interviews) or a proposal form for this member alone. */
function meeting(caseId, path, briefing, recipient, reload) {
  if (!recipient.meetingRequestedAt) {
    return null;
  }
  const asked = h('p', { class: 'utrecht-paragraph fl-strong' },
    t('staffBriefing.meetingAsked', { time: dateTime(recipient.meetingRequestedAt) }));
  if (recipient.meetingProposalId) {
    return [asked, h('p', { class: 'utrecht-paragraph' }, t('staffBriefing.meetingBooked'), ' ',
      h('a', { class: 'utrecht-link', href: `#/cases/${caseId}/interviews` }, t('staffBriefing.toInterviews')))];
  }
  let key = newKey();
  return [asked, disclosure('staffBriefing.bookMeeting', form('staffBriefing.bookSubmit', async (values) => {
    const proposal = await propose(caseId, values, [recipient.memberId], key);
    key = newKey();
    await put(`${path}/briefings/${briefing.id}/meetings/${encodeURIComponent(recipient.memberId)}`,
      { proposalId: proposal.id });
    reload();
  },
  h('p', { class: 'utrecht-paragraph' }, t('staffBriefing.bookFor'), ' ', data('span', recipient.name)),
  proposalFields()))];
}

function recipientView(caseId, path, briefing, recipient, reload) {
  return h('li', { class: 'fl-card' },
    data('p', recipient.name, { class: 'utrecht-paragraph fl-strong' }),
    h('p', { class: 'utrecht-paragraph' }, recipient.openedAt
      ? t('staffBriefing.openedAt', { time: dateTime(recipient.openedAt) }) : t('staffBriefing.notOpened')),
    meeting(caseId, path, briefing, recipient, reload));
}

function publishForm(path, briefing, reload) {
  return disclosure('staffBriefing.publish', form('staffBriefing.publishSubmit', async (values) => {
    const publicUrl = String(values.get('publicUrl') || '').trim();
    if (!/^https:\/\/[^\s/]+/i.test(publicUrl)) {
      throw invalid('publicUrl');
    }
    const text = String(values.get('text') || '').trim();
    await post(`${path}/briefings/${briefing.id}/publication`, text ? { publicUrl, text } : { publicUrl });
    reload();
  },
  paragraph('staffBriefing.publishIntro'),
  field('publicUrl', 'staffBriefing.publicUrl', { type: 'url', required: true, inputmode: 'url',
    hint: 'staffBriefing.publicUrlHint' }),
  field('text', 'staffBriefing.publishText', { type: 'textarea', rows: 3, hint: 'staffBriefing.publishTextHint' })));
}

function briefingView(caseId, path, briefing, reload) {
  const remarks = briefing.remarks;
  return h('li', { class: 'fl-card', id: `briefing-${briefing.id}` },
    h('h3', { class: 'utrecht-heading-3' },
      t('staffBriefing.heading', { date: date(briefing.publicationDate) })),
    briefing.embargoed ? h('p', { class: 'fl-strong' }, t('staffBriefing.embargoed'))
      : h('p', { class: 'utrecht-paragraph' }, t('staffBriefing.published', { time: dateTime(briefing.publishedAt) }),
        ' ', h('a', { class: 'utrecht-link', href: briefing.publicUrl, rel: 'noopener noreferrer', 'data-api': true },
          briefing.publicUrl)),
    briefing.document ? h('p', { class: 'utrecht-paragraph' }, t('staffBriefing.document'), ' ',
      h('a', { class: 'utrecht-link', href: `${path}/briefings/${briefing.id}/document`, download: briefing.document.name,
        'data-api': true }, briefing.document.name)) : null,
    briefing.note ? data('p', briefing.note, { class: 'utrecht-paragraph fl-text' }) : null,
    h('p', { class: 'fl-meta' }, t(briefing.remarksOpen ? 'staffBriefing.remarksOpen' : 'staffBriefing.remarksClosed',
      { time: dateTime(briefing.remarksUntil) })),
    h('h4', { class: 'utrecht-heading-4' }, t('staffBriefing.recipients')),
    h('ul', { class: 'fl-cards' }, briefing.recipients.map((recipient) =>
      recipientView(caseId, path, briefing, recipient, reload))),
    h('h4', { class: 'utrecht-heading-4' }, t('staffBriefing.remarks')),
    remarks.length === 0 ? paragraph('staffBriefing.noRemarks')
      : h('ul', { class: 'fl-cards' }, remarks.map((remark) => h('li', { class: 'fl-card' },
        h('p', { class: 'fl-meta' }, t('staffBriefing.remarkBy', { name: remark.name, time: dateTime(remark.postedAt) })),
        data('p', remark.text, { class: 'utrecht-paragraph fl-text' })))),
    briefing.embargoed ? publishForm(path, briefing, reload) : null);
}

export default async function briefings({ view, params, session, go, notice }) {
  const caseId = params.caseId;
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const [list, memberList] = await Promise.all([get(`${path}/briefings`), get(`${path}/members`)]);
  const reload = () => go(`cases/${caseId}/staff-briefings`);
  const members = memberList.members.filter((member) => !member.endedAt);
  fill(view,
    notice ? alert('error', paragraph(notice)) : null,
    heading(1, 'staffBriefing.title'),
    caseNav(caseId, 'staffBriefings', session.role),
    paragraph('staffBriefing.intro'),
    section('staffBriefing.list', list.briefings.length === 0 ? paragraph('staffBriefing.none')
      : h('ul', { class: 'fl-cards' }, list.briefings.map((briefing) => briefingView(caseId, path, briefing, reload)))),
    shareForm(path, members, reload));
  return 'staffBriefing.title';
}
