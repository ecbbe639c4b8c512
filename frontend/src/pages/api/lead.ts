import { preflight, publicRoute } from '../../lib/server/api/route.js';
import { leadBodySchema } from '../../lib/server/leads/schemas.js';
import { LEAD_RATE_LIMIT, submitLead } from '../../lib/server/leads/submit-lead.js';

/** POST /api/lead: a lead for a named form, or the built-in contact fields (see API_REFERENCE.md). */
export const POST = publicRoute(
  { body: leadBodySchema, rateLimit: LEAD_RATE_LIMIT },
  async ({ tenant, body, ip, headers }) => ({
    body: await submitLead(body, { tenant, ip, headers }),
  }),
);

export const OPTIONS = preflight('POST');
