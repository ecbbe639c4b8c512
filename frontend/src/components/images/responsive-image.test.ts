import { describe, expect, it } from 'vitest';
import { ladderFor } from '../../../build/image-ladder.mjs';
import { type ImageSlot, responsiveImage, type StaticImage } from './responsive-image.js';

const ID = '3f0c8a52-7d4e-4c1b-9a55-0e2f6b1d9c70';
const SLOT: ImageSlot = { aspect: [4, 3], sizes: '(min-width: 1024px) 552px, 100vw', maxWidth: 1280 };
const HERO: StaticImage = {
  width: 1600,
  height: 1200,
  stem: 'hero-crew',
  hash: 'AbC_12-xyz',
  fallback: 'jpg',
};
const STATIC = { '/brand/alpha/hero-crew.jpg': HERO };

describe('ladderFor', () => {
  it('offers every step below the original and one step that is the original size', () => {
    expect(ladderFor(1600)).toEqual([320, 640, 960, 1280, 1920]);
    expect(ladderFor(1280)).toEqual([320, 640, 960, 1280]);
    expect(ladderFor(1200)).toEqual([320, 640, 960, 1280]);
    expect(ladderFor(200)).toEqual([320]);
    expect(ladderFor(4000)).toEqual([320, 640, 960, 1280, 1920]);
  });
});

describe('responsiveImage', () => {
  it('offers a Directus file as AVIF, WebP and its own format on the ladder up to the slot', () => {
    const image = responsiveImage(`/assets/${ID.toUpperCase()}`, SLOT, STATIC);
    const ladder = (format: string) =>
      [320, 640, 960, 1280].map((w) => `/assets/${ID}?width=${w}${format} ${w}w`).join(', ');
    expect(image).toEqual({
      sources: [
        { type: 'image/avif', srcSet: ladder('&format=avif') },
        { type: 'image/webp', srcSet: ladder('&format=webp') },
      ],
      src: `/assets/${ID}?width=1280`,
      srcSet: ladder(''),
      sizes: SLOT.sizes,
      width: 1280,
      height: 960,
    });
  });

  it('offers a static image its build-time variants, the top one described at its real width', () => {
    const image = responsiveImage('/brand/alpha/hero-crew.jpg', { ...SLOT, maxWidth: 1920 }, STATIC);
    const name = (w: number, format: string) => `/_astro/hero-crew.AbC_12-xyz.w${w}.${format}`;
    expect(image.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(image.sources[0]?.srcSet).toBe(
      `${name(320, 'avif')} 320w, ${name(640, 'avif')} 640w, ${name(960, 'avif')} 960w, ${name(1280, 'avif')} 1280w, ${name(1920, 'avif')} 1600w`,
    );
    expect(image.src).toBe(name(1920, 'jpg'));
    expect([image.width, image.height]).toEqual([1600, 1200]);
  });

  it('never lists a step wider than the slot needs', () => {
    const image = responsiveImage('/brand/alpha/hero-crew.jpg', { ...SLOT, maxWidth: 640 }, STATIC);
    expect(image.srcSet).toBe(
      '/_astro/hero-crew.AbC_12-xyz.w320.jpg 320w, /_astro/hero-crew.AbC_12-xyz.w640.jpg 640w',
    );
    expect([image.width, image.height]).toEqual([640, 480]);
  });

  it('keeps a PNG fallback for a PNG', () => {
    const map = { '/brand/beta/map.png': { ...HERO, stem: 'map', fallback: 'png' as const } };
    expect(responsiveImage('/brand/beta/map.png', SLOT, map).src).toMatch(
      /\/_astro\/map\.[\w-]+\.w1280\.png$/,
    );
  });

  it.each([
    'https://cdn.example/photo.jpg',
    '/brand/alpha/logo.svg',
    '/brand/alpha/unknown.jpg',
    `/assets/${ID}?width=640`,
    '/assets/not-a-uuid',
  ])('renders %s as it is, in a box of the slot aspect', (url) => {
    expect(responsiveImage(url, SLOT, STATIC)).toEqual({ sources: [], src: url, width: 1280, height: 960 });
  });
});
