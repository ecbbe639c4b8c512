import { cachedRead } from './cached-read.js';
import { readItems } from './directus.js';
import { BLOG_PAGE_SIZE } from './paths.js';
import { type PostRow, type PostSummary, postRowSchema, postSummarySchema } from './schemas.js';

const SUMMARY_FIELDS = [
  'slug',
  'title',
  'excerpt',
  'cover_image_url',
  'tags',
  'published_at',
  'date_updated',
  'author_id.name',
  'author_id.slug',
] as const;

const POST_FIELDS = [
  ...SUMMARY_FIELDS,
  'id',
  'html_content',
  'meta_title',
  'meta_description',
  'author_id.bio',
  'author_id.avatar_url',
] as const;

/** Published and live: a post stamped for the future is not shown before its time. */
const livePosts = (siteId: string) => ({
  site_id: { _eq: siteId },
  status: { _eq: 'published' },
  published_at: { _lte: '$NOW' },
});

export interface PostListing {
  posts: PostSummary[];
  total: number;
  page: number;
  pageCount: number;
}

export function listPosts(siteId: string, page: number): Promise<PostListing> {
  return cachedRead(siteId, `posts:page:${page}`, async (version) => {
    const { rows, total = 0 } = await readItems(
      'posts',
      {
        fields: SUMMARY_FIELDS,
        filter: livePosts(siteId),
        sort: ['-published_at', 'slug'],
        limit: BLOG_PAGE_SIZE,
        offset: (page - 1) * BLOG_PAGE_SIZE,
        withCount: true,
        version,
      },
      postSummarySchema,
    );
    return { posts: rows, total, page, pageCount: Math.max(1, Math.ceil(total / BLOG_PAGE_SIZE)) };
  });
}

/** The newest posts, for posts-list blocks (which filter by tag in process: tags is a small JSON array). */
export function recentPosts(siteId: string): Promise<PostSummary[]> {
  return cachedRead(siteId, 'posts:recent', async (version) => {
    const { rows } = await readItems(
      'posts',
      {
        fields: SUMMARY_FIELDS,
        filter: livePosts(siteId),
        sort: ['-published_at', 'slug'],
        limit: 48,
        version,
      },
      postSummarySchema,
    );
    return rows;
  });
}

export function findPost(siteId: string, slug: string): Promise<PostRow | null> {
  return cachedRead(siteId, `post:${slug}`, async (version) => {
    const { rows } = await readItems(
      'posts',
      { fields: POST_FIELDS, filter: { ...livePosts(siteId), slug: { _eq: slug } }, limit: 1, version },
      postRowSchema,
    );
    return rows[0] ?? null;
  });
}
