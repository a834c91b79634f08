import { join } from 'node:path';
import { resolvePaths, type Paths, type PathFlags } from '../config.js';
import { loadDotenv } from '../dotenv.js';
import { createReporter, type Reporter } from '../log.js';
import type { SiteReport } from '../site/build.js';

/** The outside world of a command, passed in so tests run commands silently and deterministically. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  /**
   * `dash dev`'s build worker: told as soon as a rebuilt site is in place; its precompressed copies are written once
   * the returned promise settles (buildSite's `ready`), so open pages reload without waiting for brotli, or sharing
   * the CPU with it.
   */
  siteReady?: (report: SiteReport) => Promise<void>;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: () => new Date() };
}

/** `.env` in the working folder, never overriding the real environment. */
export function loadEnvFile(io: Io): void {
  loadDotenv(join(io.cwd, '.env'), io.env);
}

export interface CommandContext {
  io: Io;
  paths: Paths;
  reporter: Reporter;
}

export async function commandContext(io: Io, flags: PathFlags & { quiet?: boolean }): Promise<CommandContext> {
  return {
    io,
    paths: resolvePaths(flags, io.env, io.cwd),
    reporter: await createReporter({ stream: io.stderr, env: io.env, quiet: flags.quiet ?? false }),
  };
}

export function writeJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
