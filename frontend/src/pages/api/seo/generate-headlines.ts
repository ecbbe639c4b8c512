import { GenerateHeadlinesSchema } from '@spark/contracts';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** preview: exact count + seeded samples, nothing written; otherwise fills headline_inventory. */
export const POST = adminRoute({ body: GenerateHeadlinesSchema }, async ({ principal, body }) => ({
  body: body.preview
    ? await factory().previewHeadlines(principal, body)
    : await factory().persistHeadlines(principal, body),
}));
