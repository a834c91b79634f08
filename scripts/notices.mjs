// THIRD_PARTY_NOTICES: the licences of the code dash redistributes. scripts/bundle-site.mjs calls it with the
// packages esbuild put into the site bundle (their code ships inside every built site, so their licence texts
// must travel with it); the runtime dependencies npm installs next to dash are listed from the lock file.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;

async function licenceText(dir) {
  const names = (await readdir(dir)).filter((n) => LICENCE_FILE.test(n)).sort();
  if (names.length === 0) throw new Error(`notices: ${dir} has no LICENSE file; a bundled package's licence text must be shipped`);
  return (await readFile(join(dir, names[0]), 'utf8')).trim();
}

/** Production packages of the lock file (what `npm install dash-analytics` adds), sorted by name. */
async function runtimePackages(root) {
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8'));
  const seen = new Map();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.devOptional || entry.optional || entry.link) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    seen.set(`${name}@${entry.version}`, { name, version: entry.version, license: entry.license ?? 'see the package' });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The package folder (`node_modules/<name>`, nested ones included) of a bundled input path, or undefined. */
export function packageDir(input) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1] : undefined;
}

/**
 * The notice text. `bundled` are package folders relative to `root` (see packageDir); the result depends only
 * on the installed packages and the lock file, so the committed file changes exactly when they do.
 */
export async function thirdPartyNotices(root, bundled) {
  const sections = [];
  const packages = [];
  for (const dir of new Set(bundled)) {
    const pkg = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
    packages.push({ dir: join(root, dir), pkg });
  }
  packages.sort((a, b) => a.pkg.name.localeCompare(b.pkg.name) || a.pkg.version.localeCompare(b.pkg.version));
  for (const { dir, pkg } of packages) {
    const name = pkg.name;
    if (typeof pkg.license !== 'string') throw new Error(`notices: ${name} declares no licence in its package.json`);
    const homepage = pkg.homepage ?? (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url) ?? '';
    sections.push(`${'-'.repeat(78)}\n${name} ${pkg.version} (${pkg.license})${homepage ? `\n${homepage}` : ''}\n\n${await licenceText(dir)}\n`);
  }
  const runtime = await runtimePackages(root);
  const width = Math.max(...runtime.map((p) => `${p.name} ${p.version}`.length));
  return [
    'THIRD-PARTY NOTICES for dash (npm package dash-analytics)',
    '',
    'dash itself is under the MIT licence (LICENSE). It uses the third-party software below.',
    '',
    '1. Bundled into every site that `dash site` / `dash build` writes (dist/assets/*.js): the browser',
    '   libraries below, minified. Their licence texts follow in full and are copied into each site as',
    '   THIRD_PARTY_NOTICES.txt. us-atlas holds TopoJSON derived from the U.S. Census Bureau\'s cartographic',
    '   boundary files, which are in the public domain.',
    '',
    ...sections,
    '-'.repeat(78),
    '2. Installed by npm next to dash (runtime dependencies, not bundled): each package carries its own',
    '   licence file in node_modules.',
    '',
    ...runtime.map((p) => `${`${p.name} ${p.version}`.padEnd(width)}  ${p.license}`),
    '',
  ].join('\n');
}
