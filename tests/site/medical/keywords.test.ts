import { describe, expect, it } from 'vitest';
import { recordKeywords, specialtyExclusions } from '../../../src/site/medical/keywords.js';
import { CARDIO, DERM, NEURO, ORTHO, SURGERY } from './fixture.js';

const excluded = specialtyExclusions([SURGERY, CARDIO, ORTHO, NEURO, DERM]);

describe('specialtyExclusions', () => {
  it('holds every lowercased name and its parts longer than 3 characters', () => {
    expect([...specialtyExclusions(['Cardiovascular / Pulmonary', 'ENT - Otolaryngology', 'Hem/Onc', ' '])].sort()).toEqual([
      'cardiovascular',
      'cardiovascular / pulmonary',
      'ent - otolaryngology',
      'hem/onc',
      'otolaryngology',
      'pulmonary',
    ]);
  });
});

describe('recordKeywords', () => {
  it('drops specialty names, too-short and too-long entries, and repeats', () => {
    expect(recordKeywords('surgery, gallbladder, appendectomy, ab, ', excluded)).toEqual(['gallbladder', 'appendectomy']);
    expect(recordKeywords('orthopedic, knee arthroscopy, Knee Arthroscopy', excluded)).toEqual(['knee arthroscopy']);
    expect(recordKeywords(`abc, ${'x'.repeat(40)}, ${'y'.repeat(41)}`, excluded)).toEqual(['abc', 'x'.repeat(40)]);
  });

  it('keeps a first entry that is not a specialty (the original always skipped it)', () => {
    expect(recordKeywords('laparoscopic cholecystectomy, gallbladder', excluded)).toEqual(['laparoscopic cholecystectomy', 'gallbladder']);
  });

  it('excludes parts of any specialty, whatever the filter', () => {
    expect(recordKeywords('neurology, pulmonary, headache', excluded)).toEqual(['headache']);
  });
});
