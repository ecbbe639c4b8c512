/** PostgreSQL text and jsonb cannot hold U+0000; a value carrying one is bad input, found before the database. */
export function findNulByte(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = key.includes('\u0000') ? [...path, '(key)'].join('.') : findNulByte(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
