import { randomBytes } from 'node:crypto';
import { createPool } from '@spark/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, callApi } from '../../../testing/http.js';
import { createCampaign, type TenantLibrary, tenantLibrary, waitForJob } from './testing/factory-api.js';

/** Duplicate scans and internal linking, as worker jobs started through the API. */
const pool = createPool(process.env.DATABASE_URL ?? '', { max: 2 });
let alpha: TenantLibrary;
let campaignId = '';
const linkUrl = `/inspections-${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  alpha = await tenantLibrary(pool, 'alpha.localhost');
  campaignId = (await createCampaign(alpha)).id;
  const job = await post<{ job_id: string }>('/api/seo/generate-article', {
    campaign_id: campaignId,
    count: 40,
  });
  await waitForJob(job.body.job_id);
}, 60_000);
afterAll(async () => {
  await pool.query('delete from link_targets where site_id = $1 and url = $2', [alpha.siteId, linkUrl]);
  await pool.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  await pool.end();
});

function post<T>(path: string, json: unknown) {
  return callApi<T>(path, { method: 'POST', token: adminToken(), json });
}

describe('scan-duplicates', () => {
  it('flags a copied article against the original with similarity 1 and their shared passage', async () => {
    const { rows } = await pool.query<{ id: string; copy: string }>(
      `insert into generated_articles (site_id, campaign_id, title, slug, html_content, generation_key, status)
       select site_id, campaign_id, title || ' (copy)', slug || '-copy', html_content, generation_key || ':copy', 'qc'
       from generated_articles where campaign_id = $1 order by slug limit 1
       returning (select id from generated_articles where campaign_id = $1 order by slug limit 1) as id, id as copy`,
      [campaignId],
    );
    const pair = rows[0] as { id: string; copy: string };
    const answer = await post<{ job_id: string }>('/api/seo/scan-duplicates', { campaign_id: campaignId });
    expect(answer.status).toBe(202);
    expect(await waitForJob(answer.body.job_id)).toMatchObject({ status: 'completed', processed: 41 });
    const flags = await pool.query<{ score: string; excerpt: string }>(
      `select score, excerpt from quality_flags where type = 'near_duplicate'
       and least(article_id, other_article_id) = least($1::uuid, $2::uuid)
       and greatest(article_id, other_article_id) = greatest($1::uuid, $2::uuid)`,
      [pair.id, pair.copy],
    );
    expect(flags.rows).toHaveLength(1);
    expect(Number(flags.rows[0]?.score)).toBe(1);
    expect(flags.rows[0]?.excerpt.split(' ').length).toBeGreaterThan(20);
    const below = await pool.query(
      `select 1 from quality_flags f join generated_articles a on a.id = f.article_id
       where a.campaign_id = $1 and f.type = 'near_duplicate' and f.score < 0.8`,
      [campaignId],
    );
    expect(below.rows).toHaveLength(0);
  });
});

describe('insert-links', () => {
  it('links anchor phrases to the site link targets at most once per article, and a re-run adds nothing', async () => {
    await pool.query(
      `insert into link_targets (site_id, url, anchor_texts) values ($1, $2, '["inspection"]')`,
      [alpha.siteId, linkUrl],
    );
    const run = async () => {
      const answer = await post<{ job_id: string }>('/api/seo/insert-links', {
        campaign_id: campaignId,
        max_links: 3,
      });
      expect(answer.status).toBe(202);
      expect(await waitForJob(answer.body.job_id)).toMatchObject({ status: 'completed' });
      const { rows } = await pool.query<{ links: number; articles: number; anchored: number }>(
        `select count(*)::int as links, count(distinct l.source_article_id)::int as articles,
                count(*) filter (where a.html_content like '%<a href="' || l.target_url || '">%')::int as anchored
         from article_links l join generated_articles a on a.id = l.source_article_id
         where a.campaign_id = $1 and l.target_url = $2`,
        [campaignId, linkUrl],
      );
      return rows[0];
    };
    const first = await run();
    expect(first?.links).toBeGreaterThan(0);
    expect(first?.links).toBe(first?.articles);
    expect(first?.anchored).toBe(first?.links);
    expect(await run()).toEqual(first);
  });
});
