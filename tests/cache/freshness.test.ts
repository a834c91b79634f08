import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintFile } from '../../src/cache/fingerprint.js';
import { demoFingerprint, inputIdentity, judgeFreshness } from '../../src/cache/freshness.js';
import type { ManifestEntry } from '../../src/cache/manifest.js';
import type { DatasetModule } from '../../src/datasets/types.js';
import { tempDir } from '../support/fixtures.js';

const module: DatasetModule = {
  name: 'bases',
  title: 't',
  artefact: 'bases.parquet',
  version: '2',
  demoVersion: '1',
  expects: 'x.txt',
  locate: async () => null,
  writeDemo: async () => [],
  build: async () => ({ rows: 0, warnings: [] }),
};

async function setup(): Promise<{ root: string; cache: string; entry: ManifestEntry }> {
  const root = await tempDir();
  const cache = await tempDir();
  await writeFile(join(root, 'in.csv'), 'a;b\n1;2\n');
  await writeFile(join(cache, 'bases.parquet'), 'PAR1....PAR1');
  const inputs = await inputIdentity(module, { kind: 'full', root, files: ['in.csv'] });
  const entry: ManifestEntry = {
    artefact: 'bases.parquet',
    pipelineVersion: '2',
    dashVersion: '0',
    source: 'full',
    inputs,
    rows: 1,
    bytes: 12,
    sha256: '',
    durationMs: 1,
    builtAt: '',
    warnings: [],
  };
  return { root, cache, entry };
}

describe('freshness', () => {
  it('fingerprints content: sha256, size and mtime', async () => {
    const { root } = await setup();
    const f = await fingerprintFile(join(root, 'in.csv'), 'in.csv');
    // printf 'a;b\n1;2\n' | sha256sum
    expect(f).toMatchObject({ path: 'in.csv', size: 8, sha256: '403bea5152c251c5bc7ef420d824d191605723f99392e83a0549ad58c6d46291' });
  });

  it('is fresh when content and version match, even after a touch', async () => {
    const { root, cache, entry } = await setup();
    await utimes(join(root, 'in.csv'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const inputs = await inputIdentity(module, { kind: 'full', root, files: ['in.csv'] });
    expect(inputs[0]?.mtimeMs).not.toBe(entry.inputs[0]?.mtimeMs);
    expect(await judgeFreshness(module, entry, inputs, cache)).toEqual({ state: 'fresh', reason: 'inputs and pipeline version unchanged' });
  });

  it('is stale when one byte of an input changes, naming the file', async () => {
    const { root, cache, entry } = await setup();
    await writeFile(join(root, 'in.csv'), 'a;b\n1;3\n');
    const inputs = await inputIdentity(module, { kind: 'full', root, files: ['in.csv'] });
    expect(await judgeFreshness(module, entry, inputs, cache)).toEqual({ state: 'stale', reason: 'inputs differ (changed: in.csv)' });
  });

  it('is stale when the pipeline version, the artefact or the input list changed; missing without an artefact', async () => {
    const { cache, entry } = await setup();
    const inputs = entry.inputs;
    expect((await judgeFreshness({ ...module, version: '3' }, entry, inputs, cache)).reason).toBe('built by pipeline version 2, now 3');
    expect((await judgeFreshness(module, { ...entry, bytes: 99 }, inputs, cache)).reason).toBe('bases.parquet changed on disk since it was built');
    expect((await judgeFreshness(module, entry, [demoFingerprint(module)], cache)).reason).toBe('inputs differ (changed: demo:bases; no longer present: in.csv)');
    expect(await judgeFreshness(module, undefined, inputs, cache)).toEqual({ state: 'stale', reason: 'not recorded in manifest.json' });
    expect(await judgeFreshness(module, entry, inputs, await tempDir())).toEqual({ state: 'missing', reason: 'bases.parquet does not exist' });
  });

  it("reads no file whose size and mtime the manifest recorded, and hashes one whose time or size changed", async () => {
    const { root, cache, entry } = await setup();
    const recorded = entry.inputs[0] as NonNullable<(typeof entry.inputs)[0]>;
    // A recorded sha256 that is not the file's: taken as is only while size and mtime match.
    const trusted = { ...recorded, sha256: 'f'.repeat(64) };
    expect((await inputIdentity(module, { kind: 'full', root, files: ['in.csv'] }, [trusted]))[0]?.sha256).toBe('f'.repeat(64));
    await writeFile(join(root, 'in.csv'), 'a;b\n1;3\n');
    await utimes(join(root, 'in.csv'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const inputs = await inputIdentity(module, { kind: 'full', root, files: ['in.csv'] }, [trusted]);
    expect(inputs[0]?.sha256).not.toBe('f'.repeat(64));
    expect(await judgeFreshness(module, entry, inputs, cache)).toEqual({ state: 'stale', reason: 'inputs differ (changed: in.csv)' });
  });

  it('identifies the built-in demo by generator version, not by generating it', async () => {
    const a = demoFingerprint(module);
    expect(a.path).toBe('demo:bases');
    expect(demoFingerprint({ ...module, demoVersion: '2' }).sha256).not.toBe(a.sha256);
    expect(await inputIdentity(module, null)).toEqual([a]);
  });
});
