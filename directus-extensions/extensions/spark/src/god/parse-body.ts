import { validationError } from '@spark/contracts';
import type { z } from 'zod';

/** zod at the boundary: a body that does not match answers 422 with the first problem in the message. */
export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, what);
  return parsed.data;
}
