import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { persistHeadlines, previewHeadlines } from '../../../lib/server/factory/headlines.js';

/** preview: exact count + seeded samples, nothing written; otherwise fills headline_inventory. */
export const POST = adminRoute(
  API_ROUTES['POST /api/seo/generate-headlines'],
  async ({ principal, body }) => ({
    body: body.preview ? await previewHeadlines(principal, body) : await persistHeadlines(principal, body),
  }),
);
