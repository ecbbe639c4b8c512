import { InvalidPayloadError } from '@directus/errors';
import type { HookConfig } from '@directus/types';
import { findFieldProblem } from '../validation/field-rules.js';

/**
 * Checks structured JSON fields (theme colours, social links, script origins) on every create and update through
 * Directus — the Data Studio, REST and GraphQL alike — and refuses a broken value with a 400 naming the field.
 */
const validateFieldsHook: HookConfig = ({ filter }) => {
  for (const event of ['items.create', 'items.update'] as const) {
    filter(event, (payload, meta) => {
      if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
      const problem = findFieldProblem(String(meta.collection), payload as Record<string, unknown>);
      if (problem) throw new InvalidPayloadError({ reason: problem.message });
      return payload;
    });
  }
};

export default validateFieldsHook;
