/**
 * The process `dash dev` runs its rebuilds in (steps.ts): it loads the build's modules once, then runs one
 * `dash <args>` per message from the dev server and answers with the exit code and what the command printed, and
 * before that says when a rebuilt site is in place. A later rebuild finds the modules loaded and their code compiled
 * by V8: at demo scale, one equipment rebuild took 1,156 ms as a process's first and 570–640 ms from its second on
 * (in-process, the same change each time).
 * The dev server replaces it after a recompile (its code is then old) and when it dies, so a crash in a build never
 * takes the server down; it exits when the dev server goes (its IPC channel closes).
 */
import { Writable } from 'node:stream';
import { main } from '../cli/main.js';
import { processIo } from '../cli/io.js';
import type { SiteReport } from '../site/build.js';
import { warmUp } from './warm.js';

/** The rebuilt site is in place; its precompressed copies are written when the dev server says `compress`. */
export interface WorkerReady {
  ready: SiteReport;
}

/**
 * From the dev server: a build to run; go-ahead for the running one's compressions (its pages have reloaded); or,
 * after the start, a warm-up (warm.ts) over the cache folder, leaving out the pages the start rebuilt.
 */
export type WorkerMessage = { args: string[] } | { compress: true } | { warm: { cache: string; skipPages: string[] } };

export interface WorkerDone {
  code: number;
  stdout: string;
  /** Also echoed live on the process's stderr; sent whole too so the caller need not race the pipe for it. */
  stderr: string;
}

await Promise.all([import('../cli/build.js'), import('../cache/builder.js'), import('../site/build.js'), import('../datasets/registry.js').then((m) => m.loadDatasets())]);

/** A stream that keeps what is written, and passes it on to `echo` when given. */
function capture(echo?: NodeJS.WritableStream): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const s = chunk.toString();
      text += s;
      if (echo) echo.write(s, () => done());
      else done();
    },
  });
  return { stream, text: () => text };
}

/** The environment as the worker got it: each build reads `.env` into a copy, so an edited `.env` counts. */
const startEnv = { ...process.env };

/** Resolves the running build's wait for `compress`. */
let compress: (() => void) | undefined;

/** The warm-up, if one was asked for; a build stops it and waits for its current step. */
let warming: Promise<void> = Promise.resolve();
let stopWarming = false;

process.on('message', (message: WorkerMessage) => {
  if ('compress' in message) compress?.();
  else if ('warm' in message) {
    stopWarming = false;
    warming = warmUp(message.warm.cache, message.warm.skipPages, () => stopWarming);
  } else {
    stopWarming = true;
    void warming.then(() => build(message.args));
  }
});

function build(args: string[]): void {
  const stdout = capture();
  const stderr = capture(process.stderr);
  void main([process.execPath, 'dash', ...args], {
    ...processIo(),
    env: { ...startEnv },
    stdout: stdout.stream,
    stderr: stderr.stream,
    siteReady: (report) =>
      new Promise<void>((resolve) => {
        compress = resolve;
        process.send?.({ ready: report } satisfies WorkerReady);
      }),
  }).then(
    (code) => process.send?.({ code, stdout: stdout.text(), stderr: stderr.text() } satisfies WorkerDone),
    (err: unknown) => process.send?.({ code: 1, stdout: stdout.text(), stderr: `${stderr.text()}dash: ${String(err)}\n` } satisfies WorkerDone),
  );
}

process.once('disconnect', () => process.exit(0));
