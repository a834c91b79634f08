import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CsvError, parse, type InfoRecord, type Options } from 'csv-parse';
import { InputError } from '../errors.js';
import { printable } from '../printable.js';
import { Utf8Check } from './utf8.js';

/** A column a dataset reads: its name in the Kaggle files, other accepted spellings, and whether it must be there. */
export interface ColumnSpec {
  name: string;
  aliases?: readonly string[];
  required: boolean;
}

export interface CsvFormat {
  delimiter: ',' | ';';
  columns: readonly ColumnSpec[];
}

export interface CsvFile {
  /** Absolute path to read. */
  path: string;
  /** How the file is named in messages (the path relative to the datasets folder). */
  display: string;
}

/**
 * One data record: `values[i]` is the field of `format.columns[i]` (undefined when an optional column is absent),
 * `line` the 1-based line the record starts on (records with quoted newlines span several lines).
 */
export type RecordHandler = (values: (string | undefined)[], line: number) => void;

export interface CsvReadResult {
  records: number;
  lines: number;
}

/** A record as the parser hands it on: its fields and the physical line it starts on, counted as it was parsed. */
interface Located {
  record: string[];
  line: number;
}

/**
 * Streams one CSV file through csv-parse (BOM, quoted multi-line fields, CRLF, fields of any size) and hands each
 * record to `onRecord` with its line, so a transform never holds the file as a string. Every problem becomes an
 * InputError naming the file, the line (and the record) and what was expected.
 *
 * Odd but readable input goes to `log` as a warning naming the first lines:
 * - bytes that are not UTF-8 are read as U+FFFD and the row is kept (a Latin-1 byte in a name should not stop a
 *   build; the warning says which lines to fix);
 * - a row repeating the header (files concatenated with their headers) is skipped.
 * A row with another number of fields than the header is an error at its own line: the parser keeps going and the
 * count is checked here, where the line is known (csv-parse would throw before its buffered rows reached us).
 */
export async function readCsv(file: CsvFile, format: CsvFormat, onRecord: RecordHandler, log: CoercionLog = new CoercionLog()): Promise<CsvReadResult> {
  await assertReadable(file);
  // Lines are counted as csv-parse produces each record (on_record runs synchronously, in order), not from its own
  // count, which takes a CRLF inside a quoted field as two lines; an error thrown mid-file is then located after
  // the last record parsed, not the last one consumed.
  let lastEnd = 0;
  let lastEmpty = 0;
  const options: Options = {
    delimiter: format.delimiter,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    // Real exports write inch marks inside unquoted item names (`KNIFE, 6"`); an unterminated quoted field is still an error.
    relax_quotes: true,
    on_record: (fields: string[], info: InfoRecord) => {
      const line = lastEnd + 1 + (info.empty_lines - lastEmpty);
      lastEnd = line + lineBreaksIn(fields);
      lastEmpty = info.empty_lines;
      const located: Located = { record: fields, line };
      return located as unknown as string[];
    },
  };
  const parser = parse(options);
  let header: Header | undefined;
  let records = 0;
  const utf8 = new Utf8Check();
  const input = createReadStream(file.path);
  input.on('data', (chunk) => utf8.push(chunk as Buffer));
  input.on('error', (err) => parser.destroy(err));
  try {
    for await (const { record, line } of input.pipe(parser) as AsyncIterable<Located>) {
      if (header === undefined) {
        header = resolveHeader(file, format, record);
        continue;
      }
      if (record.length !== header.names.length) throw fieldCountError(file, header, record, line, records + 1);
      if (repeatsHeader(header, record)) {
        log.note('header', 'rows repeating the header row skipped', line, record.join(format.delimiter));
        continue;
      }
      records++;
      onRecord(
        header.indices.map((i) => (i === -1 ? undefined : record[i])),
        line,
      );
    }
  } catch (err) {
    throw toInputError(file, err, lastEnd + 1 + (parser.info.empty_lines - lastEmpty));
  } finally {
    input.destroy();
  }
  utf8.end();
  if (utf8.count > 0) {
    for (const { line, bytes } of utf8.found) log.note('encoding', `byte sequences that are not UTF-8 read as U+FFFD (rows kept; save the file as UTF-8)`, line, bytes);
    log.add('encoding', 'byte sequences that are not UTF-8 read as U+FFFD (rows kept; save the file as UTF-8)', utf8.count - utf8.found.length);
  }
  if (header === undefined) {
    throw new InputError(file.display, `the file is empty; expected a header row with ${describeExpected(format)}`, { line: 1 });
  }
  return { records, lines: lastEnd };
}

/** A data row whose every field is its column's header name: a header repeated mid-file. */
function repeatsHeader(header: Header, record: readonly string[]): boolean {
  for (let i = 0; i < record.length; i++) if ((record[i] as string).trim() !== header.names[i]) return false;
  return header.names.some((n) => n !== '');
}

function fieldCountError(file: CsvFile, header: Header, record: readonly string[], line: number, number: number): InputError {
  const expected = header.names.length;
  const found = record.length;
  const hint = found < expected ? 'a truncated line, a missing or a different delimiter' : 'an unquoted delimiter inside a field, or a different delimiter';
  return new InputError(file.display, `record ${number.toLocaleString('en-US')}: expected ${expected} fields (as in the header), found ${found} — ${hint}`, { line });
}

