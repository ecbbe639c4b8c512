import type { VariableBindings } from './ast.js';

/** Lower-cases names and drops null/undefined values so lookups are case-insensitive and total. */
export function normaliseBindings(bindings: VariableBindings): ReadonlyMap<string, string> {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(bindings)) {
    if (value !== null && value !== undefined) byName.set(name.toLowerCase(), String(value));
  }
  return byName;
}
