import {
  INVALIDATION_CHANNEL,
  type InvalidationMessage,
  invalidationMessageSchema,
  siteArticlesVersionKey,
  siteVersionKey,
} from '@spark/contracts';
import { invalidateRenderedPages, type Pool, renderedPageTagsOfArticles } from '@spark/db';
import type { Redis } from 'ioredis';
import { type JobsLog, stderrJobsLog } from './log.js';

/** What changed on one site: everything it renders, or (with `articleIds`) only those generated articles. */
export interface SiteContentChange {
  siteId: string;
  collection: string;
  hostsChanged?: boolean;
  articleIds?: readonly string[];
}

/**
 * The one way a content change reaches the frontends, used by every writer (the Directus cache-bust hook and
 * bulk endpoints, the factory's SQL publishes, the worker's scheduled publishes and link insertion). In one
 * MULTI it bumps the site's content version — or, when only a few articles changed, its articles version, so
 * pages that do not show them stay cached — and publishes the invalidation messages. `everySite` replaces the
 * per-site messages with a single all-sites message (a shared-library change, a manual flush). Throws when
 * Redis refused any of it. Pure of BullMQ (`@spark/jobs/site-content`), so the bundle can import it alone.
 *
 * With `renderStore` (the database), it deletes the stored pre-rendered pages the change makes stale before
 * and again after the version bump (see `invalidateRenderStore`), so a page the store would serve does not
 * outlive the content it shows. A writer without it gets whole-site invalidation only (the new site version
 * retires every stored page).
 */
export async function invalidateSiteContent(
  redis: Redis,
  changes: readonly SiteContentChange[],
  everySite?: { collection: string; hostsChanged: boolean },
  renderStore?: { db: Pool; log?: JobsLog },
): Promise<void> {
  const planned = planSiteInvalidations(changes);
  // Without the store, no page it holds may outlive an article change: the change becomes whole-site.
  const invalidated = renderStore
    ? await Promise.all(
        planned.map((change) => invalidateRenderStore(renderStore.db, change, renderStore.log)),
      )
    : planned.map((change) => ({ change: wholeSite(change), scope: undefined }));
  const settled = invalidated.map(({ change }) => change);
  const pipeline = redis.multi();
  const messages: InvalidationMessage[] = [];
  for (const change of settled) {
    const targeted = change.articleIds !== undefined;
    pipeline.incr(targeted ? siteArticlesVersionKey(change.siteId) : siteVersionKey(change.siteId));
    messages.push(
      invalidationMessageSchema.parse({
        siteId: change.siteId,
        collection: change.collection,
        hostsChanged: change.hostsChanged ?? false,
        ...(targeted ? { articleIds: change.articleIds } : {}),
      }),
    );
  }
  const announced = everySite ? [invalidationMessageSchema.parse({ siteId: null, ...everySite })] : messages;
  for (const message of announced) pipeline.publish(INVALIDATION_CHANNEL, JSON.stringify(message));
  const results = await pipeline.exec();
  const failure = results?.find(([error]) => error);
  if (failure?.[0]) throw failure[0];
  // Once more after the new version is out, with the tags found before (the content has not changed since): a
  // render in between may have read content cached under the old version and stored it; this deletes it (or its
  // epoch check refuses it). A failure here is only logged.
  if (!renderStore) return;
  await Promise.all(
    invalidated.map(async ({ change, scope }) => {
      if (change.articleIds === undefined || scope === undefined) return;
      await invalidateRenderedPages(renderStore.db, change.siteId, scope, change.articleIds).catch(
        (error: unknown) =>
          (renderStore.log ?? stderrJobsLog).warn(
            { err: error, siteId: change.siteId },
            'render store invalidation after the version bump failed',
          ),
      );
    }),
  );
}

/**
 * The render store's share of one planned change, in one transaction per site (delete + epoch bump, so a
 * render that overlapped it is not stored): an article change deletes the pages that show or would show the
 * articles; any other change deletes the site's pages (a new site version already makes them unused; this
 * frees the space). What it deletes, and the changed articles' live pages, are queued for the worker to render
 * again ahead of their first visitor. Returns the change as it stands and the scope it deleted. When the store
 * cannot be reached, a targeted change becomes a whole-site change (and no scope): the new site version leaves
 * every stored page of the site unused, so nothing stale is served either way.
 */
async function invalidateRenderStore(
  db: Pool,
  change: SiteContentChange,
  log: JobsLog = stderrJobsLog,
): Promise<{ change: SiteContentChange; scope?: readonly string[] | 'site' }> {
  try {
    const scope = change.articleIds
      ? await renderedPageTagsOfArticles(db, change.siteId, change.articleIds)
      : 'site';
    await invalidateRenderedPages(db, change.siteId, scope, change.articleIds);
    return { change, scope };
  } catch (error) {
    log.warn(
      { err: error, siteId: change.siteId },
      'render store invalidation failed; invalidating the whole site',
    );
    return { change: wholeSite(change) };
  }
}

function wholeSite(change: SiteContentChange): SiteContentChange {
  const { articleIds: _targeted, ...site } = change;
  return site;
}

const targetedIds = invalidationMessageSchema.shape.articleIds.unwrap();

/**
 * One change per site: a whole-site change absorbs article changes, and article lists are joined; beyond
 * MAX_TARGETED_ARTICLES, or when any change names none, the site is invalidated as a whole.
 */
export function planSiteInvalidations(changes: readonly SiteContentChange[]): SiteContentChange[] {
  const bySite = new Map<string, SiteContentChange & { ids?: Set<string> }>();
  for (const change of changes) {
    const known = bySite.get(change.siteId);
    const ids = change.articleIds && change.articleIds.length > 0 ? change.articleIds : undefined;
    if (!known) {
      bySite.set(change.siteId, { ...change, ...(ids ? { ids: new Set(ids) } : {}) });
      continue;
    }
    if (change.hostsChanged) known.hostsChanged = true;
    if (known.ids && ids) for (const id of ids) known.ids.add(id);
    else {
      known.ids = undefined;
      known.collection = known.collection === change.collection ? known.collection : '*';
    }
  }
  return [...bySite.values()].map(({ ids, articleIds: _given, ...change }) => {
    const articleIds = ids ? targetedIds.safeParse([...ids]) : undefined;
    return articleIds?.success ? { ...change, articleIds: articleIds.data } : change;
  });
}

/**
 * Content written with SQL (factory publishes, link insertion) passes no Directus hook: announce it as the
 * hook would. `articleIds` per site limits the change to those articles; a site without ids is invalidated as
 * a whole. Failure is logged, not thrown — the write itself is committed, and the frontend caches' TTLs bound
 * how long it stays invisible.
 */
export async function bumpSiteContent(
  redis: Redis,
  sites: Iterable<string> | ReadonlyMap<string, readonly string[]>,
  log: JobsLog = stderrJobsLog,
  renderStore?: Pool,
): Promise<void> {
  const changes: SiteContentChange[] = [];
  if (sites instanceof Map) {
    for (const [siteId, articleIds] of sites)
      changes.push({ siteId, collection: 'generated_articles', articleIds });
  } else {
    for (const siteId of sites as Iterable<string>)
      changes.push({ siteId, collection: 'generated_articles' });
  }
  if (changes.length === 0) return;
  const store = renderStore ? { db: renderStore, log } : undefined;
  await invalidateSiteContent(redis, changes, undefined, store).catch((error: unknown) => {
    log.warn({ err: error }, 'site content version bump failed');
  });
}
