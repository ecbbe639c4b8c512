import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { cache as redis } from '../connections.js';
import { type OgCard, ogCardSvg, ogCardVersion } from './og-card.js';

/**
 * PNG rendering of share cards with resvg (a Rust renderer shipped as a prebuilt N-API binary inside its npm
 * package: `@resvg/resvg-js-linux-x64-gnu` on glibc, `-musl` on Alpine). Fonts come from an npm package too,
 * never from the system, so a slim container draws the same card as a laptop. A card is rendered once per
 * version and kept in Redis; the route serves it under an immutable, versioned URL.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
  require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
];
const REDIS_TTL_S = 30 * 24 * 3600;
const keyOf = (version: string) => `spark:og:${version}`;

export function renderOgPng(card: OgCard): Buffer {
  const resvg = new Resvg(ogCardSvg(card), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Inter' },
  });
  return resvg.render().asPng();
}

/** The card's PNG from Redis, or rendered and stored; Redis trouble only costs a render. */
export async function ogPng(card: OgCard): Promise<Buffer> {
  const key = keyOf(ogCardVersion(card));
  const cached = await redis()
    .getBuffer(key)
    .catch(() => null);
  if (cached) return cached;
  const png = renderOgPng(card);
  await redis()
    .set(key, png, 'EX', REDIS_TTL_S)
    .catch(() => {});
  return png;
}
