/**
 * The hover card of the charts drawn without Plot (Installations' maps, donut and sunburst; Equipment's bar
 * charts); Plot charts use Plot's own tip mark. One card per page, positioned inside `host` (which must be
 * positioned). Text goes in through textContent only: names come from the datasets.
 */
export interface Tooltip {
  show(event: MouseEvent, lines: string[]): void;
  hide(): void;
}

export function createTooltip(host: HTMLElement): Tooltip {
  const element = document.createElement('div');
  element.className = 'hover-tip';
  element.setAttribute('role', 'status');
  element.hidden = true;
  host.append(element);
  return {
    show(event, lines) {
      element.replaceChildren(
        ...lines.map((line, i) => {
          const p = document.createElement(i === 0 ? 'strong' : 'div');
          p.textContent = line;
          return p;
        }),
      );
      element.hidden = false;
      const box = host.getBoundingClientRect();
      const x = event.clientX - box.left + 14;
      const y = event.clientY - box.top + 14;
      element.style.left = `${Math.min(x, box.width - element.offsetWidth - 4)}px`;
      element.style.top = `${y}px`;
    },
    hide() {
      element.hidden = true;
    },
  };
}
