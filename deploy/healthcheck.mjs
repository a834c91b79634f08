#!/usr/bin/env node
/* global fetch, AbortSignal */
// Container health check for `dash serve`, run by node itself because slim images ship no curl or wget.
//   node deploy/healthcheck.mjs            → GET /health (readiness: 200 healthy, 503 degraded)
//   node deploy/healthcheck.mjs /healthz   → liveness only
// Exit 0 when the answer is 2xx, 1 otherwise (Docker's contract), with one line on stderr saying why.

const path = process.argv[2] ?? '/health';
const port = process.env.DASH_PORT || '8050';
// A wildcard bind address is reachable on loopback; a specific one must be dialled as it is.
const bound = (process.env.DASH_HOST || '').trim();
const host = bound === '' || bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound.includes(':') ? `[${bound}]` : bound;
const url = `http://${host}:${port}${path}`;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) {
    const body = (await response.text()).slice(0, 300);
    process.stderr.write(`healthcheck: ${url} answered ${response.status}: ${body}\n`);
    process.exit(1);
  }
  process.exit(0);
} catch (err) {
  process.stderr.write(`healthcheck: ${url} unreachable: ${err instanceof Error ? (err.cause?.message ?? err.message) : String(err)}\n`);
  process.exit(1);
}
