import type { Pool } from '@spark/db';

export interface CampaignSummary {
  stats: { inventory: Record<string, number>; articles: Record<string, number> };
  last_job: {
    id: string;
    status: string;
    processed: number;
    failed: number;
    total: number;
    date_created: string;
  } | null;
}

/**
 * What each listed campaign has produced, in three grouped queries for the whole page (not three per
 * campaign): inventory and articles by status, and the newest job.
 */
export async function campaignSummaries(pool: Pool, ids: string[]): Promise<Map<string, CampaignSummary>> {
  const summaries = new Map<string, CampaignSummary>(
    ids.map((id) => [id, { stats: { inventory: {}, articles: {} }, last_job: null }]),
  );
  if (ids.length === 0) return summaries;
  const counts = (table: string) =>
    pool.query<{ campaign_id: string; status: string; n: number }>(
      `select campaign_id, status, count(*)::int as n from ${table}
       where campaign_id = any($1::uuid[]) group by campaign_id, status`,
      [ids],
    );
  const [inventory, articles, jobs] = await Promise.all([
    counts('headline_inventory'),
    counts('generated_articles'),
    pool.query<{
      campaign_id: string;
      id: string;
      status: string;
      processed: number;
      failed: number;
      total: number;
      date_created: Date;
    }>(
      `select distinct on (campaign_id) campaign_id, id, status, processed, failed, total, date_created
       from generation_jobs where campaign_id = any($1::uuid[]) order by campaign_id, date_created desc, id`,
      [ids],
    ),
  ]);
  for (const row of inventory.rows) {
    const summary = summaries.get(row.campaign_id);
    if (summary) summary.stats.inventory[row.status] = row.n;
  }
  for (const row of articles.rows) {
    const summary = summaries.get(row.campaign_id);
    if (summary) summary.stats.articles[row.status] = row.n;
  }
  for (const { campaign_id, date_created, ...job } of jobs.rows) {
    const summary = summaries.get(campaign_id);
    if (summary) summary.last_job = { ...job, date_created: date_created.toISOString() };
  }
  return summaries;
}
