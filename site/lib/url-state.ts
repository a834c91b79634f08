/**
 * Filters live in the query string (P-8): reload and a shared link reproduce the view, back/forward step through
 * filter changes. The encoding is pure (tested in Node); UrlState binds it to the browser's history.
 *
 * Encoding: a list repeats its key (`?state=CA&state=TX`); a range is `lo..hi`; values equal to the default are
 * left out, so the plain page URL means "no filters". Unknown keys and malformed values fall back to the default.
 */

export type Field =
  | { kind: 'list'; default?: string[] }
  | { kind: 'string'; default?: string }
  | { kind: 'number'; default: number; min?: number; max?: number }
  | { kind: 'range'; default: [number, number] }
  | { kind: 'enum'; values: readonly string[]; default: string }
  | { kind: 'bool'; default?: boolean };

export type Schema = Record<string, Field>;

type ValueOf<F extends Field> = F extends { kind: 'list' }
  ? string[]
  : F extends { kind: 'string' }
    ? string
    : F extends { kind: 'number' }
      ? number
      : F extends { kind: 'range' }
        ? [number, number]
        : F extends { kind: 'enum' }
          ? string
          : boolean;

export type StateOf<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

function defaultOf(field: Field): unknown {
  switch (field.kind) {
    case 'list':
      return [...(field.default ?? [])];
    case 'string':
      return field.default ?? '';
    case 'range':
      return [...field.default];
    case 'bool':
      return field.default ?? false;
    default:
      return field.default;
  }
}

export function defaults<S extends Schema>(schema: S): StateOf<S> {
  return Object.fromEntries(Object.entries(schema).map(([key, field]) => [key, defaultOf(field)])) as StateOf<S>;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads a state from a query string ("?a=1&b=2" or "a=1"); anything unusable becomes the field's default. */
export function decodeState<S extends Schema>(schema: S, search: string): StateOf<S> {
  const params = new URLSearchParams(search);
  const state = defaults(schema) as Record<string, unknown>;
  for (const [key, field] of Object.entries(schema)) {
    const all = params.getAll(key);
    const raw = all[0];
    if (raw === undefined) continue;
    switch (field.kind) {
      case 'list':
        state[key] = [...new Set(all.filter((v) => v !== ''))];
        break;
      case 'string':
        state[key] = raw;
        break;
      case 'number': {
        const n = Number(raw);
        if (raw.trim() !== '' && Number.isFinite(n)) state[key] = Math.min(field.max ?? Infinity, Math.max(field.min ?? -Infinity, n));
        break;
      }
      case 'range': {
        const m = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)$/.exec(raw);
        if (m) {
          const lo = Number(m[1]);
          const hi = Number(m[2]);
          state[key] = lo <= hi ? [lo, hi] : [hi, lo];
        }
        break;
      }
      case 'enum':
        if (field.values.includes(raw)) state[key] = raw;
        break;
      case 'bool':
        state[key] = raw === '1' || raw === 'true';
        break;
    }
  }
  return state as StateOf<S>;
}

/** Writes a state as a query string ("" when everything is default, else "?…"); keys in schema order. */
export function encodeState<S extends Schema>(schema: S, state: StateOf<S>): string {
  const params = new URLSearchParams();
  const values = state as Record<string, unknown>;
  for (const [key, field] of Object.entries(schema)) {
    const value = values[key];
    if (value === undefined || same(value, defaultOf(field))) continue;
    if (field.kind === 'list') for (const v of value as string[]) params.append(key, v);
    else if (field.kind === 'range') params.set(key, `${(value as number[])[0]}..${(value as number[])[1]}`);
    else if (field.kind === 'bool') params.set(key, value ? '1' : '0');
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Keeps `search` params that the schema does not own (another component's, e.g. a table page), then the state. */
export function mergeSearch<S extends Schema>(schema: S, state: StateOf<S>, search: string): string {
  const foreign = new URLSearchParams(search);
  for (const key of Object.keys(schema)) foreign.delete(key);
  const own = encodeState(schema, state).replace(/^\?/, '');
  const text = [own, foreign.toString()].filter((s) => s !== '').join('&');
  return text === '' ? '' : `?${text}`;
}

/**
 * The browser binding: `state` is always what the URL says. `set` pushes a history entry (one per user action);
 * back/forward re-read the URL and notify subscribers, so the page redraws to the earlier filters.
 */
export class UrlState<S extends Schema> {
  readonly schema: S;
  private current: StateOf<S>;
  private readonly listeners = new Set<(state: StateOf<S>) => void>();

  constructor(schema: S) {
    this.schema = schema;
    this.current = decodeState(schema, window.location.search);
    window.addEventListener('popstate', () => {
      this.current = decodeState(schema, window.location.search);
      this.notify();
    });
  }

  get state(): StateOf<S> {
    return this.current;
  }

  /** Changes some fields; `replace` for changes that should not add a history step (e.g. typing in a search box). */
  set(patch: Partial<StateOf<S>>, options: { replace?: boolean } = {}): void {
    const next = { ...this.current, ...patch };
    if (same(next, this.current)) return;
    this.current = next;
    const search = mergeSearch(this.schema, next, window.location.search);
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    this.notify();
  }

  reset(): void {
    this.set(defaults(this.schema));
  }

  subscribe(listener: (state: StateOf<S>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.current);
  }
}
