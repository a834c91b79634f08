import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, toCsv } from '../../../site/lib/csv.js';

describe('CSV export', () => {
  it('quotes only fields that need it and doubles quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Sheriff, County')).toBe('"Sheriff, County"');
    expect(csvField('12" rifle')).toBe('"12"" rifle"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' spaced ')).toBe(' spaced ');
  });

  it('writes numbers, empties and dates predictably', () => {
    expect(csvField(1234.5)).toBe('1234.5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(NaN)).toBe('');
    expect(csvField(new Date(Date.UTC(2014, 2, 1)))).toBe('2014-03-01T00:00:00.000Z');
    expect(csvField(false)).toBe('false');
  });

  it('neutralises cells a spreadsheet would run as a formula (OWASP): a leading quote, and the cell quoted', () => {
    expect(csvField('=HYPERLINK("http://x.test","click")')).toBe('"\'=HYPERLINK(""http://x.test"",""click"")"');
    expect(csvField('+1+cmd|\' /C calc\'!A0')).toBe('"\'+1+cmd|\' /C calc\'!A0"');
    expect(csvField('-2+3')).toBe('"\'-2+3"');
    expect(csvField('@SUM(A1:A9)')).toBe('"\'@SUM(A1:A9)"');
    expect(csvField('\t=1+1')).toBe('"\'\t=1+1"');
    expect(csvField('\r=1+1')).toBe('"\'\r=1+1"');
    expect(csvField('\n=1+1')).toBe('"\'\n=1+1"');
    expect(csvField('\uFF1D1+1')).toBe('"\'\uFF1D1+1"');
    expect(csvField('-')).toBe('"\'-"');
    // Not at the start, or the header: the same rule; real numbers stay numeric.
    expect(csvField('Sheriff =1')).toBe('Sheriff =1');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('+3e5')).toBe('+3e5');
    expect(toCsv(['=cmd'], [[-1]], { bom: false })).toBe('"\'=cmd"\r\n-1\r\n');
  });

  it('is what every CSV export of the site is written with (Equipment, Installations, Medical, Combined, data tables, View data)', () => {
    const site = join(import.meta.dirname, '..', '..', '..', 'site');
    const sources = (readdirSync(site, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join(site, f), 'utf8')] as const);
    const writers = sources.filter(([, text]) => text.includes('text/csv')).map(([f]) => f.replaceAll('\\', '/')).sort();
    expect(writers).toEqual(['components/export-button.ts', 'pages/medical/index.ts']);
    for (const [file, text] of sources) if (writers.includes(file.replaceAll('\\', '/'))) expect([file, text.includes('toCsv(')]).toEqual([file, true]);
    const users = sources.filter(([, text]) => text.includes('exportButton(')).map(([f]) => f.replaceAll('\\', '/')).sort();
    expect(users).toEqual(['components/chart-data-view.ts', 'components/export-button.ts', 'pages/combined/index.ts', 'pages/equipment/index.ts', 'pages/installations.ts', 'pages/medical/index.ts']);
  });

  it('joins rows with CRLF after a UTF-8 byte-order mark', () => {
    const csv = toCsv(['State', 'Agency'], [['TX', 'Austin PD'], ['CA', 'Café "Grande", LA']]);
    expect(csv).toBe('\uFEFFState,Agency\r\nTX,Austin PD\r\nCA,"Café ""Grande"", LA"\r\n');
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('names files after the page, an optional filter hint and the date', () => {
    const date = new Date(Date.UTC(2026, 10, 28, 23, 59));
    expect(csvFileName('Equipment', date)).toBe('dash-equipment-2026-11-28.csv');
    expect(csvFileName('medical', date, 'Cardiovascular / Pulmonary')).toBe('dash-medical-cardiovascular-pulmonary-2026-11-28.csv');
    expect(csvFileName('x', date, '!!!')).toBe('dash-x-2026-11-28.csv');
  });
});
