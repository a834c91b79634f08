import { describe, expect, it } from 'vitest';
import { niceBelow, sizeLegendValues } from '../../../site/lib/size-legend.js';

describe('size legend values', () => {
  it('rounds down to 1, 2 or 5 × 10^k', () => {
    expect([niceBelow(1234), niceBelow(999), niceBelow(250), niceBelow(5), niceBelow(0.3), niceBelow(0)]).toEqual([1000, 500, 200, 5, 0.2, 0]);
  });

  it('gives up to three distinct values near the max, a fifth and a twenty-fifth of it', () => {
    expect(sizeLegendValues(1234)).toEqual([20, 200, 1000]);
    expect(sizeLegendValues(2.3e9)).toEqual([5e7, 2e8, 2e9]);
    expect(sizeLegendValues(3)).toEqual([0.1, 0.5, 2]);
    expect(sizeLegendValues(0)).toEqual([]);
  });
});
