import { createReadStream, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import serveHandler from 'serve-handler';
import { DEFAULT_STORE_OPTIONS, FileStore, type StoreOptions } from './file-store.js';
import { sendStatus } from './respond.js';
import { HASHED_ASSET } from './security.js';

/** Types the site build precompresses (it writes `<file>.br` and `<file>.gz` beside them). */
const COMPRESSIBLE = /\.(?:html?|m?js|css|json|svg|txt|csv|xml|map|wasm|geojson|topojson)$/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything not content-hashed may be cached but must be revalidated (ETag → 304). */
export const REVALIDATE = 'no-cache';

export type Encoding = 'br' | 'gzip';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Encodings the client accepts, ours preferred: brotli, then gzip. `q=0` refuses; `*` accepts both. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
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

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Site files through serve-handler, which resolves the path (refusing anything outside `root` after decoding),
 * lists no directories, follows no symlinks, and handles ranges. Its file-system methods are ours: they pick
 * a precompressed sibling the client accepts, serve small files from memory, set caching headers and ETags
 * from the content, and answer 304 for a current client copy.
 */
export function createStaticHandler(root: string, storeOptions: StoreOptions = DEFAULT_STORE_OPTIONS): StaticHandler {
  const store = new FileStore(storeOptions);
  const config = { public: root, cleanUrls: false, directoryListing: false, symlinks: false, etag: false };

  return async (req, res) => {
    const url = req.url as string;
    // A folder URL serves its index.html; the site's relative links then resolve against the folder.
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    if (pathname.endsWith('/')) req.url = `${pathname}index.html${q === -1 ? '' : url.slice(q)}`;

    const encodings = acceptedEncodings(req.headers['accept-encoding'] as string | undefined);
    const variants = new Map<string, Variant>();

    const methods = {
      lstat: async (path: string): Promise<Stats> => {
        const stats = await store.lstat(path);
        if (encodings.length > 0 && stats.isFile() && COMPRESSIBLE.test(path)) {
          for (const encoding of encodings) {
            const variantPath = path + SUFFIX[encoding];
            const variantStats = await store.lstat(variantPath).catch(() => undefined);
            if (variantStats?.isFile()) {
              variants.set(path, { path: variantPath, encoding, stats: variantStats });
              // serve-handler takes Content-Length from these stats: the compressed file's.
              return variantStats;
            }
          }
        }
        return stats;
      },

      createReadStream: async (path: string, range: { start?: number; end?: number }): Promise<Readable> => {
        const variant = variants.get(path);
        const filePath = variant?.path ?? path;
        const stats = variant?.stats ?? (await store.lstat(path));
        if (COMPRESSIBLE.test(path)) res.setHeader('Vary', 'Accept-Encoding');
        if (variant) res.setHeader('Content-Encoding', variant.encoding);
        res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE);
        const file = await store.load(filePath, stats);
        res.setHeader('ETag', file.etag);
        // serve-handler writes the head with `res.statusCode || 200`, so setting 304 here is how a
        // revalidation ends there; a Range request is always answered in full or in part instead.
        if (range.start === undefined && isNotModified(req, file.etag, stats.mtime)) {
          res.statusCode = 304;
          return Readable.from([]);
        }
        if (req.method === 'HEAD') return Readable.from([]);
        if (file.body) {
          const body = range.start === undefined ? file.body : file.body.subarray(range.start, (range.end ?? file.body.length - 1) + 1);
          return Readable.from([body]);
        }
        return createReadStream(filePath, range);
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
        if (spec.err?.code === 'ECHANGED') {
          sendStatus(req, response, 503, 'Service Unavailable (the site is being rebuilt; retry)', { 'Retry-After': '1' });
          return;
        }
        if (spec.err) throw spec.err;
        sendStatus(req, response, spec.statusCode, spec.statusCode === 404 ? 'Not Found' : spec.statusCode === 400 ? 'Bad Request' : spec.message);
      },
    };

    await serveHandler(req, res, config, methods as unknown as Parameters<typeof serveHandler>[3]);
  };
}
