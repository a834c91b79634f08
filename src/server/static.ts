import { createReadStream, lstat, readdir, realpath, type Stats } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { promisify } from 'node:util';
import serveHandler from 'serve-handler';
import { NOT_FOUND_FILE } from '../site/html.js';
import { isCompressible } from '../site/compress.js';
import { DEFAULT_STORE_OPTIONS, FileStore, versionKey, type FileVersion, type StoreOptions } from './file-store.js';
import { noteContentLength, sendStatus } from './respond.js';
import { HASHED_ASSET, setCommonHeaders } from './security.js';

// serve-handler (src/index.js, getHandlers) calls util.promisify on fs.lstat, fs.realpath and fs.readdir on
// every request, even when they are replaced as here, and each call builds a new wrapper: measured at about
// a third of a static response's CPU. Registering the same promisified functions as their
// util.promisify.custom turns those calls into a lookup; what promisify returns behaves exactly as before.
for (const fn of [lstat, realpath, readdir]) {
  if (!Object.prototype.hasOwnProperty.call(fn, promisify.custom)) {
    Object.defineProperty(fn, promisify.custom, { value: promisify(fn), configurable: true });
  }
}

/** A body already in memory: piping it is a single `end`, so headers and body leave in one write. */
class BufferBody extends Readable {
  constructor(
    private readonly body: Buffer,
    private readonly onPipe?: () => void,
  ) {
    super();
  }

  override _read(): void {
    this.push(this.body);
    this.push(null);
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T): T {
    this.onPipe?.();
    (destination as unknown as Writable).end(this.body);
    return destination;
  }
}

const EMPTY = Buffer.alloc(0);

/**
 * Text types a server may find `<file>.br` and `<file>.gz` beside; always including every type the site build
 * precompresses (its .dcl data tables too, the site's largest files).
 */
const TEXT_TYPES = /\.(?:html?|m?js|css|json|svg|txt|csv|xml|map|wasm|geojson|topojson)$/i;
const COMPRESSIBLE = { test: (path: string): boolean => TEXT_TYPES.test(path) || isCompressible(path, Number.POSITIVE_INFINITY) };

/** Types the mime database does not know get an explicit one (as nginx's default_type), never none. */
const EXTRA_TYPES = [{ source: '**/*.dcl', headers: [{ key: 'Content-Type', value: 'application/octet-stream' }] }];

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything not content-hashed may be cached but must be revalidated (ETag → 304). */
export const REVALIDATE = 'no-cache';

export type Encoding = 'br' | 'gzip';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Encodings the client accepts, ours preferred: brotli, then gzip. `q=0` refuses; `*` accepts both. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  let known = ACCEPTED.get(header);
  if (!known) {
    known = parseAcceptEncoding(header);
    // Browsers send a handful of distinct values; anything beyond is parsed each time rather than kept.
    if (ACCEPTED.size < 64) ACCEPTED.set(header, known);
  }
  return known;
}

const ACCEPTED = new Map<string, Encoding[]>();

