import { h, uid } from '../lib/dom.js';

export interface NumberSlider {
  element: HTMLElement;
  setValue(value: number): void;
}

/**
 * One native range input for a single threshold (e.g. "at least N"), styled like the range slider. onChange fires
 * when the user lets go, not on every pixel of a drag.
 */
export function numberSlider(options: { label: string; min: number; max: number; step?: number; value: number; format?: (n: number) => string; onChange: (value: number) => void }): NumberSlider {
  const format = options.format ?? String;
  const labelId = uid('slider');
  let value = options.value;
  const input = h('input', { type: 'range', min: options.min, max: options.max, step: options.step ?? 1, class: 'range-input', 'aria-labelledby': labelId });
  const output = h('output', { class: 'range-output', 'aria-live': 'polite' });
  const fill = h('span', { class: 'range-fill', 'aria-hidden': 'true' });
  const element = h(
    'div',
    { class: 'control range' },
    h('span', { class: 'control-label', id: labelId }, options.label, ' ', output),
    h('div', { class: 'range-track' }, fill, input),
  );
  const paint = (): void => {
    input.value = String(value);
    input.setAttribute('aria-valuetext', format(value));
    output.textContent = format(value);
    fill.style.left = '0%';
    fill.style.right = `${100 - ((value - options.min) / (options.max - options.min || 1)) * 100}%`;
  };
  input.addEventListener('input', () => {
    value = Number(input.value);
    paint();
  });
  input.addEventListener('change', () => options.onChange(value));
  paint();
  return {
    element,
    setValue(next) {
      value = Math.min(options.max, Math.max(options.min, next));
      paint();
    },
  };
}
