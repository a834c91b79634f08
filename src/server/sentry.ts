import type { Settings } from '../config.js';
import type { Logger } from '../log.js';
import { DASH_VERSION } from '../version.js';

/** Where unexpected errors go besides the log. */
export interface ErrorTracker {
  capture(err: unknown, context?: Record<string, string>): void;
  /** Sends what is queued; called before the process exits. */
  flush(timeoutMs: number): Promise<void>;
}

export const NO_TRACKING: ErrorTracker = {
  capture: () => undefined,
  flush: async () => undefined,
};

/** The part of @sentry/node dash uses. */
export interface SentryModule {
  init(options: Record<string, unknown>): unknown;
  captureException(err: unknown, hint?: { extra?: Record<string, unknown> }): unknown;
  flush(timeoutMs?: number): Promise<boolean>;
}

// A variable specifier keeps TypeScript from requiring the optional package at compile time.
const SENTRY_PACKAGE = '@sentry/node';
const importSentry = async (): Promise<SentryModule> => (await import(SENTRY_PACKAGE)) as SentryModule;

/** Node's error for a package that is not installed, as opposed to one that fails while loading. */
function isMissingPackage(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException;
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && String(e.message).includes(SENTRY_PACKAGE);
}

/**
 * Sentry when SENTRY_DSN is set. The package is no dependency of dash (~95 MB and seconds to import): the
 * operator installs it (`npm install @sentry/node`, or the image's SENTRY=true), and it is imported only when a
 * DSN is set, so an unset DSN costs nothing. A DSN without the package is reported at start-up, never ignored.
 */
export async function createErrorTracker(
  settings: Pick<Settings, 'sentryDsn' | 'sentryTracesRate' | 'env'>,
  logger: Logger,
  load: () => Promise<SentryModule> = importSentry,
): Promise<ErrorTracker> {
  if (!settings.sentryDsn) return NO_TRACKING;
  let sentry: SentryModule;
  try {
    sentry = await load();
  } catch (err) {
    if (isMissingPackage(err)) {
      logger.warn(
        'SENTRY_DSN is set but @sentry/node is not installed, so errors are NOT sent to Sentry (only logged). Install it next to dash: `npm install @sentry/node` (or `npm install -g @sentry/node` beside a global dash), or build the image with --build-arg SENTRY=true',
      );
    } else {
      logger.warn({ err }, 'SENTRY_DSN is set but @sentry/node failed to load, so errors are NOT sent to Sentry (only logged)');
    }
    return NO_TRACKING;
  }
  sentry.init({
    dsn: settings.sentryDsn,
    environment: settings.env,
    release: `dash@${DASH_VERSION}`,
    // The seed's default when SENTRY_TRACES_RATE is unset.
    tracesSampleRate: settings.sentryTracesRate ?? 0.1,
    sendDefaultPii: false,
  });
  logger.info({ environment: settings.env }, 'Sentry error tracking enabled');
  return {
    capture: (err, context) => {
      sentry.captureException(err, context ? { extra: context } : undefined);
    },
    flush: async (timeoutMs) => {
      await sentry.flush(timeoutMs);
    },
  };
}
