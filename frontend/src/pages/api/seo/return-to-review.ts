import { ReturnToReviewSchema } from '@spark/contracts';
import { adminRoute } from '../../../lib/server/api/route.js';
import { factory } from '../../../lib/server/services.js';

/** approved or scheduled → back to review (qc). */
export const POST = adminRoute({ body: ReturnToReviewSchema }, async ({ principal, body }) => ({
  body: await factory().returnToReview(principal, body),
}));
