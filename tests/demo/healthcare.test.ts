import { describe, expect, it } from 'vitest';
import { healthcare } from '../../src/datasets/healthcare.js';
import { HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { parse } from 'csv-parse/sync';
import { cleanText, HEALTHCARE_SMALL_ROWS, healthcareDemoCsv, withArticle } from '../../src/demo/healthcare.js';
import { SPECIALTIES, type Procedure } from '../../src/demo/procedures.js';
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

  it('says "an" before 8, 11, 18 and 80-89', () => {
    expect(['8-year-old', '11-day-old', '18-year-old', '83-year-old', '1-year-old', '81-year-old', '7-year-old', '180-day-old'].map(withArticle)).toEqual([
      'an 8-year-old', 'an 11-day-old', 'an 18-year-old', 'an 83-year-old', 'a 1-year-old', 'an 81-year-old', 'a 7-year-old', 'a 180-day-old',
    ]);
  });
});

describe('healthcare demo records are consistent (sex, age, sections)', () => {
  interface Rec { description: string; medical_specialty: string; sample_name: string; transcription: string }
  const records: Rec[] = ['small', 'full'].flatMap((scale) =>
    parse(healthcareDemoCsv({ scale: scale as 'small' | 'full', seed: 20240101 }), { columns: true, trim: true }) as Rec[],
  );
  const procedures = new Map<string, Procedure>(SPECIALTIES.flatMap((s) => s.procedures.map((p) => [p.name, p] as const)));
  const who = (r: Rec): { n: number; unit: string; sex: string } => {
    const m = /in an? (\d+)-(year|day)-old (male|female)\b/.exec(r.description);
    if (m === null) throw new Error(`no age and sex in "${r.description}"`);
    return { n: Number(m[1]), unit: m[2]!, sex: m[3]! };
  };

  it('gives every procedure a person it fits: sex, age, newborns in days', () => {
    expect(records.length).toBe(HEALTHCARE_SMALL_ROWS + 3836);
    const misfits = records.filter((r) => {
      const p = procedures.get(r.sample_name)!;
      const { n, unit, sex } = who(r);
      return (p.sex !== undefined && p.sex !== sex) || n < p.ages[0] || n > p.ages[1] || (unit === 'day') !== (p.newborn === true);
    });
    expect(misfits.map((r) => r.description)).toEqual([]);
  });

  it('never writes a male obstetric record, a female prostate one, a child knee replacement or an adult pediatric visit', () => {
    const conflicts = records.filter((r) => {
      const { n, unit, sex } = who(r);
      const years = unit === 'day' ? 0 : n;
      return (
        (sex === 'male' && /cesarean|hysterectomy|delivery|mammaplasty/i.test(r.sample_name)) ||
        (sex === 'female' && /prostate|vasectomy/i.test(r.sample_name)) ||
        (/knee arthroplasty|cataract|laminectomy/i.test(r.sample_name) && years < 45) ||
        (r.medical_specialty === 'Pediatrics - Neonatal' && years >= 18)
      );
    });
    expect(conflicts.map((r) => r.description)).toEqual([]);
    // Both sexes and the whole age span do occur.
    expect(new Set(records.map((r) => who(r).sex))).toEqual(new Set(['male', 'female']));
    expect(records.some((r) => who(r).unit === 'day')).toBe(true);
  });

  it('writes the transcription for the same person as the description', () => {
    const wrong = records.filter((r) => {
      const { n, unit, sex } = who(r);
      const text = r.transcription;
      const mentions = [...text.matchAll(/(\d+)-(year|day)-old (male|female)/g)];
      const pronounOfOtherSex = sex === 'female' ? /\b(He|his|him)\b/ : /\b(She|her)\b/;
      return mentions.some((m) => Number(m[1]) !== n || m[2] !== unit || m[3] !== sex) || pronounOfOtherSex.test(text);
    });
    expect(wrong.map((r) => r.description)).toEqual([]);
  });

  it('puts sentences in sections where they make sense', () => {
    const sections = (r: Rec): Map<string, string> =>
      new Map(r.transcription.split(/\r?\n\r?\n/).map((p) => [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1).trim()] as const));
    const problems: string[] = [];
    for (const r of records) {
      const p = procedures.get(r.sample_name)!;
      const s = sections(r);
      const { n, unit } = who(r);
      const first = { clinical: 'HISTORY OF PRESENT ILLNESS', operative: 'PREOPERATIVE DIAGNOSIS', report: 'INDICATION', autopsy: 'EXTERNAL EXAMINATION', letter: 'RE' }[p.kind];
      if (![...s.keys()][0]?.startsWith(first)) problems.push(`${r.description}: starts with ${[...s.keys()][0]}`);
      const hpi = s.get('HISTORY OF PRESENT ILLNESS') ?? '';
      // A check-up has no onset of symptoms; a newborn's began after birth.
      if (p.routine && /Symptoms began/.test(hpi)) problems.push(`${r.description}: onset in a routine visit`);
      const day = /on day (\d+) of life/.exec(hpi);
      if (unit === 'day' && (day === null || Number(day[1]) > n)) problems.push(`${r.description}: onset ${day?.[0]}`);
      if (s.get('MEDICATIONS') === 'None.' && /Continue the current medications/.test(s.get('PLAN') ?? '')) problems.push(`${r.description}: continues no medication`);
      if (p.closed && /wound|incision/i.test(s.get('DESCRIPTION OF PROCEDURE') ?? '')) problems.push(`${r.description}: a wound without an incision`);
      // The old generator's free mixing of subjects, verbs and fillers ("examination … consistent with review of systems on the left side").
      if (/The (patient|examination|procedure|study|history|evaluation) (was consistent with|showed|revealed no evidence of|was significant for|suggested|documented)/.test(r.transcription))
        problems.push(`${r.description}: a mixed sentence`);
      if (n < 18 && /lisinopril|metformin|atorvastatin|Works (as|in)|Retired|smok/i.test(r.transcription)) problems.push(`${r.description}: an adult's history in a child`);
    }
    expect(problems).toEqual([]);
  });
});
