import type { Pool } from '@spark/db';

/**
 * A site of `articles` published articles (and the rows the read side must never show: drafts, scheduled and
 * embargoed articles, another site's articles), inserted set-based with generate_series so 100,000 rows take
 * seconds. Articles are spread over 1,000 cities in 200 counties of 20 states, so area hubs have real fan-out.
 * For measuring reads (EXPLAIN ANALYZE, sitemaps, the board, hubs); the write-side bench seeds its own sites.
 */
export interface ReadScaleSeed {
  siteId: string;
  otherSiteId: string;
  /** Published and live: what sitemaps, hubs and the board's published column hold. */
  published: number;
}

export interface ReadScaleOptions {
  articles: number;
  /** The seeded site's host, e.g. `scale.localhost`; the other site gets `other-<domain>`. */
  domain: string;
}

const GEO = `
insert into geo_states (code, name)
select chr(65 + s / 26) || chr(65 + s % 26), 'State ' || s from generate_series(0, 19) s
on conflict (code) do nothing;
insert into geo_counties (state_id, name)
select st.id, 'County ' || c from geo_states st, generate_series(1, 10) c
where st.name like 'State %'
on conflict (state_id, name) do nothing;
insert into geo_cities (state_id, county_id, name, geom)
select co.state_id, co.id, co.name || ' City ' || n,
       ST_SetSRID(ST_MakePoint(-100 + random() * 20, 30 + random() * 15), 4326)
from geo_counties co, generate_series(1, 5) n
where co.name like 'County %'
on conflict (state_id, name) do nothing;
`;

/** `$1` site, `$2` count, `$3` slug prefix, `$4` status, `$5` published_at offset from now (interval text). */
const ARTICLES = `
with cities as (
  select id, row_number() over (order by id) - 1 as n, count(*) over () as total from geo_cities
)
insert into generated_articles (site_id, title, slug, html_content, excerpt, word_count, city_id, status,
                                generation_key, publish_at, published_at, date_created, date_updated)
select $1::uuid, 'Article ' || g, $3::text || '-' || g, '<p>Body of article ' || g || '.</p>', 'Excerpt ' || g, 600,
       c.id, $4::text, $3::text || ':' || $1::text || ':' || g,
       case when $4::text = 'scheduled' then now() + interval '7 days' end,
       case when $4::text = 'published' then now() + $5::interval - (g || ' minutes')::interval end,
       now() - interval '400 days' + (g || ' seconds')::interval,
       case when g % 3 = 0 then now() - (g || ' seconds')::interval end
from generate_series(1, $2::int) g
join cities c on c.n = g % c.total`;

export async function seedReadScaleSite(pool: Pool, options: ReadScaleOptions): Promise<ReadScaleSeed> {
  await pool.query(GEO);
  const site = async (domain: string, name: string) =>
    (
      await pool.query<{ id: string }>(
        `insert into sites (name, domain) values ($1, $2)
         on conflict (domain) do update set name = excluded.name returning id`,
        [name, domain],
      )
    ).rows[0]?.id as string;
  const siteId = await site(options.domain, 'Scale site');
  const otherSiteId = await site(`other-${options.domain}`, 'Other site');
  const insert = (id: string, count: number, prefix: string, status: string, offset = '0 minutes') =>
    pool.query(ARTICLES, [id, count, prefix, status, offset]);
  await insert(siteId, options.articles, 'live', 'published');
  await insert(siteId, Math.ceil(options.articles / 50), 'draft', 'qc');
  await insert(siteId, Math.ceil(options.articles / 200), 'approved', 'approved');
  await insert(siteId, Math.ceil(options.articles / 200), 'soon', 'scheduled');
  // Published, but with a publication time still ahead: embargoed, not live.
  await insert(siteId, 100, 'embargoed', 'published', '30 days');
  await insert(otherSiteId, Math.ceil(options.articles / 100), 'elsewhere', 'published');
  // Every tenth article in review is flagged short: the board's flag filter has something to find.
  await pool.query(
    `insert into quality_flags (site_id, article_id, type, score)
     select site_id, id, 'short', 120 from generated_articles
     where site_id = $1 and status = 'qc' and slug like 'draft-%0'
     on conflict do nothing`,
    [siteId],
  );
  await pool.query('vacuum analyze generated_articles');
  return { siteId, otherSiteId, published: options.articles };
}
