import { AppError } from '@spark/contracts';
import {
  countVariants,
  murmur3String,
  parseSpintax,
  type SpintaxDictionaries,
  SpintaxSyntaxError,
  type SpintaxTemplate,
  STANDARD_VARIABLES,
  validateTemplate,
} from '@spark/core';

/**
 * A campaign's headline patterns: one per non-blank line of `headline_spintax_root`. The id hashes the
 * line's text, so generation keys survive reordering lines and change only when a pattern changes.
 */
export interface HeadlinePattern {
  id: string;
  line: number;
  template: SpintaxTemplate;
  variantCount: bigint;
}

export interface SpintaxIssue {
  path: string;
  code: string;
  message: string;
  line: number;
  column: number;
}

const PATTERN_ID_SEED = 0x5eed_1e55;

/** Parses every line; syntax errors and unknown variables come back as issues with their real line. */
export function parseHeadlinePatterns(
  root: string,
  nicheVariables: Record<string, string>,
  dictionaries: SpintaxDictionaries,
): { patterns: HeadlinePattern[]; issues: SpintaxIssue[] } {
  const known = [...STANDARD_VARIABLES, ...Object.keys(nicheVariables)];
  const patterns: HeadlinePattern[] = [];
  const issues: SpintaxIssue[] = [];
  const seen = new Set<string>();
  root.split('\n').forEach((raw, index) => {
    const source = raw.replace(/\r$/, '');
    if (source.trim() === '') return;
    const line = index + 1;
    const at = (column: number) => `(line ${line}, column ${column})`;
    let template: SpintaxTemplate;
    try {
      template = parseSpintax(source, { dictionaries });
    } catch (error) {
      if (!(error instanceof SpintaxSyntaxError)) throw error;
      const message = `${error.reason} ${at(error.column)}`;
      issues.push({ path: 'headline_spintax_root', code: error.code, message, line, column: error.column });
      return;
    }
    for (const issue of validateTemplate(template, known)) {
      const hint = issue.code === 'UNKNOWN_VARIABLE' ? '; add it to niche_variables or fix the name' : '';
      const message = `${issue.message} ${at(issue.column)}${hint}`;
      issues.push({ path: 'headline_spintax_root', code: issue.code, message, line, column: issue.column });
    }
    const id = `p${murmur3String(source.trim(), PATTERN_ID_SEED).toString(16).padStart(8, '0')}`;
    if (seen.has(id)) return;
    seen.add(id);
    patterns.push({ id, line, template, variantCount: countVariants(template) });
  });
  return { patterns, issues };
}

/** The patterns, or a 422 whose message names the first problem and whose details list every one. */
export function requireValidHeadlines(
  root: string,
  nicheVariables: Record<string, string>,
  dictionaries: SpintaxDictionaries,
): HeadlinePattern[] {
  const { patterns, issues } = parseHeadlinePatterns(root, nicheVariables, dictionaries);
  const first = issues[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', `headline_spintax_root is invalid — ${first.message}`, {
      issues,
    });
  }
  if (patterns.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'headline_spintax_root needs at least one headline pattern');
  }
  return patterns;
}
