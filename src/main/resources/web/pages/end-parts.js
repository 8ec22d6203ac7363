// What the pages for the end of an investigation share: the page's own refusals, and a second step before
// something that cannot be taken back.
import { Problem } from '../lib/api.js';
import { alert, button, form, h } from '../lib/dom.js';

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
