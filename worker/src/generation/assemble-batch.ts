import { type AssembledArticle, assembleArticle, buildArticleBindings } from '@spark/core';
import type { ClaimedHeadline } from './claim-headlines.js';
import { bandHashesOf, signatureOf } from './fingerprint.js';
import type { ProductionContext } from './production-context.js';

export interface ReadyArticle {
  headline: ClaimedHeadline;
  article: AssembledArticle;
  signature: Uint32Array;
  bandHashes: number[];
}

export interface FailedHeadline {
  headline: ClaimedHeadline;
  reason: string;
}

function bindingsFor(context: ProductionContext, headline: ClaimedHeadline, now: Date) {
  const nicheName = Object.keys(context.nicheVariables).find((name) => name.toLowerCase() === 'niche');
  return buildArticleBindings({
    location: headline.city_id
      ? {
          city: headline.city,
          county: headline.county,
          state: headline.state,
          stateCode: headline.state_code,
          population: headline.population,
          nearbyCities: context.nearbyPlaces.get(headline.city_id) ?? [],
        }
      : null,
    business: context.business,
    avatarName: headline.avatar_name,
    niche: nicheName === undefined ? null : context.nicheVariables[nicheName],
    nicheVariables: context.nicheVariables,
    now,
  });
}

/**
 * The CPU part of a batch: assemble every article (deterministic for its variant key), fingerprint it
 * for the duplicate index, and keep the least-used balance and the slug set current as it goes.
 * Headlines that fail a quality gate come back with the reason instead of an article.
 */
export function assembleBatch(context: ProductionContext, headlines: ClaimedHeadline[], now: Date) {
  const ready: ReadyArticle[] = [];
  const failed: FailedHeadline[] = [];
  for (const headline of headlines) {
    const fragments = context
      .fragmentsFor(headline.avatar_id)
      .map((fragment) => ({ ...fragment, usageCount: context.usage.get(fragment.id) ?? 0 }));
    const result = assembleArticle({
      campaignId: context.campaignId,
      variantKey: headline.variant_key,
      slotTypes: context.slotTypes,
      fragments,
      offerBlocks: context.offers,
      avatarId: headline.avatar_id,
      headline: headline.text,
      bindings: bindingsFor(context, headline, now),
      site: context.site,
      locationName: headline.city
        ? `${headline.city}, ${headline.state_code ?? headline.state ?? ''}`
        : undefined,
      takenSlugs: context.takenSlugs,
      targetWordCount: context.targetWordCount,
    });
    if (!result.ok) {
      failed.push({ headline, reason: result.failures.map((failure) => failure.message).join('; ') });
      continue;
    }
    const { article } = result;
    context.takenSlugs.add(article.slug);
    for (const id of article.fragmentIds) context.usage.set(id, (context.usage.get(id) ?? 0) + 1);
    // article.text is htmlToText(article.html), already computed by assembleArticle.
    const signature = signatureOf(article.text);
    ready.push({ headline, article, signature, bandHashes: bandHashesOf(signature) });
  }
  return { ready, failed };
}

/** Articles assembled between two yields to the event loop (a few milliseconds of CPU). */
const SLICE = 10;

/**
 * assembleBatch in slices, yielding to the event loop between them: the replies to the worker's other chunks'
 * statements are handled (and their next statements sent) while this batch computes, so PostgreSQL keeps
 * working on one core while the engine runs on the other, instead of waiting out a 100-article CPU burst.
 */
export async function assembleBatchInSlices(
  context: ProductionContext,
  headlines: ClaimedHeadline[],
  now: Date,
): Promise<ReturnType<typeof assembleBatch>> {
  const ready: ReadyArticle[] = [];
  const failed: FailedHeadline[] = [];
  for (let start = 0; start < headlines.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const slice = assembleBatch(context, headlines.slice(start, start + SLICE), now);
    ready.push(...slice.ready);
    failed.push(...slice.failed);
  }
  return { ready, failed };
}
