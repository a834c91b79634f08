/**
 * What the layout audit (tests/e2e/layout.test.ts) measures in a drawn page, and the problems it finds there by
 * the rules of tests/support/layout-geometry.ts.
 */
import type { Page } from 'playwright-core';
import { boundsOf, collidingTexts, cumulativeLayoutShift, describeText, emptyBelowShare, outside, type Box, type LayoutShift, type TextQuad } from '../support/layout-geometry.js';

interface ChartGeometry {
  title: string;
  card: Box;
  /** Where the card's last child ends, and the card's bottom padding (with its border): what is under is empty. */
  contentBottom: number;
  paddingBottom: number;
  /** Each top-level element a chart card's body holds (SVGs, HTML legends): none may leave the card. */
  parts: (Box & { text: string })[];
  /** packed: a word cloud, which d3-cloud lays out by the glyphs' pixels (see PACKED). */
  svgs: { box: Box; packed: boolean; texts: TextQuad[] }[];
}

/**
 * Charts whose texts are packed by their glyphs' pixels (d3-cloud's word cloud): a small word may sit in the blank
 * part of a large word's line box, above its lower-case letters, without touching it, so boxes overlap by design;
 * d3-cloud's own pixel test keeps the words apart. They are still checked for being cut by the chart's edge.
 */
const PACKED = 'svg.word-cloud';

export interface PageGeometry {
  innerWidth: number;
  scrollWidth: number;
  charts: ChartGeometry[];
  shifts: LayoutShift[];
}

/** Everything the audit judges, measured in the page once it has drawn. */
export async function measure(page: Page): Promise<PageGeometry> {
  // Layout-shift entries are buffered from navigation on, so observing now still sees the whole load.
  const shifts = await page.evaluate(
    () =>
      new Promise<LayoutShift[]>((resolve) => {
        const seen: LayoutShift[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) seen.push({ value: e.value, startTime: e.startTime, hadRecentInput: e.hadRecentInput });
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // Two frames: any shift caused by the last chart's draw has been reported.
        requestAnimationFrame(() => requestAnimationFrame(() => {
          observer.disconnect();
          resolve(seen);
        }));
      }),
  );
  const geometry = await page.evaluate((packed) => {
    const box = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const shown = (el: Element): boolean => {
      const style = getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0 && el.closest('defs, clipPath, mask') === null;
    };
    const charts = [...document.querySelectorAll('.chart-card')].map((card) => {
      const body = card.querySelector('.chart-body');
      const svgs = [...(body?.querySelectorAll('svg') ?? [])].filter((svg) => svg.parentElement?.closest('svg') === null && shown(svg));
      const style = getComputedStyle(card);
      const children = [...card.children].filter((el) => shown(el) && el.getBoundingClientRect().height > 0);
      const cardBox = card.getBoundingClientRect();
      return {
        title: card.querySelector('.card-title')?.textContent ?? '?',
        card: box(cardBox),
        contentBottom: Math.max(cardBox.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop), ...children.map((el) => el.getBoundingClientRect().bottom)),
        paddingBottom: parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth),
        parts: [...(body?.children ?? [])].map((el) => ({ ...box(el.getBoundingClientRect()), text: el.tagName.toLowerCase() })),
        svgs: svgs.map((svg) => ({
          box: box(svg.getBoundingClientRect()),
          packed: svg.matches(packed),
          texts: [...svg.querySelectorAll('text')].filter(shown).map((t) => {
            // The text's own box, turned and scaled as it is drawn: slanted labels are judged as slanted boxes.
            const b = t.getBBox();
            const m = t.getScreenCTM() ?? new DOMMatrix();
            const at = (x: number, y: number) => {
              const p = new DOMPoint(x, y).matrixTransform(m);
              return { x: p.x, y: p.y };
            };
            const corners: TextQuad['corners'] = [at(b.x, b.y), at(b.x + b.width, b.y), at(b.x + b.width, b.y + b.height), at(b.x, b.y + b.height)];
            return { text: t.textContent ?? '', corners };
          }),
        })),
      };
    });
    return { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, charts };
  }, PACKED);
  return { ...geometry, shifts };
}

/** The most of a chart card's height that may be blank under its content (a grid row stretching it to a neighbour). */
export const MAX_EMPTY_BELOW = 0.25;

export interface LayoutAudit {
  innerWidth: number;
  scrollWidth: number;
  /** Charts wider than their card, cards mostly empty, colliding texts, texts cut by their SVG: one line each. */
  problems: string[];
  cls: number;
}

export async function auditLayout(page: Page): Promise<LayoutAudit> {
  const g = await measure(page);
  const problems: string[] = [];
  for (const chart of g.charts) {
    const empty = emptyBelowShare(chart.card, chart.contentBottom, chart.paddingBottom);
    if (empty > MAX_EMPTY_BELOW) problems.push(`${chart.title}: ${Math.round(empty * 100)} % of the card (${Math.round(empty * chart.card.height)} of ${Math.round(chart.card.height)} px) empty under its content`);
    for (const part of outside(chart.parts, chart.card)) problems.push(`${chart.title}: a ${part.text} ${Math.round(part.width)} px wide leaves its ${Math.round(chart.card.width)} px card`);
    for (const svg of chart.svgs) {
      if (!svg.packed) for (const [a, b] of collidingTexts(svg.texts)) problems.push(`${chart.title}: overlapping text ${describeText(a)} × ${describeText(b)}`);
      const bounds = svg.texts.map((t) => ({ ...boundsOf(t), text: t.text }));
      for (const cut of outside(bounds, svg.box)) problems.push(`${chart.title}: "${cut.text}" cut by the chart's edge`);
    }
  }
  return { innerWidth: g.innerWidth, scrollWidth: g.scrollWidth, problems, cls: cumulativeLayoutShift(g.shifts) };
}
