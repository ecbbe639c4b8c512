import { JobListQuerySchema } from '@spark/contracts';
import { adminRoute } from '../../../../lib/server/api/route.js';
import { factory } from '../../../../lib/server/services.js';

/** Every job of a site, newest first, paginated (limit/offset) with the total. */
export const GET = adminRoute({ query: JobListQuerySchema }, async ({ principal, query }) => ({
  body: await factory().listJobs(principal, query),
}));
