import { findUnresolvedTokens } from '../spintax/tokens.js';

export type QualityFailureCode = 'UNRESOLVED_TOKEN' | 'MISSING_FRAGMENT_TYPE' | 'EMPTY_CONTENT';

export interface QualityFailure {
  readonly code: QualityFailureCode;
  readonly message: string;
}

export type QualityFlag = 'short';

export interface QualityVerdict {
  /** Any failure means the item must not be stored as an article. */
  readonly failures: QualityFailure[];
  /** Flags keep the article but route it to review (quality_flags). */
  readonly flags: QualityFlag[];
}

export interface QualityInput {
  readonly title: string;
  readonly html: string;
  readonly wordCount: number;
  readonly targetWordCount: number;
  /** Articles below targetWordCount × minWordRatio are flagged `short`; default 0.6. */
  readonly minWordRatio?: number;
  readonly missingTypes?: readonly string[];
}

export function checkArticleQuality(input: QualityInput): QualityVerdict {
  const failures: QualityFailure[] = [];
  const tokens = [...findUnresolvedTokens(input.title), ...findUnresolvedTokens(input.html)].map(
    (t) => t.token,
  );
  if (tokens.length > 0) {
    const distinct = [...new Set(tokens)];
    failures.push({ code: 'UNRESOLVED_TOKEN', message: `Unresolved tokens: ${distinct.join(', ')}` });
  }
  for (const type of input.missingTypes ?? []) {
    failures.push({ code: 'MISSING_FRAGMENT_TYPE', message: `No fragment of type "${type}" in the library` });
  }
  if (input.wordCount === 0) failures.push({ code: 'EMPTY_CONTENT', message: 'The article has no text' });
  const flags: QualityFlag[] = [];
  if (input.wordCount < input.targetWordCount * (input.minWordRatio ?? 0.6)) flags.push('short');
  return { failures, flags };
}
