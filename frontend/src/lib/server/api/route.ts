import { AppError, validationError } from '@spark/contracts';
import type { ApiRouteSpec } from '@spark/contracts/api';
import type { Principal } from '@spark/factory';
import type { APIContext, APIRoute } from 'astro';
import type { z } from 'zod';
import { authenticateCaller } from '../auth/authenticate.js';
import { errorReply, jsonReply } from '../http.js';
import { resolveTenant, type Tenant } from '../tenancy/resolve-tenant.js';
import { astroRoute, callFromAstro, toWebResponse } from './astro-adapter.js';
import { ADMIN_BODY_LIMIT, PUBLIC_BODY_LIMIT, readJsonBody, refuseNulCharacters } from './body.js';
import { clientIp } from './client.js';
import { allowedOrigin, corsHeaders } from './cors.js';
import type { Endpoint, EndpointCall, EndpointReply, HeaderReader } from './endpoint.js';
import { catalogErrorOf } from './errors.js';
import { formErrorReply, isFormPost, readFormBody } from './form-body.js';
import { enforceRateLimit, type RateLimit } from './rate-limit.js';
import { rateLimitKey } from './trust-proxy.js';

/** What a handler returns: a body (sent as JSON, 200 unless `status` says otherwise), or a 303 to `redirect`. */
interface JsonResult<Body = unknown> {
  status?: number;
  body: Body;
  headers?: Record<string, string>;
  redirect?: string;
}
/** Admin handlers may also return a ready Response (CSV downloads, event streams). */
type AdminResult<Body = unknown> = Response | JsonResult<Body>;

type Responses = ApiRouteSpec['responses'];
/**
 * The body a handler may return: any of the route's JSON success schemas (as zod input), so the compiler holds a
 * handler to its contract; without `responses` in the spec, anything.
 */
type ResponseBodyOf<R extends Responses> = {
  [S in keyof R]-?: R[S] extends z.ZodTypeAny ? z.input<R[S]> : R[S] extends 'redirect' ? null : unknown;
}[keyof R];

/**
 * A route's entry in the API table (`API_ROUTES` in `@spark/contracts/api`: method, path, summary, request and
 * response schemas) plus how this server reads it. Route files spread their table entry in, so the schemas that
 * parse a request are the ones the OpenAPI document publishes; integration tests check every answer against
 * `responses` (see testing/http.ts).
 */
interface RouteSpec<Body extends z.ZodTypeAny, Query extends z.ZodTypeAny, R extends Responses = Responses>
  extends Partial<Omit<ApiRouteSpec, 'body' | 'query' | 'responses'>> {
  body?: Body;
  query?: Query;
  responses?: R;
  maxBodyBytes?: number;
  allowTextPlain?: boolean;
  rateLimit?: RateLimit;
  /**
   * Also accept a plain HTML form post (form-encoded or multipart): its flat values become the body through
   * this mapping, then the same schema applies. Such a caller is a browser without a script, so errors come
   * back as a readable page rather than JSON.
   */
  form?: (values: Record<string, string>, call: EndpointCall) => unknown;
}

interface BaseContext<Body extends z.ZodTypeAny, Query extends z.ZodTypeAny> {
  body: z.infer<Body>;
  query: z.infer<Query>;
  ip: string;
}

export interface PublicContext<B extends z.ZodTypeAny, Q extends z.ZodTypeAny> extends BaseContext<B, Q> {
  headers: HeaderReader;
  tenant: Tenant;
  /** The body came from an HTML form post (see RouteSpec.form). */
  viaForm: boolean;
}
export interface AdminContext<B extends z.ZodTypeAny, Q extends z.ZodTypeAny> extends BaseContext<B, Q> {
  astro: APIContext;
  principal: Principal;
  /** The caller's own Directus token: Directus calls made with it keep the caller's policies. */
  directusToken: string;
}

const DEFAULT_PUBLIC_LIMIT: RateLimit = { bucket: 'public', limit: 120, windowSeconds: 60 };
const DEFAULT_ADMIN_LIMIT: RateLimit = { bucket: 'admin', limit: 600, windowSeconds: 60 };

function failure(error: unknown, headers: Record<string, string>): EndpointReply {
  const appError = catalogErrorOf(error) ?? error;
  const reply = errorReply(appError);
  Object.assign(reply.headers, headers);
  // The rest of an oversized body was never read: the connection cannot carry another request.
  if (appError instanceof AppError && appError.code === 'PAYLOAD_TOO_LARGE')
    reply.headers.connection = 'close';
  if (appError instanceof AppError && appError.code === 'RATE_LIMITED') {
    const details = appError.details as { retry_after_s?: number } | undefined;
    reply.headers['retry-after'] = String(details?.retry_after_s ?? 60);
  }
  return reply;
}

/** A form post's failure as a page a person can read (same status and headers); JSON callers keep the envelope. */
function formFailure(
  error: unknown,
  headers: Record<string, string>,
  call: EndpointCall,
  tenant: Tenant | null,
) {
  const appError =
    catalogErrorOf(error) ??
    new AppError('INTERNAL', 'Something went wrong on our side; please try again or contact us another way.');
  const siteHosts = tenant ? [tenant.domain, ...tenant.domainAliases] : [];
  return formErrorReply(failure(error, headers), appError, call.headers.get('referer'), siteHosts);
}

