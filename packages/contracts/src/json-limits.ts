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

/**
 * The path of the first string (value or key) holding a NUL character, or null. PostgreSQL text and jsonb
 * cannot store U+0000, so such input is refused up front with a 400 rather than failing at the insert.
 */
export function findNulCharacter(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path || '(root)';
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}
