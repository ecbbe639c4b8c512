import type { Pool } from '@spark/db';
import { loadVisibleCampaign } from './campaign-row.js';
import type { FactoryDeps } from './deps.js';
import type { Principal } from './principal.js';

const ORPHANS_LISTED = 200;

interface JobRow {
  id: string;
  status: string;
  processed: number;
  total: number;
  error: string | null;
  date_created: Date;
}

async function outgoingDistribution(db: Pool, campaignId: string) {
  const { rows } = await db.query<{ links: number; articles: number }>(
    `select coalesce(l.n, 0)::int as links, count(*)::int as articles
     from generated_articles a
     left join (select source_article_id, count(*) as n from article_links group by source_article_id) l
       on l.source_article_id = a.id
     where a.campaign_id = $1 and a.status <> 'archived'
     group by 1 order by 1`,
    [campaignId],
  );
  return rows;
}

/**
 * How well a campaign's articles are linked: outgoing internal links per article as a distribution, and the
 * orphans, articles no other article links to (search engines find those only through hubs and the sitemap).
 * Archived articles are left out; they are not served.
 */
export async function linksReport(deps: FactoryDeps, principal: Principal, campaignId: string) {
  const campaign = await loadVisibleCampaign(deps.db, principal, campaignId);
  const outgoing = await outgoingDistribution(deps.db, campaign.id);
  const { rows: orphans } = await deps.db.query<{
    id: string;
    title: string;
    slug: string;
    status: string;
    total: number;
  }>(
    `select a.id, a.title, a.slug, a.status, count(*) over ()::int as total
     from generated_articles a
     where a.campaign_id = $1 and a.status <> 'archived'
       and not exists (select 1 from article_links l where l.target_article_id = a.id)
     order by a.date_created, a.id
     limit $2`,
    [campaign.id, ORPHANS_LISTED],
  );
  const { rows: jobs } = await deps.db.query<JobRow>(
    `select id, status, processed, total, error, date_created from generation_jobs
     where campaign_id = $1 and type = 'insert_links' order by date_created desc, id desc limit 1`,
    [campaign.id],
  );
  const lastRun = jobs[0];
  return {
    data: {
      campaign_id: campaign.id,
      articles: outgoing.reduce((sum, row) => sum + row.articles, 0),
      links: outgoing.reduce((sum, row) => sum + row.links * row.articles, 0),
      outgoing,
      orphan_count: orphans[0]?.total ?? 0,
      orphans: orphans.map(({ total: _total, ...orphan }) => orphan),
      last_run: lastRun ? { ...lastRun, date_created: lastRun.date_created.toISOString() } : null,
    },
  };
}
