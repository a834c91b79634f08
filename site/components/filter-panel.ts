import { h } from '../lib/dom.js';

/** The filters of a page in one labelled region, with a reset button and room for actions (CSV export). */
export function filterPanel(options: { controls: HTMLElement[]; onReset?: () => void; actions?: HTMLElement[] }): HTMLElement {
  const reset = options.onReset ? h('button', { type: 'button', class: 'btn btn-ghost' }, 'Reset filters') : null;
  if (reset && options.onReset) reset.addEventListener('click', options.onReset);
  return h('section', { class: 'card filter-panel', 'aria-label': 'Filters' }, h('div', { class: 'filter-controls' }, ...options.controls), h('div', { class: 'filter-actions' }, reset, ...(options.actions ?? [])));
}
