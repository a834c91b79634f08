import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/site/bundle.js';
import { PAGE_META_ID } from '../../src/site/contracts/meta.js';
import { launchChromium, openPage, pageUrl, screenshot, serveStatic, waitForPage, type OpenedPage, type StaticServer } from './harness.js';

// The components are exercised on a test-only page (fixtures/components.ts) bundled here, so they are checked in
// a real browser before any page uses them, with the shell's stylesheet and the production CSP.
let dir: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dash-components-'));
  await esbuild.build({ entryPoints: [join(import.meta.dirname, 'fixtures', 'components.ts')], bundle: true, format: 'esm', outfile: join(dir, 'components.js'), logLevel: 'error' });
  const bundle = await loadBundle();
  await copyFile(join(bundle.root, bundle.css), join(dir, 'site.css'));
  const meta = JSON.stringify({ page: 'components', title: 'Components', builtAt: '2026-01-01T00:00:00.000Z', assets: {} });
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Components</title><link rel="icon" href="data:,"><link rel="stylesheet" href="site.css"><script type="module" src="components.js"></script><script type="application/json" id="${PAGE_META_ID}">${meta}</script></head><body><main id="main"><h1>Components</h1><div id="page-root" aria-busy="true"></div></main></body></html>`,
  );
  browser = await launchChromium();
  server = await serveStatic(dir);
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(search = ''): Promise<OpenedPage> {
  const opened = await openPage(browser, `${server.url}${search}`);
  await waitForPage(opened.page);
  return opened;
}

const search = async (page: Page): Promise<string> => (await pageUrl(page)).search;
const kpi = (page: Page): Promise<string | null> => page.locator('.kpi-value').textContent();

describe('components in a real browser', () => {
  it('multi-select: type-ahead, Enter to choose, chips, Backspace, Escape — all from the keyboard', async () => {
    const opened = await open();
    const { page } = opened;
    expect(await kpi(page)).toBe('30');
    await page.getByRole('combobox', { name: 'States' }).focus();
    await page.keyboard.type('tex');
    expect(await page.getByRole('listbox', { name: 'States' }).getByRole('option').allTextContents()).toEqual(['Texas']);
    await page.keyboard.press('Enter');
    expect(await search(page)).toBe('?states=TX');
    expect(await kpi(page)).toBe('6');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('listbox').isHidden()).toBe(true);
    await page.keyboard.press('Escape'); // a second Escape clears the typed text
    await page.keyboard.press('ArrowDown'); // reopens the list on its first option
    await page.keyboard.press('Enter');
    expect(await page.locator('.chip').allTextContents()).toEqual(['Texas ×', 'California ×']);
    expect(await search(page)).toBe('?states=TX&states=CA');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    expect(await page.locator('.chip').count()).toBe(0);
    expect(await search(page)).toBe('');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('multi-select from the keyboard: Tab passes through without opening the list, an exact match wins over a longer name', async () => {
    const opened = await open();
    const { page } = opened;
    const states = page.getByRole('combobox', { name: 'States' });
    const regions = page.getByRole('combobox', { name: 'Regions' });
    await states.focus();
    // Focus alone opens nothing (the list would cover the page while tabbing) …
    expect(await states.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox', { name: 'States' }).isHidden()).toBe(true);
    // … and the next Tab lands on the next control, not on the list.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id)).toBe(await regions.getAttribute('id'));
    expect(await regions.getAttribute('aria-expanded')).toBe('false');
    // ↓ opens the list; Escape closes it.
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('listbox', { name: 'Regions' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.type('West');
    expect(await page.getByRole('listbox', { name: 'Regions' }).getByRole('option').allTextContents()).toEqual(['West', 'Midwest']);
    await page.keyboard.press('Enter');
    expect(await search(page)).toBe('?regions=West');
    // With a choice made, the box asks for more instead of saying "All", and its placeholder shows whole.
    expect(await regions.getAttribute('placeholder')).toBe('Add more…');
    const fit = await regions.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return { need: context.measureText(input.placeholder).width, have: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
    });
    expect(fit.need).toBeLessThanOrEqual(fit.have);
    // The list is never a Tab stop of its own, open or closed.
    expect(await page.getByRole('listbox', { name: 'Regions' }).getAttribute('tabindex')).toBe('-1');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('range slider, radio group and search update the URL; Back restores the controls; reload reproduces the view', async () => {
    const opened = await open();
    const { page } = opened;
    await page.getByRole('slider', { name: 'Years from' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await search(page)).toBe('?years=2003..2010');
    expect(await kpi(page)).toBe('21');
    await page.getByRole('radio', { name: 'Count' }).focus();
    await page.keyboard.press('Space');
    expect(await search(page)).toBe('?years=2003..2010&metric=count');
    await page.getByRole('searchbox', { name: 'Agency' }).fill('sheriff');
    await page.waitForFunction(() => location.search.includes('q=sheriff'));
    expect(await kpi(page)).toBe('1');
    expect(await page.locator('tbody td').nth(3).textContent()).toBe('Sheriff, "County" Office');

    await page.goBack(); // the search replaced its entry, so Back undoes the radio choice
    await page.waitForFunction(() => !location.search.includes('metric'));
    expect(await page.getByRole('radio', { name: 'Value' }).isChecked()).toBe(true);
    expect(await page.getByRole('slider', { name: 'Years from' }).inputValue()).toBe('2003');

    await page.goto(`${server.url}?states=CA&states=NY&years=2001..2004&metric=count`);
    await waitForPage(page);
    expect(await page.locator('.chip').allTextContents()).toEqual(['California ×', 'New York ×']);
    expect(await page.getByRole('slider', { name: 'Years to' }).inputValue()).toBe('2004');
    expect(await page.getByRole('radio', { name: 'Count' }).isChecked()).toBe(true);
    expect(await kpi(page)).toBe('4');
    await screenshot(page, 'components');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('slider: ten arrow-key steps are one history entry; focus elsewhere and back starts a new one', async () => {
    const opened = await open('?metric=count');
    const { page } = opened;
    const from = page.getByRole('slider', { name: 'Years from' });
    const entries = await page.evaluate(() => history.length);
    await from.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    expect(await search(page)).toBe('?years=2010..2010&metric=count');
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    await page.getByRole('slider', { name: 'Years to' }).focus();
    await from.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await search(page)).toBe('?years=2009..2010&metric=count');
    await page.goBack();
    await page.waitForFunction(() => location.search === '?years=2010..2010&metric=count');
    await page.goBack();
    await page.waitForFunction(() => location.search === '?metric=count');
    expect(await from.inputValue()).toBe('2000');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('address: a name where a code is expected is used as the code; a value it cannot use is named in a dismissible notice', async () => {
    const opened = await open('?states=Texas&states=Atlantis&years=3000-1000');
    const { page } = opened;
    expect(await page.locator('.chip').allTextContents()).toEqual(['Texas ×']);
    expect(await search(page)).toBe('?states=TX');
    expect(await kpi(page)).toBe('6');
    const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
    expect(await notice.locator('li').allTextContents()).toEqual(['states=Atlantis — expected one of the choices the filter offers', 'years=3000-1000 — expected FROM..TO, e.g. 2000..2010']);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('.address-notice').count()).toBe(0);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('data table pages and sorts; CSV export writes exactly the filtered rows, RFC 4180 quoted with a BOM', async () => {
    const opened = await open('?states=CA&states=TX');
    const { page } = opened;
    expect(await page.locator('.table-status').textContent()).toBe('Rows 1–10 of 12 · page 1 of 2');
    await page.getByRole('button', { name: 'Next ›' }).click();
    expect(await page.locator('.table-status').textContent()).toBe('Rows 11–12 of 12 · page 2 of 2');
    await page.locator('th button', { hasText: 'Value' }).click();
    expect(await page.locator('tbody tr').first().locator('td').first().textContent()).toBe('27');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (12 rows)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dash-components-ca-tx-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,state,year,agency,value');
    expect(lines.length).toBe(1 + 12 + 1);
    expect(lines[1]).toBe('27,TX,2004,Agency 27,2700');
    expect(lines).toContain('7,TX,2006,"Sheriff, ""County"" Office",700');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('chart card: draws, downloads its SVG, and shows an empty state when the filters leave nothing', async () => {
    const opened = await open('?states=WA');
    const { page } = opened;
    expect(await page.locator('.chart-card svg').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).first().click()]);
    expect(download.suggestedFilename()).toBe('by-state.svg');
    expect((await readFile((await download.path()) ?? '', 'utf8')).startsWith('<svg')).toBe(true);
    await page.getByRole('searchbox', { name: 'Agency' }).fill('no such agency');
    await page.getByText('Nothing matches the current filters.').first().waitFor();
    expect(await page.getByRole('button', { name: 'SVG' }).evaluateAll((buttons) => buttons.map((b) => (b as HTMLButtonElement).disabled))).toEqual([true, true]);
    expect(await page.getByRole('button', { name: /^Export CSV/ }).isDisabled()).toBe(true);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('chart card: "View data" shows the figures the chart draws as a sortable table, and its CSV holds exactly those', async () => {
    const opened = await open('?metric=count');
    const { page } = opened;
    const card = page.locator('.chart-card').filter({ hasText: 'By state' });
    const details = card.locator('details.chart-data');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator('summary').click();
    const table = details.getByRole('table', { name: 'Figures of the chart By state' });
    // The chart (and its table) may be drawn in a later task than the click: allTextContents does not wait.
    await table.locator('tbody tr').first().waitFor();
    // Plot's groupX count: one row per state with its number of rows (30 rows over 5 states).
    expect(await table.locator('thead th').allTextContents()).toEqual(['state↕', 'Frequency↕']);
    expect(await table.locator('tbody tr').count()).toBe(5);
    expect(await table.locator('tbody td:nth-child(2)').allTextContents()).toEqual(['6', '6', '6', '6', '6']);
    await table.getByRole('button', { name: 'state' }).click();
    expect(await table.locator('tbody td:nth-child(1)').allTextContents()).toEqual(['CA', 'FL', 'NY', 'TX', 'WA']);
    const [download] = await Promise.all([page.waitForEvent('download'), details.getByRole('button', { name: 'Export CSV (5 rows)' }).click()]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')).toEqual(['\uFEFFstate,Frequency', 'CA,6', 'FL,6', 'NY,6', 'TX,6', 'WA,6', '']);
    // A filter change redraws the chart and the open table with it.
    await page.getByRole('searchbox', { name: 'Agency' }).fill('sheriff');
    await page.waitForFunction(() => location.search.includes('q=sheriff'));
    await table.locator('tbody tr').first().waitFor();
    expect(await details.locator('tbody tr').count()).toBe(1);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('first view: the first chart is drawn in a task of its own, the next in a later one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A MutationObserver is called once at the end of each task that changed the page: one call per card's first
    // chart means one task per card; both in one call would mean they were drawn together. (Later redraws, e.g.
    // after a resize, are left out.)
    await page.addInitScript(() => {
      const calls: string[][] = [];
      const seen = new Set<string>();
      (window as unknown as { chartCalls: string[][] }).chartCalls = calls;
      new MutationObserver((records) => {
        const svgs = records.flatMap((r) => [...r.addedNodes].filter((n): n is SVGSVGElement => n instanceof SVGSVGElement && n.closest('.chart-body') !== null));
        const titles = svgs.map((n) => n.closest('.chart-card')?.querySelector('.card-title')?.textContent ?? '?').filter((t) => !seen.has(t));
        for (const t of titles) seen.add(t);
        if (titles.length > 0) calls.push(titles);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await waitForPage(page);
    expect(await page.evaluate(() => (window as unknown as { chartCalls: string[][] }).chartCalls)).toEqual([['By state'], ['By year']]);
    await context.close();
  });
});
