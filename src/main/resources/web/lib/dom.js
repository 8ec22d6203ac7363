// Small builders for NL Design System markup. Text nodes come from t() or, marked data-api, from the service.
import { dateTime, direction, has, languages, t, time, tOr } from './i18n.js';

let ids = 0;

/** An element: h('p', { class: 'x' }, child, …). Attributes false/null are left out; on* become listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

/** Appends the children that are there (null, undefined and false are left out, unlike Element.append). */
export function fill(parent, ...children) {
  parent.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
}

/** An instant as a date and time in Amsterdam, in a time element (machine-readable too). */
export function when(instant) {
  return h('time', { datetime: instant }, dateTime(instant));
}

/**
 * Text that comes from the service (names, messages, phase texts, dates): never looked up in a translation file.
 * Its direction is its own (dir=auto: an Arabic name reads right to left in a Dutch page, a reference left to right in
 * an Arabic one) and it is isolated from the text around it.
 */
export function data(tag, text, attributes = {}) {
  return h(tag, { dir: 'auto', ...attributes, 'data-api': true }, text);
}

/**
 * A value that is always read left to right (a number, phone number, e-mail address, case reference), isolated so
 * that in a right-to-left page it keeps its order and does not move the words around it.
 */
export function ltr(text, tag = 'bdi', attributes = {}) {
  return h(tag, { ...attributes, dir: 'ltr', class: ['fl-ltr', attributes.class].filter(Boolean).join(' '),
    'data-api': true }, text);
}

/** A language's own name (from the service's list), marked with its language and direction. */
export function languageName(entry, tag = 'span') {
  return h(tag, { lang: entry.code, dir: direction(entry), 'data-api': true }, entry.name);
}

export function nextId(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

export function heading(level, key, values) {
  return h(`h${level}`, { class: `utrecht-heading-${level}`, tabindex: level === 1 ? '-1' : null }, t(key, values));
}

export function paragraph(key, values, attributes = {}) {
  return h('p', { class: 'utrecht-paragraph', ...attributes }, t(key, values));
}

export function link(href, key, values, attributes = {}) {
  return h('a', { class: 'utrecht-link', href, ...attributes }, t(key, values));
}

export function button(key, onclick, variant = 'secondary-action', attributes = {}) {
  return h('button', { type: 'button', class: `utrecht-button utrecht-button--${variant}`, onclick, ...attributes },
    t(key));
}

export function alert(kind, ...children) {
  return h('div', { class: `utrecht-alert utrecht-alert--${kind}` }, children);
}

/**
 * A problem+json answer in words: what went wrong (by its code) and which fields were not accepted. A page may name
 * its own fields under <namespace>.field.<name>; otherwise the shared field.<name> names them.
 */
export function problemView(error, namespace) {
  const code = error && error.code ? error.code : 'unknown';
  const fields = (error && error.errors) || [];
  const own = (name) => `${namespace}.field.${name}`;
  return alert('error',
    h('p', { class: 'utrecht-paragraph' }, tOr(`problem.${code}`, 'problem.unknown')),
    error && error.retryAt ? h('p', { class: 'utrecht-paragraph fl-strong' }, retryText(error.retryAt)) : null,
    fields.length ? h('ul', { class: 'utrecht-unordered-list' },
      fields.map((field) => h('li', {}, namespace && has(own(field.field)) ? t(own(field.field))
        : tOr(`field.${field.field}`, 'field.unknown')))) : null,
    error && error.requestId ? h('p', { class: 'fl-meta' }, t('problem.reference', { id: error.requestId })) : null);
}

/** When to try again after a 429: a time, and the seconds when it is within the minute. */
function retryText(at) {
  const seconds = Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000));
  if (seconds < 60) {
    return t('problem.retryIn', { seconds });
  }
  return t('problem.retryAt', { time: seconds < 86_400 ? time(at.toISOString()) : dateTime(at.toISOString()) });
}

/**
 * A labelled form field: input, textarea or select (choices: [value, text, whether the text is the service's, and
 * the text's language when it is not the page's]).
 */
