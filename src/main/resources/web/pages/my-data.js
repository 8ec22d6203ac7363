// A member's own data: one download of everything, and the request to be removed (with a second step that says
// who confirms it and what is erased), or the state of the request already made.
import { get, post } from '../lib/api.js';
import { alert, button, fill, h, heading, paragraph, section } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';
import { confirmStep } from './end-parts.js';

function exportPart() {
  return section('myData.exportTitle',
    paragraph('myData.exportIntro'),
    h('ul', { class: 'utrecht-unordered-list' }, ['myData.exportCases', 'myData.exportMessages',
      'myData.exportBriefings', 'myData.exportInterviews', 'myData.exportLog', 'myData.exportProfile']
      .map((key) => h('li', {}, t(key)))),
    paragraph('myData.exportFormat'),
    h('p', { class: 'utrecht-paragraph' }, h('a', { class: 'utrecht-link fl-strong', href: '/api/export',
      download: 'my-data.zip', id: 'export' }, t('myData.exportLink'))));
}

function removalPart(requests, done) {
  if (requests.length > 0) {
    return section('myData.removalTitle', alert('info',
      h('p', { class: 'utrecht-paragraph fl-strong' },
        t('myData.removalAsked', { time: dateTime(requests[0].requestedAt) })),
      paragraph('myData.removalWaiting')));
  }
  const ask = h('div', {}, button('myData.removalAsk', () => confirmStep(ask, {
    warning: [paragraph('myData.removalWho'), paragraph('myData.removalWhat'), paragraph('myData.removalKept'),
      h('p', { class: 'utrecht-paragraph fl-strong' }, t('myData.removalFinal'))],
    submitKey: 'myData.removalConfirm',
    backKey: 'myData.removalBack',
    onConfirm: async () => {
      await post('/api/removal-requests');
      done();
    },
  })));
  return section('myData.removalTitle', paragraph('myData.removalIntro'), ask);
}

export default async function myData({ view, go, notice }) {
  const list = await get('/api/removal-requests');
  fill(view,
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'myData.title'),
    paragraph('myData.intro'),
    exportPart(),
    removalPart(list.requests, () => go('my-data', 'myData.removalSent')));
  return 'myData.title';
}
