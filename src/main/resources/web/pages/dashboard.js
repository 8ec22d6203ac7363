// Staff: my cases, waiting messages, overdue updates, coming interviews, members to phone.
import { get, post } from '../lib/api.js';
import { alert, disclosure, field, form, h, heading, paragraph, fill, section } from '../lib/dom.js';
import { date, dateTime, t, time } from '../lib/i18n.js';
import { caseFinder } from './case-finder.js';
import { phoneLink } from './members-staff.js';

function list(items, render, emptyKey) {
  return items.length === 0 ? paragraph(emptyKey) : h('ul', { class: 'fl-cards' }, items.map((item) =>
    h('li', { class: 'fl-card' }, render(item))));
}

export default async function dashboard({ view, session, go, notice }) {
  const [board, coming, finder] = await Promise.all([get('/api/dashboard'), get('/api/appointments'),
    caseFinder(session)]);
  const phone = (item) => (item.phone ? h('p', { class: 'utrecht-paragraph' }, t('dashboard.phoneThem'), ' ',
    phoneLink(item.phone)) : null);
  const cases = new Map(board.cases.map((item) => [item.id, item]));
  const caseLink = (caseId, suffix = '') => h('a', { class: 'utrecht-link', href: `#/cases/${caseId}${suffix}`,
    'data-api': true }, cases.has(caseId) ? `${cases.get(caseId).reference} · ${cases.get(caseId).title}` : caseId);
  fill(view,
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'dashboard.title'),
    h('p', { class: 'utrecht-paragraph' }, t('dashboard.hello', { name: session.displayName })),
    h('div', { class: 'fl-dashboard' },
    section('dashboard.cases', board.cases.length === 0 ? paragraph('dashboard.noCases') : finder),
    section('dashboard.waiting', list(board.waitingThreads, (item) => [
      caseLink(item.caseId, `/messages/${item.threadId}`),
      h('p', { class: 'fl-meta' }, t('dashboard.waitingSince', { time: dateTime(item.waitingSince) }))],
    'dashboard.noWaiting')),
    section('dashboard.overdue', list(board.overdueUpdates, (item) => [
      caseLink(item.id),
      h('p', { class: 'utrecht-paragraph fl-overdue' }, t('dashboard.promised', { date: date(item.nextUpdateBy) }))],
    'dashboard.noOverdue')),
    section('dashboard.interviews', list(coming, (item) => [
      caseLink(item.caseId, '/interviews'),
      h('p', { class: 'utrecht-paragraph' }, t('interviews.span', { start: dateTime(item.start),
        end: time(item.end) })),
      h('p', { class: 'fl-meta' }, t(`mode.${item.mode}`))],
    'dashboard.noInterviews')),
    section('dashboard.unread', list(board.unreadUpdates, (item) => [
      caseLink(item.caseId),
      h('p', { class: 'utrecht-paragraph' }, t(item.callMember ? 'dashboard.callMember' : 'dashboard.notRead',
        { name: item.memberName, time: dateTime(item.postedAt) })), phone(item)],
    'dashboard.noUnread')),
    section('dashboard.failed', list(board.failedNotifications, (item) => [
      caseLink(item.caseId),
      h('p', { class: 'utrecht-paragraph' }, t('dashboard.mailFailed', { name: item.memberName,
        time: dateTime(item.since) })), phone(item)],
    'dashboard.noFailed'))),
    session.role === 'FAMILY_INSPECTOR' || session.role === 'ADMIN' ? disclosure('dashboard.open',
      form('dashboard.openSubmit', async (values) => {
        const opened = await post('/api/cases', { reference: String(values.get('reference')).trim(),
          title: String(values.get('title')).trim(), incidentDate: String(values.get('incidentDate')) });
        go(`cases/${opened.id}`);
      },
      field('reference', 'dashboard.reference', { required: true }),
      field('title', 'dashboard.caseTitle', { required: true, hint: 'dashboard.caseTitleHint' }),
      field('incidentDate', 'dashboard.incidentDate', { type: 'date', required: true }))) : null);
  return 'dashboard.title';
}
