import type { Block } from '@spark/contracts';
import type { BlockData } from '../../../components/blocks/block-data.js';
import { invalidBlockLogFields, parseBlocks } from '../../../components/blocks/parse-blocks.js';
import { log } from '../observability/logger.js';
import { type ArticleAreaLinks, loadArticleAreaLinks } from './area-hubs.js';
import { findArticle } from './articles.js';
import { loadBlockData } from './block-data.js';
import { findPage, publishedPermalinks } from './pages.js';
import { articleSlugFrom, isReservedPath } from './paths.js';
import type { ArticleRow, PageRow } from './schemas.js';

export type TenantRoute =
  | { kind: 'page'; page: PageRow; blocks: Block[]; data: BlockData }
  | { kind: 'article'; article: ArticleRow; areas: ArticleAreaLinks }
  | { kind: 'not-found' };

/**
 * What a tenant path shows: the published page with that permalink, else (for a single segment) the
 * published generated article with that slug — pages win — else nothing (the tenant's 404).
 */
export async function resolveTenantRoute(siteId: string, permalink: string | null): Promise<TenantRoute> {
  if (permalink === null || isReservedPath(permalink)) return { kind: 'not-found' };
  const permalinks = await publishedPermalinks(siteId);
  const page = permalinks.includes(permalink) ? await findPage(siteId, permalink) : null;
  if (page) {
    const blocks = parseBlocks(page.blocks, (invalid) =>
      log().warn(invalidBlockLogFields(page.id, invalid), 'skipped an invalid block'),
    );
    return { kind: 'page', page, blocks, data: await loadBlockData(siteId, blocks) };
  }
  const slug = articleSlugFrom(permalink);
  const found = slug ? await findArticle(siteId, slug) : null;
  if (!found) return { kind: 'not-found' };
  const { article, nearby } = found;
  return { kind: 'article', article, areas: await loadArticleAreaLinks(siteId, article.id, nearby) };
}
