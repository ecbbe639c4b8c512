import { AppError } from '@spark/contracts';
import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { changeLeadStatus, loadLeadDetail } from '@spark/leads';
import { adminRoute } from '../../../../lib/server/api/route.js';
import { database } from '../../../../lib/server/connections.js';
import { leadActorOf } from '../../../../lib/server/leads/admin-leads.js';

/** One lead with its deliveries, notes and history; another site's lead is a 404. */
export const GET = adminRoute(API_ROUTES['GET /api/admin/leads/{id}'], async ({ principal, astro }) => {
  const id = routeId(astro.params.id, 'lead');
  const lead = await loadLeadDetail(database(), leadActorOf(principal).scope, id);
  if (!lead) throw new AppError('NOT_FOUND', `No lead ${id} is visible to you`);
  return { body: { data: lead } };
});

/** Moves the lead to another status, optionally with a note; both go to the work log. */
export const PATCH = adminRoute(
  API_ROUTES['PATCH /api/admin/leads/{id}'],
  async ({ principal, astro, body }) => ({
    body: {
      data: await changeLeadStatus(
        database(),
        leadActorOf(principal),
        routeId(astro.params.id, 'lead'),
        body,
      ),
    },
  }),
);
