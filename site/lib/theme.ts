/**
 * The colour theme: the visitor's choice (system, light or dark), remembered in localStorage, resolved against the
 * system's prefers-color-scheme. Pure parts here (tested in Node); site/boot.ts applies them before first paint.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'dash-theme';
/** Fired on window when the theme changes, so charts that bake colours in can redraw. */
export const THEME_EVENT = 'dash:theme';

/** A stored value back to a choice; anything else (nothing stored, an old or edited value) is "system". */
export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as ThemeChoice) : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemPrefersLight: boolean): Theme {
  if (choice === 'system') return systemPrefersLight ? 'light' : 'dark';
  return choice;
}

/** The theme the page shows now (what data-theme says; dark, the default, when unset). */
export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}