/** Line breaks inside the record's (quoted) fields; CRLF counts once. */
function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) breaks++;
    }
  }
  return breaks;
}

interface Header {
  names: string[];
  /** For each spec column, its index in the record, or -1 when an optional column is absent. */
  indices: number[];
}

function resolveHeader(file: CsvFile, format: CsvFormat, record: string[]): Header {
  const names = record.map((n) => n.replace(/^\uFEFF/, '').trim());
  const find = (spec: ColumnSpec): number => {
    const wanted = [spec.name, ...(spec.aliases ?? [])];
    for (const w of wanted) {
      const exact = names.indexOf(w);
      if (exact !== -1) return exact;
    }
    const lower = wanted.map((w) => w.toLowerCase());
    return names.findIndex((n) => lower.includes(n.toLowerCase()));
  };
  const indices = format.columns.map(find);
  const missing = format.columns.filter((spec, i) => spec.required && indices[i] === -1);
  if (missing.length > 0) {
    const described = missing.map((m) => (m.aliases?.length ? `"${m.name}" (or ${m.aliases.map((a) => `"${a}"`).join(', ')})` : `"${m.name}"`));
    const found = names.length === 0 || (names.length === 1 && names[0] === '') ? 'none' : names.map((n) => `"${truncate(n, 60)}"`).join(', ');
    throw new InputError(
      file.display,
      `missing required column${missing.length > 1 ? 's' : ''} ${described.join(', ')}; found ${names.length} column(s): ${found}${delimiterHint(format, names)}`,
      { line: 1 },
    );
  }
  return { names, indices };
}

/** A header that did not split is the usual sign of a file written with another delimiter. */
function delimiterHint(format: CsvFormat, names: string[]): string {
  if (names.length !== 1) return '';
  const other = [',', ';', '\t', '|'].find((d) => d !== format.delimiter && (names[0] ?? '').includes(d));
  if (other === undefined) return '';
  const label = (d: string): string => (d === '\t' ? 'tab' : `"${d}"`);
  return ` — the header looks ${label(other)}-delimited, but this file must be ${label(format.delimiter)}-delimited`;
}

function describeExpected(format: CsvFormat): string {
  const required = format.columns.filter((c) => c.required).map((c) => `"${c.name}"`);
  return `the columns ${required.join(', ')} (delimiter "${format.delimiter}")`;
}

async function assertReadable(file: CsvFile): Promise<void> {
  try {
    const info = await stat(file.path);
    if (!info.isFile()) throw new InputError(file.display, 'expected a CSV file, found a folder or special file');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file.display, `file not found (looked for ${file.path})`);
    throw new InputError(file.display, `cannot read the file (${(err as Error).message})`);
  }
}

function toInputError(file: CsvFile, err: unknown, recordLine: number): InputError {
  if (err instanceof InputError) return err;
  if (!(err instanceof CsvError)) {
    return new InputError(file.display, `cannot read the file (${err instanceof Error ? err.message : String(err)})`);
  }
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new InputError(
        file.display,
        `unterminated quoted field: a '"' opened on line ${recordLine} is still open at the end of the file; expected a closing '"' — the file may be truncated`,
        { line: recordLine },
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return new InputError(file.display, `malformed quoting: ${stripLocation(err.message)}`, { line: recordLine });
    default:
      return new InputError(file.display, stripLocation(err.message), { line: recordLine });
  }
}

function stripLocation(message: string): string {
  return message.replace(/^Invalid Record Length: /, '').replace(/ at line \d+/, '');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Problems found while coercing values, counted per column and reported as one warning each (with a few lines). */
export class CoercionLog {
  private readonly entries = new Map<string, { count: number; lines: number[]; examples: string[] }>();

  note(column: string, what: string, line: number, value: string): void {
    const key = `${column}\0${what}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { count: 0, lines: [], examples: [] };
      this.entries.set(key, entry);
    }
    entry.count++;
    if (entry.lines.length < 5) {
      entry.lines.push(line);
      entry.examples.push(truncate(value, 30));
    }
  }

  /** `count` more occurrences whose lines are not kept (already counted elsewhere). */
  add(column: string, what: string, count: number): void {
    const entry = this.entries.get(`${column}\0${what}`);
    if (entry) entry.count += count;
  }

  count(column: string, what: string): number {
    return this.entries.get(`${column}\0${what}`)?.count ?? 0;
  }

  /** e.g. `Quantity: 3 non-numeric values set to 0 (line 14 "n/a", line 20 "x", …)`. */
  warnings(file: string): string[] {
    return [...this.entries].map(([key, e]) => {
      const [column, what] = key.split('\0') as [string, string];
      const where = e.lines.map((l, i) => `line ${l} ${JSON.stringify(e.examples[i])}`).join(', ');
      return printable(`${file}: ${column}: ${e.count.toLocaleString('en-US')} ${what} (${where}${e.count > e.lines.length ? ', …' : ''})`);
    });
  }
}