function parseAcceptEncoding(header: string): Encoding[] {
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(token.trim(), Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  return (['br', 'gzip'] as const).filter((e) => (q.get(e) ?? star ?? 0) > 0);
}

/** RFC 9110 §13.1.2: If-None-Match wins over If-Modified-Since; weak comparison; `*` matches any version. */
export function isNotModified(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    if (inm.trim() === '*') return true;
    const bare = etag.replace(/^W\//, '');
    return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

interface Variant {
  path: string;
  encoding: Encoding;
  stats: Stats;
}

/** A file's stats and the precompressed sibling chosen for the client, if any. */
interface Chosen {
  stats: Stats;
  variant?: Variant;
}

/** A full 200 answer from memory, replayed while its file (and sibling choice) stays the same version. */
interface Replay {
  /** The file serve-handler resolved the URL to. */
  path: string;
  /** The file actually sent (`path` or its .br/.gz sibling) and its version. */
  sent: string;
  version: string;
  mtime: Date;
  etag: string;
  /** The whole head as name, value, name, value…: written with no setHeader call before it, Node sends it as is. */
  head: string[];
  body: Buffer;
}

function flatHead(headers: OutgoingHttpHeaders): string[] {
  const head: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) head.push(name, String(one));
  }
  return head;
}

const MAX_REPLAYS = 10_000;

/** Synchronous (undefined) when a current answer is replayed from memory; a promise when files are looked up. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | undefined;

/**
 * Site files through serve-handler, which resolves the path (refusing anything outside `root` after decoding),
 * lists no directories, follows no symlinks, and handles ranges. Its file-system methods are ours: they pick
 * a precompressed sibling the client accepts, serve small files from memory, set caching headers and ETags
 * from the content, and answer 304 for a current client copy.
 */
export function createStaticHandler(root: string, storeOptions: StoreOptions = DEFAULT_STORE_OPTIONS): StaticHandler {
  const store = new FileStore(root, storeOptions);
  const config = { public: root, cleanUrls: false, directoryListing: false, symlinks: false, etag: false, headers: EXTRA_TYPES };
  const replays = new Map<string, Replay>();

  /** The precompressed siblings worth looking for, best first. */
  const siblings = (path: string, stats: Stats, encodings: Encoding[]): Encoding[] =>
    encodings.length > 0 && stats.isFile() && COMPRESSIBLE.test(path) ? encodings : [];

  /** The file's stats, and the precompressed sibling to send instead when the client accepts one. */
  const choose = async (path: string, encodings: Encoding[]): Promise<Chosen> => {
    const stats = await store.lstat(path);
    for (const encoding of siblings(path, stats, encodings)) {
      const variantPath = path + SUFFIX[encoding];
      const variantStats = await store.lstat(variantPath).catch(() => undefined);
      if (variantStats?.isFile()) return { stats, variant: { path: variantPath, encoding, stats: variantStats } };
    }
    return { stats };
  };

  /** choose() answered from fresh stat-cache entries alone (the replay's hot path awaits nothing), else undefined. */
  const chooseCached = (path: string, encodings: Encoding[]): Chosen | undefined => {
    const stats = store.peek(path);
    if (!stats) return undefined;
    for (const encoding of siblings(path, stats, encodings)) {
      const variantPath = path + SUFFIX[encoding];
      const variantStats = store.peek(variantPath);
      if (variantStats === undefined) return undefined;
      if (variantStats?.isFile()) return { stats, variant: { path: variantPath, encoding, stats: variantStats } };
    }
    return { stats };
  };

  /**
   * serve-handler resolves a URL afresh on every request; once a URL has been answered in full from memory,
   * the same answer is replayed while the files behind it are unchanged (checked against the stat cache), so
   * the hot path skips the resolution. Ranges and anything not held in memory always go through serve-handler.
   */
  const replay = (req: IncomingMessage, res: ServerResponse, key: string, encodings: Encoding[]): boolean | Promise<boolean> => {
    const hit = replays.get(key);
    if (!hit || req.headers.range !== undefined) return false;
    const cached = chooseCached(hit.path, encodings);
    if (cached) return replayIfCurrent(req, res, key, hit, cached);
    return choose(hit.path, encodings).then(
      (looked) => replayIfCurrent(req, res, key, hit, looked),
      () => replayIfCurrent(req, res, key, hit, undefined),
    );
  };

  const replayIfCurrent = (req: IncomingMessage, res: ServerResponse, key: string, hit: Replay, now: Chosen | undefined): boolean => {
    const sent = now?.variant ?? (now && { path: hit.path, stats: now.stats });
    if (!sent || sent.path !== hit.sent || versionKey(sent.stats) !== hit.version) {
      replays.delete(key);
      return false;
    }
    const notModified = isNotModified(req, hit.etag, hit.mtime);
    res.writeHead(notModified ? 304 : 200, hit.head);
    noteContentLength(res, hit.body.length);
    res.end(notModified || req.method === 'HEAD' ? undefined : hit.body);
    return true;
  };

  /** Resolution by serve-handler, with our file-system methods; a full in-memory answer is kept for replay. */
  const serve = async (req: IncomingMessage, res: ServerResponse, encodings: Encoding[], replayKey: string): Promise<void> => {
    setCommonHeaders(res); // a replayed answer has them in its stored head instead
    const variants = new Map<string, Variant>();
    const loaded = new Map<string, FileVersion>();
    // serve-handler answers any file-system error other than "not found" itself, with a console.error stack and
    // its own 500 page. So our methods never give it one: the error is held here, serve-handler is told "not
    // found", and sendError hands the held error to the app (logged, counted in errors_total, a 500).
    let failure: unknown;
    let streaming: Promise<unknown> | undefined;
    const hold = (err: unknown): unknown => {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return err;
      failure = err;
      return Object.assign(new Error('held for the app'), { code: 'ENOENT' });
    };

    const remember = (path: string, sent: string, stats: Stats, etag: string, body: Buffer): void => {
      if (res.statusCode !== 200 || req.method !== 'GET') return;
      if (replays.size >= MAX_REPLAYS) replays.clear();
      replays.set(replayKey, { path, sent, version: versionKey(stats), mtime: stats.mtime, etag, head: flatHead(res.getHeaders()), body });
    };

    const methods = {
      lstat: async (path: string): Promise<Stats> => {
        try {
          const { stats, variant } = await choose(path, encodings);
          // Read (or hash) the file now, so that createReadStream, whose errors serve-handler prints, cannot fail.
          if (stats.isFile()) loaded.set(path, await store.load(variant?.path ?? path, variant?.stats ?? stats));
          if (!variant) return stats;
          variants.set(path, variant);
          // serve-handler takes Content-Length from these stats: the compressed file's.
          return variant.stats;
        } catch (err) {
          throw hold(err);
        }
      },

      createReadStream: async (path: string, range: { start?: number; end?: number }): Promise<Readable> => {
        const variant = variants.get(path);
        const filePath = variant?.path ?? path;
        const stats = variant?.stats ?? (await store.lstat(path));
        if (COMPRESSIBLE.test(path)) res.setHeader('Vary', 'Accept-Encoding');
        if (variant) res.setHeader('Content-Encoding', variant.encoding);
        res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE);
        const file = loaded.get(path) ?? (await store.load(filePath, stats));
        res.setHeader('ETag', file.etag);
        // serve-handler writes the head with `res.statusCode || 200`, so setting 304 here is how a
        // revalidation ends there; a Range request is always answered in full or in part instead.
        if (range.start === undefined && isNotModified(req, file.etag, stats.mtime)) {
          res.statusCode = 304;
          return new BufferBody(EMPTY);
        }
        if (req.method === 'HEAD') return new BufferBody(EMPTY);
        const { body } = file;
        if (body && range.start === undefined) return new BufferBody(body, () => remember(path, filePath, stats, file.etag, body));
        if (body) return new BufferBody(body.subarray(range.start, (range.end ?? body.length - 1) + 1));
        const stream = createReadStream(filePath, range);
        // A client that goes away closes the file; a read error reaches the app through serve()'s promise.
        res.once('close', () => stream.destroy());
        streaming = new Promise((resolve, reject) => {
          stream.once('error', reject);
          stream.once('close', () => resolve(undefined));
        });
        return stream;
      },

      // Never reached with directoryListing and symlinks off; refusing keeps it so should that change.
      readdir: async (): Promise<string[]> => {
        throw Object.assign(new Error('directory listing is disabled'), { code: 'ENOENT' });
      },
      realpath: async (): Promise<string> => {
        throw Object.assign(new Error('symlinks are not followed'), { code: 'ENOENT' });
      },

      sendError: async (
        _absolutePath: string,
        response: ServerResponse,
        _acceptsJSON: boolean,
        _current: string,
        _handlers: unknown,
        _config: unknown,
        spec: { statusCode: number; message: string; err?: NodeJS.ErrnoException },
      ): Promise<void> => {
        const err = (spec.err ?? failure) as NodeJS.ErrnoException | undefined;
        if (err?.code === 'ECHANGED') {
          sendStatus(req, response, 503, 'Service Unavailable (the site is being rebuilt; retry)', { 'Retry-After': '1' });
          return;
        }
        if (err) throw err;
        if (spec.statusCode === 404 && (await sendNotFoundPage(req, response))) return;
        sendStatus(req, response, spec.statusCode, spec.statusCode === 404 ? 'Not Found' : spec.statusCode === 400 ? 'Bad Request' : spec.message);
      },
    };

    await serveHandler(req, res, config, methods as unknown as Parameters<typeof serveHandler>[3]);
    await streaming;
  };

  /**
   * The site's own 404 page (dist/404.html, written by `dash site`) for a browser; plain text for anything else
   * or a site built without one. Its links are relative to the site's root: a <base> climbs back there from the
   * depth of the missing path, which stays right behind a proxy that mounts the site under a sub-path.
   */
  const sendNotFoundPage = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (!(req.headers.accept ?? '').includes('text/html')) return false;
    const path = join(root, NOT_FOUND_FILE);
    const stats = await store.lstat(path).catch(() => undefined);
    if (!stats?.isFile()) return false;
    const { body } = await store.load(path, stats);
    if (!body) return false;
    const pathname = (req.url ?? '/').split('?')[0] as string;
    const depth = Math.max(0, pathname.split('/').length - 2);
    const html = depth === 0 ? body : Buffer.from(body.toString('utf8').replace('<head>', `<head>\n<base href="${'../'.repeat(depth)}">`));
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', REVALIDATE);
    res.setHeader('Content-Length', html.length);
    res.end(req.method === 'HEAD' ? undefined : html);
    return true;
  };

  return (req, res) => {
    const url = req.url as string;
    const q = url.indexOf('?');
    let pathname = q === -1 ? url : url.slice(0, q);
    if (pathname.endsWith('/')) {
      // A folder URL serves its index.html; the site's relative links then resolve against the folder.
      pathname += 'index.html';
      req.url = `${pathname}${q === -1 ? '' : url.slice(q)}`;
    } else if (!/\.[^/]*$/.test(pathname)) {
      // Clean URLs, as static hosts serve them: /equipment is equipment.html. The .html address stays valid
      // without a redirect (the site's own links use it, and work on any host), and pages name it as canonical.
      pathname += '.html';
      req.url = `${pathname}${q === -1 ? '' : url.slice(q)}`;
    }

    const encodings = acceptedEncodings(req.headers['accept-encoding'] as string | undefined);
    const replayKey = `${encodings.join(',')} ${pathname}`;
    const replayed = replay(req, res, replayKey, encodings);
    if (replayed === true) return undefined;
    if (replayed === false) return serve(req, res, encodings, replayKey);
    return replayed.then((done) => (done ? undefined : serve(req, res, encodings, replayKey)));
  };
}
