import { h, uid } from '../lib/dom.js';

export interface RangeSlider {
  element: HTMLElement;
  setValue(range: readonly [number, number]): void;
  value(): [number, number];
}

/**
 * Two native range inputs (arrow keys, Home/End, Page Up/Down work as everywhere) for a [from, to] range; the
 * thumbs cannot cross. onChange fires when the user lets go, not on every pixel of a drag.
 */
export function rangeSlider(options: { label: string; min: number; max: number; step?: number; value?: readonly [number, number]; format?: (n: number) => string; onChange: (range: [number, number]) => void }): RangeSlider {
  const format = options.format ?? String;
  const groupId = uid('range');
  let [lo, hi] = options.value ?? [options.min, options.max];
  const attrs = { type: 'range', min: options.min, max: options.max, step: options.step ?? 1 };
  const from = h('input', { ...attrs, class: 'range-input range-from', 'aria-label': `${options.label} from` });
  const to = h('input', { ...attrs, class: 'range-input range-to', 'aria-label': `${options.label} to` });
  const output = h('output', { class: 'range-output', 'aria-live': 'polite' });
  const fill = h('span', { class: 'range-fill', 'aria-hidden': 'true' });
  const element = h(
    'div',
    { class: 'control range', role: 'group', 'aria-labelledby': groupId },
    h('span', { class: 'control-label', id: groupId }, options.label, ' ', output),
    h('div', { class: 'range-track' }, fill, from, to),
  );

  const paint = (): void => {
    from.value = String(lo);
    to.value = String(hi);
    from.setAttribute('aria-valuetext', format(lo));
    to.setAttribute('aria-valuetext', format(hi));
    // The years themselves even when the whole span is chosen: "all" alone does not say which years there are.
    output.textContent = `${format(lo)} – ${format(hi)}${lo === options.min && hi === options.max ? ' (all)' : ''}`;
    const span = options.max - options.min || 1;
    fill.style.left = `${((lo - options.min) / span) * 100}%`;
    fill.style.right = `${100 - ((hi - options.min) / span) * 100}%`;
  };
  from.addEventListener('input', () => {
    lo = Math.min(Number(from.value), hi);
    paint();
  });
  to.addEventListener('input', () => {
    hi = Math.max(Number(to.value), lo);
    paint();
  });
  const commit = (): void => options.onChange([lo, hi]);
  from.addEventListener('change', commit);
  to.addEventListener('change', commit);
  paint();
  return {
    element,
    setValue(range) {
      [lo, hi] = [Math.max(options.min, range[0]), Math.min(options.max, range[1])];
      paint();
    },
    value: () => [lo, hi],
  };
}
