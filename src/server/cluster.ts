import cluster, { type Worker } from 'node:cluster';
import { DashError } from '../errors.js';
import type { Logger } from '../log.js';
import type { MetricsSource } from './app.js';
import { emptySnapshot, MetricsRegistry, type MetricsSnapshot } from './metrics.js';
import { readProcessStats, type ProcessStats, type ServerFigures } from './process-metrics.js';
import { onShutdownSignal, siteUrl, startSite, stopSite, SHUTDOWN_GRACE_MS, type RunningSite, type ServeContext } from './site-server.js';

/**
 * Several worker processes behind one port (Node's cluster). Each worker counts its own requests and sends
 * the counts (deltas) to the primary: every few seconds, and on demand when any worker answers /metrics, so
 * the figures are the whole server's and survive a worker's replacement.
 */

export const STARTED_AT_ENV = 'DASH_SERVER_STARTED_AT';

/** Messages between the primary and the workers, all tagged so other IPC traffic is ignored. */
type ToPrimary =
  | { dash: 'delta'; id?: number; delta: MetricsSnapshot; stats: ProcessStats }
  | { dash: 'query'; id: number; delta: MetricsSnapshot; stats: ProcessStats }
  /** The worker cannot serve at all (e.g. the port is taken): the whole server stops with this error. */
  | { dash: 'fatal'; message: string; exitCode: number };
type ToWorker =
  | { dash: 'flush'; id: number }
  | { dash: 'metrics'; id: number; snapshot: MetricsSnapshot; figures: ServerFigures }
  | { dash: 'shutdown' };

const isTagged = (msg: unknown): msg is { dash: string } => typeof msg === 'object' && msg !== null && 'dash' in msg;

/** How often a worker sends its counts unasked, bounding what a crashed worker loses. */
const DELTA_INTERVAL_MS = 5_000;
/** How long the primary waits for the other workers' counts when /metrics is asked. */
const FLUSH_WAIT_MS = 1_000;
/** Hard stop for the whole server after SIGTERM: the workers' grace plus a margin, below 10 s. */
const PRIMARY_DEADLINE_MS = SHUTDOWN_GRACE_MS + 1_500;

export async function runPrimary(context: ServeContext): Promise<number> {
  const { settings, logger } = context;
  const totals = new MetricsRegistry();
  const stats = new Map<number, ProcessStats>();
  /** CPU time of workers that have exited, as they last reported it: process_cpu_seconds_total never falls. */
  let retiredCpuSeconds = 0;
  const waiting = new Map<number, { remaining: Set<number>; done: () => void }>();
  let nextCollection = 1;
  let shuttingDown = false;
  let announced = false;
  let restartDelayMs = 0;

  const figures = (): ServerFigures => ({
    processes: [readProcessStats(), ...stats.values()],
    retiredCpuSeconds,
    workers: Object.keys(cluster.workers ?? {}).length,
    startedAtMs: context.startedAtMs,
    nowMs: Date.now(),
  });

  /** Asks every worker but `except` for its counts; resolves when all answered or after FLUSH_WAIT_MS. */
  const collect = (except: number): Promise<void> =>
    new Promise((resolve) => {
      const id = nextCollection++;
      const others = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w.id !== except && w.isConnected());
      if (others.length === 0) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve();
      }, FLUSH_WAIT_MS);
      waiting.set(id, {
        remaining: new Set(others.map((w) => w.id)),
        done: () => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve();
        },
      });
      for (const w of others) w.send({ dash: 'flush', id } satisfies ToWorker);
    });

  /** Workers whose server listens: they have their message handlers, and may have requests in flight. */
  const listening = new Set<number>();
  let finish: (code: number) => void = () => undefined;
  let fail: (err: Error) => void = () => undefined;
  const done = new Promise<number>((resolve, reject) => {
    const settle = (): void => {
      process.removeAllListeners('SIGTERM');
      process.removeAllListeners('SIGINT');
    };
    finish = (code) => {
      settle();
      resolve(code);
    };
    fail = (err) => {
      settle();
      reject(err);
    };
  });

  /** Asks every worker to stop gracefully; SIGKILLs whatever still runs after PRIMARY_DEADLINE_MS. */
  const stopWorkers = async (): Promise<void> => {
    shuttingDown = true;
    const live = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    const deadline = setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
    }, PRIMARY_DEADLINE_MS);
    deadline.unref();
    await Promise.all(
      live.map(
        (w) =>
          new Promise<void>((exited) => {
            if (w.isDead()) return exited();
            w.once('exit', () => exited());
            // One still starting may not listen for messages yet, and has no request to finish: a signal
            // stops it either way (gracefully once its handler is installed).
            if (listening.has(w.id) && w.isConnected()) w.send({ dash: 'shutdown' } satisfies ToWorker);
            else w.process.kill('SIGTERM');
          }),
      ),
    );
    clearTimeout(deadline);
  };

  /** A worker cannot serve (the port is taken): stop the others and fail with its one-line error. */
  const stopAll = (err: DashError): void => {
    if (shuttingDown) return;
    void stopWorkers().then(() => fail(err));
  };

  const fork = (): void => {
    const worker = cluster.fork({ [STARTED_AT_ENV]: String(context.startedAtMs) });
    const bornAt = Date.now();
    worker.on('message', (msg: unknown) => {
      if (!isTagged(msg)) return;
      const m = msg as ToPrimary;
      if (m.dash === 'fatal') {
        stopAll(new DashError(m.message, m.exitCode));
        return;
      }
      totals.merge(m.delta);
      stats.set(worker.id, m.stats);
      if (m.dash === 'delta' && m.id !== undefined) {
        const pending = waiting.get(m.id);
        pending?.remaining.delete(worker.id);
        if (pending && pending.remaining.size === 0) pending.done();
      } else if (m.dash === 'query') {
        void collect(worker.id).then(() => {
          if (worker.isConnected()) worker.send({ dash: 'metrics', id: m.id, snapshot: totals.snapshot(), figures: figures() } satisfies ToWorker);
        });
      }
    });
    worker.on('exit', (code, signal) => {
      retiredCpuSeconds += stats.get(worker.id)?.cpuSeconds ?? 0;
      stats.delete(worker.id);
      listening.delete(worker.id);
      if (shuttingDown) return;
      // A worker that dies right after starting is likely to die again: back off instead of spinning.
      restartDelayMs = Date.now() - bornAt < 5_000 ? Math.min(30_000, Math.max(500, restartDelayMs * 2)) : 0;
      const fields = { worker: worker.id, code, signal, restartInMs: restartDelayMs };
      // Exit code 0 is a graceful stop (a SIGTERM sent to the worker alone): worth a line, not an alert.
      if (code === 0 && signal === null) logger.info(fields, 'worker stopped gracefully; starting a replacement');
      else logger.error(fields, 'worker died; starting a replacement');
      setTimeout(() => {
        if (!shuttingDown) fork();
      }, restartDelayMs).unref();
    });
  };

  // Announced once every first-generation worker listens, so "listening" means the whole server is up.
  cluster.on('listening', (worker, address) => {
    listening.add(worker.id);
    if (announced) {
      logger.info({ worker: worker.id }, 'replacement worker listening');
      return;
    }
    if (listening.size < settings.workers) return;
    announced = true;
    const url = siteUrl(settings.host, address.port);
    logger.info({ url, workers: settings.workers, site: context.paths.out, cache: context.paths.cache }, `dash serve listening on ${url}`);
  });

  for (let i = 0; i < settings.workers; i++) fork();

  onShutdownSignal(
    async (signal) => {
      logger.info({ signal }, 'shutting down the workers');
      await stopWorkers();
      logger.info('stopped');
      finish(0);
    },
    () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
    },
  );
  return done;
}

