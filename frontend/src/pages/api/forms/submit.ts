import { preflight, publicRoute } from '../../../lib/server/api/route.js';
import { formSubmitBodySchema } from '../../../lib/server/leads/schemas.js';
import { LEAD_RATE_LIMIT, submitLead } from '../../../lib/server/leads/submit-lead.js';

/** POST /api/forms/submit: a submission of one of the site's forms (see API_REFERENCE.md). */
export const POST = publicRoute(
  { body: formSubmitBodySchema, rateLimit: LEAD_RATE_LIMIT },
  async ({ tenant, body, ip, headers }) => ({
    body: await submitLead(body, { tenant, ip, headers }),
  }),
);

export const OPTIONS = preflight('POST');
