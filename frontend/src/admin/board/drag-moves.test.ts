import { describe, expect, it } from 'vitest';
import { decodeDrag, dropAction, encodeDrag } from './drag-moves.js';

describe('board drag and drop', () => {
  it('maps each allowed move to the API action that makes it', () => {
    expect(dropAction('qc', 'approved', ['a'])).toEqual({ kind: 'approve', ids: ['a'] });
    expect(dropAction('approved', 'published', ['a'])).toEqual({ kind: 'publish', ids: ['a'] });
    expect(dropAction('approved', 'scheduled', ['a'])).toEqual({ kind: 'spread', ids: ['a'] });
    expect(dropAction('scheduled', 'qc', ['a'])).toEqual({ kind: 'review', ids: ['a'] });
  });

  it('refuses moves the workflow does not have', () => {
    expect(dropAction('qc', 'published', ['a'])).toBeNull();
    expect(dropAction('published', 'qc', ['a'])).toBeNull();
    expect(dropAction('qc', 'qc', ['a'])).toBeNull();
    expect(dropAction('qc', 'approved', [])).toBeNull();
  });

  it('round-trips the dragged cards and rejects foreign payloads', () => {
    expect(decodeDrag(encodeDrag('approved', ['a', 'b']))).toEqual({ from: 'approved', ids: ['a', 'b'] });
    expect(decodeDrag('{"from":"archived","ids":[]}')).toBeNull();
    expect(decodeDrag('not json')).toBeNull();
  });
});
