import { h, uid } from '../lib/dom.js';

export interface TextSearch {
  element: HTMLElement;
  setValue(text: string): void;
}

/** A labelled search box; onChange fires after typing pauses (and at once on Enter or when cleared). */
export function textSearch(options: { label: string; value?: string; placeholder?: string; delayMs?: number; onChange: (text: string) => void }): TextSearch {
  const id = uid('search');
  const input = h('input', { id, type: 'search', class: 'search-input', placeholder: options.placeholder ?? 'Search…', autocomplete: 'off', spellcheck: 'false' });
  input.value = options.value ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = input.value;
  const fire = (): void => {
    clearTimeout(timer);
    if (input.value === last) return;
    last = input.value;
    options.onChange(input.value);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (input.value === '') fire();
    else timer = setTimeout(fire, options.delayMs ?? 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') fire();
  });
  const element = h('div', { class: 'control search', role: 'search' }, h('label', { class: 'control-label', for: id }, options.label), input);
  return {
    element,
    setValue(text) {
      input.value = text;
      last = text;
    },
  };
}
