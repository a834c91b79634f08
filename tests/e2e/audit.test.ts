/**
 * The audit of issue 14, for every page × {1280×900, 400×800} × {dark, light}: axe-core finds no violation at any
 * impact, and every chart answers a hover with a card inside the viewport whose text is readable (≥ 4.5:1).
 * One chromium, one context per viewport and theme, reused across the pages.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, useSite, waitForPage } from './harness.js';
import { hoverChart, hoverContrast, insideViewport } from './hover.js';
import { rawHeaders, viewDataHeaders } from './view-data.js';

const PAGES = ['index', 'equipment', 'installations', 'ecg', 'medical', 'combined', 'status'] as const;
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 400, height: 800 },
] as const;
const THEMES = ['dark', 'light'] as const;

/** Charts that have no hover card, and why (a picture with its own labels, or a live canvas). */
const NO_HOVER: Record<string, string> = {
  'Playback monitor: the real sampled beats of the class': 'a canvas animation; the waveform browser beside it has the figures',
};

mkdirSync(SCREENSHOTS, { recursive: true });
/** Cards that are not charts of figures: the selected installation's details and footprint. */
const NO_DATA = ['Selected installation'];

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const session = useSite();

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the production CSP forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // target-size (WCAG 2.2 AA, 24 px) is off in axe by default but on in Lighthouse's accessibility score.
    const result = await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const theme of THEMES) {
  for (const viewport of VIEWPORTS) {
    describe(`${viewport.width}×${viewport.height}, ${theme}`, () => {
      let context: BrowserContext;
      let page: Page;
      const errors: string[] = [];
      beforeAll(async () => {
        context = await session.browser.newContext({ viewport, colorScheme: theme, reducedMotion: 'reduce' });
        page = await context.newPage();
        page.on('pageerror', (error) => errors.push(error.message));
      });
      afterAll(async () => context?.close());

      it.each(PAGES)('%s: no axe violation, and every chart hovers with a readable card inside the viewport', async (id) => {
        errors.length = 0;
        await page.goto(`${session.server.url}${id}.html`, { waitUntil: 'load' });
        await waitForPage(page);
        // As a visitor first meets it (every "View data" closed: a summary's neighbours are then the controls).
        expect.soft((await axeViolations(page)).join('\n'), 'axe-core violations, tables closed').toBe('');
        // Every drawn chart has "View data"; opened, so axe checks its table too.
        const withoutData = await page.evaluate((exempt) => {
          const missing: string[] = [];
          for (const card of document.querySelectorAll('.chart-card')) {
            const title = card.querySelector('.card-title')?.textContent ?? '';
            const details = card.querySelector<HTMLDetailsElement>('details.chart-data');
            if (details && !details.hidden) details.open = true;
            else if (card.querySelector('.chart-body svg') && !exempt.includes(title)) missing.push(title);
          }
          return missing;
        }, NO_DATA);
        expect.soft(withoutData, 'charts without "View data"').toEqual([]);
        await page.locator('details.chart-data[open] table').first().waitFor({ state: 'attached' }).catch(() => undefined);
        expect.soft((await axeViolations(page)).join('\n'), 'axe-core violations, tables open').toBe('');
        // Each column is headed by what it holds, never by a Plot channel ("fill", "y2") or a field's code name.
        expect.soft(rawHeaders(await viewDataHeaders(page)), 'View data headers that are a Plot channel or a code name').toEqual([]);
        // Closed again, so each chart is hovered where a visitor finds it.
        await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('details.chart-data').forEach((d) => (d.open = false)));

        const titles = await page.locator('.chart-card .card-title').allTextContents();
        const problems: string[] = [];
        let shot = false;
        for (const [index, title] of titles.entries()) {
          if (title in NO_HOVER) continue;
          const drawn = await page.locator('.chart-card').nth(index).locator('.chart-body svg').count();
          if (drawn === 0) continue; // an empty state: nothing to hover
          const card = await hoverChart(page, index);
          if (!card) {
            problems.push(`${title}: no hover card`);
            continue;
          }
          if (!insideViewport(card)) problems.push(`${title}: hover card outside the viewport ${JSON.stringify(card.box)} in ${card.viewport.width}×${card.viewport.height}`);
          const ratio = hoverContrast(card);
          if (ratio < 4.5) problems.push(`${title}: hover card contrast ${ratio.toFixed(2)}:1 (${card.color} on ${card.layers.join(' over ')})`);
          if (!shot) {
            // The window as the person sees it, hover card included.
            await page.screenshot({ path: join(SCREENSHOTS, `hover-${id}-${viewport.width}-${theme}.png`) });
            shot = true;
          }
        }
        expect.soft(problems.join('\n'), 'charts whose hover fails').toBe('');
        expect(errors).toEqual([]);
        // A guard against hangs only: a page of eleven charts, each hovered, takes ~45 s on two loaded cores.
      }, 180_000);
    });
  }
}
