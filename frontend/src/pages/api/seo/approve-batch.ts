import { ApproveBatchSchema } from '@spark/contracts';
import { adminRoute } from '../../../lib/server/api/route.js';
import { approveArticles } from '../../../lib/server/factory/review.js';

/** qc → approved, by article ids or by generation job. */
export const POST = adminRoute({ body: ApproveBatchSchema }, async ({ principal, body }) => ({
  body: await approveArticles(principal, body),
}));
