import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DashError } from '../errors.js';

/** The prebuilt browser bundle `npm run build` writes (scripts/bundle-site.mjs); paths are relative to its folder. */
export interface SiteBundle {
  /** Absolute folder holding bundle.json and assets/. */
  root: string;
  css: string;
  /** The classic script every page loads in <head> (site/boot). */
  boot: string;
  favicon: string;
  pages: Record<string, { script: string; preload: string[]; css: string[] }>;
  files: string[];
}

/** Two levels up from both src/site/ (tests) and lib/site/ (the compiled CLI) is the package root. */
export const BUNDLE_DIR = fileURLToPath(new URL('../../lib/site-assets/', import.meta.url));

/** The licences of what the bundle contains, written by the same build step at the package root. */
export const NOTICES_PATH = fileURLToPath(new URL('../../THIRD_PARTY_NOTICES', import.meta.url));

export async function loadBundle(root: string = BUNDLE_DIR): Promise<SiteBundle> {
  const path = `${root}bundle.json`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DashError(`site: the browser bundle is missing (${path}); run \`npm run build\` in the dash folder`);
  }
  const parsed = JSON.parse(text) as Omit<SiteBundle, 'root'>;
  return { ...parsed, root };
}
