import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDatasets } from '../../src/datasets/registry.js';
import { envPairs, execForm, fences, instructions, parseDockerfile, stage } from './parse.js';
import { cleanEnv, documentedServe, freePort, readRepoFile, run, sandbox, yamlDocuments } from './repo.js';

// A real `dash serve` (started exactly as DEPLOYMENT.md shows it), probed the way Docker, Kubernetes and the
// guide's monitoring section do. The site and caches are stand-in files: the server only checks that they
// are there and readable, and this keeps the test independent of how long a real build takes.

interface Server {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  exited: Promise<number | null>;
}

let dir: string;
let server: Server | undefined;

beforeEach(async () => {
  dir = await sandbox();
});
afterEach(async () => {
  if (server) await stop(server.child, server.exited);
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function writeSiteAndCaches(options: { caches: boolean }): Promise<void> {
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'dist', 'index.html'), '<!doctype html><title>dash</title>\n');
  await mkdir(join(dir, 'data_cache'), { recursive: true });
  if (options.caches) {
    for (const module of await loadDatasets()) await writeFile(join(dir, 'data_cache', module.artefact), 'stand-in\n');
  }
}

/**
 * SIGTERM first: a cluster primary killed outright would leave its workers running. SIGKILL only if it has
 * not stopped within 10 s.
 */
