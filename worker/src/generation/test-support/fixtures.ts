import { randomBytes } from 'node:crypto';
import type { Pool } from '@spark/db';

/**
 * A throwaway tenant with a small library, and generation jobs whose headlines are already reserved —
 * exactly what POST /api/seo/generate-article leaves behind for the worker. Deleting the site removes it all.
 */
export interface FixtureSite {
  siteId: string;
  templateId: string;
  avatarIds: string[];
}

const FRAGMENTS: [string, string][] = [
  [
    'intro',
    '<p>{Finding|Choosing|Hiring} a {good|reliable|trusted} {Niche} crew in {City}, {State_Code} is {hard|not easy} for a {Avatar_Name}. {This guide helps.|Here is how to start.}</p>',
  ],
  [
    'intro',
    '<p>{City} homes {face|see} {hail|heat|storms} every year, and every {Avatar_Name} {wants|needs} a {Niche} answer {fast|quickly|today}.</p>',
  ],
  [
    'body',
    '<h2>{What to check|Where to start} in {City}</h2><p>{Look for|Check} {missing|cracked|curling} shingles, {soft|stained} decking and {loose|rusty} flashing before you call anyone in {State_Code}.</p>',
  ],
  [
    'body',
    '<p>A {thorough|documented|careful} inspection {comes first|is step one}. {Photos of every slope|A written report} {help|let} a {Avatar_Name} compare {quotes|offers} in {City}.</p>',
  ],
  [
    'closing',
    '<p>{Call today|Book online|Get a quote} for a {free|no-obligation} {Niche} visit in {City}. {We reply within a day.|Same-week visits are common.}</p>',
  ],
  [
    'closing',
    '<p>{Ready to talk|Questions left}? A {local|friendly} {Niche} {advisor|expert} in {City} will {walk you through|explain} your options.</p>',
  ],
];

export async function createFixtureSite(pool: Pool): Promise<FixtureSite> {
  const domain = `factory-${randomBytes(4).toString('hex')}.localhost`;
  const site = await pool.query<{ id: string }>(
    `insert into sites (name, domain) values ('Factory test', $1) returning id`,
    [domain],
  );
  const siteId = site.rows[0]?.id ?? '';
  const template = await pool.query<{ id: string }>(
    `insert into article_templates (site_id, name, fragment_types) values ($1, 'Fixture guide', '["intro","body","closing"]')
     returning id`,
    [siteId],
  );
  for (const [type, body] of FRAGMENTS) {
    await pool.query('insert into content_fragments (site_id, fragment_type, body) values ($1, $2, $3)', [
      siteId,
      type,
      body,
    ]);
  }
  const avatars = await pool.query<{ id: string }>(
    `insert into avatar_intelligence (site_id, name) values ($1, 'Homeowner'), ($1, 'Landlord') returning id`,
    [siteId],
  );
  return { siteId, templateId: template.rows[0]?.id ?? '', avatarIds: avatars.rows.map((row) => row.id) };
}

/** A campaign and a generation job with `total` distinct headlines (cities × avatars × variants) reserved. */
export async function createReservedJob(pool: Pool, site: FixtureSite, total: number) {
  const campaign = await pool.query<{ id: string }>(
    `insert into campaign_masters (site_id, name, headline_spintax_root, niche_variables, avatar_ids, template_id,
                                   target_word_count)
     values ($1, $2, '{Niche} in {City}', '{"Niche": "Roofing"}', $3, $4, 300) returning id`,
    [site.siteId, `fixture ${randomBytes(4).toString('hex')}`, site.avatarIds, site.templateId],
  );
  const campaignId = campaign.rows[0]?.id ?? '';
  const job = await pool.query<{ id: string }>(
    `insert into generation_jobs (site_id, campaign_id, type, status, params, total)
     values ($1, $2, 'generate_articles', 'queued', jsonb_build_object('count', $3::int), $3) returning id`,
    [site.siteId, campaignId, total],
  );
  const jobId = job.rows[0]?.id ?? '';
  await pool.query(
    `insert into headline_inventory (site_id, campaign_id, text, spintax_index, variant_key, state_id, county_id,
                                     city_id, avatar_id, status, claimed_by_job, claimed_at)
     select $1, $2::uuid, format('Roofing Guide %s for %ss in %s, %s', k, a.name, c.name, s.code), k,
            format('%s:fixture:%s:%s:-:%s', $2::text, c.id, a.id, k), c.state_id, c.county_id, c.id, a.id,
            'claimed', $3, now()
     -- Only as many variant numbers as the places × avatars need: the whole product would be millions of rows.
     from generate_series(
            0,
            $4::int / greatest(1, (select count(*) from geo_cities)::int
                                  * (select count(*) from avatar_intelligence where site_id = $1)::int)
          ) k
     cross join geo_cities c join geo_states s on s.id = c.state_id
     cross join avatar_intelligence a
     where a.site_id = $1
     order by k, c.name, a.name
     limit $4`,
    [site.siteId, campaignId, jobId, total],
  );
  return { campaignId, jobId };
}

/** How often each fragment a site generates from (its own and the shared library's) has been used. */
export type FragmentUsage = { id: string; usage_count: number }[];

export async function fragmentUsage(pool: Pool, siteId: string): Promise<FragmentUsage> {
  const { rows } = await pool.query<{ id: string; usage_count: number }>(
    'select id, usage_count from content_fragments where site_id = $1 or site_id is null',
    [siteId],
  );
  return rows;
}

/**
 * Removes a test's copy of a demo campaign with its articles (links included) and jobs, and puts the library's
 * usage counts back: the demo tenants are shared with other suites, which must find them as seeded.
 */
export async function removeDemoCampaignCopy(
  pool: Pool,
  campaignId: string,
  usage: FragmentUsage,
): Promise<void> {
  await pool.query('delete from generated_articles where campaign_id = $1', [campaignId]);
  await pool.query('delete from generation_jobs where campaign_id = $1', [campaignId]);
  await pool.query('delete from campaign_masters where id = $1', [campaignId]);
  for (const row of usage) {
    await pool.query('update content_fragments set usage_count = $2 where id = $1', [
      row.id,
      row.usage_count,
    ]);
  }
}
