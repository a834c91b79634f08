import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { geoArea } from 'd3-geo';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXPORT_HEADER } from '../../site/pages/installations/installations.js';
import { launchChromium, openPage, pageUrl, screenshot, SCREENSHOTS, serveStatic, waitForPage, type OpenOptions, type StaticServer } from './harness.js';

const siteDir = inject('siteDir');

interface Base {
  name: string;
  component: string;
  status: string;
  state: string;
  joint: string;
  abbrev: string | null;
  shape: string | null;
}

// The expected figures come from the bases cache the site was built from, read independently with hyparquet.
const bases: Base[] = (
  await parquetReadObjects({
    file: await asyncBufferFromFile(join(inject('cacheDir'), 'bases.parquet')),
    columns: ['Site Name', 'COMPONENT', 'Oper Stat', 'State Terr', 'Joint Base', 'state_abbrev', 'Geo Shape'],
  })
).map((r) => ({
  name: String(r['Site Name']),
  component: String(r.COMPONENT),
  status: String(r['Oper Stat']),
  state: String(r['State Terr']),
  joint: String(r['Joint Base']),
  abbrev: (r.state_abbrev as string | null) ?? null,
  shape: (r['Geo Shape'] as string | null) ?? null,
}));

const mostCommon = (values: string[]): string => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
};
const summary = (n: number): string => `${n.toLocaleString('en-US')} of ${bases.length.toLocaleString('en-US')} installations match the filters.`;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveStatic(siteDir);
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

/** Picks `value` in the multi-select labelled `label`, then closes its list. */
async function choose(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('li[role="option"]', { hasText: new RegExp(`^${escape(value)}[\\d,]*$`) }).click();
  await page.keyboard.press('Escape');
}

/** Opens the page at `query`, waits until every chart has drawn, runs `body`, and asserts no errors happened. */
async function onPage(query: string, body: (page: Page) => Promise<void>, options: OpenOptions = {}): Promise<void> {
  const opened = await openPage(browser, `${server.url}installations.html${query}`, options);
  try {
    await waitForPage(opened.page);
    await body(opened.page);
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
  } finally {
    await opened.close();
  }
}

