import { describe, expect, it } from 'vitest';
import { DeniedAttemptLog, OVERFLOW_IP } from './denied-attempts.js';

const attempt = (ip: string, n: number, reason = 'wrong token') => ({
  ip,
  reason,
  method: 'GET',
  path: '/god/status',
  userAgent: `scanner/${n % 2}`,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
});

describe('summing refused god-mode calls', () => {
  it('keeps one summary per address with counts per reason, and starts over after a drain', () => {
    const log = new DeniedAttemptLog();
    for (let n = 0; n < 40; n++)
      log.add(attempt('192.0.2.1', n, n < 30 ? 'wrong token' : 'missing header'), n >= 20);
    log.add(attempt('192.0.2.2', 0), false);
    const [first, second] = log.drain();
    expect(first).toMatchObject({
      ip: '192.0.2.1',
      count: 40,
      throttled: 20,
      reasons: { 'wrong token': 30, 'missing header': 10 },
      paths: ['GET /god/status'],
      userAgents: ['scanner/0', 'scanner/1'],
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:39.000Z',
    });
    expect(second?.count).toBe(1);
    expect(log.drain()).toEqual([]);
  });

  it('folds addresses beyond its bound into one summary', () => {
    const log = new DeniedAttemptLog(2);
    for (let n = 0; n < 5; n++) log.add(attempt(`198.51.100.${n}`, n), false);
    const summaries = log.drain();
    expect(summaries.map((s) => [s.ip, s.count])).toEqual([
      ['198.51.100.0', 1],
      ['198.51.100.1', 1],
      [OVERFLOW_IP, 3],
    ]);
  });
});
