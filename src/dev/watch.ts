import { watch, type FSWatcher } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Editors' temp and backup files, and dot-files: saving a file must not count twice, nor a swap file at all. */
export function ignoredPath(path: string): boolean {
  return path.split(/[/\\]/).some((part) => part.startsWith('.') || part.endsWith('~') || /\.(swp|swx|tmp|crdownload|part)$/.test(part) || /^\d+$/.test(part) || part === 'node_modules');
}

/**
 * Gathers changes that arrive in quick succession (an editor's save is several events; copying a folder is
 * hundreds) into one batch: `flush` runs once no change came for `quietMs`, or at the latest `maxWaitMs` after the
 * first. While `flush` runs, new changes wait for the next batch, so two rebuilds never overlap.
 */
export class ChangeBatcher {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstAt = 0;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly flush: (paths: string[]) => Promise<void>,
    // An editor's save (write in place, or write a temp file and rename it) is over within a few ms; bundlers wait
    // 20–100 ms (webpack's aggregateTimeout is 20). 50 ms is time the open page waits on every change.
    private readonly quietMs = 50,
    private readonly maxWaitMs = 1_000,
    private readonly clock: () => number = Date.now,
  ) {}

  add(path: string): void {
    if (this.closed) return;
    if (this.pending.size === 0) this.firstAt = this.clock();
    this.pending.add(path);
    if (this.running) return;
    this.schedule();
  }

  /** Resolves when the current batch (if any) has been flushed; stops later batches. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.quietMs, this.firstAt + this.maxWaitMs - this.clock()));
    this.timer = setTimeout(() => this.run(), wait);
  }

  private run(): void {
    if (this.closed || this.pending.size === 0) return;
    const batch = [...this.pending].sort();
    this.pending = new Set();
    this.running = this.flush(batch)
      .catch(() => undefined)
      .finally(() => {
        this.running = undefined;
        if (this.pending.size > 0) {
          this.firstAt = this.clock();
          this.schedule();
        }
      });
  }
}

/**
 * Watches `dir` and its subfolders and reports changed paths (absolute). Recursive watching is native on macOS
 * and Windows and, from Node 20, on Linux; where it is not available, only the folder itself is watched and
 * `recursive` is false so the caller can say so.
 */
export function watchTree(dir: string, onChange: (path: string) => void): { watcher: FSWatcher; recursive: boolean } {
  const listener = (_event: string, name: string | Buffer | null): void => {
    if (name === null) return;
    const path = join(dir, name.toString());
    if (!ignoredPath(relative(dir, path).split(sep).join('/'))) onChange(path);
  };
  try {
    return { watcher: watch(dir, { recursive: true }, listener), recursive: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM') throw err;
    return { watcher: watch(dir, {}, listener), recursive: false };
  }
}
