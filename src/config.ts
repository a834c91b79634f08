import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { usageError } from './errors.js';

/** Where the three folders of the flow live (DESIGN §1). */
export interface Paths {
  datasets: string;
  cache: string;
  out: string;
}

export type DashEnv = 'development' | 'production' | 'test';
export type LogFormat = 'text' | 'json';
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** Server and logging settings (S-5), validated once at start-up. */
export interface Settings {
  env: DashEnv;
  host: string;
  port: number;
  debug: boolean;
  logLevel: LogLevel;
  logFormat: LogFormat;
  workers: number;
  requestTimeoutSeconds: number;
  sentryDsn: string | undefined;
  sentryTracesRate: number | undefined;
}

export interface PathFlags {
  datasets?: string | undefined;
  cache?: string | undefined;
  out?: string | undefined;
}

/** The folders' defaults, relative to the working folder. */
export const DEFAULT_PATHS = { datasets: 'datasets', cache: 'data_cache', out: 'dist' } as const;

/** Flags win over environment variables, which win over the defaults; all resolved against `cwd`. */
export function resolvePaths(flags: PathFlags, env: NodeJS.ProcessEnv, cwd: string): Paths {
  const pick = (flag: string | undefined, name: string, fallback: string): string => {
    const value = flag ?? nonEmpty(env[name]) ?? fallback;
    return resolve(cwd, value);
  };
  return {
    datasets: pick(flags.datasets, 'DASH_DATASETS_DIR', DEFAULT_PATHS.datasets),
    cache: pick(flags.cache, 'DASH_CACHE_DIR', DEFAULT_PATHS.cache),
    out: pick(flags.out, 'DASH_DIST_DIR', DEFAULT_PATHS.out),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

// Python's level names are accepted so the seed guide's values (DEBUG, WARNING, CRITICAL) keep working.
const LEVELS: Record<string, LogLevel> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  silent: 'silent',
};

const ENVS: Record<string, DashEnv> = {
  development: 'development',
  dev: 'development',
  production: 'production',
  prod: 'production',
  test: 'test',
};

/** The datasets folder was named by the user (flag or DASH_DATASETS_DIR), not left to the default. */
export function datasetsNamed(flags: PathFlags, env: NodeJS.ProcessEnv): boolean {
  return flags.datasets !== undefined || nonEmpty(env.DASH_DATASETS_DIR) !== undefined;
}

/** DASH_ENV names production (the check the build makes before falling back to demo data). */
export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return ENVS[nonEmpty(env.DASH_ENV)?.toLowerCase() ?? ''] === 'production';
}

export interface SettingsOverrides {
  host?: string | undefined;
  port?: string | number | undefined;
  workers?: string | number | undefined;
  timeout?: string | number | undefined;
}

/**
 * Reads S-5 settings from `env`. Each invalid value is reported at once with the variable's name,
 * the value found and what is accepted, so a misconfigured container fails at start-up, not at first request.
 */
/** The server's defaults, also shown by `dash serve --help`. */
/** `dash dev`'s address: flags only (DASH_HOST/DASH_PORT are `dash serve`'s), so both can run side by side. */
export const DEV_DEFAULTS = { host: '127.0.0.1', port: 3000 } as const;

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  productionHost: '0.0.0.0',
  port: 8050,
  workers: 1,
  requestTimeoutSeconds: 120,
} as const;

export function loadSettings(env: NodeJS.ProcessEnv, overrides: SettingsOverrides = {}): Settings {
  const problems: string[] = [];
  const read = (name: string): string | undefined => nonEmpty(env[name]);

  const envRaw = read('DASH_ENV') ?? 'development';
  const dashEnv = ENVS[envRaw.toLowerCase()];
  if (!dashEnv) problems.push(`DASH_ENV must be one of development, production, test (found "${envRaw}")`);
  const production = dashEnv === 'production';

  const host = overrides.host ?? read('DASH_HOST') ?? (production ? SERVE_DEFAULTS.productionHost : SERVE_DEFAULTS.host);

  const portName = overrides.port !== undefined ? '--port' : 'DASH_PORT';
  const port = parseIntSetting(String(overrides.port ?? read('DASH_PORT') ?? SERVE_DEFAULTS.port), portName, 0, 65535, problems);

  const debugRaw = read('DASH_DEBUG');
  let debug = !production;
  if (debugRaw !== undefined) {
    const b = parseBool(debugRaw);
    if (b === undefined) problems.push(`DASH_DEBUG must be true or false (found "${debugRaw}")`);
    else debug = b;
  }

  const levelRaw = read('DASH_LOG_LEVEL') ?? (production ? 'info' : 'debug');
  const logLevel = LEVELS[levelRaw.toLowerCase()];
  if (!logLevel) {
    problems.push(`DASH_LOG_LEVEL must be one of ${Object.keys(LEVELS).join(', ')} (found "${levelRaw}")`);
  }

  const formatRaw = read('DASH_LOG_FORMAT') ?? (production ? 'json' : 'text');
  const logFormat = formatRaw.toLowerCase() === 'json' ? 'json' : formatRaw.toLowerCase() === 'text' ? 'text' : undefined;
  if (!logFormat) problems.push(`DASH_LOG_FORMAT must be text or json (found "${formatRaw}")`);

  const workersName = read('DASH_WORKERS') !== undefined ? 'DASH_WORKERS' : 'GUNICORN_WORKERS';
  const workersRaw = String(overrides.workers ?? read('DASH_WORKERS') ?? read('GUNICORN_WORKERS') ?? SERVE_DEFAULTS.workers);
  const maxWorkers = Math.max(64, availableParallelism() * 4);
  const workers = parseIntSetting(workersRaw, overrides.workers !== undefined ? '--workers' : workersName, 1, maxWorkers, problems);

  const timeoutName = overrides.timeout !== undefined ? '--timeout' : read('DASH_REQUEST_TIMEOUT') !== undefined ? 'DASH_REQUEST_TIMEOUT' : 'GUNICORN_TIMEOUT';
  const timeoutRaw = String(overrides.timeout ?? read('DASH_REQUEST_TIMEOUT') ?? read('GUNICORN_TIMEOUT') ?? SERVE_DEFAULTS.requestTimeoutSeconds);
  const requestTimeoutSeconds = parseIntSetting(timeoutRaw, timeoutName, 1, 3600, problems);

  const sentryDsn = read('SENTRY_DSN');
  if (sentryDsn !== undefined && !/^https?:\/\/[^@\s]+@[^/\s]+\/\S+$/.test(sentryDsn)) {
    problems.push(`SENTRY_DSN must look like https://<key>@<host>/<project> (found "${sentryDsn}")`);
  }
  const ratesRaw = read('SENTRY_TRACES_RATE');
  let sentryTracesRate: number | undefined;
  if (ratesRaw !== undefined) {
    const rate = Number(ratesRaw);
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
      problems.push(`SENTRY_TRACES_RATE must be a number from 0 to 1 (found "${ratesRaw}")`);
    } else sentryTracesRate = rate;
  }

  if (problems.length > 0) {
    throw usageError(`invalid settings:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    env: dashEnv as DashEnv,
    host,
    port,
    debug,
    logLevel: logLevel as LogLevel,
    logFormat: logFormat as LogFormat,
    workers,
    requestTimeoutSeconds,
    sentryDsn,
    sentryTracesRate,
  };
}

function parseIntSetting(raw: string, name: string, min: number, max: number, problems: string[]): number {
  const trimmed = raw.trim();
  const n = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (found "${raw}")`);
    return min;
  }
  return n;
}

export function parseBool(raw: string): boolean | undefined {
  const v = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return undefined;
}
