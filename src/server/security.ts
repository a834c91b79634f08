import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { SERVER_HEADER } from '../site/contracts/status.js';
import type { RouteClass } from './routes.js';

export { CLIENT_ERROR_REASONS, ROUTE_CLASSES, type RouteClass } from './routes.js';

/**
 * Content-Security-Policy for the site. Scripts only from our own hashed bundles (no inline script, no eval).
 * Styles allow 'unsafe-inline' because Observable Plot appends a <style> element to every chart it draws;
 * inline styles cannot run code. Data assets and /health, /metrics are fetched from the same origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response, site files and JSON endpoints alike. */
export const SECURITY_HEADERS: Readonly<OutgoingHttpHeaders> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});

/** Longest request target (path + query) answered; longer ones get 414. Filters live in query strings (P-8). */
export const MAX_URL_LENGTH = 8192;

/**
 * Content-hashed asset names: `<name>.<8 or more hex digits>.<ext>` (e.g. `app.3f9a1c0e.js`). Only these are
 * cached as immutable; anything else revalidates, so a name that merely looks hashed is never stuck in a cache.
 */
export const HASHED_ASSET = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

export function routeClass(pathname: string): RouteClass {
  if (pathname === '/health' || pathname === '/healthz') return 'health';
  if (pathname === '/metrics') return 'metrics';
  if (HASHED_ASSET.test(pathname)) return 'asset';
  // An extensionless path is a clean page URL (/equipment → equipment.html, src/server/static.ts).
  if (pathname.endsWith('/') || pathname.endsWith('.html') || !/\.[^/]*$/.test(pathname)) return 'page';
  return 'file';
}

export interface Rejection {
  status: 400 | 404 | 405 | 414 | 505;
  message: string;
}

/** Longest decoded path and path segment looked up on disk: below PATH_MAX and NAME_MAX, which would make it fail. */
export const MAX_PATH_BYTES = 4096;
export const MAX_SEGMENT_BYTES = 255;

/**
 * Checks done before a request reaches the file server. serve-handler already refuses paths that leave the
 * site folder after one decoding; these add what it does not: NUL bytes (which make fs calls throw),
 * dot-files such as `.dash-site`, over-long targets, paths and segments the file system would refuse as too long
 * (ENAMETOOLONG), HTTP versions other than 1.x, and methods other than GET and HEAD.
 */
export function rejectRequest(method: string | undefined, url: string, httpVersionMajor = 1): Rejection | undefined {
  // Node's parser takes HTTP/0.9 (no version) and HTTP/2.0 request lines and would answer them in HTTP/1.1.
  if (httpVersionMajor !== 1) return { status: 505, message: 'HTTP Version Not Supported' };
  if (url.length > MAX_URL_LENGTH) return { status: 414, message: 'URI Too Long' };
  if (!url.startsWith('/')) return { status: 400, message: 'Bad Request' };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, message: 'Method Not Allowed' };
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, message: 'Bad Request' };
  }
  if (path.includes('\0')) return { status: 400, message: 'Bad Request' };
  // Backslashes are separators on Windows and never appear in the site's own URLs.
  if (path.includes('\\')) return { status: 400, message: 'Bad Request' };
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) return { status: 414, message: 'URI Too Long' };
  for (const segment of path.split('/')) {
    if (segment === '..') return { status: 400, message: 'Bad Request' };
    if (segment.startsWith('.')) return { status: 404, message: 'Not Found' };
    if (segment.length > MAX_SEGMENT_BYTES / 3 && Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) return { status: 414, message: 'URI Too Long' };
  }
  return undefined;
}

const COMMON_HEADERS = [...(Object.entries(SECURITY_HEADERS) as [string, string][]), [SERVER_HEADER, '1']] as const;

/**
 * The security headers, and the header that tells the Status page that /health and /metrics exist here (a static
 * host has neither). Every answer carries them; a replayed site file has them in its stored header list instead,
 * so it can be written without any setHeader call (Node's fast path for a head given whole).
 */
export function setCommonHeaders(res: ServerResponse): void {
  for (const [name, value] of COMMON_HEADERS) res.setHeader(name, value);
}

/** The same headers as name, value, name, value…, to begin a head written whole. */
export const COMMON_HEAD: readonly string[] = COMMON_HEADERS.flat();
