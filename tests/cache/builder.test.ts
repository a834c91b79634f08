import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRows, runCaches } from '../../src/cache/builder.js';
import { readManifest } from '../../src/cache/manifest.js';
import type { Paths } from '../../src/config.js';
import type { DatasetModule, DatasetName } from '../../src/datasets/types.js';
import { isFile } from '../../src/filesystem.js';
import type { Reporter } from '../../src/log.js';
import { tempDir, writeFiles } from '../support/fixtures.js';

/** A dataset whose input is `<name>.txt`; its artefact is the input upper-cased. Counts its builds. */
function fakeModule(name: DatasetName, options: { fail?: boolean; delayMs?: number } = {}): DatasetModule & { builds: number } {
  const module = {
    name,
    title: name,
    artefact: `${name}.out`,
    version: '1',
    demoVersion: '1',
    expects: `${name}.txt`,
    builds: 0,
    locate: async (dir: string) => ((await isFile(join(dir, `${name}.txt`))) ? { kind: 'full' as const, root: dir, files: [`${name}.txt`] } : null),
    writeDemo: async (dir: string) => {
      await writeFiles(dir, { [`${name}.txt`]: `demo ${name}` });
      return [join(dir, `${name}.txt`)];
    },
    build: async (context: { source: { root: string; files: string[] }; tempPath: string }) => {
      module.builds++;
      if (options.delayMs) await sleep(options.delayMs);
      const text = await readFile(join(context.source.root, context.source.files[0] as string), 'utf8');
      await writeFile(context.tempPath, text.toUpperCase());
      if (options.fail) throw new Error(`${name} broke halfway`);
      return { rows: text.length, warnings: text.includes('?') ? ['odd input'] : [] };
    },
  };
  return module;
}

function recorder(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    start: () => ({ update: () => undefined, succeed: (t) => lines.push(`ok ${t}`), fail: (t) => lines.push(`fail ${t}`), warn: (t) => lines.push(`warn ${t}`) }),
    info: (t) => lines.push(`info ${t}`),
    warn: (t) => lines.push(`warn ${t}`),
  };
}

async function paths(): Promise<Paths> {
  return { datasets: await tempDir(), cache: await tempDir(), out: await tempDir() };
}

