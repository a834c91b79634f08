import { lstat, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, join, normalize } from 'node:path';
import { noteContentLength } from '../server/respond.js';
import { setCommonHeaders } from '../server/security.js';
import type { StaticHandler } from '../server/static.js';
import { CLIENT_SCRIPT, DEV_CLIENT, DEV_EVENTS, injectClient } from './client.js';
import type { BuildFailure } from './failure.js';

/** A connected page: the page id it shows (null for a page without one) and the build it was served from. */
interface Client {
  page: string | null;
  build: number;
}

/** How long a rebuild waits for its reloading pages before their files are compressed anyway. */
export const SETTLE_MS = 2_000;

/**
 * The state open pages follow: the number of the last good build that changed the site, and the failure shown
 * over every page until the next good build. Each change goes to every connected page as a Server-Sent Event.
 * A page connects once it has drawn (client.ts), saying which page and build it shows: a rebuild's reloaded pages
 * coming back tell it that they are done.
 */
export class LiveReload {
  build = 0;
  failure: BuildFailure | null = null;
  private readonly clients = new Map<ServerResponse, Client>();
  private readonly ping: NodeJS.Timeout;
  /** The reloading pages of the last rebuild not yet back, and what to call when they are. */
  private awaited: { build: number; left: number; done: () => void } | undefined;

  constructor(private readonly settleMs = SETTLE_MS) {
    // A comment line now and then keeps proxies and idle timers from closing a quiet stream.
    this.ping = setInterval(() => this.send(': ping\n\n'), 15_000);
    this.ping.unref();
  }

  get connected(): number {
    return this.clients.size;
  }

  /**
   * A good build that rewrote `pages` (page ids): pages showing one of them reload, every overlay goes. Resolves
   * when every page that reloads has drawn again (or after `settleMs`, or at once when none does): until then the
   * rebuild leaves the CPU to them.
   */
  rebuilt(pages: string[]): Promise<void> {
    this.build++;
    this.failure = null;
    this.awaited?.done();
    const reloading = [...this.clients.values()].filter((c) => c.page === null || pages.includes(c.page)).length;
    this.send(event('reload', { build: this.build, pages }));
    if (reloading === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(), this.settleMs);
      timer.unref();
      const finish = (): void => {
        clearTimeout(timer);
        this.awaited = undefined;
        resolve();
      };
      this.awaited = { build: this.build, left: reloading, done: finish };
    });
  }

  /** A good build that changed nothing: only a failure shown before is cleared. */
  unchanged(): void {
    if (this.failure === null) return;
    this.failure = null;
    this.send(event('recovered', {}));
  }

  failed(failure: BuildFailure): void {
    this.failure = failure;
    this.send(event('failed', failure));
  }

  subscribe(req: IncomingMessage, res: ServerResponse): void {
    setCommonHeaders(res);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // retry: how soon a page reconnects after the dev server restarts.
    res.write(`retry: 500\n${event('hello', { build: this.build, failure: this.failure })}`);
    const query = new URL(req.url ?? '/', 'http://dev').searchParams;
    const client: Client = { page: query.get('page') || null, build: Number(query.get('build') ?? Number.NaN) };
    this.clients.set(res, client);
    req.once('close', () => this.clients.delete(res));
    if (this.awaited && client.build === this.awaited.build && --this.awaited.left === 0) this.awaited.done();
  }

  /** Ends every stream (before the server's graceful stop, which would otherwise wait for them). */
  close(): void {
    clearInterval(this.ping);
    this.awaited?.done();
    for (const res of this.clients.keys()) res.end();
    this.clients.clear();
  }

  private send(text: string): void {
    for (const res of this.clients.keys()) res.write(text);
  }
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Shown at a page's address while there is no site yet (the first build is running, or failed). */
const NO_SITE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Building · dash dev</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; margin: 3rem"><h1>dash dev</h1><p>There is no site in the output folder yet: it is being built. This page reloads when it is ready.</p></body></html>
`;

/**
 * The dev server's file handler: its event stream and client script, then the site's pages with the client script
 * added (read from disk on every request, so a rebuilt page is never answered from a stale copy), then every other
 * file exactly as `dash serve` sends it. The client is added here only: dist/ and `dash serve` never have it.
 */
export function devFiles(out: string, live: LiveReload, files: StaticHandler): StaticHandler {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    if (pathname === DEV_EVENTS) {
      live.subscribe(req, res);
      return undefined;
    }
    if (pathname === DEV_CLIENT) {
      setCommonHeaders(res);
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : CLIENT_SCRIPT);
      return undefined;
    }
    const page = pagePath(pathname);
    if (page === undefined) return files(req, res);
    return sendPage(req, res, out, page, live).then((sent) => (sent ? undefined : files(req, res)));
  };
}

/** The HTML file a page address names (`/`, `/x/`, `/equipment`, `/equipment.html`), or undefined for other files. */
export function pagePath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  let relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  else if (!/\.[^/]*$/.test(relative)) relative += '.html';
  if (!relative.endsWith('.html') || relative.startsWith('..') || isAbsolute(relative) || relative.split(/[/\\]/).some((s) => s.startsWith('.'))) return undefined;
  return relative;
}

async function sendPage(req: IncomingMessage, res: ServerResponse, out: string, relative: string, live: LiveReload): Promise<boolean> {
  const path = join(out, relative);
  let html: string;
  try {
    if (!(await lstat(path)).isFile()) return false;
    html = await readFile(path, 'utf8');
  } catch {
    const siteMissing = await lstat(join(out, 'index.html')).then(() => false, () => true);
    if (!siteMissing || relative !== 'index.html') return false;
    html = NO_SITE;
  }
  const body = Buffer.from(injectClient(html, live.build));
  setCommonHeaders(res);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(body.length) });
  noteContentLength(res, body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
