// Bundles the browser code in site/ into lib/site-assets at compile time (`npm run build`), so `dash site` at
// run time only copies prebuilt, content-hashed files and needs no devDependencies (Plot and d3 are bundled in).
// Output: lib/site-assets/assets/* and lib/site-assets/bundle.json, which src/site/bundle.ts reads; and
// THIRD_PARTY_NOTICES at the package root, from the packages whose code esbuild put into the bundle (`dash site`
// copies it into every site).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { packageDir, thirdPartyNotices } from './notices.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'lib', 'site-assets');
const assets = join(out, 'assets');

// A page's entry is site/pages/<id>.ts, or site/pages/<id>/index.ts for a page split into several modules.
const pagesDir = join(root, 'site', 'pages');
const pageEntries = [];
for (const entry of (await readdir(pagesDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
  if (entry.isFile() && entry.name.endsWith('.ts')) pageEntries.push({ in: `site/pages/${entry.name}`, out: entry.name.slice(0, -3) });
  else if (entry.isDirectory() && existsSync(join(pagesDir, entry.name, 'index.ts'))) pageEntries.push({ in: `site/pages/${entry.name}/index.ts`, out: entry.name });
}
const entryPoints = [...pageEntries, { in: 'site/styles/site.css', out: 'site' }];

await rm(out, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  outdir: assets,
  bundle: true,
  minify: true,
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
};
const modules = await esbuild.build({ ...common, entryPoints, splitting: true, format: 'esm', chunkNames: 'chunk-[hash]' });
// site/boot runs as a classic script in <head> (theme before first paint, the file:// notice): one IIFE, no chunks.
const boot = await esbuild.build({ ...common, entryPoints: [{ in: 'site/boot/index.ts', out: 'boot' }], format: 'iife' });
const result = { metafile: { outputs: { ...modules.metafile.outputs, ...boot.metafile.outputs } } };

// dash serve caches `<name>.<hex>.<ext>` as immutable. esbuild's [hash] is 8 base32 characters (40 bits of a
// content hash that already covers the chunks a file imports); the same bits as 10 hex digits keep that identity.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const hexName = (file) =>
  file.replace(/-([A-Z2-7]{8})(\.[a-z]+)$/, (_, hash, ext) => {
    const bits = [...hash].map((c) => BASE32.indexOf(c).toString(2).padStart(5, '0')).join('');
    return `.${BigInt(`0b${bits}`).toString(16).padStart(10, '0')}${ext}`;
  });
const renames = new Map(Object.keys(result.metafile.outputs).map((file) => [file, hexName(file)]));
for (const [from, to] of renames) {
  let text = await readFile(join(root, from), 'utf8');
  for (const [a, b] of renames) text = text.split(basename(a)).join(basename(b));
  await writeFile(join(root, to), text);
  if (to !== from) await rm(join(root, from));
}
const rel = (p) => relative(out, join(root, renames.get(p) ?? p)).split('\\').join('/');
const outputs = result.metafile.outputs;
/** Static imports of an output, transitively: the chunks a page needs before it runs (modulepreload). */
const staticImports = (file, seen = new Set()) => {
  for (const imp of outputs[file]?.imports ?? []) {
    if (imp.kind === 'import-statement' && !seen.has(imp.path)) {
      seen.add(imp.path);
      staticImports(imp.path, seen);
    }
  }
  return seen;
};

const pages = {};
let css;
let bootScript;
for (const [file, info] of Object.entries(outputs)) {
  if (info.entryPoint === 'site/styles/site.css') css = rel(file);
  if (info.entryPoint === 'site/boot/index.ts') bootScript = rel(file);
  const match = /^site\/pages\/([a-z0-9-]+)(?:\.ts|\/index\.ts)$/.exec(info.entryPoint ?? '');
  if (match) {
    pages[match[1]] = {
      script: rel(file),
      preload: [...staticImports(file)].map(rel).sort(),
      css: info.cssBundle ? [rel(info.cssBundle)] : [],
    };
  }
}

const favicon = await readFile(join(root, 'site', 'styles', 'favicon.svg'));
const faviconName = `assets/favicon.${createHash('sha256').update(favicon).digest('hex').slice(0, 10)}.svg`;
await mkdir(assets, { recursive: true });
await writeFile(join(out, faviconName), favicon);

// Only inputs with bytes in an output count: a package that tree-shaking dropped entirely is not redistributed.
const bundledPackages = Object.values(outputs).flatMap((o) =>
  Object.entries(o.inputs)
    .filter(([, use]) => use.bytesInOutput > 0)
    .map(([input]) => packageDir(input))
    .filter((dir) => dir !== undefined),
);
await writeFile(join(root, 'THIRD_PARTY_NOTICES'), await thirdPartyNotices(root, bundledPackages));

const files = [...Object.keys(outputs).map(rel), faviconName].sort();
if (files.some((f) => !/\.[0-9a-f]{10}\.[a-z]+$/.test(f))) throw new Error(`bundle: unhashed output name in ${files.join(', ')}`);
await writeFile(join(out, 'bundle.json'), `${JSON.stringify({ bundleVersion: 1, css, boot: bootScript, favicon: faviconName, pages, files }, null, 2)}\n`);
console.log(`site bundle: ${Object.keys(pages).length} page(s), ${files.length} file(s) → ${relative(root, out)}`);
