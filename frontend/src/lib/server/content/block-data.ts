import type { Block } from '@spark/contracts';
import type { BlockData } from '../../../components/blocks/block-data.js';
import { issueFormToken } from '../leads/form-token.js';
import { findForm } from './forms.js';
import { findOffer } from './offers.js';
import { recentPosts } from './posts.js';
import { loadPrivacyNotice } from './privacy.js';

/**
 * The data some blocks reference (posts for posts lists, form definitions, offers), loaded once per page
 * in parallel so the renderer itself stays synchronous and pure.
 */
export async function loadBlockData(siteId: string, blocks: readonly Block[]): Promise<BlockData> {
  const formSlugs = new Set<string>();
  const offerNames = new Set<string>();
  let needsPosts = false;
  for (const block of blocks) {
    if (block.type === 'form') formSlugs.add(block.form);
    else if (block.type === 'offer') offerNames.add(block.offer);
    else if (block.type === 'posts_list') needsPosts = true;
  }
  const [posts, forms, offers, privacy] = await Promise.all([
    needsPosts ? recentPosts(siteId) : Promise.resolve([]),
    Promise.all([...formSlugs].map(async (slug) => [slug, await findForm(siteId, slug)] as const)),
    Promise.all([...offerNames].map(async (name) => [name, await findOffer(siteId, name)] as const)),
    formSlugs.size > 0 ? loadPrivacyNotice(siteId) : Promise.resolve(null),
  ]);
  return {
    posts: posts.map((post) => ({
      slug: post.slug,
      title: post.title,
      excerpt: post.excerpt,
      coverImageUrl: post.cover_image_url,
      tags: post.tags,
      publishedAt: post.published_at,
      authorName: post.author_id?.name ?? null,
    })),
    // The token is issued per render: a form's definition is cached, the moment it is shown is not.
    forms: Object.fromEntries(
      Object.entries(presentEntries(forms)).map(([slug, form]) => [
        slug,
        { ...form, token: issueFormToken(siteId, form.slug) },
      ]),
    ),
    offers: presentEntries(offers),
    privacy,
  };
}

/** References that resolved; a block naming a missing form or offer then renders nothing. */
function presentEntries<T>(entries: readonly (readonly [string, T | null])[]): Record<string, T> {
  const present: Record<string, T> = {};
  for (const [key, value] of entries) if (value !== null) present[key] = value;
  return present;
}
