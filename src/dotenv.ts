import { readFileSync } from 'node:fs';

/**
 * Parses `.env` text. Supports `export KEY=value`, single quotes (literal), double quotes (with \n, \t, \", \\
 * escapes, may span lines) and `#` comments after unquoted values — the cases the original's naive parser got wrong.
 */
export function parseDotenv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < src.length) {
    const lineEnd = src.indexOf('\n', i) === -1 ? src.length : src.indexOf('\n', i);
    const line = src.slice(i, lineEnd);
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*/.exec(line);
    if (!m) {
      i = lineEnd + 1;
      continue;
    }
    const key = m[1] as string;
    let j = i + m[0].length;
    const quote = src[j];
    if (quote === '"' || quote === "'") {
      let value = '';
      j++;
      while (j < src.length && src[j] !== quote) {
        if (quote === '"' && src[j] === '\\' && j + 1 < src.length) {
          const next = src[j + 1] as string;
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
          j += 2;
        } else {
          value += src[j];
          j++;
        }
      }
      out.set(key, value);
      const end = src.indexOf('\n', j);
      i = end === -1 ? src.length : end + 1;
    } else {
      const raw = src.slice(j, lineEnd);
      const hash = raw.search(/(^|\s)#/);
      out.set(key, (hash === -1 ? raw : raw.slice(0, hash)).trim());
      i = lineEnd + 1;
    }
  }
  return out;
}

/** Loads `path` into `env` without overriding variables that are already set. Returns the keys it set. */
export function loadDotenv(path: string, env: NodeJS.ProcessEnv): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const set: string[] = [];
  for (const [key, value] of parseDotenv(text)) {
    if (env[key] === undefined) {
      env[key] = value;
      set.push(key);
    }
  }
  return set;
}