async function parseInput<B extends z.ZodTypeAny, Q extends z.ZodTypeAny>(
  call: EndpointCall,
  spec: RouteSpec<B, Q>,
  defaultLimit: number,
  viaForm = false,
): Promise<{ body: z.infer<B>; query: z.infer<Q> }> {
  let query: unknown;
  if (spec.query) {
    const raw = Object.fromEntries(call.url.searchParams);
    refuseNulCharacters(raw, 'Query string');
    const parsed = spec.query.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error, 'Query string');
    query = parsed.data;
  }
  let body: unknown;
  if (spec.body) {
    const limit = spec.maxBodyBytes ?? defaultLimit;
    const raw =
      viaForm && spec.form
        ? spec.form(await readFormBody(call, limit), call)
        : await readJsonBody(call, { limit, allowTextPlain: spec.allowTextPlain });
    const parsed = spec.body.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error, 'Body');
    body = parsed.data;
  }
  return { body: body as z.infer<B>, query: query as z.infer<Q> };
}

/**
 * A public endpoint: the site comes from the Host header (never from the body), CORS allows the site's own
 * domains, rate-limited per IP + site. Parse → rate-limit → handle → reply; errors leave in the envelope.
 * Framework-neutral (see endpoint.ts); `publicRoute` is the same for an Astro route file.
 */
export function publicEndpoint<
  B extends z.ZodTypeAny = z.ZodNever,
  Q extends z.ZodTypeAny = z.ZodNever,
  R extends Responses = Responses,
>(
  spec: RouteSpec<B, Q, R>,
  handler: (ctx: PublicContext<B, Q>) => Promise<JsonResult<ResponseBodyOf<R>>>,
): Endpoint {
  return async (call) => {
    let headers: Record<string, string> = { vary: 'Origin' };
    const viaForm = spec.form !== undefined && isFormPost(call);
    let tenant: Tenant | null = null;
    try {
      tenant = await resolveTenant(call.headers.get('host'));
      const origin = call.headers.get('origin');
      const allowed = allowedOrigin(origin, tenant);
      headers = corsHeaders(allowed, call.method);
      if (!tenant) throw new AppError('SITE_NOT_FOUND', 'This host does not serve a Spark site');
      // Form posts need no preflight, so another site's page could post them through its visitors' browsers.
      if (viaForm && origin !== null && !allowed)
        throw new AppError('FORBIDDEN', 'Forms of this site can only be sent from its own pages');
      const ip = clientIp(call);
      await enforceRateLimit(spec.rateLimit ?? DEFAULT_PUBLIC_LIMIT, `${tenant.id}:${rateLimitKey(ip)}`);
      const input = await parseInput(call, spec, PUBLIC_BODY_LIMIT, viaForm);
      const result = await handler({ ...input, headers: call.headers, ip, tenant, viaForm });
      if (result.redirect) {
        return {
          status: 303,
          headers: { ...headers, location: result.redirect, 'cache-control': 'no-store' },
          body: null,
        };
      }
      return jsonReply(result.body, result.status ?? 200, { ...headers, ...result.headers });
    } catch (error) {
      return viaForm ? formFailure(error, headers, call, tenant) : failure(error, headers);
    }
  };
}

export function publicRoute<
  B extends z.ZodTypeAny = z.ZodNever,
  Q extends z.ZodTypeAny = z.ZodNever,
  R extends Responses = Responses,
>(
  spec: RouteSpec<B, Q, R>,
  handler: (ctx: PublicContext<B, Q>) => Promise<JsonResult<ResponseBodyOf<R>>>,
): APIRoute {
  return astroRoute(publicEndpoint(spec, handler));
}

/** An admin endpoint: Bearer token → principal (site scope checked by the handler via principal helpers). */
export function adminRoute<
  B extends z.ZodTypeAny = z.ZodNever,
  Q extends z.ZodTypeAny = z.ZodNever,
  R extends Responses = Responses,
>(
  spec: RouteSpec<B, Q, R>,
  handler: (ctx: AdminContext<B, Q>) => Promise<AdminResult<ResponseBodyOf<R>>>,
): APIRoute {
  return async (astro) => {
    const headers = corsHeaders(
      allowedOrigin(astro.request.headers.get('origin'), null),
      astro.request.method,
    );
    try {
      const call = callFromAstro(astro);
      const ip = clientIp(call);
      const { principal, directusToken } = await authenticateCaller(astro.request);
      await enforceRateLimit(spec.rateLimit ?? DEFAULT_ADMIN_LIMIT, principal.userId);
      const input = await parseInput(call, spec, ADMIN_BODY_LIMIT);
      const result = await handler({ astro, ...input, ip, principal, directusToken });
      if (!(result instanceof Response)) {
        return toWebResponse(jsonReply(result.body, result.status ?? 200, { ...headers, ...result.headers }));
      }
      for (const [name, value] of Object.entries(headers)) result.headers.set(name, value);
      return result;
    } catch (error) {
      return toWebResponse(failure(error, headers));
    }
  };
}

/** CORS preflight for a public endpoint: answers only origins the site (or CORS_ORIGIN) allows. */
export const preflightEndpoint =
  (methods: string): Endpoint =>
  async (call) => {
    const tenant = await resolveTenant(call.headers.get('host')).catch(() => null);
    const origin = allowedOrigin(call.headers.get('origin'), tenant);
    return { status: origin ? 204 : 403, headers: corsHeaders(origin, methods), body: null };
  };

export const preflight = (methods: string): APIRoute => astroRoute(preflightEndpoint(methods));
