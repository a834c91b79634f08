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

    // Fiducial tables: the next beat's R has a sample index and a time 8 ms × the index; the heart rate has a value
    // in bpm and the normal range beside it.
    const rRow = page.locator('table tr', { has: page.locator('td', { hasText: /^R \(next beat\)$/ }) }).first();
    const cells = await rRow.locator('td').allTextContents();
    expect(Number(cells[2]?.replace(/,/g, ''))).toBeCloseTo(Number(cells[1]) * 8, 5);
    expect(Number(cells[1])).toBeGreaterThan(40);
    const hrCells = await page.locator('table tr', { has: page.locator('td', { hasText: /^Heart rate$/ }) }).first().locator('td').allTextContents();
    expect(hrCells[1]).toMatch(/^\d+ bpm$/);
    expect(hrCells[2]).toBe('60–100');

    // The class distribution keeps its bars on the log scale (it drew none: a bar's base 0 has no place on a log axis).
    const distribution = page.locator('.card', { has: page.getByRole('heading', { name: 'Class distribution, train vs test' }) });
    const linearBars = await distribution.locator('.distribution-bar rect').count();
    expect(linearBars).toBeGreaterThan(0);
    await page.getByRole('group', { name: 'Distribution scale' }).getByText('Log', { exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scale') === 'log');
    await expect.poll(() => distribution.locator('.distribution-bar rect').count()).toBe(linearBars);

    // Features per class: five features, each its own chart with one interquartile bar and one median per class.
    const features = page.locator('.feature-row figure');
    expect(await features.locator('.feature-title').allTextContents()).toEqual([
      'Heart rate (bpm)',
      'QRS width, next beat (ms)',
      'T amplitude (normalised)',
      'Row length before padding (ms)',
      'Energy (Σ x²)',
    ]);
    const medians = await features.evaluateAll((figs) => figs.map((f) => f.querySelectorAll('.feature-median line').length));
    expect(medians).toEqual([5, 5, 5, 5, 5]);

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

  it('fits a phone in both themes: no sideways scroll, whole fiducial tables, a readable idle trace', async () => {
    for (const colorScheme of ['dark', 'light'] as const) {
      const opened = await openPage(session.browser, `${session.server.url}ecg.html`, { viewport: { width: 400, height: 800 }, colorScheme });
      const { page } = opened;
      await waitForPage(page);
      await page.locator('.ecg-fiducials table').first().waitFor();
      // The five MIT-BIH class names made the page 538 px wide at 400 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      // Every fiducial table shows all its columns (the Amplitude column was cut).
      const cut = await page.locator('.ecg-fiducials .table-scroll').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
      expect(cut).toBe(0);
      // The idle (before Play) trace: at least 3:1 against the monitor's background (it was pale mint on white).
      const contrast = await page.locator('canvas.ecg-monitor').evaluate((canvas) => {
        const style = getComputedStyle(canvas);
        const probe = document.createElement('span');
        document.body.append(probe);
        const rgb = (css: string): number[] => {
          probe.style.color = css;
          return (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        };
        const trace = rgb(style.getPropertyValue('--trace-idle'));
        const background = rgb(style.backgroundColor);
        probe.remove();
        const lum = ([r, g, b]: number[]): number =>
          [r, g, b].map((c) => ((c as number) / 255 <= 0.03928 ? (c as number) / 255 / 12.92 : (((c as number) / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * ([0.2126, 0.7152, 0.0722][i] as number), 0);
        const [hi, lo] = [lum(trace), lum(background)].sort((a, b) => b - a) as [number, number];
        return (hi + 0.05) / (lo + 0.05);
      });
      expect(contrast).toBeGreaterThanOrEqual(3);
      await screenshot(page, `ecg-400-${colorScheme}`);
      expect(opened.errors).toEqual([]);
      await opened.close();
    }
  });
});
