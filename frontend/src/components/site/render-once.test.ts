import { describe, expect, it } from 'vitest';
import { rememberRendered, renderedOnce } from './render-once.js';

describe('renderedOnce', () => {
  it('returns what was remembered for the same owner object and variant only', () => {
    const owner = {};
    const sameContentOtherObject = {};
    rememberRendered(owner, 'a', '<header>a</header>');
    expect(renderedOnce(owner, 'a')).toBe('<header>a</header>');
    expect(renderedOnce(owner, 'b')).toBeUndefined();
    expect(renderedOnce(sameContentOtherObject, 'a')).toBeUndefined();
  });

  it('keeps a bounded number of variants per owner', () => {
    const owner = {};
    for (let i = 0; i < 200; i += 1) rememberRendered(owner, `v${i}`, `<p>${i}</p>`);
    expect(renderedOnce(owner, 'v199')).toBe('<p>199</p>');
    expect(renderedOnce(owner, 'v0')).toBeUndefined();
  });
});
