import { describe, expect, it } from 'vitest';
import { shapeMedicalData } from '../../../../src/site/assets/medical.js';
import { keywordCounts } from '../../../../site/pages/medical/keyword-counts.js';
import { cloudWords } from '../../../../site/pages/medical/word-cloud-words.js';
import { FIXTURE_ROWS } from '../../medical/fixture.js';

const { records: shaped } = shapeMedicalData(FIXTURE_ROWS);
const records = { ...shaped, recordCount: shaped.serial.length };

describe('keywordCounts', () => {
  it('counts the records carrying each keyword, most first, ties alphabetical', () => {
    expect(keywordCounts(records, [0, 1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([
      { keyword: 'gallbladder', records: 4 },
      { keyword: 'chest pain', records: 3 },
      { keyword: 'knee arthroscopy', records: 2 },
      { keyword: 'laparoscopic cholecystectomy', records: 2 },
    ]);
  });

  it('counts only the filtered records and skips keywords none of them carry', () => {
    expect(keywordCounts(records, [7, 8], 30)).toEqual([
      { keyword: 'headache', records: 1 },
      { keyword: 'rash', records: 1 },
    ]);
  });
});

describe('cloudWords', () => {
  it('scales font size with the square root of the weight', () => {
    const words = cloudWords(
      [
        { text: 'a', weight: 100, title: '' },
        { text: 'b', weight: 25, title: '' },
        { text: 'c', weight: 1, title: '' },
      ],
      10,
      100,
    );
    expect(words.map((w) => w.size)).toEqual([100, 10 + (4 / 9) * 90, 10]);
    expect(cloudWords([{ text: 'solo', weight: 3, title: '' }], 10, 40)[0]!.size).toBe(40);
  });
});
