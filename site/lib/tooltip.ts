/**
 * The hover card of the charts drawn without Plot (Installations' maps, donut and sunburst; Equipment's bar
 * charts, maps and treemap); Plot charts use Plot's own tip mark. One card per page, kept in `host` and placed
 * in the window's coordinates (position: fixed). Text goes in through textContent only: names come from the
 * datasets.
 */
export interface Tooltip {
  show(event: MouseEvent, lines: readonly string[]): void;
  hide(): void;
}

/** Room kept between the card and the pointer, and between the card and the window's edges. */
const GAP = 14;
const EDGE = 4;

export function createTooltip(host: HTMLElement): Tooltip {
  const element = document.createElement('div');
  element.className = 'hover-tip';
  element.setAttribute('role', 'status');
  element.hidden = true;
  return {
    show(event, lines) {
      // Joined on first use: a page that fills its host with replaceChildren after creating the card would
      // otherwise have removed it.
      if (element.parentElement !== host) host.append(element);
      element.replaceChildren(
        ...lines.map((line, i) => {
          const p = document.createElement(i === 0 ? 'strong' : 'div');
          p.textContent = line;
          return p;
        }),
      );
      element.hidden = false;
      // Below and right of the pointer; flipped above it near the bottom, and kept inside the window.
      const width = element.offsetWidth;
      const height = element.offsetHeight;
      const viewport = document.documentElement.clientWidth;
      const left = Math.max(EDGE, Math.min(event.clientX + GAP, viewport - width - EDGE));
      const below = event.clientY + GAP;
      const top = below + height > window.innerHeight - EDGE ? Math.max(EDGE, event.clientY - GAP - height) : below;
      element.style.left = `${left}px`;
      element.style.top = `${top}px`;
    },
    hide() {
      element.hidden = true;
    },
  };
}

/**
 * One listener for every mark under `container`: the card shows the lines `linesOf` gives for the element under
 * the pointer, and hides over anything that gives none.
 */
export function hoverMarks(container: Element, tooltip: Tooltip, linesOf: (mark: Element) => readonly string[] | null | undefined): void {
  container.addEventListener('pointermove', (event) => {
    const lines = linesOf(event.target as Element);
    if (lines && lines.length > 0) tooltip.show(event as MouseEvent, lines);
    else tooltip.hide();
  });
  container.addEventListener('pointerleave', () => tooltip.hide());
}

/**
 * Marks that carry an SVG <title> (Plot's title channel without a tip; hand-drawn maps, radar, word cloud) show it
 * in a themed hover card under `container` rather than the browser's native tooltip, which is late, unstyled and
 * absent on touch. The <title> is moved into data-hover-title on first hover, so the native one never shows too.
 */
export function titlesAsHoverCards(container: HTMLElement): void {
  const tooltip = createTooltip(container);
  let showing = false;
  const titleOf = (target: Element): string | null => {
    for (let el: Element | null = target; el && el !== container && !(el instanceof SVGSVGElement); el = el.parentElement) {
      const stored = el.getAttribute('data-hover-title');
      if (stored !== null) return stored;
      const title = [...el.children].find((child) => child instanceof SVGTitleElement);
      if (title) {
        const text = title.textContent ?? '';
        el.setAttribute('data-hover-title', text);
        title.remove();
        return text;
      }
    }
    return null;
  };
  container.addEventListener('pointermove', (event) => {
    const text = titleOf(event.target as Element);
    if (text) {
      tooltip.show(event as MouseEvent, text.split('\n'));
      showing = true;
    } else if (showing) {
      tooltip.hide();
      showing = false;
    }
  });
  container.addEventListener('pointerleave', () => tooltip.hide());
}
