import { API_ROUTES } from '@spark/contracts/api';
import { routeId } from '@spark/factory';
import { addLeadNote } from '@spark/leads';
import { adminRoute } from '../../../../../lib/server/api/route.js';
import { database } from '../../../../../lib/server/connections.js';
import { leadActorOf } from '../../../../../lib/server/leads/admin-leads.js';

/** Adds a note with its author and time; written to the work log. */
export const POST = adminRoute(
  API_ROUTES['POST /api/admin/leads/{id}/notes'],
  async ({ principal, astro, body }) => ({
    status: 201,
    body: {
      data: await addLeadNote(
        database(),
        leadActorOf(principal),
        routeId(astro.params.id, 'lead'),
        body.body,
      ),
    },
  }),
);