async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the guide's serve command in the sandbox; `env` adds to the block's own assignments. */
async function startServe(env: Record<string, string> = {}): Promise<Server> {
  const { env: blockEnv, argv } = await documentedServe();
  const port = await freePort();
  const child = spawn(argv[0] === 'node' ? process.execPath : (argv[0] as string), argv.slice(1), {
    cwd: dir,
    // The port is always a free one, whatever the environment under test says.
    env: cleanEnv({ ...blockEnv, DASH_LOG_LEVEL: 'info', ...env, DASH_PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Up when it answers; a bounded wait, failing with what the server printed (and never leaving it running).
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`dash serve exited ${child.exitCode}: ${err}${out}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (attempt >= 300) {
      await stop(child, exited);
      throw new Error(`dash serve did not answer within 30 s: ${err}${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server = { child, port, stdout: () => out, exited };
  return server;
}

/** Waits (bounded) until the server has printed `fragment`: log lines may trail the first answer. */
async function printed(s: Server, fragment: string): Promise<void> {
  for (let attempt = 0; !s.stdout().includes(fragment); attempt++) {
    if (attempt >= 100) throw new Error(`dash serve never printed "${fragment}": ${s.stdout()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function dockerHealthcheck(port: number): Promise<number | null> {
  const check = instructions(stage(parseDockerfile(await readRepoFile('Dockerfile')), 'runtime'), 'HEALTHCHECK')[0];
  const [command, ...args] = execForm((check?.args ?? '').replace(/^CMD\s+/, ''));
  const result = await run(command === 'node' ? process.execPath : (command as string), args, { cwd: dir, env: cleanEnv({ DASH_PORT: String(port), DASH_HOST: '0.0.0.0' }) });
  return result.code;
}

async function probePaths(): Promise<{ readiness: string; liveness: string }> {
  const deployment = (await yamlDocuments('k8s/deployment.yaml'))[0] as {
    spec: { template: { spec: { containers: { readinessProbe: { httpGet: { path: string } }; livenessProbe: { httpGet: { path: string } } }[] } } };
  };
  const container = deployment.spec.template.spec.containers[0];
  return { readiness: container?.readinessProbe.httpGet.path ?? '', liveness: container?.livenessProbe.httpGet.path ?? '' };
}

const status = async (port: number, path: string): Promise<number> => (await fetch(`http://127.0.0.1:${port}${path}`)).status;

describe('against a real dash serve', () => {
  it('ready: the image HEALTHCHECK passes and both Kubernetes probes answer 200', async () => {
    await writeSiteAndCaches({ caches: true });
    const { port } = await startServe();
    const probes = await probePaths();
    expect(await dockerHealthcheck(port)).toBe(0);
    expect(await status(port, probes.readiness)).toBe(200);
    expect(await status(port, probes.liveness)).toBe(200);
    expect(await status(port, '/healthz')).toBe(200);
  });

  it('caches missing: HEALTHCHECK fails and readiness is 503, but liveness stays 200 (no restart loop)', async () => {
    await writeSiteAndCaches({ caches: false });
    const { port } = await startServe();
    const probes = await probePaths();
    expect(await dockerHealthcheck(port)).toBe(1);
    expect(await status(port, probes.readiness)).toBe(503);
    expect(await status(port, probes.liveness)).toBe(200);
  });

  it("with the image's production environment (4 workers): the HEALTHCHECK passes and SIGTERM stops all", async () => {
    await writeSiteAndCaches({ caches: true });
    const runtime = stage(parseDockerfile(await readRepoFile('Dockerfile')), 'runtime');
    const imageEnv = Object.assign({}, ...instructions(runtime, 'ENV').map((e) => envPairs(e.args))) as Record<string, string>;
    expect(imageEnv.DASH_WORKERS).toBe('4');
    const s = await startServe({ ...imageEnv, DASH_LOG_LEVEL: 'info' });
    expect(await dockerHealthcheck(s.port)).toBe(0);
    await printed(s, '"workers":4');
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 90_000);

  it('the documented serve command stops gracefully on SIGTERM with exit code 0', async () => {
    await writeSiteAndCaches({ caches: true });
    const s = await startServe({ DASH_LOG_FORMAT: 'json' });
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const messages = s.stdout().trim().split('\n').map((l) => (JSON.parse(l) as { message: string }).message);
    expect(messages.at(-1)).toBe('stopped');
  });
});

describe('DEPLOYMENT.md monitoring and logging match the real server', () => {
  /** `{a: {b: 1}}` → ['a', 'a.b']: the shape of a JSON document, without its values. */
  const shape = (value: unknown, prefix = ''): string[] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...shape(v, `${prefix}${k}.`)])
      : [];

  it('the /health example has the fields /health returns', async () => {
    await writeSiteAndCaches({ caches: true });
    const { port } = await startServe();
    const doc = await readRepoFile('DEPLOYMENT.md');
    const example = fences(doc).find((f) => f.lang === 'json' && f.body.includes('"all_caches_warm"'));
    const real = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, unknown>;
    expect(shape(JSON.parse(example?.body ?? 'null'))).toEqual(shape(real));
    expect(real.status).toBe('healthy');
  });

  it('/metrics answers JSON by default and Prometheus text both ways the guide names', async () => {
    await writeSiteAndCaches({ caches: true });
    const { port } = await startServe();
    await fetch(`http://127.0.0.1:${port}/health`);
    const json = (await (await fetch(`http://127.0.0.1:${port}/metrics`)).json()) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['counters', 'histograms', 'gauges']);
    const doc = await readRepoFile('DEPLOYMENT.md');
    expect(doc).toContain('`?format=prometheus`');
    expect(doc).toContain('`Accept: text/plain`');
    const viaQuery = await (await fetch(`http://127.0.0.1:${port}/metrics?format=prometheus`)).text();
    const viaAccept = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { accept: 'text/plain' } })).text();
    for (const text of [viaQuery, viaAccept]) expect(text).toMatch(/^# HELP dash_http_requests_total /m);
  });

  it('the JSON and text log examples are lines the server prints', async () => {
    await writeSiteAndCaches({ caches: true });
    const doc = await readRepoFile('DEPLOYMENT.md');
    const jsonExample = fences(doc).find((f) => f.lang === 'json' && f.body.startsWith('{"level":'));
    const textExample = fences(doc).find((f) => f.lang === 'text' && /^\[\d\d:\d\d:\d\d\.\d{3}\] /.test(f.body));

    const json = await startServe({ DASH_LOG_FORMAT: 'json', DASH_HOST: '127.0.0.1' });
    await printed(json, 'listening');
    const realJson = JSON.parse(json.stdout().split('\n')[0] as string) as Record<string, unknown>;
    const documented = JSON.parse(jsonExample?.body ?? 'null') as Record<string, unknown>;
    expect(Object.keys(documented)).toEqual(Object.keys(realJson));
    expect(documented.message).toBe(`dash serve listening on http://127.0.0.1:8050`);
    expect(realJson.message).toBe(`dash serve listening on http://127.0.0.1:${json.port}`);
    json.child.kill('SIGTERM');
    await json.exited;

    const text = await startServe({ DASH_LOG_FORMAT: 'text', DASH_HOST: '127.0.0.1' });
    await printed(text, 'cache:');
    // Same lines once the clock, the port and the sandbox folder are set aside.
    const normal = (s: string, port: number | string): string[] =>
      s
        .replace(/^\[\d\d:\d\d:\d\d\.\d{3}\]/gm, '[time]')
        .replaceAll(String(port), 'PORT')
        .replaceAll(dir, '/opt/dash')
        .split('\n')
        .slice(0, (textExample?.body ?? '').split('\n').length);
    expect(normal(text.stdout(), text.port)).toEqual(normal(textExample?.body ?? '', 8050));
  });
});
