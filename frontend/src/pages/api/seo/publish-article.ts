import { PublishArticleSchema } from '@spark/contracts';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** approved → published now, or scheduled (publish_at, or the campaign's velocity). */
export const POST = adminRoute({ body: PublishArticleSchema }, async ({ principal, body }) => ({
  body: await factory().publishArticles(principal, body),
}));
