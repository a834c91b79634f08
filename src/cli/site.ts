import { EXIT_OK } from '../errors.js';
import { interruptible } from '../interrupt.js';
import { buildSite, type SiteReport } from '../site/build.js';
import { commandContext, writeJson, type CommandContext, type Io } from './io.js';

/** The site half of `dash build`: the report for `--json`. Errors (a missing cache, a failed page) propagate. */
export async function buildSiteStep(context: CommandContext, options: { skipMissing?: boolean } = {}): Promise<SiteReport> {
  const report = await buildSite({ paths: context.paths, reporter: context.reporter, now: context.io.now(), skipMissing: options.skipMissing, ready: context.io.siteReady });
  for (const page of report.skipped) {
    context.reporter.warn(`site: ${page.title} page skipped: no ${page.missing.join(', ')} cache yet; \`dash build --only ${page.missing.join(',')}\` adds it`);
  }
  const seconds = `${(report.durationMs / 1000).toFixed(1)} s`;
  if (report.upToDate) {
    context.reporter.info(`site: up to date, nothing written (${report.pages.length} pages unchanged in ${report.out}; ${seconds})`);
  } else {
    const kept = report.pages.length - report.rebuilt.length;
    const which = kept === 0 ? `${report.pages.length} pages` : `${report.rebuilt.length} of ${report.pages.length} pages rebuilt (${report.rebuilt.join(', ')}), ${kept} unchanged`;
    context.reporter.info(`site: ${which}, ${report.files} files (${(report.bytes / 1_048_576).toFixed(1)} MB) in ${report.out} (${seconds})`);
  }
  return report;
}

export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  return interruptible(io.stderr, 'the site build', async () => {
    const context = await commandContext(io, options);
    const report = await buildSiteStep(context);
    if (options.json) writeJson(io, report);
    return EXIT_OK;
  });
}
