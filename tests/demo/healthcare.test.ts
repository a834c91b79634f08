import { describe, expect, it } from 'vitest';
import { healthcare } from '../../src/datasets/healthcare.js';
import { HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { cleanText, HEALTHCARE_SMALL_ROWS, healthcareDemoCsv } from '../../src/demo/healthcare.js';
import { buildFrom, tempDir } from '../support/fixtures.js';

describe('healthcare demo data (D-8)', { timeout: 120_000 }, () => {
  it('is deterministic from the seed', () => {
    expect(healthcareDemoCsv({ scale: 'small', seed: 5 })).toBe(healthcareDemoCsv({ scale: 'small', seed: 5 }));
    expect(healthcareDemoCsv({ scale: 'small', seed: 6 })).not.toBe(healthcareDemoCsv({ scale: 'small', seed: 5 }));
  });

  it('writes ~40 specialties with quoted multi-paragraph transcriptions and keyword lists', async () => {
    const root = await tempDir();
    await healthcare.writeDemo(root, { scale: 'small', seed: 20240101, force: false });
    const { rows, outcome } = await buildFrom(healthcare, root, [HEALTHCARE_FILE]);
    expect(outcome.rows).toBe(HEALTHCARE_SMALL_ROWS);
    expect(new Set(rows.map((r) => r.medical_specialty)).size).toBe(40);
    expect(rows.filter((r) => /\r?\n\r?\n/.test(r.transcription as string)).length).toBe(HEALTHCARE_SMALL_ROWS);
    expect(rows.some((r) => (r.transcription as string).includes('"'))).toBe(true);
    expect(rows.every((r) => !(r.keywords as string).endsWith(','))).toBe(true);
    expect(rows.filter((r) => r.keywords === '').length).toBeGreaterThan(0);
    const first = rows[0] as Record<string, unknown>;
    expect(first.transcription_length).toBe((first.cleaned_transcription as string).length);
    // Surgery dominates, as in the real file.
    const counts = new Map<unknown, number>();
    for (const r of rows) counts.set(r.medical_specialty, (counts.get(r.medical_specialty) ?? 0) + 1);
    expect([...counts].sort((a, b) => b[1] - a[1])[0]?.[0]).toBe('Surgery');
  });

  it('cleans text the way the Kaggle column is cleaned', () => {
    expect(cleanText('The patient was seen.\n\nPLAN:  MRI of the knee.')).toBe('seen plan mri knee');
  });
});
