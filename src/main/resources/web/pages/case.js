// A case's timeline: where the investigation stands, what happens next, when the next update comes, the updates
// (corrections next to the original). Members' unread updates are marked read once shown; the family inspector
// also gets the tools to post, correct, promise the next update and manage members (case-staff.js).
import { get, post } from '../lib/api.js';
import { alert, caseNav, data, fill, h, heading, ltr, section } from '../lib/dom.js';
import { date, dateTime, t } from '../lib/i18n.js';
import { accessNotice } from './end-parts.js';

function phaseBlock(phase, titleKey) {
  return section(titleKey,
    data('p', phase.title, { class: 'utrecht-paragraph fl-phase-title' }),
    data('p', phase.whatHappens, { class: 'utrecht-paragraph' }),
    h('p', { class: 'utrecht-paragraph' }, t('timeline.usualDuration'), ' ', data('span', phase.usualDuration)),
    h('h3', { class: 'utrecht-heading-3' }, t('timeline.whatYouCanDo')),
    data('p', phase.whatYouCanDo, { class: 'utrecht-paragraph' }));
}

/** An update's text with its https addresses as links (publication puts the public report's address there). */
function withLinks(text) {
  return h('p', { class: 'utrecht-paragraph fl-text', 'data-api': true }, text.split(/(https:\/\/[^\s<>"]+)/)
    .map((part, i) => (i % 2 === 1 ? h('a', { class: 'utrecht-link', href: part, rel: 'noopener noreferrer' }, part)
      : part)));
}

function entryView(entry, session, staffTools) {
  const isNew = session.role === 'MEMBER' && entry.read === false;
  return h('li', { class: entry.withdrawnAt ? 'fl-card fl-update fl-withdrawn' : 'fl-card fl-update',
    id: `update-${entry.id}` },
    h('h3', { class: 'utrecht-heading-3' }, isNew ? h('span', { class: 'fl-badge' }, t('timeline.new')) : null,
      data('span', entry.phaseTitle)),
    h('p', { class: 'fl-meta' }, t('timeline.postedBy', { author: entry.author, date: dateTime(entry.postedAt) })),
    withLinks(entry.text),
    entry.corrections.map((correction) => h('div', { class: 'fl-correction' },
      h('p', { class: 'utrecht-paragraph' }, h('strong', {}, t('timeline.correction'))),
      h('p', { class: 'fl-meta' },
        t('timeline.postedBy', { author: correction.author, date: dateTime(correction.postedAt) })),
      data('p', correction.text, { class: 'utrecht-paragraph fl-text' }))),
    staffTools ? staffTools.entryTools(entry) : null);
}

export default async function timeline({ view, params, session, go }) {
  const caseId = params.caseId;
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const timelineData = await get(`${path}/timeline`);
  const inspector = session.role === 'FAMILY_INSPECTOR';
  const staffTools = inspector
    ? await (await import('./case-staff.js')).tools(caseId, timelineData, () => go(`cases/${caseId}`)) : null;
  // Staff notes: for the case's family inspector and investigators only, never for members.
  const notes = session.role === 'FAMILY_INSPECTOR' || session.role === 'INVESTIGATOR'
    ? await (await import('./notes-staff.js')).notesSection(path) : null;
  const investigation = timelineData.investigation;
  fill(view, 
    heading(1, 'timeline.title'),
    data('p', [investigation.title, ' · ', ltr(investigation.reference)], { class: 'fl-meta' }),
    caseNav(caseId, 'timeline', session.role),
    await accessNotice(path, session, investigation),
    section('timeline.nextUpdateTitle',
      h('p', { class: 'utrecht-paragraph' }, t('timeline.nextUpdateBy', { date: date(timelineData.nextUpdateBy) })),
      timelineData.updateOverdue
        ? alert('warning', h('p', { class: 'utrecht-paragraph' }, t('timeline.overdue'))) : null,
      staffTools ? staffTools.nextUpdateForm() : null),
    phaseBlock(timelineData.currentPhase, 'timeline.now'),
    timelineData.nextPhase ? phaseBlock(timelineData.nextPhase, 'timeline.next')
      : section('timeline.next', h('p', { class: 'utrecht-paragraph' }, t('timeline.lastPhase'))),
    staffTools ? staffTools.postForm() : null,
    section('timeline.updates',
      timelineData.entries.length === 0 ? h('p', { class: 'utrecht-paragraph' }, t('timeline.noUpdates'))
        : h('ol', { class: 'fl-cards' }, timelineData.entries.map((entry) => entryView(entry, session, staffTools)))),
    staffTools ? staffTools.membersSection() : null,
    notes);
  if (session.role === 'MEMBER') {
    // Shown is read: the family inspector sees who has read what.
    await Promise.all(timelineData.entries.filter((entry) => entry.read === false)
      .map((entry) => post(`${path}/updates/${entry.id}/read`).catch(() => null)));
  }
  return 'timeline.title';
}
