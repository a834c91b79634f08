import { PAGE_META_ID } from '../site/contracts/meta.js';

/** Where `dash dev` answers its own requests; nothing under it exists in dist/ or in `dash serve`. */
export const DEV_PREFIX = '/__dash/';
export const DEV_EVENTS = `${DEV_PREFIX}events`;
export const DEV_CLIENT = `${DEV_PREFIX}dev.js`;
export const OVERLAY_ID = 'dash-dev-overlay';

/**
 * The script `dash dev` adds to every page it serves (and only there): it listens to the dev server's events and
 * reloads the page when a rebuild touched it (location.reload keeps the URL, so filters in the query stay), and
 * shows a failed build over the page until the next good one. Plain ES2017 served as is: it must not depend on
 * the site bundle, which may be the thing that is broken.
 */
export const CLIENT_SCRIPT = `(() => {
  const script = document.currentScript;
  const loadedBuild = Number(script && script.dataset.build);
  const metaBlock = document.getElementById(${JSON.stringify(PAGE_META_ID)});
  let page = null;
  try { page = metaBlock ? JSON.parse(metaBlock.textContent).page : null; } catch (e) { page = null; }
  const OVERLAY = ${JSON.stringify(OVERLAY_ID)};

  const hide = () => { const old = document.getElementById(OVERLAY); if (old) old.remove(); };
  const show = (failure) => {
    hide();
    const box = document.createElement('div');
    box.id = OVERLAY;
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-labelledby', OVERLAY + '-title');
    Object.assign(box.style, { position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', padding: '32px',
      background: 'rgba(20, 6, 6, 0.97)', color: '#ffe9e9', font: '15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' });
    const title = document.createElement('h2');
    title.id = OVERLAY + '-title';
    title.textContent = 'dash dev: the ' + failure.step + ' build failed — the last good site is shown';
    Object.assign(title.style, { margin: '0 0 12px', font: 'bold 18px/1.3 system-ui, sans-serif', color: '#ff9b9b' });
    const where = document.createElement('p');
    where.className = OVERLAY + '-location';
    where.textContent = failure.file === null ? '(no file named)' : failure.file + (failure.line === null ? '' : ':' + failure.line + (failure.column === null ? '' : ':' + failure.column));
    Object.assign(where.style, { margin: '0 0 8px', fontWeight: 'bold', overflowWrap: 'anywhere' });
    const message = document.createElement('pre');
    message.className = OVERLAY + '-message';
    message.textContent = failure.message;
    Object.assign(message.style, { margin: '0 0 16px', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' });
    const note = document.createElement('p');
    note.textContent = 'Fix it and save: this goes away with the next good build.';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    close.addEventListener('click', hide);
    box.append(title, where, message, note, close);
    document.body.append(box);
    close.focus();
  };

  // Connected once the page has drawn (its root no longer busy, then an idle moment), naming its page and build:
  // the dev server compresses a rebuild's files only when its reloaded pages are back, so brotli never slows a
  // reload. A rebuild announced before then is caught by hello's build number. A page whose script fails, or never
  // ends its busy state, connects all the same (on the error, or after a few seconds), so it still gets the overlay.
  let connected = false;
  const connect = () => {
    if (connected) return;
    connected = true;
    const query = '?page=' + encodeURIComponent(page === null ? '' : page) + '&build=' + loadedBuild;
    const events = new EventSource(${JSON.stringify(DEV_EVENTS)} + query);
    const data = (event) => JSON.parse(event.data);
    events.addEventListener('hello', (event) => {
      const state = data(event);
      if (state.build !== loadedBuild) location.reload();
      else if (state.failure) show(state.failure);
    });
    events.addEventListener('reload', (event) => {
      const change = data(event);
      hide();
      if (page === null || change.pages.indexOf(page) !== -1) location.reload();
    });
    events.addEventListener('failed', (event) => show(data(event)));
    events.addEventListener('recovered', hide);
  };
  const idle = (then) => (window.requestIdleCallback ? window.requestIdleCallback(then, { timeout: 1000 }) : setTimeout(then, 0));
  const whenDrawn = () => {
    const root = document.getElementById('page-root');
    if (root === null || !root.hasAttribute('aria-busy')) return idle(connect);
    const watch = new MutationObserver(() => {
      if (root.hasAttribute('aria-busy')) return;
      watch.disconnect();
      idle(connect);
    });
    watch.observe(root, { attributes: true, attributeFilter: ['aria-busy'] });
    setTimeout(() => {
      watch.disconnect();
      connect();
    }, 3000);
  };
  // A script or file that fails to load or run (a broken bundle) may leave the page busy: connect at once.
  window.addEventListener('error', connect, true);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenDrawn);
  else whenDrawn();
})();
`;

/** The tag added before </head>: the build the page was served from, so a page that missed a rebuild reloads. */
export function injectClient(html: string, build: number): string {
  const tag = `<script src="${DEV_CLIENT}" data-build="${build}"></script>\n`;
  const at = html.indexOf('</head>');
  return at === -1 ? tag + html : html.slice(0, at) + tag + html.slice(at);
}
