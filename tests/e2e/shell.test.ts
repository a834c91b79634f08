/**
 * What every page shares, as a person meets it: the theme switch (remembered, no flash of the other theme), Copy
 * link, the page opened from disk, and under the real dash serve clean URLs and the site's 404 page.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, pageUrl, screenshot, serveDash, useSite, waitForPage, type StaticServer } from './harness.js';

const session = useSite();
let dash: StaticServer;
beforeAll(async () => {
  dash = await serveDash();
});
afterAll(async () => {
  await dash.close();
});

/** The page's background colour as the browser paints it. */
const background = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK = 'rgb(11, 15, 25)';
const LIGHT = 'rgb(243, 245, 249)';

describe('theme switch', () => {
  it('follows the system, then a chosen theme is remembered across reloads and pages, and is set before first paint', async () => {
    const opened = await openPage(session.browser, `${session.server.url}equipment.html`, { colorScheme: 'dark' });
    const { page } = opened;
    await waitForPage(page);
    expect(await background(page)).toBe(DARK);
    const select = page.getByLabel('Theme');
    expect(await select.inputValue()).toBe('system');
    await select.selectOption('light');
    expect([await page.evaluate(() => document.documentElement.dataset.theme), await background(page)]).toEqual(['light', LIGHT]);
    await screenshot(page, 'theme-light-chosen');

    // Before the body is parsed the theme is already light: the head script set data-theme, so the first paint (which
    // waits for the render-blocking stylesheet) is light. The painted colour is read once that stylesheet applies;
    // reading it at "interactive" raced the stylesheet's arrival under load (CI saw a transparent background).
    await page.addInitScript(() => {
      const seen = window as unknown as { themeAtBody: string | undefined; firstTheme: string };
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        seen.themeAtBody ??= document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
      document.addEventListener('DOMContentLoaded', () => {
        seen.firstTheme = getComputedStyle(document.documentElement).backgroundColor;
      });
    });
    await page.reload();
    await waitForPage(page);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('light');
    expect(await page.evaluate(() => (window as unknown as { firstTheme: string }).firstTheme)).toBe(LIGHT);
    expect(await page.getByLabel('Theme').inputValue()).toBe('light');

    await page.goto(`${session.server.url}status.html`);
    expect(await background(page)).toBe(LIGHT);
    // Back to "system": the dark system theme again, and nothing left in storage.
    await page.getByLabel('Theme').selectOption('system');
    expect(await background(page)).toBe(DARK);
    expect(await page.evaluate(() => localStorage.getItem('dash-theme'))).toBeNull();
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('a light system shows light until dark is chosen; the choice is reachable from the keyboard', async () => {
    const opened = await openPage(session.browser, `${session.server.url}index.html`, { colorScheme: 'light' });
    const { page } = opened;
    await waitForPage(page);
    expect(await background(page)).toBe(LIGHT);
    await page.getByLabel('Theme').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
    expect(await background(page)).toBe(DARK);
    await opened.close();
  });
});

describe('Copy link', () => {
  it('copies the address with the filters, and says so', async () => {
    const opened = await openPage(session.browser, `${session.server.url}equipment.html?state=CA&state=TX`);
    const { page } = opened;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.server.url).origin });
    await waitForPage(page);
    const button = page.getByRole('button', { name: 'Copy link' });
    await button.click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe((await pageUrl(page)).href);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('state=CA&state=TX');
    expect(await page.locator('.copy-link').textContent()).toBe('Copied');
    expect(opened.errors).toEqual([]);
    await opened.close();
  });
});

describe('opened from disk', () => {
  it('says why nothing can be drawn from file:// and what to run, instead of "Loading…" forever', async () => {
    const opened = await openPage(session.browser, pathToFileURL(join(inject('siteDir'), 'index.html')).href);
    const { page } = opened;
    const notice = page.getByRole('alert');
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.locator('h2').textContent()).toBe('Open this site through a web server');
    expect(await notice.locator('code').allTextContents()).toEqual(['dash serve', 'python3 -m http.server -d dist']);
    expect(await page.getByText('Loading…').count()).toBe(0);
    expect(await page.locator('#page-root').getAttribute('aria-busy')).toBeNull();
    await screenshot(page, 'file-notice');
    await opened.close();
  });
});

describe('under dash serve', () => {
  it('serves clean URLs: /equipment is the Equipment page, its links and filters working', async () => {
    const opened = await openPage(session.browser, `${dash.url}equipment?state=CA`);
    const { page } = opened;
    await waitForPage(page);
    expect(await page.locator('h1').textContent()).toBe('Equipment');
    expect(await page.locator('link[rel=canonical]').evaluate((l) => (l as HTMLLinkElement).href)).toBe(`${dash.url}equipment.html`);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Status' }).click();
    await page.waitForURL(`${dash.url}status.html`);
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
    await opened.close();
  });

  it("answers a missing page with the site's 404 page: header, styles and a link home, at any depth", async () => {
    for (const path of ['equipmnt', 'some/deep/missing.html']) {
      const opened = await openPage(session.browser, `${dash.url}${path}`, { viewport: { width: 400, height: 800 } });
      const { page } = opened;
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      // At 400 px the page links are folded into the Menu, as on every page.
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Menu' }).click();
      expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').count()).toBe(7);
      await page.keyboard.press('Escape');
      // Styled (the dark background), not the browser's bare default.
      expect(await background(page)).toBe(DARK);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      await screenshot(page, `not-found-${path.split('/').length}`);
      await page.getByRole('link', { name: 'Go to the Overview' }).click();
      await page.waitForURL(`${dash.url}index.html`);
      await waitForPage(page);
      expect(opened.failed.filter((f) => !f.includes(path))).toEqual([]);
      await opened.close();
    }
  });
});
