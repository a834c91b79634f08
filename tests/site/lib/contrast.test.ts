import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, flatten, parseColor, relativeLuminance } from '../../../site/lib/contrast.js';

describe('contrast', () => {
  it('reads the colour forms getComputedStyle gives', () => {
    expect(parseColor('rgb(229, 231, 235)')).toEqual({ r: 229, g: 231, b: 235, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0.35)')).toEqual({ r: 0, g: 0, b: 0, a: 0.35 });
    expect(parseColor('rgb(10 20 30 / 0.5)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('color(srgb 1 0.5 0 / 0.2)')).toEqual({ r: 255, g: 127.5, b: 0, a: 0.2 });
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('#0b0f1980').a).toBeCloseTo(128 / 255, 5);
    expect(parseColor('transparent').a).toBe(0);
    expect(() => parseColor('oklch(0.5 0.1 200)')).toThrow(/audit can read/);
  });

  it('gives the WCAG ratios of known pairs', () => {
    const white = parseColor('#ffffff');
    const black = parseColor('#000000');
    expect(relativeLuminance(white)).toBeCloseTo(1, 6);
    expect(contrastRatio(black, white)).toBeCloseTo(21, 6);
    expect(contrastRatio(white, white)).toBe(1);
    // #767676 on white is the classic 4.54:1 just over AA.
    expect(contrastRatio(parseColor('#767676'), white)).toBeCloseTo(4.54, 2);
    // The defect of issue 14: Plot's white tip box under the dark theme's near-white text.
    expect(contrastRatio(parseColor('rgb(229, 231, 235)'), white)).toBeCloseTo(1.24, 2);
  });

  it('paints translucent layers onto what is under them', () => {
    expect(composite(parseColor('rgba(0, 0, 0, 0.5)'), parseColor('#ffffff'))).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    // nearest first: a transparent element over a dark card is the dark card
    expect(flatten(['rgba(0, 0, 0, 0)', 'rgb(21, 29, 46)', 'rgb(11, 15, 25)'])).toEqual({ r: 21, g: 29, b: 46, a: 1 });
    expect(flatten([])).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    // half-transparent text is measured as painted
    expect(contrastRatio(parseColor('rgba(255, 255, 255, 0.5)'), parseColor('#000000'))).toBeCloseTo(contrastRatio(parseColor('rgb(127.5, 127.5, 127.5)'), parseColor('#000000')), 6);
  });
});
