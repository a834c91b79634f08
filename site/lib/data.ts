import { decodeTable, type DecodedTable } from '../../src/site/columnar.js';
import type { PageMeta } from './meta.js';

export { DecodedTable } from '../../src/site/columnar.js';

/** A data asset that could not be fetched or read; the shell shows it as the page's error state. */
export class AssetError extends Error {
  constructor(
    readonly asset: string,
    message: string,
  ) {
    super(message);
    this.name = 'AssetError';
  }
}

async function fetchAsset(meta: PageMeta, name: string, kind: 'json' | 'columnar'): Promise<Response> {
  const ref = meta.assets[name];
  if (ref === undefined) throw new AssetError(name, `this build has no data asset "${name}" for the ${meta.title} page`);
  if (ref.kind !== kind) throw new AssetError(name, `data asset "${name}" is ${ref.kind}, not ${kind}`);
  let response: Response;
  try {
    response = await fetch(ref.url);
  } catch {
    throw new AssetError(name, `the data file ${ref.url} could not be downloaded (network error)`);
  }
  if (!response.ok) throw new AssetError(name, `the data file ${ref.url} is missing from this site (HTTP ${response.status}); rebuild it with \`dash site\``);
  return response;
}

export async function loadJson<T>(meta: PageMeta, name: string): Promise<T> {
  const response = await fetchAsset(meta, name, 'json');
  try {
    return (await response.json()) as T;
  } catch {
    throw new AssetError(name, `the data file ${response.url} is not valid JSON`);
  }
}

export async function loadTable(meta: PageMeta, name: string): Promise<DecodedTable> {
  const response = await fetchAsset(meta, name, 'columnar');
  try {
    return decodeTable(await response.arrayBuffer());
  } catch (err) {
    throw new AssetError(name, `the data file ${response.url} could not be read: ${(err as Error).message}`);
  }
}
