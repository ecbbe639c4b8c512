import { z } from 'zod';
import { CONVERSION_TYPES, DROP_REASONS } from '../jobs/analytics.js';

/**
 * Tracking request bodies. Every field is bounded; free text may not start like a spreadsheet formula, so an
 * export of these values can never execute in Excel or Sheets.
 */
const FORMULA_PREFIX = /^[=+\-@\t\r]/;
const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !FORMULA_PREFIX.test(value), 'must not start with =, +, -, @, tab or carriage return');

const pageUrl = z.string().min(1).max(2048);
/** Optional client id: lets a client retry a call without counting it twice. */
const eventId = z.string().uuid().optional();

export const pageviewBodySchema = z
  .object({
    url: pageUrl,
    referrer: z.string().max(2048).nullable().optional(),
    title: plainText(300).optional(),
    id: eventId,
  })
  .strict();

const propKey = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'prop names are 1–40 letters, digits, _ . or -');
const propValue = z.union([plainText(200), z.number().finite(), z.boolean()]);

export const eventBodySchema = z
  .object({
    url: pageUrl,
    name: plainText(100).pipe(z.string().trim().min(1, 'name the event')),
    props: z
      .record(propKey, propValue)
      .refine((props) => Object.keys(props).length <= 20, 'at most 20 props')
      .optional(),
    id: eventId,
  })
  .strict();

export const conversionBodySchema = z
  .object({
    url: pageUrl,
    type: z.enum(CONVERSION_TYPES),
    value: z.number().min(0).max(1_000_000_000).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code like USD')
      .optional(),
    lead_id: z.string().uuid().optional(),
    id: eventId,
  })
  .strict()
  .refine((body) => body.value === undefined || body.currency !== undefined, {
    message: 'a value needs its currency',
    path: ['currency'],
  });

export type PageviewBody = z.infer<typeof pageviewBodySchema>;
export type EventBody = z.infer<typeof eventBodySchema>;
export type ConversionBody = z.infer<typeof conversionBodySchema>;

/** Tracking answers 202 either way, so a page never retries a call that was refused on purpose. */
export const TrackingOutcomeSchema = z.union([
  z.object({ accepted: z.literal(true) }),
  z.object({ accepted: z.literal(false), reason: z.enum(DROP_REASONS) }),
]);
