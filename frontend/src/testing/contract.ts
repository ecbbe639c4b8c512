import { errorEnvelopeSchema } from '@spark/contracts';
import { isMediaBody, matchApiRoute } from '@spark/contracts/api';

/**
 * Holds an answer of the running server to its route's contract in the route table: a success status the route
 * lists, a JSON body its response schema accepts (or the listed media type), and errors in the envelope.
 * `callApi` runs it on every answer, so every integration suite checks the response schemas of what it calls.
 * Returns what is wrong, or null.
 */
export function contractViolation(
  method: string,
  pathname: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string | null {
  const route = matchApiRoute(method, pathname);
  if (!route) return null;
  const [key, spec] = route;
  const json = contentType?.startsWith('application/json') ?? false;
  if (status >= 400) {
    if (!json) return null; // a plain HTML form post gets a readable error page instead
    return errorEnvelopeSchema.safeParse(body).success
      ? null
      : `${key} answered ${status} outside the error envelope`;
  }
  const expected = spec.responses[status as keyof typeof spec.responses];
  if (expected === undefined) return `${key} answered ${status}, which its entry in API_ROUTES does not list`;
  if (expected === 'redirect') return null;
  if (isMediaBody(expected)) {
    return contentType?.startsWith(expected.mediaType)
      ? null
      : `${key} answered ${contentType ?? 'no content type'} instead of ${expected.mediaType}`;
  }
  if (!json) return `${key} answered ${status} with ${contentType ?? 'no content type'} instead of JSON`;
  const parsed = expected.safeParse(body);
  if (parsed.success) return null;
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  return `${key} answered a ${status} body its response schema rejects — ${issues}`;
}
