/**
 * Runs the chunk scans of the ECG files on worker threads: each worker takes the next chunk when it finishes one,
 * then returns the samples it kept. The first bad row stops every worker.
 */
import { Worker } from 'node:worker_threads';
import { planChunks, type Chunk } from './chunks.js';
import type { SampleSet } from './sampling.js';
import type { ChunkResult, ScanTask } from './scan.js';

export type ToWorker = { type: 'scan'; path: string; size: number; task: ScanTask } | { type: 'finish' };

export type FromWorker =
  | { type: 'chunk'; result: ChunkResult }
  | { type: 'samples'; samples: Map<number, SampleSet[]> }
  | { type: 'problem'; file: number; rowOffset: number; fieldOffset: number; problem: string };

export interface ScanFile {
  path: string;
  size: number;
  labels: readonly number[];
  keepBeats: boolean;
}

export interface ScanOptions {
  seed: number;
  workers: number;
  chunkBytes: number;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export interface ScanOutput {
  /** The chunks, numbered in file order, then byte order. */
  plan: Chunk[];
  /** Indexed by chunk id. */
  chunks: ChunkResult[];
  /** Per file, per label: the samples of every worker (to be merged). */
  samples: Map<number, SampleSet[][]>;
}

/** A bad row: the file's index in the scan list, and byte offsets (fieldOffset -1 when unknown). */
export class ScanProblem extends Error {
  constructor(
    readonly file: number,
    readonly rowOffset: number,
    readonly fieldOffset: number,
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'ScanProblem';
  }
}

export async function scanFiles(files: readonly ScanFile[], options: ScanOptions): Promise<ScanOutput> {
  const plan = planChunks(
    files.map((f) => f.size),
    options.chunkBytes,
  );
  const output: ScanOutput = { plan, chunks: new Array(plan.length), samples: new Map() };
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  let next = 0;
  const count = Math.max(1, Math.min(options.workers, plan.length));
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(workerUrl(), { workerData: { seed: options.seed } });
            workers.push(worker);
            const send = (): void => {
              const chunk = plan[next++];
              if (!chunk) {
                worker.postMessage({ type: 'finish' } satisfies ToWorker);
                return;
              }
              const file = files[chunk.file] as ScanFile;
              const task: ScanTask = { chunk, labels: file.labels, keepBeats: file.keepBeats };
              worker.postMessage({ type: 'scan', path: file.path, size: file.size, task } satisfies ToWorker);
            };
            worker.on('message', (message: FromWorker) => {
              if (message.type === 'chunk') {
                output.chunks[message.result.id] = message.result;
                const chunk = plan[message.result.id];
                if (chunk) done += chunk.end - chunk.start;
                options.onProgress?.(done, total);
                send();
              } else if (message.type === 'samples') {
                for (const [file, perLabel] of message.samples) {
                  const list = output.samples.get(file) ?? perLabel.map(() => []);
                  perLabel.forEach((set, label) => list[label]?.push(set));
                  output.samples.set(file, list);
                }
                resolve();
              } else {
                reject(new ScanProblem(message.file, message.rowOffset, message.fieldOffset, message.problem));
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`an ECG worker thread exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return output;
}

/**
 * The compiled worker next to this module. Under vitest this module runs from src/*.ts, and worker threads cannot
 * load TypeScript, so it uses the compiled copy in lib/ (`npm test` builds first).
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../lib/ecg/worker.js', here) : new URL('./worker.js', here);
}
