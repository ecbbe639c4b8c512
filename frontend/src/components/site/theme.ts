/**
 * A site's theme as CSS custom properties: each colour as `r g b` channels (what Tailwind's
 * `rgb(var(--x) / <alpha-value>)` needs) plus an `on-*` text colour chosen for contrast, so a tenant picking
 * a pale primary still gets legible buttons.
 */
export interface ThemeColors {
  primary: string;
  secondary: string;
  accent: string;
  background: string;
  text: string;
}

type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  const value = Number.parseInt(full, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** WCAG relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [15, 23, 42];

/** White or near-black, whichever reads better on `background`. */
export function readableOn(background: Rgb): Rgb {
  const l = luminance(background);
  return contrast(l, luminance(WHITE)) >= contrast(l, luminance(INK)) ? WHITE : INK;
}

const channels = (rgb: Rgb) => rgb.join(' ');

/** Per colours object: a site's chrome keeps one while its content is unchanged, and every page needs it. */
const styles = new WeakMap<ThemeColors, string>();

export function themeStyle(colors: ThemeColors): string {
  let style = styles.get(colors);
  if (style === undefined) {
    style = buildThemeStyle(colors);
    styles.set(colors, style);
  }
  return style;
}

function buildThemeStyle(colors: ThemeColors): string {
  const primary = hexToRgb(colors.primary);
  const secondary = hexToRgb(colors.secondary);
  const accent = hexToRgb(colors.accent);
  return [
    `--color-primary: ${channels(primary)}`,
    `--color-on-primary: ${channels(readableOn(primary))}`,
    `--color-secondary: ${channels(secondary)}`,
    `--color-on-secondary: ${channels(readableOn(secondary))}`,
    `--color-accent: ${channels(accent)}`,
    `--color-on-accent: ${channels(readableOn(accent))}`,
    `--color-surface: ${channels(hexToRgb(colors.background))}`,
    `--color-ink: ${channels(hexToRgb(colors.text))}`,
  ].join('; ');
}
