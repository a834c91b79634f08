#!/usr/bin/env node
// The CLI is compiled TypeScript in lib/. A package from npm always has it; a source checkout has it only after
// `npm run build` (`npm install` alone does not compile), so point there instead of at a stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  const folder = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`dash: the CLI is not compiled yet (no ${fileURLToPath(entry)}). In ${folder} run \`npm ci\`, then \`npm run build\`.\n`);
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
