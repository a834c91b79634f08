/**
 * The ECG byte parser: comma-separated rows of decimal numbers, straight from bytes into a Float64Array, with no
 * string per value or per row (DESIGN §5). Exact: every value equals `Number(text)` of its field, except that a
 * negative zero is read as 0. Every value must be finite and within its field's range (`FieldRanges`; the ECG
 * rows': `ecgRanges`), else the row is rejected with the field and its offset.
 *
 * Conversion: a field is read as sign × M × 10^e with up to 19 significant digits in M.
 * - M < 10^15 and |e| ≤ 22: M and 10^|e| are exact doubles, so one IEEE multiply or divide rounds correctly
 *   (Clinger's fast path) — the short floats of the Kaggle sample files.
 * - otherwise (the 19-digit `%.18e` fields of the full files): M × 5^e in double-double arithmetic (≈ 2^-100
 *   relative error), scaled by 2^e, then rounded. The rounding is accepted only when nudging the low word by
 *   ±2^-80 of the value cannot change it, i.e. the exact value is far from a halfway point between two doubles;
 *   otherwise, and for more than 19 significant digits or extreme exponents, the field text goes to `Number()`.
 */

const LF = 10;
const CR = 13;
const COMMA = 44;
const DOT = 46;
const MINUS = 45;
const PLUS = 43;
const LOWER_E = 101;
const UPPER_E = 69;

/** 10^0 … 10^22, all exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's splitting constant
const NUDGE = 2 ** -80;
const POW2 = [1, 2, 4, 8, 16];

/** 5^j for j in [-POW5_OFFSET, POW5_OFFSET) as double-doubles (hi + lo, good to ~2^-106), hi pre-split for TwoProduct. */
const POW5_OFFSET = 340;
const POW5_HI = new Float64Array(2 * POW5_OFFSET);
const POW5_LO = new Float64Array(2 * POW5_OFFSET);
const POW5_HI_HI = new Float64Array(2 * POW5_OFFSET);
const POW5_HI_LO = new Float64Array(2 * POW5_OFFSET);
for (let j = -POW5_OFFSET; j < POW5_OFFSET; j++) {
  let hi: number;
  let lo: number;
  if (j >= 0) {
    const exact = 5n ** BigInt(j);
    hi = Number(exact);
    lo = Number(exact - BigInt(hi));
  } else {
    // 2^s / 5^-j with s chosen so the quotient has ~120 bits, then scaled back by 2^-s.
    const divisor = 5n ** BigInt(-j);
    const s = 120 + divisor.toString(2).length;
    const quotient = (1n << BigInt(s)) / divisor;
    hi = Number(quotient);
    lo = Number(quotient - BigInt(hi));
    hi *= 2 ** -s;
    lo *= 2 ** -s;
  }
  const i = j + POW5_OFFSET;
  POW5_HI[i] = hi;
  POW5_LO[i] = lo;
  const t = SPLITTER * hi;
  POW5_HI_HI[i] = t - (t - hi);
  POW5_HI_LO[i] = hi - (POW5_HI_HI[i] as number);
}

/** 2^e for e in [-POW5_OFFSET, POW5_OFFSET), the binary half of 10^e (Math.pow per value was most of the conversion time). */
const POW2_E = Float64Array.from({ length: 2 * POW5_OFFSET }, (_, i) => 2 ** (i - POW5_OFFSET));

/** A field that is not a number, or a row with the wrong field count; offsets are into the parsed buffer. */
export class RowProblem extends Error {
  constructor(
    readonly rowStart: number,
    readonly fieldStart: number,
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'RowProblem';
  }
}

/** Called once per row with the row's values (a reused array: copy what you keep) and the row's first byte. */
export type RowHandler = (values: Float64Array, rowStart: number) => void;

/**
 * The values each field may take, inclusive: `low[f] ≤ value ≤ high[f]`. Both are finite, so a field that reads as
 * Infinity (1e400) or is out of the dataset's range is rejected where it stands, before any computation sees it.
 */
