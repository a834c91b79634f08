import { describe, expect, it } from 'vitest';
import { shapeMedicalData } from '../../../../src/site/assets/medical.js';
import { demandQuadrant, median, paretoBars, resourceIndex, specialtyStats, topSpecialties } from '../../../../site/pages/medical/specialty-stats.js';
import { CARDIO, DERM, FIXTURE_ROWS, NEURO, ORTHO, SURGERY } from '../../medical/fixture.js';

const { records } = shapeMedicalData(FIXTURE_ROWS);
const all = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const stats = specialtyStats(records, all);

describe('specialtyStats', () => {
  it('counts records per specialty, largest first, ties by name', () => {
    expect(stats.map((s) => [s.specialty, s.volume])).toEqual([
      [SURGERY, 3],
      [CARDIO, 2],
      [ORTHO, 2],
      [DERM, 1],
      [NEURO, 1],
    ]);
  });

  it('averages transcription length per specialty', () => {
    expect(Object.fromEntries(stats.map((s) => [s.specialty, s.avgComplexity]))).toEqual({
      [SURGERY]: 200,
      [CARDIO]: 600,
      [ORTHO]: 125,
      [DERM]: 50,
      [NEURO]: 1000,
    });
  });

  it('only counts the given rows', () => {
    expect(specialtyStats(records, [1, 3, 4])).toEqual([
      { specialty: CARDIO, volume: 2, avgComplexity: 600 },
      { specialty: SURGERY, volume: 1, avgComplexity: 200 },
    ]);
    expect(topSpecialties(stats, 2)).toEqual([SURGERY, CARDIO]);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('demandQuadrant', () => {
  it('splits at the medians, a value at the median counting as high', () => {
    const q = demandQuadrant(stats);
    expect([q.medianVolume, q.medianComplexity]).toEqual([2, 200]);
    expect(Object.fromEntries(q.points.map((p) => [p.specialty, p.quadrant]))).toEqual({
      [SURGERY]: 'High Volume + Complex',
      [CARDIO]: 'High Volume + Complex',
      [ORTHO]: 'High Volume',
      [NEURO]: 'Complex Cases',
      [DERM]: 'Low Priority',
    });
  });
});

describe('paretoBars', () => {
  it('folds the specialties after the top into one bar so the line ends at 100 %', () => {
    const bars = paretoBars(stats, 3);
    expect(bars.map((b) => [b.label, b.records, b.specialties])).toEqual([
      [SURGERY, 3, 1],
      [CARDIO, 2, 1],
      [ORTHO, 2, 1],
      ['Other (2 specialties)', 2, 2],
    ]);
    expect(bars.map((b) => Number(b.cumulativePercent.toFixed(2)))).toEqual([33.33, 55.56, 77.78, 100]);
    expect(bars[1]!.percent).toBeCloseTo(22.222, 3);
  });

  it('needs no extra bar when every specialty fits, and is empty without records', () => {
    expect(paretoBars(stats, 20).map((b) => b.label)).toEqual([SURGERY, CARDIO, ORTHO, DERM, NEURO]);
    expect(paretoBars(stats, 20).at(-1)!.cumulativePercent).toBe(100);
    expect(paretoBars([], 20)).toEqual([]);
  });
});

describe('resourceIndex', () => {
  it('scores (0.5 · volume/max + 0.5 · complexity/max) × 100, highest first', () => {
    const { scores } = resourceIndex(stats, 20, 1);
    expect(scores.map((s) => [s.specialty, Number(s.score.toFixed(3))])).toEqual([
      [NEURO, 66.667],
      [CARDIO, 63.333],
      [SURGERY, 60],
      [ORTHO, 39.583],
      [DERM, 19.167],
    ]);
    expect(resourceIndex(stats, 2, 1).scores.map((s) => s.specialty)).toEqual([NEURO, CARDIO]);
  });

  it('gives every specialty 100 when one is shown', () => {
    expect(resourceIndex(specialtyStats(records, [7]), 20, 1).scores[0]!.score).toBe(100);
  });

  it('leaves out specialties below the minimum record count, says how many, and takes the maxima over the rest', () => {
    // Neurology (1 record, the longest) topped the index; with n ≥ 2 it and Dermatology are out, and the
    // complexity maximum is Cardiology's 600: Cardiology 0.5·2/3 + 0.5 = 83.333, Surgery 0.5 + 0.5·200/600 = 66.667.
    const index = resourceIndex(stats, 20, 2);
    expect(index.scores.map((s) => [s.specialty, Number(s.score.toFixed(3))])).toEqual([
      [CARDIO, 83.333],
      [SURGERY, 66.667],
      [ORTHO, 43.75],
    ]);
    expect([index.minRecords, index.excluded]).toEqual([2, 2]);
    expect(resourceIndex(stats).minRecords).toBe(20);
    expect(resourceIndex(stats).scores).toEqual([]);
  });
});
