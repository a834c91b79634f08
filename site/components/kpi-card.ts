import { h, uid } from '../lib/dom.js';
import { infoTip } from './info-tip.js';

export interface KpiCard {
  element: HTMLElement;
  set(value: string, detail?: string): void;
}

/** A headline figure: label, value (announced politely when a filter changes it), optional detail line. */
export function kpiCard(options: { label: string; value?: string; detail?: string; info?: string; accent?: 'blue' | 'cyan' | 'indigo' | 'emerald' | 'amber' | 'rose' }): KpiCard {
  const labelId = uid('kpi');
  const value = h('p', { class: 'kpi-value', 'aria-live': 'polite' }, options.value ?? '—');
  const detail = h('p', { class: 'kpi-detail' }, options.detail ?? '');
  const element = h(
    'div',
    { class: `card kpi accent-${options.accent ?? 'blue'}`, role: 'group', 'aria-labelledby': labelId },
    h('p', { class: 'kpi-label' }, h('span', { id: labelId }, options.label), options.info ? infoTip(options.info, options.label) : null),
    value,
    detail,
  );
  return {
    element,
    set(text, detailText) {
      value.textContent = text;
      if (detailText !== undefined) detail.textContent = detailText;
    },
  };
}

/** A responsive row of KPI cards. */
export function kpiRow(cards: KpiCard[]): HTMLElement {
  return h('div', { class: 'kpi-row' }, ...cards.map((c) => c.element));
}
