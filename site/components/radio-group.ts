import { h, uid } from '../lib/dom.js';

export interface RadioGroup {
  element: HTMLElement;
  setValue(value: string): void;
  value(): string;
}

/** Native radios in a fieldset, styled as a segmented control; arrow keys move between choices. */
export function radioGroup(options: { label: string; choices: readonly { value: string; label: string }[]; value: string; onChange: (value: string) => void }): RadioGroup {
  const name = uid('radio');
  const inputs = options.choices.map((choice) => {
    const input = h('input', { type: 'radio', name, value: choice.value, class: 'sr-only-input' });
    input.checked = choice.value === options.value;
    input.addEventListener('change', () => {
      if (input.checked) options.onChange(choice.value);
    });
    return { input, label: h('label', { class: 'segment' }, input, h('span', {}, choice.label)) };
  });
  const element = h('fieldset', { class: 'control radio-group' }, h('legend', { class: 'control-label' }, options.label), h('div', { class: 'segments' }, ...inputs.map((i) => i.label)));
  return {
    element,
    setValue(value) {
      for (const { input } of inputs) input.checked = input.value === value;
    },
    value: () => inputs.find((i) => i.input.checked)?.input.value ?? options.value,
  };
}
