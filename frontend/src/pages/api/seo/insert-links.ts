import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { createInsertLinksJob } from '../../../lib/server/factory/analysis-jobs.js';

/** Starts internal linking of a campaign's articles: 202 with the job id. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/insert-links'], async ({ principal, body }) => ({
  status: 202,
  body: await createInsertLinksJob(principal, body),
}));
