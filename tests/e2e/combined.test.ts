import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { REGION_STATES } from '../../src/datasets/lookups/regions.js';
import { expectLandmarks, openPage, screenshot, useSite, waitForPage } from './harness.js';

// Expected figures come straight from the caches the site was built from, read independently of the page's join.
const cacheDir = inject('cacheDir');
const read = async (file: string, columns: string[]): Promise<Record<string, unknown>[]> =>
  parquetReadObjects({ file: await asyncBufferFromFile(join(cacheDir, file)), columns });
const equipmentStates = (await read('equipment.parquet', ['State'])).map((r) => String(r.State));
const baseStates = (await read('bases.parquet', ['state_abbrev'])).map((r) => r.state_abbrev as string | null).filter((s): s is string => s !== null);
const allStates = new Set([...equipmentStates, ...baseStates]);
const south = new Set(REGION_STATES.South);
const southStates = [...allStates].filter((s) => south.has(s));
const southInstallations = baseStates.filter((s) => south.has(s)).length;

const session = useSite();

async function kpis(page: Page): Promise<string[]> {
  return page.locator('.kpi-value').allTextContents();
}

describe('Combined page', () => {
  it('draws ten charts for every state, filters by region from the keyboard, exports the filtered table', async () => {
    const opened = await openPage(session.browser, `${session.server.url}combined.html`);
    const { page } = opened;
    await waitForPage(page);
    await expectLandmarks(page);
    // Cards with a drawn chart (legends add SVGs of their own, so count cards, not SVGs).
    expect(await page.locator('.chart-card').filter({ has: page.locator('.chart-body svg') }).count()).toBe(10);
    expect(await page.locator('.chart-card .state-empty').count()).toBe(0);
    expect((await kpis(page))[0]).toBe(String(allStates.size));
    expect((await kpis(page))[2]).toBe(baseStates.length.toLocaleString('en-US'));
    await screenshot(page, 'combined');
    // The value map fills every state and territory with equipment, the territories in their four insets.
    const valueMap = page.locator('.chart-card', { hasText: 'Equipment value and installations by state' });
    expect(await valueMap.locator('g.inset').count()).toBe(4);
    expect(await valueMap.locator('path.state:not(.inst-land)').count()).toBe(new Set(equipmentStates).size);
    expect(await valueMap.locator('circle').count()).toBe(baseStates.length);
    // Every installation dot lies inside the map (pre-projected states and projected points share one frame).
    const outside = await valueMap.locator('svg:has(circle)').first().evaluate((svg) => {
      const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
      return [...svg.querySelectorAll('circle')].filter((c) => !(Number(c.getAttribute('cx')) >= 0 && Number(c.getAttribute('cx')) <= (w as number) && Number(c.getAttribute('cy')) >= 0 && Number(c.getAttribute('cy')) <= (h as number))).length;
    });
    expect(outside).toBe(0);
    // Regions compared: one bar chart per measure, each with its own labelled scale (the radar's spokes had none).
    const regionCard = page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Regions compared' }) });
    expect(await regionCard.locator('.region-panel-title').allTextContents()).toEqual(['Equipment value', 'Items shipped', 'Installations', 'Agencies']);
    for (const panel of await regionCard.locator('.region-panel').all()) {
      expect(await panel.locator('g[data-mark="x-axis tick label"] text').count()).toBeGreaterThanOrEqual(2);
    }
    expect(await regionCard.locator('.region-panel[data-measure="Equipment value"] g[data-mark="x-axis tick label"] text').first().textContent()).toBe('$0');
    // Each median's label lies on its dashed line (it sat in the frame's corner, far from the line).
    const quadrant = page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Quadrants at the medians' }) }).locator('svg[viewBox]').last();
    const gaps = await quadrant.evaluate((svg) => {
      const rules = [...svg.querySelectorAll('g[data-mark="rule"] line')].map((l) => l.getBoundingClientRect());
      const vertical = rules.find((r) => r.width < 1);
      const horizontal = rules.find((r) => r.height < 1);
      const x = svg.querySelector('.median-label-x text')?.getBoundingClientRect();
      const y = svg.querySelector('.median-label-y text')?.getBoundingClientRect();
      if (!vertical || !horizontal || !x || !y) return null;
      return { x: Math.min(Math.abs(x.left - vertical.left), Math.abs(x.right - vertical.left)), y: Math.abs(y.bottom - horizontal.top) };
    });
    expect(gaps).not.toBeNull();
    expect(gaps?.x).toBeLessThan(8);
    expect(gaps?.y).toBeLessThan(8);
    // Both bubble charts carry a size key.
    for (const title of [/^Installations vs equipment value$/, /^Agency reach$/]) {
      const card = page.locator('.chart-card', { has: page.locator('h2', { hasText: title }) });
      expect(await card.locator('svg.size-legend circle').count()).toBe(3);
    }
    // The panels' labels fit inside their charts.
    const radar = regionCard.locator('.region-panel svg').first();
    const butterfly = page.locator('.chart-card', { hasText: 'top 20 states' }).locator('.chart-body svg[viewBox]').last();
    // Text past the chart's left or right edge, on screen (Plot places text inside translated groups).
    const overflowing = (svg: SVGSVGElement): number => {
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect()).filter((b) => b.width > 0 && (b.left < frame.left - 0.5 || b.right > frame.right + 0.5)).length;
    };
    expect(await radar.evaluate(overflowing)).toBe(0);
    // On a phone too (the cards redraw at their new width); the butterfly's title is shorter.
    await page.setViewportSize({ width: 400, height: 900 });
    await page.waitForFunction(() => Number(document.querySelector('.chart-card .chart-body svg')?.getAttribute('width')) < 400);
    await expect.poll(() => radar.evaluate((svg) => Number(svg.getAttribute('width')))).toBeLessThan(400);
    expect(await radar.evaluate(overflowing)).toBe(0);
    expect(await butterfly.evaluate(overflowing)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Keyboard only: focus the region combobox, type, pick with Enter.
    const combo = page.getByRole('combobox', { name: 'Census regions', exact: true });
    await combo.focus();
    await page.keyboard.type('Sou');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('regions').join() === 'South');
    expect((await kpis(page))[0]).toBe(String(southStates.length));
    expect((await kpis(page))[2]).toBe(southInstallations.toLocaleString('en-US'));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Export CSV/ }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines[0]).toBe('state,state_name,region,equipment_value,equipment_quantity,agencies,installations');
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([...southStates].sort());

    // Back returns to every state; forward to the South again.
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('regions'));
    expect((await kpis(page))[0]).toBe(String(allStates.size));
    await page.goForward();
    await page.waitForFunction(() => location.search.includes('regions=South'));
    expect((await kpis(page))[0]).toBe(String(southStates.length));
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
    await opened.close();
  });

  it('shows empty states, never all data, when the filters leave no state', async () => {
    const opened = await openPage(session.browser, `${session.server.url}combined.html?regions=Territories&min=50`);
    const { page } = opened;
    await waitForPage(page);
    expect((await kpis(page))[0]).toBe('0');
    expect(await page.locator('.chart-card .state-empty').count()).toBe(10);
    await screenshot(page, 'combined-empty');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });
});
