import { AppError, type PublishArticleRequest } from '@spark/contracts';
import { type PublishingVelocity, schedulePublishing } from '@spark/core';
import { markArticlesPublished, type PoolClient, withTransaction, writeWorkLog } from '@spark/db';
import { bumpSiteContent } from '@spark/jobs';
import { groupBySite, lockSelectedArticles, type SelectedArticle } from './article-selection.js';
import type { FactoryDeps } from './deps.js';
import type { Principal } from './principal.js';
import { applyQualityGate } from './quality-gate.js';

const PUBLISHABLE = new Set(['approved', 'scheduled']);

interface VelocityRow {
  id: string;
  velocity_mode: 'steady' | 'ramp_up';
  velocity_per_day: number;
  velocity_ramp_to: number | null;
  velocity_ramp_days: number | null;
  weekend_throttle: string;
}

/** Publish times from each campaign's velocity (steady or ramp-up, weekend throttle), never before startAt. */
async function velocityPlan(client: PoolClient, articles: SelectedArticle[], startAt: Date, now: Date) {
  const byCampaign = new Map<string, string[]>();
  for (const article of articles) {
    const key = article.campaign_id ?? '';
    byCampaign.set(key, [...(byCampaign.get(key) ?? []), article.id]);
  }
  const { rows } = await client.query<VelocityRow>(
    `select id, velocity_mode, velocity_per_day, velocity_ramp_to, velocity_ramp_days, weekend_throttle
     from campaign_masters where id = any($1::uuid[])`,
    [[...byCampaign.keys()].filter((id) => id !== '')],
  );
  const plan = new Map<string, Date>();
  for (const [campaignId, articleIds] of byCampaign) {
    const row = rows.find((candidate) => candidate.id === campaignId);
    const velocity: PublishingVelocity =
      row?.velocity_mode === 'ramp_up' && row.velocity_ramp_to !== null
        ? {
            mode: 'ramp',
            startPerDay: row.velocity_per_day,
            maxPerDay: row.velocity_ramp_to,
            rampDays: row.velocity_ramp_days ?? 14,
          }
        : { mode: 'steady', perDay: row?.velocity_per_day ?? 10 };
    const weekendFactor = row ? Number(row.weekend_throttle) : 1;
    for (const slot of schedulePublishing({
      articleIds,
      startAt,
      now,
      velocity,
      weekendFactor,
      seed: campaignId,
    })) {
      plan.set(slot.articleId, slot.publishAt);
    }
  }
  return plan;
}

/**
 * approved (or scheduled) → published now, or scheduled at publish_at / by the campaign's velocity.
 * Articles with open quality flags are held back (listed with their flags) unless the request overrides
 * the gate for them; a held-back article keeps its status, so a scheduled one stays on the schedule and
 * the scheduled publisher skips it while the flag is open.
 * `published_at` is the moment the article went live, and JSON-LD datePublished equals it: no backdating.
 */
export async function publishArticles(
  deps: FactoryDeps,
  principal: Principal,
  request: PublishArticleRequest,
) {
  const now = deps.now();
  const startAt = request.publish_at ? new Date(request.publish_at) : now;
  if (request.publish_at && !request.velocity && startAt <= now) {
    throw new AppError(
      'VALIDATION_FAILED',
      'publish_at is in the past; omit it to publish now (no backdating)',
      {
        issues: [{ path: 'publish_at', message: 'must be in the future' }],
      },
    );
  }
  const result = await withTransaction(deps.db, async (client) => {
    const selected = await lockSelectedArticles(client, principal, request, true);
    const publishable = selected.filter((article) => PUBLISHABLE.has(article.status));
    const gate = await applyQualityGate(client, principal, selected, publishable, request);
    const eligible = gate.cleared;
    const plan = request.velocity
      ? await velocityPlan(client, eligible, startAt, now)
      : new Map<string, Date>();
    const when = (article: SelectedArticle) => plan.get(article.id) ?? startAt;
    const live = eligible.filter((article) => when(article) <= now);
    const later = eligible.filter((article) => when(article) > now);
    await markArticlesPublished(client, live, now);
    await client.query(
      `update generated_articles a set status = 'scheduled', publish_at = t.at
       from unnest($1::uuid[], $2::timestamptz[]) as t(id, at) where a.id = t.id`,
      [later.map((article) => article.id), later.map(when)],
    );
    for (const [siteId, articles] of groupBySite(publishable)) {
      const ids = new Set(articles.map((article) => article.id));
      await writeWorkLog(
        {
          action: 'articles.publish',
          entityType: 'generated_articles',
          entityId: request.job_id ?? (ids.size === 1 ? [...ids][0] : null),
          siteId,
          userId: principal.userId,
          details: {
            published: live.filter((a) => ids.has(a.id)).length,
            scheduled: later.filter((a) => ids.has(a.id)).length,
            article_ids: [...ids].slice(0, 50),
            held_back: gate.held
              .filter((a) => ids.has(a.id))
              .slice(0, 50)
              .map((a) => ({ id: a.id, flags: a.flags.map((flag) => flag.type) })),
            quality_override: gate.overridden.filter((id) => ids.has(id)).slice(0, 50),
          },
        },
        client,
      );
    }
    const times = later.map((article) => when(article).getTime());
    return {
      published: live.length,
      scheduled: later.length,
      skipped: selected.length - publishable.length,
      held_back: gate.held,
      first_publish_at: times.length ? new Date(Math.min(...times)).toISOString() : null,
      last_publish_at: times.length ? new Date(Math.max(...times)).toISOString() : null,
      liveSites: new Map([...groupBySite(live)].map(([siteId, rows]) => [siteId, rows.map((a) => a.id)])),
    };
  });
  const { liveSites, ...response } = result;
  // Only the pages that show these articles (and the lists) are invalidated; the rest of the site stays cached.
  if (liveSites.size > 0) await bumpSiteContent(deps.cache, liveSites, undefined, deps.db);
  return response;
}
