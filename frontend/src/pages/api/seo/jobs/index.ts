import { JobListQuerySchema } from '@spark/contracts';
import { adminRoute } from '../../../../lib/server/api/route.js';
import { listJobs } from '../../../../lib/server/factory/jobs.js';

/** Every job of a site, newest first, paginated (limit/offset) with the total. */
export const GET = adminRoute({ query: JobListQuerySchema }, async ({ principal, query }) => ({
  body: await listJobs(principal, query),
}));
