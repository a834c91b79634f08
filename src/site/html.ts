import type { DatasetSummary } from './caches.js';
import { PAGE_META_ID, type PageMeta } from './contracts/meta.js';
import { listTitles, type DataNotice } from './data-notice.js';
import type { PageLink } from './page.js';

/** Text for HTML element content and double-quoted attributes: dataset strings are never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON inside a <script> data block: `<` escaped so no string in it can close the block. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function formatBuiltAt(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The licences of the libraries bundled into the site (THIRD_PARTY_NOTICES), linked from every footer. */
export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';

const SOURCE_LABEL = { full: 'full data', sample: 'sample files', demo: 'demo data' } as const;

export function describeSource(d: DatasetSummary): string {
  if (d.source === null) return 'not built';
  return `${SOURCE_LABEL[d.source]}, ${(d.rows ?? 0).toLocaleString('en-US')} rows`;
}

export interface PageHtml {
  meta: PageMeta;
  summary: string;
  nav: PageLink[];
  datasets: DatasetSummary[];
  css: string[];
  preload: string[];
  dataPreload: string[];
  script: string;
  /** The classic script run before the body is drawn: theme, file:// notice, Copy link (site/boot.ts). */
  boot: string;
  favicon: string;
  version: string;
  /** Datasets of this page that are demo data or sample files: a banner names them. */
  notice: DataNotice;
}

/** The banner at the top of a page built from demo data or sample files; nothing for a page of full data. */
export function renderDataNotice(notice: DataNotice): string {
  const e = escapeHtml;
  const parts: string[] = [];
  const are = (n: number): string => (n === 1 ? 'is' : 'are');
  if (notice.demo.length > 0) parts.push(`${e(listTitles(notice.demo))} ${are(notice.demo.length)} dash's built-in demo data: made-up figures, not the real dataset.`);
  if (notice.sample.length > 0) parts.push(`${e(listTitles(notice.sample))} ${are(notice.sample.length)} built from sample files: a part of the real dataset.`);
  if (parts.length === 0) return '';
  const heading = notice.demo.length > 0 ? 'Demo data' : 'Sample data';
  return `<aside class="data-notice" aria-label="${heading}"><strong>${heading}.</strong> ${parts.join(' ')} <a href="status.html">Status</a> lists each dataset's source.</aside>
`;
}

/**
 * Brand, navigation and the page tools (theme, Copy link), the same on every page and on the 404 page. On a narrow
 * screen the links fold behind a Menu button (a disclosure: site/boot wires it, site.css shows it only then).
 */
function siteHeader(nav: PageLink[], current: string | null): string {
  const e = escapeHtml;
  const links = nav.map((link) => `<li><a href="${e(link.href)}"${link.id === current ? ' aria-current="page"' : ''}>${e(link.title)}</a></li>`).join('');
  return `<header class="site-header">
<a class="brand" href="index.html" aria-label="dash home"><span class="brand-mark" aria-hidden="true"></span>dash</a>
<nav class="site-nav" aria-label="Pages"><button type="button" class="nav-toggle btn btn-ghost btn-small" aria-expanded="false" aria-controls="site-nav-list"><span class="nav-toggle-icon" aria-hidden="true"></span>Menu</button><ul id="site-nav-list">${links}</ul></nav>
<div class="site-tools"><label class="theme-choice"><span>Theme</span> <select class="theme-select select-small"><option value="system">System</option><option value="light">Light</option><option value="dark">Dark</option></select></label><button type="button" class="btn btn-ghost btn-small copy-link">Copy link</button><span class="copy-status sr-only" role="status"></span></div>
</header>`;
}

/**
 * The static frame of a page: landmarks, navigation and footer are in the HTML so they show before any script
 * runs; the page module fills #page-root. Every URL is relative, so the site works under any sub-path.
 */
export function renderPage(p: PageHtml): string {
  const e = escapeHtml;
  const sources = p.datasets.map((d) => `<li>${e(d.title)}: ${e(describeSource(d))}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark light">
<meta name="description" content="${e(p.summary)}">
<title>${e(p.meta.title)} · dash</title>
<link rel="icon" href="${e(p.favicon)}" type="image/svg+xml">
<link rel="canonical" href="${e(p.nav.find((link) => link.id === p.meta.page)?.href ?? 'index.html')}">
<script src="${e(p.boot)}"></script>
${p.css.map((href) => `<link rel="stylesheet" href="${e(href)}">`).join('\n')}
${p.preload.map((href) => `<link rel="modulepreload" href="${e(href)}">`).join('\n')}
${p.dataPreload.map((href) => `<link rel="preload" href="${e(href)}" as="fetch" crossorigin="anonymous">`).join('\n')}
<script type="module" src="${e(p.script)}"></script>
<script type="application/json" id="${PAGE_META_ID}">${jsonForScript(p.meta)}</script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
${siteHeader(p.nav, p.meta.page)}
<main id="main" tabindex="-1">
${renderDataNotice(p.notice)}<div class="page-head"><h1>${e(p.meta.title)}</h1><p class="lede">${e(p.summary)}</p></div>
<div id="page-root" class="page-root" aria-busy="true"><div class="state state-loading" role="status"><span class="spinner" aria-hidden="true"></span>Loading…</div></div>
<noscript><p class="state state-error">This page draws its charts with JavaScript; please enable it.</p></noscript>
</main>
<footer class="site-footer">
<p>Built <time datetime="${e(p.meta.builtAt)}">${e(formatBuiltAt(p.meta.builtAt))}</time> · dash ${e(p.version)} · <a href="${NOTICES_FILE}">Licences</a></p>
<div class="sources"><span>Data sources:</span><ul>${sources}</ul></div>
</footer>
</body>
</html>
`;
}

/** Where static hosts (Netlify, GitHub Pages, Cloudflare Pages, S3 as the error document) and dash serve look. */
export const NOT_FOUND_FILE = '404.html';

export interface NotFoundHtml {
  nav: PageLink[];
  /** The site stylesheet's text, inlined: a 404 can be answered at any depth, where relative links would miss. */
  css: string;
  boot: string;
  favicon: string;
  version: string;
}

/**
 * dist/404.html: the site's header and a way home, for dash serve and for static hosts that answer a missing path
 * with /404.html. Its links are relative to the site's root folder; dash serve adds a <base> for deeper paths.
 */
export function renderNotFound(p: NotFoundHtml): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark light">
<meta name="robots" content="noindex">
<title>Page not found · dash</title>
<link rel="icon" href="${e(p.favicon)}" type="image/svg+xml">
<script src="${e(p.boot)}"></script>
<style>${p.css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
${siteHeader(p.nav, null)}
<main id="main" tabindex="-1">
<div class="page-head"><h1>Page not found</h1><p class="lede">There is no page at this address. It may have been moved, or the link may be mistyped.</p></div>
<div class="page-root"><div class="card prose not-found"><p><a href="index.html">Go to the Overview</a>, or choose a page above.</p></div></div>
</main>
<footer class="site-footer">
<p>dash ${e(p.version)} · <a href="${NOTICES_FILE}">Licences</a></p>
</footer>
</body>
</html>
`;
}
