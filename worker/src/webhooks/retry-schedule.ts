/**
 * Delay before the next lead webhook attempt after `attemptsMade` failed ones: base, 2·base, 4·base, ...
 * With the default base (5.5 min) the 8 retries of 9 attempts span about 23 hours, so a receiver down for most
 * of a day still gets the lead.
 */
export function webhookRetryDelayMs(attemptsMade: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attemptsMade - 1);
}
