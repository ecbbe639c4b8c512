import { BOARD_COUNT_CAP, type BoardColumn, type BoardQuery } from '@spark/contracts';
import type { FactoryDeps } from './deps.js';
import { type Principal, resolveSiteScope } from './principal.js';

/** Each column's natural order: what needs attention first (oldest in review, next to go live, newest live). */
const ORDER: Record<BoardQuery['status'], string> = {
  qc: 'a.date_created, a.id',
  approved: 'a.date_created, a.id',
  scheduled: 'a.publish_at, a.id',
  published: 'a.published_at desc, a.id',
};

interface CardRow {
  id: string;
  campaign_id: string | null;
  title: string;
  slug: string;
  status: string;
  word_count: number;
  city: string | null;
  publish_at: Date | null;
  published_at: Date | null;
  flags: string[];
}

/** Escapes LIKE's wildcards so a typed prefix matches only itself. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One column of the review board. The page is found first as ids only, in the column's order, from the index
 * that holds that order (`generated_articles_status_idx`, `_scheduled_idx`, `_published_idx`): an index-only
 * range even at a deep offset, never a sort of the site's 100,000 rows. The page's 20-odd cards are then read
 * whole.
 *
 * The count stops at `BOARD_COUNT_CAP` (+1 to know it was reached): exact for the columns a person reads to the
 * end, a few milliseconds for a 100,000-article column that an exact count would walk whole on every page.
 * A city prefix is resolved to the cities' ids first (the gazetteer's name-prefix index), so the planner sees
 * the ids: a filtered count and page read `generated_articles_board_city_idx` instead of the site's column.
 */
export async function boardColumn(
  deps: FactoryDeps,
  principal: Principal,
  query: BoardQuery,
): Promise<BoardColumn> {
  const siteId = resolveSiteScope(principal, query.site_id);
  const empty = { data: [], total: 0, total_capped: false, limit: query.limit, offset: query.offset };
  let cityIds: string[] | null = null;
  if (query.city) {
    const cities = await deps.db.query<{ id: string }>(
      'select id from geo_cities where lower(name) like lower($1)',
      [likePrefix(query.city)],
    );
    if (cities.rows.length === 0) return empty;
    cityIds = cities.rows.map((row) => row.id);
  }
  const where = `where a.site_id = $1 and a.status = $2 and ($3::uuid is null or a.campaign_id = $3)
    and ($4::text is null or exists (select 1 from quality_flags f
                                     where f.article_id = a.id and f.type = $4 and f.status = 'open'))
    and ($5::uuid[] is null or a.city_id = any($5))`;
  const scope = [siteId, query.status, query.campaign_id ?? null, query.flag ?? null, cityIds];
  const order = ORDER[query.status];
  const [page, count] = await Promise.all([
    deps.db.query<CardRow>(
      `with page as (select a.id from generated_articles a ${where} order by ${order} limit $6 offset $7)
       select a.id, a.campaign_id, a.title, a.slug, a.status, a.word_count, c.name as city, a.publish_at,
              a.published_at,
              array(select distinct f.type from quality_flags f where f.article_id = a.id and f.status = 'open'
                    order by f.type) as flags
       from page join generated_articles a on a.id = page.id left join geo_cities c on c.id = a.city_id
       order by ${order}`,
      [...scope, query.limit, query.offset],
    ),
    deps.db.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from generated_articles a ${where} limit $6) capped`,
      [...scope, BOARD_COUNT_CAP + 1],
    ),
  ]);
  const counted = count.rows[0]?.n ?? 0;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    data: page.rows.map((row) => ({
      ...row,
      publish_at: iso(row.publish_at),
      published_at: iso(row.published_at),
    })),
    total: Math.min(counted, BOARD_COUNT_CAP),
    total_capped: counted > BOARD_COUNT_CAP,
    limit: query.limit,
    offset: query.offset,
  };
}
