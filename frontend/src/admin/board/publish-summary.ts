import type { HeldBackArticle, QUALITY_FLAG_TYPES } from '@spark/contracts/admin';

type PublishResult = {
  published: number;
  scheduled: number;
  skipped: number;
  held_back: readonly HeldBackArticle[];
  last_publish_at: string | null;
};

const FLAG_LABELS: Record<(typeof QUALITY_FLAG_TYPES)[number], string> = {
  short: 'too short',
  near_duplicate: 'near-duplicate',
  unresolved_token: 'unresolved token',
  invalid_html: 'invalid HTML',
};

/** "too short, near-duplicate": why one article was held back, each kind of flag once. */
export function describeHoldingFlags(article: HeldBackArticle): string {
  return [...new Set(article.flags.map((flag) => FLAG_LABELS[flag.type]))].join(', ');
}

/** The toast after a publish, schedule or spread: what happened, what was skipped and what was held back. */
export function describePublishResult(result: PublishResult): string {
  return (
    [
      result.published ? `${result.published} published` : '',
      result.scheduled
        ? `${result.scheduled} scheduled${result.last_publish_at ? ` until ${new Date(result.last_publish_at).toLocaleDateString()}` : ''}`
        : '',
      result.skipped ? `${result.skipped} skipped (not approved)` : '',
      result.held_back.length ? `${result.held_back.length} held back (open quality flags)` : '',
    ]
      .filter(Boolean)
      .join(', ') || 'Nothing to do'
  );
}
