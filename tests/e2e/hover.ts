/**
 * Hovering charts as a person does: find a point on a mark of a chart, move the real pointer there, and read the
 * hover card that appears (Plot's tip mark, or the page's shared .hover-tip), its box and its colours.
 */
import type { Page } from 'playwright-core';
import { contrastRatio, flatten, parseColor } from '../../site/lib/contrast.js';

export interface HoverCard {
  text: string;
  /** In CSS pixels of the viewport. */
  box: { left: number; top: number; right: number; bottom: number };
  viewport: { width: number; height: number };
  /** Text colour and the background layers under it, nearest first, as computed styles. */
  color: string;
  layers: string[];
}

/** The contrast of a hover card's text against what is painted under it. */
export function hoverContrast(card: HoverCard): number {
  return contrastRatio(parseColor(card.color), flatten(card.layers));
}

export function insideViewport(card: HoverCard): boolean {
  const { box, viewport } = card;
  return box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height;
}

/**
 * Points (viewport coordinates) on up to `limit` marks of chart card `index`, largest marks first: inside a
 * shape's fill, or halfway along a line. Axes, grids, rules, legends and the tip itself are not marks.
 * Scrolls the card into view first.
 */
export async function markPoints(page: Page, index: number, limit = 6): Promise<{ x: number; y: number }[]> {
  return page.evaluate(
    ([index, limit]) => {
      const card = document.querySelectorAll('.chart-card')[index] as HTMLElement;
      card.scrollIntoView({ block: 'center' });
      // Plot's mark groups, named in data-mark by the chart card.
      const nonMark = 'g[data-mark=tip], g[data-mark$=axis], g[data-mark*="tick"], g[data-mark$=grid], g[data-mark=frame], .legend, [class*=legend], [class*=swatch], [aria-hidden=true]';
      const usable = (el: Element): boolean => {
        if (el.closest(nonMark) || el.closest('svg')?.closest('[class*=legend], [class*=swatch]')) return false;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width + box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && style.pointerEvents !== 'none';
      };
      const shapes = [...card.querySelectorAll<SVGGeometryElement>('.chart-body svg :is(rect, circle, path, line, polyline, polygon, ellipse)')].filter(usable);
      // Charts made of words (a word cloud) have no shapes: their words are the marks.
      const words = shapes.length > 0 ? [] : [...card.querySelectorAll<SVGTextElement>('.chart-body svg text')].filter(usable);
      const area = (el: Element): number => {
        const b = el.getBoundingClientRect();
        return Math.max(b.width, 1) * Math.max(b.height, 1);
      };
      // Large marks first, then a few from the middle of the rest (small dots, thin bars).
      const ordered = [...shapes].sort((a, b) => area(b) - area(a));
      const picked = [...new Set([...ordered.slice(0, Math.ceil(limit / 2)), ...ordered.filter((_, i) => i % Math.max(1, Math.floor(ordered.length / limit)) === 0)])].slice(0, limit);
      const points: { x: number; y: number }[] = [];
      for (const word of words.slice(0, limit)) {
        const b = word.getBoundingClientRect();
        points.push({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
      }
      for (const el of picked) {
        const matrix = el.getScreenCTM();
        if (!matrix) continue;
        const toScreen = (x: number, y: number): { x: number; y: number } => {
          const p = new DOMPoint(x, y).matrixTransform(matrix);
          return { x: p.x, y: p.y };
        };
        const fill = getComputedStyle(el).fill;
        const box = el.getBBox();
        let local: { x: number; y: number } | null = null;
        if (fill !== 'none' && typeof el.isPointInFill === 'function') {
          // The centre, else the first point of a 9×9 grid over the box that is inside the shape.
          const grid = [[0.5, 0.5], ...Array.from({ length: 81 }, (_, i) => [((i % 9) + 0.5) / 9, (Math.floor(i / 9) + 0.5) / 9])];
          for (const [fx, fy] of grid as [number, number][]) {
            const candidate = { x: box.x + box.width * fx, y: box.y + box.height * fy };
            if (el.isPointInFill(new DOMPoint(candidate.x, candidate.y))) {
              local = candidate;
              break;
            }
          }
        }
        // A line or an unfilled path (or a filled one too thin to hold a grid point): halfway along it.
        if (!local && typeof el.getTotalLength === 'function') {
          const p = el.getPointAtLength(el.getTotalLength() / 2);
          local = { x: p.x, y: p.y };
        }
        if (!local) continue;
        const screen = toScreen(local.x, local.y);
        if (screen.x >= 0 && screen.y >= 0 && screen.x < innerWidth && screen.y < innerHeight) points.push(screen);
      }
      return points;
    },
    [index, limit] as const,
  );
}

/** The hover card showing now in chart card `index` or the page (null if none). */
export async function visibleHoverCard(page: Page, index: number): Promise<HoverCard | null> {
  return page.evaluate((index) => {
    const card = document.querySelectorAll('.chart-card')[index] as HTMLElement;
    const layersOf = (start: Element | null): string[] => {
      const layers: string[] = [];
      for (let el = start; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
        layers.push(style.backgroundColor);
      }
      return layers;
    };
    const viewport = { width: document.documentElement.clientWidth, height: innerHeight };
    const boxOf = (el: Element): HoverCard['box'] => {
      const b = el.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    };
    // Plot's tip: a <g data-mark=tip> holding a path (the box) and text lines.
    for (const tip of card.querySelectorAll('g[data-mark=tip]')) {
      const text = tip.querySelector('text');
      const path = tip.querySelector('path');
      if (!text || !path || (text.textContent ?? '').trim() === '') continue;
      const box = getComputedStyle(path);
      const fill = parseFloat(box.fillOpacity) < 1 ? box.fill.replace(/^rgb\((.*)\)$/, `rgba($1, ${box.fillOpacity})`) : box.fill;
      const textColor = getComputedStyle(text.querySelector('tspan') ?? text).fill;
      return { text: text.textContent ?? '', box: boxOf(tip), viewport, color: textColor, layers: [fill, ...layersOf(tip.closest('svg'))] };
    }
    // The shared hover card of the charts drawn without Plot.
    const html = [...document.querySelectorAll<HTMLElement>('.hover-tip')].find((el) => !el.hidden && el.getBoundingClientRect().width > 0);
    if (html) return { text: html.textContent ?? '', box: boxOf(html), viewport, color: getComputedStyle(html).color, layers: layersOf(html) };
    return null;
  }, index);
}

/** Moves the pointer onto each point until a hover card shows; returns it, or null if none did. */
export async function hoverChart(page: Page, index: number): Promise<HoverCard | null> {
  for (const point of await markPoints(page, index)) {
    // From outside, so the chart sees the pointer enter and move, as a mouse does.
    await page.mouse.move(0, 0);
    await page.mouse.move(point.x - 3, point.y - 3);
    await page.mouse.move(point.x, point.y, { steps: 2 });
    const card = await visibleHoverCard(page, index);
    if (card) return card;
  }
  return null;
}
