import { AppError } from '@spark/contracts';
import { QueueJobParamsSchema } from '@spark/contracts/admin';
import { API_ROUTES } from '@spark/contracts/api';
import { assertAdministrator } from '@spark/factory';
import { adminRoute } from '../../../../../../../lib/server/api/route.js';
import { queueHealth } from '../../../../../../../lib/server/services.js';

/** Administrators only: moves one failed job back to waiting, where the worker picks it up again. */
export const POST = adminRoute(
  API_ROUTES['POST /api/admin/queues/{queue}/jobs/{id}/retry'],
  async ({ principal, astro }) => {
    assertAdministrator(principal);
    const params = QueueJobParamsSchema.safeParse(astro.params);
    if (!params.success) throw new AppError('NOT_FOUND', 'No such queue job');
    await queueHealth().retryFailed(params.data.queue, params.data.id);
    return { body: { data: params.data } };
  },
);
