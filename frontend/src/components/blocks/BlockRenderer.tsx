import type { Block, BlockType } from '@spark/contracts';
import type { ComponentType } from 'react';
import type { BlockData } from './block-data.js';
import { BLOCK_COMPONENTS } from './registry.js';
import type { BlockProps } from './types.js';

interface BlockRendererProps {
  /** A block already validated against the contracts' union (see parseBlocks). */
  block: Block;
  data: BlockData;
}

/**
 * Renders one page block with the component registered for its `type`. Used for every block of a page:
 * server-only for static blocks, and as a hydrated island for interactive ones (FAQ, form).
 */
export function BlockRenderer({ block, data }: BlockRendererProps) {
  // The registry's mapped type pairs each type with its component; TypeScript cannot correlate the two
  // through an indexed access, so the lookup is widened once here.
  const Component = BLOCK_COMPONENTS[block.type] as ComponentType<BlockProps<BlockType>>;
  return <Component block={block} data={data} />;
}
