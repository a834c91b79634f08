import { describe, expect, it } from 'vitest';
import { shortenTo } from '../../../../site/pages/equipment/bars.js';

// The bar labels' margin, cut and ticks are site/lib/chart-layout.ts's bandLabels (tests/site/lib/chart-layout.test.ts).
describe('shortenTo', () => {
  it('shortens only what is longer than its limit', () => {
    expect(shortenTo(5)('abcde')).toBe('abcde');
    expect(shortenTo(5)('abcdef')).toBe('abcd…');
  });
});
