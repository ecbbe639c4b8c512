import { describe, expect, it } from 'vitest';
import { findFieldProblem } from './field-rules.js';

describe('findFieldProblem', () => {
  it('accepts a partial set of hex colours', () => {
    expect(findFieldProblem('globals', { colors: { primary: '#123abc' } })).toBeUndefined();
  });

  it('names the colour that is not a hex value', () => {
    expect(findFieldProblem('globals', { colors: { primary: '#123abc', accent: 'red' } })).toEqual({
      field: 'colors.accent',
      message: 'colors.accent: must be a hex colour like #1a2b3c',
    });
  });

  it('refuses colour names the theme does not have', () => {
    expect(findFieldProblem('globals', { colors: { primary: '#fff', shadow: '#000' } })?.field).toBe(
      'colors',
    );
  });

  it('checks social links and script origins too', () => {
    expect(
      findFieldProblem('globals', { social_links: [{ network: 'x', url: 'http://x.com/a' }] })?.field,
    ).toBe('social_links.0.url');
    expect(
      findFieldProblem('globals', { allowed_script_sources: ['https://cdn.example.com/path'] })?.field,
    ).toBe('allowed_script_sources.0');
  });

  it('ignores fields it has no rule for and collections without rules', () => {
    expect(findFieldProblem('globals', { name: 'x', colors: null })).toBeUndefined();
    expect(findFieldProblem('pages', { colors: 'red' })).toBeUndefined();
  });
});
