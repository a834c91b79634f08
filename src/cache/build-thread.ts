/**
 * Worker-thread entry for one dataset's build (threaded-build.ts): the builds of different datasets are CPU work
 * in JavaScript (CSV parsing, transforms, Parquet encoding), so on one thread they only took turns; each on a
 * thread of its own, they run on separate cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDatasets } from '../datasets/registry.js';
import type { BuildContext, DatasetName } from '../datasets/types.js';
import { DashError, InputError } from '../errors.js';
import type { FromBuildThread } from './threaded-build.js';

const port = parentPort;
if (!port) throw new Error('cache/build-thread.js runs only as a worker thread');
const { name, source, tempPath } = workerData as { name: DatasetName } & Omit<BuildContext, 'progress'>;
const send = (message: FromBuildThread): void => port.postMessage(message);

try {
  const [module] = await loadDatasets([name]);
  if (!module) throw new Error(`no dataset module named ${name}`);
  const outcome = await module.build({ source, tempPath, progress: (text) => send({ type: 'progress', text }) });
  send({ type: 'done', outcome });
} catch (err) {
  send({
    type: 'failed',
    error:
      err instanceof InputError
        ? { kind: 'input', message: err.problem, file: err.file, line: err.line, column: err.column }
        : err instanceof DashError
          ? { kind: 'dash', message: err.message, exitCode: err.exitCode }
          : { kind: 'other', message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined },
  });
}
