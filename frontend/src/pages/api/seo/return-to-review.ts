import { ReturnToReviewSchema } from '@spark/contracts';
import { adminRoute } from '../../../lib/server/api/route.js';
import { returnToReview } from '../../../lib/server/factory/review.js';

/** approved or scheduled → back to review (qc). */
export const POST = adminRoute({ body: ReturnToReviewSchema }, async ({ principal, body }) => ({
  body: await returnToReview(principal, body),
}));
