import type { FormField } from '@spark/contracts';
import { ATTRIBUTION_KEYS } from '@spark/contracts';

export interface LeadColumns {
  email: string | null;
  name: string | null;
  phone: string | null;
  /** Every other answer, by field name. */
  data: Record<string, unknown>;
}

const NAME_FIELDS = ['name', 'full_name', 'fullname', 'your_name'];

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Lifts the answers a CRM sorts by (email, name, phone) into columns, using the field types the form declares;
 * everything else stays in `data`. `first_name` + `last_name` forms get a combined name.
 */
export function leadColumns(fields: readonly FormField[], values: Record<string, unknown>): LeadColumns {
  const emailField = fields.find((f) => f.type === 'email')?.name;
  const phoneField = fields.find((f) => f.type === 'tel')?.name;
  const nameField = fields.find((f) => NAME_FIELDS.includes(f.name))?.name;
  const combined = [text(values.first_name), text(values.last_name)].filter(Boolean).join(' ');
  const lifted = new Set([emailField, phoneField, nameField].filter((n): n is string => !!n));
  const data = Object.fromEntries(Object.entries(values).filter(([key]) => !lifted.has(key)));
  return {
    email: emailField ? (text(values[emailField])?.toLowerCase() ?? null) : null,
    name: (nameField ? text(values[nameField]) : null) ?? (combined || null),
    phone: phoneField ? text(values[phoneField]) : null,
    data,
  };
}

export type Attribution = Record<(typeof ATTRIBUTION_KEYS)[number], string | null>;

/** UTM tags and click ids: what the body says, else what the page URL carried. */
export function attribution(
  body: Partial<Record<keyof Attribution, string>>,
  pageUrl: string | undefined,
): Attribution {
  let params: URLSearchParams | null = null;
  try {
    params = pageUrl ? new URL(pageUrl).searchParams : null;
  } catch {
    params = null;
  }
  const result = {} as Attribution;
  for (const key of ATTRIBUTION_KEYS) {
    result[key] =
      body[key] ||
      params
        ?.get(key)
        ?.trim()
        .slice(0, key.startsWith('utm') ? 200 : 500) ||
      null;
  }
  return result;
}
