/** Humans need seconds to fill even a one-field form; scripts post at once. */
export const MIN_FILL_MS = 3000;

export type SpamReason = 'honeypot' | 'too_fast' | 'no_fill_time' | 'forged_token';

/** When the signed form token says the form was shown (`at` null: the token did not verify). */
export interface ShownAt {
  at: number | null;
  now: number;
}

/**
 * Why a submission looks automated, or null. The fill time comes from the signed token the page rendered
 * (`shown`) when there is one; API callers without it may report `elapsed_ms` themselves. Suspected spam gets
 * the normal success answer (a bot learns nothing to adapt to) and is stored with the `spam` status.
 */
export function spamReasonFor(
  body: { honeypot?: string; elapsed_ms?: number },
  shown?: ShownAt,
): SpamReason | null {
  if (body.honeypot && body.honeypot.trim() !== '') return 'honeypot';
  if (shown) {
    if (shown.at === null) return 'forged_token';
    return shown.now - shown.at < MIN_FILL_MS ? 'too_fast' : null;
  }
  if (body.elapsed_ms === undefined) return 'no_fill_time';
  if (body.elapsed_ms < MIN_FILL_MS) return 'too_fast';
  return null;
}
