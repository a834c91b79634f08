/**
 * The header navigation on a phone: the page links fold behind a Menu button (a disclosure), reachable and
 * closable from the keyboard; on a desktop they are all visible and there is no button.
 */
import { expect, it } from 'vitest';
import { openPage, useSite } from './harness.js';

const session = useSite();

it('folds the page links into a keyboard-operable Menu at 400 px', async () => {
  const { page, errors, close } = await openPage(session.browser, `${session.server.url}medical.html`, { viewport: { width: 400, height: 800 } });
  const nav = page.getByRole('navigation', { name: 'Pages', exact: true });
  const menu = nav.getByRole('button', { name: 'Menu' });
  const links = nav.getByRole('link');
  // The header fits the phone: no sideways scrolling, no cut-off link.
  expect(await page.evaluate(() => document.querySelector('.site-header')!.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  expect(await links.first().isVisible()).toBe(false);

  await menu.focus();
  await page.keyboard.press('Enter');
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  expect(await links.count()).toBe(7);
  for (const link of await links.all()) {
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(400);
  }
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Overview');
  await page.keyboard.press('Escape');
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('nav-toggle'))).toBe(true);
  expect(await links.first().isVisible()).toBe(false);

  // Open again and follow a link by click; a click elsewhere closes an open menu.
  await menu.click();
  await page.mouse.click(200, 600);
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  await menu.click();
  await nav.getByRole('link', { name: 'Combined' }).click();
  await page.waitForURL(/combined/);
  expect(errors).toEqual([]);
  await close();
});

it('shows every page link and no Menu button at 1280 px', async () => {
  const { page, close } = await openPage(session.browser, `${session.server.url}medical.html`);
  const nav = page.getByRole('navigation', { name: 'Pages', exact: true });
  expect(await nav.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
  for (const link of await nav.getByRole('link').all()) expect(await link.isVisible()).toBe(true);
  await close();
});