describe('runCaches', () => {
  it('builds, then finds everything fresh; --force rebuilds; changed content rebuilds only that dataset', async () => {
    const p = await paths();
    await writeFiles(p.datasets, { 'bases.txt': 'b?', 'healthcare.txt': 'hh' });
    const bases = fakeModule('bases');
    const healthcare = fakeModule('healthcare');
    const run = (force = false) => runCaches({ paths: p, modules: [bases, healthcare], force, check: false, reporter: recorder(), now: () => new Date(0) });

    const first = await run();
    expect(first.map((r) => [r.name, r.outcome, r.rows, r.source, r.warnings])).toEqual([
      ['bases', 'built', 2, 'full', ['odd input']],
      ['healthcare', 'built', 2, 'full', []],
    ]);
    expect(await readFile(join(p.cache, 'bases.out'), 'utf8')).toBe('B?');
    const manifest = await readFile(join(p.cache, 'manifest.json'), 'utf8');

    const second = await run();
    expect(second.map((r) => r.outcome)).toEqual(['fresh', 'fresh']);
    expect([bases.builds, healthcare.builds]).toEqual([1, 1]);
    expect(await readFile(join(p.cache, 'manifest.json'), 'utf8')).toBe(manifest);

    await writeFiles(p.datasets, { 'healthcare.txt': 'hH' });
    expect((await run()).map((r) => [r.outcome, r.reason])).toEqual([
      ['fresh', 'inputs and pipeline version unchanged'],
      ['built', 'inputs differ (changed: healthcare.txt)'],
    ]);
    expect([bases.builds, healthcare.builds]).toEqual([1, 2]);

    expect((await run(true)).map((r) => [r.outcome, r.reason])).toEqual([
      ['built', 'forced'],
      ['built', 'forced'],
    ]);
  });

  it('a failing dataset leaves its previous cache and the manifest byte-identical while the others build', async () => {
    const p = await paths();
    await writeFiles(p.datasets, { 'bases.txt': 'one', 'equipment.txt': 'eq' });
    await runCaches({ paths: p, modules: [fakeModule('bases'), fakeModule('equipment')], force: false, check: false, reporter: recorder() });
    const before = await readFile(join(p.cache, 'bases.out'));
    await writeFiles(p.datasets, { 'bases.txt': 'two', 'equipment.txt': 'eq2' });
    const manifestBefore = (await readManifest(p.cache)).artefacts.bases;

    const reporter = recorder();
    const reports = await runCaches({ paths: p, modules: [fakeModule('bases', { fail: true }), fakeModule('equipment')], force: false, check: false, reporter });
    expect(reports.map((r) => [r.name, r.outcome, r.error])).toEqual([
      ['bases', 'failed', 'bases broke halfway'],
      ['equipment', 'built', undefined],
    ]);
    expect(reporter.lines).toContain('fail bases: failed — bases broke halfway; the previous cache (if any) is unchanged');
    expect(await readFile(join(p.cache, 'bases.out'))).toEqual(before);
    expect((await readManifest(p.cache)).artefacts.bases).toEqual(manifestBefore);
    expect(await readFile(join(p.cache, 'equipment.out'), 'utf8')).toBe('EQ2');
    expect((await readdir(p.cache)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('--check judges without building', async () => {
    const p = await paths();
    await writeFiles(p.datasets, { 'bases.txt': 'x' });
    const bases = fakeModule('bases');
    const check = () => runCaches({ paths: p, modules: [bases], force: false, check: true, reporter: recorder() });
    expect((await check()).map((r) => [r.outcome, r.reason])).toEqual([['missing', 'bases.out does not exist']]);
    expect(bases.builds).toBe(0);
    expect(await isFile(join(p.cache, 'bases.out'))).toBe(false);
    await runCaches({ paths: p, modules: [bases], force: false, check: false, reporter: recorder() });
    expect((await check())[0]?.outcome).toBe('fresh');
    await writeFiles(p.datasets, { 'bases.txt': 'y' });
    expect((await check())[0]?.outcome).toBe('stale');
    expect(bases.builds).toBe(1);
  });

  it('uses the demo data when a dataset has no input, and says so', async () => {
    const p = await paths();
    const reporter = recorder();
    const [report] = await runCaches({ paths: p, modules: [fakeModule('ecg')], force: false, check: false, reporter });
    expect(report?.source).toBe('demo');
    expect(await readFile(join(p.cache, 'ecg.out'), 'utf8')).toBe('DEMO ECG');
    expect(await isFile(join(p.cache, '.demo', 'ecg.txt'))).toBe(true);
    expect(reporter.lines.filter((l) => l.includes('using the built-in demo data'))).toHaveLength(1);
    expect((await readManifest(p.cache)).artefacts.ecg?.inputs.map((i) => i.path)).toEqual(['demo:ecg']);
  });

  it('two concurrent runs on one cache folder build each dataset once and keep every manifest entry', async () => {
    const p = await paths();
    await writeFiles(p.datasets, { 'bases.txt': 'b', 'equipment.txt': 'e', 'healthcare.txt': 'h' });
    const modules = [fakeModule('bases', { delayMs: 50 }), fakeModule('equipment', { delayMs: 50 }), fakeModule('healthcare', { delayMs: 50 })];
    const run = () => runCaches({ paths: p, modules, force: false, check: false, reporter: recorder() });
    const [a, b] = await Promise.all([run(), run()]);
    expect(modules.map((m) => m.builds)).toEqual([1, 1, 1]);
    const outcomes = [...(a ?? []), ...(b ?? [])].map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['built', 'built', 'built', 'fresh', 'fresh', 'fresh']);
    expect(Object.keys((await readManifest(p.cache)).artefacts).sort()).toEqual(['bases', 'equipment', 'healthcare']);
  });

  it('removes temp files of dead processes and keeps live ones', async () => {
    const p = await paths();
    await writeFiles(p.cache, { '.bases.out.999999999.0123abcd.tmp': 'x', [`.bases.out.${process.pid}.0123abcd.tmp`]: 'y' });
    await runCaches({ paths: p, modules: [], force: false, check: false, reporter: recorder() });
    expect(await readdir(p.cache)).toEqual([`.bases.out.${process.pid}.0123abcd.tmp`]);
  });
});

describe('formatting', () => {
  it('formats rows, bytes and durations for people', () => {
    expect(formatRows(130958)).toBe('130,958 rows');
    expect(formatRows(undefined)).toBe('? rows');
    expect([formatBytes(512), formatBytes(4_400_000), formatBytes(27 * 1024 * 1024), formatBytes(undefined)]).toEqual(['512 B', '4.2 MiB', '27 MiB', '?']);
    expect([formatMs(950), formatMs(1234), formatMs(23_456)]).toEqual(['950 ms', '1.23 s', '23.5 s']);
  });
});
