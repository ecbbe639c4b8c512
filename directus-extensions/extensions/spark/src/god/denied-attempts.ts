/**
 * Refused god-mode calls (missing or wrong X-God-Token, token in the URL) are anonymous by definition, so
 * logging each as its own row would let anyone fill the work log. They are summed per client address over a
 * window instead, and the gate writes one row per address when the window closes.
 */
export interface DeniedAttempt {
  ip: string;
  reason: string;
  method: string;
  path: string;
  userAgent: string | null;
  at: Date;
}

export interface DeniedSummary {
  ip: string;
  count: number;
  /** How many attempts each refusal reason accounted for. */
  reasons: Record<string, number>;
  /** The first few distinct "METHOD path" pairs and user agents, enough to recognise a scanner. */
  paths: string[];
  userAgents: string[];
  /** How many of the attempts were answered 429 without being looked at. */
  throttled: number;
  from: string;
  to: string;
}

const MAX_PATHS = 10;
const MAX_USER_AGENTS = 5;
/** Past this many distinct addresses in one window, further ones share one summary row. */
export const OVERFLOW_IP = 'other addresses';

export class DeniedAttemptLog {
  private pending = new Map<string, DeniedSummary>();

  constructor(private readonly maxAddresses = 1000) {}

  add(attempt: DeniedAttempt, throttled: boolean): void {
    const ip =
      this.pending.has(attempt.ip) || this.pending.size < this.maxAddresses ? attempt.ip : OVERFLOW_IP;
    const at = attempt.at.toISOString();
    let summary = this.pending.get(ip);
    if (!summary) {
      summary = { ip, count: 0, reasons: {}, paths: [], userAgents: [], throttled: 0, from: at, to: at };
      this.pending.set(ip, summary);
    }
    summary.count += 1;
    summary.to = at;
    summary.reasons[attempt.reason] = (summary.reasons[attempt.reason] ?? 0) + 1;
    if (throttled) summary.throttled += 1;
    const path = `${attempt.method} ${attempt.path}`.slice(0, 200);
    if (summary.paths.length < MAX_PATHS && !summary.paths.includes(path)) summary.paths.push(path);
    const agent = attempt.userAgent?.slice(0, 200);
    if (agent && summary.userAgents.length < MAX_USER_AGENTS && !summary.userAgents.includes(agent)) {
      summary.userAgents.push(agent);
    }
  }

  /** The summaries gathered since the last drain, oldest address first; the log starts over empty. */
  drain(): DeniedSummary[] {
    const summaries = [...this.pending.values()];
    this.pending = new Map();
    return summaries;
  }
}
