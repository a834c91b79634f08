#!/usr/bin/env node
// The CLI is compiled TypeScript in lib/; point a newcomer at the build step instead of a stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('dash: the CLI is not compiled yet. Run `npm run build` (or `npm install`) first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
