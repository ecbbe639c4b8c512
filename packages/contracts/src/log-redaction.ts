/**
 * What may never reach a log (work_log diffs and details, whoever can read them): values under a key that
 * names a secret, at any depth of objects and arrays. Keys are matched, not values: a secret is recognised by
 * where it is stored (`settings.lead_webhook.secret`, `smtp.password`, `headers.Authorization`).
 */
export const SECRET_KEY =
  /(password|passwd|passphrase|token|secret|api[_-]?key|access[_-]?key|private[_-]?key|public_key|credential|tfa|authorization|cookie|signature)/i;

export const REDACTED = '[redacted]';

/** Deeper than this, a value is replaced whole: a log needs no more, and recursion stays bounded. */
const MAX_DEPTH = 32;

/**
 * A copy of `value` with every secret-named key's value replaced by `[redacted]`, at any depth. A string
 * holding a JSON object or array (a jsonb field sent as text) is redacted inside and returned as text.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (value instanceof Date) return value;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        SECRET_KEY.test(key) ? REDACTED : redactSecrets(item, depth + 1),
      ]),
    );
  }
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      return JSON.stringify(redactSecrets(JSON.parse(value), depth + 1));
    } catch {
      return value;
    }
  }
  return value;
}
