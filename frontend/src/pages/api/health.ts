import { AppError } from '@spark/contracts';
import type { APIRoute } from 'astro';
import { checkDependencies } from '../../lib/server/health.js';
import { errorResponse, jsonResponse } from '../../lib/server/http.js';

/** 200 when Directus, PostgreSQL and Redis all answer; 503 in the error envelope naming what is down. */
export const GET: APIRoute = async () => {
  const services = await checkDependencies();
  const down = Object.entries(services)
    .filter(([, status]) => status.status === 'down')
    .map(([name]) => name);
  if (down.length > 0) {
    return errorResponse(
      new AppError('SERVICE_UNAVAILABLE', `Unavailable: ${down.join(', ')}`, { services }),
    );
  }
  return jsonResponse({ status: 'ok', services });
};
