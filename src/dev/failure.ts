/**
 * A failed step of `dash dev` as its overlay shows it: the file and line to open, and the message. Parsed from what
 * the step printed, because each step runs in its own process (so a rebuild always runs the code on disk).
 */
export interface BuildFailure {
  /** Which step failed: "dataset equipment", "site", "TypeScript", "site bundle". */
  step: string;
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

interface CacheReportLike {
  name: string;
  outcome: string;
  error?: string;
  location?: { file: string; line?: number; column?: number };
}

/**
 * `dash build --json` failed: the first failed dataset from its report (with the location an InputError carries),
 * else the `dash: …` line on stderr (the site step, which throws before any report is printed).
 */
export function buildFailure(stdout: string, stderr: string, exitCode: number | null): BuildFailure {
  let caches: CacheReportLike[] = [];
  try {
    caches = (JSON.parse(stdout) as { caches?: CacheReportLike[] }).caches ?? [];
  } catch {
    // No report: the command failed before printing it.
  }
  const failed = caches.find((c) => c.outcome === 'failed');
  if (failed) {
    const at = failed.location;
    return {
      step: `dataset ${failed.name}`,
      file: at?.file ?? null,
      line: at?.line ?? null,
      column: at?.column ?? null,
      message: stripLocation(failed.error ?? 'failed', at?.file),
    };
  }
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => l.startsWith('dash: '));
  const message = start === -1 ? lastLines(stderr) || `dash build exited with code ${exitCode}` : lines.slice(start).join('\n').slice('dash: '.length).trim();
  const located = /(?:^|\s)(\/?[\w./ -]+\.\w+):(\d+)(?::(\d+))?:/.exec(message);
  return {
    step: 'site',
    file: located?.[1] ?? null,
    line: located ? Number(located[2]) : null,
    column: located?.[3] === undefined ? null : Number(located[3]),
    message,
  };
}

/** `tsc` reports `src/x.ts(12,5): error TS2322: …`; the first error is the one shown. */
export function typescriptFailure(output: string): BuildFailure {
  const match = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/m.exec(output);
  if (!match) return { step: 'TypeScript', file: null, line: null, column: null, message: lastLines(output) || 'tsc failed' };
  return { step: 'TypeScript', file: match[1] as string, line: Number(match[2]), column: Number(match[3]), message: match[4] as string };
}

/** esbuild reports `✘ [ERROR] message` and, a blank line later, `    site/pages/x.ts:12:5:`. */
export function bundleFailure(output: string): BuildFailure {
  const match = /\[ERROR\] (.*)\n\s*\n\s*(\S+?):(\d+):(\d+):/.exec(output);
  if (!match) return { step: 'site bundle', file: null, line: null, column: null, message: lastLines(output) || 'the site bundle failed' };
  return { step: 'site bundle', file: match[2] as string, line: Number(match[3]), column: Number(match[4]), message: match[1] as string };
}

function stripLocation(message: string, file: string | undefined): string {
  if (file === undefined || !message.startsWith(file)) return message;
  return message.slice(file.length).replace(/^(:\d+){0,2}: /, '');
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join('\n');
}
