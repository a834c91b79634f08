import { describe, expect, it } from 'vitest';
import { printable } from '../src/printable.js';
import { InputError } from '../src/errors.js';

describe('printable', () => {
  it('escapes C0 and C1 controls, DEL, line separators and bidi overrides; keeps other text', () => {
    expect(printable('a\u001b[31mb\tc\r\nd\u007f\u009b2J\u2028\u202Eabc\u2066')).toBe('a\\x1B[31mb\\x09c\\x0D\\x0Ad\\x7F\\x9B2J\\u2028\\u202Eabc\\u2066');
    expect(printable('Café — São Paulo 😀 "x"')).toBe('Café — São Paulo 😀 "x"');
  });

  it('is applied to every InputError, whatever quotes the file text', () => {
    const err = new InputError('data/\u001bx.csv', 'found "\u001b]0;title\u0007"', { line: 3 });
    expect(err.message).toBe('data/\\x1Bx.csv:3: found "\\x1B]0;title\\x07"');
  });
});
