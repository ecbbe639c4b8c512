import { AppError, PublishArticleSchema } from '@spark/contracts';
import type { Pool } from '@spark/db';
import type { Factory, Principal } from '@spark/factory';
import { asDirectusRefusal } from './refuse.js';

type Payload = Record<string, unknown>;

/**
 * Articles set to `published` in the Studio go live through the API's publish: `published_at` is now (never
 * an earlier date), JSON-LD `datePublished` equals it, the quality gate holds flagged articles back, and the
 * site's cache version moves on so the page is live at once. The status is then taken out of Directus's own
 * write (the row is already published); an article the publish would not take is refused with the reason.
 * Several articles in one request are published like one API call: those the publish takes go live, and the
 * answer still refuses the request, naming the first one it did not take.
 */
export async function publishFromStudio(
  db: Pool,
  factory: Factory,
  principal: Principal,
  keys: string[],
  payload: Payload,
): Promise<Payload> {
  const { status: _status, published_at: _publishedAt, ...rest } = payload;
  const { rows } = await db.query<{ id: string }>(
    `select id from generated_articles where id = any($1::uuid[]) and status <> 'published'`,
    [keys],
  );
  if (rows.length === 0) return rest;
  await asDirectusRefusal(async () => {
    const result = await factory.publishArticles(
      principal,
      PublishArticleSchema.parse({ article_ids: rows.map((row) => row.id) }),
    );
    const held = result.held_back[0];
    if (held) {
      const flags = held.flags.map((flag) => flag.type).join(', ');
      throw new AppError(
        'VALIDATION_FAILED',
        `Article ${held.id} has open quality flags (${flags}): resolve them or publish with an override from the admin`,
        { issues: [{ path: 'status', message: 'held back by the quality gate' }] },
      );
    }
    if (result.published < rows.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Only approved or scheduled articles can be published: approve it first',
        {
          issues: [{ path: 'status', message: 'approve the article before publishing it' }],
        },
      );
    }
  });
  return rest;
}
