import { EXIT_FAILURE, EXIT_OK } from '../errors.js';
import { interruptible } from '../interrupt.js';
import { buildCaches, cacheExitCode, summarize, type CacheFlags } from './cache.js';
import { commandContext, writeJson, type Io } from './io.js';
import { buildSiteStep } from './site.js';

/** Caches (only the stale ones), then the site. A failed dataset still lets the others finish; the site needs them all. */
export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  return interruptible(io.stderr, 'the build', () => build(options as CacheFlags, io));
}

async function build(flags: CacheFlags, io: Io): Promise<number> {
  const context = await commandContext(io, flags);
  const reports = await buildCaches(context, flags);
  summarize(context, reports, false);
  const cachesOk = cacheExitCode(reports) === EXIT_OK;
  let site: unknown;
  if (cachesOk) {
    // A build of some datasets (--only) may be the first: the pages whose caches exist are built, the others skipped.
    site = await buildSiteStep(context, { skipMissing: flags.only !== undefined });
  } else {
    context.reporter.warn('site not built: fix the failed dataset(s) above and run `dash build` again');
  }
  if (flags.json) writeJson(io, { caches: reports, site: site ?? null });
  return cachesOk && site !== undefined ? EXIT_OK : EXIT_FAILURE;
}
