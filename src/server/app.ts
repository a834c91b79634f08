import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Paths } from '../config.js';
import type { Logger } from '../log.js';
import type { ErrorTracker } from './sentry.js';
import { healthReport, readinessSnapshot, type ReadinessFacts } from './health.js';
import { metricKey, sourceGauges, toJson, toPrometheus, type MetricsRegistry, type MetricsSnapshot } from './metrics.js';
import { processGauges, uptimeSeconds, type ServerFigures } from './process-metrics.js';
import { contentLength, noteContentLength, sendBody, sendJson, sendStatus } from './respond.js';
import { COMMON_HEAD, rejectRequest, routeClass, setCommonHeaders, type RouteClass } from './security.js';
import type { StaticHandler } from './static.js';

/** The whole server's metrics and process figures: this process's own, or the cluster primary's merge. */
export type MetricsSource = () => Promise<{ snapshot: MetricsSnapshot; figures: ServerFigures }>;

export interface AppOptions {
  paths: Paths;
  logger: Logger;
  registry: MetricsRegistry;
  metrics: MetricsSource;
  files: StaticHandler;
  tracker: ErrorTracker;
  /** When the server (not this worker) started: uptime survives a worker's replacement. */
  startedAtMs: number;
  /** Access lines as readable text (DASH_LOG_FORMAT=text) rather than JSON fields. */
  textLogs: boolean;
  /** DASH_ENV=production: demo caches make /health degraded. */
  production?: boolean;
  /** The clock for uptime and for the age of /health's file-system snapshot (tests move it by hand). */
  now?: () => number;
  /** How old /health's file-system facts may be (HEALTH_MAX_AGE_MS by default). */
  healthMaxAgeMs?: number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Prometheus asks with `Accept: text/plain` or OpenMetrics; browsers and the Status page get the seed's JSON. */
export function wantsPrometheus(req: IncomingMessage, query: URLSearchParams): boolean {
  const format = query.get('format');
  if (format === 'prometheus') return true;
  if (format === 'json') return false;
  const accept = req.headers.accept ?? '';
  return accept.includes('text/plain') || accept.includes('application/openmetrics-text');
}

/**
 * /health, /healthz and /metrics first, then the site files. Every response carries the security headers,
 * is counted in the metrics and gets one access-log line when it ends.
 */
export function createApp(options: AppOptions): RequestHandler {
  const { logger, registry, tracker } = options;
  const now = options.now ?? Date.now;
  const readiness = readinessSnapshot(options.paths, { now, maxAgeMs: options.healthMaxAgeMs });
  // The body changes only when the facts do or the uptime's tenth of a second moves on.
  let lastHealth: { facts: ReadinessFacts; uptime: number; status: number; body: Buffer; head: string[] } | undefined;

  const record = (req: IncomingMessage, res: ServerResponse, route: RouteClass, path: string, started: bigint): void => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = res.statusCode;
    const bodyless = req.method === 'HEAD' || status === 304 || status === 204;
    const bytes = bodyless ? 0 : contentLength(res);
    const complete = res.writableFinished;
    registry.increment('http_requests_total', { route, status: String(status) });
    registry.increment('http_response_bytes_total', { route }, bytes);
    registry.observe('http_request_duration_seconds', seconds, { route });
    if (route === 'page' || route === 'asset' || route === 'file') {
      if (status === 304) registry.increment('cache_hits');
      else if (status === 200 || status === 206) registry.increment('cache_misses');
    }
    const line = { method: req.method, path, status, bytes, ms: Math.round(seconds * 1e5) / 100 };
    // JSON lines carry the fields; a terminal gets them as one readable line.
    const text = `${line.method} ${path} ${status} ${bytes} B ${line.ms} ms`;
    if (!complete) logger.warn(options.textLogs ? `${text} (aborted)` : { ...line, aborted: true }, 'request aborted before the response ended');
    else if (options.textLogs) logger.info(text);
    else logger.info(line, 'request');
  };

  const fail = (req: IncomingMessage, res: ServerResponse, path: string, err: unknown): void => {
    registry.increment('errors_total');
    logger.error({ err, method: req.method, path }, 'request failed');
    tracker.capture(err, { method: req.method ?? '', path });
    if (!res.headersSent) {
      setCommonHeaders(res);
      sendStatus(req, res, 500, 'Internal Server Error');
    }
    else res.destroy();
  };

  const answerHealth = (req: IncomingMessage, res: ServerResponse, facts: ReadinessFacts): void => {
    const uptime = uptimeSeconds(options.startedAtMs, now());
    if (lastHealth?.facts !== facts || lastHealth.uptime !== uptime) {
      const report = healthReport(facts, uptime, options.production === true);
      const body = Buffer.from(JSON.stringify(report));
      const head = [...COMMON_HEAD, 'Content-Type', 'application/json; charset=utf-8', 'Cache-Control', 'no-store', 'Content-Length', String(body.length)];
      lastHealth = { facts, uptime, status: report.status === 'healthy' ? 200 : 503, body, head };
    }
    // Probes come several times a second from every orchestrator: the whole head is written at once (no setHeader).
    res.writeHead(lastHealth.status, lastHealth.head);
    noteContentLength(res, lastHealth.body.length);
    res.end(req.method === 'HEAD' ? undefined : lastHealth.body);
  };

  /** Synchronous while the readiness snapshot is fresh; a promise only when a file-system look is due. */
  const health = (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> | undefined => {
    if (path === '/healthz' || query.get('probe') === 'live') {
      // Liveness touches no file: a missing cache makes the pod unready, never restarts it.
      setCommonHeaders(res);
      sendJson(req, res, 200, { status: 'alive', uptime_seconds: uptimeSeconds(options.startedAtMs, now()) });
      return undefined;
    }
    const facts = readiness();
    if (facts instanceof Promise) return facts.then((looked) => answerHealth(req, res, looked));
    answerHealth(req, res, facts);
    return undefined;
  };

  const metrics = async (req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> => {
    const [{ snapshot, figures }, facts] = await Promise.all([options.metrics(), readiness()]);
    const gauges = [...processGauges(figures), ...sourceGauges(facts.sources)];
    if (wantsPrometheus(req, query)) {
      sendBody(req, res, 200, toPrometheus(snapshot, gauges), 'text/plain; version=0.0.4; charset=utf-8', { 'Cache-Control': 'no-store' });
    } else {
      sendJson(req, res, 200, toJson(snapshot, Object.fromEntries(gauges.map((g) => [metricKey(g.name, g.labels), g.value]))));
    }
  };

  return (req, res) => {
    const started = process.hrtime.bigint();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const rejection = rejectRequest(req.method, url, req.httpVersionMajor);
    const route: RouteClass = rejection ? 'invalid' : routeClass(path);
    // Site files (static.ts) and readiness set the common headers themselves, so that their repeated answers can be
    // written as one whole head; every other answer gets them here.
    if (rejection || route === 'metrics') setCommonHeaders(res);
    res.once('close', () => record(req, res, route, path.length > 200 ? `${path.slice(0, 200)}…` : path, started));
    if (rejection) {
      sendStatus(req, res, rejection.status, rejection.message, rejection.status === 405 ? { Allow: 'GET, HEAD' } : {});
      return;
    }

    let work: Promise<void> | undefined;
    try {
      if (route === 'health' || route === 'metrics') {
        const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
        work = route === 'health' ? health(req, res, path, query) : metrics(req, res, query);
      } else {
        work = options.files(req, res);
      }
    } catch (err) {
      fail(req, res, path, err);
      return;
    }
    work?.catch((err: unknown) => fail(req, res, path, err));
  };
}
