import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { redeliverLeadWebhook } from '@spark/leads';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { leadActorOf, redeliveryDeps } from '../../../../../lib/server/leads/admin-leads.js';

/** Queues the lead's webhook again for the worker, which signs and retries it like the first delivery. */
export const POST = adminRoute(
  API_ROUTES['POST /api/admin/leads/{id}/redeliver'],
  async ({ principal, astro, body }) => ({
    status: 202,
    body: {
      data: await redeliverLeadWebhook(
        redeliveryDeps(),
        leadActorOf(principal),
        routeId(astro.params.id, 'lead'),
        body.submission_id,
      ),
    },
  }),
);
