import { insertLinksParams } from '@spark/contracts';
import { planInternalLinks } from '@spark/core';
import { type Pool, type PoolClient, withTransaction } from '@spark/db';
import { finishJob, startAnalysisJob } from '@spark/jobs';
import { UnrecoverableError } from 'bullmq';
import { loadAreaSections } from './area-section-links.js';
import { finalOffsets, hubFits, loadSiteTargets, nearbyArticleTargets } from './link-targets.js';

const PAGE = 200;
/**
 * Pages written at once. Writing (the body update, and the link inserts with their foreign-key checks) costs the
 * database more than planning costs the worker, so two pages go to the database together: on a small server both
 * of its cores work. The pages hold different source articles, and the row locks the writes take (each page's
 * own articles for update, link targets for key share) do not conflict with each other.
 */
const WRITERS = 2;

interface ArticleRow {
  id: string;
  slug: string;
  status: string;
  html_content: string;
  city_id: string | null;
  county_id: string | null;
  state_id: string | null;
  links: number;
}

/**
 * Links a campaign's articles to the site's link targets, hubs of their place and published articles of
 * nearby cities inside their text, and records each published article's area section (nearby articles,
 * area hubs, next article) with the page it is written in. Re-running is safe: already linked URLs are
 * skipped and the per-article cap counts the links recorded before. Ends with the orphan report (published
 * articles nothing links to).
 */
export async function insertLinks(
  pool: Pool,
  generationJobId: string,
  siteId: string,
  onLiveContentChanged: (siteId: string) => Promise<void>,
) {
  const started = await startAnalysisJob(pool, { generationJobId, siteId }, insertLinksParams, 'links');
  if (!started) return { articles: 0, links: 0 };
  const { job, params } = started;
  if (!job.campaign_id) throw new UnrecoverableError(`links job ${generationJobId} has no campaign`);
  const { max_links: maxLinks, nearby_km: nearbyKm } = params;
  const campaignId = job.campaign_id;
  // One run per campaign at a time: a second run waits, then sees the first one's links (and skips them) instead
  // of planning from bodies the first is rewriting. The lock lives on its own connection, so it goes with the
  // process if the worker dies.
  const lock = await pool.connect();
  try {
    await lock.query(`select pg_advisory_lock(hashtext('spark.insert-links'), hashtext($1))`, [campaignId]);
    return await linkCampaign(
      pool,
      { jobId: job.id, campaignId, siteId, maxLinks, nearbyKm },
      onLiveContentChanged,
    );
  } finally {
    await lock
      .query(`select pg_advisory_unlock(hashtext('spark.insert-links'), hashtext($1))`, [campaignId])
      .then(
        () => lock.release(),
        (error: unknown) => lock.release(error instanceof Error ? error : true),
      );
  }
}

