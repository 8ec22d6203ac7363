// Administrators: how well families are kept informed, per month and per family inspector — counts only, never
// content. Each chart is a small hand-drawn SVG; the same numbers stand in a table beside it for screen readers (the
// chart itself is one labelled image), and everything downloads as CSV.
import { get } from '../lib/api.js';
import { data, field, fill, form, h, heading, paragraph, section } from '../lib/dom.js';
import { locale, t } from '../lib/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
let months = 12;

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, String(value)));
  element.append(...children);
  return element;
}

function monthName(month) {
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: '2-digit', timeZone: 'UTC' })
    .format(new Date(`${month}-15T12:00:00Z`));
}

/** Bars per month: one or two series (the second drawn lighter beside the first). */
function chart(id, rows, series) {
  const width = 320;
  const height = 120;
  const slot = width / rows.length;
  const top = Math.max(1, ...rows.flatMap((row) => series.map(([key]) => Number(row[key]) || 0)));
  const bars = rows.flatMap((row, i) => series.map(([key], s) => {
    const value = Number(row[key]) || 0;
    const barHeight = Math.round((value / top) * (height - 10));
    const barWidth = Math.max(2, slot / (series.length + 1));
    return svg('rect', { x: (i * slot + s * barWidth + barWidth / 2).toFixed(1), y: height - barHeight,
      width: barWidth.toFixed(1), height: barHeight, class: `fl-bar fl-bar--${s}` });
  }));
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title`,
    class: 'fl-chart', focusable: 'false' }, svg('title', { id: `${id}-title` }, t(`adminFigures.chart.${id}`)),
  svg('line', { x1: 0, y1: height, x2: width, y2: height, class: 'fl-axis' }), ...bars);
}

function cell(value) {
  return data('td', value === undefined || value === null ? '–' : new Intl.NumberFormat(locale()).format(value));
}

function monthTable(id, rows, columns) {
  return h('div', { class: 'fl-table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': `${id}-caption` },
    h('table', { class: 'fl-table', 'data-figures': id },
      h('caption', { id: `${id}-caption` }, t(`adminFigures.table.${id}`)),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('adminFigures.column.month')),
        columns.map((key) => h('th', { scope: 'col' }, t(`adminFigures.column.${key}`))))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        h('th', { scope: 'row' }, h('time', { datetime: row.month }, monthName(row.month))),
        columns.map((key) => cell(row[key])))))));
}

function figure(id, rows, columns, charted = columns) {
  return section(`adminFigures.heading.${id}`, h('div', { class: 'fl-figure' },
    chart(id, rows, charted.map((key) => [key])), monthTable(id, rows, columns)));
}

function inspectorTable(report) {
  const columns = ['promisesDue', 'promisesKept', 'questionsAnswered', 'medianWorkingDays', 'interviewsHeld',
    'interviewsNotHeld', 'mailsFailed'];
  return section('adminFigures.heading.inspectors', report.inspectors.length === 0 ? paragraph('adminFigures.none')
    : h('div', { class: 'fl-table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'inspectors-caption' },
      h('table', { class: 'fl-table', 'data-figures': 'inspectors' },
        h('caption', { id: 'inspectors-caption' }, t('adminFigures.table.inspectors')),
        h('thead', {}, h('tr', {}, ['month', 'inspector'].concat(columns)
          .map((key) => h('th', { scope: 'col' }, t(`adminFigures.column.${key}`))))),
        h('tbody', {}, report.inspectors.map((row) => h('tr', {},
          h('th', { scope: 'row' }, h('time', { datetime: row.month }, monthName(row.month))),
          row.familyInspector ? data('td', row.familyInspector.displayName) : h('td', {}, t('adminFigures.noInspector')),
          columns.map((key) => cell(row[key]))))))));
}

export default async function adminFigures({ view, go }) {
  const report = await get(`/api/admin/figures?months=${months}`);
  fill(view,
    heading(1, 'adminFigures.title'),
    paragraph('adminFigures.intro'),
    form('adminFigures.show', async (values) => {
      months = Number(values.get('months'));
      go('admin/figures');
    }, field('months', 'adminFigures.period', { type: 'select', value: String(months),
      choices: [3, 6, 12, 24].map((count) => [String(count), t('adminFigures.months', { count })]) })),
    h('p', { class: 'utrecht-paragraph' }, h('a', { class: 'utrecht-link', id: 'figures-csv', download: 'kept-informed.csv',
      href: `/api/admin/figures.csv?months=${months}` }, t('adminFigures.csv'))),
    figure('promises', report.months, ['promisesDue', 'promisesKept']),
    figure('answers', report.months, ['questionsAnswered', 'medianWorkingDays'], ['medianWorkingDays']),
    figure('interviews', report.months, ['interviewsHeld', 'interviewsNotHeld']),
    figure('mails', report.months, ['mailsFailed']),
    inspectorTable(report),
    paragraph('adminFigures.how'));
  return 'adminFigures.title';
}
