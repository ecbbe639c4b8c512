import { describe, expect, it } from 'vitest';
import { assetUrl, parseAssetRequest } from './assets.js';

const ID = '3f0c8a52-7d4e-4c1b-9a55-0e2f6b1d9c70';
const parse = (id: string | undefined, query = '') => parseAssetRequest(id, new URLSearchParams(query));

describe('parseAssetRequest', () => {
  it('accepts a UUID and the offered transforms, typed', () => {
    expect(parse(ID.toUpperCase(), 'width=640&format=webp')).toEqual({
      id: ID,
      transforms: { width: 640, format: 'webp' },
    });
    expect(parse(ID)).toEqual({ id: ID, transforms: {} });
  });

  it.each([320, 640, 960, 1280, 1920])('offers the ladder width %i, alone or in every format', (width) => {
    expect(parse(ID, `width=${width}`).transforms).toEqual({ width });
    for (const format of ['avif', 'webp', 'jpg', 'png']) {
      expect(parse(ID, `width=${width}&format=${format}`).transforms).toEqual({ width, format });
    }
  });

  it.each([undefined, '', 'logo.png', `${ID}x`, '../files'])('refuses the id %j with 400', (id) => {
    expect(() => parse(id)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it.each([
    'key=system-large-contain',
    'transforms=[["blur",50]]',
    'download=1',
    'width=0',
    'width=99999',
    'width=12.5',
    'width=641',
    'width=0640',
    'width=640.0',
    'width=',
    'height=480',
    'width=640&height=480',
    'fit=cover',
    'quality=80',
    'format=avif',
    'width=640&format=gif',
    'width=640&format=auto',
    'width=320&width=640',
  ])('refuses %s with 400, naming the problem', (query) => {
    expect(() => parse(ID, query)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});

describe('assetUrl', () => {
  it('asks Directus for the same file with only the parsed transforms, in one canonical order', () => {
    expect(assetUrl('http://directus:8055/', parse(ID, 'format=avif&width=640'))).toBe(
      `http://directus:8055/assets/${ID}?width=640&format=avif&withoutEnlargement=true`,
    );
    expect(assetUrl('http://directus:8055', parse(ID))).toBe(`http://directus:8055/assets/${ID}`);
  });
});
