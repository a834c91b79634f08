import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoercionLog, readCsv, type CsvFormat } from '../../src/datasets/csv.js';
import { printable } from '../../src/printable.js';
import { InputError } from '../../src/errors.js';
import { tempDir, writeFiles } from '../support/fixtures.js';

const FORMAT: CsvFormat = {
  delimiter: ',',
  columns: [
    { name: 'id', required: true },
    { name: 'Agency Name', aliases: ['Station Name (LEA)'], required: true },
    { name: 'note', required: false },
    { name: 'text', required: true },
  ],
};

async function read(content: string | Uint8Array, format: CsvFormat = FORMAT): Promise<{ records: [(string | undefined)[], number][]; lines: number }> {
  const root = await tempDir();
  await writeFiles(root, { 'in.csv': content });
  const records: [(string | undefined)[], number][] = [];
  const result = await readCsv({ path: join(root, 'in.csv'), display: 'data/in.csv' }, format, (values, line) => records.push([values, line]));
  return { records, lines: result.lines };
}

async function failure(content: string | Uint8Array, format: CsvFormat = FORMAT): Promise<InputError> {
  try {
    await read(content, format);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

describe('readCsv', { timeout: 120_000 }, () => {
  it('maps columns by name (any order, aliases, optional ones absent) and gives each record its first line', async () => {
    const { records, lines } = await read('text,Station Name (LEA),id\r\n"a\r\nb",X,1\r\n\r\nc,"Y, Z",2\r\n');
    expect(records).toEqual([
      [['1', 'X', undefined, 'a\r\nb'], 2],
      [['2', 'Y, Z', undefined, 'c'], 5],
    ]);
    expect(lines).toBe(5);
  });

  it('strips a BOM and reads semicolons, doubled quotes and a field of several MB', async () => {
    const shape = JSON.stringify({ coordinates: [Array.from({ length: 120_000 }, (_, i) => [i / 7, -i / 9])], type: 'Polygon' });
    expect(shape.length).toBeGreaterThan(3_000_000);
    const quoted = `"${shape.replaceAll('"', '""')}"`;
    const { records } = await read(`\uFEFFid;Agency Name;text\n1;"say ""hi""";${quoted}\n`, { ...FORMAT, delimiter: ';' });
    expect(records[0]?.[0][1]).toBe('say "hi"');
    expect(records[0]?.[0][3]).toBe(shape);
  });

  it('D-9: a missing file', async () => {
    const err = await readCsv({ path: '/nonexistent/x.csv', display: 'x.csv' }, FORMAT, () => undefined).catch((e: unknown) => e);
    expect((err as Error).message).toBe('x.csv: file not found (looked for /nonexistent/x.csv)');
  });

  it('D-9: an empty file (or one holding only a BOM)', async () => {
    const expected = 'data/in.csv:1: the file is empty; expected a header row with the columns "id", "Agency Name", "text" (delimiter ",")';
    expect((await failure('')).message).toBe(expected);
    expect((await failure('\uFEFF')).message).toBe(expected);
  });

  it('D-9: a missing required column lists the columns found', async () => {
    const err = await failure('id,Agency,text\n1,a,b\n');
    expect(err.line).toBe(1);
    expect(err.message).toBe('data/in.csv:1: missing required column "Agency Name" (or "Station Name (LEA)"); found 3 column(s): "id", "Agency", "text"');
  });

  it('D-9: the wrong delimiter is named', async () => {
    const err = await failure('id;Agency Name;text\n1;a;b\n');
    expect(err.message).toBe(
      'data/in.csv:1: missing required columns "id", "Agency Name" (or "Station Name (LEA)"), "text"; found 1 column(s): "id;Agency Name;text" — the header looks ";"-delimited, but this file must be ","-delimited',
    );
  });

  it('D-9: an unterminated quote points at the line where it opened', async () => {
    const err = await failure('id,Agency Name,text\n1,a,b\n2,b,"never closed\nmore text\n');
    expect(err.line).toBe(3);
    expect(err.message).toBe(
      `data/in.csv:3: unterminated quoted field: a '"' opened on line 3 is still open at the end of the file; expected a closing '"' — the file may be truncated`,
    );
  });

  it('D-9: a truncated last line has too few fields', async () => {
    const err = await failure('id,Agency Name,text\n1,a,b\n2,b,c\n3,c');
    expect(err.line).toBe(4);
    expect(err.message).toBe(
      'data/in.csv:4: record 3: expected 3 fields (as in the header), found 2 — a truncated line, a missing or a different delimiter',
    );
  });

  it('D-9: a data line written with another delimiter has the wrong field count', async () => {
    const err = await failure('id,Agency Name,text\n1,a,b\n2;b;c\n');
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^data\/in\.csv:3: record 2: expected 3 fields \(as in the header\), found 1/);
  });

  it('reports a short or long row at its physical line and record number, however many rows came before', async () => {
    const rows = (n: number): string => Array.from({ length: n }, (_, i) => `${i},a,"multi\nline ${i}"\n`).join('');
    // Line 1 is the header; rows 1..1499 take two lines each (lines 2..2999); the short row is line 3001 (after an empty line).
    const late = await failure(`id,Agency Name,text\n${rows(1499)}\nx,y\n`);
    expect([late.line, late.message.split(': ')[1]]).toEqual([3001, 'record 1,500']);
    const early = await failure('id,Agency Name,text\n1,a,b\n2,a,b\n3,a,b\n4,a\n5,a,b\n');
    expect([early.line, early.message]).toEqual([5, 'data/in.csv:5: record 4: expected 3 fields (as in the header), found 2 — a truncated line, a missing or a different delimiter']);
    const long = await failure(`id,Agency Name,text\n${'1,a,b\n'.repeat(40_000)}1,a,b,c\n`);
    expect(long.line).toBe(40_002);
    expect(long.message).toContain('record 40,001: expected 3 fields (as in the header), found 4');
  });

  it('locates an unterminated quote after many rows at the line where it opened', async () => {
    const err = await failure(`id,Agency Name,text\n${'1,a,b\n'.repeat(30_000)}2,b,"never closed\nmore\n`);
    expect(err.line).toBe(30_002);
  });

  it('escapes control characters from header names and fields in its messages', async () => {
    const err = await failure('id,Agency\u001b[31mName,text\n1,a,b\n');
    expect(err.message).toContain('"Agency\\x1B[31mName"');
    expect(err.message).not.toContain('\u001b');
    const log = new CoercionLog();
    log.note('Quantity', 'non-numeric values set to 0', 3, '\u009b2J\u202Eevil');
    const [warning = ''] = log.warnings('in.csv');
    expect(warning).toContain('\\x9B2J\\u202Eevil');
    expect(printable(warning)).toBe(warning);
  });

  it('warns about bytes that are not UTF-8 with their lines, and keeps the rows (read as U+FFFD)', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,Agency Name,text\n1,caf'),
      Buffer.from([0xe9]),
      Buffer.from(',b\n2,ok \u00e9\u20ac\u{1F600},c\n3,x,'),
      Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]),
      Buffer.from('\n4,a,'),
      Buffer.from([0xf0, 0x9f]),
    ]);
    const root = await tempDir();
    await writeFiles(root, { 'in.csv': bytes });
    const log = new CoercionLog();
    const seen: string[] = [];
    await readCsv({ path: join(root, 'in.csv'), display: 'in.csv' }, FORMAT, (values) => seen.push(values[1] ?? ''), log);
    expect(seen).toEqual(['caf\uFFFD', 'ok \u00e9\u20ac\u{1F600}', 'x', 'a']);
    expect(log.warnings('in.csv')).toEqual([
      'in.csv: encoding: 4 byte sequences that are not UTF-8 read as U+FFFD (rows kept; save the file as UTF-8) (line 2 "0xE9", line 4 "0xC3", line 4 "0xED 0xA0 0x80", line 5 "0xF0 0x9F")',
    ]);
  });

  it('skips a header row repeated mid-file (files concatenated) and warns with its lines', async () => {
    const log = new CoercionLog();
    const root = await tempDir();
    await writeFiles(root, { 'in.csv': 'id,Agency Name,text\n1,a,b\nid,Agency Name,text\n2,c,d\n id , Agency Name,text\n' });
    const ids: string[] = [];
    const result = await readCsv({ path: join(root, 'in.csv'), display: 'in.csv' }, FORMAT, (values) => ids.push(values[0] ?? ''), log);
    expect([ids, result.records]).toEqual([['1', '2'], 2]);
    expect(log.warnings('in.csv')).toEqual(['in.csv: header: 2 rows repeating the header row skipped (line 3 "id,Agency Name,text", line 5 " id , Agency Name,text")']);
  });
});

describe('CoercionLog', { timeout: 120_000 }, () => {
  it('counts per column and problem, citing the first five lines', () => {
    const log = new CoercionLog();
    for (let line = 2; line < 10; line++) log.note('Quantity', 'non-numeric values set to 0', line, `x${line}`);
    log.note('AREA', 'non-numeric values set to 0', 4, 'big');
    expect(log.count('Quantity', 'non-numeric values set to 0')).toBe(8);
    expect(log.warnings('f.csv')).toEqual([
      'f.csv: Quantity: 8 non-numeric values set to 0 (line 2 "x2", line 3 "x3", line 4 "x4", line 5 "x5", line 6 "x6", …)',
      'f.csv: AREA: 1 non-numeric values set to 0 (line 4 "big")',
    ]);
  });
});
