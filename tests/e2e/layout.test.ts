/**
 * The layout audit: every page at a desktop and a phone width, in both themes — nothing wider than the window,
 * no chart wider than its card, no chart card more than a quarter empty under its content, no chart text colliding with other text or cut by its SVG, and the page does not
 * jump while its charts draw (CLS). Measured by tests/e2e/layout-audit.ts, judged by tests/support/layout-geometry.ts.
 */
import { describe, expect, it } from 'vitest';
import { auditLayout } from './layout-audit.js';
import { openPage, screenshot, useSite, waitForPage } from './harness.js';

const PAGES = ['index', 'equipment', 'installations', 'ecg', 'medical', 'combined', 'status'];
const VIEWPORTS = [
  { name: '1280', viewport: { width: 1280, height: 900 } },
  { name: '400', viewport: { width: 400, height: 800 } },
] as const;
const THEMES = ['dark', 'light'] as const;
/** The most a page may shift while it loads and draws (Core Web Vitals' "good" is 0.1; ours is stricter). */
const MAX_CLS = 0.05;


const session = useSite();

describe.each(PAGES)('%s', (id) => {
  describe.each(VIEWPORTS)('at $name px', ({ name, viewport }) => {
    it.each(THEMES)('%s: fits the window, no mostly empty card, no colliding or cut chart text, no layout shift', async (theme) => {
      const { page, close } = await openPage(session.browser, `${session.server.url}${id}.html`, { viewport, colorScheme: theme });
      await waitForPage(page);
      const audit = await auditLayout(page);
      await screenshot(page, `layout-${id}-${name}-${theme}`);
      await close();
      expect(audit.scrollWidth, 'page wider than the window').toBeLessThanOrEqual(audit.innerWidth);
      expect(audit.problems).toEqual([]);
      expect(audit.cls, 'cumulative layout shift').toBeLessThanOrEqual(MAX_CLS);
    });
  });
});
