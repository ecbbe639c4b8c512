import { GlobalsSchema } from '@spark/contracts';
import type { z } from 'zod';

type Payload = Record<string, unknown>;

/**
 * JSON fields whose shape the database cannot check but the tenant sites depend on: a value that breaks one of these
 * rules is refused at write time with the field and the reason, instead of being stored and taking pages down later.
 * Colours may be set one at a time, so only the keys present are checked (each against the same rule as a blueprint).
 */
const FIELD_RULES: Record<string, Record<string, z.ZodTypeAny>> = {
  globals: {
    colors: GlobalsSchema.shape.colors.partial(),
    social_links: GlobalsSchema.shape.social_links,
    allowed_script_sources: GlobalsSchema.shape.allowed_script_sources,
  },
};

export interface FieldProblem {
  field: string;
  message: string;
}

/** The first broken rule in a create/update payload, named by its dotted path; undefined when the payload is fine. */
export function findFieldProblem(collection: string, payload: Payload): FieldProblem | undefined {
  const rules = FIELD_RULES[collection];
  if (!rules) return undefined;
  for (const [field, rule] of Object.entries(rules)) {
    if (!(field in payload) || payload[field] === null) continue;
    const parsed = rule.safeParse(payload[field]);
    if (parsed.success) continue;
    const issue = parsed.error.issues[0];
    const path = [field, ...(issue?.path ?? [])].join('.');
    return { field: path, message: `${path}: ${issue?.message ?? 'is not valid'}` };
  }
  return undefined;
}
