import { spawn } from 'node:child_process';
import { mkdtemp, readFile, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { fences, tableUnder, unquote } from './parse.js';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export function readRepoFile(path: string): Promise<string> {
  return readFile(join(REPO, path), 'utf8');
}

/** Every document of a YAML file, failing on any parse error (the `yaml` package reports, never guesses). */
export async function yamlDocuments(path: string): Promise<Record<string, unknown>[]> {
  const docs = parseAllDocuments(await readRepoFile(path));
  if (!Array.isArray(docs)) throw new Error(`${path}: empty YAML stream`);
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  return docs.map((d) => d.toJS({ maxAliasCount: 100 }) as Record<string, unknown>);
}

/** A single-document YAML file with `<<` merge keys resolved (Compose's x- anchors use them). */
export async function yamlFile<T = Record<string, unknown>>(path: string): Promise<T> {
  return parse(await readRepoFile(path), { merge: true, strict: true }) as T;
}

/** The `serve` block of DEPLOYMENT.md: its environment assignments and the command itself. */
export async function documentedServe(): Promise<{ env: Record<string, string>; argv: string[] }> {
  const blocks = fences(await readRepoFile('DEPLOYMENT.md')).filter((f) => f.lang === 'bash' && f.tags.includes('serve'));
  if (blocks.length !== 1) throw new Error(`DEPLOYMENT.md: expected one \`bash serve\` block, found ${blocks.length}`);
  const words = (blocks[0]?.body ?? '').trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^\w+=/.test(words[0] as string)) {
    const [key, ...value] = (words.shift() as string).split('=');
    env[key as string] = value.join('=');
  }
  return { env, argv: words };
}

/** The settings table's Production column, for the rows that give a literal value (`code`). */
export async function productionSettings(): Promise<Record<string, string>> {
  const rows = tableUnder(await readRepoFile('DEPLOYMENT.md'), 'Environment variables');
  const out: Record<string, string> = {};
  for (const row of rows) {
    const value = row.Production ?? '';
    if (/^`[^`]*`$/.test(value)) out[unquote(row.Variable ?? '')] = unquote(value);
  }
  return out;
}

/**
 * A folder laid out like the runtime image (bin/, lib/, node_modules, package.json, deploy/ from this
 * checkout, linked) with its own empty datasets/, data_cache/ and dist/ defaults, so documented commands run
 * exactly as written without touching the checkout.
 */
export async function sandbox(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dash-deploy-'));
  for (const entry of ['bin', 'lib', 'node_modules', 'package.json', 'deploy']) {
    await symlink(join(REPO, entry), join(dir, entry));
  }
  return dir;
}

/** The test process's environment without dash settings, so only what a test sets applies. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(DASH_|GUNICORN_|SENTRY_)/.test(key)) env[key] = value;
  }
  return { ...env, CI: 'true', ...extra };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePromise(address.port) : reject(new Error('no port'))));
    });
  });
}
