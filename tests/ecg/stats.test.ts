import { describe, expect, it } from 'vitest';
import { Random } from '../../src/demo/random.js';
import { BEAT_LENGTH } from '../../src/ecg/schema.js';
import { addBeat, correlationMatrix, emptySums, meanWaveform, mergeSums, stdWaveform } from '../../src/ecg/stats.js';

function randomBeats(count: number, seed: number): number[][] {
  const random = new Random(seed);
  return Array.from({ length: count }, () => Array.from({ length: BEAT_LENGTH }, (_, i) => (i > 150 ? 0 : random.next())));
}

describe('group statistics', () => {
  const beats = randomBeats(40, 3);
  const group = emptySums();
  for (const beat of beats) addBeat(group, beat);

  it('gives the two-pass mean and population std of every sample position', () => {
    const mean = meanWaveform(group);
    const std = stdWaveform(group);
    for (const i of [0, 17, 100, 150, 186]) {
      const column = beats.map((b) => b[i] as number);
      const m = column.reduce((a, b) => a + b, 0) / column.length;
      const s = Math.sqrt(column.reduce((a, b) => a + (b - m) ** 2, 0) / column.length);
      expect(mean[i]).toBeCloseTo(m, 12);
      expect(std[i]).toBeCloseTo(s, 12);
    }
    expect(group.count).toBe(40);
    expect(std[186]).toBe(0);
  });

  it('merges chunk sums into the same statistics as one pass', () => {
    const a = emptySums();
    const b = emptySums();
    beats.forEach((beat, i) => addBeat(i < 13 ? a : b, beat));
    mergeSums(a, b);
    expect(a.count).toBe(40);
    meanWaveform(a).forEach((v, i) => expect(v).toBeCloseTo(meanWaveform(group)[i] as number, 14));
    stdWaveform(a).forEach((v, i) => expect(v).toBeCloseTo(stdWaveform(group)[i] as number, 12));
  });
});

describe('correlationMatrix', () => {
  it('equals brute-force Pearson r, is symmetric and has a unit diagonal', () => {
    const waves = randomBeats(4, 9).map((w, k) => w.map((v, i) => v + k * Math.sin(i / 9)));
    const { classes, matrix } = correlationMatrix(['a', 'b', 'c', 'd'], waves);
    expect(classes).toEqual(['a', 'b', 'c', 'd']);
    const pearson = (x: number[], y: number[]): number => {
      const mx = x.reduce((s, v) => s + v, 0) / x.length;
      const my = y.reduce((s, v) => s + v, 0) / y.length;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      x.forEach((v, i) => {
        sxy += (v - mx) * ((y[i] as number) - my);
        sxx += (v - mx) ** 2;
        syy += ((y[i] as number) - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    for (let i = 0; i < 4; i++) {
      expect(matrix[i]?.[i]).toBe(1);
      for (let j = 0; j < 4; j++) {
        expect(matrix[i]?.[j]).toBe(matrix[j]?.[i]);
        expect(matrix[i]?.[j]).toBeCloseTo(pearson(waves[i] as number[], waves[j] as number[]), 12);
      }
    }
    // Construction makes c and d strongly alike: the matrix must show it.
    expect(matrix[2]?.[3]).toBeGreaterThan(0.9);
  });
});
