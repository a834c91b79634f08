import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DashError } from '../errors.js';
import type { DatasetName, SourceKind } from '../datasets/types.js';
import { writeFileAtomic } from './atomic.js';
import type { InputFingerprint } from './fingerprint.js';
import { withLock } from './lock.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

/** What the manifest records of one built artefact (DESIGN §4). */
export interface ManifestEntry {
  artefact: string;
  /** The dataset module's version: part of the cache's identity. */
  pipelineVersion: string;
  /** dash's package version that wrote it (informational). */
  dashVersion: string;
  source: SourceKind;
  inputs: InputFingerprint[];
  rows: number;
  bytes: number;
  sha256: string;
  durationMs: number;
  builtAt: string;
  warnings: string[];
  details?: Record<string, unknown>;
}

export interface Manifest {
  manifestVersion: number;
  updatedAt: string;
  artefacts: Partial<Record<DatasetName, ManifestEntry>>;
}

export function emptyManifest(): Manifest {
  return { manifestVersion: MANIFEST_VERSION, updatedAt: new Date(0).toISOString(), artefacts: {} };
}

export async function readManifest(cacheDir: string): Promise<Manifest> {
  const path = join(cacheDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest();
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new DashError(`${path}: not valid JSON (${(err as Error).message}); delete it or run with --force`);
  }
  const manifest = parsed as Manifest;
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.artefacts !== 'object') {
    throw new DashError(`${path}: expected an object with "artefacts"; delete it or run with --force`);
  }
  return manifest;
}

/** Read-modify-write of one entry under a lock, so concurrent builds of different datasets never lose each other's entries. */
export async function updateManifestEntry(cacheDir: string, name: DatasetName, entry: ManifestEntry, now: Date): Promise<void> {
  await withLock(join(cacheDir, '.manifest.lock'), async () => {
    const manifest = await readManifest(cacheDir).catch(() => emptyManifest());
    manifest.manifestVersion = MANIFEST_VERSION;
    manifest.artefacts[name] = entry;
    manifest.updatedAt = now.toISOString();
    await writeFileAtomic(join(cacheDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  });
}

export async function removeManifestEntries(cacheDir: string, names: readonly DatasetName[], now: Date): Promise<void> {
  await withLock(join(cacheDir, '.manifest.lock'), async () => {
    const manifest = await readManifest(cacheDir).catch(() => emptyManifest());
    for (const name of names) delete manifest.artefacts[name];
    manifest.updatedAt = now.toISOString();
    await writeFileAtomic(join(cacheDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  });
}