export interface FieldRanges {
  low: Float64Array;
  high: Float64Array;
  /** Says what the range is and why, for the error message (e.g. "in [0, 1]: the beats are min-max normalised"). */
  describe: (field: number) => string;
}

/**
 * How far outside [0, 1] a beat sample may be. The Kaggle beats (MIT-BIH and PTB) are min-max normalised to [0, 1]
 * and stored as float32 written with 18 decimals, so every real sample is within [0, 1] exactly; the tolerance
 * only admits the rounding of a file re-saved with fewer digits or re-normalised in float32 (a few units of
 * 2^-24 ≈ 6e-8). Anything further out is not a normalised beat, and it would skew every mean, std and feature.
 */
export const SAMPLE_TOLERANCE = 1e-6;

/** An ECG row: `beatLength` samples in [0, 1] ± SAMPLE_TOLERANCE, then the label within [min, max] of `labels`. */
export function ecgRanges(beatLength: number, labels: readonly number[]): FieldRanges {
  const low = new Float64Array(beatLength + 1).fill(-SAMPLE_TOLERANCE);
  const high = new Float64Array(beatLength + 1).fill(1 + SAMPLE_TOLERANCE);
  low[beatLength] = Math.min(...labels);
  high[beatLength] = Math.max(...labels);
  return {
    low,
    high,
    describe: (field) =>
      field < beatLength
        ? `a number in [0, 1] (the beats are min-max normalised; ±${SAMPLE_TOLERANCE} for rounding)`
        : low[beatLength] === high[beatLength]
          ? `the label ${low[beatLength]}`
          : `a label from ${low[beatLength]} to ${high[beatLength]}`,
  };
}

/** Any finite number, in every field. */
export function finiteRanges(fields: number): FieldRanges {
  return { low: new Float64Array(fields).fill(-Number.MAX_VALUE), high: new Float64Array(fields).fill(Number.MAX_VALUE), describe: () => 'a finite number' };
}

/**
 * Parses the rows in `bytes[start, end)`. Contract: `end > start` implies `bytes[end - 1]` is LF — the caller
 * passes only complete lines and appends a LF to an unterminated last line — so scanning never leaves the range.
 * Blank lines are skipped; CRLF is accepted. Each row must hold exactly `values.length` fields, each within `ranges`
 * (any finite number by default).
 */
