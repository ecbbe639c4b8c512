import { describe, expect, it } from 'vitest';
import { findUnresolvedTokens, renderVariables } from './tokens.js';

describe('findUnresolvedTokens', () => {
  it('finds leftover variables and unspun groups with their offsets', () => {
    expect(findUnresolvedTokens('Hi {City}, {{STATE}} and {a|b}.')).toEqual([
      { token: '{City}', offset: 3 },
      { token: '{{STATE}}', offset: 11 },
      { token: '{a|b}', offset: 25 },
    ]);
  });

  it('does not flag literal braces that are not tokens', () => {
    expect(findUnresolvedTokens('use { and } freely, or {two words}')).toEqual([]);
  });

  it('returns nothing for clean text', () => {
    expect(findUnresolvedTokens('<p>All done in Austin.</p>')).toEqual([]);
  });
});

describe('renderVariables', () => {
  it('substitutes single and double brace variables case-insensitively', () => {
    expect(renderVariables('{city}, {{STATE}}', { City: 'Austin', state: 'TX' })).toBe('Austin, TX');
  });

  it('leaves unbound variables in place for the quality gate to catch', () => {
    expect(renderVariables('{City} {Zip}', { city: 'Austin' })).toBe('Austin {Zip}');
  });
});
