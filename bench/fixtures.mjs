// Full-size demo data for benchmarks, generated once into bench/data/ (git-ignored) with the real CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const dataDir = fileURLToPath(new URL('./data/datasets', import.meta.url));
const dash = fileURLToPath(new URL('../bin/dash.js', import.meta.url));

/** Writes `dash demo --scale full --only <names>` into bench/data/datasets unless a marker says it is there. */
export function ensureFullDemo(names) {
  mkdirSync(dataDir, { recursive: true });
  const marker = `${dataDir}/.full-${names.join('-')}`;
  if (existsSync(marker)) return dataDir;
  const result = spawnSync(process.execPath, [dash, 'demo', '--scale', 'full', '--force', '--only', names.join(','), '--datasets', dataDir], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`dash demo --scale full failed (${result.status})`);
  writeFileSync(marker, new Date().toISOString());
  return dataDir;
}

/**
 * Runs `node bin/dash.js ...args` (or another checkout's `bin`, e.g. a baseline commit's) under /usr/bin/time -v when
 * present, returning wall ms, CPU ms and peak RSS MiB.
 */
export function timeDash(args, env = {}, bin = dash) {
  const started = process.hrtime.bigint();
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-v', process.execPath, bin, ...args] : [bin, ...args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`dash ${args.join(' ')} failed:\n${result.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '');
  // CPU time (user + system): on a shared, loaded machine it is the figure that does not depend on the neighbours.
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr ?? '');
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr ?? '');
  const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
  return { wallMs, cpuMs, peakRssMiB: rss ? Number(rss[1]) / 1024 : undefined, stdout: result.stdout, stderr: result.stderr };
}

/** A TCP port free on loopback right now (a server started next takes it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers below 500; throws after 30 s, naming `what`. */
export async function waitFor(url, what) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    try {
      const res = await globalThis.fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error(`${what} did not answer ${url} within 30 s`);
}
