/**
 * Worker-thread entry of the ECG precompute: scans the chunks the pool sends, keeping each file's samples across
 * chunks, and sends them back when told to finish. Messages: see pool.ts.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { FileProblem } from './chunks.js';
import type { ToWorker, FromWorker } from './pool.js';
import { sampleResults, scanChunk, type FileSamples } from './scan.js';

const port = parentPort;
if (!port) throw new Error('ecg/worker.js runs only as a worker thread');
const { seed } = workerData as { seed: number };
const samples: FileSamples = new Map();
const descriptors = new Map<string, number>();

port.on('message', (message: ToWorker) => {
  if (message.type === 'finish') {
    for (const fd of descriptors.values()) closeSync(fd);
    const reply: FromWorker = { type: 'samples', samples: sampleResults(samples) };
    port.postMessage(reply);
    port.close();
    return;
  }
  let fd = descriptors.get(message.path);
  if (fd === undefined) {
    fd = openSync(message.path, 'r');
    descriptors.set(message.path, fd);
  }
  try {
    const result = scanChunk(fd, message.size, message.task, seed, samples);
    const reply: FromWorker = { type: 'chunk', result };
    port.postMessage(reply, result.beats ? [result.beats.buffer as ArrayBuffer] : []);
  } catch (err) {
    if (!(err instanceof FileProblem)) throw err;
    const reply: FromWorker = { type: 'problem', file: message.task.chunk.file, rowOffset: err.rowOffset, fieldOffset: err.fieldOffset, problem: err.problem };
    port.postMessage(reply);
  }
});
