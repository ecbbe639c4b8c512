import { AppError } from '@spark/contracts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** Every API error leaves through here, in the one envelope; unknown errors never show their stack. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return jsonResponse(error.toEnvelope(), error.status);
  console.error(error);
  return jsonResponse(
    new AppError('INTERNAL', 'Something went wrong on our side; it has been logged.').toEnvelope(),
    500,
  );
}
