import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without type declarations
import { packageDir, thirdPartyNotices } from '../../scripts/notices.mjs';
import { REPO } from '../deploy/repo.js';

const notices = thirdPartyNotices as (root: string, bundled: string[]) => Promise<string>;

describe('THIRD_PARTY_NOTICES', () => {
  it('finds the package of a bundled input, nested and scoped ones included', () => {
    expect(packageDir('node_modules/d3-array/src/max.js')).toBe('node_modules/d3-array');
    expect(packageDir('node_modules/@observablehq/plot/src/plot.js')).toBe('node_modules/@observablehq/plot');
    expect(packageDir('node_modules/d3-cloud/node_modules/d3-dispatch/src/index.js')).toBe('node_modules/d3-cloud/node_modules/d3-dispatch');
    expect(packageDir('site/pages/overview.ts')).toBeUndefined();
  });

  it('gives each bundled package its version, licence and full licence text, and lists every runtime dependency', async () => {
    const text = await notices(REPO, ['node_modules/us-atlas', 'node_modules/d3-cloud', 'node_modules/d3-cloud/node_modules/d3-dispatch', 'node_modules/d3-cloud']);
    const headings = [...text.matchAll(/^-{78}\n(\S+) (\S+) \((\S+)\)$/gm)].map((m) => `${m[1]} ${m[3]}`);
    expect(headings).toEqual(['d3-cloud BSD-3-Clause', 'd3-dispatch BSD-3-Clause', 'us-atlas ISC']);
    expect(text).toContain('Redistribution and use in source and binary forms');
    expect(text).toContain('Permission to use, copy, modify, and/or distribute this software');
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const runtime = text.slice(text.indexOf('2. Installed by npm'));
    for (const name of Object.keys(pkg.dependencies)) {
      // Each with the licence its own package.json declares (most are MIT; d3-geo, which dash site uses in Node, is ISC).
      const { license } = JSON.parse(await readFile(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { license: string };
      expect(runtime).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ +${license}$`, 'm'));
    }
    expect(runtime).not.toMatch(/^(vitest|esbuild|d3) /m);
  });

  it('the committed file covers the libraries the site bundles: Plot, d3, topojson-client, us-atlas, d3-cloud', async () => {
    const text = await readFile(join(REPO, 'THIRD_PARTY_NOTICES'), 'utf8');
    const expected: [string, string][] = [
      ['@observablehq/plot', 'ISC'],
      ['d3-array', 'ISC'],
      ['d3-geo', 'ISC'],
      ['d3-scale', 'ISC'],
      ['topojson-client', 'ISC'],
      ['us-atlas', 'ISC'],
      ['d3-cloud', 'BSD-3-Clause'],
    ];
    for (const [name, licence] of expected) {
      expect(text).toMatch(new RegExp(`^${name.replace('/', '\\/')} \\S+ \\(${licence}\\)$`, 'm'));
    }
  });
});
