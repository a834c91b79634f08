import { describe, expect, it } from 'vitest';
import { cleanKeywords, codePointLength, healthcare } from '../../src/datasets/healthcare.js';
import { buildFrom, tempDir, writeFiles } from '../support/fixtures.js';

const FILE = 'healthcare_documentation/Healthcare Documentation Database.csv';

describe('healthcare ingest (D-3)', () => {
  it('keeps quoted multi-line text, trims specialty, counts cleaned characters and cleans keywords', async () => {
    const root = await tempDir();
    await writeFiles(root, {
      [FILE]:
        'Serial No,description,medical_specialty,sample_name,transcription,keywords,cleaned_transcription\n' +
        '0,Knee pain., Orthopedic , Knee ,"HISTORY:  Pain.\n\nPLAN:  She said ""rest"".","orthopedic, knee, , ",knee pain rest\n' +
        '1,x,Surgery,y,"one\r\ntwo",,\n' +
        '2,z,Radiology,w,t,"mri, ct",é😀x\n',
    });
    const { outcome, rows } = await buildFrom(healthcare, root, [FILE]);
    expect(outcome.rows).toBe(3);
    expect(outcome.details).toMatchObject({ totalTranscriptionLength: 14 + 0 + 3 });
    const [a, b, c] = rows as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    expect(a['Serial No']).toBe(0);
    expect(a.medical_specialty).toBe('Orthopedic');
    expect(a.transcription).toBe('HISTORY:  Pain.\n\nPLAN:  She said "rest".');
    expect(a.keywords).toBe('orthopedic, knee');
    expect(a.transcription_length).toBe(14);
    expect(b.transcription).toBe('one\r\ntwo');
    expect(b.keywords).toBe('');
    expect(b.cleaned_transcription).toBeNull();
    expect(b.transcription_length).toBe(0);
    expect(c.transcription_length).toBe(3);
  });

  it('counts characters as code points and strips trailing commas', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('')).toBe(0);
    expect(cleanKeywords(' fever, cough,, ')).toBe('fever, cough');
    expect(cleanKeywords(undefined)).toBe('');
  });
});
