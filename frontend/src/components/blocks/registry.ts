import type { BlockType } from '@spark/contracts';
import type { ComponentType } from 'react';
import { ColumnsBlock } from './ColumnsBlock.js';
import { CtaBlock } from './CtaBlock.js';
import { FaqBlock } from './FaqBlock.js';
import { FeaturesBlock } from './FeaturesBlock.js';
import { FormBlock } from './FormBlock.js';
import { GalleryBlock } from './GalleryBlock.js';
import { HeroBlock } from './HeroBlock.js';
import { MediaBlock } from './MediaBlock.js';
import { OfferBlock } from './OfferBlock.js';
import { PostsListBlock } from './PostsListBlock.js';
import { PricingBlock } from './PricingBlock.js';
import { QuoteBlock } from './QuoteBlock.js';
import { RichTextBlock } from './RichTextBlock.js';
import { StatsBlock } from './StatsBlock.js';
import { StepsBlock } from './StepsBlock.js';
import { TestimonialBlock } from './TestimonialBlock.js';
import type { BlockProps } from './types.js';

/**
 * One component per member of the contracts' block union. The mapped type makes a new union member without
 * a component (or a component for a type that does not exist) a compile error.
 */
export const BLOCK_COMPONENTS: { [T in BlockType]: ComponentType<BlockProps<T>> } = {
  hero: HeroBlock,
  rich_text: RichTextBlock,
  columns: ColumnsBlock,
  media: MediaBlock,
  steps: StepsBlock,
  quote: QuoteBlock,
  gallery: GalleryBlock,
  faq: FaqBlock,
  posts_list: PostsListBlock,
  form: FormBlock,
  features: FeaturesBlock,
  cta: CtaBlock,
  testimonial: TestimonialBlock,
  pricing: PricingBlock,
  stats: StatsBlock,
  offer: OfferBlock,
};

/** Blocks with client-side behaviour: the page hydrates these (and only these) as islands. */
export const INTERACTIVE_BLOCK_TYPES: ReadonlySet<BlockType> = new Set<BlockType>(['faq', 'form']);
