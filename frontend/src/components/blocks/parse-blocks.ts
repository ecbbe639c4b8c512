import { type Block, BlockSchema } from '@spark/contracts';
import { sanitizeHtml } from '@spark/core';

export interface InvalidBlock {
  index: number;
  type: unknown;
  issues: string[];
}

/**
 * Validates a page's raw `blocks` one by one against the contracts' union. A block that fails is skipped
 * (and reported, with the page id, by the caller's logger) so one bad block never breaks the page. HTML
 * fields are run through the allow-list sanitiser here, on the server, so components can render them as is.
 */
export function parseBlocks(raw: readonly unknown[], onInvalid: (invalid: InvalidBlock) => void): Block[] {
  const blocks: Block[] = [];
  raw.forEach((candidate, index) => {
    const parsed = BlockSchema.safeParse(candidate);
    if (!parsed.success) {
      onInvalid({
        index,
        type: (candidate as { type?: unknown } | null)?.type,
        issues: parsed.error.issues
          .slice(0, 5)
          .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
      });
      return;
    }
    blocks.push(sanitizeBlock(parsed.data));
  });
  return blocks;
}

function sanitizeBlock(block: Block): Block {
  if (block.type === 'rich_text') return { ...block, html: sanitizeHtml(block.html) };
  if (block.type === 'columns') {
    return {
      ...block,
      columns: block.columns.map((column) => ({ ...column, html: sanitizeHtml(column.html) })),
    };
  }
  return block;
}

/** The fields of the log line for a skipped block: enough to find and fix it in the Data Studio. */
export function invalidBlockLogFields(pageId: string, invalid: InvalidBlock) {
  return {
    event: 'block.invalid',
    page_id: pageId,
    index: invalid.index,
    type: invalid.type,
    issues: invalid.issues,
  };
}
