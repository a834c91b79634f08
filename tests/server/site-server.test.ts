import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenError, rerunCommand } from '../../src/server/site-server.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function take(port: number): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return (server.address() as { port: number }).port;
}

const inUse = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });

describe('listenError', () => {
  it('suggests the next free port, in the form the server was started: npm start takes its flags after --', async () => {
    const port = await take(0);
    let next = port + 1;
    // The suggestion skips a taken neighbour.
    await take(next).catch(() => undefined);
    next += 1;
    const npm = await listenError(inUse, '127.0.0.1', port, rerunCommand({ npm_lifecycle_event: 'start' }, 'dash serve'));
    const suggested = Number(/--port (\d+)/.exec(npm.message)?.[1]);
    expect(suggested).toBeGreaterThanOrEqual(next);
    expect(npm.message).toBe(`serve: port ${port} on 127.0.0.1 is already in use (EADDRINUSE); choose another with \`npm start -- --port ${suggested}\``);
    const direct = await listenError(inUse, '127.0.0.1', port, rerunCommand({}, 'dash serve'));
    expect(direct.message).toBe(`serve: port ${port} on 127.0.0.1 is already in use (EADDRINUSE); choose another with \`dash serve --port ${suggested}\` or DASH_PORT`);
  });

  it('names the npm script that started the server, and the command otherwise', () => {
    expect(rerunCommand({ npm_lifecycle_event: 'start' }, 'dash serve')).toBe('npm start --');
    expect(rerunCommand({ npm_lifecycle_event: 'serve:prod' }, 'dash serve')).toBe('npm run serve:prod --');
    expect(rerunCommand({}, 'dash serve')).toBe('dash serve');
  });

  it('keeps other errors as they are', async () => {
    const other = Object.assign(new Error('boom'), { code: 'EIO' });
    expect(await listenError(other, '127.0.0.1', 1, 'dash serve')).toBe(other);
  });
});
