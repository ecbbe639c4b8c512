import { createHash } from 'node:crypto';
import { escapeHtml } from '@spark/core';
import { hexToRgb, readableOn, type ThemeColors } from '../../../components/site/theme.js';

/**
 * The 1200 × 630 share card (og:image) of a site or an article, as SVG: the site's colours, its name and the
 * title in Inter. Pure: `ogCardVersion` names exactly what `ogCardSvg` draws, so the image URL carries it and
 * the PNG can be cached forever under it (a new title or theme is a new URL).
 */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Bump when the drawing changes, so cached PNGs of the old design are not served under the new one. */
const DESIGN = 1;

export interface OgCard {
  siteName: string;
  title: string;
  /** A short line above the title (the site's tagline on its own card, the service area on an article's). */
  eyebrow: string | null;
  colors: Pick<ThemeColors, 'primary' | 'secondary' | 'accent'>;
}

const TITLE_SIZE = 64;
const TITLE_LINE = 78;
/** Inter Bold averages a little over half an em per character; 30 at 64 px fill the 1040 px text column. */
const TITLE_CHARS_PER_LINE = 30;
const TITLE_MAX_LINES = 4;

/** Breaks text into at most `maxLines` lines of about `perLine` characters, at spaces; a cut ends with "…". */
export function wrapText(text: string, perLine: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const [index, word] of words.entries()) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= perLine || line === '') {
      line = candidate.length > perLine ? `${candidate.slice(0, perLine - 1)}…` : candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      const last = lines.pop() ?? '';
      lines.push(index < words.length ? `${last.replace(/[\s,.;:!?-]+$/, '')}…` : last);
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function ogCardVersion(card: OgCard): string {
  const inputs = JSON.stringify([DESIGN, card.siteName, card.title, card.eyebrow, card.colors]);
  return createHash('sha256').update(inputs).digest('hex').slice(0, 16);
}

export function ogCardSvg(card: OgCard): string {
  // The theme's colours are validated hex; escaped all the same, since they land in attributes.
  const primary = escapeHtml(card.colors.primary);
  const secondary = escapeHtml(card.colors.secondary);
  const accent = escapeHtml(card.colors.accent);
  const ink = `rgb(${readableOn(hexToRgb(card.colors.secondary)).join(',')})`;
  const titleLines = wrapText(card.title, TITLE_CHARS_PER_LINE, TITLE_MAX_LINES);
  const titleTop = 300 - ((titleLines.length - 1) * TITLE_LINE) / 2;
  const title = titleLines
    .map((line, i) => `<tspan x="80" y="${titleTop + i * TITLE_LINE}">${escapeHtml(line)}</tspan>`)
    .join('');
  const eyebrow = card.eyebrow ? wrapText(card.eyebrow, 60, 1)[0] : null;
  const siteName = wrapText(card.siteName, 40, 1)[0] ?? '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">`,
    '<defs><radialGradient id="glow" cx="0.95" cy="-0.1" r="0.9">',
    `<stop offset="0" stop-color="${primary}" stop-opacity="0.65"/><stop offset="1" stop-color="${primary}" stop-opacity="0"/>`,
    '</radialGradient></defs>',
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="${secondary}"/>`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="url(#glow)"/>`,
    `<rect x="0" y="${OG_HEIGHT - 12}" width="${OG_WIDTH}" height="12" fill="${primary}"/>`,
    eyebrow
      ? `<text x="80" y="120" font-family="Inter" font-weight="600" font-size="28" letter-spacing="2" fill="${accent}">${escapeHtml(eyebrow.toUpperCase())}</text>`
      : '',
    `<text font-family="Inter" font-weight="700" font-size="${TITLE_SIZE}" fill="${ink}">${title}</text>`,
    `<circle cx="98" cy="532" r="18" fill="${primary}"/>`,
    `<text x="132" y="543" font-family="Inter" font-weight="600" font-size="32" fill="${ink}">${escapeHtml(siteName)}</text>`,
    '</svg>',
  ].join('');
}
