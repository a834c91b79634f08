import { describe, expect, it } from 'vitest';
import { csvText, expectLandmarks, expectSkipLink, openPage, pageUrl, screenshot, useSite, useSiteRebuilt, waitForPage, type StaticServer } from './harness.js';

const session = useSite();
const assetRequests = (server: StaticServer, kind: string): string[] => server.requests.filter((path) => path.includes(`/medical.${kind}`));

describe('Medical Records page', () => {
  it('draws every chart from the small assets, searches, filters and opens a record lazily, all in the URL', async () => {
    const { page, errors, failed, close } = await openPage(session.browser, `${session.server.url}medical.html`);
    await waitForPage(page);
    await expectLandmarks(page);
    // Seven cards, each drawn (Plot's legends add SVGs of their own, so count cards, not SVGs).
    expect(await page.evaluate(() => [...document.querySelectorAll('.chart-card .chart-body')].filter((b) => b.querySelector('svg')).length)).toBe(7);
    // Before any search or selection only the records and keywords assets are fetched.
    expect(assetRequests(session.server, 'records')).toHaveLength(1);
    expect(assetRequests(session.server, 'keywords')).toHaveLength(1);
    expect(assetRequests(session.server, 'search')).toEqual([]);
    expect(assetRequests(session.server, 'transcripts')).toEqual([]);
    const total = await page.locator('.table-status').textContent();

    // Search: plain words, regex syntax is harmless, the index arrives on the first search.
    await page.getByLabel('Search keywords and transcriptions').fill('chest (pain');
    await page.getByLabel('Search keywords and transcriptions').press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'chest (pain');
    await page.waitForFunction(() => /records contain/.test(document.querySelector('.search-status')?.textContent ?? ''));
    expect(assetRequests(session.server, 'search')).toHaveLength(1);
    expect(await page.locator('.search-status').textContent()).toMatch(/^\d[\d,]* records contain “chest…” and “pain…”$/);
    expect(await page.locator('.table-status').textContent()).not.toBe(total);
    expect((await page.locator('tbody mark').allTextContents()).map((t) => t.toLowerCase())).toContain('chest');

    // Specialty from the keyboard: type-ahead, Enter.
    await page.getByRole('combobox', { name: 'Medical specialty' }).fill('Consult');
    await page.getByRole('combobox', { name: 'Medical specialty' }).press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('specialty').length === 1);
    const specialty = (await pageUrl(page)).searchParams.get('specialty')!;
    expect((await page.locator('tbody tr td:nth-child(2)').allTextContents()).every((s) => s === specialty)).toBe(true);

    // Open the first record from the keyboard: its shard is fetched, the text is shown with marks.
    await page.locator('tbody tr').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('pre.transcript')?.textContent ?? '').length > 0);
    expect(assetRequests(session.server, 'transcripts')).toHaveLength(1);
    expect(await page.locator('pre.transcript mark').count()).toBeGreaterThan(0);
    const record = (await pageUrl(page)).searchParams.get('record');
    expect(record).not.toBeNull();
    await screenshot(page, 'medical-search');

    // Reload reproduces the view; Back undoes the record selection.
    const text = await page.locator('pre.transcript').textContent();
    await page.reload();
    await waitForPage(page);
    await page.waitForFunction(() => (document.querySelector('pre.transcript')?.textContent ?? '').length > 0);
    expect(await page.locator('pre.transcript').textContent()).toBe(text);
    expect(await page.getByLabel('Search keywords and transcriptions').inputValue()).toBe('chest (pain');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('record'));
    expect(await page.locator('.transcript-card').isHidden()).toBe(true);

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await close();
  });

  it('ranks only specialties with n ≥ 20 records, shows n on each, and sizes the bubbles with a key', async () => {
    const { page, errors, close } = await openPage(session.browser, `${session.server.url}medical.html`);
    await waitForPage(page);
    const resource = page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Resource allocation index' }) });
    const labels = await resource.locator('svg g[data-mark="text"] text').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    // Every bar label carries its n, and every n is at least 20.
    const counts = labels.map((l) => Number(/n = ([\d,]+)/.exec(l)?.[1]?.replaceAll(',', '')));
    expect(counts.every((n) => n >= 20)).toBe(true);
    expect(await resource.locator('.resource-note').textContent()).toMatch(/^Specialties with n ≥ 20 records only: \d+ with fewer left out/);
    // The length boxes name n in their tick labels.
    const lengths = page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Transcription length by specialty' }) });
    expect(await lengths.locator('svg g[data-mark="y-axis tick label"] text').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/ · n = [\d,]+$/)]));
    // The quadrant's bubbles have a size key with three reference sizes.
    const key = page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Resource demand quadrant' }) }).locator('svg.size-legend');
    expect(await key.locator('circle').count()).toBe(3);
    expect(errors).toEqual([]);
    await close();
  });

  it('makes the cloud the keywords distinctive of the selection, not a copy of the keyword bars', async () => {
    const { page, errors, close } = await openPage(session.browser, `${session.server.url}medical.html`);
    await waitForPage(page);
    const cloud = page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Distinctive keywords' }) });
    const note = (await cloud.locator('.cloud-contrast').textContent()) ?? '';
    expect(note).toMatch(/^.+ \(n = [\d,]+\) against all other records \(n = [\d,]+\) · no filter: the largest specialty/);
    const words = await cloud.locator('svg.word-cloud text').evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent ?? ''));
    expect(words.length).toBeGreaterThan(0);
    // Each word is over-represented: its share of the compared records exceeds its share of the others.
    const titles = await cloud.locator('svg.word-cloud title').allTextContents();
    for (const title of titles) {
      const m = /: z = ([\d.]+) · in ([\d,]+) of ([\d,]+) records compared, ([\d,]+) of ([\d,]+) others$/.exec(title);
      if (m === null) throw new Error(`unexpected cloud title: ${title}`);
      const [inFocus, focus, inRest, rest] = m.slice(2).map((v) => Number(v.replaceAll(',', ''))) as [number, number, number, number];
      expect(inFocus / focus).toBeGreaterThan(inRest / rest);
    }
    // Choosing a specialty compares it instead, and says so.
    const second = await page.locator('.chart-card', { has: page.locator('h2', { hasText: 'Records by medical specialty' }) }).locator('svg g[data-mark="y-axis tick label"] text').nth(1).textContent();
    await page.goto(`${session.server.url}medical.html?specialty=${encodeURIComponent(second ?? '')}`);
    await waitForPage(page);
    expect(await cloud.locator('.cloud-contrast').textContent()).toMatch(new RegExp(`^${(second ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(n = [\\d,]+\\) against all other records \\(n = [\\d,]+\\)$`));
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the default view', async () => {
    const { page, errors, close } = await openPage(session.browser, `${session.server.url}medical.html`);
    await waitForPage(page);
    await expectSkipLink(page);
    await screenshot(page, 'medical');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('Medical Records page with markup in the data', () => {
  const PAYLOAD = 'Before <script>window.__pwned = 1</script> middle <img src="x" onerror="window.__pwned = 2"> after';
  // The demo caches, with the healthcare cache rebuilt from a file whose text holds markup.
  const rebuilt = useSiteRebuilt('healthcare', {
    'healthcare_documentation/Healthcare Documentation Database.csv': csvText('Serial No,description,medical_specialty,sample_name,transcription,keywords,cleaned_transcription', [
      ['0', 'Chest pain <b>bold</b>', 'Cardiovascular / Pulmonary', '<img src=x onerror="window.__pwned = 3">', PAYLOAD, 'cardiology, chest pain, <script>', 'chest pain'],
      ['1', 'Knee arthroscopy', 'Orthopedic', 'Knee', 'Plain text.', 'orthopedic, knee', 'plain text'],
    ]),
  });

  it('renders <script> and <img onerror> in a transcription as text, and nothing runs', async () => {
    const { page, errors, failed, close } = await openPage(rebuilt.browser, `${rebuilt.server.url}medical.html?q=script&record=0`);
    await waitForPage(page);
    await page.waitForFunction(() => (document.querySelector('pre.transcript')?.textContent ?? '').includes('after'));
    expect(await page.locator('pre.transcript').textContent()).toBe(PAYLOAD);
    expect(await page.locator('pre.transcript mark').allTextContents()).toEqual(['script', 'script']);
    // The markup is text: no element was created from it anywhere on the page, and no handler ran.
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(await page.locator('tbody').textContent()).toContain('<img src=x onerror="window.__pwned = 3">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(page, 'medical-markup');
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await close();
  });
});
