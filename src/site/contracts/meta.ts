/**
 * The JSON every page's HTML carries in <script type="application/json" id="dash-page"> (a data block, never
 * executed, so the CSP needs no inline-script allowance). Shared by the site build and the browser shell.
 */
export interface PageMeta {
  page: string;
  title: string;
  builtAt: string;
  /** Data assets by the name the page builder gave them; URLs are relative to the page. */
  assets: Record<string, AssetRef>;
}

export interface AssetRef {
  url: string;
  kind: 'json' | 'columnar';
  bytes: number;
}

export const PAGE_META_ID = 'dash-page';
