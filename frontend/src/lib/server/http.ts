import { STATUS_CODES } from 'node:http';
import { AppError } from '@spark/contracts';
import { toWebResponse } from './api/astro-adapter.js';
import type { EndpointReply } from './api/endpoint.js';
import { log } from './observability/logger.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): EndpointReply {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** Every API error leaves through here, in the one envelope; unknown errors never show their stack. */
export function errorReply(error: unknown): EndpointReply {
  if (error instanceof AppError) return jsonReply(error.toEnvelope(), error.status);
  log().error({ err: error }, 'unexpected error answered with 500');
  return jsonReply(
    new AppError('INTERNAL', 'Something went wrong on our side; it has been logged.').toEnvelope(),
    500,
  );
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return toWebResponse(jsonReply(body, status, headers));
}

export function errorResponse(error: unknown): Response {
  return toWebResponse(errorReply(error));
}

/**
 * Sets a rendered page's status with its reason phrase: Astro's page response starts as 200 "OK" and keeps
 * that phrase when only the status changes, so a 404 would go out as "404 OK".
 */
export function setPageStatus(response: { status?: number; statusText?: string }, status: number): void {
  response.status = status;
  response.statusText = STATUS_CODES[status] ?? '';
}
