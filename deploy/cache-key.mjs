#!/usr/bin/env node
// Prints a cache key for data_cache/ from `dash status --json` on stdin:
//   node bin/dash.js status --json | node deploy/cache-key.mjs
// The key is the sha256 of one line per dataset, sorted by name: "<name> <inputSha256, comma-joined>".
// So it changes exactly when an input file's content changes (or the demo data's identity, for a dataset
// without input), never with mtimes or paths of the checkout. Same result with jq:
//   jq -r '.datasets | sort_by(.name)[] | "\(.name) \(.inputSha256 | join(","))"' | sha256sum | cut -d' ' -f1
import { createHash } from 'node:crypto';

let text = '';
for await (const chunk of process.stdin) text += chunk;

let datasets;
try {
  datasets = JSON.parse(text).datasets;
} catch (err) {
  process.stderr.write(`cache-key: stdin is not the JSON of \`dash status --json\` (${err.message})\n`);
  process.exit(1);
}
if (!Array.isArray(datasets) || datasets.length === 0 || datasets.some((d) => typeof d?.name !== 'string' || !Array.isArray(d.inputSha256))) {
  process.stderr.write('cache-key: expected {"datasets": [{"name": ..., "inputSha256": [...]}, ...]} from `dash status --json`\n');
  process.exit(1);
}
const lines = datasets
  .map((d) => `${d.name} ${d.inputSha256.join(',')}\n`)
  .sort()
  .join('');
process.stdout.write(`${createHash('sha256').update(lines).digest('hex')}\n`);
