import { describe, expect, inject, it } from 'vitest';
import { listCacheFiles } from '../../src/site/caches.js';
import { expectLandmarks, expectSkipLink, openPage, screenshot, serveDash, useSite, waitForPage } from './harness.js';

const cacheFiles = await listCacheFiles(inject('cacheDir'));

const session = useSite();

describe('Status page', () => {
  it('on a static host: datasets and cache files, and says live figures are unavailable without requesting them', async () => {
    const opened = await openPage(session.browser, `${session.server.url}status.html`);
    const { page } = opened;
    await waitForPage(page);
    await expectLandmarks(page);
    await page.getByText('Live figures are unavailable').waitFor();
    expect(session.server.requests.filter((p) => p === '/health' || p === '/metrics')).toEqual([]);
    expect(await page.locator('tbody').first().locator('tr').count()).toBe(4);
    // The demo data is clean: the warnings section says so.
    expect(await page.locator('section[aria-label="Input warnings"]').textContent()).toBe('Input warningsNo warnings: every input row was read as written.');
    // One size bar per cache file plus the total row.
    expect(await page.locator('.bar-list li').count()).toBe(cacheFiles.length === 0 ? 0 : cacheFiles.length + 1);
    await screenshot(page, 'status');
    await expectSkipLink(page);
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
    await opened.close();
  });

  it('under the real dash serve: readable counter names, sizes in bytes units, every counter on one page, UTC time', async () => {
    const served = await serveDash();
    try {
      // Traffic of several routes and statuses, so there are more counters than one page of the smallest size.
      const base = served.url;
      const script = /<script type="module" src="([^"]+)"/.exec(await (await fetch(`${base}status.html`)).text())?.[1];
      for (const path of ['', 'equipment.html', 'missing.html', 'nope.txt', 'health', 'healthz', 'metrics', script]) await fetch(`${base}${path}`);
      await fetch(`${base}index.html`, { headers: { 'If-None-Match': (await fetch(`${base}index.html`)).headers.get('etag') ?? '' } });
      const before = (await (await fetch(`${base}metrics`)).json()) as { counters: Record<string, number> };
      const opened = await openPage(session.browser, `${base}status.html`);
      const { page } = opened;
      await waitForPage(page);
      await page.waitForFunction(() => document.querySelector('.live .kpi-value')?.textContent !== '—');
      const counters = page.locator('.live table').first();
      const names = await counters.locator('tbody td:first-child').evaluateAll((cells) => cells.map((c) => c.firstElementChild?.firstChild?.textContent ?? null));
      expect(names.length).toBeGreaterThanOrEqual(Object.keys(before.counters).length);
      expect(names.length).toBeGreaterThan(10);
      expect(names).toContain('Bytes sent · assets');
      expect(names).toContain('Requests · pages · HTTP 404');
      expect(names).toContain('Cache hits (304 revalidations)');
      expect(names.every((n) => n !== null && !/[_{}]/.test(n))).toBe(true);
      // The raw key stays beside the name, for Prometheus queries.
      expect(await counters.locator('code.metric-key').first().textContent()).toMatch(/^[a-z_]+(\{.*\})?$/);
      const bytesRow = counters.locator('tr', { hasText: 'Bytes sent · assets' }).locator('td').nth(1);
      expect(await bytesRow.textContent()).toMatch(/^\d+(\.\d+)? (B|KiB|MiB)$/);
      // One page: no paging buttons, and the page-size choice only because there are more than 10 rows.
      expect(await page.locator('.live').getByRole('button', { name: /Next|Previous/ }).filter({ visible: true }).count()).toBe(0);
      const timings = page.locator('.live .table-scroll').nth(1);
      expect(await timings.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await page.locator('.live > .page-section > p').last().textContent()).toMatch(/^Updated ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC · refreshes every 10 s$/);
      await screenshot(page, 'status-live');
      expect(opened.errors).toEqual([]);
      expect(opened.failed).toEqual([]);
      await opened.close();
    } finally {
      await served.close();
    }
  });

  it('under dash serve at 400 px: the live tables fit, nothing scrolls sideways', async () => {
    const served = await serveDash();
    try {
      const opened = await openPage(session.browser, `${served.url}status.html`, { viewport: { width: 400, height: 800 }, colorScheme: 'light' });
      const { page } = opened;
      await waitForPage(page);
      await page.waitForFunction(() => document.querySelector('.live .kpi-value')?.textContent !== '—');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      await screenshot(page, 'status-live-400-light');
      await opened.close();
    } finally {
      await served.close();
    }
  });
});
