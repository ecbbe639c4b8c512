import { GenerateHeadlinesSchema } from '@spark/contracts';
import { adminRoute } from '../../../lib/server/api/route.js';
import { persistHeadlines, previewHeadlines } from '../../../lib/server/factory/headlines.js';

/** preview: exact count + seeded samples, nothing written; otherwise fills headline_inventory. */
export const POST = adminRoute({ body: GenerateHeadlinesSchema }, async ({ principal, body }) => ({
  body: body.preview ? await previewHeadlines(principal, body) : await persistHeadlines(principal, body),
}));
