import { insertLinksParams } from '@spark/contracts';
import { type PlannedLink, planInternalLinks } from '@spark/core';
import { type Pool, withTransaction } from '@spark/db';
import { finishJob, startAnalysisJob } from '@spark/jobs';
import { UnrecoverableError } from 'bullmq';
import { insertAreaSectionLinks, loadAreaSections, type SectionLinkRow } from './area-section-links.js';
import {
  finalOffsets,
  hubFits,
  loadSiteTargets,
  nearbyArticleTargets,
  type SiteLinkTarget,
} from './link-targets.js';

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
  const siteTargets = await loadSiteTargets(pool, siteId);
  // The nearby articles depend only on the city: one statement for every city of the campaign.
  const { rows: cityRows } = await pool.query<{ city_id: string }>(
    'select distinct city_id from generated_articles where campaign_id = $1 and city_id is not null',
    [job.campaign_id],
  );
  const nearby = await nearbyArticleTargets(
    pool,
    siteId,
    cityRows.map((row) => row.city_id),
    nearbyKm,
  );
  const { rows: usageRows } = await pool.query<{ phrase: string; n: number }>(
    'select lower(anchor_text) as phrase, count(*)::int as n from article_links where site_id = $1 group by 1',
    [siteId],
  );
  const anchorUsage = new Map(usageRows.map((row) => [row.phrase, row.n]));
  const sections = await loadAreaSections(
    pool,
    siteId,
    job.campaign_id,
    cityRows.map((row) => row.city_id),
  );
  let after = '00000000-0000-0000-0000-000000000000';
  let articles = 0;
  let inserted = 0;
  let liveChanged = false;
  const writing: { write: Promise<number>; processed: number }[] = [];
  // The oldest page's write, then the job's progress up to it (so progress only grows).
  const finishOldestWrite = async () => {
    const oldest = writing.shift();
    if (!oldest) return;
    inserted += await oldest.write;
    await pool.query(
      'update generation_jobs set processed = $2::int, progress = least(100, round(100.0 * $2::int / greatest(total, 1), 2)) where id = $1',
      [job.id, oldest.processed],
    );
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
      page.links.push({
        source: article.id,
        link,
        target: byId.get(link.targetId),
        position: offsets[i] ?? 0,
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
  for (;;) {
    const { rows } = await pool.query<ArticleRow>(
      `select a.id, a.slug, a.status, a.html_content, a.city_id, a.county_id, a.state_id,
              (select count(*)::int from article_links l where l.source_article_id = a.id) as links
       from generated_articles a
       where a.campaign_id = $1 and a.status in ('qc', 'approved', 'scheduled', 'published') and a.id > $2
       order by a.id limit $3`,
      [job.campaign_id, after, PAGE],
    );
    if (rows.length === 0) break;
    after = (rows.at(-1) as ArticleRow).id;
    // What the page writes: its rewritten bodies, their links, and the area sections of its published articles.
    const page: PageWrites = { updated: [], links: [], sectionLinks: [] };
    for (const article of rows) {
      const body = planArticle(article, page);
      if (article.status === 'published') {
        // The section sits right after the body, as stored once this page is written.
        const position = charLength(body);
        for (const link of sections.linksOf(article))
          page.sectionLinks.push({ source: article.id, position, link });
      }
    }
    articles += rows.length;
    // A failed write fails the job here (at the next page) or at the end.
    if (writing.length >= WRITERS) await finishOldestWrite();
    const write = writePage(pool, siteId, page);
    write.catch(() => {});
    writing.push({ write, processed: articles });
  }
  while (writing.length > 0) await finishOldestWrite();
  if (liveChanged) await onLiveContentChanged(siteId);
  const orphans = await orphanCount(pool, siteId, job.campaign_id);
  await finishJob(pool, job.id, 'links.inserted', { articles, links: inserted, orphans });
  return { articles, links: inserted, orphans };
}

const SURROGATE_PAIR = /[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g;

/** Characters as PostgreSQL's char_length counts them (code points, so a surrogate pair is one). */
function charLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/** What one page of articles writes: rewritten bodies, their links, and its published articles' area sections. */
interface PageWrites {
  updated: { id: string; html: string }[];
  links: PageLink[];
  sectionLinks: SectionLinkRow[];
}

interface PageLink {
  source: string;
  link: PlannedLink;
  target: SiteLinkTarget | undefined;
  position: number;
}

/**
 * A page's rewritten bodies, their links and its articles' area sections in one transaction: one update and two
 * inserts (unnest of columns). The body's links go in before the sections, so a URL both name is recorded as the
 * body's link. Returns the links inserted.
 */
async function writePage(
  pool: Pool,
  siteId: string,
  { updated, links, sectionLinks }: PageWrites,
): Promise<number> {
  if (updated.length === 0 && sectionLinks.length === 0) return 0;
  return withTransaction(pool, async (client) => {
    let inserted = 0;
    if (updated.length > 0) {
      await client.query(
        `update generated_articles a set html_content = t.html
         from unnest($1::uuid[], $2::text[]) as t(id, html) where a.id = t.id`,
        [updated.map((u) => u.id), updated.map((u) => u.html)],
      );
      const pick = (kind: SiteLinkTarget['kind']) =>
        links.map(({ target }) => (target?.kind === kind ? target.rowId : null));
      const result = await client.query(
        `insert into article_links (site_id, source_article_id, target_article_id, target_hub_page_id, link_target_id,
                                    target_url, anchor_text, position)
         select $1, t.source, t.article, t.hub, t.target, t.url, t.anchor, t.position
         from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::int[])
           as t(source, article, hub, target, url, anchor, position)
         on conflict (source_article_id, target_url) do nothing`,
        [
          siteId,
          links.map((l) => l.source),
          pick('article'),
          pick('hub_page'),
          pick('link_target'),
          links.map((l) => l.link.url),
          links.map((l) => l.link.anchorText),
          links.map((l) => l.position),
        ],
      );
      inserted += result.rowCount ?? 0;
    }
    return inserted + (await insertAreaSectionLinks(client, siteId, sectionLinks));
  });
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