export function parseRows(bytes: Uint8Array, start: number, end: number, values: Float64Array, onRow: RowHandler, ranges: FieldRanges = finiteRanges(values.length)): void {
  const fields = values.length;
  const { low, high } = ranges;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = start;
  while (pos < end) {
    const rowStart = pos;
    let c = bytes[pos] as number;
    if (c === LF) {
      pos++;
      continue;
    }
    if (c === CR && bytes[pos + 1] === LF) {
      pos += 2;
      continue;
    }
    for (let f = 0; f < fields; f++) {
      const fieldStart = pos;
      c = bytes[pos] as number;
      let negative = false;
      if (c === MINUS) {
        negative = true;
        c = bytes[++pos] as number;
      } else if (c === PLUS) {
        c = bytes[++pos] as number;
      }
      let value = NaN;
      // Fast path for the full files' `%.18e` layout, d.dddddddddddddddddde±dd: fixed offsets, no per-digit branching.
      if (bytes[pos + 1] === DOT && bytes[pos + 20] === LOWER_E && pos + 24 < end) {
        const d0 = c - 48;
        const w1 = view.getUint32(pos + 2, true);
        const w2 = view.getUint32(pos + 6, true);
        const w3 = view.getUint32(pos + 10, true);
        const w4 = view.getUint32(pos + 16, true);
        const d14 = (bytes[pos + 14] as number) - 48;
        const d15 = (bytes[pos + 15] as number) - 48;
        const e1 = (bytes[pos + 22] as number) - 48;
        const e2 = (bytes[pos + 23] as number) - 48;
        const sign = bytes[pos + 21] as number;
        const next = bytes[pos + 24] as number;
        const scalars = d0 | (9 - d0) | d14 | (9 - d14) | d15 | (9 - d15) | e1 | (9 - e1) | e2 | (9 - e2);
        if (
          scalars >= 0 &&
          (notDigits(w1) | notDigits(w2) | notDigits(w3) | notDigits(w4)) === 0 &&
          (sign === PLUS || sign === MINUS) &&
          (next === COMMA || next === LF || next === CR)
        ) {
          const hi = d0 * 1e14 + fourDigits(w1) * 1e10 + fourDigits(w2) * 1e6 + fourDigits(w3) * 100 + d14 * 10 + d15;
          const lo = fourDigits(w4);
          if (hi === 0 && lo === 0) value = 0;
          else if (hi >= 1e14) {
            const exponent = e1 * 10 + e2;
            value = scaleDecimal(hi, lo, 4, (sign === MINUS ? -exponent : exponent) - 18);
            if (value !== value) value = Math.abs(Number(latin1(bytes, pos, pos + 24)));
          }
          if (value === value) {
            pos += 24;
            c = next;
          }
        }
      }
      if (value !== value) {
        // General decimal syntax. hi: the first 15 significant digits; lo: the next up to 4 (loDigits of them);
        // exp10: the power of ten of the last kept digit.
        let hi = 0;
        let lo = 0;
        let significant = 0;
        let loDigits = 0;
        let exp10 = 0;
        let digits = 0;
        let truncated = false;
        let dot = false;
        for (;; c = bytes[++pos] as number) {
          const d = c - 48;
          if (d >= 0 && d <= 9) {
            digits++;
            if (significant < 15) {
              if (significant > 0 || d !== 0) {
                hi = hi * 10 + d;
                significant++;
              }
              if (dot) exp10--;
            } else if (significant < 19) {
              lo = lo * 10 + d;
              loDigits++;
              significant++;
              if (dot) exp10--;
            } else {
              // Beyond 19 digits: only whether any is non-zero matters (then Number() decides).
              if (!dot) exp10++;
              if (d !== 0) truncated = true;
            }
          } else if (c === DOT && !dot) dot = true;
          else break;
        }
        let valid = digits > 0;
        if (valid && (c === LOWER_E || c === UPPER_E)) {
          c = bytes[++pos] as number;
          let expNegative = false;
          if (c === MINUS) {
            expNegative = true;
            c = bytes[++pos] as number;
          } else if (c === PLUS) {
            c = bytes[++pos] as number;
          }
          let e = 0;
          let expDigits = 0;
          for (let d = c - 48; d >= 0 && d <= 9; d = c - 48) {
            if (e < 100_000) e = e * 10 + d;
            expDigits++;
            c = bytes[++pos] as number;
          }
          valid = expDigits > 0;
          exp10 += expNegative ? -e : e;
        }
        if (!valid) throw fieldProblem(bytes, rowStart, fieldStart, f, fields, end);
        if (significant === 0) {
          value = 0;
        } else if (significant <= 15 && exp10 >= -22 && exp10 <= 22) {
          value = exp10 < 0 ? hi / (POW10[-exp10] as number) : hi * (POW10[exp10] as number);
        } else {
          value = truncated ? NaN : scaleDecimal(hi, lo, loDigits, exp10);
          if (value !== value) value = Math.abs(Number(latin1(bytes, fieldStart, pos)));
        }
      }
      if (f === fields - 1 ? c !== LF && !(c === CR && bytes[pos + 1] === LF) : c !== COMMA) {
        throw fieldProblem(bytes, rowStart, fieldStart, f, fields, end);
      }
      // 0 - value: a negative zero is read as 0, so `-0` and `0` are the same beat (same key, same sample).
      const v = negative ? 0 - value : value;
      if (!(v >= (low[f] as number) && v <= (high[f] as number))) throw rangeProblem(bytes, rowStart, fieldStart, pos, f, ranges);
      values[f] = v;
      pos += c === CR ? 2 : 1;
    }
    onRow(values, rowStart);
  }
}

/**
 * Non-zero unless the four bytes of `word` are all ASCII digits: a byte below '0' borrows into its top bit when
 * '0' is subtracted, a byte above '9' carries into it when 0x46 is added.
 */
