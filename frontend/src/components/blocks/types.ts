import type { Block, BlockType } from '@spark/contracts';
import type { BlockData } from './block-data.js';

/** The props every block component receives: its own member of the union and the page's block data. */
export interface BlockProps<T extends BlockType> {
  block: Extract<Block, { type: T }>;
  data: BlockData;
}
