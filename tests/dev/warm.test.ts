/**
 * The build process's warm-up after a `dash dev` start that rebuilt nothing: afterwards, a bases rebuild finds its
 * cached shapes already checked and the Installations page's footprints already worked out.
 */
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../support/fixtures.js';

const silent = (): { stdout: PassThrough; stderr: PassThrough; env: NodeJS.ProcessEnv; cwd: string; now: () => Date } => ({
  stdout: new PassThrough(),
  stderr: new PassThrough(),
  env: {},
  cwd: process.cwd(),
  now: () => new Date(),
});

/** Fresh copies of the modules that remember (as a new build process has them), the cache's shapes and page rows. */
async function freshProcess(cache: string) {
  vi.resetModules();
  const { warmUp } = await import('../../src/dev/warm.js');
  const { geoShapeProblem } = await import('../../src/datasets/geo-shape.js');
  const { shapeInstallations } = await import('../../src/site/assets/installations.js');
  const { cacheRows } = await import('../../src/site/pages/installations.js');
  const { CacheReader } = await import('../../src/site/caches.js');
  const { loadDatasets } = await import('../../src/datasets/registry.js');
  const columns = await new CacheReader(cache, await loadDatasets()).columns('bases', ['Site Name', 'COMPONENT', 'Oper Stat', 'State Terr', 'Joint Base', 'AREA', 'PERIMETER', 'Shape_Area', 'Shape_Leng', 'lat', 'lon', 'state_abbrev', 'Geo Shape']);
  const shapes = columns['Geo Shape'].filter((s): s is string => typeof s === 'string');
  return { warmUp, geoShapeProblem, shapeInstallations, rows: cacheRows(columns), shapes, CacheReader };
}

describe('warmUp', () => {
  it('leaves nothing for the first bases rebuild to parse again; stopped, it does nothing', async () => {
    const work = await tempDir();
    const paths = ['--datasets', join(work, 'datasets'), '--cache', join(work, 'cache'), '--out', join(work, 'dist')];
    expect(await main(['node', 'dash', 'demo', '--only', 'bases', '--datasets', join(work, 'datasets')], silent())).toBe(0);
    expect(await main(['node', 'dash', 'cache', '--only', 'bases', ...paths], silent())).toBe(0);

    const stopped = await freshProcess(join(work, 'cache'));
    expect(stopped.shapes.length).toBeGreaterThan(10);
    await stopped.warmUp(join(work, 'cache'), [], () => true);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      stopped.geoShapeProblem(stopped.shapes[0] as string);
      expect(parse).toHaveBeenCalled();

      const warmed = await freshProcess(join(work, 'cache'));
      const reads = vi.spyOn(warmed.CacheReader.prototype, 'columns');
      await warmed.warmUp(join(work, 'cache'), [], () => false);
      // The Geo Shape column is read from the file once, for the dataset and the Installations page both.
      expect(reads.mock.calls.filter(([dataset, columns]) => dataset === 'bases' && columns.includes('Geo Shape'))).toHaveLength(1);
      reads.mockRestore();
      parse.mockClear();
      expect(warmed.shapes.map((s) => warmed.geoShapeProblem(s)).every((p) => p === null)).toBe(true);
      const shaped = warmed.shapeInstallations(warmed.rows);
      expect(parse).not.toHaveBeenCalled();
      expect(shaped.footprints.length).toBe(warmed.shapes.length);
    } finally {
      parse.mockRestore();
    }
  });
});
