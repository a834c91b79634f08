import { describe, expect, it } from 'vitest';
import { cloudContrast, distinctiveKeywords } from '../../../../site/pages/medical/distinctive-keywords.js';

// Ten records, the first four selected. Keyword a: records 0, 1, 2 | 4; b: 0 | 5, 6, 7, 8; c: 3 | 9.
// Pairs: 5 in the selection, 6 in the rest, 11 in all.
const pairs = {
  recordCount: 10,
  keywordTerms: ['a', 'b', 'c'],
  keywordRecord: [0, 1, 2, 4, 0, 5, 6, 7, 8, 3, 9],
  keywordId: [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2],
};
const focus = Uint8Array.from([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);

describe('distinctiveKeywords (weighted log-odds, informative Dirichlet prior)', () => {
  it('computes δ̂ and z by hand: prior α_w = corpus count (α₀ = 11)', () => {
    // a: α = 4; δ = ln(7 / 9) − ln(5 / 12) = 0.62415; σ² = 1/7 + 1/5 → z = 1.06595.
    // c: α = 2; δ = ln(3 / 13) − ln(3 / 14) = 0.07411; σ² = 1/3 + 1/3 → z = 0.09076.
    // b is under-represented in the selection (z = −1.19) and left out.
    const words = distinctiveKeywords(pairs, focus, 10);
    expect(words.map((w) => w.keyword)).toEqual(['a', 'c']);
    expect(words[0]).toMatchObject({ inFocus: 3, inRest: 1 });
    expect(words[0]?.logOdds).toBeCloseTo(0.624154, 6);
    expect(words[0]?.z).toBeCloseTo(1.065946, 6);
    expect(words[1]?.logOdds).toBeCloseTo(0.074108, 6);
    expect(words[1]?.z).toBeCloseTo(0.090763, 6);
  });

  it('shrinks less with a weaker prior (α₀ = 1.1)', () => {
    const [a] = distinctiveKeywords(pairs, focus, 1, 1.1);
    expect(a?.z).toBeCloseTo(1.627693, 6);
  });

  it('ranks a keyword common everywhere below one concentrated in the selection, though it is more frequent there', () => {
    // "common" in 3 of 4 selected records and in 60 of 96 others; "rare" in 2 selected and 0 others.
    const recordCount = 100;
    const keywordRecord: number[] = [];
    const keywordId: number[] = [];
    const add = (record: number, id: number): void => {
      keywordRecord.push(record);
      keywordId.push(id);
    };
    [0, 1, 2].forEach((r) => add(r, 0));
    for (let r = 4; r < 64; r++) add(r, 0);
    [0, 3].forEach((r) => add(r, 1));
    for (let r = 4; r < 100; r++) add(r, 2);
    const mask = new Uint8Array(recordCount);
    mask.fill(1, 0, 4);
    const words = distinctiveKeywords({ recordCount, keywordTerms: ['common', 'rare', 'other'], keywordRecord, keywordId }, mask, 5);
    expect(words.map((w) => w.keyword)).toEqual(['rare', 'common']);
  });

  it('gives nothing when the selection or the rest has no keywords', () => {
    expect(distinctiveKeywords(pairs, new Uint8Array(10).fill(1), 5)).toEqual([]);
    expect(distinctiveKeywords(pairs, new Uint8Array(10), 5)).toEqual([]);
  });
});

describe('cloudContrast', () => {
  const records = { specialties: ['Surgery', 'Cardiology', 'Neurology'], specialty: [0, 0, 0, 1, 1, 2] };
  const stats = [
    { specialty: 'Surgery', volume: 3, avgComplexity: 1 },
    { specialty: 'Cardiology', volume: 2, avgComplexity: 1 },
    { specialty: 'Neurology', volume: 1, avgComplexity: 1 },
  ];

  it('sets the filtered records against the rest', () => {
    const c = cloudContrast(records, [3, 4], stats.slice(1, 2), ['Cardiology']);
    expect([...c.focus]).toEqual([0, 0, 0, 1, 1, 0]);
    expect(c).toMatchObject({ label: 'Cardiology', focusRecords: 2, restRecords: 4, defaulted: false });
    expect(cloudContrast(records, [0, 5], stats, []).label).toBe('the matching records');
    expect(cloudContrast(records, [3, 5], stats, ['Cardiology', 'Neurology']).label).toBe('the 2 selected specialties');
  });

  it('with nothing filtered, compares the largest specialty with the rest and says so', () => {
    const c = cloudContrast(records, [0, 1, 2, 3, 4, 5], stats, []);
    expect([...c.focus]).toEqual([1, 1, 1, 0, 0, 0]);
    expect(c).toMatchObject({ label: 'Surgery', focusRecords: 3, restRecords: 3, defaulted: true });
  });
});
