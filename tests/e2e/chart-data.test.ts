/**
 * "View data" on every page: each chart's table is headed by what its columns hold (the chart's axis or legend
 * title, or a name the chart gave), never by a Plot channel ("fill", "y2") or a field's code name ("nearestKm",
 * "cls"), and its CSV carries exactly those headers.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openPage, useSite, waitForPage } from './harness.js';
import { rawHeaders, viewDataHeaders } from './view-data.js';

const PAGES = ['index', 'equipment', 'installations', 'ecg', 'medical', 'combined', 'status'] as const;

const session = useSite();

/** The header line of a CSV (RFC 4180, as site/lib/csv.ts writes it), as fields. */
function csvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
  const fields: string[] = [];
  for (let i = 0; i <= line.length; i++) {
    if (line[i] === '"') {
      let field = '';
      for (i++; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (line[i] === '"') {
          break;
        } else {
          field += line[i];
        }
      }
      fields.push(field);
      i++; // the comma after the closing quote
    } else {
      const end = line.indexOf(',', i);
      fields.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length : end;
    }
  }
  return fields;
}

describe.each(PAGES)('%s', (id) => {
  it('View data: every column has a human name, and the CSV has the same names', async () => {
    const { page, errors, close } = await openPage(session.browser, `${session.server.url}${id}.html`);
    await waitForPage(page);
    const tables = await viewDataHeaders(page);
    expect(tables.length, 'charts with "View data"').toBeGreaterThan(0);
    expect(rawHeaders(tables), 'View data headers that are a Plot channel or a code name').toEqual([]);
    for (const [index, table] of tables.entries()) {
      const details = page.locator('details.chart-data:not([hidden])').nth(index);
      const [download] = await Promise.all([page.waitForEvent('download'), details.locator('.chart-data-actions button').click()]);
      const csv = await readFile((await download.path()) ?? '', 'utf8');
      expect(csvHeader(csv), `${table.title}: CSV header`).toEqual(table.headers);
    }
    expect(errors).toEqual([]);
    await close();
  });
});
