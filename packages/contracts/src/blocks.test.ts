import { describe, expect, it } from 'vitest';
import { BLOCK_TYPES, type BlockInput, BlockSchema, BlocksSchema } from './blocks.js';

const examples: Record<(typeof BLOCK_TYPES)[number], BlockInput> = {
  hero: { type: 'hero', heading: 'Roofs that last', primary_cta: { label: 'Quote', url: '/contact' } },
  rich_text: { type: 'rich_text', html: '<p>Hello</p>' },
  columns: { type: 'columns', columns: [{ html: '<p>a</p>' }, { html: '<p>b</p>' }] },
  media: { type: 'media', kind: 'image', url: '/a.jpg', alt: 'A roof' },
  steps: { type: 'steps', items: [{ title: 'Call', body: 'We answer.' }] },
  quote: { type: 'quote', text: 'Great work.', cite: 'Sam' },
  gallery: { type: 'gallery', images: [{ url: 'https://cdn.example.com/x.jpg', alt: '' }] },
  faq: { type: 'faq', items: [{ question: 'Why?', answer: 'Because.' }] },
  posts_list: { type: 'posts_list' },
  form: { type: 'form', form: 'contact' },
  features: { type: 'features', items: [{ title: 'Fast', body: 'Same week.', icon: 'clock' }] },
  cta: { type: 'cta', heading: 'Call now', primary: { label: 'Call', url: 'tel:+15125550142' } },
  testimonial: { type: 'testimonial', items: [{ quote: 'Loved it', author: 'Ana', rating: 5 }] },
  pricing: { type: 'pricing', plans: [{ name: 'Basic', price: '$10', features: ['One thing'] }] },
  stats: { type: 'stats', items: [{ value: '99%', label: 'Happy' }] },
  offer: { type: 'offer', offer: 'Free inspection' },
};

describe('BlockSchema', () => {
  it('covers exactly the sixteen block types of the spec', () => {
    expect([...BLOCK_TYPES].sort()).toEqual(Object.keys(examples).sort());
    expect(BLOCK_TYPES).toHaveLength(16);
  });

  it.each(Object.entries(examples))('accepts a minimal %s block', (_type, block) => {
    expect(BlockSchema.safeParse(block).success).toBe(true);
  });

  it('fills defaults so stored blocks are complete', () => {
    expect(BlockSchema.parse({ type: 'posts_list' })).toMatchObject({ limit: 6 });
    expect(BlockSchema.parse({ type: 'hero', heading: 'x' })).toMatchObject({ align: 'left' });
  });

  it('rejects an unknown block type at the type path', () => {
    const result = BlockSchema.safeParse({ type: 'carousel', heading: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['type']);
  });

  it('rejects a misspelt field instead of silently ignoring it', () => {
    const result = BlockSchema.safeParse({ type: 'hero', heading: 'x', subheadline: 'typo' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects javascript: and protocol-relative link targets', () => {
    for (const url of ['javascript:alert(1)', '//evil.example.com', 'data:text/html,x']) {
      const result = BlockSchema.safeParse({ type: 'cta', heading: 'x', primary: { label: 'Go', url } });
      expect(result.success, url).toBe(false);
    }
  });

  it('caps list sizes so one block cannot grow without bound', () => {
    const items = Array.from({ length: 31 }, (_, i) => ({ question: `Q${i}?`, answer: 'A' }));
    expect(BlockSchema.safeParse({ type: 'faq', items }).success).toBe(false);
    expect(BlockSchema.safeParse({ type: 'columns', columns: [{ html: '<p>only one</p>' }] }).success).toBe(
      false,
    );
    expect(BlocksSchema.safeParse(Array.from({ length: 41 }, () => examples.quote)).success).toBe(false);
  });

  it('bounds string lengths and ratings', () => {
    expect(BlockSchema.safeParse({ type: 'hero', heading: 'x'.repeat(161) }).success).toBe(false);
    expect(
      BlockSchema.safeParse({ type: 'testimonial', items: [{ quote: 'ok', author: 'a', rating: 6 }] })
        .success,
    ).toBe(false);
  });
});
