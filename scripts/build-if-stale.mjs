// `npm start`'s compile step: runs tsc (src/ → lib/) and the site bundle (site/ → lib/site-assets/) only when their
// sources changed since the last time this script built them. Sources are compared by content (a sha256 of every
// file, recorded in lib/.build-stamp.json), not by mtime: a fresh clone, a checkout or a CI cache restore changes
// mtimes and nothing else. `npm run build` always builds both.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampPath = join(root, 'lib', '.build-stamp.json');

/** One hash over the contents of `paths` (files, or folders taken whole), in a stable order. */
async function hashOf(paths) {
  const files = [];
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    const entries = await readdir(full, { recursive: true, withFileTypes: true }).catch(() => undefined);
    if (entries === undefined) files.push(full);
    else for (const e of entries) if (e.isFile()) files.push(join(e.parentPath ?? e.path, e.name));
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

// The toolchain's versions are in the lock file: a new TypeScript or esbuild rebuilds too.
const common = ['package.json', 'package-lock.json', 'tsconfig.base.json'];
const steps = [
  { name: 'tsc', sources: [...common, 'tsconfig.build.json', 'src'], output: 'lib/cli/main.js', command: [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'] },
  // The bundle imports src/ too (contracts, lookups shared by Node and the browser).
  { name: 'site bundle', sources: [...common, 'scripts/bundle-site.mjs', 'site', 'src'], output: 'lib/site-assets/bundle.json', command: [join(root, 'scripts', 'bundle-site.mjs')] },
];

const stamp = JSON.parse(await readFile(stampPath, 'utf8').catch(() => '{}'));
const next = {};
for (const step of steps) {
  const hash = await hashOf(step.sources);
  if (stamp[step.name] === hash && existsSync(join(root, step.output))) {
    console.error(`${step.name}: sources unchanged since the last build, skipped`);
    next[step.name] = hash;
    continue;
  }
  const ran = spawnSync(process.execPath, step.command, { cwd: root, stdio: 'inherit' });
  if (ran.status !== 0) process.exit(ran.status ?? 1);
  next[step.name] = hash;
}
await mkdir(dirname(stampPath), { recursive: true });
await writeFile(stampPath, `${JSON.stringify(next, null, 2)}\n`);
