import type { APIRoute } from 'astro';
import { serveAsset } from '../../lib/server/content/assets.js';

/** Public files uploaded in Directus (see lib/server/content/assets.ts for which files are public). */
export const GET: APIRoute = ({ params, url, request }) => serveAsset(params.id, url, request.method);
export const HEAD = GET;
