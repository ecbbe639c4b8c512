import { BLOCK_TYPES, BlockSchema, BlocksSchema } from '@spark/contracts';

/** Collections whose `blocks` column holds page blocks. */
export const BLOCK_COLUMNS: Record<string, string> = { pages: 'blocks' };

const describe = (path: (string | number)[]) =>
  path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');

/**
 * Checks page blocks against the block union and names the first problem the way an editor can find it: the
 * block's position (counted from 1, as the Studio lists them), its type, and the field. Undefined when valid.
 */
export function findBlockProblem(field: string, value: unknown): string | undefined {
  if (!Array.isArray(value))
    return `${field} must be a list of blocks, e.g. [{"type": "hero", "heading": "…"}]`;
  const list = BlocksSchema.safeParse(value);
  if (!list.success && list.error.issues.some((issue) => issue.path.length === 0)) {
    return `${field}: ${list.error.issues[0]?.message ?? 'is not a valid list of blocks'}`;
  }
  for (const [index, block] of value.entries()) {
    const label = `${field}: block ${index + 1}`;
    const type = block && typeof block === 'object' ? (block as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !(BLOCK_TYPES as readonly string[]).includes(type)) {
      return `${label} has an unknown type ${JSON.stringify(type ?? null)}; use one of ${BLOCK_TYPES.join(', ')}`;
    }
    const parsed = BlockSchema.safeParse(block);
    if (parsed.success) continue;
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys') {
      return `${label} (${type}) has a field it does not know: ${issue.keys.join(', ')}`;
    }
    const where = issue && issue.path.length > 0 ? `, field "${describe(issue.path)}"` : '';
    return `${label} (${type})${where}: ${issue?.message ?? 'is not valid'}`;
  }
  return undefined;
}
