/**
 * CSV export (P-9): RFC 4180 — fields with a comma, quote, CR or LF are quoted and quotes doubled; lines end
 * in CRLF; UTF-8 with a byte-order mark by default so Excel reads accents correctly.
 *
 * CSV injection (OWASP): a text cell beginning with `=`, `+`, `-`, `@`, tab or CR (or a newline, or the full-width
 * forms of those signs) would run as a formula in Excel or LibreOffice — an agency named `=HYPERLINK("…")` in the
 * data is enough. Such a cell gets a leading single quote and is quoted, so it shows as the text it is. Numbers
 * stay numbers: a number value (−5) is written as is, and so is text that is exactly a decimal number ("-12.5"),
 * which no spreadsheet evaluates as a formula.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : String(value);
  const formula = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
  if (formula) text = `'${text}`;
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: { bom?: boolean } = {}): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** "dash-equipment-2026-11-28.csv", or with a filter hint "dash-equipment-ca-tx-2026-11-28.csv". */
export function csvFileName(page: string, date: Date, hint?: string): string {
  const slug = (s: string): string =>
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '');
  const parts = ['dash', slug(page), hint === undefined ? '' : slug(hint), date.toISOString().slice(0, 10)].filter((p) => p !== '');
  return `${parts.join('-')}.csv`;
}
