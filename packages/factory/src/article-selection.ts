import { AppError } from '@spark/contracts';
import type { PoolClient } from '@spark/db';
import { canAccessSite, type Principal } from './principal.js';

export interface ArticleSelection {
  article_ids?: string[];
  job_id?: string;
}

export interface SelectedArticle {
  id: string;
  site_id: string;
  campaign_id: string | null;
  title: string;
  status: string;
  schema_json: unknown;
}

/**
 * Locks the selected articles (by id, or every article of a job) in a stable order. Any id the caller
 * cannot see — missing or another tenant's — makes the whole request NOT_FOUND, so nothing is half done
 * and other sites' ids are never confirmed.
 */
export async function lockSelectedArticles(
  client: PoolClient,
  principal: Principal,
  selection: ArticleSelection,
  withSchema = false,
): Promise<SelectedArticle[]> {
  const columns = `id, site_id, campaign_id, title, status, ${withSchema ? 'schema_json' : 'null as schema_json'}`;
  if (selection.job_id !== undefined) {
    const { rows } = await client.query<{ site_id: string }>(
      'select site_id from generation_jobs where id = $1',
      [selection.job_id],
    );
    const job = rows[0];
    if (!job || !canAccessSite(principal, job.site_id)) {
      throw new AppError('NOT_FOUND', `No generation job ${selection.job_id} is visible to you`);
    }
    const articles = await client.query<SelectedArticle>(
      `select ${columns} from generated_articles
       where job_id = $1 order by date_created, id for update`,
      [selection.job_id],
    );
    return articles.rows;
  }
  const ids = selection.article_ids ?? [];
  const { rows } = await client.query<SelectedArticle>(
    `select ${columns} from generated_articles
     where id = any($1::uuid[]) order by array_position($1::uuid[], id) for update`,
    [ids],
  );
  const visible = rows.filter((row) => canAccessSite(principal, row.site_id));
  if (visible.length !== ids.length) {
    const seen = new Set(visible.map((row) => row.id));
    const missing = ids.find((id) => !seen.has(id));
    throw new AppError('NOT_FOUND', `No article ${missing} is visible to you`);
  }
  return visible;
}

/** Ids per site, so each site gets its own work_log entry and cache bump. */
export function groupBySite<T extends { site_id: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.site_id);
    if (group) group.push(row);
    else groups.set(row.site_id, [row]);
  }
  return groups;
}
