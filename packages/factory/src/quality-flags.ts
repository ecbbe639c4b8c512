import { AppError, type QualityDecision, type QualityFlagsQuery } from '@spark/contracts';
import { htmlToText, locateSharedPassage } from '@spark/core';
import { withTransaction, writeWorkLog } from '@spark/db';
import type { FactoryDeps } from './deps.js';
import { canAccessSite, type Principal, resolveSiteScope } from './principal.js';

interface ArticleColumns {
  id: string;
  title: string;
  slug: string;
  status: string;
  campaign_id: string | null;
  word_count: number;
  date_created: Date;
  html_content: string;
}

interface FlagRow {
  id: string;
  site_id: string;
  type: 'near_duplicate' | 'short';
  status: 'open' | 'resolved' | 'ignored';
  score: number | null;
  excerpt: string | null;
  details: { target_word_count?: number };
  date_created: Date;
  total: number;
  article: ArticleColumns;
  other: ArticleColumns | null;
}

const articleJson = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, 'title', ${alias}.title, 'slug', ${alias}.slug, 'status', ${alias}.status,
     'campaign_id', ${alias}.campaign_id, 'word_count', ${alias}.word_count, 'date_created', ${alias}.date_created,
     'html_content', ${alias}.html_content)`;

function side(article: ArticleColumns, excerpt: string | null) {
  const { html_content, ...fields } = article;
  return {
    ...fields,
    date_created: new Date(fields.date_created).toISOString(),
    passage: excerpt ? locateSharedPassage(htmlToText(html_content), excerpt) : null,
  };
}

/** Older first, so the pair always reads "original, then the newer copy" whichever article the scan started from. */
function orderedPair(row: FlagRow): [ArticleColumns, ArticleColumns | null] {
  const { article, other } = row;
  if (other && Date.parse(String(other.date_created)) < Date.parse(String(article.date_created)))
    return [other, article];
  return [article, other];
}

/**
 * One page of a site's near-duplicate pairs or short articles in one status, newest flag first. The matching
 * flags are found and counted as ids; only the page's flags are joined to their articles' columns (bodies
 * included, for the side-by-side passage), so a site with thousands of flags builds 20-odd cards, not thousands.
 */
export async function listQualityFlags(deps: FactoryDeps, principal: Principal, query: QualityFlagsQuery) {
  const siteId = resolveSiteScope(principal, query.site_id);
  const { rows } = await deps.db.query<FlagRow>(
    `with matched as (
       select f.id, f.date_created from quality_flags f
       where f.site_id = $1 and f.type = $2 and f.status = $3
         and ($4::uuid is null or exists (select 1 from generated_articles c
                                          where c.id in (f.article_id, f.other_article_id) and c.campaign_id = $4))
     ), page as (
       select id from matched order by date_created desc, id desc limit $5 offset $6
     )
     select f.id, f.site_id, f.type, f.status, f.score::float8 as score, f.excerpt, f.details, f.date_created,
            (select count(*) from matched)::int as total, ${articleJson('a')} as article,
            case when o.id is null then null else ${articleJson('o')} end as other
     from page
     join quality_flags f on f.id = page.id
     join generated_articles a on a.id = f.article_id
     left join generated_articles o on o.id = f.other_article_id
     order by f.date_created desc, f.id desc`,
    [siteId, query.type, query.status, query.campaign_id ?? null, query.limit, query.offset],
  );
  return {
    data: rows.map((row) => {
      const [first, second] = orderedPair(row);
      return {
        id: row.id,
        site_id: row.site_id,
        type: row.type,
        status: row.status,
        score: row.score,
        target_word_count: row.details.target_word_count ?? null,
        date_created: row.date_created.toISOString(),
        article: side(first, row.excerpt),
        other: second ? side(second, row.excerpt) : null,
      };
    }),
    total: rows[0]?.total ?? 0,
    limit: query.limit,
    offset: query.offset,
  };
}

interface LockedFlag {
  id: string;
  site_id: string;
  type: string;
  status: string;
  article_id: string;
  other_article_id: string | null;
}

/**
 * Decides an open flag. Resolving a near-duplicate pair sends its newer article back to review when it is
 * approved or scheduled (clearing its publish time and any quality override), so the copy cannot publish
 * until someone rewrites or archives it; resolving a short article records the decision only. Dismissing
 * marks a false positive, after which the flag no longer holds the articles back at publishing.
 */
export async function decideQualityFlag(
  deps: FactoryDeps,
  principal: Principal,
  flagId: string,
  request: QualityDecision,
) {
  return withTransaction(deps.db, async (client) => {
    const { rows } = await client.query<LockedFlag>(
      `select id, site_id, type, status, article_id, other_article_id from quality_flags where id = $1 for update`,
      [flagId],
    );
    const flag = rows[0];
    if (!flag || !canAccessSite(principal, flag.site_id))
      throw new AppError('NOT_FOUND', `No quality flag ${flagId} is visible to you`);
    if (flag.status !== 'open')
      throw new AppError('CONFLICT', `This flag was already ${flag.status}; reload to see its current state`);
    const status = request.decision === 'resolve' ? 'resolved' : 'ignored';
    await client.query('update quality_flags set status = $2 where id = $1', [flag.id, status]);
    let returned: string | null = null;
    if (request.decision === 'resolve' && flag.other_article_id) {
      const { rows: sent } = await client.query<{ id: string }>(
        `update generated_articles
         set status = 'qc', publish_at = null, quality_override_at = null, quality_override_by = null
         where id = (select id from generated_articles where id = any($1::uuid[])
                     order by date_created desc, id desc limit 1)
           and status in ('approved', 'scheduled')
         returning id`,
        [[flag.article_id, flag.other_article_id]],
      );
      returned = sent[0]?.id ?? null;
    }
    await writeWorkLog(
      {
        action: `quality_flags.${request.decision}`,
        entityType: 'quality_flags',
        entityId: flag.id,
        siteId: flag.site_id,
        userId: principal.userId,
        details: {
          type: flag.type,
          changes: { status: { old: 'open', new: status } },
          article_ids: [flag.article_id, flag.other_article_id].filter(Boolean),
          returned_to_review: returned,
          note: request.note ?? null,
        },
      },
      client,
    );
    return { data: { id: flag.id, status, returned_article_id: returned } } as const;
  });
}
