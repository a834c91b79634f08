import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built demo site every e2e test serves. */
    siteDir: string;
    cacheDir: string;
  }
}

const root = join(import.meta.dirname, '..', '..');

function dash(args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'dash.js'), ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: result.status, stderr: result.stderr };
}

/** Builds the demo caches and site once with the real CLI, as a user would (`npm run test:browser` compiled it first). */
export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(join(tmpdir(), 'dash-e2e-'));
  const paths = ['--datasets', join(work, 'datasets'), '--cache', join(work, 'cache'), '--out', join(work, 'dist')];
  // `--demo`: every cache from the built-in demo data (source "demo"), then the site. A named --datasets folder
  // never falls back to demo data by itself.
  const build = dash(['build', '--demo', ...paths]);
  if (build.status !== 0) throw new Error(`dash build failed (exit ${build.status}):\n${build.stderr}`);
  project.provide('siteDir', join(work, 'dist'));
  project.provide('cacheDir', join(work, 'cache'));
  return () => rmSync(work, { recursive: true, force: true });
}
