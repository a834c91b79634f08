import { describe, expect, it } from 'vitest';
import { Random } from '../../src/demo/random.js';
import { ecgRanges, parseRows, RowProblem, SAMPLE_TOLERANCE } from '../../src/ecg/parse.js';

/** Parses `text` (one or more rows of `fields` numbers) and returns every row's values. */
function parse(text: string, fields: number): number[][] {
  const bytes = Buffer.from(text.endsWith('\n') ? text : `${text}\n`, 'latin1');
  const rows: number[][] = [];
  parseRows(bytes, 0, bytes.length, new Float64Array(fields), (values) => rows.push(Array.from(values)));
  return rows;
}

function problem(text: string, fields: number): RowProblem {
  try {
    parse(text, fields);
  } catch (err) {
    if (err instanceof RowProblem) return err;
    throw err;
  }
  throw new Error(`no problem found in ${JSON.stringify(text)}`);
}

/** Every text parses to exactly Number(text) (Object.is, so a zero must be +0: the parser reads -0 as 0). */
function expectExact(texts: string[]): void {
  const [values] = parse(texts.join(','), texts.length) as [number[]];
  const wrong = texts.filter((t, i) => !Object.is(values[i], Number(t) + 0));
  expect(wrong).toEqual([]);
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function randomDouble(random: Random): number {
  for (;;) {
    words[0] = random.uint32();
    words[1] = random.uint32();
    if (Number.isFinite(bits[0])) return bits[0] as number;
  }
}

describe('parseRows: exactness', () => {
  it('reads the edge cases of both file formats exactly', () => {
    expectExact([
      '0.000000000000000000e+00',
      '-0.000000000000000000e+00',
      '1.000000000000000000e+00',
      '9.779411554336547852e-01',
      '1.0',
      '0.0',
      '1',
      '-0',
      '.5',
      '5.',
      '+2.5',
      '1e5',
      '1E-5',
      '2.5e+3',
      '0.054464615881443024',
      '0.7711442708969117',
      '4.0',
      '123456789012345678901234567890',
      '0.00000000000000000000000001234',
      '1.7976931348623157e308',
      '2.2250738585072014e-308',
      '4.9e-324',
      '1e-400',
      '9007199254740993',
      '1.00000000000000011102230246251565404236316680908203125',
    ]);
  });

  it('matches Number() on a fuzz set of random doubles in %.18e, shortest and short formats', () => {
    const random = new Random(7);
    const texts: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const kind = random.int(0, 3);
      const x = kind === 0 ? Math.fround(random.next()) : kind === 1 ? random.next() * 10 ** random.int(-25, 25) : randomDouble(random);
      const format = random.int(0, 3);
      let text =
        format === 0 ? x.toExponential(18) : format === 1 ? String(x) : format === 2 ? x.toPrecision(random.int(1, 21)) : x.toExponential(random.int(0, 24));
      if (random.chance(0.3) && !text.startsWith('-')) text = `-${text}`;
      texts.push(text);
    }
    for (let i = 0; i < texts.length; i += 500) expectExact(texts.slice(i, i + 500));
  });

  it('rounds correctly next to halfway points between doubles (the hard cases of the double-double path)', () => {
    // The exact midpoint of two neighbouring doubles, then that decimal cut to 17–19 significant digits, ± 1 in the last.
    const random = new Random(11);
    const texts: string[] = [];
    for (let i = 0; i < 3_000; i++) {
      const x = Math.fround(random.next()) || 0.5;
      bits[0] = x;
      words[0] = (words[0] as number) + 1;
      const next = bits[0] as number;
      const midpoint = exactDecimal(x, next);
      for (const digits of [17, 18, 19]) {
        const [mantissa, exponent] = midpoint;
        const cut = mantissa.slice(0, digits);
        for (const delta of [-1n, 0n, 1n]) {
          const m = (BigInt(cut) + delta).toString();
          texts.push(`${m[0]}.${m.slice(1)}e${exponent}`);
        }
      }
      texts.push(`${midpoint[0][0]}.${midpoint[0].slice(1)}e${midpoint[1]}`);
    }
    for (let i = 0; i < texts.length; i += 500) expectExact(texts.slice(i, i + 500));
  });
});

/** The exact decimal (digits, exponent of the first digit) of (a + b) / 2 for positive doubles a < b. */
function exactDecimal(a: number, b: number): [string, number] {
  const scale = 1100n;
  const toScaled = (x: number): bigint => {
    bits[0] = x;
    const exponent = Number(((words[1] as number) >>> 20) & 0x7ff);
    const mantissa = (BigInt((words[1] as number) & 0xfffff) << 32n) | BigInt(words[0] as number);
    const m = exponent === 0 ? mantissa : mantissa | (1n << 52n);
    const e = (exponent === 0 ? 1 : exponent) - 1075;
    return m * 10n ** scale * (e >= 0 ? 1n << BigInt(e) : 1n) / (e < 0 ? 1n << BigInt(-e) : 1n);
  };
  const sum = toScaled(a) + toScaled(b);
  const digits = (sum * 5n).toString().replace(/0+$/, '');
  const exponent = (sum * 5n).toString().length - 1 - Number(scale) - 1;
  return [digits, exponent];
}

