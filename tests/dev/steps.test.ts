/**
 * The build steps of `dash dev` with the real compiled CLI (lib/, as `npm test` builds it first): rebuilds run in one
 * build process that stays loaded, tell the dev server when the site is in place, and write the compressed copies
 * after that.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SiteReport } from '../../src/site/build.js';
import { PACKAGE_ROOT, runBuild, stopSteps } from '../../src/dev/steps.js';
import { tempDir } from '../support/fixtures.js';

afterAll(() => stopSteps());

const EQUIPMENT = 'Military_Equipment_for_Local_Law_Enforcement/dod_all_states.csv';

describe('dash dev build steps', () => {
  it('tells of a rebuilt site once it is in place, before its compressed copies, which follow once told to', async () => {
    const work = await tempDir();
    const demo = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'dash.js'), 'demo', '--only', 'equipment', '--datasets', join(work, 'datasets')], { encoding: 'utf8' });
    expect(demo.status, demo.stderr).toBe(0);
    const paths = { datasets: join(work, 'datasets'), cache: join(work, 'cache'), out: join(work, 'dist') };
    const echo = (): void => undefined;
    const build = async (): Promise<{ told: { report: SiteReport; compressed: boolean }[]; record: string }> => {
      const told: { report: SiteReport; compressed: boolean }[] = [];
      const result = await runBuild(paths, ['equipment'], {}, echo, async (report) => {
        told.push({ report, compressed: existsSync(join(paths.out, 'equipment.html.br')) });
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
      expect(result.ok).toBe(true);
      expect(existsSync(join(paths.out, 'equipment.html.br'))).toBe(true);
      return { told, record: await readFile(join(paths.out, '.dash-site'), 'utf8') };
    };

    const first = await build();
    expect(first.told.map((t) => t.report.rebuilt.includes('equipment'))).toEqual([true]);
    expect(first.told[0]?.compressed).toBe(false);
    // Recorded once the copies are written: nothing is left marked.
    expect(first.record).not.toContain('compressing');

    await appendFile(join(paths.datasets, EQUIPMENT), 'TX,STEPS TEST AGENCY,1005-00-930-9057,RIFLE,7,Each,1.00,D,1.0,2015-03-02 00:00:00.000,State\n');
    const second = await build();
    expect(second.told.map((t) => [t.report.rebuilt.includes('equipment'), t.compressed])).toEqual([[true, false]]);
  });
});
