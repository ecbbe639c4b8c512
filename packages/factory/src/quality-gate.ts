import { AppError, type HeldBackArticle, type PublishArticleRequest } from '@spark/contracts';
import { findHoldingFlags, type PoolClient } from '@spark/db';
import type { SelectedArticle } from './article-selection.js';
import type { Principal } from './principal.js';

export interface GateDecision {
  /** Clear to publish or schedule: no holding flag, or overridden by this request. */
  cleared: SelectedArticle[];
  held: HeldBackArticle[];
  /** The articles this request overrode (whether or not they had a flag right now). */
  overridden: string[];
}

/**
 * The publish gate: articles with open quality flags are held back unless the request overrides the gate
 * for the whole batch (`override_quality`) or for them (`override_article_ids`). An override is stored on
 * the article (`quality_override_at`/`by`) in the same transaction, so the scheduled publisher honours it
 * for the flags that exist now and holds the article back for any flag raised later.
 */
export async function applyQualityGate(
  client: PoolClient,
  principal: Principal,
  selected: readonly SelectedArticle[],
  eligible: readonly SelectedArticle[],
  request: Pick<PublishArticleRequest, 'override_quality' | 'override_article_ids'>,
): Promise<GateDecision> {
  const selectedIds = new Set(selected.map((article) => article.id));
  const stray = request.override_article_ids?.find((id) => !selectedIds.has(id));
  if (stray !== undefined) {
    throw new AppError(
      'VALIDATION_FAILED',
      `override_article_ids names ${stray}, which is not in the selection`,
      {
        issues: [{ path: 'override_article_ids', message: 'every id must also be selected' }],
      },
    );
  }
  const overrideIds = new Set(request.override_article_ids ?? []);
  const overridden = eligible
    .filter((article) => request.override_quality || overrideIds.has(article.id))
    .map((article) => article.id);
  if (overridden.length > 0) {
    await client.query(
      `update generated_articles set quality_override_at = now(), quality_override_by = $2
       where id = any($1::uuid[])`,
      [overridden, principal.userId],
    );
  }
  const holding = await findHoldingFlags(
    client,
    eligible.map((article) => article.id),
  );
  const cleared: SelectedArticle[] = [];
  const held: HeldBackArticle[] = [];
  for (const article of eligible) {
    const flags = holding.get(article.id);
    if (!flags) cleared.push(article);
    else held.push({ id: article.id, title: article.title, flags: flags as HeldBackArticle['flags'] });
  }
  return { cleared, held, overridden };
}
