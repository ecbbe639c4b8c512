import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Reserves `count` headlines, creates a generation job and enqueues it: 202 with the job id. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/generate-article'], async ({ principal, body }) => ({
  status: 202,
  body: await factory().createGenerationJob(principal, body),
}));
