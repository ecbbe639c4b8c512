import { AppError } from '@spark/contracts';
import type { APIRoute } from 'astro';
import { mayReadHealthDetail } from '../../lib/server/auth/health-access.js';
import { checkDependencies } from '../../lib/server/health.js';
import { errorResponse, jsonResponse } from '../../lib/server/http.js';

/**
 * 200 `{status: "ok"}` when Directus, PostgreSQL and Redis all answer, else 503 in the error envelope. Anyone
 * may ask (load balancers, uptime checks on any host); only HEALTH_TOKEN or an admin token (Bearer) sees
 * which dependency is down and its error, which can name internal hosts and ports.
 */
export const GET: APIRoute = async ({ request }) => {
  try {
    const detailed = await mayReadHealthDetail(request);
    const services = await checkDependencies();
    const down = Object.entries(services)
      .filter(([, status]) => status.status === 'down')
      .map(([name]) => name);
    if (down.length > 0) {
      return errorResponse(
        detailed
          ? new AppError('SERVICE_UNAVAILABLE', `Unavailable: ${down.join(', ')}`, { services })
          : new AppError('SERVICE_UNAVAILABLE', 'A backing service is unavailable; retry shortly'),
      );
    }
    return jsonResponse(detailed ? { status: 'ok', services } : { status: 'ok' });
  } catch (error) {
    return errorResponse(error);
  }
};
