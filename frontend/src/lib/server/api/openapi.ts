import { errorCatalog, errorEnvelopeSchema } from '@spark/contracts';
import { type ApiRouteSpec, apiRoutes, isMediaBody, type ResponseBody } from '@spark/contracts/api';
import type { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';

/**
 * The OpenAPI 3.1 document of every `/api` route, generated from the route table in `@spark/contracts/api`
 * (the same schemas the routes parse with), so the reference cannot drift from the code.
 */
type JsonSchema = Record<string, unknown>;

/** Requests are described as a client writes them (defaults optional, coerced strings), answers as sent. */
function jsonSchema(schema: z.ZodTypeAny, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = zodToJsonSchema(schema, {
    target: 'jsonSchema2019-09',
    $refStrategy: 'none',
    effectStrategy: io === 'input' ? 'input' : 'any',
    pipeStrategy: io,
    removeAdditionalStrategy: 'strict',
  }) as JsonSchema;
  return rest;
}

/** A flat object schema as OpenAPI parameters (`in: query` or `in: path`). */
function parameters(schema: z.ZodTypeAny | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  303: 'See other: a plain HTML form post goes on to the thank-you page',
};

function successResponse(status: number, body: ResponseBody): JsonSchema {
  if (body === 'redirect') {
    return { description: STATUS_TEXT[status], headers: { Location: { schema: { type: 'string' } } } };
  }
  if (isMediaBody(body)) {
    return { description: body.description, content: { [body.mediaType]: { schema: { type: 'string' } } } };
  }
  return {
    description: STATUS_TEXT[status] ?? 'Success',
    content: { 'application/json': { schema: jsonSchema(body, 'output') } },
  };
}

const errorResponse = { $ref: '#/components/responses/Error' };

function operation(key: string, spec: ApiRouteSpec): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, body] of Object.entries(spec.responses)) {
    if (body !== undefined) responses[status] = successResponse(Number(status), body);
  }
  responses['4XX'] = errorResponse;
  responses['5XX'] = errorResponse;
  const params = [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')];
  return {
    operationId: key,
    summary: spec.summary,
    tags: [tagOf(spec.path)],
    ...(spec.auth === 'admin' ? { security: [{ bearer: [] }, { session: [] }] } : { security: [] }),
    ...(params.length ? { parameters: params } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
          },
        }
      : {}),
    responses,
    'x-spark-host': spec.host,
  };
}

/** `/api/seo/jobs/{id}` → `seo`: the second path segment groups the reference. */
const tagOf = (path: string) => path.split('/')[2] ?? 'api';

export function openApiDocument(serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [key, spec] of apiRoutes()) {
    const item = paths[spec.path] ?? {};
    item[spec.method.toLowerCase()] = operation(key, spec);
    paths[spec.path] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Spark API',
      version: '1',
      description:
        'Site routes (`x-spark-host: site`) act for the site the Host header names; admin routes need a Directus token (Bearer) or the admin session cookie and are held to the caller’s sites. Every error uses the envelope `{error: {code, message, details?}}`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A Directus static or access token' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'spark_session',
          description: 'The admin app’s session; writes also need the `X-CSRF-Token` header',
        },
      },
      schemas: { ErrorEnvelope: jsonSchema(errorEnvelopeSchema, 'output') },
      responses: {
        Error: {
          description: `An error in the envelope; \`code\` is one of ${Object.keys(errorCatalog).join(', ')}.`,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
        },
      },
    },
  };
}
