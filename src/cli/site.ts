import { DashError } from '../errors.js';
import { commandContext, type CommandContext, type Io } from './io.js';

/** The site half of `dash build`; returns a summary for `--json`, or undefined when it did not build. */
export async function buildSiteStep(context: CommandContext): Promise<unknown> {
  context.reporter.info('site: not available yet (the static site arrives with the site issue); caches are built');
  return { skipped: 'not available yet' };
}

export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  await commandContext(io, options);
  throw new DashError('`dash site` is not available yet: the static site is built by a later release. `dash cache` builds the caches.');
}
