/** Deeper request bodies are refused before validation: nothing we accept nests anywhere near this. */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `value` nests deeper than `limit` levels (a scalar is depth 1). Iterative, so a hostile body cannot
 * exhaust the stack, and it stops at the first path past the limit.
 */
export function exceedsJsonDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (depth > limit) return true;
    if (current && typeof current === 'object') {
      for (const child of Object.values(current)) stack.push([child, depth + 1]);
    }
  }
  return false;
}
