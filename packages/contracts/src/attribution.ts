/** Campaign attribution a lead or a visit carries: UTM tags and the ad networks' click ids, in column order. */
export const ATTRIBUTION_KEYS = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'gclid',
  'fbclid',
  'msclkid',
] as const;

export type AttributionKey = (typeof ATTRIBUTION_KEYS)[number];
