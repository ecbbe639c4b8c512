import { describe, expect, it } from 'vitest';
import { type OgCard, ogCardSvg, ogCardVersion, wrapText } from './og-card.js';

const card: OgCard = {
  siteName: 'Alpha Roofing',
  title: 'Roof Replacement in Round Rock, TX',
  eyebrow: 'Central Texas',
  colors: { primary: '#B91C1C', secondary: '#1F2937', accent: '#F59E0B' },
};

describe('wrapText', () => {
  it('breaks at spaces within the line length', () => {
    expect(wrapText('Roof Replacement in Round Rock, TX for homeowners', 20, 4)).toEqual([
      'Roof Replacement in',
      'Round Rock, TX for',
      'homeowners',
    ]);
  });

  it('ends a cut title with an ellipsis on the last allowed line', () => {
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
  });

  it('cuts a single word longer than a line', () => {
    expect(wrapText('Supercalifragilistic', 10, 2)).toEqual(['Supercali…']);
  });
});

describe('ogCardSvg', () => {
  it('is 1200 × 630 and escapes the text it draws', () => {
    const svg = ogCardSvg({ ...card, title: 'Tom & Jerry <script>' });
    expect(svg).toContain('width="1200" height="630"');
    expect(svg).toContain('Tom &amp; Jerry &lt;script&gt;');
    expect(svg).not.toContain('<script>');
  });

  it('draws the site name, the eyebrow and the title', () => {
    const svg = ogCardSvg(card);
    expect(svg).toContain('>Alpha Roofing<');
    expect(svg).toContain('>CENTRAL TEXAS<');
    expect(svg).toContain('>Roof Replacement in Round<');
    expect(svg).toContain('>Rock, TX<');
  });
});

describe('ogCardVersion', () => {
  it('changes with anything the card draws and only then', () => {
    expect(ogCardVersion(card)).toBe(ogCardVersion({ ...card }));
    expect(ogCardVersion({ ...card, title: 'Other' })).not.toBe(ogCardVersion(card));
    expect(ogCardVersion({ ...card, colors: { ...card.colors, primary: '#000000' } })).not.toBe(
      ogCardVersion(card),
    );
    expect(ogCardVersion(card)).toMatch(/^[0-9a-f]{16}$/);
  });
});
