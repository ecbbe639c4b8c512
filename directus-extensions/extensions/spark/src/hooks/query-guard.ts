import type { Accountability, HookConfig, SchemaOverview } from '@directus/types';
import type { NextFunction, Request, Response } from 'express';
import { createQueryGuard } from '../query-guard/guard.js';

/**
 * Directus applies row permissions to the queried collection only: a filter, sort or deep path through a
 * relation is evaluated on rows the caller cannot read, so yes/no answers leak them. Every item query of a
 * non-admin caller is rewritten so relational paths only test readable rows, or refused with 403:
 * - in `<scope>.query`, which ItemsService emits for REST, GraphQL, aggregates, exports and our endpoints;
 * - on the request's sanitized query before the routes, because `meta=filter_count` counts with the request's
 *   own filter and never emits an event.
 */
const SYSTEM_SCOPES = [
  'activity',
  'comments',
  'files',
  'folders',
  'notifications',
  'presets',
  'revisions',
  'roles',
  'policies',
  'permissions',
  'access',
  'shares',
  'users',
  'versions',
  'dashboards',
  'panels',
  'flows',
  'operations',
  'translations',
  'settings',
];
const ACCESS_CHANGES = ['roles', 'policies', 'access', 'permissions', 'users'].flatMap((scope) =>
  ['create', 'update', 'delete'].map((action) => `${scope}.${action}`),
);

/** The collection a REST path reads: `/items/<name>` or a system route such as `/users`. */
export function collectionOfPath(path: string): string | undefined {
  const [first, second] = path.split('/').filter(Boolean);
  if (first === 'items' && second) return decodeURIComponent(second);
  if (first && SYSTEM_SCOPES.includes(first)) return `directus_${first}`;
  return undefined;
}

type GuardedRequest = Request & {
  accountability?: Accountability | null;
  schema?: SchemaOverview | null;
  sanitizedQuery?: unknown;
};

const queryGuardHook: HookConfig = ({ filter, action, init }, { database }) => {
  const guard = createQueryGuard(database);
  for (const event of ACCESS_CHANGES) action(event, () => guard.clear());

  const onQuery = (query: unknown, meta: Record<string, unknown>, context: unknown) => {
    const { accountability, schema } = context as GuardedRequest;
    return guard.scope(accountability, schema, String(meta.collection), query);
  };
  filter('items.query', onQuery);
  for (const scope of SYSTEM_SCOPES) filter(`${scope}.query`, onQuery);

  init('routes.before', ({ app }) => {
    app.use(async (request: GuardedRequest, _response: Response, next: NextFunction) => {
      const collection = collectionOfPath(request.path);
      if (!collection || !request.sanitizedQuery) return next();
      try {
        request.sanitizedQuery = await guard.scope(
          request.accountability,
          request.schema,
          collection,
          request.sanitizedQuery,
        );
        next();
      } catch (error) {
        next(error);
      }
    });
  });
};

export default queryGuardHook;
