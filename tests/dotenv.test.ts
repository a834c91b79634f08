import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDotenv, parseDotenv } from '../src/dotenv.js';

describe('parseDotenv', () => {
  it('handles export, quotes, escapes and inline comments', () => {
    const parsed = parseDotenv(
      [
        '# comment',
        'export DASH_ENV=production',
        'DASH_PORT=9000 # inline comment',
        "SINGLE='a # not a comment \\n'",
        'DOUBLE="line1\\nline2 \\"q\\""',
        'URL=http://x/#anchor',
        'EMPTY=',
        'not a line',
      ].join('\r\n'),
    );
    expect(Object.fromEntries(parsed)).toEqual({
      DASH_ENV: 'production',
      DASH_PORT: '9000',
      SINGLE: 'a # not a comment \\n',
      DOUBLE: 'line1\nline2 "q"',
      URL: 'http://x/#anchor',
      EMPTY: '',
    });
  });
});

describe('loadDotenv', () => {
  it('never overrides the real environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dash-env-'));
    writeFileSync(join(dir, '.env'), 'A=from-file\nB=from-file\n');
    const env: NodeJS.ProcessEnv = { A: 'real' };
    expect(loadDotenv(join(dir, '.env'), env)).toEqual(['B']);
    expect(env).toEqual({ A: 'real', B: 'from-file' });
  });

  it('ignores a missing file', () => {
    expect(loadDotenv('/nonexistent/.env', {})).toEqual([]);
  });
});
