import { describe, expect, it } from 'vitest';
import { assetUrl, parseAssetRequest } from './assets.js';

const ID = '3f0c8a52-7d4e-4c1b-9a55-0e2f6b1d9c70';
const parse = (id: string | undefined, query = '') => parseAssetRequest(id, new URLSearchParams(query));

describe('parseAssetRequest', () => {
  it('accepts a UUID and the offered transforms, typed', () => {
    expect(parse(ID.toUpperCase(), 'width=640&fit=cover&format=webp&quality=80')).toEqual({
      id: ID,
      transforms: { width: 640, fit: 'cover', format: 'webp', quality: 80 },
    });
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
    'fit=fill',
    'format=gif',
    'width=10&width=20',
  ])('refuses %s with 400, naming the problem', (query) => {
    expect(() => parse(ID, query)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});

describe('assetUrl', () => {
  it('asks Directus for the same file with only the parsed transforms, in one canonical order', () => {
    expect(assetUrl('http://directus:8055/', parse(ID, 'height=200&width=100'))).toBe(
      `http://directus:8055/assets/${ID}?width=100&height=200`,
    );
    expect(assetUrl('http://directus:8055', parse(ID))).toBe(`http://directus:8055/assets/${ID}`);
  });
});
