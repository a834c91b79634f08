import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './repo.js';

// The runtime image runs `npm prune --omit=dev`, and the Kubernetes init container runs `dash build` in it:
// every package the compiled CLI can load must be a production dependency. (`npm test` compiles lib/ first.)

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Bare specifiers of static imports, re-exports and dynamic `import('…')` with a literal argument. */
function packageImports(source: string): string[] {
  const specs = new Set<string>();
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) specs.add(m[1] as string);
  return [...specs]
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string)));
}

describe('runtime dependencies', () => {
  it('the compiled CLI and the shipped scripts import only production dependencies and Node built-ins', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; name: string };
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules]);
    const files = [...filesUnder(join(REPO, 'lib'), /\.js$/).filter((f) => !f.includes(`${join('lib', 'site-assets')}`)), join(REPO, 'bin/dash.js'), join(REPO, 'deploy/healthcheck.mjs'), join(REPO, 'deploy/cache-key.mjs')];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) =>
      packageImports(readFileSync(file, 'utf8'))
        .filter((p) => !allowed.has(p))
        .map((p) => `${relative(REPO, file)} imports ${p}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the import scanner sees every kind of import (so the check above can fail)', () => {
    const source = `import a from 'pino';\nexport { b } from "@scope/pkg/sub";\nimport 'side-effect';\nconst c = await import('lazy-thing');\nimport d from './local.js';\nimport e from 'node:fs';`;
    expect(packageImports(source).sort()).toEqual(['@scope/pkg', 'lazy-thing', 'pino', 'side-effect']);
  });
});
