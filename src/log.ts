import type { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LogLevel;
  format: LogFormat;
  name?: string;
  /** Where lines go; stdout for the server (containers collect it), a test buffer in tests. */
  destination?: Writable;
  /** For NO_COLOR / FORCE_COLOR; the process's environment by default. */
  env?: NodeJS.ProcessEnv;
}

type Terminal = { isTTY?: boolean; columns?: number };

/**
 * Colour per https://no-color.org and the FORCE_COLOR convention: NO_COLOR (any non-empty value) turns it off,
 * FORCE_COLOR turns it on (0 or false off), else a terminal that is not TERM=dumb gets it.
 */
export function colorWanted(stream: Terminal, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * pino logger. JSON lines carry `timestamp` (UTC ISO-8601), `level` (a name, not pino's number), `name` and
 * `message`, the fields the seed guide shows; text mode pretty-prints the same records for a terminal.
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stdout;
  const base = {
    name: options.name ?? 'dash',
    level: options.level,
    messageKey: 'message',
    errorKey: 'error',
    base: undefined,
    timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (options.format === 'json') {
    return pino({ ...base, base: { name: base.name } }, destination);
  }
  // pino-pretty as a stream (not a worker transport) so text logs stay synchronous and ordered with other output.
  const pretty = (pinoPretty as unknown as (o: object) => Writable)({
    destination,
    colorize: colorWanted(destination as Terminal, options.env ?? process.env),
    messageKey: 'message',
    timestampKey: 'timestamp',
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    sync: true,
    customLevels: 'trace:10,debug:20,info:30,warn:40,error:50,fatal:60',
    useOnlyCustomProps: false,
  });
  return pino({ ...base, base: { name: base.name }, formatters: {} }, pretty);
}


/** Human progress for CLI commands: stderr, a spinner only on an interactive terminal outside CI. */
export interface Reporter {
  /** A step that ends in success or failure; shows a spinner while it runs when interactive. */
  start(text: string): Step;
  info(text: string): void;
  warn(text: string): void;
}

export interface Step {
  update(text: string): void;
  succeed(text: string): void;
  fail(text: string): void;
  warn(text: string): void;
}

export interface ReporterOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
}

/**
 * A spinner redraws its line in place, so it needs a terminal with a real width: a pseudo-terminal reporting 0 columns
 * (under `script`, some CI wrappers) made ora's clear loop spin forever. CI logs and TERM=dumb get plain lines.
 */
export function isInteractive(options: ReporterOptions): boolean {
  const ci = options.env.CI !== undefined && options.env.CI !== '' && options.env.CI !== 'false';
  const columns = (options.stream as Terminal).columns;
  const width = typeof columns === 'number' && Number.isFinite(columns) && columns > 0;
  return options.stream.isTTY === true && width && !ci && options.env.TERM !== 'dumb';
}

export async function createReporter(options: ReporterOptions): Promise<Reporter> {
  const { stream } = options;
  const write = (line: string): void => {
    if (!options.quiet) stream.write(`${line}\n`);
  };
  if (!isInteractive(options) || options.quiet) {
    return {
      start: () => ({
        update: () => undefined,
        succeed: (t) => write(`✔ ${t}`),
        fail: (t) => write(`✖ ${t}`),
        warn: (t) => write(`⚠ ${t}`),
      }),
      info: (t) => write(t),
      warn: (t) => write(`⚠ ${t}`),
    };
  }
  // One spinner for all running steps: datasets build concurrently and several ora spinners would fight over the line.
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: stream as NodeJS.WriteStream, isEnabled: true, color: colorWanted(stream, options.env) ? 'cyan' : false });
  const active = new Map<number, string>();
  let nextId = 0;
  // A terminal resized to no width mid-build: the spinner stops for good and steps end as plain lines.
  let plain = false;
  (stream as NodeJS.WriteStream).on?.('resize', () => {
    if (isInteractive(options)) return;
    plain = true;
    spinner.stop();
  });
  const refresh = (): void => {
    if (plain) return;
    if (active.size === 0) spinner.stop();
    else {
      spinner.text = [...active.values()].join(' · ');
      if (!spinner.isSpinning) spinner.start();
    }
  };
  const finish = (id: number, symbol: 'succeed' | 'fail' | 'warn', text: string): void => {
    active.delete(id);
    const mark = symbol === 'succeed' ? '✔' : symbol === 'fail' ? '✖' : '⚠';
    if (plain) write(`${mark} ${text}`);
    else spinner.stopAndPersist({ symbol: mark, text });
    refresh();
  };
  const above = (line: string): void => {
    const spinning = spinner.isSpinning;
    if (spinning) spinner.clear();
    write(line);
    if (spinning) spinner.render();
  };
  return {
    start: (text) => {
      const id = nextId++;
      active.set(id, text);
      refresh();
      return {
        update: (t) => {
          active.set(id, t);
          refresh();
        },
        succeed: (t) => finish(id, 'succeed', t),
        fail: (t) => finish(id, 'fail', t),
        warn: (t) => finish(id, 'warn', t),
      };
    },
    info: (t) => above(t),
    warn: (t) => above(`⚠ ${t}`),
  };
}
