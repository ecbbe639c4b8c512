import { API_ROUTES } from '@spark/contracts/api';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** Starts a near-duplicate scan (MinHash/LSH) of a site or campaign: 202 with the job id. */
export const POST = adminRoute(API_ROUTES['POST /api/seo/scan-duplicates'], async ({ principal, body }) => ({
  status: 202,
  body: await factory().createScanDuplicatesJob(principal, body),
}));
