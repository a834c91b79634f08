import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO, yamlFile } from './repo.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  'continue-on-error'?: boolean;
}
interface Job {
  needs?: string;
  'runs-on': string;
  strategy?: { matrix: { node: number[] } };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push: { branches: string[] }; pull_request: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const load = (): Promise<Workflow> => yamlFile<Workflow>('.github/workflows/ci.yml');

describe('.github/workflows/ci.yml', () => {
  it('tests on every supported Node with a clean install, on pushes and pull requests to main', async () => {
    const workflow = await load();
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, pull_request: { branches: ['main'] } });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const test = workflow.jobs.test as Job;
    expect(test.strategy?.matrix.node).toEqual([20, 22, 24]);
    // The oldest Node tested is the oldest that package.json's engines admits, so the promise there is tested.
    const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${Math.min(...(test.strategy?.matrix.node ?? []))}`);
    expect(test.steps.filter((s) => s.run).map((s) => s.run)).toEqual(['npm ci', 'npm test']);
  });

  it('uses the current majors of the actions, none of which still runs on Node 20', async () => {
    const workflow = await load();
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    // The first majors whose action.yml says `runs.using: node24`.
    const node24: Record<string, number> = {
      'actions/checkout': 5,
      'actions/setup-node': 5,
      'actions/cache/restore': 5,
      'actions/cache/save': 5,
      'actions/upload-artifact': 6,
    };
    expect(uses.length).toBeGreaterThan(5);
    for (const use of uses) {
      const [action, ref] = use.split('@') as [string, string];
      expect(Object.keys(node24), use).toContain(action);
      expect(Number(/^v(\d+)$/.exec(ref)?.[1]), use).toBeGreaterThanOrEqual(node24[action] as number);
    }
    expect(uses).toContain('actions/upload-artifact@v7');
  });

  it('pre-builds caches after the tests, restoring and saving data_cache/ under a key from dash status --json', async () => {
    const job = (await load()).jobs.caches as Job;
    expect(job.needs).toBe('test');
    expect(job.env).toMatchObject({ DASH_CACHE_DIR: 'data_cache', DASH_DIST_DIR: 'dist' });
    // Named, the folder would have to hold every input: the default one lets a checkout without data use demo data.
    expect(job.env?.DASH_DATASETS_DIR).toBeUndefined();
    const step = (id: string): Step => {
      const found = job.steps.find((s) => s.id === id);
      if (!found) throw new Error(`no step with id ${id}`);
      return found;
    };
    const order = job.steps.map((s) => s.id ?? s.run ?? s.uses);
    expect(step('key').run).toContain('node bin/dash.js status --json > status.json');
    expect(step('key').run).toContain('node deploy/cache-key.mjs < status.json');
    const restore = step('restore');
    expect(restore.uses).toMatch(/^actions\/cache\/restore@v\d+$/);
    expect(restore.with?.path).toBe(job.env?.DASH_CACHE_DIR);
    expect(restore.with?.key).toBe("dash-cache-${{ steps.key.outputs.inputs }}-${{ hashFiles('src/datasets/**', 'src/ecg/**', 'src/cache/**') }}");
    expect(String(restore.with?.['restore-keys']).trim().split('\n')).toEqual(['dash-cache-${{ steps.key.outputs.inputs }}-', 'dash-cache-']);

    // check (may fail) → build only then → check again (must pass) → save unless the exact key was hit → site.
    expect(step('check')).toMatchObject({ run: 'node bin/dash.js cache --check', 'continue-on-error': true });
    const build = job.steps.find((s) => s.run === 'node bin/dash.js cache');
    expect(build?.if).toBe("steps.check.outcome == 'failure'");
    const verify = job.steps.filter((s) => s.run === 'node bin/dash.js cache --check');
    expect(verify).toHaveLength(2);
    expect(verify[1]?.['continue-on-error']).toBeUndefined();
    const save = job.steps.find((s) => s.uses?.startsWith('actions/cache/save@'));
    expect(save?.if).toBe("steps.restore.outputs.cache-hit != 'true'");
    expect(save?.with).toEqual({ path: job.env?.DASH_CACHE_DIR, key: '${{ steps.restore.outputs.cache-primary-key }}' });
    const at = (s: Step | undefined): number => job.steps.indexOf(s as Step);
    expect(at(step('key'))).toBeLessThan(at(restore));
    const sequence = [restore, step('check'), build, verify[1], save].map(at);
    expect(sequence.every((position, i) => position >= 0 && (i === 0 || position > (sequence[i - 1] as number)))).toBe(true);
    expect(order.indexOf('node bin/dash.js site')).toBeGreaterThan(at(save));
    expect(order.indexOf('npm run build')).toBeLessThan(at(step('key')));
  });
});
