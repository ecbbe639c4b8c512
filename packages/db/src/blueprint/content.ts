import type { Author, Form, Page, Post } from '@spark/contracts';
import type { PoolClient } from 'pg';
import type { ReportTally } from './report.js';
import { jsonb, type SqlValue } from './sql.js';
import { upsertRow } from './upsert.js';

/** Authors, forms, pages and posts, each keyed by (site, slug) or (site, permalink). */

export async function importAuthors(
  client: PoolClient,
  siteId: string,
  authors: readonly Author[],
  tally: ReportTally,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const a of authors) {
    const { id } = await upsertRow(
      client,
      {
        table: 'authors',
        key: { site_id: siteId, slug: a.slug },
        values: { name: a.name, bio: a.bio ?? null, avatar_url: a.avatar_url ?? null },
      },
      tally,
    );
    ids.set(a.slug, id);
  }
  return ids;
}

export async function importForms(
  client: PoolClient,
  siteId: string,
  forms: readonly Form[],
  tally: ReportTally,
) {
  for (const f of forms) {
    // Webhook settings are operational secrets managed in Directus, so a blueprint never touches them.
    await upsertRow(
      client,
      {
        table: 'forms',
        key: { site_id: siteId, slug: f.slug },
        values: {
          name: f.name,
          fields: jsonb(f.fields),
          success_message: f.success_message,
          redirect_url: f.redirect_url ?? null,
        },
      },
      tally,
    );
  }
}

export async function importPages(
  client: PoolClient,
  siteId: string,
  pages: readonly Page[],
  tally: ReportTally,
) {
  for (const p of pages) {
    // published_at is stamped by the database the first time a page is published.
    await upsertRow(
      client,
      {
        table: 'pages',
        key: { site_id: siteId, permalink: p.permalink },
        values: {
          title: p.title,
          status: p.status,
          blocks: jsonb(p.blocks),
          meta_title: p.seo.title ?? null,
          meta_description: p.seo.description ?? null,
          og_image_url: p.seo.og_image ?? null,
          noindex: p.seo.noindex ?? false,
        },
      },
      tally,
    );
  }
}

export async function importPosts(
  client: PoolClient,
  siteId: string,
  posts: readonly Post[],
  authorIds: ReadonlyMap<string, string>,
  tally: ReportTally,
) {
  for (const p of posts) {
    const values: Record<string, SqlValue> = {
      title: p.title,
      excerpt: p.excerpt,
      html_content: p.html,
      status: p.status,
      // The contract checked the author is in this blueprint, so the map has it.
      author_id: p.author === undefined ? null : (authorIds.get(p.author) ?? null),
      tags: jsonb(p.tags),
    };
    // Without a date in the blueprint the database stamps one on first publish; leaving the column
    // out keeps that stamp on later imports instead of clearing it.
    if (p.published_at !== undefined) values.published_at = p.published_at;
    await upsertRow(client, { table: 'posts', key: { site_id: siteId, slug: p.slug }, values }, tally);
  }
}
