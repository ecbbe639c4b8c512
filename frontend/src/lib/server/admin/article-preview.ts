import { AppError } from '@spark/contracts';
import { htmlToText, locateSharedPassage, type PassageInText } from '@spark/core';
import { canAccessSite, type Principal } from '@spark/factory';
import { database } from '../connections.js';
import type { ArticleRow } from '../content/schemas.js';

export interface QualityFlag {
  type: string;
  score: number | null;
  /** The shared passage of a near-duplicate pair. */
  excerpt: string | null;
  other: { id: string; title: string } | null;
  /** A near-duplicate pair side by side: the shared passage as each article writes it (null if not found). */
  sideBySide: { self: PassageInText | null; other: PassageInText | null } | null;
}

export interface PreviewArticle {
  article: ArticleRow;
  flags: QualityFlag[];
  site: { id: string; name: string; domain: string };
  status: string;
}

/**
 * Any article of a site the user belongs to, in any status, shaped as the tenant page reads a published one.
 * Read with SQL, not through the published-content reader: unpublished articles are what a preview is for.
 * Another site's article is the same 404 as a missing one.
 */
export async function loadPreviewArticle(principal: Principal, id: string): Promise<PreviewArticle> {
  const { rows } = await database().query<{
    id: string;
    slug: string;
    title: string;
    html_content: string;
    excerpt: string | null;
    meta_title: string | null;
    meta_description: string | null;
    word_count: number;
    published_at: Date | null;
    date_created: Date;
    date_updated: Date | null;
    status: string;
    site_id: string;
    site_name: string;
    domain: string;
  }>(
    `select a.id, a.slug, a.title, a.html_content, a.excerpt, a.meta_title, a.meta_description, a.word_count,
            a.published_at, a.date_created, a.date_updated, a.status, s.id as site_id, s.name as site_name, s.domain
     from generated_articles a join sites s on s.id = a.site_id where a.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row || !canAccessSite(principal, row.site_id)) {
    throw new AppError('NOT_FOUND', `No article ${id} is visible to you`);
  }
  // A pair is stored once, from whichever article the scan started at, so either side may hold it.
  const flags = await database().query<{
    type: string;
    score: string | null;
    excerpt: string | null;
    other_id: string | null;
    other_title: string | null;
    other_html: string | null;
  }>(
    `select f.type, f.score, f.excerpt, o.id as other_id, o.title as other_title, o.html_content as other_html
     from quality_flags f
     left join generated_articles o
       on o.id = case when f.article_id = $1 then f.other_article_id else f.article_id end
     where (f.article_id = $1 or f.other_article_id = $1) and f.status = 'open'
     order by f.type, f.date_created`,
    [id],
  );
  const ownText = htmlToText(row.html_content);
  return {
    flags: flags.rows.map((flag) => ({
      type: flag.type,
      score: flag.score === null ? null : Number(flag.score),
      excerpt: flag.excerpt,
      other: flag.other_id ? { id: flag.other_id, title: flag.other_title ?? '' } : null,
      sideBySide:
        flag.type === 'near_duplicate' && flag.excerpt
          ? {
              self: locateSharedPassage(ownText, flag.excerpt),
              other: locateSharedPassage(htmlToText(flag.other_html ?? ''), flag.excerpt),
            }
          : null,
    })),
    article: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      html_content: row.html_content,
      excerpt: row.excerpt,
      meta_title: row.meta_title,
      meta_description: row.meta_description,
      word_count: row.word_count,
      // Not published yet: the preview shows the date it would carry if it went live now.
      published_at: (row.published_at ?? new Date()).toISOString(),
      date_updated: row.date_updated?.toISOString() ?? null,
    },
    site: { id: row.site_id, name: row.site_name, domain: row.domain },
    status: row.status,
  };
}
