import { describe, expect, it } from 'vitest';
import { loadSettings, resolvePaths } from '../src/config.js';
import { DashError } from '../src/errors.js';

describe('loadSettings', () => {
  it('uses development defaults', () => {
    expect(loadSettings({})).toEqual({
      env: 'development',
      host: '127.0.0.1',
      port: 8050,
      debug: true,
      logLevel: 'debug',
      logFormat: 'text',
      workers: 1,
      requestTimeoutSeconds: 120,
      sentryDsn: undefined,
      sentryTracesRate: undefined,
    });
  });

  it('switches defaults for production and maps Python level names', () => {
    const s = loadSettings({ DASH_ENV: 'production', DASH_LOG_LEVEL: 'WARNING' });
    expect([s.host, s.debug, s.logLevel, s.logFormat]).toEqual(['0.0.0.0', false, 'warn', 'json']);
  });

  it('accepts the gunicorn names as aliases, dash names first', () => {
    expect(loadSettings({ GUNICORN_WORKERS: '4', GUNICORN_TIMEOUT: '30' })).toMatchObject({ workers: 4, requestTimeoutSeconds: 30 });
    expect(loadSettings({ GUNICORN_WORKERS: '4', DASH_WORKERS: '2' }).workers).toBe(2);
  });

  it('reports every invalid value at once, naming variable and value', () => {
    let error: unknown;
    try {
      loadSettings({ DASH_PORT: '80a', DASH_LOG_FORMAT: 'xml', SENTRY_TRACES_RATE: '2', DASH_DEBUG: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DashError);
    const message = (error as DashError).message;
    expect((error as DashError).exitCode).toBe(2);
    expect(message).toContain('DASH_PORT must be a whole number from 0 to 65535 (found "80a")');
    expect(message).toContain('DASH_LOG_FORMAT must be text or json (found "xml")');
    expect(message).toContain('SENTRY_TRACES_RATE must be a number from 0 to 1 (found "2")');
    expect(message).toContain('DASH_DEBUG must be true or false (found "maybe")');
  });
});

describe('resolvePaths', () => {
  it('prefers flags, then environment, then defaults', () => {
    expect(resolvePaths({ cache: 'c' }, { DASH_DATASETS_DIR: '/data', DASH_CACHE_DIR: '/ignored' }, '/work')).toEqual({
      datasets: '/data',
      cache: '/work/c',
      out: '/work/dist',
    });
  });
});
