import { type StreamedAnalyticsEvent, streamedAnalyticsEventSchema } from '@spark/contracts';

/** A stream entry as Redis returns it: id and a flat [field, value, field, value…] list. */
export type StreamEntry = [id: string, fields: string[]];

function isEntry(value: unknown): value is StreamEntry {
  return (
    Array.isArray(value) &&
    typeof value[0] === 'string' &&
    Array.isArray(value[1]) &&
    value[1].every((field: unknown) => typeof field === 'string')
  );
}

/** Entries of an XREADGROUP reply (`[[stream, entries]]` or null). */
export function entriesOfRead(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((stream: unknown) =>
    Array.isArray(stream) && Array.isArray(stream[1]) ? stream[1].filter(isEntry) : [],
  );
}

/** Entries of an XAUTOCLAIM reply (`[cursor, entries, deleted?]`); entries deleted meanwhile are skipped. */
export function entriesOfClaim(reply: unknown): { cursor: string; entries: StreamEntry[] } {
  if (!Array.isArray(reply) || typeof reply[0] !== 'string') return { cursor: '0-0', entries: [] };
  return { cursor: reply[0], entries: Array.isArray(reply[1]) ? reply[1].filter(isEntry) : [] };
}

/**
 * Field `e` holds the event JSON, field `s` the session id the frontend's script resolved atomically with the
 * append. Null for an entry that does not match the contract (it is acknowledged and logged, never retried).
 */
export function decodeEntry(fields: readonly string[]): StreamedAnalyticsEvent | null {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i] as string, fields[i + 1] as string);
  const raw = values.get('e');
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object') return null;
  const parsed = streamedAnalyticsEventSchema.safeParse({ ...json, session_id: values.get('s') ?? null });
  return parsed.success ? parsed.data : null;
}
