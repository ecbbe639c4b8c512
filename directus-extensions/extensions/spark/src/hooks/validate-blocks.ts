import { InvalidPayloadError } from '@directus/errors';
import type { HookConfig } from '@directus/types';
import { BLOCK_COLUMNS, findBlockProblem } from '../validation/block-rules.js';

/**
 * Page blocks are checked on every create and update through Directus (Data Studio, REST, GraphQL): a block the
 * renderer would drop (a misspelt field, an unknown type) is refused with a 400 naming the block and the field,
 * instead of silently vanishing from the page.
 */
const validateBlocksHook: HookConfig = ({ filter }) => {
  for (const event of ['items.create', 'items.update'] as const) {
    filter(event, (payload, meta) => {
      const field = BLOCK_COLUMNS[String(meta.collection)];
      if (!field || !payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
      const record = payload as Record<string, unknown>;
      if (!(field in record)) return payload;
      const problem = findBlockProblem(field, record[field]);
      if (problem) throw new InvalidPayloadError({ reason: problem });
      return payload;
    });
  }
};

export default validateBlocksHook;