/** A worker's /metrics: its counts go to the primary, which answers with everyone's. */
function clusterMetrics(registry: MetricsRegistry, pending: Map<number, (m: Extract<ToWorker, { dash: 'metrics' }>) => void>): MetricsSource {
  let nextId = 1;
  return () =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the cluster primary did not answer the metrics request within 5 s'));
      }, 5_000);
      pending.set(id, (m) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve({ snapshot: m.snapshot, figures: m.figures });
      });
      process.send?.({ dash: 'query', id, delta: registry.drain(), stats: readProcessStats() } satisfies ToPrimary);
    });
}

export async function runWorker(context: ServeContext): Promise<number> {
  const logger: Logger = context.logger.child({ worker: cluster.worker?.id, pid: process.pid });
  const pending = new Map<number, (m: Extract<ToWorker, { dash: 'metrics' }>) => void>();
  let registryRef: MetricsRegistry | undefined;
  // Filled once the site listens; messages and signals may arrive before that.
  const running: { site?: RunningSite; ticker?: NodeJS.Timeout } = {};
  let stopping = false;
  let stopBeforeListening: string | undefined;
  let finished: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finished = resolve));

  // Answered even before the site listens, so the primary never waits on a worker that is starting.
  const sendDelta = (id?: number): void => {
    if (process.connected) {
      process.send?.({ dash: 'delta', id, delta: registryRef?.drain() ?? emptySnapshot(), stats: readProcessStats() } satisfies ToPrimary);
    }
  };
  const stop = async (reason: string): Promise<void> => {
    if (!running.site) {
      stopBeforeListening = reason;
      return;
    }
    if (stopping) return;
    stopping = true;
    clearInterval(running.ticker);
    await stopSite(running.site, logger, reason);
    sendDelta();
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
    process.disconnect?.();
    finished(0);
  };

  process.on('message', (msg: unknown) => {
    if (!isTagged(msg)) return;
    const m = msg as ToWorker;
    if (m.dash === 'flush') sendDelta(m.id);
    else if (m.dash === 'metrics') pending.get(m.id)?.(m);
    else if (m.dash === 'shutdown') void stop('asked by the primary');
  });
  // Ctrl-C reaches every process of the group; the worker then stops by itself, as when the primary asks.
  onShutdownSignal(
    (signal) => stop(signal),
    () => running.site?.http.server.closeAllConnections(),
  );

  try {
    running.site = await startSite({ ...context, logger }, (registry) => {
      registryRef = registry;
      return clusterMetrics(registry, pending);
    });
  } catch (err) {
    if (!(err instanceof DashError) || !process.connected) throw err;
    // The primary prints it once and stops the server; every worker would otherwise say the same.
    const fatal: ToPrimary = { dash: 'fatal', message: err.message, exitCode: err.exitCode };
    await new Promise<void>((sent) => process.send?.(fatal, undefined, {}, () => sent()));
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
    process.disconnect?.();
    return err.exitCode;
  }
  running.ticker = setInterval(() => sendDelta(), DELTA_INTERVAL_MS);
  running.ticker.unref();
  if (stopBeforeListening !== undefined) void stop(stopBeforeListening);
  return done;
}
