import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paths } from '../config.js';
import { loadDatasets } from '../datasets/registry.js';
import type { DatasetName } from '../datasets/types.js';
import type { SiteReport } from '../site/build.js';
import { buildFailure, bundleFailure, typescriptFailure, type BuildFailure } from './failure.js';

/** dash's own folder: bin/, lib/, and in a checkout src/, site/ and scripts/ (two levels above lib/dev/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A checkout of the repository (not an installed package): the page code can be recompiled and rebundled. */
export function isCheckout(root: string = PACKAGE_ROOT): boolean {
  return ['src', 'site', 'scripts/bundle-site.mjs', 'tsconfig.build.json', 'node_modules/typescript/bin/tsc'].every((p) => existsSync(join(root, p)));
}

export type StepResult = { ok: true; site: SiteReport | null } | { ok: false; failure: BuildFailure };

/** The child running now, so Ctrl-C can stop it with the dev server. */
const running = new Set<ChildProcess>();

/** A build process waiting for its arguments (build-child.ts), for the next rebuild; started with this cwd. */
let warm: { child: ChildProcess; cwd: string } | undefined;

/** The waiting build loaded the code as it was: after a recompile or on Ctrl-C it goes (its stdin closes). */
export function discardWarmBuild(): void {
  warm?.child.stdin?.end();
  warm = undefined;
}

/** Set by stopSteps: no build process is started ahead any more. */
let stopping = false;

export function stopSteps(): void {
  stopping = true;
  discardWarmBuild();
  for (const child of running) child.kill('SIGTERM');
}

function startBuildChild(cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'lib', 'dev', 'build-child.js')], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  // A waiting child that dies (or is discarded) is simply not used; its error must not reach the dev server.
  child.once('error', () => undefined);
  child.stdin?.once('error', () => undefined);
  return child;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one step in its own Node process: a rebuild always runs the code on disk (after a recompile), and a crash
 * in it cannot take the server down. Its progress lines go on to `echo` as they come.
 */
function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv, echo: (text: string) => void): Promise<Ran> {
  return collect(spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }), echo);
}

/**
 * `dash <args>` in the waiting build process when there is one for this cwd, else in one started now; either way
 * the next one is started to wait for the following change.
 */
function runWarmBuild(args: string[], cwd: string, env: NodeJS.ProcessEnv, echo: (text: string) => void): Promise<Ran> {
  const ready = warm !== undefined && warm.cwd === cwd && warm.child.exitCode === null ? warm.child : undefined;
  if (!ready) discardWarmBuild();
  const child = ready ?? startBuildChild(cwd, env);
  warm = undefined;
  const ran = collect(child, echo);
  child.stdin?.end(`${JSON.stringify(args)}\n`);
  // Started once this build is done, so its loading does not take CPU from the build.
  const next = (): void => {
    if (!stopping && warm === undefined) warm = { child: startBuildChild(cwd, env), cwd };
  };
  ran.then(next, next);
  return ran;
}

function collect(child: ChildProcess, echo: (text: string) => void): Promise<Ran> {
  return new Promise((resolve, reject) => {
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      echo(text);
    });
    child.once('error', reject);
    child.once('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `dash build --json` over the given folders, limited to `only` when the change is known to touch just those. */
export async function runBuild(paths: Paths, only: DatasetName[] | undefined, env: NodeJS.ProcessEnv, echo: (text: string) => void, datasetsNamed = true): Promise<StepResult> {
  // A datasets folder left to the default is passed on as the default (the build runs where dash dev was started), so
  // the build keeps its demo fallback for missing inputs; a named one must hold every input, as for dash build.
  const datasets = datasetsNamed ? ['--datasets', paths.datasets] : [];
  const args = ['build', '--json', ...datasets, '--cache', paths.cache, '--out', paths.out];
  if (only !== undefined) args.push('--only', only.join(','));
  const ran = await runWarmBuild(args, datasetsNamed ? PACKAGE_ROOT : process.cwd(), env, echo);
  if (ran.code === 0) {
    const report = JSON.parse(ran.stdout) as { site: SiteReport | null };
    return { ok: true, site: report.site };
  }
  return { ok: false, failure: buildFailure(ran.stdout, ran.stderr, ran.code) };
}

/** `tsc -p tsconfig.build.json` in the checkout: src/ → lib/. Type errors count as a failure. */
export async function runTypescript(env: NodeJS.ProcessEnv, echo: (text: string) => void): Promise<StepResult> {
  discardWarmBuild();
  const ran = await runNode([join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], PACKAGE_ROOT, env, echo);
  return ran.code === 0 ? { ok: true, site: null } : { ok: false, failure: typescriptFailure(`${ran.stdout}\n${ran.stderr}`) };
}

/** scripts/bundle-site.mjs in the checkout: site/ → lib/site-assets/ (content-hashed, so unchanged pages keep their key). */
export async function runBundle(env: NodeJS.ProcessEnv, echo: (text: string) => void): Promise<StepResult> {
  discardWarmBuild();
  const ran = await runNode([join(PACKAGE_ROOT, 'scripts', 'bundle-site.mjs')], PACKAGE_ROOT, env, echo);
  return ran.code === 0 ? { ok: true, site: null } : { ok: false, failure: bundleFailure(`${ran.stdout}\n${ran.stderr}`) };
}

/**
 * The datasets whose input files are among `changed` (absolute paths under the datasets folder), or undefined when a
 * change is not an input of any dataset as located now (a new or removed file may switch a dataset's source): then
 * every dataset is checked, each by its content hash.
 */
export async function datasetsTouched(datasetsDir: string, changed: readonly string[]): Promise<DatasetName[] | undefined> {
  const owners = new Map<string, DatasetName>();
  for (const module of await loadDatasets()) {
    const located = await module.locate(datasetsDir).catch(() => null);
    for (const file of located?.files ?? []) owners.set(join(located?.root ?? datasetsDir, file), module.name);
  }
  const touched = new Set<DatasetName>();
  for (const path of changed) {
    const owner = owners.get(path);
    if (owner === undefined) return undefined;
    touched.add(owner);
  }
  return [...touched];
}

/** What a batch of changed paths asks for, by where they are. */
export function classifyChanges(paths: readonly string[], folders: { datasets: string; root: string }): { datasets: string[]; src: boolean; site: boolean } {
  const inside = (path: string, dir: string): boolean => {
    const rel = relative(dir, path);
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  };
  return {
    datasets: paths.filter((p) => inside(p, folders.datasets)),
    src: paths.some((p) => inside(p, join(folders.root, 'src'))),
    site: paths.some((p) => inside(p, join(folders.root, 'site'))),
  };
}
