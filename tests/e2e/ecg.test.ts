import { describe, expect, it } from 'vitest';
import { expectLandmarks, openPage, pageUrl, screenshot, useSite, waitForPage } from './harness.js';

const session = useSite();

describe('ECG page', () => {
  it('plays, pauses, resets, changes speed and class, browses beats, opens a PCA point, and keeps it all in the URL', async () => {
    const opened = await openPage(session.browser, `${session.server.url}ecg.html`);
    const { page } = opened;
    await waitForPage(page);
    await expectLandmarks(page);
    const canvas = page.locator('canvas.ecg-monitor');
    expect(await canvas.getAttribute('data-state')).toBe('ready');

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => Number(document.querySelector('canvas.ecg-monitor')?.getAttribute('data-frames')) > 30);
    expect(await canvas.getAttribute('data-state')).toBe('playing');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(await canvas.getAttribute('data-state')).toBe('paused');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    expect(await canvas.getAttribute('data-state')).toBe('ready');

    await page.getByRole('group', { name: 'Speed' }).getByText('Fast 2×', { exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('speed') === 'fast');

    await page.getByRole('group', { name: 'Class' }).getByText('Ventricular (V)', { exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('class') === 'Ventricular (V)');
    // Arrow keys walk the classes, and the focus stays in the group while the page redraws.
    await page.getByRole('radio', { name: 'Ventricular (V)' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('class') === 'Fusion (F)');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Fusion (F)');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('class') === 'Ventricular (V)');
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('beat') === '2');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('beat') === '1');
    expect(await page.getByText('beat 2 of 50').count()).toBeGreaterThan(0);

    // Fiducial table: the R row has an index and a time 8 ms × the index.
    const rRow = page.locator('table tr', { has: page.locator('td', { hasText: /^R$/ }) }).first();
    const cells = await rRow.locator('td').allTextContents();
    expect(Number(cells[2]?.replace(/,/g, ''))).toBeCloseTo(Number(cells[1]) * 8, 5);

    // PCA: click the middle of the plot area where points are; the URL then names a class and beat.
    await page.getByRole('group', { name: 'Dataset' }).getByText('PTB', { exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('dataset') === 'ptbdb');
    const pca = page.locator('.pca-plot').first();
    await pca.scrollIntoViewIfNeeded();
    const dot = pca.locator('circle').first();
    await dot.hover();
    await dot.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('class'));
    expect(['Normal', 'Abnormal']).toContain((await pageUrl(page)).searchParams.get('class'));

    await page.reload();
    await waitForPage(page);
    expect(await page.getByRole('radio', { name: 'PTB' }).isChecked()).toBe(true);
    await screenshot(page, 'ecg');
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
    await opened.close();
  });
});
