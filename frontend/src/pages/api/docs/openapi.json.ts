import { openApiResponse, platformOnly } from '../../../lib/server/api/docs-page.js';

/** The OpenAPI 3.1 document of every `/api` route, generated from the route table. */
export const GET = platformOnly(openApiResponse);
