import { describe, expect, it } from 'vitest';
import { memoryWindowCounter } from './window-counter.js';

describe('the in-process window counter', () => {
  it('counts hits inside a window, forgets them when it ends, and takes a refund back', async () => {
    let now = 0;
    const counter = memoryWindowCounter(() => now);
    await counter.hit(['k'], 10);
    expect(await counter.hit(['k'], 10)).toEqual([{ count: 2, resetsIn: 10 }]);
    await counter.refund('k');
    expect(await counter.read(['k'])).toEqual([{ count: 1, resetsIn: 10 }]);
    now = 10_000;
    expect(await counter.read(['k'])).toEqual([{ count: 0, resetsIn: 0 }]);
  });

  it('stays within its key bound when flooded with distinct keys', async () => {
    const counter = memoryWindowCounter(() => 0, 3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) await counter.hit([key], 60);
    const counts = await counter.read(['a', 'b', 'c', 'd', 'e']);
    expect(counts.filter((c) => c.count > 0)).toHaveLength(3);
  });
});
