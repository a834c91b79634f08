import type { ServerResponse } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { listCacheFiles } from '../../src/site/caches.js';
import { expectLandmarks, expectSkipLink, openPage, screenshot, serveStatic, useSite, waitForPage } from './harness.js';

const siteDir = inject('siteDir');
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
    // One size bar per cache file plus the total row.
    expect(await page.locator('.bar-list li').count()).toBe(cacheFiles.length === 0 ? 0 : cacheFiles.length + 1);
    await screenshot(page, 'status');
    await expectSkipLink(page);
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
    await opened.close();
  });

  it('under dash serve (its header present): shows /health and /metrics figures', async () => {
    const json = (body: unknown) => (_req: unknown, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const served = await serveStatic(siteDir, {
      headers: { 'x-dash-server': '0.1.0' },
      routes: {
        '/health': json({ status: 'healthy', uptime_seconds: 3725.4, cache: { equipment: { exists: true, size_bytes: 10 }, bases: { exists: false, size_bytes: 0 }, healthcare: { exists: true, size_bytes: 5 }, ecg: { exists: true, size_bytes: 7 } }, cache_directory: true, data_available: true, all_caches_warm: false }),
        '/metrics': json({ counters: { 'http_requests_total{route=/,status=200}': 40, 'http_requests_total{route=/health,status=200}': 2, 'cache_hits{kind=304}': 5 }, histograms: { 'http_request_duration_seconds{route=/}': { count: 40, sum: 0.4, min: 0.001, max: 0.05, avg: 0.01 } } }),
      },
    });
    try {
      const opened = await openPage(session.browser, `${served.url}status.html`);
      const { page } = opened;
      await waitForPage(page);
      await page.getByText('Uptime').waitFor();
      await page.waitForFunction(() => document.querySelector('.live .kpi-value')?.textContent !== '—');
      const values = await page.locator('.live .kpi-value').allTextContents();
      expect(values).toEqual(['1 h 2 min', 'healthy', '42', '3 / 4']);
      expect(await page.locator('.live table').first().textContent()).toContain('cache_hits{kind=304}');
      await screenshot(page, 'status-live');
      expect(opened.errors).toEqual([]);
      expect(opened.failed).toEqual([]);
      await opened.close();
    } finally {
      await served.close();
    }
  });
});
