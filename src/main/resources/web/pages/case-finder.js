// Staff: find and sort my cases — by reference, phase, overdue, "waiting for me" (a member's message waits for the
// family inspector's answer) — by the date of the next update.
import { get } from '../lib/api.js';
import { choiceGroup, data, field, form, h, paragraph } from '../lib/dom.js';
import { date, t } from '../lib/i18n.js';

function caseItem(item, waiting) {
  return h('li', { class: 'fl-card' },
    h('a', { class: 'utrecht-link', href: `#/cases/${item.id}`, 'data-api': true },
      `${item.reference} · ${item.title}`),
    waiting.has(item.id) ? h('p', { class: 'utrecht-paragraph' },
      h('span', { class: 'fl-badge' }, t('finder.waitingBadge'))) : null,
    h('p', { class: 'utrecht-paragraph' }, t('cases.phase'), ' ', data('span', item.phaseTitle)),
    h('p', { class: item.updateOverdue ? 'utrecht-paragraph fl-overdue' : 'utrecht-paragraph' },
      t(item.updateOverdue ? 'cases.nextUpdateOverdue' : 'cases.nextUpdate', { date: date(item.nextUpdateBy) })));
}

function render(list, answer) {
  const waiting = new Set(answer.waitingForMe || []);
  list.replaceChildren(answer.cases.length === 0 ? paragraph('finder.none')
    : h('ul', { class: 'fl-cards' }, answer.cases.map((item) => caseItem(item, waiting))));
}

/** The finder's form and the list it fills (first with every case, soonest next update first). */
export async function caseFinder(session) {
  const [phases, all] = await Promise.all([get('/api/phases'), get('/api/cases')]);
  const list = h('div', { 'aria-live': 'polite', 'data-case-list': true });
  render(list, all);
  const finder = form('finder.submit', async (values) => {
    const query = new URLSearchParams();
    const reference = String(values.get('reference') || '').trim();
    if (reference) {
      query.set('reference', reference);
    }
    if (values.get('phase')) {
      query.set('phase', String(values.get('phase')));
    }
    values.getAll('only').forEach((only) => query.set(String(only), 'true'));
    query.set('sort', String(values.get('sort')));
    render(list, await get(`/api/cases?${query}`));
  },
  field('reference', 'finder.reference', { autocomplete: 'off', maxlength: 40 }),
  field('phase', 'finder.phase', { type: 'select', value: '',
    choices: [['', t('finder.anyPhase')]].concat(phases.phases.map((phase) => [phase.code, phase.title, true])) }),
  choiceGroup('only', 'finder.only', [['overdue', t('finder.overdue')]].concat(
    session.role === 'FAMILY_INSPECTOR' ? [['waiting', t('finder.waiting')]] : []), 'checkbox'),
  field('sort', 'finder.sort', { type: 'select', value: 'nextUpdateBy',
    choices: [['nextUpdateBy', t('finder.soonest')], ['-nextUpdateBy', t('finder.latest')]] }));
  return [finder, list];
}
