import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Paths } from '../config.js';
import { loadDatasets } from '../datasets/registry.js';
import type { DatasetName } from '../datasets/types.js';
import type { SiteReport } from '../site/build.js';
import type { WorkerDone, WorkerMessage, WorkerReady } from './build-worker.js';
import { buildFailure, bundleFailure, typescriptFailure, type BuildFailure } from './failure.js';

/** dash's own folder: bin/, lib/, and in a checkout src/, site/ and scripts/ (two levels above lib/dev/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A checkout of the repository (not an installed package): the page code can be recompiled and rebundled. */
export function isCheckout(root: string = PACKAGE_ROOT): boolean {
  return ['src', 'site', 'scripts/bundle-site.mjs', 'tsconfig.build.json', 'node_modules/typescript/bin/tsc'].every((p) => existsSync(join(root, p)));
}

export type StepResult = { ok: true; site: SiteReport | null } | { ok: false; failure: BuildFailure };

/** The processes running a step now, so Ctrl-C can stop them with the dev server. */
const running = new Set<ChildProcess>();

/** The build worker (build-worker.ts) for the next rebuild, started with this cwd; at most one at a time. */
let worker: { child: ChildProcess; cwd: string } | undefined;

/** The worker loaded the code as it was: after a recompile, on Ctrl-C or when it died, it goes (its channel closes). */
export function discardBuildWorker(): void {
  if (worker?.child.connected) worker.child.disconnect();
  worker = undefined;
}

export function stopSteps(): void {
  discardBuildWorker();
  for (const child of running) child.kill('SIGTERM');
}

function startBuildWorker(cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = fork(join(PACKAGE_ROOT, 'lib', 'dev', 'build-worker.js'), [], { cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'json' });
  // A worker that dies between builds is simply replaced; its error must not reach the dev server.
  child.once('error', () => undefined);
  child.once('exit', () => {
    if (worker?.child === child) worker = undefined;
  });
  return child;
}

/**
 * After the start, the build process warms up (warm.ts) while it waits, leaving out `skipPages` (the pages the start
 * rebuilt). A change that comes meanwhile waits for one step of it at most.
 */
export function warmBuildWorker(cache: string, skipPages: string[]): void {
  if (worker?.child.connected) worker.child.send({ warm: { cache, skipPages } } satisfies WorkerMessage);
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one step in its own Node process: a recompile or rebundle runs tools that must not share the dev server's
 * process. Its progress lines go on to `echo` as they come.
 */
function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv, echo: (text: string) => void): Promise<Ran> {
  return collect(spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }), echo);
}

/**
 * `dash <args>` in the build worker for this cwd, started now when there is none. A worker that dies mid-build
 * (a crash, an out-of-memory) fails that build with what it printed, and the next build starts a new one.
 */
function runInWorker(args: string[], cwd: string, env: NodeJS.ProcessEnv, echo: (text: string) => void, ready: (site: SiteReport) => Promise<void>): Promise<Ran> {
  if (worker !== undefined && (worker.cwd !== cwd || !worker.child.connected)) discardBuildWorker();
  worker ??= { child: startBuildWorker(cwd, env), cwd };
  const { child } = worker;
  return new Promise((resolve) => {
    running.add(child);
    let stderr = '';
    const onData = (text: string): void => {
      stderr += text;
      echo(text);
    };
    const finish = (ran: Ran): void => {
      running.delete(child);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(ran);
    };
    const onMessage = (message: WorkerDone | WorkerReady): void => {
      if ('ready' in message) void ready(message.ready).finally(() => child.connected && child.send({ compress: true } satisfies WorkerMessage));
      else finish({ code: message.code, stdout: message.stdout, stderr: message.stderr });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish({ code: code ?? 1, stdout: '', stderr: `${stderr}\ndash: the build process ended${signal === null ? ` with exit code ${code}` : ` by ${signal}`} before the build finished\n` });
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ args } satisfies WorkerMessage);
  });
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

/**
 * `dash build --json` over the given folders, limited to `only` when the change is known to touch just those.
 * `ready` hears of a rebuilt site as soon as it is in place; its precompressed copies are written once the promise
 * it returns settles.
 */
export async function runBuild(
  paths: Paths,
  only: DatasetName[] | undefined,
  env: NodeJS.ProcessEnv,
  echo: (text: string) => void,
  ready: (site: SiteReport) => Promise<void>,
  datasetsNamed = true,
): Promise<StepResult> {
  // A datasets folder left to the default is passed on as the default (the build runs where dash dev was started), so
  // the build keeps its demo fallback for missing inputs; a named one must hold every input, as for dash build.
  const datasets = datasetsNamed ? ['--datasets', paths.datasets] : [];
  const args = ['build', '--json', ...datasets, '--cache', paths.cache, '--out', paths.out];
  if (only !== undefined) args.push('--only', only.join(','));
  const ran = await runInWorker(args, datasetsNamed ? PACKAGE_ROOT : process.cwd(), env, echo, ready);
  if (ran.code === 0) {
    const report = JSON.parse(ran.stdout) as { site: SiteReport | null };
    return { ok: true, site: report.site };
  }
  return { ok: false, failure: buildFailure(ran.stdout, ran.stderr, ran.code) };
}

/** `tsc -p tsconfig.build.json` in the checkout: src/ → lib/. Type errors count as a failure. */
export async function runTypescript(env: NodeJS.ProcessEnv, echo: (text: string) => void): Promise<StepResult> {
  discardBuildWorker();
  const ran = await runNode([join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], PACKAGE_ROOT, env, echo);
  return ran.code === 0 ? { ok: true, site: null } : { ok: false, failure: typescriptFailure(`${ran.stdout}\n${ran.stderr}`) };
}

/** scripts/bundle-site.mjs in the checkout: site/ → lib/site-assets/ (content-hashed, so unchanged pages keep their key). */
export async function runBundle(env: NodeJS.ProcessEnv, echo: (text: string) => void): Promise<StepResult> {
  discardBuildWorker();
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
