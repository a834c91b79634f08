import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execForm, instructions, parseDockerfile, stage } from './parse.js';
import { cleanEnv, freePort, readRepoFile, REPO, run } from './repo.js';

// The script itself, against a stand-in server whose answers the test controls; tests/deploy/serve.test.ts
// runs the same command against a real `dash serve`.
let server: Server;
let port: number;
const seen: string[] = [];
let status = 200;

beforeAll(async () => {
  port = await freePort();
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: status === 200 ? 'healthy' : 'degraded' }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function healthcheck(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const [command, ...rest] = execForm(
    (instructions(stage(parseDockerfile(await readRepoFile('Dockerfile')), 'runtime'), 'HEALTHCHECK')[0]?.args ?? '').replace(/^CMD\s+/, ''),
  );
  const result = await run(command === 'node' ? process.execPath : (command as string), [...rest, ...args], { cwd: REPO, env: cleanEnv(env) });
  return { code: result.code, stderr: result.stderr };
}

describe('deploy/healthcheck.mjs (the image HEALTHCHECK)', () => {
  it('exits 0 on 200 from /health at DASH_PORT on loopback', async () => {
    status = 200;
    seen.length = 0;
    expect(await healthcheck({ DASH_PORT: String(port), DASH_HOST: '0.0.0.0' })).toEqual({ code: 0, stderr: '' });
    expect(seen).toEqual(['/health']);
  });

  it('exits 1 on 503 and says what the server answered', async () => {
    status = 503;
    const result = await healthcheck({ DASH_PORT: String(port) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`healthcheck: http://127.0.0.1:${port}/health answered 503: {"status":"degraded"}\n`);
  });

  it('asks another path when given one, and dials a specific bind address as it is', async () => {
    status = 200;
    seen.length = 0;
    expect((await healthcheck({ DASH_PORT: String(port), DASH_HOST: '127.0.0.1' }, ['/healthz'])).code).toBe(0);
    expect(seen).toEqual(['/healthz']);
  });

  it('exits 1 when nothing listens', async () => {
    const closed = await freePort();
    const result = await healthcheck({ DASH_PORT: String(closed) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^healthcheck: http://127\\.0\\.0\\.1:${closed}/health unreachable: .*ECONNREFUSED`));
  });
});
