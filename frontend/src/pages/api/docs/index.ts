import { platformOnly, referencePageResponse } from '../../../lib/server/api/docs-page.js';

/** The API reference as a page, generated from the route table (see lib/server/api/openapi.ts). */
export const GET = platformOnly(referencePageResponse);
