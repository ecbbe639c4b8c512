/** Humans need seconds to fill even a one-field form; scripts post at once. */
export const MIN_FILL_MS = 3000;

export type SpamReason = 'honeypot' | 'too_fast' | 'no_fill_time';

/**
 * Why a submission looks automated, or null. Such submissions get the normal success answer (a bot learns
 * nothing to adapt to) and nothing is stored.
 */
export function spamReasonFor(body: { honeypot?: string; elapsed_ms?: number }): SpamReason | null {
  if (body.honeypot && body.honeypot.trim() !== '') return 'honeypot';
  if (body.elapsed_ms === undefined) return 'no_fill_time';
  if (body.elapsed_ms < MIN_FILL_MS) return 'too_fast';
  return null;
}