describe('Installations page', () => {
  it('draws every chart and every installation, territories included', async () => {
    await onPage('', async (page) => {
      expect(await page.locator('.inst-summary').textContent()).toBe(summary(bases.length));
      expect(await page.locator('.chart-card').count()).toBe(11);
      expect(await page.locator('.inst-map circle.inst-dot').count()).toBe(bases.length);
      // One small map per component present: every one, not the original's first six.
      expect(await page.locator('.inst-multiple').count()).toBe(new Set(bases.map((b) => b.component)).size);
      const territories = bases.filter((b) => ['PR', 'GU', 'VI', 'AS', 'MP'].includes(b.abbrev ?? ''));
      const inInsets = await page.evaluate(() => {
        const svg = document.querySelector('.inst-map svg');
        const frames = [...(svg?.querySelectorAll('g.inset rect') ?? [])].map((r) => r.getBoundingClientRect());
        return [...(svg?.querySelectorAll('circle.inst-dot') ?? [])].filter((c) => {
          const b = c.getBoundingClientRect();
          return frames.some((f) => b.x >= f.x && b.x <= f.right && b.y >= f.y && b.y <= f.bottom);
        }).length;
      });
      expect(inInsets).toBe(territories.length);
      await screenshot(page, 'installations');
    });
  });

  it('drives every filter through the URL; reload restores them, Back undoes the last', async () => {
    await onPage('', async (page) => {
      const component = mostCommon(bases.map((b) => b.component));
      const byComponent = bases.filter((b) => b.component === component);
      const status = mostCommon(byComponent.map((b) => b.status));
      const byStatus = byComponent.filter((b) => b.status === status);
      const state = mostCommon(byStatus.map((b) => b.state));
      const byState = byStatus.filter((b) => b.state === state);
      const joint = mostCommon(byState.map((b) => b.joint));
      const byJoint = byState.filter((b) => b.joint === joint);

      await choose(page, 'Component', component);
      await expect.poll(() => page.locator('.inst-summary').textContent()).toBe(summary(byComponent.length));
      await choose(page, 'Operational status', status);
      await expect.poll(() => page.locator('.inst-summary').textContent()).toBe(summary(byStatus.length));
      await choose(page, 'State / territory', state);
      await expect.poll(() => page.locator('.inst-summary').textContent()).toBe(summary(byState.length));
      await choose(page, 'Joint base', joint);
      await expect.poll(() => page.locator('.inst-summary').textContent()).toBe(summary(byJoint.length));
      const params = (await pageUrl(page)).searchParams;
      expect([params.get('component'), params.get('status'), params.get('state'), params.get('joint')]).toEqual([component, status, state, joint]);
      expect(await page.locator('.inst-map circle.inst-dot').count()).toBe(byJoint.length);
      expect(await page.locator('text=Top 20 states').count()).toBe(1);

      await page.reload();
      await waitForPage(page);
      expect(await page.locator('.inst-summary').textContent()).toBe(summary(byJoint.length));
      expect(await page.locator('.chip', { hasText: joint }).count()).toBe(1);
      await page.goBack();
      await expect.poll(() => page.locator('.inst-summary').textContent()).toBe(summary(byState.length));
      await page.getByRole('button', { name: 'Reset filters' }).click();
      await expect.poll(() => page.locator('.inst-summary').textContent()).toBe(summary(bases.length));
      expect((await pageUrl(page)).search).toBe('');
    });
  });

  it('selects an installation on the map and shows its footprint, also after a reload', async () => {
    const names = bases.map((b) => b.name);
    const target = bases.find((b) => b.shape !== null && names.indexOf(b.name) === names.lastIndexOf(b.name));
    if (target === undefined) throw new Error('the demo bases have no installation with a Geo Shape');
    await onPage('', async (page) => {
      await page.locator(`.inst-map circle.inst-dot[data-name="${target.name}"]`).dispatchEvent('click');
      await expect.poll(async () => (await pageUrl(page)).searchParams.get('base')).toBe(target.name);
      const outline = page.locator(`.inst-selection[data-selected="${target.name}"] path.inst-footprint`);
      await outline.waitFor();
      expect((await outline.getAttribute('d'))?.length).toBeGreaterThan(10);
      expect(await page.locator('.inst-selection h3').textContent()).toBe(target.name);
      // The selected base's footprint is drawn in place on the map too, before any zoom.
      await page.locator(`.inst-map g.footprints path[data-name="${target.name}"]`).waitFor({ state: 'attached' });
      await page.reload();
      await waitForPage(page);
      await page.locator(`.inst-selection[data-selected="${target.name}"] path.inst-footprint`).waitFor();
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.locator('.inst-selection').screenshot({ path: join(SCREENSHOTS, 'installations-selection.png') });
    });
  });

  it('gives a footprint in km² and acres, measured on the sphere, in the selection and in the scatter plot hover', async () => {
    const names = bases.map((b) => b.name);
    const target = bases.find((b) => b.shape !== null && names.indexOf(b.name) === names.lastIndexOf(b.name) && JSON.parse(b.shape).type === 'Polygon');
    if (target === undefined) throw new Error('the demo bases have no single-polygon installation');
    // Independently of the page: the outer ring's spherical area (either winding) × R², R = 6,371.0088 km.
    const ring = (JSON.parse(target.shape as string) as { coordinates: number[][][] }).coordinates;
    const sr = geoArea({ type: 'Polygon', coordinates: ring as [number, number][][] });
    const km2 = Math.min(sr, 4 * Math.PI - sr) * 6371.0088 ** 2;
    const sig = (v: number): string => (v >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(3))));
    const expected = `Footprint ${sig(km2)} km² (${sig(km2 * 247.10538146716533)} acres)`;
    await onPage('', async (page) => {
      await page.locator(`.inst-map circle.inst-dot[data-name="${target.name}"]`).dispatchEvent('click');
      await expect.poll(() => page.locator('.inst-selection .inst-details').textContent()).toContain(expected);
      expect(await page.locator('.inst-selection .inst-details').textContent()).toMatch(/perimeter [\d.,]+ km/);
      const scatter = page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Footprint area vs distance' }) }).locator('svg').first();
      await scatter.scrollIntoViewIfNeeded();
      const dot = await scatter.locator('g[data-mark="dot"] circle').first().boundingBox();
      if (dot === null) throw new Error('the scatter plot has no dot');
      await page.mouse.move(dot.x + dot.width / 2, dot.y + dot.height / 2);
      // Plot splits the tip into tspans with zero-width spaces between words it may wrap.
      const tip = async (): Promise<string> => ((await scatter.locator('g[data-mark="tip"]').textContent()) ?? '').replaceAll('\u200b', '');
      await expect.poll(tip).toMatch(/footprint [\d.,]+ km² \([\d.,]+ acres\)/);
      expect(await tip()).toMatch(/nearest: .+, [\d.,]+ ?km/);
    });
  });

  it('plots footprint area against the distance to the nearest installation, not against perimeter', async () => {
    await onPage('', async (page) => {
      const card = page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Footprint area vs distance to the nearest installation' }) });
      expect(await card.locator('svg [data-mark="y-axis label"], svg text').allTextContents()).toEqual(expect.arrayContaining(['↑ Footprint area (km², log)']));
      expect(await card.locator('svg g[data-mark="dot"] circle').count()).toBe(bases.filter((b) => b.shape !== null).length);
      expect(await page.locator('.chart-card h2', { hasText: /perimeter/i }).count()).toBe(0);
    });
  });

  it('draws the footprints in place once the map is zoomed in', async () => {
    await onPage('', async (page) => {
      expect(await page.locator('.inst-map g.footprints path').count()).toBe(0);
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await expect.poll(() => page.locator('.inst-map').first().getAttribute('data-zoom')).toBe('8.00');
      await expect.poll(() => page.locator('.inst-map g.footprints path').count()).toBe(bases.filter((b) => b.shape !== null).length);
    });
  });

  it('drills the sunburst down to a state and back up, in the URL', async () => {
    await onPage('', async (page) => {
      const top = mostCommon(bases.map((b) => b.state));
      // From the top: the states and their components, no ring of unlabelled installation slivers.
      expect(await page.locator('path.inst-arc[data-depth="3"]').count()).toBe(0);
      expect(await page.locator('path.inst-arc[data-depth="2"]').count()).toBeGreaterThan(15);
      // Keyboard: Enter on a state drills into it, like a click.
      await page.locator(`path.inst-arc[data-depth="1"][data-name="${top}"]`).focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await pageUrl(page)).searchParams.getAll('drill')).toEqual([top]);
      const inState = bases.filter((b) => b.state === top);
      const components = new Set(inState.map((b) => b.component));
      expect(await page.locator('path.inst-arc[data-depth="2"]').count()).toBe(components.size);
      // Drilled into a state, its installations are the second ring.
      expect(await page.locator('path.inst-arc[data-depth="3"]').count()).toBe(inState.length);
      await page.locator('.inst-sunburst-centre').dispatchEvent('click');
      await expect.poll(async () => (await pageUrl(page)).searchParams.getAll('drill')).toEqual([]);
    });
  });

  it('exports the filtered installations as CSV', async () => {
    const state = mostCommon(bases.map((b) => b.state));
    const expected = bases.filter((b) => b.state === state);
    await onPage(`?state=${encodeURIComponent(state)}`, async (page) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export CSV/ }).click()]);
      const text = await readFile((await download.path()) as string, 'utf8');
      const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe(EXPORT_HEADER.join(','));
      expect(lines).toHaveLength(expected.length + 1);
      expect(lines.slice(1).every((line) => line.includes(`,${state.includes(',') ? `"${state}"` : state},`))).toBe(true);
      expect(text).not.toContain('Polygon');
    });
  });

  it('reads in the light theme too', async () => {
    await onPage('', async (page) => {
      await screenshot(page, 'installations-light');
    }, { colorScheme: 'light' });
  });
});
