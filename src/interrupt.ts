import { rmSync } from 'node:fs';

/**
 * Files a running build holds only while it runs (its locks, lock claims, temp files and the site's temp folder).
 * An interrupted build removes them before it exits; a killed one (SIGKILL) cannot, and the next build removes what
 * its dead owner left (cache/leftovers.ts).
 */
const held = new Set<string>();

export function hold(path: string): void {
  held.add(path);
}

export function release(path: string): void {
  held.delete(path);
}

function removeHeld(): void {
  for (const path of held) rmSync(path, { recursive: true, force: true });
  held.clear();
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Runs `work` so that SIGINT, SIGTERM or SIGHUP stop it at once: what it holds is removed, the user is told, and the
 * process exits 128 + the signal's number. Without this, Node's default ends the process but leaves locks and temps.
 */
export async function interruptible<T>(stderr: NodeJS.WritableStream, what: string, work: () => Promise<T>): Promise<T> {
  const handlers = Object.entries(SIGNALS).map(([signal, code]) => {
    const handler = (): void => {
      removeHeld();
      stderr.write(`\ndash: ${what} was interrupted by ${signal}; its locks and temporary files are removed; caches it finished are kept, the others and the site are as they were\n`);
      process.exit(code);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    return await work();
  } finally {
    for (const off of handlers) off();
  }
}