describe('parseRows: layout', () => {
  it('accepts CRLF, a missing final newline and blank lines', () => {
    expect(parse('1.0,2.0\r\n3.0,4.0\r\n', 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parse('1.0,2.0\n\n3.0,4.0', 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('names the field and offsets of a value that is not a number', () => {
    const p = problem('1.0,2.0,3.0\n4.0,abc,6.0\n', 3);
    expect([p.rowStart, p.fieldStart, p.problem]).toEqual([12, 16, 'field 2: expected a number, found "abc"']);
    expect(problem('1.0,1.5x,3.0\n', 3).problem).toBe('field 2: expected a number, found "1.5x"');
    expect(problem('1.0,,3.0\n', 3).problem).toBe('field 2: expected a number, found an empty field');
    expect(problem('1.0,2e,3.0\n', 3).problem).toBe('field 2: expected a number, found "2e"');
    expect(problem('1.0,-,3.0\n', 3).problem).toBe('field 2: expected a number, found "-"');
  });

  it('rejects a non-digit at any digit position of the fixed %.18e layout (the four-digits-at-once path)', () => {
    const field = '1.234567890123456789e-01';
    const positions = [0, ...Array.from({ length: 18 }, (_, i) => i + 2), 22, 23];
    const wrong: string[] = [];
    for (const at of positions) {
      for (const bad of ['/', ':', 'a', '\u00b5', ' ']) {
        const text = field.slice(0, at) + bad + field.slice(at + 1);
        if (problem(`0.5,${text},0.5\n`, 3).problem !== `field 2: expected a number, found "${text}"`) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
    expect(parse(`0.5,${field},-${field}\n`, 3)).toEqual([[0.5, Number(field), -Number(field)]]);
  });

  it('rejects values that are not finite: overflow to Infinity, NaN, inf, with the field and its offset', () => {
    for (const text of ['1e400', '-1e400', '1.0e309', '179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792']) {
      const p = problem(`0.5,${text},0.5\n`, 3);
      expect([text, p.fieldStart, p.problem]).toEqual([text, 4, `field 2: expected a finite number, found ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`]);
    }
    for (const text of ['NaN', 'inf', 'Infinity', '-inf']) expect(problem(`0.5,${text},0.5\n`, 3).problem).toBe(`field 2: expected a number, found "${text}"`);
  });

  it('reads a negative zero as 0, so -0 and 0 are the same beat', () => {
    const [row] = parse('-0,-0.0,-0.000000000000000000e+00,-1e-400,0', 5) as [number[]];
    expect(row.map((v) => Object.is(v, 0))).toEqual([true, true, true, true, true]);
  });

  it('rejects a value outside its field range: ECG samples in [0, 1] ± 1e-6, the label within the file’s labels', () => {
    const ranges = ecgRanges(3, [0, 1, 2, 3, 4]);
    const check = (text: string): string | undefined => {
      const bytes = Buffer.from(`${text}\n`, 'latin1');
      try {
        parseRows(bytes, 0, bytes.length, new Float64Array(4), () => undefined, ranges);
        return undefined;
      } catch (err) {
        return (err as RowProblem).problem;
      }
    };
    expect(check('0,1,0.5,4')).toBeUndefined();
    expect(check('-0.0000009,1.0000009,1e-300,0')).toBeUndefined();
    expect(check('0,1.5,0.5,4')).toBe(`field 2: expected a number in [0, 1] (the beats are min-max normalised; ±${SAMPLE_TOLERANCE} for rounding), found 1.5`);
    expect(check('0,0.5,1e308,4')).toMatch(/^field 3: expected a number in \[0, 1\].*found 1e308$/);
    expect(check('-0.01,0.5,0.5,4')).toMatch(/^field 1: expected a number in \[0, 1\]/);
    expect(check('0,0.5,0.5,5')).toBe('field 4: expected a label from 0 to 4, found 5');
    expect(check('0,0.5,0.5,-1.0e0')).toBe('field 4: expected a label from 0 to 4, found -1.0e0');
  });

  it('reports rows with too few or too many fields with the counts', () => {
    expect(problem('1.0,2.0\n', 3).problem).toBe('expected 3 fields, found 2');
    expect(problem('1.0,2.0,3.0,4.0,5.0\n', 3).problem).toBe('expected 3 fields, found 5');
    expect(problem('1.0,2.0,\n', 3).problem).toBe('field 3: expected a number, found an empty field');
  });
});
