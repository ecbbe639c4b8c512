import type { FormField } from '@spark/contracts';
import { z } from 'zod';

/** Limits for fields whose definition sets no max_length. */
const DEFAULT_MAX_LENGTH: Record<Exclude<FormField['type'], 'checkbox' | 'select'>, number> = {
  text: 500,
  email: 254,
  tel: 30,
  textarea: 5000,
  hidden: 500,
};

const PHONE = /^\+?[0-9][0-9 ().\-/]{3,29}$/;

/** Optional fields left blank arrive as "" from HTML forms; they mean "not given". */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
/** HTML checkboxes serialise as "on"; JSON clients send booleans. */
const checkboxValue = (value: unknown) =>
  value === 'on' || value === 'true' ? true : value === 'false' ? false : value;

function textSchema(field: FormField & { type: keyof typeof DEFAULT_MAX_LENGTH }): z.ZodTypeAny {
  const max = field.max_length ?? DEFAULT_MAX_LENGTH[field.type];
  let schema = z.string().trim().max(max, `must be at most ${max} characters`);
  if (field.type === 'email') schema = schema.email('must be an email address like name@example.com');
  if (field.type === 'tel') schema = schema.regex(PHONE, 'must be a phone number like +1 512 555 0142');
  return schema;
}

function fieldSchema(field: FormField): z.ZodTypeAny {
  if (field.type === 'checkbox') {
    const schema = field.required ? z.literal(true, { message: 'must be checked' }) : z.boolean();
    return z.preprocess(checkboxValue, field.required ? schema : schema.optional());
  }
  const schema =
    field.type === 'select'
      ? z.string().refine((value) => field.options?.includes(value) ?? false, {
          message: `must be one of: ${field.options?.join(', ')}`,
        })
      : textSchema(field as FormField & { type: keyof typeof DEFAULT_MAX_LENGTH });
  return z.preprocess(
    blankToUndefined,
    field.required ? schema.refine((v) => v !== undefined, 'is required') : schema.optional(),
  );
}

/**
 * The zod schema of one form's submissions, built from its field definitions: each field typed and bounded,
 * required ones enforced, and no field the form does not define.
 */
export function submissionSchema(fields: readonly FormField[]) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const field of fields) shape[field.name] = fieldSchema(field);
  return z.object(shape).strict();
}

/** What `/api/lead` validates against when no form is named: a plain contact form. */
export const CONTACT_FIELDS: FormField[] = [
  { name: 'name', label: 'Name', type: 'text', required: false, max_length: 120 },
  { name: 'email', label: 'Email', type: 'email', required: true, max_length: 254 },
  { name: 'phone', label: 'Phone', type: 'tel', required: false, max_length: 30 },
  { name: 'message', label: 'Message', type: 'textarea', required: false, max_length: 5000 },
];