export function field(name, labelKey, options = {}) {
  const id = nextId(name);
  const hintId = options.hint ? `${id}-hint` : null;
  const common = { id, name, required: options.required, 'aria-describedby': hintId };
  let control;
  if (options.type === 'textarea') {
    control = h('textarea', { ...common, class: 'utrecht-textarea', rows: options.rows || 4,
      maxlength: options.maxlength });
  } else if (options.type === 'select') {
    control = h('select', { ...common, class: 'utrecht-select' },
      options.choices.map(([value, text, fromService, lang]) => h('option',
        { value, selected: value === options.value, 'data-api': fromService, lang }, text)));
  } else {
    control = h('input', { ...common, class: 'utrecht-textbox', type: options.type || 'text',
      autocomplete: options.autocomplete, inputmode: options.inputmode, value: options.value, min: options.min,
      step: options.step, maxlength: options.maxlength });
  }
  return h('div', { class: 'utrecht-form-field' },
    h('label', { class: 'utrecht-form-label', for: id }, t(labelKey)),
    hintId ? h('p', { class: 'utrecht-form-field-description', id: hintId }, t(options.hint)) : null,
    control);
}

/** A choice of one of the service's languages, each by its own name (Dutch, the first, unless told otherwise). */
export function languageField(name, labelKey, value = languages()[0].code) {
  return field(name, labelKey, { type: 'select', value,
    choices: languages().map((entry) => [entry.code, entry.name, true, entry.code]) });
}

/** A group of radio buttons or checkboxes with a legend. choices: [value, text node or string, checked]. */
export function choiceGroup(name, legendKey, choices, type = 'radio') {
  return h('fieldset', { class: 'utrecht-form-fieldset' },
    h('legend', { class: 'utrecht-form-fieldset__legend' }, t(legendKey)),
    choices.map(([value, text, checked]) => {
      const id = nextId(name);
      return h('div', { class: `utrecht-form-field utrecht-form-field--${type}` },
        h('input', { type, id, name, value, checked,
          class: `utrecht-${type === 'radio' ? 'radio-button' : 'checkbox'}` }),
        h('label', { class: 'utrecht-form-label', for: id }, text));
    }));
}

/**
 * A form that sends itself with onSubmit(formData, form) and shows the answer's problem next to the button.
 * The submit button stays focusable while busy, so keyboard users keep their place.
 */
export function form(submitKey, onSubmit, ...children) {
  const status = h('div', { class: 'fl-form-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, t(submitKey));
  let busy = false;
  const element = h('form', { class: 'fl-form', novalidate: true, 'data-form': submitKey },
    children, status, submit);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    status.replaceChildren();
    try {
      await onSubmit(new FormData(element), element);
    } catch (error) {
      status.replaceChildren(problemView(error, submitKey.split('.')[0]));
    } finally {
      busy = false;
      submit.removeAttribute('aria-disabled');
    }
  });
  return element;
}

/** A collapsible part (details/summary): keyboard-usable without script. */
export function disclosure(summaryKey, ...children) {
  return h('details', { class: 'fl-details' }, h('summary', {}, t(summaryKey)), children);
}

export function section(titleKey, ...children) {
  return h('section', { class: 'fl-section' }, heading(2, titleKey), children);
}

export function caseNav(caseId, active, role) {
  const items = [['timeline', `#/cases/${caseId}`]];
  if (role === 'MEMBER' || role === 'FAMILY_INSPECTOR') {
    items.push(['messages', `#/cases/${caseId}/messages`]);
  }
  items.push(['interviews', `#/cases/${caseId}/interviews`], ['contacts', `#/cases/${caseId}/contacts`]);
  if (role === 'MEMBER') {
    items.push(['briefings', `#/cases/${caseId}/briefings`, 'briefing.nav']);
  }
  if (role === 'FAMILY_INSPECTOR') {
    items.push(['staffBriefings', `#/cases/${caseId}/staff-briefings`], ['closing', `#/cases/${caseId}/closing`]);
  }
  return h('nav', { class: 'fl-case-nav', 'aria-label': t('caseNav.label') },
    h('ul', {}, items.map(([name, href, key]) => h('li', {},
      h('a', { class: 'utrecht-link', href, 'aria-current': name === active ? 'page' : null },
        t(key || `caseNav.${name}`))))));
}
