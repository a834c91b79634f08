import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, run, sandbox, yamlDocuments, yamlFile } from './repo.js';

// The two places that build caches outside a developer's shell, run here for real: the Kubernetes init
// container (its exact command, with the ConfigMap's folders moved under a temp folder) and the CI workflow's
// `caches` job (its `run` steps in order; `uses` steps are GitHub's and are stood in for where they matter).

interface Manifest {
  artefacts: Record<string, { builtAt: string; sha256: string }>;
}
const manifest = async (cacheDir: string): Promise<Manifest> => JSON.parse(await readFile(join(cacheDir, 'manifest.json'), 'utf8')) as Manifest;

let dir: string;
beforeEach(async () => {
  dir = await sandbox();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each runs full demo builds: minutes on a loaded 2-core machine, hence the long limits.
describe('k8s init container', () => {
  it('copies the image caches into the state volume, rebuilds nothing for the same inputs, and writes the site', async () => {
    // The datasets, as the image's build context and the pod's volume hold them (production never uses demo data).
    expect((await run(process.execPath, ['bin/dash.js', 'demo', '--datasets', 'datasets'], { cwd: dir, env: cleanEnv() })).code).toBe(0);
    // The image: the Dockerfile's PREBUILD step in /app.
    const image = await run(process.execPath, ['bin/dash.js', 'build'], { cwd: dir, env: cleanEnv() });
    expect(image.code).toBe(0);
    const baked = await manifest(join(dir, 'data_cache'));

    const docs = (await Promise.all(['k8s/configmap.yaml', 'k8s/deployment.yaml'].map((f) => yamlDocuments(f)))).flat();
    const config = (docs.find((d) => d.kind === 'ConfigMap') as { data: Record<string, string> }).data;
    const init = (
      docs.find((d) => d.kind === 'Deployment') as { spec: { template: { spec: { initContainers: { command: string[]; volumeMounts: { mountPath: string }[] }[] } } } }
    ).spec.template.spec.initContainers[0];
    const pod = join(dir, 'pod');
    const moved = (p: string): string => join(pod, p);
    const env = cleanEnv({ ...config, DASH_DATASETS_DIR: moved(config.DASH_DATASETS_DIR as string), DASH_CACHE_DIR: moved(config.DASH_CACHE_DIR as string), DASH_DIST_DIR: moved(config.DASH_DIST_DIR as string) });
    // The pod's volumes exist as mount points before the container starts.
    for (const mount of init?.volumeMounts ?? []) await mkdir(moved(mount.mountPath), { recursive: true });
    await cp(join(dir, 'datasets'), env.DASH_DATASETS_DIR as string, { recursive: true });

    const [shell, ...args] = init?.command ?? [];
    expect(shell).toBe('sh');
    const result = await run(shell as string, args, { cwd: dir, env });
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
    const state = await manifest(env.DASH_CACHE_DIR as string);
    // Same entries, same build times: every cache was judged fresh, none rebuilt.
    expect(state.artefacts).toEqual(baked.artefacts);
    expect(Object.keys(state.artefacts).sort()).toEqual(['bases', 'ecg', 'equipment', 'healthcare']);
    expect(existsSync(join(env.DASH_DIST_DIR as string, 'index.html'))).toBe(true);
    expect((await run(process.execPath, ['bin/dash.js', 'cache', '--check'], { cwd: dir, env })).code).toBe(0);
  }, 300_000);
});

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  'continue-on-error'?: boolean;
}

/** Runs the `caches` job's `run` steps in `dir`; a second run there stands for one after actions/cache/restore. */
async function runCachesJob(): Promise<{ ran: string[]; outputs: string }> {
  const job = (await yamlFile<{ jobs: Record<string, { env: Record<string, string>; steps: Step[] }> }>('.github/workflows/ci.yml')).jobs.caches;
  if (!job) throw new Error('no caches job');
  const outputs = join(dir, 'github-output');
  await writeFile(outputs, '');
  const outcome: Record<string, 'success' | 'failure'> = {};
  const ran: string[] = [];
  for (const step of job.steps) {
    if (step.uses) continue;
    const script = step.run ?? '';
    // npm ci / npm run build prepared this checkout already; the sandbox links their results.
    if (script === 'npm ci' || script === 'npm run build') continue;
    if (step.if !== undefined) {
      const m = /^steps\.(\w+)\.outcome == 'failure'$/.exec(step.if);
      if (!m) throw new Error(`cannot evaluate step condition ${step.if}`);
      if (outcome[m[1] as string] !== 'failure') continue;
    }
    expect(script).not.toContain('${{');
    const result = await run('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: dir, env: cleanEnv({ ...job.env, GITHUB_OUTPUT: outputs }) });
    if (step.id) outcome[step.id] = result.code === 0 ? 'success' : 'failure';
    ran.push(`${script.split('\n')[0]} → ${result.code}`);
    if (result.code !== 0 && !step['continue-on-error']) throw new Error(`step "${script}" failed: ${result.stderr}`);
  }
  return { ran, outputs: await readFile(outputs, 'utf8') };
}

describe('CI caches job', () => {
  it('cold: the check fails, `dash cache` builds, the check passes, the site is built; warm (data_cache/ restored): nothing rebuilt, same key', async () => {
    const cold = await runCachesJob();
    expect(cold.outputs).toMatch(/^inputs=[0-9a-f]{64}\n$/);
    expect(cold.ran).toEqual([
      'node bin/dash.js status --json > status.json → 0',
      'node bin/dash.js cache --check → 1',
      'node bin/dash.js cache → 0',
      'node bin/dash.js cache --check → 0',
      'node bin/dash.js site → 0',
      'node bin/dash.js status → 0',
    ]);
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
    const before = await manifest(join(dir, 'data_cache'));

    const warm = await runCachesJob();
    expect(warm.outputs).toBe(cold.outputs);
    expect(warm.ran).toEqual([
      'node bin/dash.js status --json > status.json → 0',
      'node bin/dash.js cache --check → 0',
      'node bin/dash.js cache --check → 0',
      'node bin/dash.js site → 0',
      'node bin/dash.js status → 0',
    ]);
    expect((await manifest(join(dir, 'data_cache'))).artefacts).toEqual(before.artefacts);
  }, 300_000);
});
