/**
 * WCAG 2 contrast between colours as a browser's getComputedStyle reports them (rgb(), rgba(), color(srgb …),
 * #hex). Pure: the browser audit reads a tooltip's text colour and the stack of backgrounds under it, and this
 * module flattens the translucent ones onto what lies beneath before measuring.
 */
export interface Rgba {
  /** 0–255 */
  r: number;
  g: number;
  b: number;
  /** 0–1 */
  a: number;
}

/** Parses a computed CSS colour; throws on a form it does not know, so an audit never measures a guess. */
export function parseColor(text: string): Rgba {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3,8})$/.exec(value);
  if (hex) {
    const digits = hex[1] as string;
    const full = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits;
    if (full.length !== 6 && full.length !== 8) throw new Error(`not a colour: ${text}`);
    const byte = (i: number): number => parseInt(full.slice(i, i + 2), 16);
    return { r: byte(0), g: byte(2), b: byte(4), a: full.length === 8 ? byte(6) / 255 : 1 };
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(value);
  if (rgb) {
    const parts = (rgb[1] as string).split(/[\s,/]+/).filter(Boolean).map(Number);
    if (parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`not a colour: ${text}`);
    return { r: parts[0] as number, g: parts[1] as number, b: parts[2] as number, a: parts[3] ?? 1 };
  }
  // color-mix(in srgb, …) computes to color(srgb r g b / a) with channels 0–1.
  const srgb = /^color\(srgb\s+([^)]+)\)$/.exec(value);
  if (srgb) {
    const parts = (srgb[1] as string).split(/[\s/]+/).filter(Boolean).map(Number);
    if (parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`not a colour: ${text}`);
    return { r: (parts[0] as number) * 255, g: (parts[1] as number) * 255, b: (parts[2] as number) * 255, a: parts[3] ?? 1 };
  }
  throw new Error(`not a colour this audit can read: ${text}`);
}

/** `top` painted over the opaque `bottom` (source-over). */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number): number => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/**
 * The colour seen through a stack of layers, listed from the nearest (the element's own background) to the
 * farthest (the page); the farthest must be opaque, or white is assumed under it as browsers do.
 */
export function flatten(layers: readonly string[]): Rgba {
  let seen: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of [...layers].reverse()) seen = composite(parseColor(layer), seen);
  return seen;
}

export function relativeLuminance(color: Rgba): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

/** WCAG contrast ratio, 1–21. Text with alpha is first painted over the background. */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const fg = foreground.a < 1 ? composite(foreground, background) : foreground;
  const [light, dark] = [relativeLuminance(fg), relativeLuminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