/** The run itself, under the campaign's lock. */
async function linkCampaign(
  pool: Pool,
  run: { jobId: string; campaignId: string; siteId: string; maxLinks: number; nearbyKm: number },
  onLiveContentChanged: (siteId: string) => Promise<void>,
) {
  const { jobId, campaignId, siteId, maxLinks, nearbyKm } = run;
  // The nearby articles depend only on the city: one statement for every city of the campaign.
  const { rows: cityRows } = await pool.query<{ city_id: string }>(
    'select distinct city_id from generated_articles where campaign_id = $1 and city_id is not null',
    [campaignId],
  );
  const cityIds = cityRows.map((row) => row.city_id);
  // Independent reads, side by side: the database answers one while the worker builds another's result.
  const [siteTargets, nearby, anchorUsage, sections] = await Promise.all([
    loadSiteTargets(pool, siteId),
    nearbyArticleTargets(pool, siteId, cityIds, nearbyKm),
    loadAnchorUsage(pool, siteId),
    loadAreaSections(pool, siteId, campaignId, cityIds),
  ]);
  let after = '00000000-0000-0000-0000-000000000000';
  let articles = 0;
  let inserted = 0;
  let liveChanged = false;
  const writing: Promise<number>[] = [];
  const finishOldestWrite = async () => {
    inserted += (await writing.shift()) ?? 0;
  };

  /** Plans the article's links into the page's writes; returns its body as it will be stored. */
  const planArticle = (article: ArticleRow, page: PageWrites): string => {
    if (article.links >= maxLinks) return article.html_content;
    const targets = [
      ...siteTargets.filter((t) => hubFits(t, article)),
      ...(nearby.get(article.city_id ?? '') ?? []),
    ];
    const plan = planInternalLinks(article.html_content, targets, {
      maxLinks: maxLinks - article.links,
      selfId: `article:${article.id}`,
      selfUrl: `/${article.slug}`,
      anchorUsage,
    });
    if (plan.links.length === 0) return article.html_content;
    const byId = new Map(targets.map((t) => [t.id, t]));
    const sorted = [...plan.links].sort((a, b) => a.offset - b.offset);
    const offsets = finalOffsets(sorted);
    page.updated.push({ id: article.id, html: plan.html });
    sorted.forEach((link, i) => {
      const target = byId.get(link.targetId);
      page.links.push({
        source: article.id,
        article: target?.kind === 'article' ? target.rowId : null,
        hub: target?.kind === 'hub_page' ? target.rowId : null,
        linkTarget: target?.kind === 'link_target' ? target.rowId : null,
        url: link.url,
        anchor: link.anchorText,
        position: offsets[i] ?? 0,
        known: article.links > 0,
      });
    });
    for (const link of sorted)
      anchorUsage.set(
        link.anchorPhrase.toLowerCase(),
        (anchorUsage.get(link.anchorPhrase.toLowerCase()) ?? 0) + 1,
      );
    liveChanged ||= article.status === 'published';
    return plan.html;
  };
  // The next page is read while this one is planned: its keyset is this page's last id.
  let reading = readArticlePage(pool, campaignId, after);
  for (;;) {
    const rows = await reading;
    if (rows.length === 0) break;
    after = (rows.at(-1) as ArticleRow).id;
    reading = readArticlePage(pool, campaignId, after);
    reading.catch(() => {});
    // What the page writes: its rewritten bodies, their links, and the area sections of its published articles.
    const page: PageWrites = { updated: [], links: [] };
    for (const article of rows) {
      const body = planArticle(article, page);
      if (article.status === 'published') {
        // The section sits right after the body, as stored once this page is written.
        const position = charLength(body);
        for (const link of sections.linksOf(article))
          page.links.push({
            source: article.id,
            article: link.articleId,
            hub: null,
            linkTarget: null,
            url: link.url,
            anchor: link.anchor,
            position,
            known: article.links > 0,
          });
      }
    }
    articles += rows.length;
    // A failed write fails the job here (at the next page) or at the end.
    if (writing.length >= WRITERS) await finishOldestWrite();
    const processed = articles;
    // The job's progress is recorded after the page, outside its transaction: the two writers would otherwise
    // queue on the job's row. Pages finish in any order, so it only grows.
    const write = writePage(pool, siteId, page).then(async (pageLinks) => {
      await pool.query(
        `update generation_jobs set processed = greatest(processed, $2::int),
                progress = least(100, round(100.0 * greatest(processed, $2::int) / greatest(total, 1), 2))
         where id = $1`,
        [jobId, processed],
      );
      return pageLinks;
    });
    write.catch(() => {});
    writing.push(write);
  }
  while (writing.length > 0) await finishOldestWrite();
  if (liveChanged) await onLiveContentChanged(siteId);
  const orphans = await orphanCount(pool, siteId, campaignId);
  await finishJob(pool, jobId, 'links.inserted', { articles, links: inserted, orphans });
  return { articles, links: inserted, orphans };
}

/**
 * A page of the campaign's linkable articles after `after` in id order, with the links each already records (a
 * re-run counts them against the cap).
 */
async function readArticlePage(pool: Pool, campaignId: string, after: string): Promise<ArticleRow[]> {
  const { rows } = await pool.query<ArticleRow>(
    `select a.id, a.slug, a.status, a.html_content, a.city_id, a.county_id, a.state_id,
            (select count(*)::int from article_links l where l.source_article_id = a.id) as links
     from generated_articles a
     where a.campaign_id = $1 and a.status in ('qc', 'approved', 'scheduled', 'published') and a.id > $2
     order by a.id limit $3`,
    [campaignId, after, PAGE],
  );
  return rows;
}

