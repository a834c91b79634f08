import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixtures.js';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'build-if-stale.mjs');

/** A project with the script and stand-ins for tsc and the bundler that log each run to runs.log. */
async function project(): Promise<{ root: string; run: () => string[] }> {
  const root = await tempDir('dash-stale-');
  const files: Record<string, string> = {
    'package.json': '{"name":"x"}',
    'package-lock.json': '{}',
    'tsconfig.base.json': '{}',
    'tsconfig.build.json': '{}',
    'src/a.ts': 'export const a = 1;',
    'site/pages/p.ts': 'export {};',
    'node_modules/typescript/bin/tsc':
      "import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'; appendFileSync('runs.log', 'tsc\\n'); mkdirSync('lib/cli', { recursive: true }); writeFileSync('lib/cli/main.js', '');",
    'scripts/bundle-site.mjs':
      "import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'; appendFileSync('runs.log', 'bundle\\n'); mkdirSync('lib/site-assets', { recursive: true }); writeFileSync('lib/site-assets/bundle.json', '{}');",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(root, 'node_modules/typescript/package.json'), '{"type":"module"}');
  copyFileSync(script, join(root, 'scripts', 'build-if-stale.mjs'));
  writeFileSync(join(root, 'runs.log'), '');
  const run = (): string[] => {
    const before = readFileSync(join(root, 'runs.log'), 'utf8');
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs')], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return readFileSync(join(root, 'runs.log'), 'utf8').slice(before.length).split('\n').filter(Boolean);
  };
  return { root, run };
}

describe('scripts/build-if-stale.mjs (npm start)', () => {
  it('compiles and bundles once, then only when the sources change by content', async () => {
    const { root, run } = await project();
    expect(run()).toEqual(['tsc', 'bundle']);
    expect(run()).toEqual([]);
    // A new mtime alone (a checkout, a cache restore) is not a change.
    utimesSync(join(root, 'src/a.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(run()).toEqual([]);
    writeFileSync(join(root, 'site/pages/p.ts'), 'export const p = 2;');
    expect(run()).toEqual(['bundle']);
    // src/ feeds both: the browser bundle imports the shared contracts and lookups.
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 2;');
    expect(run()).toEqual(['tsc', 'bundle']);
  });

  it('builds again when an output is missing, whatever the stamp says', async () => {
    const { root, run } = await project();
    run();
    rmSync(join(root, 'lib/cli/main.js'));
    expect(run()).toEqual(['tsc']);
  });
});
