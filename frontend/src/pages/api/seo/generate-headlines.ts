import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** preview: exact count + seeded samples, nothing written; otherwise fills headline_inventory. */
export const POST = adminRoute(
  API_ROUTES['POST /api/seo/generate-headlines'],
  async ({ principal, body }) => ({
    body: body.preview
      ? await factory().previewHeadlines(principal, body)
      : await factory().persistHeadlines(principal, body),
  }),
);
