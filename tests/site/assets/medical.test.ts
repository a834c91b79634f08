import { describe, expect, it } from 'vitest';
import { NO_SPECIALTY, shapeMedicalData } from '../../../src/site/assets/medical.js';
import { decodeSearchIndex, searchRecords } from '../../../src/site/search/search-index.js';
import { CARDIO, DERM, FIXTURE_ROWS, NEURO, ORTHO, SURGERY } from '../medical/fixture.js';

const data = shapeMedicalData(FIXTURE_ROWS, 120);
const { records } = data;

describe('shapeMedicalData', () => {
  it('keeps the record order and dictionary-encodes the specialty', () => {
    expect(records.serial).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(records.specialties).toEqual([CARDIO, DERM, NEURO, ORTHO, SURGERY]);
    expect(records.specialty).toEqual([4, 4, 4, 0, 0, 3, 3, 2, 1]);
    expect(records.length).toEqual([100, 200, 300, 500, 700, 100, 150, 1000, 50]);
  });

  it('stores the extracted keywords of each record against one dictionary', () => {
    const ofRecord = (i: number): string[] => records.keywordId.filter((_, k) => records.keywordRecord[k] === i).map((id) => records.keywordTerms[id]!);
    expect(ofRecord(0)).toEqual(['laparoscopic cholecystectomy', 'gallbladder', 'cholecystitis']);
    expect(ofRecord(3)).toEqual(['chest pain', 'cardiac catheterization', 'gallbladder']);
    expect(ofRecord(7)).toEqual(['headache']);
    expect(records.keywordRecord).toEqual([...records.keywordRecord].sort((a, b) => a - b));
    expect(records.keywordTerms.filter((t) => t === 'gallbladder')).toHaveLength(1);
  });

  it('splits the transcriptions into shards that rebuild them in order', () => {
    expect(records.shardFirst[0]).toBe(0);
    expect(records.shardFirst.length).toBeGreaterThan(2);
    expect(data.shards.flat()).toEqual(FIXTURE_ROWS.map((r) => r.transcription));
    data.shards.forEach((shard, s) => expect(shard.length).toBe((records.shardFirst[s + 1] ?? 9) - records.shardFirst[s]!));
  });

  it('indexes every record, including sample names and descriptions', () => {
    const index = decodeSearchIndex(data.searchIndex);
    expect(index.docCount).toBe(9);
    expect([...searchRecords(index, 'sample 17').docs!]).toEqual([7]);
  });
});

describe('shapeMedicalData with blank cells', () => {
  it('names a blank specialty, keeps a blank serial, and ships blank text as empty', () => {
    const blank = { ...FIXTURE_ROWS[0]!, 'Serial No': null, medical_specialty: null, transcription: null, description: null, sample_name: null };
    const shaped = shapeMedicalData([blank, FIXTURE_ROWS[1]!]);
    expect(shaped.records.specialties).toEqual([SURGERY, NO_SPECIALTY]);
    expect(shaped.records.serial).toEqual([null, 11]);
    expect(shaped.shards.flat()).toEqual(['', FIXTURE_ROWS[1]!.transcription]);
    expect(shaped.records.description[0]).toBe('');
    expect([...searchRecords(decodeSearchIndex(shaped.searchIndex), 'gallbladder').docs!]).toEqual([0, 1]);
  });
});
