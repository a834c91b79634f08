import { describe, expect, it } from 'vitest';
import { shapeMedicalData } from '../../../../src/site/assets/medical.js';
import { filterRecords } from '../../../../site/pages/medical/record-filter.js';
import { CARDIO, FIXTURE_ROWS, NEURO, ORTHO } from '../../medical/fixture.js';

const { records } = shapeMedicalData(FIXTURE_ROWS);

describe('filterRecords', () => {
  it('keeps every record without filters', () => {
    expect([...filterRecords(records, { specialties: [], matches: null })]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps the selected specialties', () => {
    expect([...filterRecords(records, { specialties: [CARDIO, NEURO], matches: null })]).toEqual([3, 4, 7]);
    expect([...filterRecords(records, { specialties: ['No Such Specialty'], matches: null })]).toEqual([]);
  });

  it('intersects the search matches with the specialties', () => {
    expect([...filterRecords(records, { specialties: [ORTHO], matches: [3, 4, 5] })]).toEqual([5]);
    expect([...filterRecords(records, { specialties: [], matches: [3, 4, 5] })]).toEqual([3, 4, 5]);
  });
});
