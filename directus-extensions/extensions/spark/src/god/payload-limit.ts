const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/**
 * Parses a Directus-style size (`MAX_PAYLOAD_SIZE`, e.g. `50mb`, `512kb`, `1048576`) into bytes, with the same
 * 1024-based units Directus's body parser uses, so the god gate and Directus agree on the limit.
 */
export function parseByteSize(value: string | number | undefined, fallback: number): number {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : fallback;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value ?? '');
  if (!match) return fallback;
  const unit = UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1;
  return Math.floor(Number(match[1]) * unit);
}

export const DEFAULT_GOD_PAYLOAD_LIMIT = 50 * 1024 ** 2;
