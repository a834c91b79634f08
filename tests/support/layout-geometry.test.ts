import { describe, expect, it } from 'vitest';
import { boundsOf, collidingTexts, cumulativeLayoutShift, describeText, emptyBelowShare, outside, quadOf, type Point, type TextQuad } from './layout-geometry.js';

const text = (label: string, x: number, y: number, width = 30, height = 14): TextQuad => quadOf(label, { x, y, width, height });
const names = (pairs: [TextQuad, TextQuad][]): string[] => pairs.map(([a, b]) => `${a.text}/${b.text}`);

/** A label of `width`×14 px anchored at its start, turned by `degrees` (negative: slanted up, like Plot's tickRotate). */
function rotated(label: string, at: Point, width: number, degrees: number): TextQuad {
  const r = (degrees * Math.PI) / 180;
  const turn = (dx: number, dy: number): Point => ({ x: at.x + dx * Math.cos(r) - dy * Math.sin(r), y: at.y + dx * Math.sin(r) + dy * Math.cos(r) });
  return { text: label, corners: [turn(0, 0), turn(width, 0), turn(width, 14), turn(0, 14)] };
}

describe('collidingTexts', () => {
  it('finds tick labels that run together ("0 2040 6080")', () => {
    const ticks = [text('0', 0, 100, 8), text('20', 40, 100, 16), text('40', 52, 100, 16), text('60', 90, 100, 16), text('80', 103, 100, 16)];
    expect(names(collidingTexts(ticks))).toEqual(['20/40', '60/80']);
  });

  it('allows touching boxes and overlaps within the tolerance', () => {
    const lines = [text('Cardiology', 0, 0, 60, 15), text('Neurology', 0, 13, 60, 15), text('Urology', 61, 0, 40, 15)];
    expect(collidingTexts(lines)).toEqual([]);
    expect(names(collidingTexts(lines, 1))).toEqual(['Cardiology/Neurology']);
  });

  it('finds a label lying across another in any order', () => {
    const boxes = [text('Count →', 200, 300, 60), text('Complex Cases', 10, 50, 90), text('High Volume + Complex', 40, 55, 130)];
    expect(collidingTexts(boxes).map(([a, b]) => `${describeText(a)} × ${describeText(b)}`)).toEqual(['"Complex Cases" (10,50 90×14) × "High Volume + Complex" (40,55 130×14)']);
  });

  it('judges slanted labels by their own boxes, not the upright boxes around them', () => {
    // 45° labels 20 px apart: their upright boxes (~67 px wide) overlap, the labels themselves do not.
    const apart = [rotated('AF Active', { x: 100, y: 200 }, 80, -45), rotated('AF Guard', { x: 120, y: 200 }, 80, -45)];
    expect(boundsOf(apart[0]!).x + boundsOf(apart[0]!).width).toBeGreaterThan(boundsOf(apart[1]!).x);
    expect(collidingTexts(apart)).toEqual([]);
    const crowded = [rotated('AF Active', { x: 100, y: 200 }, 80, -45), rotated('AF Guard', { x: 108, y: 200 }, 80, -45)];
    expect(names(collidingTexts(crowded))).toEqual(['AF Active/AF Guard']);
    const crossing = [rotated('Army', { x: 100, y: 200 }, 80, -45), rotated('Navy', { x: 100, y: 150 }, 80, 45)];
    expect(names(collidingTexts(crossing))).toEqual(['Navy/Army']);
  });

  it('ignores empty and zero-size texts', () => {
    expect(collidingTexts([text('', 0, 0), text('a', 0, 0), text('b', 0, 0, 0, 0)])).toEqual([]);
  });
});

describe('outside', () => {
  const svg = { x: 10, y: 10, width: 100, height: 50 };
  it('returns the boxes cut by the container, one px tolerance', () => {
    const cut = { x: 5, y: 20, width: 30, height: 14 };
    const inside = { x: 11, y: 20, width: 30, height: 14 };
    const edge = { x: 81, y: 46, width: 30, height: 14 };
    const below = { x: 40, y: 55, width: 30, height: 14 };
    expect(outside([cut, inside, edge, below], svg)).toEqual([cut, below]);
  });
});

describe('cumulativeLayoutShift', () => {
  const shift = (startTime: number, value: number, hadRecentInput = false) => ({ startTime, value, hadRecentInput });
  it('sums a session window and keeps the largest window', () => {
    expect(cumulativeLayoutShift([shift(100, 0.05), shift(600, 0.05), shift(3000, 0.02)])).toBeCloseTo(0.1);
  });
  it('ends a window after 5 s even without a gap', () => {
    const steady = Array.from({ length: 12 }, (_, i) => shift(i * 900, 0.01));
    // Windows: 0…4500 (6 shifts; the 7th, at 5400, is 5 s after the first), then 5400…9900 (6 shifts).
    expect(cumulativeLayoutShift(steady)).toBeCloseTo(0.06);
  });
  it('leaves out shifts that follow input', () => {
    expect(cumulativeLayoutShift([shift(0, 0.3, true), shift(10, 0.01)])).toBeCloseTo(0.01);
  });
});

describe('emptyBelowShare', () => {
  it('measures the blank under a card stretched by its grid row (the ECG browser beside the fiducials)', () => {
    // A 1078 px card whose last child ends at 434 px from its top, 17 px of padding and border: 627 px blank.
    expect(emptyBelowShare({ x: 0, y: 500, width: 600, height: 1078 }, 934, 17)).toBeCloseTo(627 / 1078, 6);
  });

  it('is 0 for a card that hugs its content, and never negative', () => {
    expect(emptyBelowShare({ x: 0, y: 0, width: 600, height: 400 }, 383, 17)).toBe(0);
    expect(emptyBelowShare({ x: 0, y: 0, width: 600, height: 400 }, 420, 17)).toBe(0);
    expect(emptyBelowShare({ x: 0, y: 0, width: 600, height: 0 }, 0)).toBe(0);
  });
});
