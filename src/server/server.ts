import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../log.js';
import type { MetricsRegistry } from './metrics.js';
import type { RequestHandler } from './app.js';
import { CLIENT_ERROR_REASONS, MAX_URL_LENGTH } from './security.js';

export interface HttpServerOptions {
  handler: RequestHandler;
  logger: Logger;
  registry: MetricsRegistry;
  /** Longest time to receive a whole request, and longest socket inactivity (DASH_REQUEST_TIMEOUT). */
  requestTimeoutMs: number;
  /** Longest time to receive the request headers (slow-loris). */
  headersTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
}

export interface HttpServer {
  server: Server;
  /**
   * Stops accepting connections, lets requests in flight finish, closes idle keep-alive connections, and
   * resolves once every connection is gone or `graceMs` has passed (then the rest are cut; their count is
   * returned).
   */
  shutdown(graceMs: number): Promise<{ cut: number }>;
}

/** Request headers larger than this get 431, a request line larger than MAX_URL_LENGTH 414. */
export const MAX_HEADER_BYTES = 16 * 1024;

const REASONS: Record<number, string> = CLIENT_ERROR_REASONS;

/** Status for a request Node's parser refused: the request line decides between 414 and 431; HTTP/3.0 or /1.2 is 505. */
export function clientErrorStatus(err: NodeJS.ErrnoException & { rawPacket?: Buffer }): number {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'HPE_HEADER_TIMEOUT') return 408;
  if (err.code === 'HPE_INVALID_VERSION') return 505;
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const lineEnd = err.rawPacket?.indexOf('\r\n') ?? -1;
    return lineEnd === -1 || lineEnd > MAX_URL_LENGTH ? 414 : 431;
  }
  return 400;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger, registry } = options;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 20_000, options.requestTimeoutMs);
  let closing = false;
  let inFlight = 0;

  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      requestTimeout: options.requestTimeoutMs,
      headersTimeout,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      // Node checks the two timeouts above on this period; keep it well below them.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    (req, res) => {
      inFlight++;
      res.once('close', () => {
        inFlight--;
        // Once shutting down, a connection whose response has ended is closed instead of kept alive.
        if (closing) setImmediate(() => server.closeIdleConnections());
      });
      if (closing) res.shouldKeepAlive = false;
      options.handler(req, res);
    },
  );
  // Socket inactivity (e.g. a client that stops reading a response); longer than the request timeouts so
  // those answer 408 first.
  server.timeout = options.requestTimeoutMs + 10_000;

  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(err);
    registry.increment('http_client_errors_total', { status: String(status) });
    logger.info({ status, code: err.code }, 'request refused by the HTTP parser');
    const body = `${status} ${REASONS[status]}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
    );
  });

  const shutdown = (graceMs: number): Promise<{ cut: number }> =>
    new Promise((resolve) => {
      closing = true;
      const deadline = setTimeout(() => {
        const cut = inFlight;
        server.closeAllConnections();
        resolve({ cut });
      }, graceMs);
      deadline.unref();
      server.close(() => {
        clearTimeout(deadline);
        resolve({ cut: 0 });
      });
      server.closeIdleConnections();
    });

  return { server, shutdown };
}