/** How often the site's links use each anchor phrase (lower-cased), so the planner prefers the less used. */
async function loadAnchorUsage(pool: Pool, siteId: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ phrase: string; n: number }>(
    'select lower(anchor_text) as phrase, count(*)::int as n from article_links where site_id = $1 group by 1',
    [siteId],
  );
  return new Map(rows.map((row) => [row.phrase, row.n]));
}

const SURROGATE_PAIR = /[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g;

/** Characters as PostgreSQL's char_length counts them (code points, so a surrogate pair is one). */
function charLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/** What one page of articles writes: rewritten bodies, then their links and its published articles' area sections. */
interface PageWrites {
  updated: { id: string; html: string }[];
  links: LinkRow[];
}

/** One article_links row; the target is an article, a hub page, a link target or (an area hub) only a URL. */
interface LinkRow {
  source: string;
  article: string | null;
  hub: string | null;
  linkTarget: string | null;
  url: string;
  anchor: string;
  position: number;
  /** The source article had links recorded before this run, which a row may repeat. */
  known: boolean;
}

/**
 * A page's rewritten bodies and its links in one transaction: one update and at most two inserts (unnest of
 * columns). One row per source and URL, the first listed winning: the body's links come before the section's, so
 * a URL both name is recorded as the body's link. Rows of an article with nothing recorded before cannot meet an
 * existing row, so they are inserted plainly; only a re-run's rows pay for `on conflict` (about a quarter more per
 * row). Returns the links inserted.
 */
async function writePage(pool: Pool, siteId: string, { updated, links }: PageWrites): Promise<number> {
  const seen = new Set<string>();
  const rows = links.filter((row) => {
    const key = `${row.source} ${row.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return withTransaction(pool, async (client) => {
    // A page lost to a crash is written again by re-running the job (already recorded links are skipped), so the
    // commit does not wait for its WAL to reach the disk.
    await client.query('set local synchronous_commit = off');
    if (updated.length > 0)
      await client.query(
        `update generated_articles a set html_content = t.html
         from unnest($1::uuid[], $2::text[]) as t(id, html) where a.id = t.id`,
        [updated.map((u) => u.id), updated.map((u) => u.html)],
      );
    const fresh = await insertLinkRows(
      client,
      siteId,
      rows.filter((row) => !row.known),
      '',
    );
    const again = await insertLinkRows(
      client,
      siteId,
      rows.filter((row) => row.known),
      'on conflict (source_article_id, target_url) do nothing',
    );
    return fresh + again;
  });
}

async function insertLinkRows(
  client: PoolClient,
  siteId: string,
  rows: readonly LinkRow[],
  onConflict: string,
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await client.query(
    `insert into article_links (site_id, source_article_id, target_article_id, target_hub_page_id, link_target_id,
                                target_url, anchor_text, position)
     select $1, t.source, t.article, t.hub, t.target, t.url, t.anchor, t.position
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::int[])
       as t(source, article, hub, target, url, anchor, position)
     ${onConflict}`,
    [
      siteId,
      rows.map((row) => row.source),
      rows.map((row) => row.article),
      rows.map((row) => row.hub),
      rows.map((row) => row.linkTarget),
      rows.map((row) => row.url),
      rows.map((row) => row.anchor),
      rows.map((row) => row.position),
    ],
  );
  return result.rowCount ?? 0;
}

/**
 * Published articles of the campaign that no other published article of the site links to, counted in SQL
 * rather than by reading the site's links. A set difference, so each side is read once whatever the planner
 * believes: right after a publish the statistics still say the campaign has no published article, and a
 * correlated NOT EXISTS then re-joined the site's links once per article (past the statement timeout at
 * 1,000 articles).
 */
async function orphanCount(pool: Pool, siteId: string, campaignId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from (
       select p.id from generated_articles p where p.campaign_id = $2 and p.status = 'published'
       except
       select l.target_article_id from article_links l
       join generated_articles s on s.id = l.source_article_id and s.status = 'published'
       where l.site_id = $1 and l.target_article_id <> l.source_article_id
     ) orphans`,
    [siteId, campaignId],
  );
  return rows[0]?.n ?? 0;
}
