// The header's language choice: every language of the service's list by its own name, in a disclosure (details and
// summary), so it works by keyboard (Tab, Enter), tells screen readers whether it is open, and fits a phone. Esc stays
// the quick exit while it is open: leaving fast matters more than closing a list.
import { h, languageName } from './dom.js';
import { current, languages, listed, t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A globe, the sign for "language" that needs no words (hidden from screen readers: the label says it). */
function globe() {
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  icon.setAttribute('class', 'fl-language__icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2c.9 1.2 1.7 2.8 2.1 5H9.9c.4-2.2 1.2-3.8 2.1-5Zm-2.6.4'
    + 'A12.6 12.6 0 0 0 7.9 9H4.8a8 8 0 0 1 4.6-4.6Zm5.2 0A8 8 0 0 1 19.2 9h-3.1a12.6 12.6 0 0 0-1.5-4.6ZM4.2 11h3.5a17 17 '
    + '0 0 0 0 2H4.2a8 8 0 0 1 0-2Zm5.5 0h4.6a15 15 0 0 1 0 2H9.7a15 15 0 0 1 0-2Zm6.6 0h3.5a8 8 0 0 1 0 2h-3.5a17 17 0 0 '
    + '0 0-2ZM4.8 15h3.1c.3 1.7.8 3.3 1.5 4.6A8 8 0 0 1 4.8 15Zm5.1 0h4.2c-.4 2.2-1.2 3.8-2.1 5-.9-1.2-1.7-2.8-2.1-5Zm6.2 '
    + '0h3.1a8 8 0 0 1-4.6 4.6c.7-1.3 1.2-2.9 1.5-4.6Z');
  path.setAttribute('fill', 'currentColor');
  icon.append(path);
  return icon;
}

/** A language whose texts no native speaker has checked yet says so, in its own words, under its name. */
function unreviewed(entry) {
  return entry.unreviewed ? h('span', { class: 'fl-language__unreviewed', lang: entry.code,
    dir: entry.direction, 'data-api': true }, entry.unreviewed) : null;
}

/**
 * Draws the choice into the header's details element (again after every change of language, so its label is in the
 * page's language); onChoose(code) is called with the language chosen.
 */
export function drawLanguageMenu(menu, onChoose) {
  const chosen = listed(current());
  const choices = languages().map((entry) => h('li', {},
    h('button', { type: 'button', class: 'fl-language__choice', 'data-language': entry.code,
      'aria-current': entry.code === chosen.code ? 'true' : null,
      onclick: () => {
        menu.open = false;
        if (entry.code !== current()) {
          onChoose(entry.code);
        }
      } }, languageName(entry), unreviewed(entry))));
  menu.replaceChildren(
    h('summary', { id: 'language', class: 'utrecht-button utrecht-button--subtle fl-language__toggle' },
      globe(), h('span', { class: 'fl-language__label' }, t('field.language')), h('span', { class: 'fl-language__current' },
        languageName(chosen))),
    h('ul', { class: 'fl-language__list', role: 'list' }, choices));
}

/** Closes the choice when the focus or a click goes elsewhere. */
export function closeWhenLeft(menu) {
  menu.addEventListener('focusout', (event) => {
    if (!menu.contains(event.relatedTarget)) {
      menu.open = false;
    }
  });
  document.addEventListener('click', (event) => {
    if (!menu.contains(event.target)) {
      menu.open = false;
    }
  });
}
