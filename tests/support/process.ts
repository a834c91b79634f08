import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const DASH_BIN = fileURLToPath(new URL('../../bin/dash.js', import.meta.url));

export interface Running {
  proc: ChildProcess;
  /** stdout and stderr as received, capped at `maxBytes` (the child is killed when it passes the cap). */
  output(): string;
  /** Resolves once the output contains `text` (rejects if the child ends first). */
  waitFor(text: string): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; capped: boolean; guardFired: boolean }>;
}

/**
 * Starts a command in its own process group with guards so a test run can never hang or fill the disk: the whole
 * group is SIGKILLed when the output passes `maxBytes` or after `guardMs` (a hang guard, not a timing assertion).
 */
export function start(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; maxBytes?: number; guardMs?: number }): Running {
  const proc = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const maxBytes = options.maxBytes ?? 1_000_000;
  let text = '';
  let bytes = 0;
  let capped = false;
  let guardFired = false;
  const waiters: { text: string; resolve: () => void }[] = [];
  const killGroup = (): void => {
    try {
      process.kill(-(proc.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const take = (chunk: Buffer): void => {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      if (!capped) {
        capped = true;
        killGroup();
      }
      return;
    }
    text += chunk.toString('utf8');
    for (const w of [...waiters]) {
      if (text.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  proc.stdout?.on('data', take);
  proc.stderr?.on('data', take);
  const guard = setTimeout(() => {
    guardFired = true;
    killGroup();
  }, options.guardMs ?? 90_000);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; capped: boolean; guardFired: boolean }>((resolve) => {
    proc.on('error', (err) => {
      clearTimeout(guard);
      text += `\n(spawn failed: ${err.message})`;
      resolve({ code: null, signal: null, capped, guardFired });
    });
    proc.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, capped, guardFired });
    });
  });
  return {
    proc,
    output: () => text,
    waitFor: (wanted) =>
      text.includes(wanted)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ text: wanted, resolve });
            void exit.then(() => reject(new Error(`the process ended before printing "${wanted}"; output:\n${text}`)));
          }),
    exit,
  };
}
