import { createRng } from '../random/rng.js';

export type PublishingVelocity =
  | { readonly mode: 'steady'; readonly perDay: number }
  /** Linear from startPerDay on the first day to maxPerDay on day rampDays, then flat. */
  | {
      readonly mode: 'ramp';
      readonly startPerDay: number;
      readonly maxPerDay: number;
      readonly rampDays: number;
    };

export interface SchedulePublishingInput {
  /** In publishing order; publish times are non-decreasing in this order. */
  readonly articleIds: readonly string[];
  readonly startAt: Date;
  /** Injected clock; nothing is ever scheduled before it. */
  readonly now: Date;
  readonly velocity: PublishingVelocity;
  /** Multiplier for Saturday and Sunday (UTC), 0..1; default 1 (no throttle). */
  readonly weekendFactor?: number;
  /** Publishing hours within each UTC day, [startHour, endHour); default the whole day. */
  readonly window?: { readonly startHour: number; readonly endHour: number };
  /** Seeds the spread of times within a day; default "schedule". */
  readonly seed?: string;
}

export interface ScheduledArticle {
  readonly articleId: string;
  readonly publishAt: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SECOND = 1000;

function validate(input: SchedulePublishingInput): void {
  const { velocity } = input;
  const positive = (value: number) => Number.isFinite(value) && value > 0;
  if (velocity.mode === 'steady' && !positive(velocity.perDay)) {
    throw new RangeError(`perDay must be > 0, got ${velocity.perDay}`);
  }
  if (
    velocity.mode === 'ramp' &&
    (!positive(velocity.maxPerDay) ||
      !(velocity.startPerDay >= 0) ||
      !Number.isInteger(velocity.rampDays) ||
      velocity.rampDays < 1)
  ) {
    throw new RangeError('Ramp needs maxPerDay > 0, startPerDay >= 0 and an integer rampDays >= 1');
  }
  const factor = input.weekendFactor ?? 1;
  if (!(factor >= 0 && factor <= 1)) throw new RangeError(`weekendFactor must be in [0, 1], got ${factor}`);
  const { startHour, endHour } = input.window ?? { startHour: 0, endHour: 24 };
  if (
    !(
      Number.isInteger(startHour) &&
      Number.isInteger(endHour) &&
      startHour >= 0 &&
      startHour < endHour &&
      endHour <= 24
    )
  ) {
    throw new RangeError(`Window must be whole hours with 0 <= startHour < endHour <= 24`);
  }
  if (Number.isNaN(input.startAt.getTime()) || Number.isNaN(input.now.getTime()))
    throw new RangeError('Invalid date');
}

function dailyRate(velocity: PublishingVelocity, day: number): number {
  if (velocity.mode === 'steady') return velocity.perDay;
  if (velocity.rampDays <= 1) return velocity.maxPerDay;
  const progress = Math.min(day, velocity.rampDays - 1) / (velocity.rampDays - 1);
  return velocity.startPerDay + (velocity.maxPerDay - velocity.startPerDay) * progress;
}

/**
 * Assigns publish_at times. Days are UTC calendar days (timezone-agnostic on purpose: a tenant who
 * thinks in local time shifts `window` instead). Each day's quota is the velocity rate, times
 * weekendFactor on Sat/Sun, times the fraction of the window still ahead on the first day;
 * fractional quotas carry over, so 0.5/day publishes every other day and nothing is lost to
 * rounding. A day's articles are spread over its window, one per equal slice at a seeded offset
 * inside the slice, whole seconds. Never earlier than max(startAt, now).
 */
export function schedulePublishing(input: SchedulePublishingInput): ScheduledArticle[] {
  validate(input);
  const { startHour, endHour } = input.window ?? { startHour: 0, endHour: 24 };
  const weekendFactor = input.weekendFactor ?? 1;
  const rng = createRng(`schedule:${input.seed ?? 'schedule'}`);
  const begin = Math.ceil(Math.max(input.startAt.getTime(), input.now.getTime()) / SECOND) * SECOND;
  const firstDay = Math.floor(begin / DAY) * DAY;
  const scheduled: ScheduledArticle[] = [];
  let carry = 0;

  for (let day = 0; scheduled.length < input.articleIds.length; day += 1) {
    const dayStart = firstDay + day * DAY;
    const windowStart = dayStart + startHour * HOUR;
    const windowEnd = dayStart + endHour * HOUR;
    const from = Math.max(windowStart, begin);
    if (from >= windowEnd) continue;
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? weekendFactor : 1;
    carry += dailyRate(input.velocity, day) * weekend * ((windowEnd - from) / (windowEnd - windowStart));
    // The epsilon keeps 0.1 + 0.2 + … from losing an article to floating-point error.
    const quota = Math.min(Math.floor(carry + 1e-9), input.articleIds.length - scheduled.length);
    carry = Math.max(0, carry - quota);
    const slice = (windowEnd - from) / Math.max(quota, 1);
    for (let j = 0; j < quota; j += 1) {
      const at = Math.floor((from + slice * (j + rng.nextFloat())) / SECOND) * SECOND;
      const articleId = input.articleIds[scheduled.length] as string;
      scheduled.push({ articleId, publishAt: new Date(Math.min(Math.max(at, from), windowEnd - SECOND)) });
    }
  }
  return scheduled;
}
