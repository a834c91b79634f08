/**
 * A `dash build` started before it is needed (steps.ts keeps one waiting): it loads the build's modules at once, then
 * waits for its arguments, one JSON line on stdin, and runs them as `dash <args>`. Loading those modules is ~0.3 s
 * of every rebuild that a fresh process pays after the change; a waiting one has paid it already.
 * The line never comes when `dash dev` stops or recompiles first: stdin then closes and the process exits.
 */
import { createInterface } from 'node:readline';
import { main } from '../cli/main.js';

await Promise.all([import('../cli/build.js'), import('../cache/builder.js'), import('../site/build.js'), import('../datasets/registry.js').then((m) => m.loadDatasets())]);
const lines = createInterface({ input: process.stdin });
const line = await new Promise<string | undefined>((resolve) => {
  lines.once('line', resolve);
  lines.once('close', () => resolve(undefined));
});
lines.close();
process.stdin.destroy();
if (line !== undefined) process.exitCode = await main([process.execPath, 'dash', ...(JSON.parse(line) as string[])]);
