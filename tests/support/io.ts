import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
}

/** Runs `dash <args>` in-process with captured output, an environment of its own and a fixed clock. */
export async function dash(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; now?: () => Date }): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: sink(out),
    stderr: sink(err),
    env: { CI: 'true', ...options.env },
    cwd: options.cwd,
    now: options.now ?? (() => new Date('2026-01-02T03:04:05.000Z')),
  };
  const code = await main(['node', 'dash', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}
