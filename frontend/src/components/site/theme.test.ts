import { describe, expect, it } from 'vitest';
import { hexToRgb, readableOn, themeStyle } from './theme.js';

describe('site theme', () => {
  it('turns hex colours into channels Tailwind can apply opacity to', () => {
    expect(hexToRgb('#B91C1C')).toEqual([185, 28, 28]);
    expect(hexToRgb('#fff')).toEqual([255, 255, 255]);
    const style = themeStyle({
      primary: '#0F766E',
      secondary: '#134E4A',
      accent: '#38BDF8',
      background: '#F8FAFC',
      text: '#0F172A',
    });
    expect(style).toContain('--color-primary: 15 118 110');
    expect(style).toContain('--color-surface: 248 250 252');
  });

  it('puts white text on dark colours and dark text on pale ones', () => {
    expect(readableOn([185, 28, 28])).toEqual([255, 255, 255]);
    expect(readableOn([245, 158, 11])).toEqual([15, 23, 42]);
    expect(readableOn([56, 189, 248])).toEqual([15, 23, 42]);
  });
});
