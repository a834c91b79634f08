import { describe, expect, it } from 'vitest';
import { bandLabels, fitLabel, slantedLabels, sparseLabels, tickCount } from '../../../site/lib/chart-layout.js';

// 7 px a character, upper case 9: the shape of the real 12 px UI font, without a canvas.
const measure = (t: string): number => [...t].reduce((w, c) => w + (c >= 'A' && c <= 'Z' ? 9 : 7), 0);

describe('tickCount', () => {
  it('gives an axis as many ticks as 64 px steps fit, at least two', () => {
    expect(tickCount(640)).toBe(10);
    expect(tickCount(150)).toBe(2);
    expect(tickCount(20)).toBe(2);
  });
});

describe('fitLabel', () => {
  it('keeps a label that fits', () => {
    expect(fitLabel('Urology', 100, measure)).toBe('Urology');
  });
  it('cuts at a word break when that keeps at least half the room', () => {
    const cut = fitLabel('Consult - History and Phy.', 140, measure);
    expect(cut).toBe('Consult - History…');
    expect(measure(cut)).toBeLessThanOrEqual(140);
  });
  it('cuts mid-word when the first word alone is too long', () => {
    const cut = fitLabel('Gastroenterology', 60, measure);
    expect(cut).toBe('Gastroe…');
    expect(measure(cut)).toBeLessThanOrEqual(60);
  });
  it('measures upper case as wider', () => {
    expect(fitLabel('LAWRENCE COUNTY SHERIFF OFFICE, CA', 150, measure)).toBe('LAWRENCE COUNTY…');
  });
});

describe('bandLabels', () => {
  const labels = ['Radiology', 'Cardiovascular / Pulmonary', 'Emergency Room Reports'];
  it('gives the longest label its room on a wide chart', () => {
    const layout = bandLabels(labels, 1000, measure);
    expect(layout.marginLeft).toBe(measure('Cardiovascular / Pulmonary') + 12);
    expect(labels.map(layout.format)).toEqual(labels);
    expect(layout.ticks).toBe(tickCount(1000 - layout.marginLeft - 20));
  });
  it('holds the labels to 40 % of a phone-width chart and cuts the rest to fit', () => {
    const layout = bandLabels(labels, 330, measure);
    expect(layout.marginLeft).toBe(132);
    for (const label of labels) expect(measure(layout.format(label))).toBeLessThanOrEqual(132 - 12);
    expect(layout.format('Cardiovascular / Pulmonary')).toBe('Cardiovascular…');
    expect(layout.ticks).toBe(2);
  });
});

describe('slantedLabels', () => {
  const twenty = Array.from({ length: 20 }, (_, i) => `Band ${i + 1}`);
  it('slants labels under wide bands and stands them up under narrow ones', () => {
    expect(slantedLabels(twenty, { plotWidth: 1000, marginLeft: 80, marginBottom: 130 }, measure).rotate).toBe(-40);
    expect(slantedLabels(twenty, { plotWidth: 220, marginLeft: 80, marginBottom: 130 }, measure).rotate).toBe(-90);
  });
  it('cuts the first slanted labels to what fits left of their band, the others to the bottom margin', () => {
    const labels = ['Communications & Electronics', 'Construction Equipment', ...twenty.slice(2)];
    const { format } = slantedLabels(labels, { plotWidth: 1000, marginLeft: 80, marginBottom: 130 }, measure);
    // First band: (80 + 25 − 8) / cos 40° ≈ 127 px; second: (80 + 75 − 8) / cos 40° ≈ 192 px, more than the
    // (130 − 12 − 14 cos 40°) / sin 40° ≈ 167 px down to the bottom edge.
    expect(measure(format('Communications & Electronics'))).toBeLessThanOrEqual(127);
    expect(format('Construction Equipment')).toBe('Construction Equipment');
    expect(format('Band 7')).toBe('Band 7');
  });
  it('gives an upright label the chart’s bottom margin', () => {
    const { format } = slantedLabels(['Communications & Electronics', ...twenty], { plotWidth: 220, marginLeft: 80, marginBottom: 110 }, measure);
    expect(measure(format('Communications & Electronics'))).toBeLessThanOrEqual(98);
  });
});

describe('sparseLabels', () => {
  const points = [
    { code: 'TX', x: 100, y: 100 },
    { code: 'KY', x: 110, y: 104 },
    { code: 'CA', x: 300, y: 100 },
    { code: 'IA', x: 100, y: 130 },
  ];
  it('keeps labels in priority order and drops those that would touch a kept one', () => {
    const kept = sparseLabels(points, (p) => [p.x, p.y], (p) => p.code, measure);
    expect(kept.map((p) => p.code)).toEqual(['TX', 'CA', 'IA']);
  });
});
