import { describe, expect, it } from 'vitest';
import { renderOgPng } from './og-image.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('renderOgPng', () => {
  it('renders a 1200 × 630 PNG with the bundled fonts', () => {
    const card = {
      siteName: 'Beta Family Dental',
      title: 'Caf\u00e9-side dental cleanings in Round Rock, TX',
      eyebrow: null,
      colors: { primary: '#0F766E', secondary: '#134E4A', accent: '#F59E0B' },
    };
    const png = renderOgPng(card);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR: width and height as big-endian integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    // Text was drawn: the same card without a title compresses to noticeably fewer bytes.
    expect(png.length).toBeGreaterThan(renderOgPng({ ...card, title: '', siteName: '' }).length + 2000);
  });
});
