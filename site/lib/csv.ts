/**
 * CSV export (P-9): RFC 4180 — fields with a comma, quote, CR or LF are quoted and quotes doubled; lines end
 * in CRLF; UTF-8 with a byte-order mark by default so Excel reads accents correctly.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString()) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
