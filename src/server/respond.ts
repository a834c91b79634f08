import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Writes a complete response with its Content-Length; HEAD gets the headers only. */
export function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: OutgoingHttpHeaders = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': bytes.length });
  if (req.method === 'HEAD') res.end();
  else res.end(bytes);
}

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  sendBody(req, res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...headers });
}

/** A short plain-text error: no HTML to style or escape, nothing about the file system. */
export function sendStatus(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: OutgoingHttpHeaders = {}): void {
  sendBody(req, res, status, `${status} ${message}\n`, 'text/plain; charset=utf-8', { 'Cache-Control': 'no-cache', ...headers });
}

const WHOLE_HEAD_LENGTH = Symbol('dash.contentLength');
type Marked = ServerResponse & { [WHOLE_HEAD_LENGTH]?: number };

/** A head written whole (a replayed site file) is not kept by Node, so getHeader cannot read its length back. */
export function noteContentLength(res: ServerResponse, bytes: number): void {
  (res as Marked)[WHOLE_HEAD_LENGTH] = bytes;
}

export function contentLength(res: ServerResponse): number {
  return Number(res.getHeader('content-length') ?? (res as Marked)[WHOLE_HEAD_LENGTH] ?? 0);
}
