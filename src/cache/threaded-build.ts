import { Worker } from 'node:worker_threads';
import type { BuildContext, BuildOutcome, DatasetModule } from '../datasets/types.js';
import { DashError, InputError } from '../errors.js';

export type FromBuildThread =
  | { type: 'progress'; text: string }
  | { type: 'done'; outcome: BuildOutcome }
  | {
      type: 'failed';
      error:
        | { kind: 'input'; message: string; file: string; line: number | undefined; column: number | undefined }
        | { kind: 'dash'; message: string; exitCode: number }
        | { kind: 'other'; message: string; stack: string | undefined };
    };

/**
 * Runs `module.build(context)` on a worker thread of its own (build-thread.ts), and raises its error here as the
 * same kind of error (an InputError keeps its file, line and column). The module is loaded again by name in the
 * thread, so only the registry's own modules can run there.
 *
 * Measured on the full demo (2 cores, load < 2, alternating runs of `dash cache --force`): 7.3–7.5 s when the four
 * builds took turns on one thread, 6.2–6.4 s on threads; bases alone went from 4.5 s (interleaved) to 2.2 s. The
 * caches are then CPU-bound: 11 s of CPU on 2 cores.
 */
export function buildOnThread(module: DatasetModule, context: BuildContext): Promise<BuildOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadUrl(), { workerData: { name: module.name, source: context.source, tempPath: context.tempPath } });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (message: FromBuildThread) => {
      if (message.type === 'progress') context.progress(message.text);
      else if (message.type === 'done') settle(() => resolve(message.outcome));
      else settle(() => reject(restore(message.error)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the ${module.name} build thread exited (code ${code}) without a result`))));
  });
}

function restore(error: Extract<FromBuildThread, { type: 'failed' }>['error']): Error {
  if (error.kind === 'input') return new InputError(error.file, error.message, { line: error.line, column: error.column });
  if (error.kind === 'dash') return new DashError(error.message, error.exitCode);
  const restored = new Error(error.message);
  if (error.stack !== undefined) restored.stack = error.stack;
  return restored;
}

/**
 * The compiled thread entry next to this module. Under vitest this module runs from src/*.ts, and worker threads
 * cannot load TypeScript, so it uses the compiled copy in lib/ (`npm test` builds first), as ecg/pool.ts does.
 */
function threadUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../lib/cache/build-thread.js', here) : new URL('./build-thread.js', here);
}
