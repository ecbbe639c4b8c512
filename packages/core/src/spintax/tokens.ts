import type { VariableBindings } from './ast.js';
import { normaliseBindings } from './bindings.js';

export interface UnresolvedToken {
  readonly token: string;
  readonly offset: number;
}

// A leftover variable (`{City}`, `{{CITY}}`) or an unspun group (`{a|b}`). Other braces — e.g. a
// literal `{` produced by the `\{` escape — are legitimate text and are not reported.
const LEFTOVER_TOKEN = /\{\{?[A-Za-z_][A-Za-z0-9_]*\}\}?|\{[^{}]*\|[^{}]*\}/g;
const VARIABLE_TOKEN = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Tokens that must not reach stored output; the quality gate fails an item when any remain. */
export function findUnresolvedTokens(text: string): UnresolvedToken[] {
  // Every token starts with `{`: text without one (a finished article) needs no regex scan.
  if (!text.includes('{')) return [];
  return [...text.matchAll(LEFTOVER_TOKEN)].map((match) => ({ token: match[0], offset: match.index }));
}

/**
 * Substitutes `{Name}` / `{{Name}}` in already-spun plain text (for example a headline stored with
 * its variables still open). Unbound tokens are left in place for findUnresolvedTokens to report.
 */
export function renderVariables(text: string, bindings: VariableBindings): string {
  const values = normaliseBindings(bindings);
  return text.replace(VARIABLE_TOKEN, (token: string, double?: string, single?: string) => {
    const name = (double ?? single ?? '').toLowerCase();
    return values.get(name) ?? token;
  });
}
