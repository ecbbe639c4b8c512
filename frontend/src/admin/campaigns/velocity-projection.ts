import { type PublishingVelocity, schedulePublishing } from '@spark/core';
import type { CampaignForm } from './campaign-form.js';

const DAY = 86_400_000;

/** The velocity the server will use for this form (the same mapping as the publisher's). */
export function velocityOf(form: CampaignForm['velocity']): PublishingVelocity {
  const perDay = Math.max(1, Number.parseInt(form.per_day, 10) || 1);
  const rampTo = Number.parseInt(form.ramp_to, 10);
  if (form.mode === 'ramp_up' && rampTo > 0) {
    return {
      mode: 'ramp',
      startPerDay: perDay,
      maxPerDay: rampTo,
      rampDays: Math.max(1, Number.parseInt(form.ramp_days, 10) || 14),
    };
  }
  return { mode: 'steady', perDay };
}

/**
 * Articles per day over the next `days` days if there were always enough approved articles: the publisher's
 * own scheduler (`schedulePublishing`, seeded) run on placeholder ids, counted per UTC day.
 */
export function projectPerDay(form: CampaignForm['velocity'], startAt: Date, days = 28): number[] {
  const velocity = velocityOf(form);
  const peak =
    velocity.mode === 'steady' ? velocity.perDay : Math.max(velocity.startPerDay, velocity.maxPerDay);
  const weekendFactor = Math.min(1, Math.max(0, Number(form.weekend_factor) || 0));
  const count = Math.min(20_000, Math.ceil(peak * (days + 1)));
  const slots = schedulePublishing({
    articleIds: Array.from({ length: count }, (_, i) => String(i)),
    startAt,
    now: startAt,
    velocity,
    weekendFactor,
    seed: 'projection',
  });
  const firstDay = Math.floor(startAt.getTime() / DAY);
  const perDay = new Array<number>(days).fill(0);
  for (const slot of slots) {
    const day = Math.floor(slot.publishAt.getTime() / DAY) - firstDay;
    if (day >= 0 && day < days) perDay[day] = (perDay[day] ?? 0) + 1;
  }
  return perDay;
}
