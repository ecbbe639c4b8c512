import { AppError, validationError } from '@spark/contracts';
import type { APIContext, APIRoute } from 'astro';
import type { z } from 'zod';
import { authenticate } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { errorResponse, jsonResponse } from '../http.js';
import { resolveTenant, type Tenant } from '../tenancy/resolve-tenant.js';
import { ADMIN_BODY_LIMIT, PUBLIC_BODY_LIMIT, readJsonBody } from './body.js';
import { clientIp } from './client.js';
import { allowedOrigin, corsHeaders } from './cors.js';
import { toAppError } from './errors.js';
import { enforceRateLimit, type RateLimit } from './rate-limit.js';

/** What a handler returns: a body (sent as 200 JSON), or a ready Response for anything else. */
type HandlerResult = Response | { status?: number; body: unknown; headers?: Record<string, string> };

interface RouteSpec<Body extends z.ZodTypeAny, Query extends z.ZodTypeAny> {
  body?: Body;
  query?: Query;
  maxBodyBytes?: number;
  allowTextPlain?: boolean;
  rateLimit?: RateLimit;
}

interface BaseContext<Body extends z.ZodTypeAny, Query extends z.ZodTypeAny> {
  astro: APIContext;
  body: z.infer<Body>;
  query: z.infer<Query>;
  ip: string;
}

export interface PublicContext<B extends z.ZodTypeAny, Q extends z.ZodTypeAny> extends BaseContext<B, Q> {
  tenant: Tenant;
}
export interface AdminContext<B extends z.ZodTypeAny, Q extends z.ZodTypeAny> extends BaseContext<B, Q> {
  principal: Principal;
}

const DEFAULT_PUBLIC_LIMIT: RateLimit = { bucket: 'public', limit: 120, windowSeconds: 60 };
const DEFAULT_ADMIN_LIMIT: RateLimit = { bucket: 'admin', limit: 600, windowSeconds: 60 };

function toResponse(result: HandlerResult, headers: Record<string, string>): Response {
  if (result instanceof Response) {
    for (const [name, value] of Object.entries(headers)) result.headers.set(name, value);
    return result;
  }
  return jsonResponse(result.body, result.status ?? 200, { ...headers, ...result.headers });
}

function failure(error: unknown, headers: Record<string, string>): Response {
  const appError = toAppError(error) ?? error;
  const response = errorResponse(appError);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // The rest of an oversized body was never read: the connection cannot carry another request.
  if (appError instanceof AppError && appError.code === 'PAYLOAD_TOO_LARGE')
    response.headers.set('connection', 'close');
  if (appError instanceof AppError && appError.code === 'RATE_LIMITED') {
    const details = appError.details as { retry_after_s?: number } | undefined;
    response.headers.set('retry-after', String(details?.retry_after_s ?? 60));
  }
  return response;
}

async function parseInput<B extends z.ZodTypeAny, Q extends z.ZodTypeAny>(
  context: APIContext,
  spec: RouteSpec<B, Q>,
  defaultLimit: number,
): Promise<{ body: z.infer<B>; query: z.infer<Q> }> {
  let query: unknown;
  if (spec.query) {
    const parsed = spec.query.safeParse(Object.fromEntries(context.url.searchParams));
    if (!parsed.success) throw validationError(parsed.error, 'Query string');
    query = parsed.data;
  }
  let body: unknown;
  if (spec.body) {
    const raw = await readJsonBody(context.request, {
      limit: spec.maxBodyBytes ?? defaultLimit,
      allowTextPlain: spec.allowTextPlain,
    });
    const parsed = spec.body.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error, 'Body');
    body = parsed.data;
  }
  return { body: body as z.infer<B>, query: query as z.infer<Q> };
}

/**
 * A public endpoint: the site comes from the Host header (never from the body), CORS allows the site's own
 * domains, rate-limited per IP + site. Parse → rate-limit → handle → respond; errors leave in the envelope.
 */
export function publicRoute<B extends z.ZodTypeAny = z.ZodNever, Q extends z.ZodTypeAny = z.ZodNever>(
  spec: RouteSpec<B, Q>,
  handler: (ctx: PublicContext<B, Q>) => Promise<HandlerResult>,
): APIRoute {
  return async (astro) => {
    let headers: Record<string, string> = { vary: 'Origin' };
    try {
      const tenant = await resolveTenant(astro.request.headers.get('host'));
      headers = corsHeaders(allowedOrigin(astro.request.headers.get('origin'), tenant), astro.request.method);
      if (!tenant) throw new AppError('SITE_NOT_FOUND', 'This host does not serve a Spark site');
      const ip = clientIp(astro);
      await enforceRateLimit(spec.rateLimit ?? DEFAULT_PUBLIC_LIMIT, `${tenant.id}:${ip}`);
      const input = await parseInput(astro, spec, PUBLIC_BODY_LIMIT);
      return toResponse(await handler({ astro, ...input, ip, tenant }), headers);
    } catch (error) {
      return failure(error, headers);
    }
  };
}

/** An admin endpoint: Bearer token → principal (site scope checked by the handler via principal helpers). */
export function adminRoute<B extends z.ZodTypeAny = z.ZodNever, Q extends z.ZodTypeAny = z.ZodNever>(
  spec: RouteSpec<B, Q>,
  handler: (ctx: AdminContext<B, Q>) => Promise<HandlerResult>,
): APIRoute {
  return async (astro) => {
    const headers = corsHeaders(
      allowedOrigin(astro.request.headers.get('origin'), null),
      astro.request.method,
    );
    try {
      const ip = clientIp(astro);
      const principal = await authenticate(astro.request);
      await enforceRateLimit(spec.rateLimit ?? DEFAULT_ADMIN_LIMIT, principal.userId);
      const input = await parseInput(astro, spec, ADMIN_BODY_LIMIT);
      return toResponse(await handler({ astro, ...input, ip, principal }), headers);
    } catch (error) {
      return failure(error, headers);
    }
  };
}

/** CORS preflight for a public endpoint: answers only origins the site (or CORS_ORIGIN) allows. */
export const preflight =
  (methods: string): APIRoute =>
  async (astro) => {
    const tenant = await resolveTenant(astro.request.headers.get('host')).catch(() => null);
    const origin = allowedOrigin(astro.request.headers.get('origin'), tenant);
    return new Response(null, { status: origin ? 204 : 403, headers: corsHeaders(origin, methods) });
  };
