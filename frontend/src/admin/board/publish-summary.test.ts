import { describe, expect, it } from 'vitest';
import { describeHoldingFlags, describePublishResult } from './publish-summary.js';

const held = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Roofing in Austin',
  flags: [
    { type: 'near_duplicate' as const, other_article_id: '00000000-0000-4000-8000-000000000002' },
    { type: 'near_duplicate' as const, other_article_id: '00000000-0000-4000-8000-000000000003' },
    { type: 'short' as const, other_article_id: null },
  ],
};
const empty = { published: 0, scheduled: 0, skipped: 0, held_back: [], last_publish_at: null };

describe('describePublishResult', () => {
  it('says how many articles the quality gate held back', () => {
    expect(describePublishResult({ ...empty, published: 2, held_back: [held] })).toBe(
      '2 published, 1 held back (open quality flags)',
    );
  });

  it('says there was nothing to do when nothing moved', () => {
    expect(describePublishResult(empty)).toBe('Nothing to do');
  });
});

describe('describeHoldingFlags', () => {
  it('names each kind of flag once, in words', () => {
    expect(describeHoldingFlags(held)).toBe('near-duplicate, too short');
  });
});
