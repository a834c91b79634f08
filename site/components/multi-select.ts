import { h, uid } from '../lib/dom.js';
import { matchOptions } from '../lib/option-match.js';

export interface Option {
  value: string;
  label: string;
  /** Shown dimmed after the label, e.g. a row count. */
  hint?: string;
}

export interface MultiSelect {
  element: HTMLElement;
  /** Sets the selection without calling onChange (URL restore). */
  setValue(values: readonly string[]): void;
  value(): string[];
}

/**
 * A multi-select combobox with type-ahead (WAI-ARIA combobox + multi-selectable listbox). Typing filters the
 * options, an exact match first; ↓/↑ move, Enter toggles, Escape closes, Backspace in an empty box removes the
 * last choice. Chosen values show as removable chips; nothing chosen means "all". The list opens on typing, ↓ or
 * a click, never on focus alone: tabbing through the filters must not cover the page. Focus stays in the input
 * (aria-activedescendant), so the list is never a Tab stop of its own.
 */
export function multiSelect(options: { label: string; options: readonly Option[]; value?: readonly string[]; placeholder?: string; onChange: (values: string[]) => void }): MultiSelect {
  const inputId = uid('ms-input');
  const listId = uid('ms-list');
  const hintId = uid('ms-hint');
  let selected = new Set(options.value ?? []);
  let visible: Option[] = [];
  let active = -1;

  const placeholder = options.placeholder ?? 'All — type to search';
  const chips = h('span', { class: 'ms-chips' });
  const input = h('input', {
    id: inputId,
    class: 'ms-input',
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': hintId,
    placeholder,
  });
  // tabindex -1: a scrollable list is otherwise a Tab stop in Chromium.
  const list = h('ul', { id: listId, class: 'ms-list', role: 'listbox', 'aria-multiselectable': 'true', 'aria-label': options.label, tabindex: -1, hidden: true });
  const clearButton = h('button', { type: 'button', class: 'btn btn-ghost btn-small ms-clear', hidden: true }, 'Clear');
  const element = h(
    'div',
    { class: 'control ms' },
    h('label', { class: 'control-label', for: inputId }, options.label),
    h('div', { class: 'ms-control' }, chips, input, clearButton),
    h('span', { id: hintId, class: 'sr-only' }, 'Type to filter, arrow keys to move, Enter to select or unselect, Escape to close.'),
    list,
  );

  const emit = (): void => options.onChange([...selected]);
  const labelOf = (value: string): string => options.options.find((o) => o.value === value)?.label ?? value;

  const renderChips = (): void => {
    chips.replaceChildren(
      ...[...selected].map((value) => {
        const chip = h('button', { type: 'button', class: 'chip', 'aria-label': `Remove ${labelOf(value)}` }, labelOf(value), h('span', { 'aria-hidden': 'true' }, ' ×'));
        chip.addEventListener('click', () => {
          selected.delete(value);
          renderChips();
          renderList();
          emit();
          input.focus();
        });
        return chip;
      }),
    );
    clearButton.hidden = selected.size === 0;
    // "All …" would be false once something is chosen, and the chips leave the box little room.
    input.placeholder = selected.size === 0 ? placeholder : 'Add more…';
  };

  const renderList = (): void => {
    visible = matchOptions(options.options, input.value);
    if (active >= visible.length) active = visible.length - 1;
    list.replaceChildren(
      ...(visible.length === 0
        ? [h('li', { class: 'ms-empty', role: 'presentation' }, 'No match')]
        : visible.map((o, i) => {
            const item = h('li', { id: `${listId}-${i}`, role: 'option', class: `ms-option${i === active ? ' active' : ''}`, 'aria-selected': selected.has(o.value) ? 'true' : 'false' }, h('span', { class: 'ms-check', 'aria-hidden': 'true' }), o.label, o.hint ? h('span', { class: 'ms-hint' }, o.hint) : null);
            // mousedown, not click: the input keeps focus, so the list stays open for the next choice.
            item.addEventListener('mousedown', (event) => {
              event.preventDefault();
              active = i;
              toggle(o.value);
            });
            return item;
          })),
    );
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      list.querySelector('.active')?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const open = (): void => {
    if (!list.hidden) return;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    renderList();
  };
  const close = (): void => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const toggle = (value: string): void => {
    if (selected.has(value)) selected.delete(value);
    else selected.add(value);
    renderChips();
    renderList();
    emit();
  };

  input.addEventListener('input', () => {
    active = 0;
    open();
    renderList();
  });
  input.addEventListener('click', open);
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        open();
        active = Math.min(visible.length - 1, active + 1);
        renderList();
        break;
      case 'ArrowUp':
        event.preventDefault();
        active = Math.max(0, active - 1);
        renderList();
        break;
      case 'Enter': {
        const option = visible[active];
        if (!list.hidden && option) {
          event.preventDefault();
          toggle(option.value);
        }
        break;
      }
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value !== '') input.value = '';
        break;
      case 'Backspace':
        if (input.value === '' && selected.size > 0) {
          selected.delete([...selected][selected.size - 1] as string);
          renderChips();
          renderList();
          emit();
        }
        break;
    }
  });
  element.addEventListener('focusout', (event) => {
    if (!element.contains(event.relatedTarget as Node | null)) {
      close();
      input.value = '';
    }
  });
  clearButton.addEventListener('click', () => {
    selected.clear();
    renderChips();
    renderList();
    emit();
    input.focus();
  });

  renderChips();
  return {
    element,
    setValue(values) {
      selected = new Set(values);
      renderChips();
      if (!list.hidden) renderList();
    },
    value: () => [...selected],
  };
}
