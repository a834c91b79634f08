import { readManifest } from '../../src/cache/manifest.js';
import { describe, expect, inject, it } from 'vitest';
import { chartCount, expectLandmarks, expectSkipLink, openPage, pageUrl, screenshot, serveStatic, tabUntil, useSite, waitForPage } from './harness.js';

const siteDir = inject('siteDir');
const manifest = await readManifest(inject('cacheDir'));

const session = useSite();

describe('Overview page', () => {
  it('loads without errors, shows the real row counts and draws its chart', async () => {
    const opened = await openPage(session.browser, session.server.url);
    const { page } = opened;
    await waitForPage(page);
    await expectLandmarks(page);
    expect(await page.title()).toBe('Overview · dash');
    expect(await page.locator('nav[aria-label="Pages"] a[aria-current="page"]').textContent()).toBe('Overview');
    // Every built dataset's row count from the manifest appears in the data-sources table.
    const tableText = (await page.locator('table').first().textContent()) ?? '';
    const built = Object.values(manifest.artefacts).filter((e) => e !== undefined);
    if (built.length > 0) expect(await chartCount(page)).toBe(1);
    else expect(await page.locator('.chart-card .state-empty').textContent()).toBe('No cache has been built yet: run `dash build`.');
    for (const entry of built) expect(tableText).toContain(entry.rows.toLocaleString('en-US'));
    const total = built.reduce((s, e) => s + e.rows, 0);
    expect(await page.locator('.kpi-detail').first().textContent()).toBe(`${total.toLocaleString('en-US')} rows across ${built.length} datasets`);

    await screenshot(page, 'overview');
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
    await opened.close();
  });

  it('works from the keyboard: skip link, then sorting the table', async () => {
    const opened = await openPage(session.browser, session.server.url);
    const { page } = opened;
    await waitForPage(page);
    await expectSkipLink(page);
    await tabUntil(page, (el) => el.classList.contains('sort-button') && (el.textContent ?? '').startsWith('Dataset'));
    await page.keyboard.press('Enter');
    const header = page.locator('th', { hasText: 'Dataset' });
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    // Focus stays on the header button after the table re-renders, so Enter again reverses the order.
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const titles = await page.locator('tbody tr td:first-child').allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('keeps the table sort in the URL: reload restores it, Back undoes it', async () => {
    const opened = await openPage(session.browser, session.server.url);
    const { page } = opened;
    await waitForPage(page);
    await page.locator('th button', { hasText: 'Dataset' }).click();
    await page.locator('th button', { hasText: 'Dataset' }).click();
    expect((await pageUrl(page)).search).toBe('?sort=title&dir=desc');
    await page.reload();
    await waitForPage(page);
    expect(await page.locator('th', { hasText: 'Dataset' }).getAttribute('aria-sort')).toBe('descending');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('th[aria-sort]')?.getAttribute('aria-sort') === 'ascending');
    expect((await pageUrl(page)).search).toBe('?sort=title');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('works under a sub-path of a static host', async () => {
    const sub = await serveStatic(siteDir, { prefix: '/some/sub/path/' });
    try {
      const opened = await openPage(session.browser, sub.url);
      await waitForPage(opened.page);
      expect(await opened.page.locator('tbody tr').first().locator('td').first().textContent()).toBeTruthy();
      await opened.page.locator('nav a', { hasText: 'Status' }).click();
      await waitForPage(opened.page);
      expect((await pageUrl(opened.page)).pathname).toBe('/some/sub/path/status.html');
      expect(sub.requests.every((p) => p.startsWith('/some/sub/path/'))).toBe(true);
      expect(opened.errors).toEqual([]);
      expect(opened.failed).toEqual([]);
      await opened.close();
    } finally {
      await sub.close();
    }
  });

  it('shows an error state, not a blank page, when its data asset is missing', async () => {
    const broken = await serveStatic(siteDir, { hide: (path) => path.startsWith('data/overview.') });
    try {
      const opened = await openPage(session.browser, broken.url);
      await waitForPage(opened.page);
      const alert = opened.page.getByRole('alert');
      expect(await alert.locator('h2').textContent()).toBe('This page could not load its data');
      expect(await alert.textContent()).toContain('HTTP 404');
      await opened.close();
    } finally {
      await broken.close();
    }
  });
});
