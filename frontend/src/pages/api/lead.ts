import { API_ROUTES } from '@spark/contracts/api';
import { preflight, publicRoute } from '../../lib/server/api/route.js';
import { submissionFromForm, thankYouPath } from '../../lib/server/leads/form-post.js';
import { LEAD_RATE_LIMIT, submitLead } from '../../lib/server/leads/submit-lead.js';

/**
 * POST /api/lead: a lead for a named form, or the built-in contact fields, as JSON or a plain HTML form post
 * (answered with a 303 to the thank-you page) — see API_REFERENCE.md.
 */
export const POST = publicRoute(
  { ...API_ROUTES['POST /api/lead'], rateLimit: LEAD_RATE_LIMIT, form: submissionFromForm },
  async ({ tenant, body, ip, headers, viaForm }) => {
    const answer = await submitLead(body, { tenant, ip, headers });
    return viaForm
      ? { redirect: thankYouPath(answer.redirect_url, body.form), body: null }
      : { body: answer };
  },
);

export const OPTIONS = preflight('POST');
