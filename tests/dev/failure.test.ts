import { describe, expect, it } from 'vitest';
import { buildFailure, bundleFailure, typescriptFailure } from '../../src/dev/failure.js';

describe('dash dev failure parsing', () => {
  it('takes a failed dataset and its location from `dash build --json`, the message without the location prefix', () => {
    const report = {
      caches: [
        { name: 'bases', outcome: 'fresh' },
        { name: 'equipment', outcome: 'failed', error: 'E/dod.csv:14: unterminated quoted field', location: { file: 'E/dod.csv', line: 14 } },
      ],
      site: null,
    };
    expect(buildFailure(JSON.stringify(report), '', 1)).toEqual({ step: 'dataset equipment', file: 'E/dod.csv', line: 14, column: null, message: 'unterminated quoted field' });
  });

  it('takes the site step from the `dash: ` lines on stderr, with a path:line when the message has one', () => {
    const stderr = '✔ bases: fresh\ndash: site: missing cache:\n  /c/bases.parquet (needed by: Installations)\n';
    expect(buildFailure('', stderr, 1)).toMatchObject({ step: 'site', file: null, line: null, message: 'site: missing cache:\n  /c/bases.parquet (needed by: Installations)' });
    expect(buildFailure('', 'dash: /c/data.json:3:7: bad\n', 1)).toMatchObject({ file: '/c/data.json', line: 3, column: 7 });
    expect(buildFailure('', '', 134).message).toBe('dash build exited with code 134');
  });

  it("reads tsc's first error and esbuild's error block", () => {
    expect(typescriptFailure("src/site/x.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.\nsrc/y.ts(1,1): error TS1: other")).toEqual({
      step: 'TypeScript',
      file: 'src/site/x.ts',
      line: 12,
      column: 5,
      message: "TS2322: Type 'string' is not assignable to type 'number'.",
    });
    const esbuild = '✘ [ERROR] Expected ";" but found "x"\n\n    site/pages/equipment/index.ts:40:7:\n      40 │ const y x = 2;\n';
    expect(bundleFailure(esbuild)).toEqual({ step: 'site bundle', file: 'site/pages/equipment/index.ts', line: 40, column: 7, message: 'Expected ";" but found "x"' });
  });
});
