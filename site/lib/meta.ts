import { PAGE_META_ID, type PageMeta } from '../../src/site/contracts/meta.js';

export type { AssetRef, PageMeta } from '../../src/site/contracts/meta.js';

/** The build facts `dash site` put in the page (src/site/html.ts). */
export function readPageMeta(doc: Document = document): PageMeta {
  const block = doc.getElementById(PAGE_META_ID);
  if (block === null || block.textContent === null) throw new Error('this page has no build information (was it built by `dash site`?)');
  return JSON.parse(block.textContent) as PageMeta;
}
