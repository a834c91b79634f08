/**
 * A page's first view draws its charts one per task (chart-card.ts inTurns), so the browser paints between them
 * and no task blocks input for the whole page (Lighthouse's Total Blocking Time). Every card's ResizeObserver
 * reports once, all in one frame: if that drew the cards still waiting for their turn, most of a page's charts
 * would be drawn in a single task again (Installations: one 600 ms task, desktop performance 81).
 */
import { expect, it } from 'vitest';
import { openPage, useSite, waitForPage } from './harness.js';

const session = useSite();

it.each(['equipment', 'installations', 'ecg', 'medical', 'combined'])('%s: the first view draws at most one chart per task', async (id) => {
  const { page, errors, close } = await openPage(session.browser, `${session.server.url}${id}.html`);
  // A MutationObserver is called once after each task that changed the page: the cards whose first chart (an SVG,
  // not an empty or loading state) it sees were drawn in that task. The page is loaded again with the observer in place from the start.
  await page.addInitScript(() => {
    const calls: string[][] = [];
    const seen = new Set<string>();
    const w = window as unknown as { chartCalls: string[][]; resizeSteps: Record<string, string[]> };
    w.chartCalls = calls;
    new MutationObserver((records) => {
      const cards = records.flatMap((r) => [...r.addedNodes].filter((n): n is Element => n instanceof Element && n.closest('.chart-body') !== null && (n.matches('svg') || n.querySelector('svg') !== null)));
      const titles = [...new Set(cards.map((n) => n.closest('.chart-card')?.querySelector('.card-title')?.textContent ?? '?'))].filter((t) => !seen.has(t));
      for (const t of titles) seen.add(t);
      if (titles.length > 0) calls.push(titles);
    }).observe(document, { childList: true, subtree: true });
    // Every ResizeObserver callback of one rendering step runs in that step's task, each followed by its own
    // microtask checkpoint (so the MutationObserver above sees them apart): charts first drawn in a resize callback
    // are also collected per rendering step (the timeline's time is the step's).
    w.resizeSteps = {};
    const drawn = (): string[] => [...document.querySelectorAll('.chart-card')].filter((c) => c.querySelector('.chart-body svg')).map((c) => c.querySelector('.card-title')?.textContent ?? '?');
    const Native = window.ResizeObserver;
    window.ResizeObserver = class extends Native {
      constructor(callback: ResizeObserverCallback) {
        super((entries, observer) => {
          const before = new Set(drawn());
          callback(entries, observer);
          const added = drawn().filter((t) => !before.has(t));
          const step = String(document.timeline.currentTime);
          if (added.length > 0) w.resizeSteps[step] = [...(w.resizeSteps[step] ?? []), ...added];
        });
      }
    };
  });
  // A phone's CPU (as Lighthouse's mobile run): a turn then outlasts a frame, so the observers report between turns.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.reload();
  await waitForPage(page);
  const { calls, steps } = await page.evaluate(() => {
    const w = window as unknown as { chartCalls: string[][]; resizeSteps: Record<string, string[]> };
    return { calls: w.chartCalls, steps: Object.values(w.resizeSteps) };
  });
  expect(calls.length).toBeGreaterThan(3);
  expect(calls.filter((titles) => titles.length > 1)).toEqual([]);
  expect(steps.filter((titles) => titles.length > 1)).toEqual([]);
  expect(errors).toEqual([]);
  await close();
});
