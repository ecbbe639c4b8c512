import { z } from 'zod';
import { identifier, stateCode, text } from './primitives.js';

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed'] as const;
export const LOCATION_MODES = ['none', 'state', 'county', 'city', 'radius'] as const;

/** What the location mode targets; which fields are needed depends on `location_mode`. */
export const LocationTargetSchema = z
  .object({
    state_code: stateCode.optional(),
    county: text(120).optional(),
    city: text(120).optional(),
    center: z
      .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .strict()
      .optional(),
    radius_km: z.number().positive().max(2000).optional(),
  })
  .strict();

export const VelocitySchema = z
  .object({
    mode: z.enum(['steady', 'ramp_up']).default('steady'),
    per_day: z.number().int().min(1).max(10_000).default(10),
    /** For `ramp_up`: the daily count reached after `ramp_days`. */
    ramp_to: z.number().int().min(1).max(10_000).optional(),
    ramp_days: z.number().int().min(1).max(365).optional(),
    weekend_factor: z.number().min(0).max(1).default(1),
  })
  .strict();

type LocationField = keyof z.infer<typeof LocationTargetSchema>;

const REQUIRED_LOCATION_FIELDS: Record<(typeof LOCATION_MODES)[number], readonly LocationField[]> = {
  none: [],
  state: ['state_code'],
  county: ['state_code', 'county'],
  city: ['state_code', 'city'],
  radius: ['center', 'radius_km'],
};

export const CampaignSchema = z
  .object({
    name: text(160),
    status: z.enum(CAMPAIGN_STATUSES).default('draft'),
    headline_spintax_root: text(2000),
    niche_variables: z.record(identifier, text(300)).default({}),
    location_mode: z.enum(LOCATION_MODES).default('none'),
    location: LocationTargetSchema.default({}),
    /** Avatar names, resolved in the site's library first, then the shared one. */
    avatars: z.array(text(120)).max(50).default([]),
    /** Article template name, resolved like avatars. */
    template: text(120).optional(),
    target_word_count: z.number().int().min(200).max(20_000).default(1500),
    velocity: VelocitySchema.default({}),
    /** IANA zone the daily publishing quota and weekend throttle are computed in. */
    timezone: z
      .string()
      .max(64)
      .regex(/^(?:UTC|[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+)$/, 'must be an IANA time zone like America/Chicago')
      .default('UTC'),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const field of REQUIRED_LOCATION_FIELDS[c.location_mode]) {
      if (c.location[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['location', field],
          message: `location_mode "${c.location_mode}" needs location.${field}`,
        });
      }
    }
    if (c.velocity.mode === 'ramp_up' && c.velocity.ramp_to === undefined) {
      ctx.addIssue({ code: 'custom', path: ['velocity', 'ramp_to'], message: 'ramp_up needs ramp_to' });
    }
  });

export type Campaign = z.infer<typeof CampaignSchema>;
