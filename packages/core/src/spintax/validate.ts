import type { Sequence, SourcePosition, SpintaxTemplate } from './ast.js';

/** Variables every campaign may use; campaigns add their `niche_variables` keys to these. */
export const STANDARD_VARIABLES: readonly string[] = [
  'city',
  'state',
  'state_code',
  'county',
  'year',
  'month',
  'niche',
  'avatar_name',
];

export interface TemplateIssue {
  readonly code: 'UNKNOWN_VARIABLE' | 'EMPTY_DICTIONARY';
  readonly name: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

function issue(
  code: TemplateIssue['code'],
  name: string,
  message: string,
  at: SourcePosition,
): TemplateIssue {
  return { code, name, message, line: at.line, column: at.column, offset: at.offset };
}

/**
 * Problems that make a template unusable even though it parses: variables nobody will bind (they
 * would leak as `{Token}`), and dictionary references with no terms (they zero the variant count).
 * An empty list means the template is valid. Names compare case-insensitively.
 */
export function validateTemplate(
  template: SpintaxTemplate,
  knownVariables: Iterable<string>,
): TemplateIssue[] {
  const known = new Set<string>();
  for (const name of knownVariables) known.add(name.toLowerCase());
  const issues: TemplateIssue[] = [];
  const visit = (sequence: Sequence): void => {
    for (const node of sequence) {
      if (node.kind === 'variable' && !known.has(node.name)) {
        issues.push(issue('UNKNOWN_VARIABLE', node.raw, `Unknown variable {${node.raw}}`, node.position));
      } else if (node.kind === 'dictionary' && node.terms.length === 0) {
        issues.push(
          issue('EMPTY_DICTIONARY', node.name, `Dictionary {${node.name}} has no terms`, node.position),
        );
      } else if (node.kind === 'choice') {
        node.options.forEach(visit);
      }
    }
  };
  visit(template.root);
  return issues;
}

/** Distinct variable names (lower-cased) in first-use order; dictionary references excluded. */
export function listVariables(template: SpintaxTemplate): string[] {
  const names = new Set<string>();
  const visit = (sequence: Sequence): void => {
    for (const node of sequence) {
      if (node.kind === 'variable') names.add(node.name);
      else if (node.kind === 'choice') node.options.forEach(visit);
    }
  };
  visit(template.root);
  return [...names];
}
