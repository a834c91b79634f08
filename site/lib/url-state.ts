/**
 * Filters live in the query string (P-8): reload and a shared link reproduce the view, back/forward step through
 * filter changes. The encoding is pure (tested in Node); UrlState binds it to the browser's history.
 *
 * Encoding: a list repeats its key (`?state=CA&state=TX`); a range is `lo..hi`; values equal to the default are
 * left out, so the plain page URL means "no filters". Unknown keys belong to other components and are kept; a
 * malformed value falls back to the default and is reported (`readState(…).ignored`), and UrlState says so in the
 * page: a shared link that silently showed something else would mislead.
 */
import { showIgnoredNotice } from './address-notice.js';

export type Field =
  | {
      kind: 'list';
      default?: string[];
      /** The values a list may hold; others are reported as ignored. Without it, any value is kept. */
      values?: readonly string[];
      /** Another spelling to its value (e.g. a state's name to its code), tried when a value is not in `values`. */
      resolve?: (raw: string) => string | null;
    }
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

/** A value of the address that was not used, and what was expected instead. */
export interface IgnoredValue {
  key: string;
  value: string;
  expected: string;
}

/** Where a list's value is one of `values`: as given, through `resolve`, or ignoring case; else null. */
function listValue(field: Extract<Field, { kind: 'list' }>, raw: string): string | null {
  const values = field.values;
  if (!values || values.includes(raw)) return raw;
  const resolved = field.resolve?.(raw);
  if (resolved != null && values.includes(resolved)) return resolved;
  return values.find((v) => v.toLowerCase() === raw.trim().toLowerCase()) ?? null;
}

/**
 * Reads a state from a query string ("?a=1&b=2" or "a=1"): each unusable value becomes the field's default and
 * is listed in `ignored`; a number outside its bounds is clamped and listed too.
 */
export function readState<S extends Schema>(schema: S, search: string): { state: StateOf<S>; ignored: IgnoredValue[] } {
  const params = new URLSearchParams(search);
  const state = defaults(schema) as Record<string, unknown>;
  const ignored: IgnoredValue[] = [];
  const ignore = (key: string, value: string, expected: string): void => void ignored.push({ key, value, expected });
  for (const [key, field] of Object.entries(schema)) {
    const all = params.getAll(key);
    const raw = all[0];
    if (raw === undefined) continue;
    switch (field.kind) {
      case 'list': {
        const kept: string[] = [];
        for (const value of all.filter((v) => v !== '')) {
          const resolved = listValue(field, value);
          if (resolved === null) ignore(key, value, 'one of the choices the filter offers');
          else kept.push(resolved);
        }
        state[key] = [...new Set(kept)];
        break;
      }
      case 'string':
        state[key] = raw;
        break;
      case 'number': {
        const n = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(n)) {
          ignore(key, raw, 'a number');
          break;
        }
        const clamped = Math.min(field.max ?? Infinity, Math.max(field.min ?? -Infinity, n));
        if (clamped !== n) ignore(key, raw, `a number from ${field.min ?? '−∞'} to ${field.max ?? '∞'}; ${clamped} is used`);
        state[key] = clamped;
        break;
      }
      case 'range': {
        const m = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)$/.exec(raw);
        if (!m) {
          ignore(key, raw, `FROM..TO, e.g. ${field.default[0]}..${field.default[1]}`);
          break;
        }
        const lo = Number(m[1]);
        const hi = Number(m[2]);
        state[key] = lo <= hi ? [lo, hi] : [hi, lo];
        break;
      }
      case 'enum':
        if (field.values.includes(raw)) state[key] = raw;
        else ignore(key, raw, `one of ${field.values.join(', ')}`);
        break;
      case 'bool':
        if (['1', 'true', '0', 'false'].includes(raw)) state[key] = raw === '1' || raw === 'true';
        else ignore(key, raw, '1 or 0');
        break;
    }
  }
  return { state: state as StateOf<S>, ignored };
}

/** readState's state alone. */
export function decodeState<S extends Schema>(schema: S, search: string): StateOf<S> {
  return readState(schema, search).state;
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
 * back/forward re-read the URL and notify subscribers, so the page redraws to the earlier filters. Steps of one
 * slider (arrow keys, drags) while it keeps focus replace their entry: ten presses are one Back, not ten.
 * Values of the address it could not use are dropped from it and named in a notice on the page; other spellings
 * it could (a state's name for its code) are rewritten to the usual one.
 */
export class UrlState<S extends Schema> {
  readonly schema: S;
  private current: StateOf<S>;
  private readonly listeners = new Set<(state: StateOf<S>) => void>();
  /** The slider whose adjustment made the last history entry, until it loses focus. */
  private adjusting: Element | null = null;

  constructor(schema: S) {
    this.schema = schema;
    const { state, ignored } = readState(schema, window.location.search);
    this.current = state;
    // Rewritten only when this state's own part reads differently (a name for a code, a value dropped): the
    // order of other components' keys is theirs.
    const given = new URLSearchParams(window.location.search);
    const own = new URLSearchParams([...given].filter(([key]) => key in schema)).toString();
    if (own !== encodeState(schema, state).replace(/^\?/, '')) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${mergeSearch(schema, state, window.location.search)}${window.location.hash}`);
    }
    if (ignored.length > 0) showIgnoredNotice(ignored);
    window.addEventListener('popstate', () => {
      this.current = decodeState(schema, window.location.search);
      this.adjusting = null;
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
    const control = sliderInFocus();
    if (options.replace || (control !== null && control === this.adjusting)) window.history.replaceState(null, '', url);
    else {
      window.history.pushState(null, '', url);
      this.adjusting = control;
      control?.addEventListener('blur', () => {
        if (this.adjusting === control) this.adjusting = null;
      }, { once: true });
    }
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

/** The focused control if it is a slider (a range input or role=slider), else null. */
function sliderInFocus(): Element | null {
  const active = document.activeElement;
  return active instanceof Element && active.matches('input[type=range], [role=slider]') ? active : null;
}
