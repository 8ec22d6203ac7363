// What the pages for the end of an investigation share: the page's own refusals, a second step before
// something that cannot be taken back, and the notice on a closed case.
import { get, Problem } from '../lib/api.js';
import { alert, button, form, h } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';

/** A refusal of the page itself, shown the way the service's 400 answers are (the service checks again). */
export function invalid(name) {
  return new Problem(400, { code: 'invalid-input', errors: [{ field: name }] });
}

/**
 * Puts in place of `first` (the first step, kept as it was for Back) what will happen and a form that does it.
 * The warning takes the focus, so a screen reader reads it before the button.
 */
export function confirmStep(first, { warning, submitKey, backKey, onConfirm }) {
  const place = first.parentElement;
  const note = alert('warning', warning);
  note.tabIndex = -1;
  const second = h('div', { class: 'fl-confirm' }, note, form(submitKey, onConfirm),
    button(backKey, () => {
      second.replaceWith(first);
      first.querySelector('button, input, textarea').focus();
    }));
  place.replaceChild(second, first);
  note.focus();
}

/**
 * For a member on a closed case: until when they can still see it and write messages (the aftercare period).
 * Answers null for staff and for an open case; `investigation` saves a request when the page has the case already.
 */
export async function accessNotice(path, session, investigation) {
  if (session.role !== 'MEMBER') {
    return null;
  }
  const found = investigation || await get(path);
  if (found.status !== 'CLOSED') {
    return null;
  }
  return alert('info', h('p', { class: 'utrecht-paragraph fl-strong' },
    t('closedCase.accessEnds', { date: dateTime(found.accessEndsAt) })),
  h('p', { class: 'utrecht-paragraph' }, t('closedCase.stillMessages')));
}
