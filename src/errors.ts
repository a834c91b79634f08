import { printable } from './printable.js';

/** Exit codes of the command contract (DESIGN §2). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * The one error type the CLI catches: its message is shown to the user as is (no stack),
 * and its exit code becomes the process's.
 */
export class DashError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FAILURE, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DashError';
    this.exitCode = exitCode;
  }
}

/** A bad value from the user (flag or environment variable): exit 2. */
export function usageError(message: string): DashError {
  return new DashError(message, EXIT_USAGE);
}

/**
 * A problem in an input file, located precisely so the user can open the file at the spot.
 * `line` and `column` are 1-based; either may be unknown.
 */
export class InputError extends DashError {
  /** What is wrong, without the location (a build thread sends it back to be raised again: build-thread.ts). */
  readonly problem: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(file: string, problem: string, where: { line?: number; column?: number } = {}) {
    const at = where.line === undefined ? '' : where.column === undefined ? `:${where.line}` : `:${where.line}:${where.column}`;
    // The problem quotes field text and header names from the file: control characters in them are escaped.
    super(`${printable(file)}${at}: ${printable(problem)}`);
    this.name = 'InputError';
    this.problem = problem;
    this.file = file;
    this.line = where.line;
    this.column = where.column;
  }
}
