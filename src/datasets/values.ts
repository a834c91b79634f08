/** Text → typed value coercions shared by the dataset transforms. Each returns null for "no usable value". */

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A plain decimal number (no thousands separators, no currency); null for blank or anything else. */
export function parseNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

// `YYYY-MM-DD`, optionally `[ T]HH:MM[:SS[.fraction]]`: the Kaggle layout writes 3 fraction digits, the DLA 0 or 6.
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
// The DLA's spreadsheets also come as `M/D/YYYY[ H:MM[:SS]]`.
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Milliseconds since the epoch of a date-time without a zone, read as UTC so the calendar year never shifts with the
 * machine's zone; null for blank or unparseable text or an impossible date (2021-02-30).
 */
export function parseDateTime(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  let parts: (string | undefined)[] | null = DATE_TIME.exec(t);
  let year: number;
  let month: number;
  let day: number;
  if (parts) {
    year = Number(parts[1]);
    month = Number(parts[2]);
    day = Number(parts[3]);
  } else {
    parts = US_DATE.exec(t);
    if (!parts) return null;
    month = Number(parts[1]);
    day = Number(parts[2]);
    year = Number(parts[3]);
    parts = [parts[0], undefined, undefined, undefined, parts[4], parts[5], parts[6], undefined];
  }
  const hour = Number(parts[4] ?? 0);
  const minute = Number(parts[5] ?? 0);
  const second = Number(parts[6] ?? 0);
  const millis = parts[7] === undefined ? 0 : Math.floor(Number(`0.${parts[7]}`) * 1000 + 1e-6);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms;
}

/** Trimmed text, or null when blank or absent. */
export function textOrNull(value: string | undefined): string | null {
  const t = (value ?? '').trim();
  return t === '' ? null : t;
}

/** Trimmed text, or `fallback` when blank or absent (the original's fillna + strip). */
export function textOr(value: string | undefined, fallback: string): string {
  return textOrNull(value) ?? fallback;
}
