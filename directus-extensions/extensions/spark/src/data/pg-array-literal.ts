/**
 * A PostgreSQL array literal (`{"a","b"}`) for a list of scalars. Every element is quoted, with `"` and `\`
 * escaped, so commas, braces and spaces inside values survive; null stays NULL.
 */
export function toPgArrayLiteral(values: readonly unknown[]): string {
  const items = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}