function notDigits(word: number): number {
  return ((word - 0x30303030) | (word + 0x46464646)) & 0x80808080;
}

/** The value of four ASCII digits read as a little-endian word (first digit in the low byte), by pairs in parallel. */
function fourDigits(word: number): number {
  let v = word - 0x30303030;
  v = (v * 10 + (v >>> 8)) & 0x00ff00ff;
  return (v & 0xff) * 100 + (v >>> 16);
}

/**
 * (hi × 10^k + lo) × 10^e, with 10^14 ≤ hi < 10^15 and lo < 10^k, correctly rounded; NaN when that cannot be decided
 * cheaply (the caller then uses Number()). Since 10^x = 5^x × 2^x:
 *   value = 2^e × (hi × 5^(k+e) × 2^k + lo × 5^e)
 * hi × 5^(k+e) is formed exactly (Dekker's TwoProduct against a pre-split double-double power of five); the lo term is
 * below 10^-14 of the total, so one rounded product suffices for it. The result is good to about 2^-98 relative.
 */
function scaleDecimal(hi: number, lo: number, k: number, e: number): number {
  const j = k + e + POW5_OFFSET;
  const jLo = e + POW5_OFFSET;
  if (jLo < 0 || j >= POW5_HI.length) return NaN;
  const ah = POW5_HI[j] as number;
  const p = hi * ah;
  let t = SPLITTER * hi;
  const hiHi = t - (t - hi);
  const hiLo = hi - hiHi;
  const aHi = POW5_HI_HI[j] as number;
  const aLo = POW5_HI_LO[j] as number;
  const pe = hiHi * aHi - p + hiHi * aLo + hiLo * aHi + hiLo * aLo;
  const twoK = POW2[k] as number;
  const main = p * twoK;
  t = (pe + hi * (POW5_LO[j] as number)) * twoK + lo * (POW5_HI[jLo] as number);
  const h = main + t;
  const l = t - (h - main);
  const scale = POW2_E[e + POW5_OFFSET] as number;
  const sh = h * scale;
  const sl = l * scale;
  const nudge = sh * NUDGE;
  const up = sh + (sl + nudge);
  return up === sh + (sl - nudge) && up < Infinity && up > 1e-280 ? up : NaN;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

function fieldProblem(bytes: Uint8Array, rowStart: number, fieldStart: number, field: number, fields: number, end: number): RowProblem {
  let stop = fieldStart;
  while (stop < end && bytes[stop] !== COMMA && bytes[stop] !== LF && bytes[stop] !== CR) stop++;
  const text = latin1(bytes, fieldStart, Math.min(stop, fieldStart + 40));
  const next = bytes[stop];
  if (stop > fieldStart && !isNumberText(text)) {
    return new RowProblem(rowStart, fieldStart, `field ${field + 1}: expected a number, found "${text}${stop - fieldStart > 40 ? '…' : ''}"`);
  }
  if (field === fields - 1 && next === COMMA) {
    let count = fields;
    for (let i = stop; i < end && bytes[i] !== LF; i++) if (bytes[i] === COMMA) count++;
    return new RowProblem(rowStart, fieldStart, `expected ${fields} fields, found ${count}`);
  }
  if (stop === fieldStart && (next === COMMA || bytes[fieldStart - 1] === COMMA)) {
    return new RowProblem(rowStart, fieldStart, `field ${field + 1}: expected a number, found an empty field`);
  }
  return new RowProblem(rowStart, fieldStart, `expected ${fields} fields, found ${field + (stop > fieldStart ? 1 : 0)}`);
}

function rangeProblem(bytes: Uint8Array, rowStart: number, fieldStart: number, stop: number, field: number, ranges: FieldRanges): RowProblem {
  const text = latin1(bytes, fieldStart, Math.min(stop, fieldStart + 40));
  return new RowProblem(rowStart, fieldStart, `field ${field + 1}: expected ${ranges.describe(field)}, found ${text}${stop - fieldStart > 40 ? '…' : ''}`);
}

/** The decimal syntax parseRows accepts (a subset of what Number() accepts: no spaces, hex, or Infinity). */
function isNumberText(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
}
