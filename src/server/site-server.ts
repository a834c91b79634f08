import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { SERVE_DEFAULTS, type Paths, type Settings } from '../config.js';
import { DashError } from '../errors.js';
import type { Logger } from '../log.js';
import { createApp, type MetricsSource } from './app.js';
import { MetricsRegistry } from './metrics.js';
import { readProcessStats } from './process-metrics.js';
import { createErrorTracker, type ErrorTracker } from './sentry.js';
import { createHttpServer, type HttpServer } from './server.js';
import { createStaticHandler } from './static.js';

/** Longest wait for requests in flight after SIGTERM/SIGINT; the process exits within 10 s. */
export const SHUTDOWN_GRACE_MS = 8_000;

export interface ServeContext {
  settings: Settings;
  paths: Paths;
  logger: Logger;
  /** When the server started; a cluster worker gets the primary's. */
  startedAtMs: number;
  /** The clock for uptime and /health's snapshot age; the system clock unless a test moves one by hand. */
  now?: () => number;
  /** How the user runs this server again with other flags (`dash serve`, `npm start --`): said in listen errors. */
  rerun?: string;
}

export interface RunningSite {
  http: HttpServer;
  registry: MetricsRegistry;
  tracker: ErrorTracker;
  address: AddressInfo;
}

/** This process's own figures: the source of /metrics when there is no cluster. */
export function localMetrics(registry: MetricsRegistry, startedAtMs: number): MetricsSource {
  return async () => ({
    snapshot: registry.snapshot(),
    figures: { processes: [readProcessStats()], workers: 1, startedAtMs, nowMs: Date.now() },
  });
}

/** Builds the request pipeline and listens; `metricsFor` gives the cluster's figures in a worker. */
export async function startSite(
  context: ServeContext,
  metricsFor: (registry: MetricsRegistry) => MetricsSource = (registry) => localMetrics(registry, context.startedAtMs),
): Promise<RunningSite> {
  const { settings, paths, logger } = context;
  const registry = new MetricsRegistry();
  const tracker = await createErrorTracker(settings, logger);
  const handler = createApp({
    paths,
    logger,
    registry,
    metrics: metricsFor(registry),
    files: createStaticHandler(paths.out),
    tracker,
    startedAtMs: context.startedAtMs,
    now: context.now,
    textLogs: settings.logFormat === 'text',
    production: settings.env === 'production',
  });
  const http = createHttpServer({ handler, logger, registry, requestTimeoutMs: settings.requestTimeoutSeconds * 1000 });
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', (err: NodeJS.ErrnoException) => {
      void listenError(err, settings.host, settings.port, context.rerun).then(reject, reject);
    });
    http.server.listen(settings.port, settings.host, () => {
      http.server.off('error', reject);
      resolve();
    });
  });
  return { http, registry, tracker, address: http.server.address() as AddressInfo };
}

/** How a command started by an npm script is run again with more flags: they go after `--`. */
export function rerunCommand(env: NodeJS.ProcessEnv, command: string): string {
  const script = env.npm_lifecycle_event;
  if (script === undefined || script === '') return command;
  return script === 'start' ? 'npm start --' : `npm run ${script} --`;
}

/** The first port above `port` that `host` lets us listen on, to suggest in the error (undefined if none of 20). */
async function freePortAbove(host: string, port: number): Promise<number | undefined> {
  for (let candidate = port + 1; candidate <= Math.min(65535, port + 20); candidate++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createNetServer();
      probe.once('error', () => resolve(false));
      probe.listen(candidate, host, () => probe.close(() => resolve(true)));
    });
    if (free) return candidate;
  }
  return undefined;
}

/**
 * The one line a user needs when the address cannot be taken (exit 1), instead of a stack trace: with the command
 * to run instead, in the form the user started the server (`npm start -- --port 8051` under npm).
 */
export async function listenError(err: NodeJS.ErrnoException, host: string, port: number, rerun = 'dash serve'): Promise<Error> {
  const where = `port ${port} on ${host}`;
  const tryPort = (n: number | undefined): string => `choose another with \`${rerun} --port ${n ?? 'N'}\`${rerun.startsWith('dash') ? ' or DASH_PORT' : ''}`;
  if (err.code === 'EADDRINUSE') return new DashError(`serve: ${where} is already in use (EADDRINUSE); ${tryPort(await freePortAbove(host, port))}`);
  if (err.code === 'EACCES') {
    const suggestion = port < 1024 ? await freePortAbove(host, SERVE_DEFAULTS.port - 1) : undefined;
    return new DashError(`serve: no permission to listen on ${where} (EACCES; ports below 1024 need privileges); ${tryPort(suggestion)}`);
  }
  if (err.code === 'EADDRNOTAVAIL') {
    return new DashError(`serve: ${host} is not an address of this machine (EADDRNOTAVAIL); choose another with \`${rerun} --host 127.0.0.1\`${rerun.startsWith('dash') ? ' or DASH_HOST' : ''}`);
  }
  return err;
}

export function siteUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Resolves on the first SIGTERM or SIGINT; a second one while shutting down cuts connections at once. */
export function onShutdownSignal(action: (signal: NodeJS.Signals) => Promise<void>, urgent: () => void): void {
  let started = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (started) {
      urgent();
      return;
    }
    started = true;
    void action(signal);
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

/** Graceful stop of one serving process: stop accepting, finish in-flight requests, flush error reports. */
export async function stopSite(site: RunningSite, logger: Logger, reason: string): Promise<void> {
  logger.info({ reason }, 'shutting down: no new connections, finishing requests in flight');
  const { cut } = await site.http.shutdown(SHUTDOWN_GRACE_MS);
  if (cut > 0) logger.warn({ cut }, `cut ${cut} request(s) still running after ${SHUTDOWN_GRACE_MS / 1000} s`);
  await site.tracker.flush(1_000);
  logger.info('stopped');
}
