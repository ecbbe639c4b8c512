import { ApproveBatchSchema } from '@spark/contracts';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** qc → approved, by article ids or by generation job. */
export const POST = adminRoute({ body: ApproveBatchSchema }, async ({ principal, body }) => ({
  body: await factory().approveArticles(principal, body),
}));
