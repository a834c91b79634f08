/**
 * "View data" headers as a reader sees them, and the rule they are judged by (tests/e2e/chart-data.test.ts and the
 * audit): a header names what the column holds, never how Plot draws it.
 */
import type { Page } from 'playwright-core';

/** Plot's channel names: how a value is drawn, not what it is. */
export const PLOT_CHANNEL_NAMES: readonly string[] = [
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'fx', 'fy', 'z', 'fill', 'stroke', 'r', 'symbol', 'opacity', 'fillOpacity', 'strokeOpacity',
  'strokeWidth', 'text', 'title', 'href', 'src', 'rotate', 'fontSize',
];

/** Field names that say nothing of what a column holds ("name" of what? "part" of what?). */
const PLACEHOLDERS: readonly string[] = ['name', 'part', 'group', 'key', 'label', 'data', 'item name'];

/**
 * A header that reads as code: a Plot channel, one letter (with digits: "q1"), a camelCase field ("nearestKm"), or
 * a placeholder field name ("name", "group").
 */
export function isCodeName(header: string): boolean {
  return PLOT_CHANNEL_NAMES.includes(header) || PLACEHOLDERS.includes(header) || /^[a-z]\d*$/i.test(header) || /^[a-z]+[A-Z0-9]\w*$/.test(header) || /^[a-z]{1,3}$/.test(header);
}

export interface ViewDataTable {
  title: string;
  headers: string[];
}

/** Opens every chart's "View data" and reads its column headers (the sort icon left out). */
export async function viewDataHeaders(page: Page): Promise<ViewDataTable[]> {
  await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('details.chart-data:not([hidden])').forEach((d) => (d.open = true)));
  await page.locator('details.chart-data[open] table').first().waitFor({ state: 'attached' }).catch(() => undefined);
  return page.evaluate(() =>
    [...document.querySelectorAll('details.chart-data:not([hidden])')].map((details) => ({
      title: details.closest('.chart-card')?.querySelector('.card-title')?.textContent ?? '?',
      headers: [...details.querySelectorAll('thead th')].map((th) => {
        const copy = th.cloneNode(true) as Element;
        copy.querySelectorAll('.sort-icon').forEach((icon) => icon.remove());
        return (copy.textContent ?? '').trim();
      }),
    })),
  );
}

/** "chart: header" for each header that reads as code. */
export function rawHeaders(tables: readonly ViewDataTable[]): string[] {
  return tables.flatMap((t) => t.headers.filter(isCodeName).map((h) => `${t.title}: ${h}`));
}
