import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoercionLog, readCsv, type CsvFormat } from '../../src/datasets/csv.js';
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
      'data/in.csv:4: expected 3 fields (as in the header), found 2 — a truncated file, an unquoted delimiter or a different delimiter',
    );
  });

  it('D-9: a data line written with another delimiter has the wrong field count', async () => {
    const err = await failure('id,Agency Name,text\n1,a,b\n2;b;c\n');
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^data\/in\.csv:3: expected 3 fields \(as in the header\), found 1/);
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
