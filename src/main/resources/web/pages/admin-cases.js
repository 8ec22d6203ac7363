// Administrators: every case with its reference, phase, family inspector and next-update date — never its content.
// Filter by reference, phase and overdue; sort by the next-update date; open a case to see and change its staff.
import { get } from '../lib/api.js';
import { alert, data, field, fill, form, h, heading, ltr, paragraph } from '../lib/dom.js';
import { date, t } from '../lib/i18n.js';

// Kept while the app is open, so going back from a case shows the same selection.
const chosen = { reference: '', phase: '', overdue: false, sort: 'next-update' };

function query() {
  const params = new URLSearchParams({ sort: chosen.sort });
  if (chosen.reference) {
    params.set('reference', chosen.reference);
  }
  if (chosen.phase) {
    params.set('phase', chosen.phase);
  }
  if (chosen.overdue) {
    params.set('overdue', 'true');
  }
  return params.toString();
}

function row(item) {
  return h('tr', {},
    h('th', { scope: 'row' }, ltr(item.reference, 'a', { class: 'utrecht-link',
      href: `#/admin/cases/${item.id}` })),
    data('td', item.phaseTitle),
    item.familyInspector ? data('td', item.familyInspector.displayName) : h('td', {}, t('adminCases.noInspector')),
    h('td', { class: item.updateOverdue ? 'fl-overdue' : null }, h('time', { datetime: item.nextUpdateBy },
      date(item.nextUpdateBy)), item.updateOverdue ? ` ${t('adminCases.overdue')}` : ''),
    data('td', String(item.investigators)),
    h('td', {}, t(`adminCases.status.${item.status}`)));
}

function table(list) {
  return h('div', { class: 'fl-table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'cases-caption' },
    h('table', { class: 'fl-table' },
      h('caption', { id: 'cases-caption' }, t('adminCases.caption', { count: list.cases.length })),
      h('thead', {}, h('tr', {}, ['reference', 'phase', 'inspector', 'nextUpdate', 'investigators', 'status']
        .map((column) => h('th', { scope: 'col' }, t(`adminCases.column.${column}`))))),
      h('tbody', {}, list.cases.map(row))));
}

export default async function adminCases({ view, go, notice }) {
  const [list, phases] = await Promise.all([get(`/api/admin/cases?${query()}`), get('/api/phases')]);
  fill(view,
    notice ? alert('ok', paragraph(notice)) : null,
    heading(1, 'adminCases.title'),
    paragraph('adminCases.intro'),
    form('adminCases.filter', async (values) => {
      chosen.reference = String(values.get('reference') || '').trim();
      chosen.phase = String(values.get('phase') || '');
      chosen.overdue = values.get('overdue') === 'true';
      chosen.sort = String(values.get('sort'));
      go('admin/cases');
    },
    field('reference', 'adminCases.reference', { value: chosen.reference, maxlength: 40, autocomplete: 'off' }),
    field('phase', 'adminCases.phase', { type: 'select', value: chosen.phase,
      choices: [['', t('adminCases.anyPhase')]].concat(phases.phases.map((phase) => [phase.code, phase.title, true])) }),
    field('overdue', 'adminCases.overdueOnly', { type: 'select', value: chosen.overdue ? 'true' : 'false',
      choices: [['false', t('adminCases.allCases')], ['true', t('adminCases.onlyOverdue')]] }),
    field('sort', 'adminCases.sort', { type: 'select', value: chosen.sort,
      choices: [['next-update', t('adminCases.soonestFirst')], ['-next-update', t('adminCases.latestFirst')]] })),
    list.cases.length === 0 ? paragraph('adminCases.none') : table(list),
    list.more ? alert('info', paragraph('adminCases.more')) : null);
  return 'adminCases.title';
}
