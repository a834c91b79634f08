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

/**
 * Sentry when SENTRY_DSN is set. The package (an optional dependency, ~95 MB and seconds to import) is
 * imported only then, so an unset DSN costs nothing; a DSN without the package logs a warning and carries on.
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
    logger.warn({ err }, 'SENTRY_DSN is set but @sentry/node is not installed (npm install @sentry/node); errors go to the log only');
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
