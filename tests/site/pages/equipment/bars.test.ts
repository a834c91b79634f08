import { describe, expect, it } from 'vitest';
import { barLabels, shortenTo } from '../../../../site/pages/equipment/bars.js';

describe('bar labels', () => {
  it('leaves room for the longest label at 7.4 px a character, never less than four characters', () => {
    expect(barLabels(['Texas', 'Ohio'], 600).marginLeft).toBe(Math.round(12 + 7.4 * 5));
    expect(barLabels(['TX', 'OH'], 600).marginLeft).toBe(Math.round(12 + 7.4 * 4));
    expect(barLabels(['Texas'], 600).format('Texas')).toBe('Texas');
  });

  it('cuts labels to 30 characters on a wide chart and to 40 % of a narrow one, with an ellipsis', () => {
    const long = 'ALEXANDRIA COUNTY SHERIFF OFFICE OF PUBLIC SAFETY';
    const wide = barLabels([long], 1200);
    expect(wide.format(long)).toBe(`${long.slice(0, 29)}…`);
    expect(wide.marginLeft).toBe(Math.round(12 + 7.4 * 30));
    // 360 px wide: 40 % is 144 px, (144 − 12) / 7.4 → 17 characters.
    const phone = barLabels([long], 360);
    expect(phone.format(long)).toBe(`${long.slice(0, 16)}…`);
    expect(phone.marginLeft).toBe(Math.round(12 + 7.4 * 17));
  });

  it('fits one x tick per 70 px of bars, at least two', () => {
    expect(barLabels(['Texas'], 600).ticks).toBe(Math.floor((600 - Math.round(12 + 7.4 * 5) - 16) / 70));
    expect(barLabels(['Texas'], 150).ticks).toBe(2);
  });

  it('shortens only what is longer than its limit', () => {
    expect(shortenTo(5)('abcde')).toBe('abcde');
    expect(shortenTo(5)('abcdef')).toBe('abcd…');
  });
});
