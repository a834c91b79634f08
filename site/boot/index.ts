/**
 * The one classic (non-module) script of every page, loaded in <head> before the stylesheet is applied to a body:
 * - the theme is set on <html> before anything is drawn, so a remembered choice never flashes the other theme
 *   (the CSP allows no inline script, and a module script would run only after the first paint);
 * - a page opened from disk (file://) says why it cannot draw and what to run, instead of "Loading…" forever:
 *   browsers refuse module scripts and data fetches from file:// URLs;
 * - the header's theme switch, Copy link button and narrow-screen Menu button are wired up.
 * Bundled as an IIFE (scripts/bundle-site.mjs), so it must not import anything that needs the page modules.
 */
import { parseThemeChoice, resolveTheme, THEME_EVENT, THEME_KEY, type ThemeChoice } from '../lib/theme.js';

const light = window.matchMedia('(prefers-color-scheme: light)');

function storedChoice(): ThemeChoice {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_KEY));
  } catch {
    // Storage can be refused (privacy settings, some file:// pages): the system theme then.
    return 'system';
  }
}

function remember(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Not remembered across pages, but applied to this one.
  }
}

function apply(choice: ThemeChoice): void {
  const theme = resolveTheme(choice, light.matches);
  const root = document.documentElement;
  if (root.dataset.theme === theme) return;
  root.dataset.theme = theme;
  window.dispatchEvent(new Event(THEME_EVENT));
}

// Scripts run: the stylesheet may fold the page links into the Menu button on a narrow screen (site.css).
document.documentElement.classList.add('js');

let choice = storedChoice();
apply(choice);
light.addEventListener('change', () => apply(choice));
// Another tab changed the theme: follow it.
window.addEventListener('storage', (event) => {
  if (event.key !== THEME_KEY && event.key !== null) return;
  choice = storedChoice();
  apply(choice);
  const select = document.querySelector<HTMLSelectElement>('.theme-select');
  if (select) select.value = choice;
});

function fromDiskNotice(root: HTMLElement): void {
  const box = document.createElement('div');
  box.className = 'state state-error file-notice';
  box.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.textContent = 'Open this site through a web server';
  const why = document.createElement('p');
  why.textContent = 'This page was opened from a file on disk (file://). Browsers do not run the site’s scripts or let them read its data files from there, so the charts cannot be drawn.';
  const what = document.createElement('p');
  const serve = document.createElement('code');
  serve.textContent = 'dash serve';
  const python = document.createElement('code');
  python.textContent = 'python3 -m http.server -d dist';
  what.append('Run ', serve, ' in the dash folder and open the address it prints, or serve the dist folder with any static server, e.g. ', python, '.');
  box.append(title, why, what);
  root.replaceChildren(box);
  root.removeAttribute('aria-busy');
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Clipboard API needs a secure context (https or localhost): fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'sr-only';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

function wireTools(): void {
  const select = document.querySelector<HTMLSelectElement>('.theme-select');
  if (select) {
    select.value = choice;
    select.addEventListener('change', () => {
      choice = parseThemeChoice(select.value);
      remember(choice);
      apply(choice);
    });
  }
  const button = document.querySelector<HTMLButtonElement>('.copy-link');
  const status = document.querySelector<HTMLElement>('.copy-status');
  let reset: ReturnType<typeof setTimeout> | undefined;
  button?.addEventListener('click', () => {
    void copyText(window.location.href).then((copied) => {
      const message = copied ? 'Link copied' : 'Could not copy: copy the address bar instead';
      if (status) status.textContent = message;
      button.textContent = copied ? 'Copied' : 'Not copied';
      clearTimeout(reset);
      reset = setTimeout(() => {
        button.textContent = 'Copy link';
        if (status) status.textContent = '';
      }, 2500);
    });
  });
}

/** The narrow-screen Menu button: a disclosure of the page links; Escape, a click elsewhere or Tab out closes it. */
function wireMenu(): void {
  const nav = document.querySelector<HTMLElement>('.site-nav');
  const toggle = nav?.querySelector<HTMLButtonElement>('.nav-toggle');
  if (!nav || !toggle) return;
  const setOpen = (open: boolean): void => {
    nav.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    toggle.focus();
  });
  nav.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !nav.contains(event.relatedTarget)) setOpen(false);
  });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !nav.contains(event.target)) setOpen(false);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  wireTools();
  wireMenu();
  const root = document.getElementById('page-root');
  if (window.location.protocol === 'file:' && root) fromDiskNotice(root);
});
